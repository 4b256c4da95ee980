#include "returned_inspection_model.h"

#include <algorithm>

namespace anju::app {

ReturnedInspectionModel::ReturnedInspectionModel(QObject* parent) : QAbstractListModel(parent) {}

void ReturnedInspectionModel::setSession(Session* session) {
  if (session == m_session) return;
  if (m_session) disconnect(m_session, nullptr, this, nullptr);
  m_session = session;
  if (m_session) connect(m_session, &Session::storeChanged, this, &ReturnedInspectionModel::reload);
  emit sessionChanged();
  reload();
}

void ReturnedInspectionModel::reload() {
  std::vector<Row> rows;
  QString error;
  if (m_session && m_session->store()) {
    Store& store = *m_session->store();
    BuildingFilter returned;
    returned.review = ReviewState::kReturned;
    auto list = store.listBuildings(returned, kLimit);
    if (!list) {
      error = statusMessage(list.status(), m_session->lang());
    } else {
      for (const BuildingSummary& s : *list) {
        Row row{toQString(s.id), toQString(s.address),
                toQString(s.region.street) + QStringLiteral(" · ") + toQString(s.region.community),
                QString(), QString()};
        // The comment is on the inspection record; the newest returned one is the one to redo.
        if (auto history = store.inspectionsOfBuilding(s.id)) {
          const auto it = std::find_if(history->begin(), history->end(), [](const Inspection& i) {
            return i.review == ReviewState::kReturned;
          });
          if (it != history->end()) {
            row.comment = toQString(it->reviewComment);
            row.inspectionId = toQString(it->id);
          }
        } else {
          error = statusMessage(history.status(), m_session->lang());
        }
        rows.push_back(std::move(row));
      }
    }
  }
  setErrorString(error);
  if (rows == m_rows) return;
  const int before = count();
  beginResetModel();
  m_rows = std::move(rows);
  endResetModel();
  if (count() != before) emit countChanged();
}

int ReturnedInspectionModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : count();
}

QVariant ReturnedInspectionModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const Row& r = m_rows[static_cast<std::size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
    case AddressRole:
      return r.address;
    case BuildingIdRole:
      return r.buildingId;
    case SectionRole:
      return r.section;
    case CommentRole:
      return r.comment;
    case InspectionIdRole:
      return r.inspectionId;
    default:
      return {};
  }
}

QHash<int, QByteArray> ReturnedInspectionModel::roleNames() const {
  return {{BuildingIdRole, "buildingId"},
          {AddressRole, "address"},
          {SectionRole, "section"},
          {CommentRole, "comment"},
          {InspectionIdRole, "inspectionId"}};
}

void ReturnedInspectionModel::setErrorString(const QString& error) {
  if (error == m_errorString) return;
  m_errorString = error;
  emit errorStringChanged();
}

}  // namespace anju::app
