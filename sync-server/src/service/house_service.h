// HouseService: what the review console reads about houses — one house with its records and
// audit trail, a photo's bytes, the audit log, register pages and dashboard counts — always
// scoped to the caller's regions (region_check.h), so the console's handlers never read
// storage, the register index or the photo store themselves.
//
// Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "blob/blob_store.h"
#include "register/register_query.h"
#include "storage/server_storage.h"

namespace anju::server {

/// One house as the console shows it.
struct HouseView {
  StoredRecord building;
  std::vector<StoredRecord> records;             // inspections, photos, rectifications
  std::vector<std::string> completePhotoHashes;  // photos whose bytes have all arrived
  std::vector<AuditEntry> audit;                 // newest first, at most 200
  RegionPath regionCodes;  // 区划代码 of the house's district, street, community ("" unknown)
};

/// A photo's bytes, read in pieces while they are sent (never whole in memory).
struct PhotoFile {
  std::int64_t size = 0;
  std::string mimeType;
  /// Hands bytes [offset, offset + length) to the sink (BlobStore::readComplete); valid while
  /// the service lives.
  std::function<Status(std::int64_t offset, std::int64_t length, const BlobSink& sink)> read;
};

class HouseService {
 public:
  /// Everything is borrowed and outlives the service.
  HouseService(ServerStorage& storage, RegisterIndex& index, BlobStore& blobs)
      : m_storage(storage), m_index(index), m_blobs(blobs) {}

  /// notFound, permissionDenied, or the house.
  Result<HouseView> house(const User& user, const Uuid& buildingId);
  /// notFound (also when its bytes have not all arrived), permissionDenied, corruption for a
  /// damaged record, or the photo's size and a reader of its bytes.
  Result<PhotoFile> photo(const User& user, const Uuid& photoId);
  /// Audit entries in the caller's regions (see ServerStorage::auditLog).
  Result<std::vector<AuditEntry>> auditLog(const User& user, const Uuid& buildingId,
                                           std::int64_t beforeId, int limit);
  /// The register filter from query parameters (parseRegisterFilter), scoped to the caller.
  Result<RegisterFilter> registerFilter(const User& user,
                                        const std::map<std::string, std::string>& params);
  /// A page and the counts of the register under a filter from registerFilter.
  Result<RegisterPage> registerPage(const RegisterFilter& filter,
                                    const std::optional<RegisterKey>& after, int limit);
  Result<RegisterSummary> registerCounts(const RegisterFilter& filter);
  /// The 待审核 inbox: houses in the caller's regions whose shown inspection (the register's)
  /// is submitted and not yet reviewed, oldest first. Approving or returning it moves the house
  /// out. One entry per house: an older submitted inspection behind a newer one is not listed.
  Result<InboxPage> inbox(const User& user, const std::optional<InboxKey>& after, int limit);
  /// How many houses the caller's inbox holds.
  Result<std::int64_t> inboxCount(const User& user);

 private:
  ServerStorage& m_storage;
  RegisterIndex& m_index;
  BlobStore& m_blobs;
};

}  // namespace anju::server
