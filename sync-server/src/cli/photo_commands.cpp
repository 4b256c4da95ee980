// anju-server import-photos --from DIR: copies the complete photos of a folder store (DIR/ab/cd/
// <sha256>, e.g. the shared folder of a PostgreSQL deployment from before the database photo
// store) into the configured photo store. Each photo goes through PhotoService as an upload
// would: in chunks, resumed where an earlier run stopped, its hash checked before it counts.
// Safe while servers run; running it twice copies nothing twice.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "anju/validation.h"
#include "cli/commands.h"
#include "service/photo_service.h"

namespace anju::server {
namespace {

constexpr std::int64_t kImportChunk = 4 << 20;

/// Result of one photo: true copied (or already there), false refused (message printed).
Result<bool> importOne(PhotoService& photos, const std::filesystem::path& file,
                       const std::string& sha256, std::int64_t size) {
  if (size <= 0) return false;  // not a photo: an empty file
  Result<PhotoState> state = photos.status(sha256);
  if (!state) return state.status();
  if (state->complete) return true;
  std::int64_t offset = state->totalBytes == size ? state->receivedBytes : 0;
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::ioError(msg("cli.file_unreadable", {{"path", file.string()}}));
  in.seekg(static_cast<std::streamoff>(offset));
  std::string chunk;
  while (true) {
    chunk.resize(static_cast<std::size_t>(std::min(kImportChunk, size - offset)));
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    if (in.gcount() != static_cast<std::streamsize>(chunk.size()))
      return Status::ioError(msg("cli.file_unreadable", {{"path", file.string()}}));
    Result<PhotoUpload> up = photos.upload(sha256, offset, size, chunk);
    if (!up) return up.status();
    if (up->outcome != PhotoUploadOutcome::kAccepted) return false;
    if (up->state.complete) return true;
    offset = up->state.receivedBytes;
  }
}

}  // namespace

int runImportPhotos(const CliArgs& args) {
  const std::optional<std::string> from = args.option("from");
  if (!from || !args.positional().empty()) {
    std::fprintf(stderr, "%s\n",
                 render(msg("cli.usage", {{"usage", "import-photos --from DIR --config FILE"}}),
                        terminalLocale())
                     .c_str());
    return 2;
  }
  Result<ServerConfig> config = resolveConfig(args);
  if (!config) return fail(config.status());
  Result<std::unique_ptr<IndexedStorage>> storage = openConfiguredStorage(*config);
  if (!storage) return fail(storage.status());
  Result<std::unique_ptr<BlobStore>> blobs = openConfiguredBlobs(*config, **storage);
  if (!blobs) return fail(blobs.status());
  PhotoService photos(**storage, **blobs, config->maxPhotoBytes);

  int copied = 0, refused = 0;
  std::error_code ec;
  std::filesystem::recursive_directory_iterator it(*from, ec), end;
  if (ec) return fail(Status::notFound(msg("cli.file_unreadable", {{"path", *from}})));
  for (; it != end; it.increment(ec)) {
    if (ec) return fail(Status::ioError(msg("cli.file_unreadable", {{"path", *from}})));
    if (it->is_directory() && it->path().filename() == "partial") {
      it.disable_recursion_pending();  // uploads that never finished: the tablets resend them
      continue;
    }
    const std::string name = it->path().filename().string();
    if (!it->is_regular_file() || !isValidSha256Hex(name)) continue;
    Result<bool> one =
        importOne(photos, it->path(), name, static_cast<std::int64_t>(it->file_size()));
    if (!one) return fail(one.status());
    if (*one) {
      ++copied;
    } else {
      ++refused;
      std::fprintf(
          stderr, "%s\n",
          render(msg("cli.photo_import_refused", {{"path", it->path().string()}}), terminalLocale())
              .c_str());
    }
  }
  std::printf("%d photos in the photo store, %d refused\n", copied, refused);
  return refused == 0 ? 0 : 1;
}

}  // namespace anju::server
