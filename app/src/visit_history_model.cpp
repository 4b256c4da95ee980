#include "visit_history_model.h"

#include <QDateTime>

#include "anju/enum_codes.h"

namespace anju::app {

VisitHistoryModel::VisitHistoryModel(QObject* parent) : BuildingHistoryModel(parent) {}

Status VisitHistoryModel::loadRows(Store& store, const std::string& buildingId) {
  auto list = store.visitsOfBuilding(buildingId);
  if (!list) return list.status();
  m_rows = std::move(*list);
  return Status::ok();
}

QVariant VisitHistoryModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const Visit& v = m_rows[static_cast<std::size_t>(index.row())];
  const Language lang = this->lang();
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
