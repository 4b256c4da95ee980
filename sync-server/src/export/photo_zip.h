// The photos of a region as one ZIP (照片打包), written to a sink while each photo's bytes are
// read from the blob store: memory holds one piece of one photo (kBlobReadPiece) and the ZIP's
// central directory (about 150 bytes per photo), never a whole photo or the whole archive.
//
// Layout (docs/exports.md, "Photos as a ZIP"):
//   <房屋编码>/<照片类别>/<YYYYMMDD-HHMMSS>_<sha256[0,8)>.<ext>
//   <房屋编码>/<照片类别>/<original's name stem>_标注_<sha256[0,8)>.<ext>   (an annotated copy)
// 房屋编码 is the house's building code (the building id when it has none); 照片类别 the
// category's Chinese label (其他 when none was chosen); the time is the capture time in China
// Standard Time. An annotated copy sits in its original's folder, named after it.
//
// Which photos: not deleted, not an owner-notice document, bytes complete, and belonging to an
// inspection handed in to the bureau (submitted or approved), to a rectification (completion
// evidence), or to the house itself (no inspection). Photos of drafts and returned inspections
// are left out: they are the inspector's work in progress.
//
// The ZIP is written by libarchive (zip format, entries stored, not deflated: JPEG does not
// compress); ZIP64 records are added by libarchive once an offset or the directory passes 4 GiB.
// Names are UTF-8 with the language-encoding flag (bit 11) set.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "blob/blob_store.h"
#include "export/export_sink.h"
#include "register/register_query.h"
#include "storage/server_storage.h"

namespace anju::server {

/// One file of the archive: where it goes and which blob fills it.
struct PhotoZipEntry {
  std::string path;  // UTF-8, '/'-separated, unique within the house
  std::string sha256;
  TimestampMs capturedAt = 0;
};

/// The entries of one house from its current records (ServerStorage::houseRecords), in archive
/// order (folder, then name). `folder` is the house's folder name (photoZipFolder). Photos whose
/// bytes are not complete are included: the writer checks the blob store.
std::vector<PhotoZipEntry> photoZipEntries(const std::vector<StoredRecord>& records,
                                           const std::string& folder);

/// The folder of a house: its building code made safe as a path segment ('/', '\\', control
/// characters and a leading '.' replaced), or `buildingId` when the code is empty.
std::string photoZipFolder(const std::string& buildingCode, const std::string& buildingId);

struct PhotoZipResult {
  std::int64_t houses = 0;      // houses with at least one photo in the archive
  std::int64_t photos = 0;      // files written
  std::int64_t incomplete = 0;  // photos left out: their bytes have not all arrived
  std::int64_t bytes = 0;       // archive size
};

/// Streams the photos of the houses of `filter` (already scoped to the caller), in register
/// order, as a ZIP into `sink`. An error after the first bytes leaves the archive without its
/// central directory (the caller must make the receiver see a failure, not a file).
Result<PhotoZipResult> writePhotoZip(RegisterIndex& index, ServerStorage& storage, BlobStore& blobs,
                                     const RegisterFilter& filter, const ExportSink& sink);

}  // namespace anju::server
