#include "demo_seed.h"

#include "anju/demo_district.h"
#include "anju/hlc.h"
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
    Inspection in = startInspection(session, *building, now - static_cast<TimestampMs>(i + 1) * kDay);
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
      auto written = store->putInspection(in, step == ReviewState::kApproved ||
                                                      step == ReviewState::kReturned
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

}  // namespace anju::app
