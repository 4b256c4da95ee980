#include "inspection_history_model.h"

#include <QDateTime>

#include "anju/enum_codes.h"

namespace anju::app {

InspectionHistoryModel::InspectionHistoryModel(QObject* parent) : QAbstractListModel(parent) {}

void InspectionHistoryModel::setSession(Session* session) {
  if (session == m_session) return;
  if (m_session) disconnect(m_session, nullptr, this, nullptr);
  m_session = session;
  if (m_session) {
    connect(m_session, &Session::storeChanged, this, &InspectionHistoryModel::reload);
    connect(m_session, &Session::languageChanged, this, &InspectionHistoryModel::reload);
  }
  emit sessionChanged();
  reload();
}

void InspectionHistoryModel::setBuildingId(const QString& id) {
  if (id == m_buildingId) return;
  m_buildingId = id;
  emit buildingIdChanged();
  reload();
}

void InspectionHistoryModel::reload() {
  beginResetModel();
  m_rows.clear();
  QString error;
  if (m_session && m_session->store() && !m_buildingId.isEmpty()) {
    auto list = m_session->store()->inspectionsOfBuilding(toStdString(m_buildingId));
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

bool InspectionHistoryModel::hasOpenInspection() const {
  return !m_rows.empty() && (m_rows.front().review == ReviewState::kDraft ||
                             m_rows.front().review == ReviewState::kReturned);
}

int InspectionHistoryModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : count();
}

QVariant InspectionHistoryModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const Inspection& i = m_rows[static_cast<std::size_t>(index.row())];
  const Language lang = m_session ? m_session->lang() : Language::kChinese;
  const auto judgment = i.effectiveJudgment();
  switch (role) {
    case Qt::DisplayRole:
    case StartedRole:
      return QDateTime::fromMSecsSinceEpoch(i.startedAt)
          .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case IdRole:
      return toQString(i.id);
    case InspectorRole:
      return toQString(i.inspector);
    case ReviewRole:
      return toQString(toCode(i.review));
    case ReviewLabelRole:
      return pick(label(i.review), lang);
    case JudgmentRole:
      return judgment ? toQString(toCode(*judgment)) : QString();
    case JudgmentLabelRole:
      return judgment ? pick(label(*judgment), lang) : QString();
    case OverriddenRole:
      return i.override.has_value();
    case FindingCountRole:
      return static_cast<int>(i.findings.size());
    case ReviewCommentRole:
      return toQString(i.reviewComment);
    default:
      return {};
  }
}

QHash<int, QByteArray> InspectionHistoryModel::roleNames() const {
  return {{IdRole, "inspectionId"},
          {StartedRole, "started"},
          {InspectorRole, "inspector"},
          {ReviewRole, "review"},
          {ReviewLabelRole, "reviewLabel"},
          {JudgmentRole, "judgment"},
          {JudgmentLabelRole, "judgmentLabel"},
          {OverriddenRole, "overridden"},
          {FindingCountRole, "findingCount"},
          {ReviewCommentRole, "reviewComment"}};
}

}  // namespace anju::app
