// PhotoLibrary: the bytes of the photos taken on this tablet, in a content-addressed folder next
// to the tablet database (<folder>/ab/<sha256>, named by the SHA-256 of the bytes, so a photo is
// stored once however often it is referenced and a file's name says what it must contain).
//
// Importing writes the bytes to a temporary file, fsyncs it, renames it into place and fsyncs the
// folder, and only then saves the PhotoRecord (Store::putPhoto, which also queues the bytes for
// upload): after a crash there may be a file without a record (harmless, re-imported the same),
// never a record without its bytes.
//
// Thread-safety: imports of different photos may run concurrently (unique temporary names);
// reads are safe at any time because files only ever appear whole.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "anju/model.h"
#include "anju/sha256.h"  // photos are named by their SHA-256
#include "anju/status.h"
#include "anju/store.h"

namespace anju {

class PhotoLibrary {
 public:
  /// Uses (and creates if missing) `folder`; ioError when it cannot be created.
  static Result<PhotoLibrary> open(std::string folder);
  /// The conventional folder for a tablet database: "<database path>.photos".
  static std::string folderForDatabase(const std::string& databasePath);

  /// Stores `bytes` and saves `photo` with sha256 and byteSize filled in from them (the other
  /// fields — id, building, inspection, finding, time, caption — are the caller's). Returns the
  /// saved record. Errors: ioError (disk), and whatever Store::putPhoto returns (validation,
  /// unknown building); the file may then stay without a record, which is harmless.
  Result<PhotoRecord> importBytes(Store& store, std::string_view bytes, PhotoRecord photo,
                                  std::string_view actor);
  /// The same for a file on disk (e.g. from the camera).
  Result<PhotoRecord> importFile(Store& store, const std::string& path, PhotoRecord photo,
                                 std::string_view actor);

  /// Where the bytes with this hash live (whether or not they exist).
  std::string pathOf(std::string_view sha256) const;
  bool contains(std::string_view sha256) const;
  /// Up to `length` bytes from `offset` (fewer at the end of the file); ioError when unreadable,
  /// notFound when the file is missing.
  Result<std::string> read(std::string_view sha256, std::int64_t offset, std::int64_t length) const;
  const std::string& folder() const { return m_folder; }
  /// Deletes every photo file (and any temporary file) in the folder, keeping the folder itself
  /// (a lost tablet wiping itself, SyncClient). ioError naming the first file that stayed.
  Status removeAll();

 private:
  explicit PhotoLibrary(std::string folder) : m_folder(std::move(folder)) {}
  Status writeBytes(std::string_view sha256, std::string_view bytes);

  std::string m_folder;
};

}  // namespace anju
