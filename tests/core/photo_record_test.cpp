// Issue 10 §4: a photo's caption and category may change, its bytes may not; an annotated copy
// names its original; a photo may be deleted only while its inspection is a draft (a submitted
// inspection's photos are evidence); all of it survives the record codec.
#include "anju/enum_codes.h"
#include "anju/record_codec.h"
#include "store_test_support.h"

namespace anju {
namespace {

using testing::makeBuilding;
using testing::makeInspection;
using testing::makePhoto;
using testing::TempDir;

class PhotoRecords : public ::testing::Test {
 protected:
  void SetUp() override {
    m_store = testing::openStore(m_dir.file("anju.db"));
    ASSERT_TRUE(m_store);
    ASSERT_TRUE(m_store->putBuilding(m_building, "li.si").isOk());
    m_inspection = makeInspection(m_building.id);
    ASSERT_TRUE(m_store->putInspection(m_inspection, "li.si").isOk());
  }
  TempDir m_dir;
  std::unique_ptr<Store> m_store;
  Building m_building = makeBuilding("幸福路12号");
  Inspection m_inspection;
};

TEST_F(PhotoRecords, CaptionAndCategoryMayChange) {
  PhotoRecord p = makePhoto(m_building.id, m_inspection.id);
  ASSERT_TRUE(m_store->putPhoto(p, "li.si").isOk());
  p.caption = "北墙竖向裂缝";
  p.category = PhotoCategory::kCrack;
  ASSERT_TRUE(m_store->putPhoto(p, "li.si").isOk());
  EXPECT_EQ(*m_store->photo(p.id), p);
  EXPECT_EQ(m_store->pendingPhotoUploadCount().value(), 1);  // the bytes are queued once
}

TEST_F(PhotoRecords, AnnotatedCopyKeepsItsLinkAndMayNotBeRelinked) {
  const PhotoRecord original = makePhoto(m_building.id, m_inspection.id);
  PhotoRecord copy = makePhoto(m_building.id, m_inspection.id);
  copy.sha256 = std::string(64, 'c');
  copy.annotatedFrom = original.id;
  ASSERT_TRUE(m_store->putPhoto(original, "li.si").isOk());
  ASSERT_TRUE(m_store->putPhoto(copy, "li.si").isOk());
  EXPECT_EQ(m_store->photo(copy.id)->annotatedFrom, original.id);
  copy.annotatedFrom = newUuid();
  EXPECT_EQ(m_store->putPhoto(copy, "li.si").status().code(), StatusCode::kConflict);
}

TEST_F(PhotoRecords, CopyCannotBeItsOwnOriginal) {
  PhotoRecord p = makePhoto(m_building.id, m_inspection.id);
  p.annotatedFrom = p.id;
  EXPECT_EQ(m_store->putPhoto(p, "li.si").status().code(), StatusCode::kInvalidArgument);
}

TEST_F(PhotoRecords, DraftPhotoMayBeDeletedForGood) {
  PhotoRecord p = makePhoto(m_building.id, m_inspection.id);
  ASSERT_TRUE(m_store->putPhoto(p, "li.si").isOk());
  p.deleted = true;
  ASSERT_TRUE(m_store->putPhoto(p, "li.si").isOk());
  EXPECT_TRUE(m_store->photo(p.id)->deleted);
  p.deleted = false;
  EXPECT_EQ(m_store->putPhoto(p, "li.si").status().code(), StatusCode::kConflict);
  EXPECT_TRUE(m_store->photo(p.id)->deleted);
}

TEST_F(PhotoRecords, SubmittedInspectionsPhotoCannotBeDeleted) {
  PhotoRecord p = makePhoto(m_building.id, m_inspection.id);
  ASSERT_TRUE(m_store->putPhoto(p, "li.si").isOk());
  m_inspection.review = ReviewState::kSubmitted;
  m_inspection.submittedAt = testing::kTestNow + 1000;
  ASSERT_TRUE(m_store->putInspection(m_inspection, "li.si").isOk());
  p.deleted = true;
  Result<HlcVersion> refused = m_store->putPhoto(p, "li.si");
  ASSERT_FALSE(refused.isOk());
  EXPECT_EQ(refused.status().code(), StatusCode::kConflict);
  EXPECT_FALSE(m_store->photo(p.id)->deleted);
  // Its description may still be corrected.
  p.deleted = false;
  p.caption = "东立面";
  EXPECT_TRUE(m_store->putPhoto(p, "li.si").isOk());
}

TEST(PhotoRecordCodec, NewFieldsRoundTrip) {
  PhotoRecord p = makePhoto(newUuid(), newUuid());
  p.category = PhotoCategory::kDoorPlate;
  p.annotatedFrom = newUuid();
  p.deleted = true;
  Result<AnyRecord> back = decodeRecord(encodeRecord(AnyRecord(p)));
  ASSERT_TRUE(back.isOk()) << back.status().toString();
  EXPECT_EQ(std::get<PhotoRecord>(*back), p);
}

TEST(PhotoRecordCodec, OlderPhotoHasNoCategory) {
  const PhotoRecord p = makePhoto(newUuid(), newUuid());
  Result<AnyRecord> back = decodeRecord(encodeRecord(AnyRecord(p)));
  ASSERT_TRUE(back.isOk());
  EXPECT_FALSE(std::get<PhotoRecord>(*back).category.has_value());
  EXPECT_TRUE(std::get<PhotoRecord>(*back).annotatedFrom.empty());
}

TEST(PhotoRecordCodec, UnknownCategoryIsAnError) {
  v1::Record m;
  m.mutable_photo()->set_id(newUuid());
  m.mutable_photo()->set_category("selfie");
  Result<AnyRecord> back = decodeRecord(m.SerializeAsString());
  ASSERT_FALSE(back.isOk());
  EXPECT_EQ(back.status().code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(back.status().fieldErrors().size(), 1u);
  EXPECT_EQ(back.status().fieldErrors()[0].field, "category");
  EXPECT_NE(back.status().fieldErrors()[0].message.find("selfie"), std::string::npos);
}

TEST(PhotoCategoryCodes, SevenCategoriesWithChineseLabels) {
  EXPECT_EQ(label(PhotoCategory::kDoorPlate).zh, "门牌");
  EXPECT_EQ(label(PhotoCategory::kExtension).zh, "加建");
  EXPECT_EQ(parsePhotoCategory("crack"), PhotoCategory::kCrack);
  EXPECT_FALSE(parsePhotoCategory("selfie").has_value());
}

}  // namespace
}  // namespace anju
