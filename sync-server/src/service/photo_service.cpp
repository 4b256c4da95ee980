#include "service/photo_service.h"

#include "anju/validation.h"

namespace anju::server {
namespace {

Status badHash(const std::string& sha256) {
  return Status::invalidArgument(
      msg("photo.invalid_sha256"),
      {fieldError("sha256", msg("photo.sha256_format", {{"sha256", sha256}}))});
}

}  // namespace

PhotoService::PhotoService(ServerStorage& storage, BlobStore& blobs, std::int64_t maxPhotoBytes)
    : m_storage(storage), m_blobs(blobs), m_maxPhotoBytes(maxPhotoBytes) {}

Result<PhotoState> PhotoService::status(const std::string& sha256) {
  if (!isValidSha256Hex(sha256)) return badHash(sha256);
  std::lock_guard lock(m_mutex);
  return statusLocked(sha256);
}

Result<PhotoState> PhotoService::statusLocked(const std::string& sha256) {
  PhotoState state;
  state.sha256 = sha256;
  Result<std::optional<std::int64_t>> complete = m_blobs.completeSize(sha256);
  if (!complete) return complete.status();
  Result<std::optional<PhotoBlobState>> row = m_storage.findPhotoBlob(sha256);
  if (!row) return row.status();
  if (complete->has_value()) {
    state.receivedBytes = state.totalBytes = **complete;
    state.complete = true;
    // A crash between moving the blob into place and recording it leaves the row behind.
    if (!row->has_value() || !(*row)->complete) {
      if (Status s = m_storage.putPhotoBlob({sha256, **complete, true}); !s) return s;
    }
    return state;
  }
  Result<std::int64_t> partial = m_blobs.partialSize(sha256);
  if (!partial) return partial.status();
  state.receivedBytes = *partial;
  state.totalBytes = row->has_value() ? (*row)->totalBytes : 0;
  return state;
}

Result<PhotoUpload> PhotoService::upload(const std::string& sha256, std::int64_t offset,
                                         std::int64_t total, std::string_view bytes) {
  if (!isValidSha256Hex(sha256)) return badHash(sha256);
  if (total <= 0 || offset < 0)
    return Status::invalidArgument(msg("photo.offset_total_must_given"),
                                   {fieldError("total", msg("photo.must_positive"))});
  if (offset + static_cast<std::int64_t>(bytes.size()) > total)
    return Status::invalidArgument(msg("photo.chunk_runs_past_declared"),
                                   {{"offset", std::to_string(offset)}});

  std::lock_guard lock(m_mutex);
  Result<PhotoState> current = statusLocked(sha256);
  if (!current) return current.status();
  PhotoUpload result{PhotoUploadOutcome::kAccepted, *current};
  if (current->complete) return result;
  if (total > m_maxPhotoBytes) {
    result.outcome = PhotoUploadOutcome::kTooLarge;
    return result;
  }
  const bool totalDisagrees = current->totalBytes != 0 && current->totalBytes != total;
  if (offset != current->receivedBytes || totalDisagrees) {
    result.outcome = PhotoUploadOutcome::kOffsetMismatch;
    return result;
  }
  if (current->totalBytes == 0) {
    if (Status s = m_storage.putPhotoBlob({sha256, total, false}); !s) return s;
  }
  if (!bytes.empty()) {
    Result<bool> appended = m_blobs.appendPartial(sha256, offset, bytes);
    if (!appended) return appended.status();
    if (!*appended) {
      // Another server process on the same database (or a request on another connection of
      // this one) moved the upload since it was read: answer with what is held now.
      Result<PhotoState> now = statusLocked(sha256);
      if (!now) return now.status();
      result.state = *now;
      if (!now->complete) result.outcome = PhotoUploadOutcome::kOffsetMismatch;
      return result;
    }
  }
  result.state.totalBytes = total;
  result.state.receivedBytes = offset + static_cast<std::int64_t>(bytes.size());
  if (result.state.receivedBytes < total) return result;

  Result<std::string> actual = m_blobs.hashPartial(sha256);
  if (!actual) return actual.status();
  if (*actual != sha256) {
    if (Status s = m_blobs.discardPartial(sha256); !s) return s;
    if (Status s = m_storage.deletePhotoBlob(sha256); !s) return s;
    result.outcome = PhotoUploadOutcome::kHashMismatch;
    result.state.receivedBytes = 0;
    result.state.totalBytes = 0;
    return result;
  }
  if (Status s = m_blobs.commitPartial(sha256); !s) return s;
  if (Status s = m_storage.putPhotoBlob({sha256, total, true}); !s) return s;
  result.state.complete = true;
  return result;
}

}  // namespace anju::server
