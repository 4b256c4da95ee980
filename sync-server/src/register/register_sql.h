// The SQL of the register index (house_register): the column list, the WHERE clause of a
// RegisterFilter plus keyset position, and the row <-> values mapping. The parameter syntax is
// passed in (the drivers take $N). Private to register/sql_register_index.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "register/register_query.h"

namespace anju::server {

using SqlValue = std::variant<std::string, std::int64_t>;

/// Columns of house_register in the order registerRowValues and readRegisterRow use.
inline constexpr const char* kRegisterColumns =
    "building_id, district, street, community, address, has_location, latitude_e7, "
    "longitude_e7, owner_name, year_built, storeys_above, storeys_below, structure, use_code, "
    "building_code, inspection_id, inspected_at, inspector, judgment, judgment_overridden, "
    "appraisal_grade, review, finding_count, rectification, rectification_deadline, photo_count, "
    "in_progress, address_key, visit_count, nobody_home_count, refused_count, last_visit_outcome, "
    "last_visited_at, hazard_count, hazards_closed, owner_contact, search_text";
inline constexpr int kRegisterColumnCount = 37;
/// The sort key columns (the index house_register_by_key). address_key is naturalSortKey(address)
/// (anju/natural_sort.h), so house numbers sort 1号, 2号, 12号 in the console and every export.
inline constexpr const char* kRegisterKeyColumns =
    "district, street, community, address_key, building_id";

struct SqlWhere {
  std::string sql;  // " WHERE ..." (never empty: at least "1 = 1")
  std::vector<SqlValue> params;
};

/// `placeholder(n)` spells parameter n; numbering starts at `firstParam`.
SqlWhere registerWhere(const RegisterFilter& filter, const std::optional<RegisterKey>& after,
                       std::string (*placeholder)(int), int firstParam = 1);

/// What the console's search box matches for a row (search_text): address, owner name, phone as
/// written and as digits only, and the house code, ASCII letters lower-cased, one field per line
/// so a term never matches across two fields. Terms are normalised by searchTerms
/// (register_query.h) the same way.
std::string registerSearchText(const RegisterRow& row);

/// The keyset condition of the inbox order (inspected_at, building_id), appended to `where`.
void appendInboxAfter(SqlWhere& where, const InboxKey& after, std::string (*placeholder)(int));

/// The row as column values, in kRegisterColumns order.
std::vector<SqlValue> registerRowValues(const RegisterRow& row);

/// Reads kRegisterColumns from any result with text(i) and int64(i), starting at column 0.
template <typename Columns>
RegisterRow readRegisterRow(const Columns& c) {
  RegisterRow r;
  r.buildingId = c.text(0);
  r.region = {c.text(1), c.text(2), c.text(3)};
  r.address = c.text(4);
  if (c.int64(5) != 0)
    r.location =
        GeoPoint{static_cast<double>(c.int64(6)) / 1e7, static_cast<double>(c.int64(7)) / 1e7, {}};
  r.ownerName = c.text(8);
  if (c.int64(9) != 0) r.yearBuilt = static_cast<int>(c.int64(9));
  r.storeysAbove = static_cast<int>(c.int64(10));
  r.storeysBelow = static_cast<int>(c.int64(11));
  r.structure = c.text(12);
  r.use = c.text(13);
  r.buildingCode = c.text(14);
  r.inspectionId = c.text(15);
  r.inspectedAt = c.int64(16);
  r.inspector = c.text(17);
  r.judgment = c.text(18);
  r.judgmentOverridden = c.int64(19) != 0;
  r.appraisalGrade = c.text(20);
  r.review = c.text(21);
  r.findingCount = static_cast<int>(c.int64(22));
  r.rectification = c.text(23);
  r.rectificationDeadline = c.text(24);
  r.photoCount = static_cast<int>(c.int64(25));
  r.inProgress = c.int64(26) != 0;
  // 27 is address_key: a sort key, not part of the row.
  r.visitCount = static_cast<int>(c.int64(28));
  r.nobodyHomeCount = static_cast<int>(c.int64(29));
  r.refusedCount = static_cast<int>(c.int64(30));
  r.lastVisitOutcome = c.text(31);
  r.lastVisitedAt = c.int64(32);
  r.hazardCount = static_cast<int>(c.int64(33));
  r.hazardsClosed = static_cast<int>(c.int64(34));
  r.ownerContact = c.text(35);
  // 36 is search_text: what the search box matches (registerSearchText), not part of the row.
  return r;
}

/// The facet query of countRegister: GROUP BY region and facets (the order of the index
/// house_register_facets, so it streams), rows read by addCountRow.
inline constexpr const char* kRegisterCountSelect =
    "SELECT district, street, community, judgment, review, rectification, "
    "SUM(CASE WHEN inspection_id = '' THEN 1 ELSE 0 END), COUNT(*), "
    "SUM(CASE WHEN hazard_count > 0 AND hazards_closed < hazard_count THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN hazard_count > 0 AND hazards_closed = hazard_count THEN 1 ELSE 0 END), "
    "SUM(hazard_count), SUM(hazards_closed) FROM house_register";
inline constexpr const char* kRegisterCountGroup =
    " GROUP BY district, street, community, judgment, review, rectification "
    "ORDER BY district, street, community, judgment, review, rectification";
/// Folds one row of the facet query into `summary` (rows arrive in region order).
template <typename Columns>
void addCountRow(const Columns& c, RegisterSummary& summary) {
  const RegionPath community{c.text(0), c.text(1), c.text(2)};
  if (summary.communities.empty() || summary.communities.back().community != community) {
    summary.communities.emplace_back();
    summary.communities.back().community = community;
  }
  const std::int64_t n = c.int64(7);
  for (RegisterCounts* counts : {&summary.communities.back(), &summary.total}) {
    counts->houses += n;
    counts->notVisited += c.int64(6);
    if (const std::string j = c.text(3); !j.empty()) counts->byJudgment[j] += n;
    if (const std::string r = c.text(4); !r.empty()) counts->byReview[r] += n;
    const std::string rect = c.text(5);
    counts->byRectification[rect.empty() ? "none" : rect] += n;
    counts->openHouses += c.int64(8);
    counts->closedHouses += c.int64(9);
    counts->hazards += c.int64(10);
    counts->hazardsClosed += c.int64(11);
  }
}

}  // namespace anju::server
