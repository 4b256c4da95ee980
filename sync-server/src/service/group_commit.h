// GroupCommit: concurrent writers share one storage transaction and one durable commit (one
// fsync) instead of queueing for one each — the group commit of databases, at the unit-of-work
// level (issue 12: hundreds of tablets pushing at shift end).
//
// A caller hands in its work (what it would have done between beginTransaction and commit). The
// first caller to find no group running leads: it takes itself and the callers queued so far
// (up to the limits), opens one transaction, runs each work in arrival order inside its own
// savepoint, commits once, and wakes them. Callers arriving meanwhile queue for the next group.
// So:
//   - run() returns ok only after the commit that holds its work's writes: acknowledged means
//     durable, exactly as with a transaction of one's own;
//   - a work that fails (its Status) is rolled back to its savepoint: nothing of it is stored,
//     and the works before and after it in the group are unaffected;
//   - each work sees the writes of the works before it, as if they had run one after another;
//   - when the transaction itself fails (begin, a savepoint that cannot be rolled back, the
//     commit), every work of the group gets that error and nothing of the group is stored.
// A group of one runs without savepoints, just as a plain transaction.
//
// Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>

#include "storage/server_storage.h"

namespace anju::server {

struct GroupCommitLimits {
  std::size_t maxWorks = 64;      // callers in one group
  std::size_t maxWeight = 10000;  // e.g. changes in one group (a single heavier work runs alone)
};

class GroupCommit {
 public:
  using Work = std::function<Status(SyncTransaction&)>;
  /// `storage` is borrowed and outlives this.
  explicit GroupCommit(ServerStorage& storage, GroupCommitLimits limits = {})
      : m_storage(storage), m_limits(limits) {}

  /// Runs `work` in a transaction, possibly shared with concurrent callers; see above. `weight`
  /// counts against GroupCommitLimits::maxWeight.
  Status run(const Work& work, std::size_t weight = 1);

  /// Transactions committed so far (each holds one group), for tests and metrics.
  std::int64_t commits() const;

 private:
  struct Member {
    const Work* work;
    std::size_t weight;
    Status status = Status::ok();
    bool done = false;
  };
  void runGroup(std::deque<Member*>& group);

  ServerStorage& m_storage;
  const GroupCommitLimits m_limits;
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<Member*> m_queue;  // guarded by m_mutex
  bool m_leading = false;       // a group is running; guarded by m_mutex
  std::int64_t m_commits = 0;   // guarded by m_mutex
};

}  // namespace anju::server
