// RectificationService: the bureau rectifies each hazard to 销号 (closure) from the console —
// 一隐患一记录: a measure per hazard (a finding of the house's latest approved inspection), its
// responsible party and deadline, then completion with photo evidence (整改完成), acceptance
// (验收) and closure (销号), each a reviewer act stamped with who and when.
//
// A rectification the server creates or changes is an ordinary `Rectification` record: it is
// validated by the core rules (which also keep the steps in order), written through the same
// record/version path as a pushed change (so tablets receive it on their next pull), and audited
// in the same transaction. Each step is allowed only after the one before: completion needs a
// photo of this rectification whose bytes have arrived, acceptance needs completion, closure
// needs acceptance; a closed record no longer changes. A step out of order is `conflict` with a
// message saying what is missing, and nothing is written.
//
// Older building-level records (no hazard named) still read, update and may go through the steps;
// only hazards count towards a house's closure (register/hazard_ledger.h).
//
// Thread-safe.
#pragma once

#include <functional>
#include <string>

#include "anju/hlc.h"
#include "service/photo_service.h"
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
  // The hazard rectified: a finding of the house's latest approved inspection. Both empty for a
  // building-level measure; ignored by update (a record keeps its hazard).
  Uuid inspectionId;
  Uuid findingId;
};

struct RectificationResult {
  Uuid id;
  ReviewResult written;
};

/// A completion photo uploaded from the console.
struct RectificationPhoto {
  std::string bytes;
  std::string caption;
};

class RectificationService {
 public:
  using Clock = std::function<TimestampMs()>;
  /// `storage`, `hlc` and `photos` are borrowed and outlive the service.
  RectificationService(ServerStorage& storage, HybridLogicalClock& hlc, PhotoService& photos,
                       Clock clock = {});

  /// A new rectification of `buildingId` with a fresh id. invalidArgument (with field
  /// problems) for bad codes, a blank measure or a malformed deadline, or a hazard that is not a
  /// finding of the house's latest approved inspection; notFound for an unknown building;
  /// permissionDenied outside the reviewer's regions.
  Result<RectificationResult> create(const Uuid& buildingId, const RectificationInput& input,
                                     const Reviewer& reviewer);
  /// Replaces the fields of an existing rectification; conflict when the status would move
  /// backwards or the record is closed (销号).
  Result<RectificationResult> update(const Uuid& rectificationId, const RectificationInput& input,
                                     const Reviewer& reviewer);

  /// Stores a JPEG or PNG as completion evidence of the rectification: the bytes in the photo
  /// store (content-addressed, as a tablet's upload) and a photo record naming the
  /// rectification, audited. invalidArgument for other bytes or more than the photo limit;
  /// conflict when the rectification is closed. The result's id is the photo record's.
  Result<RectificationResult> addPhoto(const Uuid& rectificationId, const RectificationPhoto& photo,
                                       const Reviewer& reviewer);
  /// 整改完成: records completion with every photo of this rectification whose bytes have
  /// arrived (from the console or a tablet) as evidence; the status becomes done. conflict
  /// without such a photo, or when completion is already recorded.
  Result<RectificationResult> complete(const Uuid& rectificationId, const std::string& note,
                                       const Reviewer& reviewer);
  /// 验收: conflict before completion, or when already accepted.
  Result<RectificationResult> accept(const Uuid& rectificationId, const std::string& note,
                                     const Reviewer& reviewer);
  /// 销号: conflict before acceptance, or when already closed.
  Result<RectificationResult> close(const Uuid& rectificationId, const Reviewer& reviewer);

 private:
  ServerStorage& m_storage;
  HybridLogicalClock& m_hlc;
  PhotoService& m_photos;
  Clock m_clock;
};

}  // namespace anju::server
