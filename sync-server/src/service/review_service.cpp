#include "service/review_service.h"

#include <nlohmann/json.hpp>

#include "anju/enum_codes.h"
#include "anju/validation.h"
#include "service/record_edit.h"

namespace anju::server {
namespace {

Result<ReviewState> storedReview(const v1::Record& message) {
  if (!message.has_inspection()) return Status::corruption(msg("review.stored_inspection_damaged"));
  const std::optional<ReviewState> state = parseReviewState(message.inspection().review());
  if (!state) return Status::corruption(msg("review.unknown_review_state"));
  return *state;
}

RecordEdit reviewTransition(const Uuid& inspectionId, ReviewState to, const std::string& comment) {
  RecordEdit edit;
  edit.kind = RecordKind::kInspection;
  edit.id = inspectionId;
  edit.action = to == ReviewState::kApproved ? "approve" : "return";
  edit.change = [to, comment](v1::Record& message) -> Result<std::string> {
    Result<ReviewState> from = storedReview(message);
    if (!from) return from.status();
    if (Status s = checkReviewTransition(*from, to); !s) return s;
    message.mutable_inspection()->set_review(std::string(toCode(to)));
    message.mutable_inspection()->set_review_comment(comment);
    nlohmann::json detail = {{"from", toCode(*from)}, {"to", toCode(to)}};
    if (!comment.empty()) detail["comment"] = comment;
    return detail.dump();
  };
  return edit;
}

}  // namespace

ReviewService::ReviewService(ServerStorage& storage, HybridLogicalClock& hlc, Clock clock)
    : m_storage(storage), m_hlc(hlc), m_clock(std::move(clock)) {
  if (!m_clock) m_clock = systemNowMs;
}

Result<ReviewResult> ReviewService::returnInspection(const Uuid& inspectionId,
                                                     const std::string& comment,
                                                     const Reviewer& reviewer) {
  if (comment.find_first_not_of(" \t\r\n") == std::string::npos)
    return Status::invalidArgument(msg("review.returning_needs_comment"),
                                   {{"comment", "required"}});
  return applyRecordEdit(m_storage, m_hlc, m_clock(), reviewer,
                         reviewTransition(inspectionId, ReviewState::kReturned, comment));
}

Result<ReviewResult> ReviewService::approveInspection(const Uuid& inspectionId,
                                                      const Reviewer& reviewer) {
  return applyRecordEdit(m_storage, m_hlc, m_clock(), reviewer,
                         reviewTransition(inspectionId, ReviewState::kApproved, ""));
}

Result<ReviewResult> ReviewService::setAppraisalGrade(const Uuid& inspectionId,
                                                      const std::string& grade,
                                                      const Reviewer& reviewer) {
  if (!parseAppraisalGrade(grade))
    return Status::invalidArgument(msg("review.appraisal_grade_must_b"), {{"grade", grade}});
  RecordEdit edit;
  edit.kind = RecordKind::kInspection;
  edit.id = inspectionId;
  edit.action = "appraisal";
  edit.change = [grade](v1::Record& message) -> Result<std::string> {
    Result<ReviewState> state = storedReview(message);
    if (!state) return state.status();
    if (*state == ReviewState::kDraft) return Status::conflict(msg("review.draft_cannot_graded"));
    const std::string before = message.inspection().appraisal_grade();
    message.mutable_inspection()->set_appraisal_grade(grade);
    return nlohmann::json{{"from", before}, {"to", grade}}.dump();
  };
  return applyRecordEdit(m_storage, m_hlc, m_clock(), reviewer, edit);
}

}  // namespace anju::server
