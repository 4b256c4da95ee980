// ExportService: who may export what. Exports (register XLSX/CSV, GeoJSON, dossiers) are for
// reviewers and administrators only; an inspector gets permissionDenied. Everything is scoped
// to the caller's regions: a filter always carries the caller's grants, asking for a region
// wholly outside them, or for a house there, is permissionDenied (HTTP 403), not an empty file.
//
// Thread-safe.
#pragma once

#include <map>
#include <string>

#include "register/register_query.h"
#include "service/indexed_storage.h"

namespace anju::server {

class ExportService {
 public:
  /// `storage` is borrowed and outlives the service.
  explicit ExportService(IndexedStorage& storage) : m_storage(storage) {}

  /// The register filter from query parameters (see parseRegisterFilter), scoped to `user`.
  /// permissionDenied for inspectors and for a region outside the caller's; invalidArgument for
  /// a malformed parameter.
  Result<RegisterFilter> registerFilter(const User& user,
                                        const std::map<std::string, std::string>& params);
  /// The filter for one whole community given as "区/街道/社区". invalidArgument unless all
  /// three levels are given; permissionDenied as above.
  Result<RegisterFilter> communityFilter(const User& user, const std::string& communityPath);
  /// ok when `user` may read the dossier of `buildingId`; notFound, or permissionDenied for an
  /// inspector or a house in another region.
  Status checkHouse(const User& user, const Uuid& buildingId);

  IndexedStorage& storage() { return m_storage; }

 private:
  IndexedStorage& m_storage;
};

/// permissionDenied unless the role may export (reviewer, admin).
Status checkExportRole(const User& user);

}  // namespace anju::server
