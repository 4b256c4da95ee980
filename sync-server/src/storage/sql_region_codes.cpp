// SqlStorage's region codes (区划代码, migration 16): read whole, written all or nothing.
#include <optional>

#include "storage/sql_records.h"
#include "storage/sql_storage.h"

namespace anju::server {

Result<std::vector<RegionCode>> SqlStorage::regionCodes() {
  std::optional<Result<std::vector<RegionCode>>> out;
  Status s = driver().withReadSession([&](SqlSession& session) {
    out.emplace(collectRows(session,
                            "SELECT district, street, community, code FROM region_codes "
                            "ORDER BY district, street, community",
                            {}, [](const SqlRows& r) {
                              return RegionCode{{r.text(0), r.text(1), r.text(2)}, r.text(3)};
                            }));
    return out->status();
  });
  if (!out) return s;
  return std::move(*out);
}

Status SqlStorage::putRegionCodes(const std::vector<RegionCode>& codes, TimestampMs at) {
  Result<std::unique_ptr<SqlTransaction>> tx = driver().beginWrite();
  if (!tx) return tx.status();
  SqlSession& session = (*tx)->session();
  // A code moving from one region to another within the file: clear the old holders first so
  // the UNIQUE (code) constraint judges the end state, not the order of the rows.
  for (const RegionCode& c : codes)
    if (Status s = session.run("DELETE FROM region_codes WHERE code = $1 AND NOT (district = $2 "
                               "AND street = $3 AND community = $4)",
                               SqlParams()
                                   .text(c.code)
                                   .text(c.region.district)
                                   .text(c.region.street)
                                   .text(c.region.community));
        !s)
      return s;
  for (const RegionCode& c : codes)
    if (Status s =
            session.run("INSERT INTO region_codes (district, street, community, code, updated_at) "
                        "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (district, street, community) "
                        "DO UPDATE SET code = excluded.code, updated_at = excluded.updated_at",
                        SqlParams()
                            .text(c.region.district)
                            .text(c.region.street)
                            .text(c.region.community)
                            .text(c.code)
                            .int64(at));
        !s)
      return s;
  return (*tx)->commit();
}

}  // namespace anju::server
