#include "building_history_model.h"

namespace anju::app {

void BuildingHistoryModel::setSession(Session* session) {
  if (session == m_session) return;
  if (m_session) disconnect(m_session, nullptr, this, nullptr);
  m_session = session;
  if (m_session) {
    connect(m_session, &Session::storeChanged, this, &BuildingHistoryModel::reload);
    connect(m_session, &Session::languageChanged, this, &BuildingHistoryModel::reload);
  }
  emit sessionChanged();
  reload();
}

void BuildingHistoryModel::setBuildingId(const QString& id) {
  if (id == m_buildingId) return;
  m_buildingId = id;
  emit buildingIdChanged();
  reload();
}

void BuildingHistoryModel::reload() {
  beginResetModel();
  clearRows();
  QString error;
  if (m_session && m_session->store() && !m_buildingId.isEmpty()) {
    if (Status s = loadRows(*m_session->store(), toStdString(m_buildingId)); !s) {
      clearRows();
      error = statusMessage(s, m_session->lang());
    }
  }
  endResetModel();
  emit countChanged();
  if (error != m_errorString) {
    m_errorString = error;
    emit errorStringChanged();
  }
}

int BuildingHistoryModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : count();
}

}  // namespace anju::app
