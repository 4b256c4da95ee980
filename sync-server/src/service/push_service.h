// PushService: the push rules of sync protocol v1 (docs/protocol.md, "Push").
//
// All changes of one request are decided in order inside ONE storage transaction, which is
// committed before the response exists; so an acknowledged change is durable, and a crash before
// commit leaves nothing half-applied (the client resends, and gets the same answers). Concurrent
// requests share that transaction and its fsync (service/group_commit.h), each in a savepoint
// of its own: a request whose storage work fails stores nothing and fails alone, and each is
// answered only after the commit that holds its changes.
//
// Per change, first match wins:
//   1. change_id seen before            -> DUPLICATE (nothing stored again)
//   2. undecodable or invalid record    -> REJECTED with reason and field problems
//      (also: kind/record_id disagreeing with the record, version not after base_version,
//       a building that the server does not know)
//   3. outside the caller's regions     -> REJECTED, reason "forbidden region"
//   4. moves a stored inspection, photo or rectification to another building -> REJECTED
//   5. an inspector setting approved/returned on a record not already in that state -> REJECTED
//   6. server version != base_version   -> CONFLICT; the incoming version is kept in conflicts
//   7. an inspector's change that alters the appraisal grade or the review comment, or moves
//      the stored review state / rectification status against the core transitions
//      (checkReviewTransition, checkRectificationTransition), or that sets or alters a
//      rectification's completion, acceptance or closure (销号), changes a closed one, or moves
//      a stored one to another hazard -> REJECTED; these are reviewer actions, audited through
//      ReviewService / RectificationService
//   8. an inspection whose evidence digest does not match the record and the photo records the
//      server holds (service/evidence_check.h) -> REJECTED
//   9. otherwise                        -> APPLIED, with a new server sequence number (and, for
//      an inspection with a newly verified digest, an "evidence_verified" audit row)
// Rejections store nothing, so fixing and resending the same change id works.
//
// Thread-safe; the storage serialises transactions.
#pragma once

#include <functional>

#include "anju/hlc.h"
#include "anju/v1/sync.pb.h"
#include "service/group_commit.h"
#include "storage/server_storage.h"

namespace anju::server {

class PushService {
 public:
  using Clock = std::function<TimestampMs()>;
  /// `storage` and `clock` are borrowed and outlive the service.
  PushService(ServerStorage& storage, HybridLogicalClock& hlc, Clock clock = {});

  /// Applies `request` for `user`. An error Status means nothing was stored (storage failure).
  Result<v1::PushResponse> push(const User& user, const v1::PushRequest& request);

 private:
  GroupCommit m_group;
  HybridLogicalClock& m_hlc;
  Clock m_clock;
};

}  // namespace anju::server
