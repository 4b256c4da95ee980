#include "anju/validation.h"

#include <gtest/gtest.h>

#include "anju/uuid.h"
#include "core/message_test_support.h"

namespace anju {
namespace {

// 2026-06-01T00:00:00Z, so "this year" is 2026 whatever the machine's clock says.
constexpr TimestampMs kNow = 1780272000000;

Building validBuilding() {
  Building b;
  b.id = newUuid();
  b.region = {"城关区", "幸福街道", "和平社区"};
  b.address = "幸福路12号";
  b.yearBuilt = 1998;
  b.storeysAbove = 3;
  b.structure = StructureType::kBrickConcrete;
  return b;
}

bool hasField(const Status& s, const std::string& field) {
  for (const FieldError& f : s.fieldErrors())
    if (f.field == field) return true;
  return false;
}

TEST(BuildingValidation, AcceptsCompleteBuilding) {
  EXPECT_TRUE(validateBuilding(validBuilding(), kNow).isOk());
}

TEST(BuildingValidation, RejectsYearBuiltInTheFuture) {
  Building b = validBuilding();
  b.yearBuilt = 2027;
  const Status s = validateBuilding(b, kNow);
  ASSERT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(hasField(s, "year_built"));
  EXPECT_NE(wordsOf(s).find("2026"), std::string::npos) << s.toString();
  b.yearBuilt = 2026;
  EXPECT_TRUE(validateBuilding(b, kNow).isOk());
}

TEST(BuildingValidation, RejectsZeroStoreysAndReportsEveryProblemAtOnce) {
  Building b = validBuilding();
  b.storeysAbove = 0;
  b.storeysBelow = -1;
  b.address = "  ";
  const Status s = validateBuilding(b, kNow);
  EXPECT_TRUE(hasField(s, "storeys_above"));
  EXPECT_TRUE(hasField(s, "storeys_below"));
  EXPECT_TRUE(hasField(s, "address"));
  EXPECT_EQ(s.fieldErrors().size(), 3u) << s.toString();
}

TEST(BuildingValidation, RejectsMalformedIdAndCoordinates) {
  Building b = validBuilding();
  b.id = "not-a-uuid";
  b.location = GeoPoint{91.0, 200.0, std::nullopt};
  const Status s = validateBuilding(b, kNow);
  EXPECT_TRUE(hasField(s, "id"));
  EXPECT_TRUE(hasField(s, "location.latitude"));
  EXPECT_TRUE(hasField(s, "location.longitude"));
}

TEST(FindingValidation, RejectsNegativeCrackWidth) {
  Finding f{newUuid(),
            Component::kLoadBearingWall,
            HazardKind::kWallCrack,
            "一层北墙",
            {{"width", -0.5, "mm"}},
            Severity::kSome,
            "",
            {}};
  const Status s = validateFinding(f);
  ASSERT_FALSE(s.isOk());
  EXPECT_TRUE(hasField(s, "measurements[0].value"));
  EXPECT_NE(wordsOf(s).find("裂缝宽度不能为负数"), std::string::npos) << s.toString();
}

TEST(FindingValidation, RejectsMeasurementWithoutUnit) {
  Finding f{newUuid(),
            Component::kBeam,
            HazardKind::kBeamCrack,
            "二层",
            {{"width", 0.3, ""}},
            Severity::kSome,
            "",
            {}};
  EXPECT_TRUE(hasField(validateFinding(f), "measurements[0].unit"));
}

Inspection validInspection() {
  Inspection in;
  in.id = newUuid();
  in.buildingId = newUuid();
  in.inspector = "zhang.san";
  in.startedAt = kNow;
  in.templateId = "self_built_house";
  in.templateVersion = 1;
  return in;
}

TEST(InspectionValidation, OverrideNeedsAReason) {
  Inspection in = validInspection();
  in.override = JudgmentOverride{PreliminaryJudgment::kSome, "   "};
  EXPECT_TRUE(hasField(validateInspection(in), "override.reason"));
  in.override->reason = "业主已自行加固";
  EXPECT_TRUE(validateInspection(in).isOk());
}

TEST(InspectionValidation, PrefixesFindingErrorsWithTheirIndex) {
  Inspection in = validInspection();
  in.findings.push_back(
      {newUuid(), Component::kRoof, HazardKind::kRoofLeak, "", {}, Severity::kSome, "", {}});
  in.findings.push_back({newUuid(),
                         Component::kLoadBearingWall,
                         HazardKind::kWallCrack,
                         "",
                         {{"width", -1, "mm"}},
                         Severity::kSome,
                         "",
                         {}});
  const Status s = validateInspection(in);
  EXPECT_TRUE(hasField(s, "findings[1].measurements[0].value")) << s.toString();
  EXPECT_EQ(s.fieldErrors().size(), 1u);
}

TEST(InspectionValidation, SubmittedInspectionNeedsSubmitTime) {
  Inspection in = validInspection();
  in.review = ReviewState::kSubmitted;
  EXPECT_TRUE(hasField(validateInspection(in), "submitted_at"));
  in.submittedAt = kNow + 1000;
  EXPECT_TRUE(validateInspection(in).isOk());
}

TEST(PhotoValidation, RequiresLowercaseSha256) {
  PhotoRecord p{
      newUuid(), std::string(64, 'A'), 1024, "image/jpeg", kNow, std::nullopt, newUuid(), "", "",
      ""};
  EXPECT_TRUE(hasField(validatePhoto(p), "sha256"));
  p.sha256 = std::string(64, 'a');
  EXPECT_TRUE(validatePhoto(p).isOk());
}

TEST(RectificationValidation, RejectsImpossibleDeadline) {
  Rectification r;
  r.id = newUuid();
  r.buildingId = newUuid();
  r.family = MeasureFamily::kEngineering;
  r.measure = "repair_strengthen";
  r.deadline = "2026-02-30";
  EXPECT_TRUE(hasField(validateRectification(r), "deadline"));
  r.deadline = "2026-02-28";
  EXPECT_TRUE(validateRectification(r).isOk());
}

TEST(RectificationValidation, StepsToClosureComeInOrder) {
  Rectification r;
  r.id = newUuid();
  r.buildingId = newUuid();
  r.measure = "repair_strengthen";
  r.findingId = newUuid();
  EXPECT_TRUE(hasField(validateRectification(r), "inspection_id")) << "a hazard needs both ids";
  r.inspectionId = newUuid();
  EXPECT_TRUE(validateRectification(r).isOk());

  r.closedAt = kNow;
  r.closedBy = "reviewer";
  EXPECT_TRUE(hasField(validateRectification(r), "closed_at")) << "no closure before acceptance";
  r.acceptedAt = kNow;
  r.acceptedBy = "reviewer";
  EXPECT_TRUE(hasField(validateRectification(r), "accepted_at")) << "no acceptance first";
  r.completedAt = kNow;
  r.completedBy = "reviewer";
  EXPECT_TRUE(hasField(validateRectification(r), "completion_photo_ids")) << "evidence needed";
  r.completionPhotoIds = {newUuid()};
  EXPECT_TRUE(validateRectification(r).isOk());
  EXPECT_EQ(r.stage(), RectificationStage::kClosed);
  r.closedBy = " ";
  EXPECT_TRUE(hasField(validateRectification(r), "closed_by")) << "each step says who";
}

TEST(ReviewTransition, FollowsTheReviewWorkflow) {
  EXPECT_TRUE(checkReviewTransition(ReviewState::kDraft, ReviewState::kSubmitted).isOk());
  EXPECT_TRUE(checkReviewTransition(ReviewState::kSubmitted, ReviewState::kReturned).isOk());
  EXPECT_TRUE(checkReviewTransition(ReviewState::kReturned, ReviewState::kSubmitted).isOk());
  EXPECT_EQ(checkReviewTransition(ReviewState::kDraft, ReviewState::kApproved).code(),
            StatusCode::kConflict);
  EXPECT_EQ(checkReviewTransition(ReviewState::kApproved, ReviewState::kReturned).code(),
            StatusCode::kConflict);
}

TEST(RectificationTransition, NeverGoesBackwards) {
  EXPECT_TRUE(
      checkRectificationTransition(RectificationStatus::kPending, RectificationStatus::kInProgress)
          .isOk());
  EXPECT_TRUE(
      checkRectificationTransition(RectificationStatus::kPending, RectificationStatus::kDone)
          .isOk());
  EXPECT_FALSE(
      checkRectificationTransition(RectificationStatus::kDone, RectificationStatus::kInProgress)
          .isOk());
}

TEST(Uuid, NewUuidsAreValidAndDistinct) {
  const Uuid a = newUuid(), b = newUuid();
  EXPECT_TRUE(isValidUuid(a));
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace anju
