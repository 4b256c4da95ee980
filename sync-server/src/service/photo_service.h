// PhotoService: resumable, verified photo uploads (docs/protocol.md, "Photos").
//
// A client asks what the server holds (status) and sends the rest from that offset. Bytes are
// appended to a partial blob and fsync'd before the answer. When the declared total has arrived
// the SHA-256 is checked: a match makes the blob complete, a mismatch discards the partial blob
// so the client can start over. Uploading a complete blob again is a no-op success.
//
// Thread-safe: uploads are serialised by one mutex (the work per chunk is an append + fsync).
// Across server processes sharing a database blob store, the store's offset-checked append
// decides: of two chunks sent to one offset, one is kept and the other answered 409.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "blob/blob_store.h"
#include "storage/server_storage.h"

namespace anju::server {

struct PhotoState {
  std::string sha256;
  std::int64_t receivedBytes = 0;
  std::int64_t totalBytes = 0;  // 0 when no upload has started
  bool complete = false;
};

enum class PhotoUploadOutcome {
  kAccepted,        // bytes stored (or the blob was already complete)
  kOffsetMismatch,  // offset or total disagree with what the server holds; see state
  kHashMismatch,    // all bytes arrived but their SHA-256 differs; partial data discarded
  kTooLarge,        // total exceeds the server's photo size limit
};

struct PhotoUpload {
  PhotoUploadOutcome outcome = PhotoUploadOutcome::kAccepted;
  PhotoState state;
};

class PhotoService {
 public:
  /// `storage` and `blobs` are borrowed and outlive the service.
  PhotoService(ServerStorage& storage, BlobStore& blobs, std::int64_t maxPhotoBytes);

  /// invalidArgument for a malformed hash.
  Result<PhotoState> status(const std::string& sha256);
  /// invalidArgument for a malformed hash, a non-positive total or a chunk running past total.
  Result<PhotoUpload> upload(const std::string& sha256, std::int64_t offset, std::int64_t total,
                             std::string_view bytes);
  std::int64_t maxPhotoBytes() const { return m_maxPhotoBytes; }

 private:
  Result<PhotoState> statusLocked(const std::string& sha256);

  ServerStorage& m_storage;
  BlobStore& m_blobs;
  std::int64_t m_maxPhotoBytes;
  std::mutex m_mutex;
};

}  // namespace anju::server
