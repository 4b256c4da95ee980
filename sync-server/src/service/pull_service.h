// PullService: pages of records for the caller's regions after a cursor (docs/protocol.md,
// "Pull"). Each page lists the current version of every record changed after the cursor, in
// server sequence order, so a record edited twice is sent once with its latest version.
//
// Epoch rule: a cursor issued under another epoch (another or a restored database), or one
// pointing past the last sequence number this database handed out, is answered with
// reset = true and a page starting from zero.
//
// Thread-safe.
#pragma once

#include <functional>
#include <vector>

#include "anju/v1/sync.pb.h"
#include "storage/server_storage.h"

namespace anju::server {

class PullService {
 public:
  /// `storage` is borrowed and outlives the service. `maxPage` caps PullRequest.limit.
  PullService(ServerStorage& storage, int maxPage, int defaultPage);

  /// When PullRequest.want_assignments is set, the last page carries the caller's assignments
  /// (docs/protocol.md, "Assignments"); `source` answers them. Without one none are sent.
  using AssignmentSource = std::function<Result<std::vector<Assignment>>(const User&)>;
  void setAssignmentSource(AssignmentSource source) { m_assignments = std::move(source); }

  /// invalidArgument for a malformed cursor.
  Result<v1::PullResponse> pull(const User& user, const v1::PullRequest& request);

 private:
  ServerStorage& m_storage;
  int m_maxPage;
  int m_defaultPage;
  AssignmentSource m_assignments;
};

}  // namespace anju::server
