#include "anju/record_codec.h"

#include <gtest/gtest.h>

#include "anju/uuid.h"
#include "core/message_test_support.h"

namespace anju {
namespace {

Inspection fullInspection() {
  Inspection in;
  in.id = newUuid();
  in.buildingId = newUuid();
  in.inspector = "li.si";
  in.startedAt = 1780272000000;
  in.submittedAt = 1780275600000;
  in.location = GeoPoint{30.5, 114.3, 8.0};
  in.templateId = "self_built_house";
  in.templateVersion = 1;
  in.answers = {{"wall_cracks", true},
                {"structure", std::string("brick_concrete")},
                {"wall_crack_width", 1.2}};
  in.findings.push_back({newUuid(),
                         Component::kLoadBearingWall,
                         HazardKind::kWallCrack,
                         "一层北侧承重墙",
                         {{"width", 1.2, "mm"}, {"length", 1.8, "m"}},
                         Severity::kSerious,
                         "斜裂缝",
                         {newUuid()}});
  in.computedJudgment = PreliminaryJudgment::kSerious;
  in.judgmentExplanation = "墙体裂缝 1.2 mm > 1.0 mm";
  in.override = JudgmentOverride{PreliminaryJudgment::kSome, "已临时支护"};
  in.appraisalGrade = AppraisalGrade::kC;
  in.review = ReviewState::kReturned;
  in.reviewComment = "请补拍照片";
  return in;
}

TEST(RecordCodec, InspectionSurvivesRoundTrip) {
  const Inspection in = fullInspection();
  Result<AnyRecord> back = decodeRecord(encodeRecord(in));
  ASSERT_TRUE(back.isOk()) << back.status().toString();
  EXPECT_EQ(std::get<Inspection>(*back), in);
}

TEST(RecordCodec, BuildingSurvivesRoundTripWithOptionalFieldsUnset) {
  Building b;
  b.id = newUuid();
  b.region = {"城关区", "幸福街道", "和平社区"};
  b.address = "幸福路12号";
  b.alterations = {Alteration::kAddedStorey, Alteration::kExtension};
  Result<AnyRecord> back = decodeRecord(encodeRecord(b));
  ASSERT_TRUE(back.isOk());
  EXPECT_EQ(std::get<Building>(*back), b);
  EXPECT_FALSE(std::get<Building>(*back).yearBuilt.has_value());
}

TEST(RecordCodec, HazardRectificationWithItsStepsSurvivesRoundTrip) {
  Rectification r;
  r.id = newUuid();
  r.buildingId = newUuid();
  r.family = MeasureFamily::kEngineering;
  r.measure = "加固承重墙";
  r.status = RectificationStatus::kDone;
  r.inspectionId = newUuid();
  r.findingId = newUuid();
  r.completedAt = 1780272000000;
  r.completedBy = "reviewer";
  r.completionPhotoIds = {newUuid(), newUuid()};
  r.completionNote = "已加设圈梁";
  r.acceptedAt = 1780272100000;
  r.acceptedBy = "reviewer";
  r.acceptanceNote = "合格";
  r.closedAt = 1780272200000;
  r.closedBy = "head";
  Result<AnyRecord> back = decodeRecord(encodeRecord(r));
  ASSERT_TRUE(back.isOk()) << back.status().toString();
  EXPECT_EQ(std::get<Rectification>(*back), r);

  PhotoRecord p;
  p.id = newUuid();
  p.sha256 = std::string(64, 'a');
  p.byteSize = 10;
  p.capturedAt = 1780272000000;
  p.buildingId = r.buildingId;
  p.rectificationId = r.id;
  Result<AnyRecord> photo = decodeRecord(encodeRecord(p));
  ASSERT_TRUE(photo.isOk());
  EXPECT_EQ(std::get<PhotoRecord>(*photo).rectificationId, r.id);
}

TEST(RecordCodec, UnknownEnumCodeIsAClearError) {
  v1::Building m = toProto(Building{});
  m.set_structure("yurt");
  Result<Building> b = fromProto(m);
  ASSERT_FALSE(b.isOk());
  EXPECT_EQ(b.status().fieldErrors().at(0).field, "structure");
  EXPECT_NE(wordsOf(b.status()).find("yurt"), std::string::npos);
}

// Regression (fuzz_sync_api, ASan stack-use-after-scope): the finding's errors were read from a
// temporary Status; a pushed inspection with a bad finding read freed stack memory on the server.
TEST(RecordCodec, BadFindingIsNamedWithItsIndex) {
  v1::Inspection m = toProto(fullInspection());
  m.mutable_findings(0)->set_hazard("ghost");
  m.mutable_findings(0)->set_severity("apocalyptic");
  Result<Inspection> in = fromProto(m);
  ASSERT_FALSE(in.isOk());
  const Status status = in.status();
  ASSERT_EQ(status.fieldErrors().size(), 2u);
  EXPECT_EQ(status.fieldErrors()[0].field, "findings[0].hazard");
  EXPECT_EQ(status.fieldErrors()[1].field, "findings[0].severity");
  EXPECT_NE(status.fieldErrors()[0].message.find("ghost"), std::string::npos);
}

TEST(RecordCodec, GarbageBytesAreCorruptionNotACrash) {
  EXPECT_EQ(decodeRecord("\xff\xff\xff garbage").status().code(), StatusCode::kCorruption);
  EXPECT_EQ(decodeRecord("").status().code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace anju
