#include "service/record_query_service.h"

#include "anju/enum_codes.h"
#include "service/auth_service.h"
#include "service/record_facts.h"
#include "service/region_check.h"

namespace anju::server {
Result<v1::PulledChange> RecordQueryService::record(const User& user, RecordKind kind,
                                                    const Uuid& id) {
  Result<std::optional<StoredRecord>> found = m_storage.findRecord(kind, id);
  if (!found) return found.status();
  if (!found->has_value())
    return Status::notFound(msg("access.no_such_record", {recordKindParam(kind), {"id", id}}));
  const StoredRecord& r = **found;
  if (!regionFilterFor(user).allows(r.region)) return outsideScope(r.region);
  v1::PulledChange out;
  out.set_record_id(r.id);
  out.set_kind(std::string(recordKindCode(r.kind)));
  out.set_version(r.version);
  if (!out.mutable_record()->ParseFromString(r.payload))
    return Status::corruption(
        msg("access.stored_record_damaged", {recordKindParam(r.kind), {"id", r.id}}));
  return out;
}

Result<v1::InspectionStatus> RecordQueryService::inspectionStatus(const User& user,
                                                                  const Uuid& inspectionId) {
  Result<std::optional<StoredRecord>> found =
      m_storage.findRecord(RecordKind::kInspection, inspectionId);
  if (!found) return found.status();
  if (found->has_value() && !regionFilterFor(user).allows((*found)->region))
    return outsideScope((*found)->region);
  return inspectionStatus(inspectionId);
}

Result<v1::InspectionStatus> RecordQueryService::inspectionStatus(const Uuid& inspectionId) {
  Result<std::optional<StoredRecord>> inspection =
      m_storage.findRecord(RecordKind::kInspection, inspectionId);
  if (!inspection) return inspection.status();
  if (!inspection->has_value())
    return Status::notFound(msg("access.no_such_record",
                                {recordKindParam(RecordKind::kInspection), {"id", inspectionId}}));
  Result<InspectionPhotos> photos = m_storage.inspectionPhotos(inspectionId);
  if (!photos) return photos.status();
  v1::InspectionStatus out;
  out.set_inspection_id(inspectionId);
  out.set_version((*inspection)->version);
  if (std::optional<ReviewState> review = storedReviewState((*inspection)->payload))
    out.set_review(std::string(toCode(*review)));
  int complete = 0;
  for (const InspectionPhotos::Photo& p : photos->photos) {
    if (p.complete)
      ++complete;
    else
      out.add_missing_sha256(p.sha256);
  }
  out.set_photos_total(static_cast<int>(photos->photos.size()));
  out.set_photos_complete(complete);
  out.set_photos_complete_all(photos->allComplete());
  return out;
}

}  // namespace anju::server
