// The map of my houses: every house with its list columns, GPS and owner. The GPS and the owner
// live only in the record payload, so each row is decoded; the list columns come from the table
// as for the house list (store_list.cpp).
#include "anju/enum_codes.h"
#include "store/record_rows.h"
#include "store/store_impl.h"

namespace anju {

Result<std::vector<MapHouse>> Store::listMapHouses() {
  std::lock_guard lock(m_impl->mutex);
  Result<store::StatementUse> query = m_impl->db->cached(
      "SELECT id, district, street, community, address, latest_judgment, latest_review, "
      "latest_inspected_at, payload, last_visit_outcome, last_visited_at, visit_count "
      "FROM buildings ORDER BY district, street, community, address_key, id");
  if (!query) return query.status();
  std::vector<MapHouse> out;
  for (;;) {
    Result<bool> row = (*query)->step();
    if (!row) return row.status();
    if (!*row) return out;
    const store::Statement& s = **query;
    MapHouse house;
    house.summary.id = s.text(0);
    house.summary.region = {s.text(1), s.text(2), s.text(3)};
    house.summary.address = s.text(4);
    house.summary.lastInspectedAt = s.integer(7);
    // Unknown codes (written by a newer build) show as "not judged", as in the list.
    if (!s.isNull(5)) house.summary.judgment = parsePreliminaryJudgment(s.text(5));
    if (!s.isNull(6)) house.summary.review = parseReviewState(s.text(6));
    if (!s.isNull(9)) house.summary.lastVisitOutcome = parseVisitOutcome(s.text(9));
    house.summary.lastVisitedAt = s.isNull(10) ? 0 : s.integer(10);
    house.summary.visitCount = static_cast<int>(s.integer(11));
    Result<Building> building = store::decodeAs<Building>(s.blob(8));
    if (!building) return building.status();
    house.location = building->location;
    house.ownerName = std::move(building->ownerName);
    house.ownerContact = std::move(building->ownerContact);
    out.push_back(std::move(house));
  }
}

}  // namespace anju
