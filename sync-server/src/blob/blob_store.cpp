#include "blob/blob_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
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

Status FileBlobStore::appendPartial(const std::string& sha256, std::string_view bytes) {
  const std::string path = partialPath(sha256);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return errnoStatus("open " + path);
  const off_t before = ::lseek(fd, 0, SEEK_END);
  // A failed append (typically a full disk) is undone, so the partial blob holds exactly the
  // bytes the client was told about and the next chunk starts where the last answer said.
  const auto failWith = [&](const std::string& what) {
    Status s = errnoStatus(what);
    if (before >= 0 && ::ftruncate(fd, before) == 0) ::fsync(fd);
    ::close(fd);
    return s;
  };
  if (!durable::writeAll(fd, bytes)) return failWith("write " + path);
  // The client is told "you may resume from here" only once the bytes survive a crash.
  if (::fsync(fd) != 0) return failWith("fsync " + path);
  ::close(fd);
  return Status::ok();
}

Result<std::string> FileBlobStore::hashPartial(const std::string& sha256) {
  return sha256OfFile(partialPath(sha256));
}

Status FileBlobStore::commitPartial(const std::string& sha256) {
  const fs::path target = completePath(sha256);
  if (Status s = ensureDir(target.parent_path()); !s) return s;
  if (::rename(partialPath(sha256).c_str(), target.c_str()) != 0)
    return errnoStatus("rename into " + target.string());
  if (Status s = syncDirectory(target.parent_path()); !s) return s;
  return syncDirectory(fs::path(m_root) / "partial");
}

Status FileBlobStore::discardPartial(const std::string& sha256) {
  std::error_code ec;
  fs::remove(partialPath(sha256), ec);
  if (ec) return Status::ioError("remove partial blob " + sha256 + ": " + ec.message());
  return Status::ok();
}

Result<std::string> FileBlobStore::readComplete(const std::string& sha256) {
  std::ifstream in(completePath(sha256), std::ios::binary);
  if (!in) return Status::notFound(msg("blob.photo_not_uploaded", {{"sha256", sha256}}));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::ioError(msg("blob.photo_unreadable", {{"sha256", sha256}}));
  return bytes;
}

}  // namespace anju::server
