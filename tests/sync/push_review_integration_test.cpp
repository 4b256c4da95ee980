// Push rules that protect reviewer decisions and house assignment, against the real server:
// an inspector's push may not change the appraisal grade or the review comment, may not move the
// review state or a rectification's status against the core transitions (the tablet's store
// checks these too, but a modified client could skip them), and no record may move to another
// building. The ordinary tablet flows around a review still apply.
#include <nlohmann/json.hpp>

#include "anju/message_codec.h"
#include "anju/uuid.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

// The reason of a result in English, from its message id and parameters (the catalogue).
std::string inEnglish(const v1::ChangeResult& r) {
  return render(messageFromWire(r.reason_id(), r.reason_params()), Locale::kEnglish);
}

using nlohmann::json;
using Outcome = v1::ChangeResult;

class PushReviewRules : public SyncServerTest {
 protected:
  /// The server's current version of `id` as the demo inspector pulls it (empty when absent).
  v1::PulledChange pulled(const std::string& id) {
    v1::PulledChange found;
    for (const v1::PulledChange& c : client().pullAll(m_demoToken))
      if (c.record_id() == id) found = c;
    return found;
  }

  v1::ChangeResult pushOne(const v1::Change& change) {
    const v1::PushResponse response = client().push(m_demoToken, makePush({change}));
    EXPECT_EQ(response.results_size(), 1);
    return response.results_size() == 1 ? response.results(0) : v1::ChangeResult{};
  }

  /// Pushes a submitted inspection of `buildingId` as the demo inspector (version 1000).
  Inspection pushSubmitted(const Uuid& buildingId) {
    const Inspection in = makeInspection(buildingId);
    const v1::ChangeResult r = pushOne(makeChange(in, 1000, 0));
    EXPECT_EQ(r.outcome(), Outcome::APPLIED) << r.reason();
    return in;
  }

  void review(const std::vector<std::string>& args) {
    std::vector<std::string> full = {"review"};
    full.insert(full.end(), args.begin(), args.end());
    full.insert(full.end(), {"--reviewer", "reviewer", "--data", dataDir()});
    const CliResult r = runCli(full);
    ASSERT_EQ(r.exitCode, 0) << r.err;
  }

  json housePage(const Uuid& buildingId) {
    const Reply r = client().get("/console/api/houses/" + buildingId, m_adminToken);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body, nullptr, false);
  }
};

bool mentionsField(const v1::ChangeResult& r, const std::string& field) {
  for (const v1::FieldProblem& f : r.fields())
    if (f.field() == field) return true;
  return false;
}

TEST_P(PushReviewRules, InspectorCannotUndoAnApproval) {
  const Inspection in = pushSubmitted(ownBuilding().record_id());
  review({"approve", in.id});
  const v1::PulledChange approved = pulled(in.id);
  ASSERT_EQ(approved.record().inspection().review(), "approved");

  const v1::ChangeResult backToSubmitted = pushOne(
      editOf(approved, [](v1::Record& r) { r.mutable_inspection()->set_review("submitted"); }));
  EXPECT_EQ(backToSubmitted.outcome(), Outcome::REJECTED);
  EXPECT_NE(inEnglish(backToSubmitted).find("review cannot move from approved to submitted"),
            std::string::npos)
      << backToSubmitted.reason();
  EXPECT_NE(backToSubmitted.reason().find("审核状态"), std::string::npos);
  EXPECT_TRUE(mentionsField(backToSubmitted, "review"));

  const v1::ChangeResult backToDraft =
      pushOne(editOf(approved, [](v1::Record& r) { r.mutable_inspection()->set_review("draft"); }));
  EXPECT_EQ(backToDraft.outcome(), Outcome::REJECTED) << backToDraft.reason();

  // A submitted inspection cannot be pulled back into a draft either.
  const Inspection other = pushSubmitted(ownBuilding(1).record_id());
  const v1::ChangeResult unsubmit = pushOne(
      editOf(pulled(other.id), [](v1::Record& r) { r.mutable_inspection()->set_review("draft"); }));
  EXPECT_EQ(unsubmit.outcome(), Outcome::REJECTED) << unsubmit.reason();

  EXPECT_EQ(pulled(in.id).version(), approved.version());
  EXPECT_EQ(pulled(in.id).record().inspection().review(), "approved");
  EXPECT_EQ(pulled(other.id).record().inspection().review(), "submitted");
}

