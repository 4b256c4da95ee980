// Push: the outbox in batches, and what each per-change answer means for the tablet.
#include <algorithm>

#include "anju/message_codec.h"
#include "anju/stored_reason.h"
#include "anju/v1/sync.pb.h"
#include "sync/gzip.h"
#include "sync/sync_run.h"

namespace anju::sync {
namespace {

// The server's reason with the fields it named, kept as ids so the app words it in the language
// chosen when it is shown (anju/stored_reason.h).
std::string reasonOf(const v1::ChangeResult& result) {
  StoredReason stored;
  stored.reason = messageFromWire(result.reason_id(), result.reason_params());
  stored.text = result.reason();
  if (stored.reason.empty() && stored.text.empty() && result.fields().empty())
    stored.reason = msg("sync.server_gave_no_reason");
  for (const v1::FieldProblem& f : result.fields())
    stored.fields.push_back(
        FieldError{f.field(), f.message(), messageFromWire(f.message_id(), f.params())});
  return encodeStoredReason(stored);
}

// Acknowledgements of a change that is no longer pending are harmless: it was settled before
// (a retried batch) or re-based with a fresh id after an earlier change of its record was
// rejected (Store::rejectOutbox).
Status ignoreSettled(Status s) { return s.code() == StatusCode::kNotFound ? Status::ok() : s; }

}  // namespace

Status SyncRun::push() {
  // A restore is being reconciled (a pull from scratch was cut short): changes built on a
  // version the server lost would come back as conflicts, so they wait until the pull has told
  // what the server holds and repushLost has rebased them.
  Result<bool> reconciling = m_store.epochReconcilePending();
  if (!reconciling) return reconciling.status();
  if (*reconciling) return Status::ok();
  Result<std::int64_t> pending = m_store.pendingOutboxCount();
  if (!pending) return pending.status();
  m_report.changesToPush = *pending;
  while (!cancelled()) {
    Result<std::vector<OutboxEntry>> batch =
        m_store.pendingOutbox(m_options.maxBatchChanges, m_options.maxBatchBytes);
    if (!batch) return batch.status();
    if (batch->empty()) return Status::ok();
    if (Status s = pushBatch(*batch); !s) return s;
    if (m_epochChanged) return Status::ok();
    notify(SyncPhase::kPush);
  }
  return Status::ok();
}

Status SyncRun::pushBatch(const std::vector<OutboxEntry>& batch) {
  v1::PushRequest request;
  request.set_device_id(m_options.deviceId);
  Result<std::string> epoch = m_store.syncState(kSyncEpoch);
  if (!epoch) return epoch.status();
  request.set_epoch(*epoch);
  for (const OutboxEntry& e : batch) {
    v1::Change* change = request.add_changes();
    change->set_change_id(e.changeId);
    change->set_record_id(e.recordId);
    change->set_kind(std::string(recordKindCode(e.kind)));
    change->set_version(e.version);
    change->set_base_version(e.baseVersion);
    if (!change->mutable_record()->ParseFromString(e.payload))
      return Status::corruption(
          msg("sync.pending_record_damaged",
              {{"kind", std::string(recordKindCode(e.kind))}, {"id", e.recordId}}));
  }
  Result<std::string> body = gzipCompress(request.SerializeAsString());
  if (!body) return body.status();
  HttpRequest http = protobufRequest("POST", "/v1/sync/push", std::move(*body), m_token);
  http.headers.emplace_back("Content-Encoding", "gzip");
  const auto sent = static_cast<std::int64_t>(http.body.size());

  // A retry after a lost answer resends the same change ids: the server answers DUPLICATE for
  // what it already committed, so nothing is stored twice.
  // An answer is only acted on when it answers exactly this batch, change by change.
  v1::PushResponse answer;
  const auto answersBatch = [&](const std::string& text) {
    if (!answer.ParseFromString(text)) return false;
    if (answer.epoch_changed()) return answer.results_size() == 0 && !answer.epoch().empty();
    if (answer.results_size() != static_cast<int>(batch.size())) return false;
    for (std::size_t i = 0; i < batch.size(); ++i)
      if (answer.results(static_cast<int>(i)).change_id() != batch[i].changeId) return false;
    return true;
  };
  Result<HttpResponse> response = m_exchange.send(http, answersBatch);
  if (!response) return response.status();
  if (response->status != 200)
    return httpError(*response, messageRef("action", "sync.push"), m_options.locale);
  m_report.bytesPushed += sent;
  if (answer.epoch_changed()) {
    // The server was restored from a backup: nothing of this batch was stored. Pull from
    // scratch and queue again what it lost (SyncClient::sync), then push.
    m_report.pullReset = true;
    m_epochChanged = true;
    return m_store.beginEpochReconcile();
  }
  // Runs of APPLIED answers (a normal batch is nothing else) are acknowledged in one local
  // transaction; any other outcome first flushes the run, so changes settle in outbox order.
  std::vector<Store::Acknowledgement> applied;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const v1::ChangeResult& result = answer.results(static_cast<int>(i));
    if (result.outcome() == v1::ChangeResult::APPLIED) {
      ++m_report.applied;
      applied.push_back({batch[i].changeId, result.server_version()});
      continue;
    }
    if (Status s = m_store.acknowledgeOutbox(applied); !s) return s;
    applied.clear();
    if (Status s = settle(batch[i], result, batch); !s) return s;
  }
  return m_store.acknowledgeOutbox(applied);
}

