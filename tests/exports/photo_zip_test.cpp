// The photo ZIP (照片打包) against the real server and CLI, on SQLite and PostgreSQL (where the
// photos are in the database): the archive listed with zipinfo and tested with unzip, every
// path exact, every file's SHA-256 that of the photo pushed; scoped like every export.
#include "export/photo_zip.h"

#include <algorithm>
#include <vector>

#include "anju/sha256.h"
#include "anju/uuid.h"
#include "export_tools.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

constexpr TimestampMs kCaptured = 1780272100000;  // 2026-06-01 08:01:40 in China
constexpr const char* kBuildingCode = "330102001001-0001";

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t stop = end == std::string::npos ? text.size() : end;
    if (stop > start) out.push_back(text.substr(start, stop - start));
    start = stop + 1;
  }
  return out;
}

std::uint16_t le16(const std::string& bytes, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                    (static_cast<unsigned char>(bytes[at + 1]) << 8));
}

class PhotoZipTest : public SyncServerTest {
 protected:
  void SetUp() override {
    SyncServerTest::SetUp();
    if (HasFatalFailure()) return;
    m_reviewer = client().login("reviewer", "review1234");
    ASSERT_FALSE(m_reviewer.empty());
  }

  /// A photo of `category` taken `minutes` after kCaptured; its bytes are uploaded by
  /// uploadAll() unless `upload` is false.
  PhotoRecord photo(const Uuid& building, const Uuid& inspection, PhotoCategory category,
                    int minutes, char seed, bool upload = true) {
    const std::string bytes = patternBytes(3000 + static_cast<std::size_t>(seed) * 7, seed);
    PhotoRecord p = makePhoto(building, inspection, bytes);
    p.mimeType = "image/jpeg";
    p.category = category;
    p.capturedAt = kCaptured + minutes * 60'000;
    if (upload) {
      m_uploads.push_back({p.sha256, bytes});
    }
    return p;
  }

  void push(std::vector<v1::Change> changes) {
    const v1::PushResponse r = client().push(m_demoToken, makePush(std::move(changes)));
    for (const auto& result : r.results())
      EXPECT_EQ(result.outcome(), v1::ChangeResult::APPLIED) << result.ShortDebugString();
  }

  void uploadAll() {
    for (const auto& [sha, bytes] : m_uploads)
      EXPECT_EQ(client().uploadPhoto(sha, bytes, m_demoToken).status, 200);
  }

  std::string zipPath(const std::string& name, const std::string& bytes) {
    const std::string path = dataDir() + "/" + name;
    writeFile(path, bytes);
    return path;
  }

  /// The names in the archive (zipinfo -1), sorted.
  std::vector<std::string> listing(const std::string& zip) {
    const ToolRun run = runTool("env LC_ALL=C.UTF-8 zipinfo -1 " + shellQuote(zip));
    EXPECT_EQ(run.exitCode, 0) << run.out;
    std::vector<std::string> names = lines(run.out);
    std::sort(names.begin(), names.end());
    return names;
  }

  std::string member(const std::string& zip, const std::string& name) {
    const ToolRun run =
        runTool("env LC_ALL=C.UTF-8 unzip -p " + shellQuote(zip) + " " + shellQuote(name));
    EXPECT_EQ(run.exitCode, 0) << name;
    return run.out;
  }

  std::string m_reviewer;
  std::vector<std::pair<std::string, std::string>> m_uploads;  // sha256, bytes
};

