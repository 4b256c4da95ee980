// Issue 10 §4 through a real sync (the anju-server binary on 127.0.0.1): a photo's category and
// caption, its annotated copy linked to the original (both hashed, both uploaded), a photo deleted
// while the inspection was a draft; a second tablet pulls them all, a caption corrected later
// follows, and the console's house page shows category, caption and the annotated copy, and not
// the deleted photo.
#include <nlohmann/json.hpp>

#include "anju/sha256.h"
#include "sync_fixture.h"
#include "test_tablet.h"

namespace anju::server::testing {
namespace {

using nlohmann::json;
using PhotoAnnotationSync = SyncServerTest;

Building firstBuilding(TestTablet& tablet) {
  Result<std::vector<BuildingSummary>> list = tablet.store().listBuildings({}, 1);
  EXPECT_TRUE(list.isOk() && !list->empty());
  return *tablet.store().building(list->front().id);
}

PhotoRecord imported(TestTablet& t, const Inspection& in, const std::string& bytes,
                     PhotoRecord photo) {
  photo.id = newUuid();
  photo.buildingId = in.buildingId;
  photo.inspectionId = in.id;
  photo.capturedAt = 1767225600000;
  Result<PhotoRecord> saved = t.photos().importBytes(t.store(), bytes, photo, "demo");
  EXPECT_TRUE(saved.isOk()) << saved.status().toString();
  return saved.isOk() ? *saved : photo;
}

TEST_P(PhotoAnnotationSync, CategoryCaptionAnnotatedCopyAndDeletionReachTheServerAndTablets) {
  TestTablet a(dataDir(), "tablet-a", server().port());
  a.signInAndSync();
  const Building building = firstBuilding(a);
  Inspection in = makeInspection(building.id);
  in.review = ReviewState::kDraft;
  in.submittedAt = 0;
  in.findings[0].photoIds.clear();
  ASSERT_TRUE(a.store().putInspection(in, "demo").isOk());

  PhotoRecord described;
  described.caption = "北墙竖向裂缝";
  described.category = PhotoCategory::kCrack;
  const PhotoRecord original = imported(a, in, std::string(40000, 'o'), described);
  PhotoRecord copyFields = described;
  copyFields.annotatedFrom = original.id;
  const PhotoRecord copy = imported(a, in, std::string(40000, 'o') + "ink", copyFields);
  PhotoRecord unwanted = imported(a, in, std::string(30000, 'u'), {});
  ASSERT_NE(copy.sha256, original.sha256);
  in.findings[0].photoIds = {original.id, copy.id};
  ASSERT_TRUE(a.store().putInspection(in, "demo").isOk());
  unwanted.deleted = true;  // deleted while the inspection is a draft
  ASSERT_TRUE(a.store().putPhoto(unwanted, "demo").isOk());
  in.review = ReviewState::kSubmitted;
  in.submittedAt = 1780275600000;
  ASSERT_TRUE(a.store().putInspection(in, "demo").isOk());
  PhotoRecord evidence = *a.store().photo(original.id);
  evidence.deleted = true;  // submitted: its photos are evidence now
  EXPECT_EQ(a.store().putPhoto(evidence, "demo").status().code(), StatusCode::kConflict);
  const SyncReport report = a.syncOk();
  EXPECT_EQ(report.photosUploaded, 3);

  // A second tablet pulls the records as the first one left them.
  TestTablet b(dataDir(), "tablet-b", server().port());
  b.signInAndSync();
  Result<PhotoRecord> pulledCopy = b.store().photo(copy.id);
  ASSERT_TRUE(pulledCopy.isOk()) << pulledCopy.status().toString();
  EXPECT_EQ(pulledCopy->annotatedFrom, original.id);
  EXPECT_EQ(pulledCopy->sha256, sha256Hex(std::string(40000, 'o') + "ink"));
  EXPECT_EQ(pulledCopy->category, PhotoCategory::kCrack);
  Result<PhotoRecord> pulledOriginal = b.store().photo(original.id);
  ASSERT_TRUE(pulledOriginal.isOk());
  EXPECT_EQ(pulledOriginal->caption, "北墙竖向裂缝");
  EXPECT_TRUE(pulledOriginal->annotatedFrom.empty());
  EXPECT_TRUE(b.store().photo(unwanted.id)->deleted);

  // A caption corrected afterwards is an ordinary change and follows.
  PhotoRecord corrected = *a.store().photo(original.id);
  corrected.caption = "北墙竖向裂缝，宽约 1.5 mm";
  corrected.category = PhotoCategory::kFacade;
  ASSERT_TRUE(a.store().putPhoto(corrected, "demo").isOk());
  a.syncOk();
  b.syncOk();
  EXPECT_EQ(b.store().photo(original.id)->caption, "北墙竖向裂缝，宽约 1.5 mm");
  EXPECT_EQ(b.store().photo(original.id)->category, PhotoCategory::kFacade);

  // The console's house page: both photos with their words, the copy marked, the deleted one
  // gone; both sets of bytes on the server under their own hashes.
  const std::string reviewer = client().consoleLogin("reviewer", "review1234");
  ASSERT_FALSE(reviewer.empty());
  const Reply page = client().get("/console/api/houses/" + building.id, reviewer);
  ASSERT_EQ(page.status, 200) << page.body;
  const json house = json::parse(page.body);
  ASSERT_EQ(house["inspections"].size(), 1u);
  const json& photos = house["inspections"][0]["photos"];
  ASSERT_EQ(photos.size(), 2u) << photos.dump();
  for (const json& p : photos) {
    EXPECT_EQ(p["complete"], true);
    const Reply bytes = client().get("/console/api/photos/" + p["id"].get<std::string>(), reviewer);
    ASSERT_EQ(bytes.status, 200);
    EXPECT_EQ(sha256Hex(bytes.body), p["sha256"]);
    if (p["id"] == copy.id) {
      EXPECT_EQ(p["annotated_from"], original.id);
      EXPECT_EQ(p["category"]["zh"], "裂缝");
    } else {
      EXPECT_EQ(p["id"], original.id);
      EXPECT_EQ(p["annotated_from"], "");
      EXPECT_EQ(p["category"]["zh"], "外立面");
      EXPECT_EQ(p["caption"], "北墙竖向裂缝，宽约 1.5 mm");
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, PhotoAnnotationSync, ::testing::Values(Backend::kSqlite),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
