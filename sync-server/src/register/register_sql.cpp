#include "register/register_sql.h"

#include <cmath>
#include <string_view>

#include "anju/natural_sort.h"

namespace anju::server {
namespace {

class WhereBuilder {
 public:
  WhereBuilder(std::string (*placeholder)(int), int first) : m_ph(placeholder), m_next(first) {}
  std::string param(SqlValue value) {
    m_out.params.push_back(std::move(value));
    return m_ph(m_next++);
  }
  void require(const std::string& condition) { m_out.sql += " AND " + condition; }
  SqlWhere done() {
    m_out.sql = " WHERE 1 = 1" + m_out.sql;
    return std::move(m_out);
  }

 private:
  std::string (*m_ph)(int);
  int m_next;
  SqlWhere m_out;
};

// Characters (code points) of UTF-8 text: the bytes that do not continue a sequence.
std::size_t utf8Length(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

SqlWhere registerWhere(const RegisterFilter& f, const std::optional<RegisterKey>& after,
                       std::string (*placeholder)(int), int firstParam) {
  WhereBuilder w(placeholder, firstParam);
  if (!f.scope.unrestricted()) {
    if (f.scope.grants().empty()) {
      w.require("1 = 0");  // no grant: nothing visible
    } else {
      // One OR-ed condition per grant; empty street/community in a grant means "any".
      std::string any;
      for (const RegionPath& g : f.scope.grants()) {
        if (!any.empty()) any += " OR ";
        any += "(district = " + w.param(g.district);
        if (!g.street.empty()) any += " AND street = " + w.param(g.street);
        if (!g.community.empty()) any += " AND community = " + w.param(g.community);
        any += ")";
      }
      w.require("(" + any + ")");
    }
  }
  if (!f.district.empty()) w.require("district = " + w.param(f.district));
  if (!f.street.empty()) w.require("street = " + w.param(f.street));
  if (!f.community.empty()) w.require("community = " + w.param(f.community));
  if (f.judgment) w.require("judgment = " + w.param(*f.judgment));
  if (f.review) w.require("review = " + w.param(*f.review));
  if (f.rectification)
    w.require("rectification = " + w.param(*f.rectification == "none" ? "" : *f.rectification));
  if (f.inspectedFrom || f.inspectedTo) w.require("inspection_id <> ''");
  if (f.inspectedFrom) w.require("inspected_at >= " + w.param(*f.inspectedFrom));
  if (f.inspectedTo) w.require("inspected_at < " + w.param(*f.inspectedTo));
  if (f.notVisitedOnly) w.require("inspection_id = ''");
  if (f.closure && *f.closure == "open")
    w.require("hazard_count > 0 AND hazards_closed < hazard_count");
  if (f.closure && *f.closure == "closed")
    w.require("hazard_count > 0 AND hazards_closed = hazard_count");
  // house_search is the search index over search_text (migration 11): on SQLite an FTS5
  // trigram table, on PostgreSQL a view of house_register with a pg_trgm index; both answer
  // LIKE '%term%' from their trigrams. Trigrams cannot answer a term of one or two characters
  // (and SQLite 3.40's trigram LIKE wrongly finds nothing for two CJK characters), so such a
  // term is matched on the row itself while the pages walk the key order (docs/console.md).
  // Terms hold no LIKE wildcard (searchTerms).
  for (const std::string& term : f.searchTerms) {
    const std::string pattern = w.param("%" + term + "%");
    if (utf8Length(term) >= 3)
      w.require("building_id IN (SELECT building_id FROM house_search WHERE search_text LIKE " +
                pattern + ")");
    else
      w.require("search_text LIKE " + pattern);
  }
  if (after) {
    // A row-value comparison over the key columns: both backends walk the key index with it.
    std::string tuple = "(" + w.param(after->region.district);
    tuple += ", " + w.param(after->region.street);
    tuple += ", " + w.param(after->region.community);
    tuple += ", " + w.param(naturalSortKey(after->address));
    tuple += ", " + w.param(after->buildingId) + ")";
    w.require(std::string("(") + kRegisterKeyColumns + ") > " + tuple);
  }
  return w.done();
}

void appendInboxAfter(SqlWhere& where, const InboxKey& after, std::string (*placeholder)(int)) {
  const int next = static_cast<int>(where.params.size()) + 1;
  where.sql += " AND (inspected_at, building_id) > (" + placeholder(next) + ", " +
               placeholder(next + 1) + ")";
  where.params.emplace_back(after.inspectedAt);
  where.params.emplace_back(after.buildingId);
}

std::string registerSearchText(const RegisterRow& r) {
  std::string digits;
  for (char c : r.ownerContact)
    if (c >= '0' && c <= '9') digits += c;
  std::string text = r.address + "\n" + r.ownerName + "\n" + r.ownerContact + "\n" + digits + "\n" +
                     r.buildingCode;
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

std::vector<SqlValue> registerRowValues(const RegisterRow& r) {
  auto e7 = [](double degrees) { return static_cast<std::int64_t>(std::llround(degrees * 1e7)); };
  return {r.buildingId,
          r.region.district,
          r.region.street,
          r.region.community,
          r.address,
          std::int64_t{r.location.has_value()},
          r.location ? e7(r.location->latitude) : 0,
          r.location ? e7(r.location->longitude) : 0,
          r.ownerName,
          std::int64_t{r.yearBuilt.value_or(0)},
          std::int64_t{r.storeysAbove},
          std::int64_t{r.storeysBelow},
          r.structure,
          r.use,
          r.buildingCode,
          r.inspectionId,
          r.inspectedAt,
          r.inspector,
          r.judgment,
          std::int64_t{r.judgmentOverridden},
          r.appraisalGrade,
          r.review,
          std::int64_t{r.findingCount},
          r.rectification,
          r.rectificationDeadline,
          std::int64_t{r.photoCount},
          std::int64_t{r.inProgress},
          naturalSortKey(r.address),
          std::int64_t{r.visitCount},
          std::int64_t{r.nobodyHomeCount},
          std::int64_t{r.refusedCount},
          r.lastVisitOutcome,
          r.lastVisitedAt,
          std::int64_t{r.hazardCount},
          std::int64_t{r.hazardsClosed},
          r.ownerContact,
          registerSearchText(r)};
}

}  // namespace anju::server
