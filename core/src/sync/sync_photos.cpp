// Photo bytes: resumable upload of the queued photos, chunk by chunk from the server's offset.
#include <filesystem>

#include "sync/sync_run.h"

namespace anju::sync {
namespace {

// Every photo queued on this tablet at once: a queue is hundreds, not millions.
constexpr int kMaxQueuedPhotos = 100000;

std::string photoTarget(const std::string& sha256) { return "/v1/photos/" + sha256; }

// A whole PhotoStatus about this photo (a cut answer may parse as an empty message).
bool isStatusOf(v1::PhotoStatus& status, const std::string& body, const std::string& sha256) {
  return status.ParseFromString(body) && status.sha256() == sha256;
}

}  // namespace

Status SyncRun::uploadPhotos() {
  Result<std::vector<PhotoUpload>> queue = m_store.pendingPhotoUploads(kMaxQueuedPhotos);
  if (!queue) return queue.status();
  m_report.photosToUpload = static_cast<int>(queue->size());
  for (const PhotoUpload& p : *queue) m_report.photoBytesToUpload += p.byteSize;
  for (const PhotoUpload& p : *queue) {
    if (cancelled()) return Status::ok();
    if (Status s = uploadPhoto(p); !s) return s;
  }
  return Status::ok();
}

Result<v1::PhotoStatus> SyncRun::photoStatus(const std::string& sha256) {
  v1::PhotoStatus status;
  Result<HttpResponse> response =
      m_exchange.send(protobufRequest("GET", photoTarget(sha256), "", m_token),
                      [&](const std::string& body) { return isStatusOf(status, body, sha256); });
  if (!response) return response.status();
  if (response->status != 200)
    return httpError(*response, messageRef("action", "sync.photo_status"), m_options.locale);
  return status;
}

Status SyncRun::uploadPhoto(const PhotoUpload& upload) {
  const std::string& sha = upload.sha256;
  // A missing or damaged local file can never pass the server's hash check: report it, keep it
  // queued (the file may come back, e.g. a storage card re-inserted) and go on with the others.
  if (!m_photos.contains(sha)) {
    m_report.photoProblems.push_back(msg("sync.photo_file_missing", {{"sha256", sha}}));
    return Status::ok();
  }
  Result<std::string> localHash = sha256OfFile(m_photos.pathOf(sha));
  if (!localHash) return localHash.status();
  if (*localHash != sha) {
    m_report.photoProblems.push_back(msg("sync.photo_file_damaged", {{"sha256", sha}}));
    return Status::ok();
  }
  std::error_code ec;
  const auto total =
      static_cast<std::int64_t>(std::filesystem::file_size(m_photos.pathOf(sha), ec));
  if (ec)
    return Status::ioError(
        msg("sync.photo_unreadable", {{"sha256", sha}, {"detail", ec.message()}}));

  Result<v1::PhotoStatus> status = photoStatus(sha);
  if (!status) return status.status();
  std::int64_t offset = status->received_bytes();
  // Bounded: each 409 and each hash mismatch costs one of these; a server that keeps moving the
  // offset is a bug, not a reason to loop forever.
  int surprises = 0;
  while (!status->complete()) {
    if (cancelled()) return Status::ok();
    if (offset < 0 || offset > total || surprises > m_options.maxAttempts)
      return Status::unavailable(msg(
          "sync.photo_upload_stuck",
          {{"sha256", sha}, {"offset", std::to_string(offset)}, {"total", std::to_string(total)}}));
    Result<std::string> chunk = m_photos.read(sha, offset, m_options.photoChunkBytes);
    if (!chunk) return chunk.status();
    HttpRequest put{
        "PUT",
        photoTarget(sha) + "?offset=" + std::to_string(offset) + "&total=" + std::to_string(total),
        {{"Content-Type", "application/octet-stream"}},
        std::move(*chunk)};
    if (!m_token.empty()) put.headers.emplace_back("Authorization", "Bearer " + m_token);
    v1::PhotoStatus answer;
    Result<HttpResponse> response = m_exchange.send(
        put, [&](const std::string& body) { return isStatusOf(answer, body, sha); });
    if (!response) return response.status();
    if (response->status == 200) {
      *status = answer;
      if (!status->complete() && status->received_bytes() <= offset) ++surprises;
    } else if (response->status == 409) {
      // The server holds a different amount than we thought (an earlier answer was lost, or a
      // cut request left part of its chunk): its PhotoStatus says the byte offset to resume at.
      ++surprises;
      if (!isStatusOf(*status, response->body, sha))
        return httpError(*response, messageRef("action", "sync.photo_upload"), m_options.locale);
    } else if (response->status == 422) {
      // All bytes arrived but their hash differs (damaged in transit): the server discarded them.
      ++surprises;
      status->Clear();
    } else {
      return httpError(*response, messageRef("action", "sync.photo_upload"), m_options.locale);
    }
    // Progress is what the server now holds beyond what it held: bytes of a cut request that
    // the server kept count once, when an answer reports them.
    const std::int64_t held = status->complete() ? total : status->received_bytes();
    if (held > offset) m_report.photoBytesSent += held - offset;
    offset = status->received_bytes();
    notify(SyncPhase::kPhotos);
  }
  if (Status s = m_store.markPhotoUploaded(sha); !s) return s;
  ++m_report.photosUploaded;
  notify(SyncPhase::kPhotos);
  return Status::ok();
}

}  // namespace anju::sync
