#include "service/review_service.h"

#include <nlohmann/json.hpp>

#include "anju/enum_codes.h"
#include "anju/validation.h"
#include "service/record_edit.h"

namespace anju::server {
namespace {

Result<ReviewState> storedReview(const v1::Record& message) {
  if (!message.has_inspection())
    return Status::corruption("存储的排查记录已损坏 / stored inspection is damaged");
  const std::optional<ReviewState> state = parseReviewState(message.inspection().review());
  if (!state) return Status::corruption("未知审核状态 / unknown review state");
  return *state;
}

RecordEdit reviewTransition(const Uuid& inspectionId, ReviewState to, const std::string& comment) {
  RecordEdit edit;
  edit.kind = "inspection";
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
    return Status::invalidArgument("退回必须填写意见 / returning needs a comment",
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
    return Status::invalidArgument(
        "鉴定等级须为 A、B、C 或 D / appraisal grade must be A, B, C or D", {{"grade", grade}});
  RecordEdit edit;
  edit.kind = "inspection";
  edit.id = inspectionId;
  edit.action = "appraisal";
  edit.change = [grade](v1::Record& message) -> Result<std::string> {
    Result<ReviewState> state = storedReview(message);
    if (!state) return state.status();
    if (*state == ReviewState::kDraft)
      return Status::conflict("草稿不能评定鉴定等级 / a draft cannot be graded");
    const std::string before = message.inspection().appraisal_grade();
    message.mutable_inspection()->set_appraisal_grade(grade);
    return nlohmann::json{{"from", before}, {"to", grade}}.dump();
  };
  return applyRecordEdit(m_storage, m_hlc, m_clock(), reviewer, edit);
}

}  // namespace anju::server