TEST_P(PushReviewRules, InspectorCannotSetTheAppraisalGradeOrTheReviewComment) {
  // A new inspection arriving already graded or commented.
  Inspection graded = makeInspection(ownBuilding(0).record_id());
  graded.appraisalGrade = AppraisalGrade::kA;
  const v1::ChangeResult newGraded = pushOne(makeChange(graded, 1000, 0));
  EXPECT_EQ(newGraded.outcome(), Outcome::REJECTED);
  EXPECT_NE(inEnglish(newGraded).find("appraisal grade"), std::string::npos) << newGraded.reason();
  EXPECT_TRUE(mentionsField(newGraded, "appraisal_grade"));
  Inspection commented = makeInspection(ownBuilding(1).record_id());
  commented.reviewComment = "已核实，无需整改";
  const v1::ChangeResult newCommented = pushOne(makeChange(commented, 1000, 0));
  EXPECT_EQ(newCommented.outcome(), Outcome::REJECTED);
  EXPECT_TRUE(mentionsField(newCommented, "review_comment")) << newCommented.reason();
  EXPECT_TRUE(pulled(graded.id).record_id().empty());
  EXPECT_TRUE(pulled(commented.id).record_id().empty());

  // An existing inspection: the grade, the comment, and a reviewer's comment replaced.
  const Inspection in = pushSubmitted(ownBuilding(2).record_id());
  const v1::PulledChange submitted = pulled(in.id);
  EXPECT_EQ(pushOne(editOf(submitted,
                           [](v1::Record& r) { r.mutable_inspection()->set_appraisal_grade("A"); }))
                .outcome(),
            Outcome::REJECTED);
  EXPECT_EQ(
      pushOne(editOf(submitted,
                     [](v1::Record& r) { r.mutable_inspection()->set_review_comment("自评合格"); }))
          .outcome(),
      Outcome::REJECTED);
  review({"return", in.id, "--comment", "请补拍北墙裂缝"});
  const v1::PulledChange returned = pulled(in.id);
  const v1::ChangeResult erased = pushOne(editOf(returned, [](v1::Record& r) {
    r.mutable_inspection()->set_review_comment("");
    r.mutable_inspection()->set_review("submitted");
  }));
  EXPECT_EQ(erased.outcome(), Outcome::REJECTED);
  EXPECT_NE(erased.reason().find("只有审核人员"), std::string::npos) << erased.reason();

  const v1::PulledChange after = pulled(in.id);
  EXPECT_EQ(after.version(), returned.version());
  EXPECT_EQ(after.record().inspection().appraisal_grade(), "");
  EXPECT_EQ(after.record().inspection().review_comment(), "请补拍北墙裂缝");
}

TEST_P(PushReviewRules, TabletFlowsAroundAReviewStillApply) {
  const Inspection in = pushSubmitted(ownBuilding().record_id());
  review({"return", in.id, "--comment", "请补拍北墙裂缝"});

  // The inspector fixes the returned inspection (it stays returned, comment as pulled)...
  const v1::ChangeResult fixed = pushOne(editOf(pulled(in.id), [](v1::Record& r) {
    r.mutable_inspection()->mutable_findings(0)->set_note("已补拍近景");
  }));
  ASSERT_EQ(fixed.outcome(), Outcome::APPLIED) << fixed.reason();
  // ...and submits it again.
  const v1::ChangeResult resubmitted = pushOne(editOf(
      pulled(in.id), [](v1::Record& r) { r.mutable_inspection()->set_review("submitted"); }));
  ASSERT_EQ(resubmitted.outcome(), Outcome::APPLIED) << resubmitted.reason();

  // A reviewer grades it; a tablet re-pushing the record as pulled (grade and comment
  // unchanged) is an ordinary change.
  const Reply graded = client().post("/console/api/inspections/" + in.id + "/appraisal",
                                     json{{"grade", "B"}}.dump(), m_adminToken);
  ASSERT_EQ(graded.status, 200) << graded.body;
  const v1::PulledChange current = pulled(in.id);
  ASSERT_EQ(current.record().inspection().appraisal_grade(), "B");
  const v1::ChangeResult same = pushOne(editOf(current, [](v1::Record&) {}));
  EXPECT_EQ(same.outcome(), Outcome::APPLIED) << same.reason();

  const v1::Inspection last = pulled(in.id).record().inspection();
  EXPECT_EQ(last.review(), "submitted");
  EXPECT_EQ(last.review_comment(), "请补拍北墙裂缝");
  EXPECT_EQ(last.appraisal_grade(), "B");
  EXPECT_EQ(last.findings(0).note(), "已补拍近景");

  // A change based on a version the tablet had not seen is still a conflict, not a rejection.
  Inspection stale = in;
  stale.findings[0].note = "离线修改";
  const v1::ChangeResult conflict = pushOne(makeChange(stale, 1500, 1000));
  EXPECT_EQ(conflict.outcome(), Outcome::CONFLICT) << conflict.reason();
}

