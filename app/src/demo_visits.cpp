#include "demo_visits.h"

#include "anju/hlc.h"
#include "anju/uuid.h"

namespace anju::app {

QString demoVisitBuilding(Session& session) {
  BuildingFilter never;
  never.inspected = false;
  auto list = session.store()->listBuildings(never, 1);
  return list && !list->empty() ? toQString(list->front().id) : QString();
}

bool seedDemoVisits(Session& session, QString& error) {
  const QString building = demoVisitBuilding(session);
  if (building.isEmpty()) {
    error = QStringLiteral("no uninspected house for the visit demo");
    return false;
  }
  constexpr TimestampMs kDay = 24LL * 3600 * 1000;
  const TimestampMs now = systemNowMs();
  const std::string inspector =
      session.userName().isEmpty() ? "demo" : toStdString(session.userName());
  const struct {
    TimestampMs at;
    VisitOutcome outcome;
    const char* note;
  } visits[] = {{now - 2 * kDay, VisitOutcome::kNobodyHome, "敲门无人应答，已留联系卡"},
                {now - kDay, VisitOutcome::kRefusedEntry, "租户不让进屋，称房东不在"}};
  for (const auto& v : visits) {
    Visit visit;
    visit.id = newUuid();
    visit.buildingId = toStdString(building);
    visit.inspector = inspector;
    visit.visitedAt = v.at;
    visit.outcome = v.outcome;
    visit.note = v.note;
    if (auto saved = session.store()->putVisit(visit, inspector); !saved) {
      error = statusMessage(saved.status(), session.lang());
      return false;
    }
  }
  return true;
}

}  // namespace anju::app