Status SyncRun::settle(const OutboxEntry& change, const v1::ChangeResult& result,
                       const std::vector<OutboxEntry>& batch) {
  switch (result.outcome()) {
    // APPLIED is acknowledged in runs by pushBatch.
    case v1::ChangeResult::DUPLICATE:
      ++m_report.duplicates;
      return settleDuplicate(change, result, batch);
    case v1::ChangeResult::CONFLICT:
      ++m_report.conflicts;
      return keepConflict(change, result.server_record().SerializeAsString(),
                          result.server_version());
    case v1::ChangeResult::REJECTED:
      ++m_report.rejected;
      return ignoreSettled(m_store.rejectOutbox(change.changeId, reasonOf(result)));
    default:
      // An outcome from a newer server: leave the change pending rather than guess.
      return Status::invalidArgument(msg("sync.unknown_outcome"));
  }
}

// DUPLICATE: the server received this change before. If the record's server version is our
// change's version, the first receipt was applied: done. If it is the version of a later change
// of OURS to the same record (sent in the same batch, whose answer was lost: the tablet was
// killed or the connection cut after the server committed both), the first receipt was applied
// and then overtaken by our own edit: done too, no conflict. Otherwise the first answer was lost
// and the change was kept as a conflict (or applied and overtaken by someone else): fetch the
// server's version and keep both, exactly as if the first answer had arrived.
Status SyncRun::settleDuplicate(const OutboxEntry& change, const v1::ChangeResult& result,
                                const std::vector<OutboxEntry>& batch) {
  if (result.server_version() == change.version)
    return ignoreSettled(m_store.acknowledgeOutbox(change.changeId, result.server_version()));
  const bool overtakenByOurs =
      std::any_of(batch.begin(), batch.end(), [&](const OutboxEntry& later) {
        return later.recordId == change.recordId && later.kind == change.kind &&
               later.seq > change.seq && later.version == result.server_version();
      });
  if (overtakenByOurs)
    return ignoreSettled(m_store.acknowledgeOutbox(change.changeId, change.version));
  v1::PulledChange current;
  Result<HttpResponse> response = m_exchange.send(
      protobufRequest(
          "GET", "/v1/records/" + std::string(recordKindCode(change.kind)) + "/" + change.recordId,
          "", m_token),
      [&](const std::string& body) {
        return current.ParseFromString(body) && current.record_id() == change.recordId;
      });
  if (!response) return response.status();
  if (response->status == 200)
    return keepConflict(change, current.record().SerializeAsString(), current.version());
  if (response->status == 401)
    return httpError(*response, messageRef("action", "sync.read_record"), m_options.locale);
  // The record is out of our reach now (moved to another region): our version stays local.
  return ignoreSettled(m_store.acknowledgeOutbox(change.changeId, result.server_version()));
}

Status SyncRun::keepConflict(const OutboxEntry& change, const std::string& serverRecord,
                             HlcVersion serverVersion) {
  Status s = m_store.recordConflict(change.changeId, serverRecord, serverVersion);
  if (s || s.code() == StatusCode::kNotFound) return Status::ok();
  if (s.code() != StatusCode::kInvalidArgument && s.code() != StatusCode::kCorruption) return s;
  // The server's version cannot be shown by this build (none sent, or from a newer app). Keep
  // ours, visible with the reason, instead of sending it again and again.
  return ignoreSettled(m_store.rejectOutbox(
      change.changeId,
      encodeStoredReason(
          {msg("sync.conflict_unshowable", {{"detail", describe(s, m_options.locale)}}), {}, {}})));
}

}  // namespace anju::sync
