// What the push rules need to know about one incoming record, after decoding it with the core
// codec and running the core validation on it. A record that fails either is not acceptable.
#pragma once

#include <optional>
#include <string>

#include "anju/model.h"
#include "anju/record_kind.h"
#include "anju/status.h"
#include "anju/v1/records.pb.h"

namespace anju::server {

struct RecordFacts {
  RecordKind kind = RecordKind::kBuilding;
  Uuid id;
  Uuid buildingId;                    // the building a non-building record belongs to
  Uuid inspectionId;                  // photos only, may be empty
  std::string sha256;                 // photos only
  std::optional<RegionPath> region;   // buildings only: where the building is
  std::optional<ReviewState> review;  // inspections only
};

/// invalidArgument (with field problems) when the record cannot be decoded or breaks a core
/// validation rule. `nowMs` pins "this year" for the building rules.
Result<RecordFacts> examineRecord(const v1::Record& record, TimestampMs nowMs);

/// The review state stored in a serialised inspection record; nullopt for other kinds or
/// unreadable bytes.
std::optional<ReviewState> storedReviewState(const std::string& payload);

}  // namespace anju::server
