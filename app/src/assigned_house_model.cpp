#include "assigned_house_model.h"

namespace anju::app {

AssignedHouseModel::AssignedHouseModel(QObject* parent) : QAbstractListModel(parent) {}

void AssignedHouseModel::setSession(Session* session) {
  if (session == m_session) return;
  if (m_session) disconnect(m_session, nullptr, this, nullptr);
  m_session = session;
  if (m_session) connect(m_session, &Session::storeChanged, this, &AssignedHouseModel::reload);
  emit sessionChanged();
  reload();
}

void AssignedHouseModel::reload() {
  std::vector<Row> rows;
  QString error;
  if (m_session && m_session->store()) {
    auto list = m_session->store()->assignedHouses(kLimit);
    if (!list) {
      error = statusMessage(list.status(), m_session->lang());
    } else {
      for (const AssignedHouse& a : *list) {
        const BuildingSummary& s = a.summary;
        const bool handedIn =
            s.review == ReviewState::kSubmitted || s.review == ReviewState::kApproved;
        rows.push_back(
            {toQString(s.id), toQString(s.address),
             toQString(s.region.street) + QStringLiteral(" · ") + toQString(s.region.community),
             toQString(a.dueDate), handedIn});
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

int AssignedHouseModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : count();
}

QVariant AssignedHouseModel::data(const QModelIndex& index, int role) const {
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
    case DueDateRole:
      return r.dueDate;
    case InspectedRole:
      return r.inspected;
    default:
      return {};
  }
}

QHash<int, QByteArray> AssignedHouseModel::roleNames() const {
  return {{BuildingIdRole, "buildingId"},
          {AddressRole, "address"},
          {SectionRole, "section"},
          {DueDateRole, "dueDate"},
          {InspectedRole, "inspected"}};
}

void AssignedHouseModel::setErrorString(const QString& error) {
  if (error == m_errorString) return;
  m_errorString = error;
  emit errorStringChanged();
}

}  // namespace anju::app
