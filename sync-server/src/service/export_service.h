// ExportService: who may export what. Exports (register XLSX/CSV, GeoJSON, dossiers) are for
// reviewers and administrators only; an inspector gets permissionDenied. Everything is scoped
// to the caller's regions: a filter always carries the caller's grants, asking for a region
// wholly outside them, or for a house there, is permissionDenied (HTTP 403), not an empty file.
//
// Thread-safe.
#pragma once

#include <map>
#include <string>

#include "blob/blob_store.h"
#include "export/export_sink.h"
#include "export/photo_zip.h"
#include "export/register_xlsx.h"
#include "register/register_query.h"
#include "register/register_statistics.h"
#include "storage/server_storage.h"

namespace anju::server {

class ExportService {
 public:
  /// All borrowed; they outlive the service. Without `blobs` there is no photo ZIP.
  ExportService(ServerStorage& storage, RegisterIndex& index, RegisterStatistics& statistics,
                BlobStore* blobs = nullptr)
      : m_storage(storage), m_index(index), m_statistics(statistics), m_blobs(blobs) {}

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

  /// The register rows of `filter` (from registerFilter/communityFilter, so already scoped to
  /// the caller) streamed as CSV / GeoJSON into `sink`, or written as XLSX to `path`; how
  /// many rows were written.
  Result<std::int64_t> registerCsv(const RegisterFilter& filter, const ExportSink& sink);
  Result<std::int64_t> housesGeoJson(const RegisterFilter& filter, const ExportSink& sink);
  Result<XlsxExportResult> registerXlsx(const RegisterFilter& filter, const std::string& path,
                                        const std::string& tmpDir);
  /// The statistics register per division (统计台账) of `filter` as XLSX at `path`; how many
  /// communities it lists.
  Result<std::int64_t> statisticsXlsx(const RegisterFilter& filter, const std::string& path,
                                      const std::string& tmpDir);
  /// The photos of the houses of `filter` as a ZIP streamed into `sink` (export/photo_zip.h).
  Result<PhotoZipResult> photoZip(const RegisterFilter& filter, const ExportSink& sink);

 private:
  ServerStorage& m_storage;
  RegisterIndex& m_index;
  RegisterStatistics& m_statistics;
  BlobStore* m_blobs;
};

/// permissionDenied unless the role may export (reviewer, admin).
Status checkExportRole(const User& user);

}  // namespace anju::server
