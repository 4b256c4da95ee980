// One server-side edit of a stored record, shared by the review and rectification services:
// inside one SyncTransaction it checks the reviewer's scope against the stored region, lets the
// caller change the parsed record, stamps a new HLC version, writes it (so it is pulled like a
// pushed change) and appends the audit entry, then commits. Private to service/.
#pragma once

#include <functional>
#include <string>

#include "anju/hlc.h"
#include "anju/v1/records.pb.h"
#include "service/review_service.h"
#include "storage/server_storage.h"

namespace anju::server {

struct RecordEdit {
  RecordKind kind = RecordKind::kInspection;  // inspections and rectifications are edited
  Uuid id;
  std::string action;  // audit action code
  /// Changes the record (parsed from the stored payload, unknown fields kept) and returns the
  /// audit detail (a JSON object text); an error aborts the edit and nothing is written.
  std::function<Result<std::string>(v1::Record&)> change;
};

Result<ReviewResult> applyRecordEdit(ServerStorage& storage, HybridLogicalClock& hlc,
                                     TimestampMs now, const Reviewer& reviewer,
                                     const RecordEdit& edit);

/// Creates a new record belonging to building `buildingId` (e.g. a rectification): inside one
/// transaction it loads the building (notFound when unknown), checks the reviewer's scope
/// against its region, lets `build` fill the record, writes it and the audit entry.
struct RecordCreation {
  RecordKind kind = RecordKind::kRectification;
  Uuid id;
  Uuid buildingId;
  std::string sha256;  // photos: the hash of the bytes (the records table keeps it)
  std::string action;
  /// Optional: a rule over the house as stored in this transaction (e.g. "the hazard is one of
  /// the latest approved inspection"), run after the scope check; an error writes nothing.
  std::function<Status(SyncTransaction&)> check;
  std::function<Result<std::string>(v1::Record&)> build;
};

Result<ReviewResult> applyRecordCreation(ServerStorage& storage, HybridLogicalClock& hlc,
                                         TimestampMs now, const Reviewer& reviewer,
                                         const RecordCreation& creation);

}  // namespace anju::server
