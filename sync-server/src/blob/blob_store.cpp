#include "blob/blob_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "anju/durable_file.h"
#include "anju/sha256.h"
#include "util/storage_full.h"

namespace anju::server {
namespace fs = std::filesystem;
namespace {

Status errnoStatus(const std::string& what) {
  if (errno == ENOSPC || errno == EDQUOT)
    return storageFullStatus(what + ": " + std::strerror(errno));
  return Status::ioError(what + ": " + std::strerror(errno));
}

// fsync on a directory makes a rename or a new entry in it durable.
Status syncDirectory(const fs::path& dir) {
  if (!durable::syncDirectory(dir.string())) return errnoStatus("fsync dir " + dir.string());
  return Status::ok();
}

Status ensureDir(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    return Status::ioError(
        msg("blob.cannot_create_dir", {{"path", dir.string()}, {"detail", ec.message()}}));
  return Status::ok();
}

}  // namespace

Result<std::unique_ptr<FileBlobStore>> FileBlobStore::open(const std::string& root) {
  if (Status s = ensureDir(fs::path(root) / "partial"); !s) return s;
  return std::unique_ptr<FileBlobStore>(new FileBlobStore(root));
}

std::string FileBlobStore::completePath(const std::string& sha256) const {
  return (fs::path(m_root) / sha256.substr(0, 2) / sha256.substr(2, 2) / sha256).string();
}

std::string FileBlobStore::partialPath(const std::string& sha256) const {
  return (fs::path(m_root) / "partial" / sha256).string();
}

Result<std::optional<std::int64_t>> FileBlobStore::completeSize(const std::string& sha256) {
  std::error_code ec;
  const auto size = fs::file_size(completePath(sha256), ec);
  if (ec == std::errc::no_such_file_or_directory) return std::optional<std::int64_t>();
  if (ec) return Status::ioError("stat blob " + sha256 + ": " + ec.message());
  return std::optional<std::int64_t>(static_cast<std::int64_t>(size));
}

Result<std::int64_t> FileBlobStore::partialSize(const std::string& sha256) {
  std::error_code ec;
  const auto size = fs::file_size(partialPath(sha256), ec);
  if (ec == std::errc::no_such_file_or_directory) return std::int64_t{0};
  if (ec) return Status::ioError("stat partial blob " + sha256 + ": " + ec.message());
  return static_cast<std::int64_t>(size);
}

Result<bool> FileBlobStore::appendPartial(const std::string& sha256, std::int64_t offset,
                                          std::string_view bytes) {
  std::lock_guard lock(m_appendMutex);
  Result<std::optional<std::int64_t>> complete = completeSize(sha256);
  if (!complete) return complete.status();
  if (complete->has_value()) return false;
  const std::string path = partialPath(sha256);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return errnoStatus("open " + path);
  const off_t before = ::lseek(fd, 0, SEEK_END);
  if (before != static_cast<off_t>(offset)) {
    ::close(fd);
    if (before < 0) return errnoStatus("seek " + path);
    return false;
  }
  // A failed append (typically a full disk) is undone, so the partial blob holds exactly the
  // bytes the client was told about and the next chunk starts where the last answer said.
  const auto failWith = [&](const std::string& what) {
    Status s = errnoStatus(what);
    if (::ftruncate(fd, before) == 0) ::fsync(fd);
    ::close(fd);
    return s;
  };
  if (!durable::writeAll(fd, bytes)) return failWith("write " + path);
  // The client is told "you may resume from here" only once the bytes survive a crash.
  if (::fsync(fd) != 0) return failWith("fsync " + path);
  ::close(fd);
  return true;
}

Result<std::string> FileBlobStore::hashPartial(const std::string& sha256) {
  return sha256OfFile(partialPath(sha256));
}

Status FileBlobStore::commitPartial(const std::string& sha256) {
  const fs::path target = completePath(sha256);
  if (Status s = ensureDir(target.parent_path()); !s) return s;
  if (::rename(partialPath(sha256).c_str(), target.c_str()) != 0) {
    // Committed already (a repeated call): nothing left to move.
    if (errno == ENOENT && fs::exists(target)) return Status::ok();
    return errnoStatus("rename into " + target.string());
  }
  if (Status s = syncDirectory(target.parent_path()); !s) return s;
  return syncDirectory(fs::path(m_root) / "partial");
}

Status FileBlobStore::discardPartial(const std::string& sha256) {
  std::error_code ec;
  fs::remove(partialPath(sha256), ec);
  if (ec) return Status::ioError("remove partial blob " + sha256 + ": " + ec.message());
  return Status::ok();
}

Status FileBlobStore::readComplete(const std::string& sha256, std::int64_t offset,
                                   std::int64_t length, const BlobSink& sink) {
  std::ifstream in(completePath(sha256), std::ios::binary);
  if (!in) return Status::notFound(msg("blob.photo_not_uploaded", {{"sha256", sha256}}));
  in.seekg(static_cast<std::streamoff>(offset));
  std::string piece;
  std::int64_t left = length;
  while (length < 0 || left > 0) {
    const std::int64_t want = length < 0 ? kBlobReadPiece : std::min(left, kBlobReadPiece);
    piece.resize(static_cast<std::size_t>(want));
    in.read(piece.data(), static_cast<std::streamsize>(want));
    const auto got = static_cast<std::int64_t>(in.gcount());
    if (in.bad()) return Status::ioError(msg("blob.photo_unreadable", {{"sha256", sha256}}));
    if (got > 0) {
      if (Status s = sink(std::string_view(piece.data(), static_cast<std::size_t>(got))); !s)
        return s;
    }
    left -= got;
    if (got < want) break;  // end of the file
  }
  if (length >= 0 && left > 0)
    return Status::ioError(msg("blob.photo_unreadable", {{"sha256", sha256}}));
  return Status::ok();
}

std::optional<std::string> FileBlobStore::completeFile(const std::string& sha256) const {
  const std::string path = completePath(sha256);
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  return path;
}

Result<std::string> BlobStore::readAll(const std::string& sha256) {
  std::string bytes;
  Status s = readComplete(sha256, 0, -1, [&](std::string_view piece) {
    bytes.append(piece);
    return Status::ok();
  });
  if (!s) return s;
  return bytes;
}

Status BlobStore::copyCompleteToFile(const std::string& sha256, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::ioError(msg("blob.cannot_write_copy", {{"path", path}}));
  Status s = readComplete(sha256, 0, -1, [&](std::string_view piece) {
    out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
    return out ? Status::ok() : Status::ioError(msg("blob.cannot_write_copy", {{"path", path}}));
  });
  if (!s) return s;
  out.close();
  if (!out) return Status::ioError(msg("blob.cannot_write_copy", {{"path", path}}));
  return Status::ok();
}

}  // namespace anju::server
