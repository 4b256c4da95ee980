#include "service/group_commit.h"

#include <algorithm>

namespace anju::server {

Status GroupCommit::run(const Work& work, std::size_t weight) {
  Member me{&work, weight};
  std::unique_lock lock(m_mutex);
  m_queue.push_back(&me);
  m_changed.wait(lock, [&] { return me.done || !m_leading; });
  if (me.done) return me.status;  // a leader ran it; its commit is over

  // Lead: this caller first, then the oldest queued ones that fit.
  m_leading = true;
  std::deque<Member*> group;
  m_queue.erase(std::find(m_queue.begin(), m_queue.end(), &me));
  group.push_back(&me);
  std::size_t totalWeight = me.weight;
  while (!m_queue.empty() && group.size() < m_limits.maxWorks &&
         totalWeight + m_queue.front()->weight <= m_limits.maxWeight) {
    totalWeight += m_queue.front()->weight;
    group.push_back(m_queue.front());
    m_queue.pop_front();
  }
  lock.unlock();

  runGroup(group);

  lock.lock();
  for (Member* m : group) m->done = true;
  m_leading = false;
  lock.unlock();
  m_changed.notify_all();
  return me.status;
}

void GroupCommit::runGroup(std::deque<Member*>& group) {
  const auto failAll = [&](const Status& s) {
    for (Member* m : group)
      if (m->status) m->status = s;
  };
  Result<std::unique_ptr<SyncTransaction>> tx = m_storage.beginTransaction();
  if (!tx) return failAll(tx.status());
  SyncTransaction& t = **tx;
  if (group.size() == 1) {
    group.front()->status = (*group.front()->work)(t);
    if (!group.front()->status) return;  // rolled back by the destructor
  } else {
    for (Member* m : group) {
      if (Status s = t.savepoint(); !s) return failAll(s);
      m->status = (*m->work)(t);
      // A failed work leaves nothing behind; when even that cannot be done (SQLite rolls the
      // whole transaction back by itself after some errors, e.g. a full disk), nothing of the
      // group may be committed, and the others are told the work's error: its cause.
      Status end = m->status ? t.releaseSavepoint() : t.rollbackToSavepoint();
      if (!end) return failAll(m->status ? end : m->status);
    }
  }
  if (Status s = t.commit(); !s) return failAll(s);
  std::lock_guard lock(m_mutex);
  ++m_commits;
}

std::int64_t GroupCommit::commits() const {
  std::lock_guard lock(m_mutex);
  return m_commits;
}

}  // namespace anju::server