TEST_P(PhotoZipTest, RegionPhotosZipHasExactPathsAndTheirBytes) {
  for (const auto& [tool, package] : {std::pair{"zipinfo", "unzip"}, {"unzip", "unzip"}}) {
    const std::string missing = missingTool(tool, package);
    ASSERT_TRUE(missing.empty()) << missing;
  }
  // House A has a building code, house B none (its folder is its id).
  const Uuid a = ownBuilding(0).record_id();
  const Uuid b = ownBuilding(1).record_id();
  push({editOf(ownBuilding(0),
               [](v1::Record& r) { r.mutable_building()->set_building_code(kBuildingCode); })});

  const Inspection inA = makeInspection(a);
  const PhotoRecord facade = photo(a, inA.id, PhotoCategory::kFacade, 0, 'a');
  const PhotoRecord crack = photo(a, inA.id, PhotoCategory::kCrack, 1, 'b');
  PhotoRecord marked = photo(a, inA.id, PhotoCategory::kCrack, 2, 'c');
  marked.annotatedFrom = crack.id;
  const Inspection inB = makeInspection(b);
  const PhotoRecord plate = photo(b, inB.id, PhotoCategory::kDoorPlate, 3, 'd');
  PhotoRecord roof = photo(b, inB.id, PhotoCategory::kRoof, 4, 'e');
  // Left out: a photo of a draft (the inspector's work in progress), a deleted photo, and one
  // whose bytes never arrived.
  Inspection draft = makeInspection(b);
  draft.review = ReviewState::kDraft;
  draft.submittedAt = 0;
  const PhotoRecord ofDraft = photo(b, draft.id, PhotoCategory::kInterior, 5, 'f');
  PhotoRecord deleted = photo(b, "", PhotoCategory::kOther, 6, 'g');  // of the house itself
  deleted.deleted = true;
  const PhotoRecord pending = photo(b, inB.id, PhotoCategory::kOther, 7, 'h', false);
  push({makeChange(inA, 100, 0), makeChange(inB, 100, 0), makeChange(draft, 100, 0),
        makeChange(facade, 101, 0), makeChange(crack, 101, 0), makeChange(marked, 101, 0),
        makeChange(plate, 101, 0), makeChange(roof, 101, 0), makeChange(ofDraft, 101, 0),
        makeChange(deleted, 101, 0), makeChange(pending, 101, 0)});
  uploadAll();

  const std::string code = kBuildingCode;
  const auto name = [](const PhotoRecord& p, const char* time) {
    return std::string(time) + "_" + p.sha256.substr(0, 8);
  };
  const std::string crackStem = code + "/裂缝/" + name(crack, "20260601-080240");
  const std::map<std::string, const PhotoRecord*> expected = {
      {code + "/外立面/" + name(facade, "20260601-080140") + ".jpg", &facade},
      {crackStem + ".jpg", &crack},
      {crackStem + "_标注_" + marked.sha256.substr(0, 8) + ".jpg", &marked},
      {b + "/门牌/" + name(plate, "20260601-080440") + ".jpg", &plate},
      {b + "/屋顶/" + name(roof, "20260601-080540") + ".jpg", &roof},
  };

  httplib::Client http("127.0.0.1", server().port());
  http.set_read_timeout(std::chrono::seconds(120));
  const auto res = http.Get("/v1/exports/photos.zip",
                            httplib::Headers{{"Authorization", "Bearer " + m_reviewer}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/zip");
  EXPECT_NE(res->get_header_value("Content-Disposition").find("照片"), std::string::npos);
  const std::string zip = zipPath("photos.zip", res->body);

  std::vector<std::string> paths;
  for (const auto& [path, p] : expected) paths.push_back(path);
  EXPECT_EQ(listing(zip), paths);
  const ToolRun test = runTool("env LC_ALL=C.UTF-8 unzip -t " + shellQuote(zip));
  EXPECT_EQ(test.exitCode, 0) << test.out;
  for (const auto& [path, p] : expected) EXPECT_EQ(sha256Hex(member(zip, path)), p->sha256) << path;
  // Stored, not deflated (method 0), names flagged UTF-8 (bit 11), in the first local header.
  ASSERT_GT(res->body.size(), 30u);
  EXPECT_EQ(res->body.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_EQ(le16(res->body, 8), 0);
  EXPECT_NE(le16(res->body, 6) & 0x0800, 0);

  // The CLI writes the same entries.
  const std::string out = dataDir() + "/cli-photos.zip";
  const CliResult cli = runCli({"export", "photos", "--out", out, "--data", dataDir()});
  ASSERT_EQ(cli.exitCode, 0) << cli.err;
  EXPECT_EQ(listing(out), paths);
  EXPECT_NE(cli.out.find("5 photos of 2 houses"), std::string::npos) << cli.out;

  // Scoped like every export: an inspector is refused, a region outside the caller's is 403.
  EXPECT_EQ(http.Get("/v1/exports/photos.zip",
                     httplib::Headers{{"Authorization", "Bearer " + m_demoToken}})
                ->status,
            403);
  addRegionalReviewer("zip-street", ownBuilding(0).record().building().region().district() + "/" +
                                        ownBuilding(0).record().building().region().street());
  const std::string street = client().login("zip-street", "zip-street1234");
  ASSERT_FALSE(street.empty());
  const std::string district = ownBuilding(0).record().building().region().district();
  const std::string other = foreignBuilding().record().building().region().street();
  const auto outside =
      http.Get("/v1/exports/photos.zip?district=" + httplib::detail::encode_query_param(district) +
                   "&street=" + httplib::detail::encode_query_param(other),
               httplib::Headers{{"Authorization", "Bearer " + street}});
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->status, 403) << outside->body;
  const auto own =
      http.Get("/v1/exports/photos.zip", httplib::Headers{{"Authorization", "Bearer " + street}});
  ASSERT_TRUE(own);
  ASSERT_EQ(own->status, 200);
  EXPECT_EQ(listing(zipPath("street.zip", own->body)), paths);
}

TEST(PhotoZipFolder, IsTheBuildingCodeMadeSafeOrTheIdWithout) {
  EXPECT_EQ(photoZipFolder("330102-01", "id-1"), "330102-01");
  EXPECT_EQ(photoZipFolder("", "id-1"), "id-1");
  EXPECT_EQ(photoZipFolder("a/b\\c:d", "id-1"), "a_b_c_d");
  EXPECT_EQ(photoZipFolder("..", "id-1"), "id-1");
  EXPECT_EQ(photoZipFolder(" 临江-1 ", "id-1"), "临江-1");
}

INSTANTIATE_TEST_SUITE_P(Backends, PhotoZipTest, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
