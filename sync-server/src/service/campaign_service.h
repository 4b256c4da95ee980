// CampaignService: running a 排查整治 campaign from the console (issue 11 §4). A reviewer
// dispatches houses — a selection of building ids or a whole community — to a named inspector
// with a due date; re-assignment replaces the previous assignment and is audited (old and new
// inspector, who, when). Every house must lie in the reviewer's regions (403 otherwise) and in
// the inspector's (the inspector must be able to sync it).
//
// Thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "register/progress_query.h"
#include "service/review_service.h"
#include "storage/server_storage.h"

namespace anju::server {

/// What to dispatch: `buildingIds`, or every house of `community` when the list is empty.
struct DispatchRequest {
  std::vector<Uuid> buildingIds;
  std::string community;  // "区/街道/社区" (parseRegion)
  std::string inspector;  // user name
  std::string dueDate;    // YYYY-MM-DD
};

struct DispatchResult {
  int assigned = 0;    // houses newly assigned
  int reassigned = 0;  // houses taken from another inspector (or given a new due date)
  int unchanged = 0;   // already assigned to this inspector with this due date
};

class CampaignService {
 public:
  using Clock = std::function<TimestampMs()>;
  /// `storage` and `progress` are borrowed and outlive the service.
  CampaignService(ServerStorage& storage, ProgressQuery& progress, Clock clock = {});

  /// All or nothing: invalidArgument (bad due date, no houses, unknown inspector or one who is
  /// not an inspector, a house outside the inspector's regions), notFound (unknown house),
  /// permissionDenied (a house outside the reviewer's regions).
  Result<DispatchResult> dispatch(const DispatchRequest& request, const Reviewer& reviewer);
  /// The assignments in the reviewer's regions, of one inspector and/or community when given.
  Result<std::vector<Assignment>> assignments(const Reviewer& reviewer,
                                              const std::string& inspector,
                                              const std::string& community);
  /// The inspector accounts a reviewer may dispatch to: those with a region that overlaps the
  /// reviewer's, by name.
  Result<std::vector<User>> inspectors(const Reviewer& reviewer);
  /// Progress per community and per inspector under a register filter already scoped to the
  /// caller (HouseService::registerFilter).
  Result<ProgressReport> progress(const RegisterFilter& filter) {
    return m_progress.progress(filter);
  }
  /// The weekly progress report (周报) of the week holding `week` ("YYYY-MM-DD", any day of it)
  /// as XLSX at `path`, over a filter already scoped to the caller. invalidArgument naming
  /// "week" when it is not a date.
  Status weeklyReportXlsx(const RegisterFilter& filter, const std::string& week,
                          const std::string& path, const std::string& tmpDir);
  /// The houses assigned to `user` that `user` may see (what the tablet is sent).
  Result<std::vector<Assignment>> assignedTo(const User& user);

 private:
  ServerStorage& m_storage;
  ProgressQuery& m_progress;
  Clock m_clock;
};

/// Whether `text` is a calendar date written YYYY-MM-DD.
bool isCalendarDate(std::string_view text);

}  // namespace anju::server
