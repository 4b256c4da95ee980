// RectificationService: the bureau records rectification (整治) of a house from the console —
// measure, status 待整治 → 整治中 → 已整治, deadline, responsible party.
//
// A rectification the server creates is an ordinary `Rectification` record: it is validated by
// the core rules, written through the same record/version path as a pushed change (so tablets
// receive it on their next pull), and audited in the same transaction. Status only moves
// forward (core checkRectificationTransition); other fields may be corrected at any time.
//
// Thread-safe.
#pragma once

#include <functional>
#include <string>

#include "anju/hlc.h"
#include "service/review_service.h"
#include "storage/server_storage.h"

namespace anju::server {

/// What the reviewer entered, as stable codes (MeasureFamily, RectificationStatus).
struct RectificationInput {
  std::string family;  // "management", "engineering", "enforcement"
  std::string measure;
  std::string status;    // "pending", "in_progress", "done"
  std::string deadline;  // "YYYY-MM-DD" or empty
  std::string responsibleParty;
  std::string note;
};

struct RectificationResult {
  Uuid id;
  ReviewResult written;
};

class RectificationService {
 public:
  using Clock = std::function<TimestampMs()>;
  /// `storage` and `hlc` are borrowed and outlive the service.
  RectificationService(ServerStorage& storage, HybridLogicalClock& hlc, Clock clock = {});

  /// A new rectification of `buildingId` with a fresh id. invalidArgument (with field
  /// problems) for bad codes, a blank measure or a malformed deadline; notFound for an unknown
  /// building; permissionDenied outside the reviewer's regions.
  Result<RectificationResult> create(const Uuid& buildingId, const RectificationInput& input,
                                     const Reviewer& reviewer);
  /// Replaces the fields of an existing rectification; conflict when the status would move
  /// backwards.
  Result<RectificationResult> update(const Uuid& rectificationId, const RectificationInput& input,
                                     const Reviewer& reviewer);

 private:
  ServerStorage& m_storage;
  HybridLogicalClock& m_hlc;
  Clock m_clock;
};

}  // namespace anju::server
