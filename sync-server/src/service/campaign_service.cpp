#include "service/campaign_service.h"

#include <nlohmann/json.hpp>

#include "anju/hlc.h"
#include "export/weekly_report_xlsx.h"
#include "service/auth_service.h"
#include "service/region_check.h"

namespace anju::server {
namespace {

bool isDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

Status badField(const char* field, Message m) {
  return Status::invalidArgument(m, {fieldError(field, m)});
}

}  // namespace

bool isCalendarDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (!isDigits(text.substr(0, 4)) || !isDigits(text.substr(5, 2)) || !isDigits(text.substr(8, 2)))
    return false;
  const int year = std::stoi(std::string(text.substr(0, 4)));
  const int month = std::stoi(std::string(text.substr(5, 2)));
  const int day = std::stoi(std::string(text.substr(8, 2)));
  if (year < 2000 || month < 1 || month > 12 || day < 1) return false;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

CampaignService::CampaignService(ServerStorage& storage, ProgressQuery& progress, Clock clock)
    : m_storage(storage), m_progress(progress), m_clock(std::move(clock)) {
  if (!m_clock) m_clock = systemNowMs;
}

Result<DispatchResult> CampaignService::dispatch(const DispatchRequest& request,
                                                 const Reviewer& reviewer) {
  if (!isCalendarDate(request.dueDate))
    return badField("due_date", msg("campaign.bad_due_date", {{"value", request.dueDate}}));
  Result<User> inspector = m_storage.findUser(request.inspector);
  if (!inspector) {
    if (inspector.status().code() != StatusCode::kNotFound) return inspector.status();
    return badField("inspector", msg("campaign.no_such_inspector", {{"name", request.inspector}}));
  }
  if (inspector->role != Role::kInspector)
    return badField("inspector", msg("campaign.not_an_inspector", {{"name", request.inspector}}));

  std::vector<Uuid> houses = request.buildingIds;
  if (houses.empty()) {
    if (request.community.empty()) return badField("building_ids", msg("campaign.no_houses"));
    std::optional<RegionPath> community = parseRegion(request.community);
    if (!community || community->community.empty())
      return badField("community", msg("access.community_path"));
    if (!reviewer.scope.allows(*community)) return outsideScope(*community);
    Result<std::vector<Uuid>> ids = m_storage.buildingsIn(*community);
    if (!ids) return ids.status();
    houses = std::move(ids).value();
    if (houses.empty()) return badField("community", msg("campaign.no_houses"));
  }

  const RegionFilter inspectorScope = regionFilterFor(*inspector);
  Result<std::unique_ptr<SyncTransaction>> tx = m_storage.beginTransaction();
  if (!tx) return tx.status();
  const TimestampMs now = m_clock();
  DispatchResult out;
  for (const Uuid& id : houses) {
    Result<std::optional<StoredRecord>> building = (*tx)->findRecord(RecordKind::kBuilding, id);
    if (!building) return building.status();
    if (!*building) return Status::notFound(msg("access.no_such_building", {{"id", id}}));
    const RegionPath& region = (*building)->region;
    if (!reviewer.scope.allows(region)) return outsideScope(region);
    if (!inspectorScope.allows(region))
      return badField("inspector",
                      msg("campaign.inspector_outside_region",
                          {{"name", inspector->name}, {"region", formatRegion(region)}}));
    Result<std::optional<Assignment>> previous = (*tx)->findAssignment(id);
    if (!previous) return previous.status();
    if (*previous && (*previous)->inspector == inspector->name &&
        (*previous)->dueDate == request.dueDate) {
      ++out.unchanged;
      continue;
    }
    Assignment a{id, inspector->name, request.dueDate, reviewer.name, now, region};
    if (Status s = (*tx)->putAssignment(a); !s) return s;
    nlohmann::json detail = {{"inspector", a.inspector}, {"due_date", a.dueDate}};
    if (*previous) {
      detail["previous_inspector"] = (*previous)->inspector;
      detail["previous_due_date"] = (*previous)->dueDate;
      detail["previous_assigned_by"] = (*previous)->assignedBy;
      ++out.reassigned;
    } else {
      ++out.assigned;
    }
    AuditEntry audit;
    audit.at = now;
    audit.userName = reviewer.name;
    audit.action = *previous ? "reassign" : "assign";
    audit.targetKind = std::string(recordKindCode(RecordKind::kBuilding));
    audit.targetId = id;
    audit.buildingId = id;
    audit.region = region;
    audit.detail = detail.dump();
    if (Status s = (*tx)->appendAudit(audit); !s) return s;
  }
  if (Status s = (*tx)->commit(); !s) return s;
  return out;
}

Result<std::vector<Assignment>> CampaignService::assignments(const Reviewer& reviewer,
                                                             const std::string& inspector,
                                                             const std::string& community) {
  RegionPath where;
  if (!community.empty()) {
    std::optional<RegionPath> parsed = parseRegion(community);
    if (!parsed) return badField("community", msg("access.community_path"));
    where = *parsed;
  }
  return m_storage.assignments(reviewer.scope, inspector, where);
}

Result<std::vector<User>> CampaignService::inspectors(const Reviewer& reviewer) {
  Result<std::vector<User>> all = m_storage.usersWithRole(Role::kInspector);
  if (!all) return all;
  std::vector<User> out;
  for (User& u : *all) {
    bool overlaps = reviewer.scope.unrestricted();
    for (const RegionPath& g : u.regions) {
      if (reviewer.scope.allows(g)) overlaps = true;
      for (const RegionPath& r : reviewer.scope.grants())
        if (regionCovers(g, r)) overlaps = true;
    }
    if (overlaps) out.push_back(std::move(u));
  }
  return out;
}

Status CampaignService::weeklyReportXlsx(const RegisterFilter& filter, const std::string& week,
                                         const std::string& path, const std::string& tmpDir) {
  const std::optional<BeijingDay> day = parseBeijingDate(week);
  if (!day) return badField("week", msg("campaign.bad_week", {{"value", week}}));
  Result<ProgressReport> report = m_progress.progress(filter);
  if (!report) return report.status();
  std::string title = filter.district + filter.street + filter.community;
  return writeWeeklyReportXlsx(*report, weekStart(*day), title, m_clock(), path, tmpDir);
}

Result<std::vector<Assignment>> CampaignService::assignedTo(const User& user) {
  return m_storage.assignments(regionFilterFor(user), user.name, {});
}

}  // namespace anju::server
