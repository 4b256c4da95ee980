// anju_photo_zip_bench: the photo ZIP's time and peak memory for a small and a large number of
// photos, to show that memory does not grow with the archive (docs/exports.md).
//
//   anju_photo_zip_bench [--photos 200,2000] [--bytes 2621440] [--dir DIR]
//
// For each count it stores that many photo records (10 per house, each house with a submitted
// inspection) in DIR/<count>/anju.db (SQLite) with 20 distinct blobs of --bytes in the folder
// blob store, then writes the ZIP of everything to DIR/<count>/photos.zip in a fresh child
// process (re-executing itself), so getrusage's ru_maxrss is that export's own peak. An archive
// over 4 GiB needs ZIP64; each archive is checked with `unzip -tq` before it is removed.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "anju/hlc.h"
#include "anju/record_codec.h"
#include "anju/sha256.h"
#include "bench_support.h"
#include "blob/blob_store.h"
#include "export/photo_zip.h"
#include "service/indexed_storage.h"

namespace {

using namespace anju;
using namespace anju::server;
using Clock = std::chrono::steady_clock;
using anju::bench::maxRssKb;
using anju::bench::runChild;

constexpr int kBlobs = 20;
constexpr int kPhotosPerHouse = 10;

std::string uuidFor(char kind, long n) {
  char out[40];
  std::snprintf(out, sizeof out, "%08lx-0000-4000-8000-%012lx", n, static_cast<long>(kind));
  return out;
}

int fail(const Status& s) {
  std::fprintf(stderr, "%s\n", s.toString().c_str());
  return 1;
}

/// The blobs: `bytes` of a pattern that differs per blob.
Result<std::vector<std::string>> storeBlobs(BlobStore& blobs, std::int64_t bytes) {
  std::vector<std::string> hashes;
  for (int b = 0; b < kBlobs; ++b) {
    std::string data(static_cast<std::size_t>(bytes), '\0');
    for (std::size_t i = 0; i < data.size(); ++i)
      data[i] = static_cast<char>((i * 131 + static_cast<std::size_t>(b) * 7919) >> 3);
    const std::string sha = sha256Hex(data);
    Result<bool> appended = blobs.appendPartial(sha, 0, data);
    if (!appended) return appended.status();
    if (Status s = blobs.commitPartial(sha); !s) return s;
    hashes.push_back(sha);
  }
  return hashes;
}

int populate(const std::string& dir, long photos, std::int64_t bytes) {
  std::filesystem::create_directories(dir);
  auto storage = openStorage(StorageBackend::kSqlite, dir, {});
  if (!storage) return fail(storage.status());
  auto blobs = FileBlobStore::open(dir + "/blobs");
  if (!blobs) return fail(blobs.status());
  Result<std::vector<std::string>> hashes = storeBlobs(**blobs, bytes);
  if (!hashes) return fail(hashes.status());
  HybridLogicalClock hlc;
  auto tx = (*storage)->beginTransaction();
  if (!tx) return fail(tx.status());
  for (long h = 0; h * kPhotosPerHouse < photos; ++h) {
    Building b;
    b.id = uuidFor('b', h);
    b.region = {"临江区", "城南街道", "第" + std::to_string(h % 10 + 1) + "社区"};
    b.address = "幸福路" + std::to_string(h + 1) + "号";
    b.buildingCode = "LJ-" + std::to_string(1000000 + h);
    Inspection in;
    in.id = uuidFor('i', h);
    in.buildingId = b.id;
    in.inspector = "inspector";
    in.startedAt = 1780272000000 + h * 1000;
    in.submittedAt = in.startedAt + 600000;
    in.templateId = "self_built_house";
    in.templateVersion = 1;
    in.computedJudgment = PreliminaryJudgment::kSome;
    in.review = ReviewState::kSubmitted;
    std::vector<AnyRecord> records = {b, in};
    for (long p = h * kPhotosPerHouse; p < std::min(photos, (h + 1) * kPhotosPerHouse); ++p) {
      PhotoRecord photo;
      photo.id = uuidFor('p', p);
      photo.sha256 = (*hashes)[static_cast<std::size_t>(p % kBlobs)];
      photo.byteSize = bytes;
      photo.capturedAt = in.startedAt + p * 1000;
      photo.buildingId = b.id;
      photo.inspectionId = in.id;
      photo.category = static_cast<PhotoCategory>(p % 7);
      records.push_back(photo);
    }
    for (const AnyRecord& record : records) {
      const RecordWrite w = anju::bench::benchWrite(record, b.region, b.id, hlc);
      if (auto seq = (*tx)->putRecord(w); !seq) return fail(seq.status());
    }
  }
  if (Status s = (*tx)->commit(); !s) return fail(s);
  std::printf("populated\n");
  return 0;
}

/// Child mode: the ZIP of everything into DIR/photos.zip, then
/// "photos seconds rss_before_kb peak_kb bytes" on stdout.
int zipOnce(const std::string& dir) {
  auto storage = openStorage(StorageBackend::kSqlite, dir, {});
  if (!storage) return fail(storage.status());
  auto blobs = FileBlobStore::open(dir + "/blobs");
  if (!blobs) return fail(blobs.status());
  const long before = maxRssKb();
  std::FILE* f = std::fopen((dir + "/photos.zip").c_str(), "wb");
  if (!f) return 1;
  const auto start = Clock::now();
  Result<PhotoZipResult> r = writePhotoZip(**storage, **storage, **blobs, {}, [f](auto bytes) {
    return std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  });
  const bool closed = std::fclose(f) == 0;
  if (!r) return fail(r.status());
  if (!closed) return 1;
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("%lld %.3f %ld %ld %lld\n", static_cast<long long>(r->photos), seconds, before,
              maxRssKb(), static_cast<long long>(r->bytes));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 5 && std::strcmp(argv[1], "--populate") == 0)
    return populate(argv[2], std::atol(argv[3]), std::atoll(argv[4]));
  if (argc >= 3 && std::strcmp(argv[1], "--zip") == 0) return zipOnce(argv[2]);
  std::string counts = "200,2000";
  std::string bytes = "2621440";
  std::string dir = (std::filesystem::temp_directory_path() / "anju-photo-zip-bench").string();
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--photos") == 0) counts = argv[i + 1];
    if (std::strcmp(argv[i], "--bytes") == 0) bytes = argv[i + 1];
    if (std::strcmp(argv[i], "--dir") == 0) dir = argv[i + 1];
  }
  std::printf(
      "| photos | photo (MiB) | archive (MiB) | time (s) | MiB/s | peak RSS (MiB) | unzip -t |\n"
      "| ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
  std::stringstream list(counts);
  std::string count;
  while (std::getline(list, count, ',')) {
    const std::string sub = dir + "/" + count;
    std::filesystem::remove_all(sub);
    if (runChild({"anju_photo_zip_bench", "--populate", sub, count, bytes}).empty()) {
      std::fprintf(stderr, "populating %s photos failed\n", count.c_str());
      return 1;
    }
    const std::string out = runChild({"anju_photo_zip_bench", "--zip", sub});
    long long photos = 0, size = 0;
    double seconds = 0;
    long beforeKb = 0, peakKb = 0;
    if (std::sscanf(out.c_str(), "%lld %lf %ld %ld %lld", &photos, &seconds, &beforeKb, &peakKb,
                    &size) != 5) {
      std::fprintf(stderr, "zip of %s photos failed\n", count.c_str());
      return 1;
    }
    const std::string test = "unzip -tq " + sub + "/photos.zip > /dev/null 2>&1";
    const bool valid = std::system(test.c_str()) == 0;
    std::printf("| %lld | %.1f | %.1f | %.2f | %.0f | %.1f (%.1f before) | %s |\n", photos,
                std::atoll(bytes.c_str()) / 1048576.0, size / 1048576.0, seconds,
                size / 1048576.0 / seconds, peakKb / 1024.0, beforeKb / 1024.0,
                valid ? "ok" : "FAILED");
    std::fflush(stdout);
    std::filesystem::remove_all(sub);
    if (!valid) return 1;
  }
  return 0;
}
