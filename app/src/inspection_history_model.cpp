#include "inspection_history_model.h"

#include <QDateTime>

#include "anju/enum_codes.h"

namespace anju::app {

InspectionHistoryModel::InspectionHistoryModel(QObject* parent) : BuildingHistoryModel(parent) {}

Status InspectionHistoryModel::loadRows(Store& store, const std::string& buildingId) {
  auto list = store.inspectionsOfBuilding(buildingId);
  if (!list) return list.status();
  m_rows = std::move(*list);
  return Status::ok();
}

bool InspectionHistoryModel::hasOpenInspection() const {
  return !m_rows.empty() && (m_rows.front().review == ReviewState::kDraft ||
                             m_rows.front().review == ReviewState::kReturned);
}

QVariant InspectionHistoryModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const Inspection& i = m_rows[static_cast<std::size_t>(index.row())];
  const Language lang = this->lang();
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
