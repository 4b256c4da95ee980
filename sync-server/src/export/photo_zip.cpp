#include "export/photo_zip.h"

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "anju/enum_codes.h"
#include "anju/v1/records.pb.h"

namespace anju::server {
namespace {

constexpr std::int64_t kChinaOffsetSeconds = 8 * 3600;

/// "20261203-143005": the capture time in China Standard Time, sortable, no ':' (Windows).
std::string compactChinaTime(TimestampMs ms) {
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000 + kChinaOffsetSeconds);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &tm);
  return text;
}

std::string extensionFor(const std::string& mimeType) {
  if (mimeType == "image/png") return ".png";
  if (mimeType == "image/webp") return ".webp";
  if (mimeType == "image/heic") return ".heic";
  return ".jpg";  // what the tablet's camera writes; also the default of the record
}

std::string categoryFolder(const std::string& code) {
  const std::optional<PhotoCategory> category = parsePhotoCategory(code);
  return std::string(label(category.value_or(PhotoCategory::kOther)).zh);
}

/// A photo record as the archive needs it.
struct Candidate {
  std::string id;
  std::string sha256;
  std::string mimeType;
  TimestampMs capturedAt = 0;
  std::string category;
  std::string annotatedFrom;
};

/// The inspections whose photos the bureau sees: handed in (submitted or approved).
std::set<std::string> handedInInspections(const std::vector<StoredRecord>& records) {
  std::set<std::string> ids;
  v1::Record record;
  for (const StoredRecord& r : records) {
    if (r.kind != RecordKind::kInspection) continue;
    if (!record.ParseFromString(r.payload) || !record.has_inspection()) continue;
    const std::string& review = record.inspection().review();
    if (review == toCode(ReviewState::kSubmitted) || review == toCode(ReviewState::kApproved))
      ids.insert(r.id);
  }
  return ids;
}

std::vector<Candidate> candidates(const std::vector<StoredRecord>& records) {
  const std::set<std::string> inspections = handedInInspections(records);
  std::vector<Candidate> out;
  v1::Record record;
  for (const StoredRecord& r : records) {
    if (r.kind != RecordKind::kPhoto) continue;
    if (!record.ParseFromString(r.payload) || !record.has_photo()) continue;
    const v1::PhotoRecord& p = record.photo();
    if (p.deleted() || !p.document().empty() || p.sha256().empty()) continue;
    const bool ofRectification = !p.rectification_id().empty();
    const bool ofHouse = p.inspection_id().empty();
    if (!ofRectification && !ofHouse && !inspections.count(p.inspection_id())) continue;
    out.push_back(
        {p.id(), p.sha256(), p.mime_type(), p.captured_at(), p.category(), p.annotated_from()});
  }
  // Stable order whatever order the storage returned: capture time, then id.
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.capturedAt, a.id) < std::tie(b.capturedAt, b.id);
  });
  return out;
}

/// `path` or, when taken, `stem-2<ext>`, `stem-3<ext>` … (same second and same hash prefix).
std::string uniquePath(std::set<std::string>& taken, const std::string& stem,
                       const std::string& ext) {
  std::string path = stem + ext;
  for (int n = 2; taken.count(path); ++n) path = stem + "-" + std::to_string(n) + ext;
  taken.insert(path);
  return path;
}

}  // namespace

std::string photoZipFolder(const std::string& buildingCode, const std::string& buildingId) {
  std::string folder;
  for (unsigned char c : buildingCode) {
    const bool unsafe = c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':' || c == '*' ||
                        c == '?' || c == '"' || c == '<' || c == '>' || c == '|';
    folder += unsafe ? '_' : static_cast<char>(c);
  }
  while (!folder.empty() && (folder.back() == ' ' || folder.back() == '.')) folder.pop_back();
  while (!folder.empty() && (folder.front() == ' ' || folder.front() == '.')) folder.erase(0, 1);
  return folder.empty() ? buildingId : folder;
}

std::vector<PhotoZipEntry> photoZipEntries(const std::vector<StoredRecord>& records,
                                           const std::string& folder) {
  const std::vector<Candidate> photos = candidates(records);
  std::map<std::string, std::string> stemOf;  // photo id -> "<folder>/<类别>/<name stem>"
  std::set<std::string> taken;
  std::vector<PhotoZipEntry> out;
  // Originals first, so each annotated copy can be named after its original.
  for (const bool annotated : {false, true}) {
    for (const Candidate& p : photos) {
      if (p.annotatedFrom.empty() == annotated) continue;
      const std::string ext = extensionFor(p.mimeType);
      const std::string hash = p.sha256.substr(0, 8);
      std::string stem;
      const auto original = stemOf.find(p.annotatedFrom);
      if (annotated && original != stemOf.end()) {
        stem = original->second + "_标注_" + hash;
      } else {
        stem = folder + "/" + categoryFolder(p.category) + "/" + compactChinaTime(p.capturedAt) +
               "_" + hash + (annotated ? "_标注" : "");
      }
      const std::string path = uniquePath(taken, stem, ext);
      stemOf[p.id] = path.substr(0, path.size() - ext.size());
      out.push_back({path, p.sha256, p.capturedAt});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const PhotoZipEntry& a, const PhotoZipEntry& b) { return a.path < b.path; });
  return out;
}

namespace {

/// libarchive's zip writer sets the UTF-8 name flag only when the thread's locale is UTF-8; the
/// server runs in the C locale, so the writing thread switches to C.UTF-8 for the export.
class Utf8ThreadLocale {
 public:
  Utf8ThreadLocale() {
    m_utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    if (m_utf8) m_previous = uselocale(m_utf8);
  }
  ~Utf8ThreadLocale() {
    if (!m_utf8) return;
    uselocale(m_previous);
    freelocale(m_utf8);
  }
  bool ok() const { return m_utf8 != static_cast<locale_t>(nullptr); }

