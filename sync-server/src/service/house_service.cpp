#include "service/house_service.h"

#include "anju/enum_codes.h"
#include "anju/v1/records.pb.h"
#include "register/region_code_book.h"
#include "service/auth_service.h"
#include "service/region_check.h"

namespace anju::server {

Result<HouseView> HouseService::house(const User& user, const Uuid& buildingId) {
  Result<StoredRecord> building = visibleBuilding(m_storage, user, buildingId);
  if (!building) return building.status();
  HouseView view;
  view.building = std::move(building).value();
  Result<std::vector<StoredRecord>> records = m_storage.recordsOfBuilding(buildingId);
  if (!records) return records.status();
  view.records = std::move(records).value();
  for (const StoredRecord& r : view.records) {
    if (r.kind != RecordKind::kPhoto) continue;
    Result<std::optional<PhotoBlobState>> blob = m_storage.findPhotoBlob(r.sha256);
    if (!blob) return blob.status();
    if (blob->has_value() && (*blob)->complete) view.completePhotoHashes.push_back(r.sha256);
  }
  Result<std::vector<AuditEntry>> audit =
      m_storage.auditLog(regionFilterFor(user), buildingId, 0, 200);
  if (!audit) return audit.status();
  view.audit = std::move(audit).value();
  Result<std::vector<RegionCode>> codes = m_storage.regionCodes();
  if (!codes) return codes.status();
  const RegionCodeBook book(*codes);
  const RegionPath& r = view.building.region;
  view.regionCodes = {book.codeOf({r.district, "", ""}), book.codeOf({r.district, r.street, ""}),
                      book.codeOf(r)};
  return view;
}

Result<PhotoFile> HouseService::photo(const User& user, const Uuid& photoId) {
  Result<StoredRecord> photo = visiblePhoto(m_storage, user, photoId);
  if (!photo) return photo.status();
  v1::Record record;
  if (!record.ParseFromString(photo->payload) || !record.has_photo())
    return Status::corruption("stored photo record is damaged: " + photoId);
  Result<std::optional<std::int64_t>> size = m_blobs.completeSize(photo->sha256);
  if (!size) return size.status();
  if (!size->has_value())
    return Status::notFound(msg("blob.photo_not_uploaded", {{"sha256", photo->sha256}}));
  BlobStore& blobs = m_blobs;
  return PhotoFile{**size,
                   record.photo().mime_type().empty() ? "image/jpeg" : record.photo().mime_type(),
                   [&blobs, sha256 = photo->sha256](std::int64_t offset, std::int64_t length,
                                                    const BlobSink& sink) {
                     return blobs.readComplete(sha256, offset, length, sink);
                   }};
}

Result<std::vector<AuditEntry>> HouseService::auditLog(const User& user, const Uuid& buildingId,
                                                       std::int64_t beforeId, int limit) {
  return m_storage.auditLog(regionFilterFor(user), buildingId, beforeId, limit);
}

Result<RegisterFilter> HouseService::registerFilter(
    const User& user, const std::map<std::string, std::string>& params) {
  return parseRegisterFilter(params, regionFilterFor(user));
}

Result<RegisterPage> HouseService::registerPage(const RegisterFilter& filter,
                                                const std::optional<RegisterKey>& after,
                                                int limit) {
  return m_index.queryRegister(filter, after, limit);
}

namespace {

RegisterFilter inboxFilter(const User& user) {
  RegisterFilter filter;
  filter.scope = regionFilterFor(user);
  filter.review = std::string(toCode(ReviewState::kSubmitted));
  return filter;
}

}  // namespace

Result<InboxPage> HouseService::inbox(const User& user, const std::optional<InboxKey>& after,
                                      int limit) {
  return m_index.queryByInspectionTime(inboxFilter(user), after, limit);
}

Result<std::int64_t> HouseService::inboxCount(const User& user) {
  return m_index.countRows(inboxFilter(user));
}

Result<RegisterSummary> HouseService::registerCounts(const RegisterFilter& filter) {
  return m_index.countRegister(filter);
}

}  // namespace anju::server
