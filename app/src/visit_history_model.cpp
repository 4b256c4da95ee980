#include "visit_history_model.h"

#include <QDateTime>

#include "anju/enum_codes.h"

namespace anju::app {

VisitHistoryModel::VisitHistoryModel(QObject* parent) : QAbstractListModel(parent) {}

void VisitHistoryModel::setSession(Session* session) {
  if (session == m_session) return;
  if (m_session) disconnect(m_session, nullptr, this, nullptr);
  m_session = session;
  if (m_session) {
    connect(m_session, &Session::storeChanged, this, &VisitHistoryModel::reload);
    connect(m_session, &Session::languageChanged, this, &VisitHistoryModel::reload);
  }
  emit sessionChanged();
  reload();
}

void VisitHistoryModel::setBuildingId(const QString& id) {
  if (id == m_buildingId) return;
  m_buildingId = id;
  emit buildingIdChanged();
  reload();
}

void VisitHistoryModel::reload() {
  beginResetModel();
  m_rows.clear();
  QString error;
  if (m_session && m_session->store() && !m_buildingId.isEmpty()) {
    auto list = m_session->store()->visitsOfBuilding(toStdString(m_buildingId));
    if (list)
      m_rows = std::move(*list);
    else
      error = statusMessage(list.status(), m_session->lang());
  }
  endResetModel();
  emit countChanged();
  if (error != m_errorString) {
    m_errorString = error;
    emit errorStringChanged();
  }
}

int VisitHistoryModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : count();
}

QVariant VisitHistoryModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const Visit& v = m_rows[static_cast<std::size_t>(index.row())];
  const Language lang = m_session ? m_session->lang() : Language::kChinese;
  switch (role) {
    case Qt::DisplayRole:
    case VisitedAtRole:
      return QDateTime::fromMSecsSinceEpoch(v.visitedAt)
          .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case IdRole:
      return toQString(v.id);
    case OutcomeRole:
      return toQString(toCode(v.outcome));
    case OutcomeLabelRole:
      return pick(label(v.outcome), lang);
    case InspectorRole:
      return toQString(v.inspector);
    case NoteRole:
      return toQString(v.note);
    case HasLocationRole:
      return v.location.has_value();
    default:
      return {};
  }
}

QHash<int, QByteArray> VisitHistoryModel::roleNames() const {
  return {{IdRole, "visitId"},
          {VisitedAtRole, "visitedAt"},
          {OutcomeRole, "outcome"},
          {OutcomeLabelRole, "outcomeLabel"},
          {InspectorRole, "inspector"},
          {NoteRole, "note"},
          {HasLocationRole, "hasLocation"}};
}

}  // namespace anju::app
