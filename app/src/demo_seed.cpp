#include "demo_seed.h"

#include "anju/demo_district.h"
#include "anju/hlc.h"
#include "anju/record_codec.h"
#include "anju/stored_reason.h"
#include "anju/uuid.h"
#include "session.h"

namespace anju::app {
namespace {

constexpr std::string_view kDemoInspector = "demo";
constexpr TimestampMs kDay = 24LL * 3600 * 1000;

Finding wallCrack(double widthMm, double lengthRatio, const char* where) {
  Finding f;
  f.id = newUuid();
  f.component = Component::kLoadBearingWall;
  f.hazard = HazardKind::kWallCrack;
  f.location = where;
  f.measurements = {{"width", widthMm, "mm"}, {"length_ratio", lengthRatio, "ratio"}};
  return f;
}

Inspection startInspection(const Session& session, const Building& b, TimestampMs at) {
  Inspection in;
  in.id = newUuid();
  in.buildingId = b.id;
  in.inspector = std::string(kDemoInspector);
  in.startedAt = at;
  in.templateId = session.checklist().id;
  in.templateVersion = session.checklist().version;
  in.answers = {{"year_built", static_cast<double>(b.yearBuilt.value_or(1990))},
                {"structure_type", std::string(toCode(b.structure))},
                {"storeys_above", static_cast<double>(b.storeysAbove)},
                {"building_use", std::string(toCode(b.use))},
                {"design_status", std::string("no_formal_design")},
                {"foundation_settlement", false},
                {"building_tilt", false}};
  return in;
}

}  // namespace

bool seedDemoData(Session& session, QString& error) {
  Store* store = session.store();
  if (!store) {
    error = QStringLiteral("no store");
    return false;
  }
  const std::vector<Building> buildings = demoDistrictBuildings();
  if (Status st = store->putBuildings(buildings, kDemoInspector); !st) {
    error = toQString(st.message());
    return false;
  }
  // The first houses of the list (城北街道 · 建设社区 sorts first) get inspections in every state.
  auto first = store->listBuildings({}, 12);
  if (!first) {
    error = toQString(first.status().message());
    return false;
  }
  const TimestampMs now = systemNowMs();
  const std::vector<std::pair<ReviewState, int>> plan = {
      {ReviewState::kDraft, 2},     {ReviewState::kSubmitted, 2}, {ReviewState::kApproved, 0},
      {ReviewState::kReturned, 1},  {ReviewState::kSubmitted, 0}, {ReviewState::kApproved, 1},
      {ReviewState::kSubmitted, 1}, {ReviewState::kApproved, 0}};
  for (std::size_t i = 0; i < plan.size() && i < first->size(); ++i) {
    auto building = store->building((*first)[i].id);
    if (!building) continue;
    Inspection in =
        startInspection(session, *building, now - static_cast<TimestampMs>(i + 1) * kDay);
    const auto [state, hazards] = plan[i];
    if (hazards >= 1) {
      in.answers["wall_cracks"] = true;
      in.answers["wall_crack_direction"] = std::string("vertical");
      in.answers["wall_crack_count"] = std::string("single");
      in.answers["wall_crack_width"] = hazards == 2 ? 1.5 : 0.4;
      in.answers["wall_crack_height_ratio"] = hazards == 2 ? 0.6 : 0.2;
      in.findings.push_back(hazards == 2 ? wallCrack(1.5, 0.6, "一层北侧承重墙")
                                         : wallCrack(0.4, 0.2, "二层东侧山墙"));
    } else {
      in.answers["wall_cracks"] = false;
    }
    gradeInspection(in, *building, session.rules());
    std::vector<ReviewState> steps = {ReviewState::kDraft};
    if (state != ReviewState::kDraft) steps.push_back(ReviewState::kSubmitted);
    if (state == ReviewState::kApproved || state == ReviewState::kReturned) steps.push_back(state);
    for (ReviewState step : steps) {
      in.review = step;
      if (step == ReviewState::kSubmitted) in.submittedAt = in.startedAt + 3600 * 1000;
      if (step == ReviewState::kReturned) in.reviewComment = "裂缝位置请补拍近景照片";
      auto written =
          store->putInspection(in, step == ReviewState::kApproved || step == ReviewState::kReturned
                                       ? std::string_view("reviewer")
                                       : kDemoInspector);
      if (!written) {
        error = toQString(written.status().toString());
        return false;
      }
    }
  }
  session.notifyStoreChanged();
  return true;
}

bool seedDemoSyncIssues(Session& session, QString& error) {
  Store& store = *session.store();
  auto fail = [&](const Status& st) {
    error = toQString(st.toString());
    return false;
  };
  auto houses = store.listBuildings({}, 30);
  if (!houses) return fail(houses.status());
  if (houses->size() < 30) return fail(Status::notFound("demo houses"));
  // Everything seeded so far "reached the server".
  auto pending = store.pendingOutbox(100000, std::int64_t{1} << 40);
  if (!pending) return fail(pending.status());
  for (const OutboxEntry& e : *pending)
    if (Status st = store.acknowledgeOutbox(e.changeId, e.version); !st) return fail(st);

  auto house = store.building((*houses)[20].id);
  if (!house) return fail(house.status());
  house->ownerContact = "1391234567";
  if (auto v = store.putBuilding(*house, kDemoInspector); !v) return fail(v.status());
  auto refused = store.pendingOutbox(1, std::int64_t{1} << 40);
  if (!refused || refused->empty()) return fail(refused.status());
  if (Status st =
          store.rejectOutbox(refused->front().changeId,
                             encodeStoredReason({msg("demo.contact_phone_format"), {}, {}}));
      !st)
    return fail(st);

  auto history = store.inspectionsOfBuilding((*houses)[0].id);
  if (!history || history->empty()) return fail(Status::notFound("demo inspection"));
  Inspection mine = history->front();
  mine.findings.front().location = "一层北侧承重墙（窗下）";
  mine.findings.front().note = "裂缝贯通墙厚";
  if (auto v = store.putInspection(mine, kDemoInspector); !v) return fail(v.status());
  auto lost = store.pendingOutbox(1, std::int64_t{1} << 40);
  if (!lost || lost->empty()) return fail(lost.status());
  Inspection theirs = history->front();
  theirs.reviewComment = "";
  if (Status st = store.recordConflict(lost->front().changeId, encodeRecord(theirs),
                                       lost->front().version + 1);
      !st)
    return fail(st);
  session.notifyStoreChanged();
  return true;
}

}  // namespace anju::app
