// Pull: pages after the stored cursor, each applied together with its cursor.
#include <algorithm>

#include "sync/sync_run.h"

namespace anju::sync {

Status SyncRun::pull() {
  Result<std::string> cursor = m_store.syncState(kSyncPullCursor);
  if (!cursor) return cursor.status();
  Result<std::string> epoch = m_store.syncState(kSyncEpoch);
  if (!epoch) return epoch.status();
  bool restarted = false;
  bool countRemaining = true;  // the first page of this run says how many are to come
  while (!cancelled()) {
    v1::PullRequest request;
    request.set_cursor(*cursor);
    request.set_limit(m_options.pullPageSize);
    request.set_count_remaining(countRemaining);
    request.set_want_assignments(true);  // the last page carries 分派给我 (docs/protocol.md)
    // Every real page names the epoch, serialised after the changes: a page cut short (even
    // at a change boundary, which still parses) lacks it and is fetched again.
    v1::PullResponse page;
    Result<HttpResponse> response = m_exchange.send(
        protobufRequest("POST", "/v1/sync/pull", request.SerializeAsString(), m_token),
        [&](const std::string& body) {
          return page.ParseFromString(body) && !page.epoch().empty();
        });
    if (!response) return response.status();
    if (response->status != 200)
      return httpError(*response, messageRef("action", "sync.pull"), m_options.locale);
    m_report.bytesPulled += static_cast<std::int64_t>(response->body.size());

    // A cursor of another epoch (the server database was restored or replaced). The server says
    // reset and sends a page from the beginning; should it ever not, start over ourselves.
    if (!page.reset() && !cursor->empty() && !epoch->empty() && page.epoch() != *epoch) {
      if (restarted) return Status::unavailable(msg("sync.server_epoch_keeps_changing"));
      restarted = true;
      m_report.pullReset = true;
      if (Status s = m_store.beginEpochReconcile(); !s) return s;
      cursor->clear();
      countRemaining = true;
      continue;
    }
    if (page.reset()) {
      // The server restored a backup since our cursor: what it confirmed since may be lost.
      // This page is from the beginning, so the reconcile starts before it is applied.
      m_report.pullReset = true;
      if (Status s = m_store.beginEpochReconcile(); !s) return s;
    }
    if (countRemaining) {
      m_report.pullExpected = m_report.recordsPulled() + page.changes_size() +
                              std::max<std::int64_t>(0, page.remaining());
      countRemaining = false;
    }

    std::vector<PulledRecord> records;
    records.reserve(static_cast<std::size_t>(page.changes_size()));
    for (const v1::PulledChange& c : page.changes()) {
      // A kind this build does not know stops the pull before anything of the page is stored.
      const std::optional<RecordKind> kind = parseRecordKind(c.kind());
      if (!kind)
        return Status::corruption(
            msg("sync.pulled_unknown_kind", {{"kind", c.kind()}, {"id", c.record_id()}}));
      records.push_back({*kind, c.record_id(), c.version(), c.record().SerializeAsString()});
    }
    Result<PullOutcome> outcome = m_store.applyPulled(records, page.next_cursor(), page.epoch());
    if (!outcome) return outcome.status();
    m_report.pulledApplied += outcome->applied;
    m_report.pulledSkipped += outcome->skipped;
    m_report.pulledConflicts += outcome->conflicts;
    notify(SyncPhase::kPull);

    if (!page.has_more()) {
      // A server older than dispatch does not include them: keep what we had.
      if (!page.assignments_included()) return Status::ok();
      std::vector<HouseAssignment> mine;
      mine.reserve(static_cast<std::size_t>(page.assignments_size()));
      for (const v1::Assignment& a : page.assignments())
        mine.push_back({a.building_id(), a.due_date(), a.assigned_by(), a.assigned_at()});
      return m_store.replaceAssignments(mine);
    }
    if (page.next_cursor() == *cursor)
      return Status::unavailable(msg("sync.server_cursor_did_not"));
    *cursor = page.next_cursor();
    *epoch = page.epoch();
  }
  return Status::ok();
}

Status SyncRun::repushLost() {
  Result<bool> pending = m_store.epochReconcilePending();
  if (!pending) return pending.status();
  if (!*pending) return Status::ok();
  Result<std::int64_t> queued = m_store.requeueLostChanges();
  if (!queued) return queued.status();
  m_report.requeuedAfterRestore += *queued;
  // Every pending change waited for this (push skips while reconciling), requeued or not.
  m_epochChanged = false;
  Status s = push();
  if (s && !cancelled()) s = uploadPhotos();
  return s;
}

}  // namespace anju::sync
