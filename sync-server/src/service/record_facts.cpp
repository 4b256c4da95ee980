#include "service/record_facts.h"

#include <type_traits>
#include <variant>

#include "anju/enum_codes.h"
#include "anju/record_codec.h"
#include "anju/validation.h"

namespace anju::server {

Result<RecordFacts> examineRecord(const v1::Record& record, TimestampMs nowMs) {
  Result<AnyRecord> decoded = decodeRecord(record.SerializeAsString());
  if (!decoded) {
    const Status& s = decoded.status();
    if (s.text().empty()) return Status::invalidArgument(s.message(), s.fieldErrors());
    return Status::invalidArgument(s.text(), s.fieldErrors());
  }
  RecordFacts facts;
  facts.kind = recordKind(*decoded);
  facts.id = recordId(*decoded);
  const Status valid = std::visit(
      [&](const auto& r) -> Status {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Building>) {
          facts.region = r.region;
          return validateBuilding(r, nowMs);
        } else if constexpr (std::is_same_v<T, Inspection>) {
          facts.buildingId = r.buildingId;
          facts.review = r.review;
          return validateInspection(r);
        } else if constexpr (std::is_same_v<T, PhotoRecord>) {
          facts.buildingId = r.buildingId;
          facts.inspectionId = r.inspectionId;
          facts.sha256 = r.sha256;
          return validatePhoto(r);
        } else if constexpr (std::is_same_v<T, Rectification>) {
          facts.buildingId = r.buildingId;
          return validateRectification(r);
        } else {
          facts.buildingId = r.buildingId;
          return validateVisit(r, nowMs);
        }
      },
      *decoded);
  if (!valid) return valid;
  return facts;
}

std::optional<ReviewState> storedReviewState(const std::string& payload) {
  v1::Record record;
  if (!record.ParseFromString(payload) || !record.has_inspection()) return std::nullopt;
  return parseReviewState(record.inspection().review());
}

}  // namespace anju::server
