// How a register row follows from a house's records, and the register filter's parsing.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>

#include "anju/record_codec.h"
#include "register/register_builder.h"
#include "register/register_query.h"
#include "util/utf8_text.h"

namespace anju::server {
namespace {

StoredRecord stored(const AnyRecord& record, const Uuid& buildingId) {
  StoredRecord s;
  s.kind = recordKind(record);
  s.id = recordId(record);
  s.buildingId = s.kind == RecordKind::kBuilding ? "" : buildingId;
  s.payload = encodeRecord(record);
  return s;
}

Building house() {
  Building b;
  b.id = "b1";
  b.region = {"临江区", "城南街道", "和平社区"};
  b.address = "幸福路12号";
  b.location = GeoPoint{30.5, 114.25, 5.0};
  b.ownerName = "张三";
  b.yearBuilt = 1998;
  b.storeysAbove = 3;
  b.structure = StructureType::kBrickConcrete;
  b.use = BuildingUse::kRented;
  return b;
}

Inspection visit(const std::string& id, TimestampMs at, PreliminaryJudgment judgment) {
  Inspection in;
  in.id = id;
  in.buildingId = "b1";
  in.inspector = "demo";
  in.startedAt = at - 1000;
  in.submittedAt = at;
  in.computedJudgment = judgment;
  in.review = ReviewState::kSubmitted;
  return in;
}

TEST(RegisterRow, NoBuildingRecordMeansNoRow) {
  EXPECT_FALSE(buildRegisterRow({stored(visit("i1", 5, PreliminaryJudgment::kSome), "b1")}));
}

TEST(RegisterRow, UnvisitedHouseCarriesBuildingFactsOnly) {
  auto row = buildRegisterRow({stored(house(), "")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->address, "幸福路12号");
  EXPECT_EQ(row->structure, "brick_concrete");
  EXPECT_EQ(row->use, "rented");
  ASSERT_TRUE(row->location);
  EXPECT_DOUBLE_EQ(row->location->latitude, 30.5);
  EXPECT_FALSE(row->visited());
  EXPECT_TRUE(row->judgment.empty());
  EXPECT_TRUE(row->rectification.empty());
}

TEST(RegisterRow, LatestInspectionWinsAndOverrideCounts) {
  Inspection old = visit("i-old", 1000, PreliminaryJudgment::kSerious);
  Inspection last = visit("i-new", 2000, PreliminaryJudgment::kSome);
  last.override = JudgmentOverride{PreliminaryJudgment::kNoneFound, "已加固"};
  last.appraisalGrade = AppraisalGrade::kB;
  last.findings.resize(2);
  auto row = buildRegisterRow({stored(last, "b1"), stored(house(), ""), stored(old, "b1")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->inspectionId, "i-new");
  EXPECT_EQ(row->judgment, "none_found");
  EXPECT_TRUE(row->judgmentOverridden);
  EXPECT_EQ(row->appraisalGrade, "B");
  EXPECT_EQ(row->findingCount, 2);
  EXPECT_EQ(row->inspectedAt, 2000);
}

// Issue 10: tapping 开始排查 on an approved house made an empty draft judged 未发现安全隐患 that
// took the approved judgment's place in the register.
TEST(RegisterRow, NewerDraftNeverReplacesTheApprovedResult) {
  Inspection approved = visit("i-approved", 1000, PreliminaryJudgment::kSerious);
  approved.review = ReviewState::kApproved;
  approved.appraisalGrade = AppraisalGrade::kC;
  approved.findings.resize(1);
  Inspection draft = visit("i-draft", 0, PreliminaryJudgment::kNoneFound);
  draft.review = ReviewState::kDraft;
  draft.startedAt = 5000;
  auto row = buildRegisterRow({stored(house(), ""), stored(approved, "b1"), stored(draft, "b1")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->inspectionId, "i-approved");
  EXPECT_EQ(row->judgment, "serious");
  EXPECT_EQ(row->appraisalGrade, "C");
  EXPECT_EQ(row->review, "approved");
  EXPECT_EQ(row->findingCount, 1);
  EXPECT_EQ(row->inspectedAt, 1000);
  EXPECT_TRUE(row->inProgress);
}

TEST(RegisterRow, ReturnedReinspectionKeepsTheSubmittedResultAndIsInProgress) {
  Inspection submitted = visit("i-1", 1000, PreliminaryJudgment::kSome);
  Inspection returned = visit("i-2", 3000, PreliminaryJudgment::kNoneFound);
  returned.review = ReviewState::kReturned;
  auto row =
      buildRegisterRow({stored(returned, "b1"), stored(house(), ""), stored(submitted, "b1")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->inspectionId, "i-1");
  EXPECT_EQ(row->review, "submitted");
  EXPECT_TRUE(row->inProgress);
}

TEST(RegisterRow, NewerSubmittedResultReplacesTheApprovedOne) {
  Inspection approved = visit("i-1", 1000, PreliminaryJudgment::kSerious);
  approved.review = ReviewState::kApproved;
  Inspection resubmitted = visit("i-2", 3000, PreliminaryJudgment::kSome);
  auto row =
      buildRegisterRow({stored(house(), ""), stored(approved, "b1"), stored(resubmitted, "b1")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->inspectionId, "i-2");
  EXPECT_EQ(row->judgment, "some");
  EXPECT_FALSE(row->inProgress);
}

TEST(RegisterRow, OlderLeftoverDraftIsNotInProgress) {
  Inspection draft = visit("i-draft", 0, PreliminaryJudgment::kNoneFound);
  draft.review = ReviewState::kDraft;
  draft.startedAt = 500;
  Inspection approved = visit("i-approved", 1000, PreliminaryJudgment::kSome);
  approved.review = ReviewState::kApproved;
  auto row = buildRegisterRow({stored(house(), ""), stored(draft, "b1"), stored(approved, "b1")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->inspectionId, "i-approved");
  EXPECT_FALSE(row->inProgress);
}

TEST(RegisterRow, HouseWithOnlyADraftShowsItAsInProgress) {
  Inspection draft = visit("i-draft", 0, PreliminaryJudgment::kSome);
  draft.review = ReviewState::kDraft;
  draft.startedAt = 500;
  auto row = buildRegisterRow({stored(house(), ""), stored(draft, "b1")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->inspectionId, "i-draft");
  EXPECT_EQ(row->review, "draft");
  EXPECT_TRUE(row->inProgress);
}

TEST(RegisterRow, RectificationIsTheLeastAdvancedWithEarliestOpenDeadline) {
  auto measure = [](const char* id, RectificationStatus status, const char* deadline) {
    Rectification r;
    r.id = id;
    r.buildingId = "b1";
    r.measure = "repair";
    r.status = status;
    r.deadline = deadline;
    return r;
  };
  const Rectification done = measure("r1", RectificationStatus::kDone, "2026-01-01");
  const Rectification working = measure("r2", RectificationStatus::kInProgress, "2026-09-30");
  const Rectification pending = measure("r3", RectificationStatus::kPending, "2026-10-31");
  auto row = buildRegisterRow(
      {stored(house(), ""), stored(done, "b1"), stored(working, "b1"), stored(pending, "b1")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->rectification, "pending");
  EXPECT_EQ(row->rectificationDeadline, "2026-09-30");
  row = buildRegisterRow({stored(house(), ""), stored(done, "b1")});
  EXPECT_EQ(row->rectification, "done");
  EXPECT_EQ(row->rectificationDeadline, "");
}

// 一隐患一记录: hazards are the findings of the latest APPROVED inspection; a house is closed
// (已销号) only when each has a measure and every measure is closed.
TEST(RegisterRow, HouseIsClosedWhenEveryHazardOfTheApprovedInspectionIs) {
  Inspection approved = visit("i1", 1000, PreliminaryJudgment::kSome);
  approved.review = ReviewState::kApproved;
  auto finding = [](const char* id) {
    Finding f;
    f.id = id;
    return f;
  };
  approved.findings = {finding("f1"), finding("f2")};
  Inspection newer = visit("i2", 2000, PreliminaryJudgment::kSome);  // submitted, not approved
  newer.findings = {finding("f3")};
  auto measure = [](const std::string& id, const std::string& finding, bool closed) {
    Rectification r;
    r.id = id;
    r.buildingId = "b1";
    r.measure = "repair";
    r.inspectionId = "i1";
    r.findingId = finding;
    if (closed) {
      r.completedAt = r.acceptedAt = r.closedAt = 5;
      r.completedBy = r.acceptedBy = r.closedBy = "reviewer";
      r.completionPhotoIds = {"p1"};
    }
    return r;
  };
  Rectification wholeHouse;  // building-level: belongs to no hazard
  wholeHouse.id = "r0";
  wholeHouse.buildingId = "b1";
  wholeHouse.measure = "stop_use";

  auto row = buildRegisterRow({stored(house(), ""), stored(approved, "b1"), stored(newer, "b1"),
                               stored(measure("r1", "f1", true), "b1"), stored(wholeHouse, "b1")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->hazardCount, 2);
  EXPECT_EQ(row->hazardsClosed, 1);
  EXPECT_EQ(row->closure(), "open");
  // f2 with a measure not yet closed: still open; once closed, the house is.
  row = buildRegisterRow({stored(house(), ""), stored(approved, "b1"),
                          stored(measure("r1", "f1", true), "b1"),
                          stored(measure("r2", "f2", false), "b1")});
  EXPECT_EQ(row->closure(), "open");
  row = buildRegisterRow({stored(house(), ""), stored(approved, "b1"),
                          stored(measure("r1", "f1", true), "b1"),
                          stored(measure("r2", "f2", true), "b1")});
  EXPECT_EQ(row->hazardsClosed, 2);
  EXPECT_EQ(row->closure(), "closed");
  // No approved inspection: nothing to close.
  row = buildRegisterRow({stored(house(), ""), stored(newer, "b1")});
  EXPECT_EQ(row->hazardCount, 0);
  EXPECT_EQ(row->closure(), "");
}

TEST(RegisterFilterParse, UnknownCodesAndBadDatesAreRejectedByField) {
  Result<RegisterFilter> bad =
      parseRegisterFilter({{"judgment", "terrible"}, {"from", "2026-13-01"}, {"review", "ok"}},
                          RegionFilter::everything());
  ASSERT_FALSE(bad.isOk());
  EXPECT_EQ(bad.status().fieldErrors().size(), 3u);
}

TEST(RegisterFilterParse, TextThatIsNotUtf8OrHoldsNulIsRejectedByField) {
  using namespace std::string_literals;
  for (const auto& [field, text] :
       {std::pair{"district"s, "临江\xFF"s}, std::pair{"street"s, "城南\0街道"s},
        std::pair{"community"s, "\xC0\xAF"s}, std::pair{"judgment"s, "\xFF"s},
        std::pair{"review"s, "\xED\xA0\x80"s}, std::pair{"from"s, "2026\0"s}}) {
    std::map<std::string, std::string> params{{field, text}};
    if (field == "street" || field == "community") {
      params["district"] = "临江区";
      params["street"] = field == "street" ? text : "城南街道";
    }
    Result<RegisterFilter> bad = parseRegisterFilter(params, RegionFilter::everything());
    ASSERT_FALSE(bad.isOk()) << field;
    EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument) << field;
    ASSERT_EQ(bad.status().fieldErrors().size(), 1u) << field;
    EXPECT_EQ(bad.status().fieldErrors()[0].field, field);
    // The messages can be shown as they are: no client bytes quoted back.
    EXPECT_TRUE(isCleanUtf8Text(bad.status().message())) << field;
    EXPECT_TRUE(isCleanUtf8Text(bad.status().fieldErrors()[0].message)) << field;
  }
  EXPECT_TRUE(parseRegisterFilter({{"district", "临江区"}, {"street", "城南街道"}},
                                  RegionFilter::everything())
                  .isOk());
}

TEST(RegisterFilterParse, ToDateIncludesTheWholeDay) {
  Result<RegisterFilter> f = parseRegisterFilter({{"from", "2026-06-01"},
                                                  {"to", "2026-06-01"},
                                                  {"rectification", "none"},
                                                  {"not_visited", "0"}},
                                                 RegionFilter::everything());
  ASSERT_TRUE(f.isOk());
  EXPECT_EQ(*f->inspectedFrom, 1780272000000 - 8 * 3600 * 1000);  // 00:00 in UTC+8
  EXPECT_EQ(*f->inspectedTo - *f->inspectedFrom, 86400000);
  EXPECT_EQ(*f->rectification, "none");
  EXPECT_FALSE(f->notVisitedOnly);
}

TEST(RegisterKeyToken, RoundTripsAndRejectsGarbage) {
  const RegisterKey key{{"临江区", "城南街道", ""}, "幸福路12号", "b1"};
  EXPECT_EQ(decodeRegisterKey(encodeRegisterKey(key)), key);
  EXPECT_FALSE(decodeRegisterKey("zz"));
  EXPECT_FALSE(decodeRegisterKey("616263"));
}

TEST(RegisterKeyToken, RejectsKeysThatAreNotUtf8OrHoldNul) {
  using namespace std::string_literals;
  const RegisterKey notUtf8{{"临江\xFF", "城南街道", ""}, "幸福路12号", "b1"};
  const RegisterKey withNul{{"临江区", "城南街道", ""},
                            "幸福路\0"
                            "12号"s,
                            "b1"};
  EXPECT_FALSE(decodeRegisterKey(encodeRegisterKey(notUtf8)));
  EXPECT_FALSE(decodeRegisterKey(encodeRegisterKey(withNul)));
  EXPECT_FALSE(decodeRegisterKey("ff1f1f1f1f6231"));  // district 0xFF, building "b1"
  EXPECT_TRUE(decodeRegisterKey("411f1f1f1f6231"));   // the same with district "A"
}

}  // namespace
}  // namespace anju::server