TEST_P(PushReviewRules, RectificationStatusOnlyMovesForward) {
  Rectification r;
  r.id = newUuid();
  r.buildingId = ownBuilding().record_id();
  r.family = MeasureFamily::kEngineering;
  r.measure = "repair_strengthen";
  r.status = RectificationStatus::kPending;
  ASSERT_EQ(pushOne(makeChange(r, 1000, 0)).outcome(), Outcome::APPLIED);
  r.status = RectificationStatus::kInProgress;
  ASSERT_EQ(pushOne(makeChange(r, 2000, 1000)).outcome(), Outcome::APPLIED);
  r.status = RectificationStatus::kDone;
  ASSERT_EQ(pushOne(makeChange(r, 3000, 2000)).outcome(), Outcome::APPLIED);

  r.status = RectificationStatus::kPending;
  const v1::ChangeResult back = pushOne(makeChange(r, 4000, 3000));
  EXPECT_EQ(back.outcome(), Outcome::REJECTED);
  EXPECT_NE(inEnglish(back).find("rectification cannot move from done to pending"),
            std::string::npos)
      << back.reason();
  EXPECT_TRUE(mentionsField(back, "status"));
  r.status = RectificationStatus::kInProgress;
  EXPECT_EQ(pushOne(makeChange(r, 4000, 3000)).outcome(), Outcome::REJECTED);
  // Other fields may still be corrected.
  r.status = RectificationStatus::kDone;
  r.note = "已验收";
  EXPECT_EQ(pushOne(makeChange(r, 4000, 3000)).outcome(), Outcome::APPLIED);

  const v1::PulledChange current = pulled(r.id);
  EXPECT_EQ(current.version(), 4000u);
  EXPECT_EQ(current.record().rectification().status(), "done");
}

TEST_P(PushReviewRules, ARecordCannotMoveToAnotherBuilding) {
  const Uuid home = ownBuilding(0).record_id();
  const Uuid elsewhere = ownBuilding(1).record_id();
  const Inspection in = pushSubmitted(home);
  const PhotoRecord photo = makePhoto(home, in.id, "photo bytes");
  Rectification rect;
  rect.id = newUuid();
  rect.buildingId = home;
  rect.measure = "stop_use";
  ASSERT_EQ(pushOne(makeChange(photo, 1000, 0)).outcome(), Outcome::APPLIED);
  ASSERT_EQ(pushOne(makeChange(rect, 1000, 0)).outcome(), Outcome::APPLIED);

  Inspection movedIn = in;
  movedIn.buildingId = elsewhere;
  PhotoRecord movedPhoto = photo;
  movedPhoto.buildingId = elsewhere;
  Rectification movedRect = rect;
  movedRect.buildingId = elsewhere;
  const v1::PushResponse response = client().push(
      m_demoToken, makePush({makeChange(movedIn, 2000, 1000), makeChange(movedPhoto, 2000, 1000),
                             makeChange(movedRect, 2000, 1000)}));
  ASSERT_EQ(response.results_size(), 3);
  for (const v1::ChangeResult& r : response.results()) {
    EXPECT_EQ(r.outcome(), Outcome::REJECTED) << r.reason();
    EXPECT_NE(inEnglish(r).find("cannot move to another building"), std::string::npos)
        << r.reason();
    EXPECT_TRUE(mentionsField(r, "building_id"));
  }

  for (const std::string& id : {in.id, photo.id, rect.id}) {
    const v1::PulledChange current = pulled(id);
    EXPECT_EQ(current.version(), 1000u) << current.kind();
  }
  // The houses' pages (read from the register and the records) still agree.
  json homePage = housePage(home);
  json otherPage = housePage(elsewhere);
  EXPECT_EQ(homePage["inspections"].size(), 1u);
  EXPECT_EQ(homePage["rectifications"].size(), 1u);
  EXPECT_TRUE(otherPage["inspections"].empty());
  EXPECT_TRUE(otherPage["rectifications"].empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, PushReviewRules, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
