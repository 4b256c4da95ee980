#include "service/pull_service.h"

#include <algorithm>

#include "service/auth_service.h"
#include "service/cursor.h"

namespace anju::server {

PullService::PullService(ServerStorage& storage, int maxPage, int defaultPage)
    : m_storage(storage), m_maxPage(maxPage), m_defaultPage(std::min(defaultPage, maxPage)) {}

Result<v1::PullResponse> PullService::pull(const User& user, const v1::PullRequest& request) {
  const std::string epoch = m_storage.epoch();
  v1::PullResponse response;
  response.set_epoch(epoch);

  std::int64_t after = 0;
  if (!request.cursor().empty()) {
    std::optional<Cursor> cursor = decodeCursor(request.cursor());
    if (!cursor)
      return Status::invalidArgument(msg("pull.malformed_cursor"),
                                     {fieldError("cursor", msg("pull.not_cursor_we_issued"))});
    Result<std::int64_t> maxSeq = m_storage.maxSequence();
    if (!maxSeq) return maxSeq.status();
    if (cursor->epoch != epoch || cursor->seq > *maxSeq) {
      response.set_reset(true);
    } else {
      after = cursor->seq;
    }
  }

  const int limit = request.limit() <= 0 ? m_defaultPage : std::min(request.limit(), m_maxPage);
  Result<PullPage> page = m_storage.pullPage(after, regionFilterFor(user), limit);
  if (!page) return page.status();
  for (const StoredRecord& r : page->records) {
    v1::PulledChange* out = response.add_changes();
    out->set_record_id(r.id);
    out->set_kind(std::string(recordKindCode(r.kind)));
    out->set_version(r.version);
    // ParseFromString keeps unknown fields, so newer clients' fields reach other clients.
    if (!out->mutable_record()->ParseFromString(r.payload))
      return Status::corruption(
          msg("access.stored_record_damaged", {recordKindParam(r.kind), {"id", r.id}}));
  }
  const std::int64_t last = page->records.empty() && page->hasMore ? after : page->scannedThrough;
  if (request.count_remaining() && page->hasMore) {
    Result<std::int64_t> remaining = m_storage.countAfter(last, regionFilterFor(user));
    if (!remaining) return remaining.status();
    response.set_remaining(*remaining);
  }
  response.set_has_more(page->hasMore);
  if (request.want_assignments() && !page->hasMore && m_assignments) {
    Result<std::vector<Assignment>> mine = m_assignments(user);
    if (!mine) return mine.status();
    for (const Assignment& a : *mine) {
      v1::Assignment* out = response.add_assignments();
      out->set_building_id(a.buildingId);
      out->set_due_date(a.dueDate);
      out->set_assigned_by(a.assignedBy);
      out->set_assigned_at(a.assignedAt);
    }
    response.set_assignments_included(true);
  }
  response.set_next_cursor(encodeCursor({epoch, last}));
  return response;
}

}  // namespace anju::server
