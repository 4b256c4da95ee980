#include "visit_controller.h"

#include "anju/enum_codes.h"
#include "anju/uuid.h"
#include "position_stamp.h"
#include "revisit_settings.h"

namespace anju::app {

VisitController::VisitController(QObject* parent)
    : QObject(parent), m_rule(configuredRevisitRule()), m_positions(new PositionStamp(this)) {}

void VisitController::setSession(Session* session) {
  if (session == m_session) return;
  if (m_session) disconnect(m_session, nullptr, this, nullptr);
  m_session = session;
  if (m_session) {
    connect(m_session, &Session::storeChanged, this, &VisitController::reload);
    connect(m_session, &Session::languageChanged, this, &VisitController::sessionChanged);
    connect(m_session, &Session::languageChanged, this, &VisitController::stateChanged);
  }
  emit sessionChanged();
  reload();
}

void VisitController::setBuildingId(const QString& id) {
  if (id == m_buildingId) return;
  m_buildingId = id;
  emit buildingIdChanged();
  reload();
}

void VisitController::reload() {
  m_last.reset();
  m_visitCount = 0;
  if (m_session && m_session->store() && !m_buildingId.isEmpty()) {
    auto visits = m_session->store()->visitsOfBuilding(toStdString(m_buildingId));
    if (visits) {
      m_visitCount = static_cast<int>(visits->size());
      if (!visits->empty()) m_last = visits->front();
    } else {
      setErrorString(statusMessage(visits.status(), m_session->lang()));
    }
  }
  emit stateChanged();
}

QVariantList VisitController::outcomeOptions() const {
  return enumOptions({VisitOutcome::kInspected, VisitOutcome::kNobodyHome,
                      VisitOutcome::kRefusedEntry, VisitOutcome::kGoneOrNotFound},
                     m_session ? m_session->lang() : Language::kChinese);
}

QString VisitController::lastOutcome() const {
  return m_last ? toQString(toCode(m_last->outcome)) : QString();
}

QString VisitController::lastOutcomeLabel() const {
  if (!m_last) return {};
  return pick(label(m_last->outcome), m_session ? m_session->lang() : Language::kChinese);
}

QString VisitController::revisitDue() const {
  if (!m_last || !needsRevisit(m_last->outcome)) return {};
  return toQString(revisitDueDate(m_last->visitedAt, m_rule));
}

bool VisitController::revisitOverdue() const {
  const QString due = revisitDue();
  return !due.isEmpty() && due <= toQString(chinaDate(systemNowMs()));
}

bool VisitController::record(const QString& outcome, const QString& note) {
  if (!m_session || !m_session->store() || m_buildingId.isEmpty()) {
    setErrorString(tr("No house is open."));
    emit recorded(false, m_errorString);
    return false;
  }
  const std::optional<VisitOutcome> parsed = parseVisitOutcome(toStdString(outcome));
  if (!parsed) {
    setErrorString(tr("Unknown visit outcome: %1").arg(outcome));
    emit recorded(false, m_errorString);
    return false;
  }
  Visit v;
  v.id = newUuid();
  v.buildingId = toStdString(m_buildingId);
  v.inspector = toStdString(m_session->userName());
  v.visitedAt = systemNowMs();
  v.location = m_positions->last();
  v.outcome = *parsed;
  v.note = toStdString(note.trimmed());
  auto written = m_session->store()->putVisit(v, v.inspector);
  if (!written) {
    setErrorString(
        tr("Visit not recorded: %1").arg(statusMessage(written.status(), m_session->lang())));
    emit recorded(false, m_errorString);
    return false;
  }
  setErrorString({});
  m_session->notifyStoreChanged();  // reloads this controller, the history and the house list
  emit recorded(true, QString());
  return true;
}

void VisitController::setErrorString(const QString& error) {
  if (error == m_errorString) return;
  m_errorString = error;
  emit errorStringChanged();
}

}  // namespace anju::app
