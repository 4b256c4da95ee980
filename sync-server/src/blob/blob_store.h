// BlobStore: content-addressed photo bytes. A blob is named by the SHA-256 of its bytes; it is
// written in pieces to a partial blob and becomes complete only after the caller verified the
// hash and called commitPartial. Two implementations:
//  - FileBlobStore (this file): a folder, the default with SQLite (one server process);
//  - DatabaseBlobStore (database_blob_store.h): pieces in PostgreSQL, shared by every server
//    process on the database, so an upload cut on one server resumes on another.
// docs/sync-server.md ("Photos on several servers") says which one a server uses.
//
// Reads stream: a complete blob is handed to a sink in pieces of at most kBlobReadPiece bytes,
// so a download, a dossier or an export holds one piece at a time, never a whole photo.
//
// Thread-safety: implementations may be called from many threads. Writers to the same sha256
// need not be serialised by the caller for correctness: appendPartial names the offset it
// expects and refuses when the partial blob has moved (another request, or another server).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "anju/status.h"

namespace anju::server {

/// The largest piece a read hands to its sink.
inline constexpr std::int64_t kBlobReadPiece = 256 * 1024;

/// Receives the bytes of a read in order; an error Status stops the read and is returned by it.
using BlobSink = std::function<Status(std::string_view piece)>;

class BlobStore {
 public:
  virtual ~BlobStore() = default;

  /// Size of the complete blob, nullopt when there is none.
  virtual Result<std::optional<std::int64_t>> completeSize(const std::string& sha256) = 0;
  /// Bytes held in the partial blob (0 when none).
  virtual Result<std::int64_t> partialSize(const std::string& sha256) = 0;
  /// Appends `bytes` at `offset` and makes them durable (fsync, or a committed transaction)
  /// before returning true. false, with nothing written, when the partial blob does not end at
  /// `offset` (or the blob is already complete).
  virtual Result<bool> appendPartial(const std::string& sha256, std::int64_t offset,
                                     std::string_view bytes) = 0;
  /// SHA-256 (hex) of the partial blob's bytes, read in pieces.
  virtual Result<std::string> hashPartial(const std::string& sha256) = 0;
  /// Makes the partial blob the complete blob, durably. Idempotent.
  virtual Status commitPartial(const std::string& sha256) = 0;
  /// Drops the partial blob (a complete one is kept). Idempotent.
  virtual Status discardPartial(const std::string& sha256) = 0;
  /// Hands bytes [offset, offset + length) of the complete blob to `sink` in order, in pieces of
  /// at most kBlobReadPiece (length < 0: to the end). notFound when there is no complete blob,
  /// ioError when it holds fewer bytes than asked for.
  virtual Status readComplete(const std::string& sha256, std::int64_t offset, std::int64_t length,
                              const BlobSink& sink) = 0;
  /// A file holding the complete blob that a child process may read (the dossier renderer), or
  /// nullopt when the store keeps no such file (copyCompleteToFile then makes one).
  virtual std::optional<std::string> completeFile(const std::string& sha256) const = 0;

  /// The whole complete blob in memory: for small blobs and tests; the server's readers stream.
  Result<std::string> readAll(const std::string& sha256);
  /// Writes the complete blob to a new file at `path` (flushed, not fsync'd: a scratch copy).
  Status copyCompleteToFile(const std::string& sha256, const std::string& path);
};

/// Blobs under `root`: complete ones at ab/cd/<sha256>, partial ones at partial/<sha256>.
/// Appends to one sha256 are serialised inside the store (one process; see docs for several).
class FileBlobStore final : public BlobStore {
 public:
  static Result<std::unique_ptr<FileBlobStore>> open(const std::string& root);

  Result<std::optional<std::int64_t>> completeSize(const std::string& sha256) override;
  Result<std::int64_t> partialSize(const std::string& sha256) override;
  Result<bool> appendPartial(const std::string& sha256, std::int64_t offset,
                             std::string_view bytes) override;
  Result<std::string> hashPartial(const std::string& sha256) override;
  Status commitPartial(const std::string& sha256) override;
  Status discardPartial(const std::string& sha256) override;
  Status readComplete(const std::string& sha256, std::int64_t offset, std::int64_t length,
                      const BlobSink& sink) override;
  std::optional<std::string> completeFile(const std::string& sha256) const override;

  std::string completePath(const std::string& sha256) const;
  std::string partialPath(const std::string& sha256) const;

 private:
  explicit FileBlobStore(std::string root) : m_root(std::move(root)) {}
  std::string m_root;
  std::mutex m_appendMutex;  // the offset check and the write of one append go together
};

}  // namespace anju::server
