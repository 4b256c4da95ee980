// Querying the register index: the filter a caller may apply, keyset paging, the per-community
// counts of the dashboard, and RegisterIndex, the part of ServerStorage that answers them.
//
// Paging is by key, never by OFFSET: rows come in (district, street, community, address,
// building id) byte order, and a page ends with the key to continue after. A key stays valid
// while rows change; a row inserted before it is simply not seen by that walk.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anju/status.h"
#include "register/register_row.h"
#include "storage/region_filter.h"

namespace anju::server {

/// What to list. Empty/nullopt fields do not filter. Codes are validated by parseRegisterFilter
/// (or the caller): the storage matches them as given.
struct RegisterFilter {
  RegionFilter scope = RegionFilter::everything();  // the caller's grants: always applied
  std::string district;                             // narrowing within the scope
  std::string street;
  std::string community;
  std::optional<std::string> judgment;       // none_found | some | serious
  std::optional<std::string> review;         // draft | submitted | approved | returned
  std::optional<std::string> rectification;  // pending | in_progress | done | none
  std::optional<TimestampMs> inspectedFrom;  // latest inspection at or after (UTC ms)
  std::optional<TimestampMs> inspectedTo;    // latest inspection strictly before
  bool notVisitedOnly = false;               // only houses with no inspection at all
  std::optional<std::string> closure;        // open (a hazard not closed) | closed (已销号)
  // The search box (parameter q): every term must occur in the address, owner name, phone or
  // house code (registerSearchText). Terms as searchTerms makes them.
  std::vector<std::string> searchTerms;
};

/// The search box's text as terms: split on white space (also U+3000, the ideographic space) and
/// on the LIKE wildcards % _ \ (matched as separators, never as patterns), ASCII letters
/// lower-cased. Empty when nothing is left.
std::vector<std::string> searchTerms(std::string_view text);

/// The 待审核 inbox order: oldest handed-in inspection first (inspected_at is the submitted
/// time), building id to break ties. A page continues strictly after the key.
struct InboxKey {
  TimestampMs inspectedAt = 0;
  Uuid buildingId;
  bool operator==(const InboxKey&) const = default;
};
/// "<ms>.<building id>", and back; nullopt for a malformed token.
std::string encodeInboxKey(const InboxKey& key);
std::optional<InboxKey> decodeInboxKey(std::string_view token);

struct InboxPage {
  std::vector<RegisterRow> rows;
  std::optional<InboxKey> nextKey;  // set when more rows follow
};

/// The sort key of a row; a page continues strictly after it.
struct RegisterKey {
  RegionPath region;
  std::string address;
  Uuid buildingId;
  bool operator==(const RegisterKey&) const = default;
};
RegisterKey keyOf(const RegisterRow& row);
/// An opaque URL-safe token (lowercase hex) for a key, and back; nullopt for a malformed token.
std::string encodeRegisterKey(const RegisterKey& key);
std::optional<RegisterKey> decodeRegisterKey(std::string_view token);

struct RegisterPage {
  std::vector<RegisterRow> rows;
  std::optional<RegisterKey> nextKey;  // set when more rows follow
};

/// Houses of one community (or of the whole filter: `total`) counted by facet. Houses without a
/// judgment / review are absent from byJudgment / byReview; byRectification counts houses with
/// no measure under "none".
struct RegisterCounts {
  RegionPath community;
  std::int64_t houses = 0;
  std::int64_t notVisited = 0;
  std::map<std::string, std::int64_t> byJudgment;
  std::map<std::string, std::int64_t> byReview;
  std::map<std::string, std::int64_t> byRectification;
  std::int64_t openHouses = 0;    // houses with a hazard not yet closed (销号)
  std::int64_t closedHouses = 0;  // houses whose every hazard is closed (已销号)
  std::int64_t hazards = 0;       // hazards of the latest approved inspections
  std::int64_t hazardsClosed = 0;
};
struct RegisterSummary {
  std::vector<RegisterCounts> communities;  // in region order
  RegisterCounts total;                     // community left empty
};

/// Builds a filter from query-string style parameters (district, street, community, judgment,
/// review, rectification, from, to as YYYY-MM-DD (a China-time day; `to` includes it) or UTC
/// ms, not_visited=1, closure=open|closed). invalidArgument
/// naming the field for an unknown code or a bad date; `scope` is the caller's.
Result<RegisterFilter> parseRegisterFilter(const std::map<std::string, std::string>& params,
                                           RegionFilter scope);

class RegisterIndex {
 public:
  virtual ~RegisterIndex() = default;
  /// At most `limit` (1..10000) rows after `after` (from the start when nullopt) matching
  /// `filter`, in key order, from one consistent read.
  virtual Result<RegisterPage> queryRegister(const RegisterFilter& filter,
                                             const std::optional<RegisterKey>& after,
                                             int limit) = 0;
  /// Counts of the houses matching `filter`, per community and in total.
  virtual Result<RegisterSummary> countRegister(const RegisterFilter& filter) = 0;
  /// At most `limit` (1..10000) rows matching `filter` after `after`, oldest inspection first
  /// (InboxKey order): the inbox, with the filter's review set to submitted.
  virtual Result<InboxPage> queryByInspectionTime(const RegisterFilter& filter,
                                                  const std::optional<InboxKey>& after,
                                                  int limit) = 0;
  /// How many houses match `filter` (the inbox count in the console's navigation).
  virtual Result<std::int64_t> countRows(const RegisterFilter& filter) = 0;
};

/// Calls `fn` for every row matching `filter`, in key order, reading `pageSize` rows at a time
/// so memory stays flat and writers are never blocked for the whole walk. Stops at the first
/// error from the storage or from `fn` and returns it.
Status forEachRegisterRow(RegisterIndex& index, const RegisterFilter& filter,
                          const std::function<Status(const RegisterRow&)>& fn, int pageSize = 1000);

}  // namespace anju::server
