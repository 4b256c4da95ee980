// RecordQueryService: direct reads of one record or one inspection's completeness, with the
// region check done here (permissionDenied for a record outside the caller's regions, which the
// HTTP layer answers with 403 for the whole request).
//
// Thread-safe.
#pragma once

#include "anju/v1/sync.pb.h"
#include "storage/server_storage.h"

namespace anju::server {

class RecordQueryService {
 public:
  /// `storage` is borrowed and outlives the service.
  explicit RecordQueryService(ServerStorage& storage) : m_storage(storage) {}

  /// notFound, permissionDenied, or the record's current version.
  Result<v1::PulledChange> record(const User& user, RecordKind kind, const Uuid& id);
  /// Photo completeness of an inspection (see InspectionStatus in sync.proto).
  Result<v1::InspectionStatus> inspectionStatus(const User& user, const Uuid& inspectionId);
  /// The same without a caller, for the admin CLI.
  Result<v1::InspectionStatus> inspectionStatus(const Uuid& inspectionId);

  std::string epoch() { return m_storage.epoch(); }

 private:
  ServerStorage& m_storage;
};

}  // namespace anju::server