 private:
  locale_t m_utf8 = static_cast<locale_t>(nullptr);
  locale_t m_previous = static_cast<locale_t>(nullptr);
};

struct SinkState {
  const ExportSink* sink;
  std::int64_t written = 0;
  bool receiverGone = false;
  bool discard = false;  // the export failed: nothing more reaches the receiver
};

la_ssize_t writeToSink(struct archive* a, void* data, const void* buffer, size_t length) {
  auto* state = static_cast<SinkState*>(data);
  if (state->discard) return -1;
  if (!(*state->sink)(std::string_view(static_cast<const char*>(buffer), length))) {
    state->receiverGone = true;
    archive_set_error(a, EPIPE, "receiver went away");
    return -1;
  }
  state->written += static_cast<std::int64_t>(length);
  return static_cast<la_ssize_t>(length);
}

struct ArchiveFree {
  void operator()(struct archive* a) const { archive_write_free(a); }
};
struct EntryFree {
  void operator()(archive_entry* e) const { archive_entry_free(e); }
};

class ZipWriter {
 public:
  explicit ZipWriter(const ExportSink& sink) : m_state{&sink}, m_archive(archive_write_new()) {}
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;
  /// Freeing an archive that was not closed would close it, writing a central directory after
  /// the failure; the receiver gets nothing more instead.
  ~ZipWriter() { m_state.discard = true; }

  Status open() {
    if (!m_locale.ok()) return Status::internal(msg("export.zip_failed", {{"detail", "C.UTF-8"}}));
    archive* a = m_archive.get();
    if (archive_write_set_format_zip(a) != ARCHIVE_OK ||
        archive_write_set_format_option(a, "zip", "compression", "store") != ARCHIVE_OK ||
        archive_write_set_bytes_per_block(a, 64 * 1024) != ARCHIVE_OK ||
        archive_write_set_bytes_in_last_block(a, 1) != ARCHIVE_OK ||
        archive_write_open(a, &m_state, nullptr, writeToSink, nullptr) != ARCHIVE_OK)
      return failure();
    return Status::ok();
  }

  Status add(const PhotoZipEntry& e, std::int64_t size, BlobStore& blobs) {
    std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
    archive_entry_set_pathname(entry.get(), e.path.c_str());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    archive_entry_set_size(entry.get(), size);
    archive_entry_set_mtime(entry.get(), static_cast<std::time_t>(e.capturedAt / 1000), 0);
    archive* a = m_archive.get();
    if (archive_write_header(a, entry.get()) < ARCHIVE_OK) return failure();
    std::int64_t copied = 0;
    Status read = blobs.readComplete(e.sha256, 0, size, [&](std::string_view piece) -> Status {
      if (archive_write_data(a, piece.data(), piece.size()) < 0) return failure();
      copied += static_cast<std::int64_t>(piece.size());
      return Status::ok();
    });
    if (!read) return read;
    if (copied != size)
      return Status::ioError(msg("export.zip_failed", {{"detail", "short photo " + e.sha256}}));
    if (archive_write_finish_entry(a) < ARCHIVE_OK) return failure();
    return Status::ok();
  }

  Result<std::int64_t> close() {
    if (archive_write_close(m_archive.get()) != ARCHIVE_OK) return failure();
    return m_state.written;
  }

 private:
  Status failure() {
    if (m_state.receiverGone) return Status::unavailable(msg("export.receiver_went_away"));
    const char* detail = archive_error_string(m_archive.get());
    return Status::ioError(msg("export.zip_failed", {{"detail", detail ? detail : ""}}));
  }

  Utf8ThreadLocale m_locale;  // first: in force while the archive is written and freed
  SinkState m_state;
  std::unique_ptr<archive, ArchiveFree> m_archive;
};

}  // namespace

Result<PhotoZipResult> writePhotoZip(RegisterIndex& index, ServerStorage& storage, BlobStore& blobs,
                                     const RegisterFilter& filter, const ExportSink& sink) {
  ZipWriter zip(sink);
  if (Status s = zip.open(); !s) return s;
  PhotoZipResult result;
  // Two houses sharing one building code (bad data) get folders of their own.
  std::set<std::string> folders;
  Status walked = forEachRegisterRow(index, filter, [&](const RegisterRow& row) -> Status {
    Result<std::vector<StoredRecord>> records = storage.houseRecords(row.buildingId);
    if (!records) return records.status();
    std::string folder = photoZipFolder(row.buildingCode, row.buildingId);
    if (folders.count(folder)) folder += "_" + row.buildingId.substr(0, 8);
    const std::vector<PhotoZipEntry> entries = photoZipEntries(*records, folder);
    bool any = false;
    for (const PhotoZipEntry& e : entries) {
      Result<std::optional<std::int64_t>> size = blobs.completeSize(e.sha256);
      if (!size) return size.status();
      if (!size->has_value()) {
        ++result.incomplete;  // still uploading: like the dossier, left out
        continue;
      }
      if (Status s = zip.add(e, **size, blobs); !s) return s;
      ++result.photos;
      any = true;
    }
    if (any) {
      folders.insert(folder);
      ++result.houses;
    }
    return Status::ok();
  });
  if (!walked) return walked;
  Result<std::int64_t> bytes = zip.close();
  if (!bytes) return bytes.status();
  result.bytes = *bytes;
  return result;
}

}  // namespace anju::server
