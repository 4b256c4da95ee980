// BlobStore: content-addressed photo bytes. A blob is named by the SHA-256 of its bytes; it is
// written in pieces to a partial blob and becomes complete only after the caller verified the
// hash and called commitPartial. The interface allows an object store later; FileBlobStore is
// the folder implementation.
//
// Thread-safety: implementations need not serialise writers to the same sha256; PhotoService
// does that.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "anju/status.h"

namespace anju::server {

class BlobStore {
 public:
  virtual ~BlobStore() = default;

  /// Size of the complete blob, nullopt when there is none.
  virtual Result<std::optional<std::int64_t>> completeSize(const std::string& sha256) = 0;
  /// Bytes held in the partial blob (0 when none).
  virtual Result<std::int64_t> partialSize(const std::string& sha256) = 0;
  /// Appends to the partial blob and makes the bytes durable (fsync) before returning.
  virtual Status appendPartial(const std::string& sha256, std::string_view bytes) = 0;
  /// SHA-256 (hex) of the partial blob's bytes.
  virtual Result<std::string> hashPartial(const std::string& sha256) = 0;
  /// Moves the partial blob into place as the complete blob, durably.
  virtual Status commitPartial(const std::string& sha256) = 0;
  virtual Status discardPartial(const std::string& sha256) = 0;
  /// The bytes of a complete blob (photos are a few MB at most); notFound when there is none.
  virtual Result<std::string> readComplete(const std::string& sha256) = 0;
};

/// Blobs under `root`: complete ones at ab/cd/<sha256>, partial ones at partial/<sha256>.
class FileBlobStore final : public BlobStore {
 public:
  static Result<std::unique_ptr<FileBlobStore>> open(const std::string& root);

  Result<std::optional<std::int64_t>> completeSize(const std::string& sha256) override;
  Result<std::int64_t> partialSize(const std::string& sha256) override;
  Status appendPartial(const std::string& sha256, std::string_view bytes) override;
  Result<std::string> hashPartial(const std::string& sha256) override;
  Status commitPartial(const std::string& sha256) override;
  Status discardPartial(const std::string& sha256) override;
  Result<std::string> readComplete(const std::string& sha256) override;

  std::string completePath(const std::string& sha256) const;
  std::string partialPath(const std::string& sha256) const;

 private:
  explicit FileBlobStore(std::string root) : m_root(std::move(root)) {}
  std::string m_root;
};

}  // namespace anju::server
