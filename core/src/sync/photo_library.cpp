#include "anju/photo_library.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include "anju/durable_file.h"
#include "anju/validation.h"

namespace anju {
namespace {

namespace fs = std::filesystem;

// `what` is a catalogue message with {path} and {detail} placeholders.
Status ioFailure(Message what, const std::string& path) {
  what.params.push_back({"path", path});
  what.params.push_back({"detail", std::strerror(errno)});
  return Status::ioError(std::move(what));
}

}  // namespace

Result<PhotoLibrary> PhotoLibrary::open(std::string folder) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec)
    return Status::ioError(
        msg("sync.photo_folder_uncreatable", {{"path", folder}, {"detail", ec.message()}}));
  return PhotoLibrary(std::move(folder));
}

std::string PhotoLibrary::folderForDatabase(const std::string& databasePath) {
  return databasePath + ".photos";
}

Status PhotoLibrary::removeAll() {
  std::error_code ec;
  fs::directory_iterator it(m_folder, ec);
  if (ec)
    return Status::ioError(
        msg("sync.photo_wipe_failed", {{"path", m_folder}, {"detail", ec.message()}}));
  for (const fs::directory_entry& entry : it) {
    fs::remove_all(entry.path(), ec);
    if (ec)
      return Status::ioError(msg("sync.photo_wipe_failed",
                                 {{"path", entry.path().string()}, {"detail", ec.message()}}));
  }
  return Status::ok();
}

std::string PhotoLibrary::pathOf(std::string_view sha256) const {
  // Two-character fan-out keeps a folder of 10^4 photos quick to list on a tablet's filesystem.
  const std::string hash(sha256);
  return m_folder + "/" + hash.substr(0, 2) + "/" + hash;
}

bool PhotoLibrary::contains(std::string_view sha256) const {
  std::error_code ec;
  return isValidSha256Hex(sha256) && fs::is_regular_file(pathOf(sha256), ec);
}

Status PhotoLibrary::writeBytes(std::string_view sha256, std::string_view bytes) {
  const std::string target = pathOf(sha256);
  // Same name, same bytes: a photo already here needs nothing (content addressing).
  if (std::error_code ec; fs::exists(target, ec) &&
                          fs::file_size(target, ec) == static_cast<std::uintmax_t>(bytes.size()))
    return Status::ok();
  const std::string dir = fs::path(target).parent_path().string();
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    return Status::ioError(
        msg("sync.photo_folder_uncreatable", {{"path", dir}, {"detail", ec.message()}}));

  static std::atomic<unsigned> counter{0};
  const std::string temp =
      target + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1));
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return ioFailure(msg("sync.cannot_write_photo"), temp);
  const bool written = durable::writeAll(fd, bytes) && ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed) {
    Status s = ioFailure(msg("sync.photo_write_failed"), temp);
    ::unlink(temp.c_str());
    return s;
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    Status s = ioFailure(msg("sync.cannot_move_photo_into"), target);
    ::unlink(temp.c_str());
    return s;
  }
  if (!durable::syncDirectory(dir)) return ioFailure(msg("sync.cannot_sync_folder"), dir);
  return Status::ok();
}

Result<PhotoRecord> PhotoLibrary::importBytes(Store& store, std::string_view bytes,
                                              PhotoRecord photo, std::string_view actor) {
  photo.sha256 = sha256Hex(bytes);
  photo.byteSize = static_cast<std::int64_t>(bytes.size());
  if (Status s = writeBytes(photo.sha256, bytes); !s) return s;
  Result<HlcVersion> saved = store.putPhoto(photo, actor);
  if (!saved) return saved.status();
  return photo;
}

Result<PhotoRecord> PhotoLibrary::importFile(Store& store, const std::string& path,
                                             PhotoRecord photo, std::string_view actor) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return ioFailure(msg("sync.cannot_read_photo_file"), path);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return ioFailure(msg("sync.reading_photo_file_failed"), path);
  return importBytes(store, bytes, std::move(photo), actor);
}

Result<std::string> PhotoLibrary::read(std::string_view sha256, std::int64_t offset,
                                       std::int64_t length) const {
  const std::string path = pathOf(sha256);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::notFound(msg("sync.photo_file_missing_at", {{"path", path}}));
  in.seekg(offset);
  std::string out(static_cast<std::size_t>(length), '\0');
  in.read(out.data(), length);
  if (in.bad()) return ioFailure(msg("sync.reading_photo_failed"), path);
  out.resize(static_cast<std::size_t>(in.gcount()));
  return out;
}

}  // namespace anju
