#include "service/review_service.h"

#include "anju/enum_codes.h"
#include "anju/v1/records.pb.h"
#include "anju/validation.h"

namespace anju::server {

ReviewService::ReviewService(ServerStorage& storage, HybridLogicalClock& hlc, Clock clock)
    : m_storage(storage), m_hlc(hlc), m_clock(std::move(clock)) {
  if (!m_clock) m_clock = systemNowMs;
}

Result<ReviewResult> ReviewService::returnInspection(const Uuid& inspectionId,
                                                     const std::string& comment,
                                                     const std::string& reviewer) {
  if (comment.find_first_not_of(" \t\r\n") == std::string::npos)
    return Status::invalidArgument("退回必须填写意见 / returning needs a comment",
                                   {{"comment", "required"}});
  return transition(inspectionId, ReviewState::kReturned, comment, reviewer);
}

Result<ReviewResult> ReviewService::approveInspection(const Uuid& inspectionId,
                                                      const std::string& reviewer) {
  return transition(inspectionId, ReviewState::kApproved, "", reviewer);
}

Result<ReviewResult> ReviewService::transition(const Uuid& inspectionId, ReviewState to,
                                               const std::string& comment,
                                               const std::string& reviewer) {
  Result<std::unique_ptr<SyncTransaction>> tx = m_storage.beginTransaction();
  if (!tx) return tx.status();
  Result<std::optional<StoredRecord>> current = (*tx)->findRecord("inspection", inspectionId);
  if (!current) return current.status();
  if (!current->has_value())
    return Status::notFound("没有此排查记录 / no such inspection: " + inspectionId);
  StoredRecord record = **current;

  v1::Record message;
  if (!message.ParseFromString(record.payload) || !message.has_inspection())
    return Status::corruption("存储的排查记录已损坏 / stored inspection is damaged");
  const std::optional<ReviewState> from = parseReviewState(message.inspection().review());
  if (!from) return Status::corruption("未知审核状态 / unknown review state");
  if (Status s = checkReviewTransition(*from, to); !s) return s;

  message.mutable_inspection()->set_review(std::string(toCode(to)));
  message.mutable_inspection()->set_review_comment(comment);
  m_hlc.observe(record.version);
  record.version = m_hlc.now();
  record.payload = message.SerializeAsString();

  RecordWrite write;
  write.record = record;
  write.source = "review:" + reviewer;
  write.writtenAt = m_clock();
  Result<std::int64_t> seq = (*tx)->putRecord(write);
  if (!seq) return seq.status();
  if (Status s = (*tx)->commit(); !s) return s;
  return ReviewResult{record.version, *seq};
}

}  // namespace anju::server
