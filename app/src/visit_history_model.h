// VisitHistoryModel: every visit (走访) of one building, newest first (Store::visitsOfBuilding),
// for the house page's visit history.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QPointer>
#include <vector>

#include "anju/model.h"
#include "session.h"

namespace anju::app {

class VisitHistoryModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(anju::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
  Q_PROPERTY(QString buildingId READ buildingId WRITE setBuildingId NOTIFY buildingIdChanged)
  Q_PROPERTY(int count READ count NOTIFY countChanged)
  Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

 public:
  enum Role {
    IdRole = Qt::UserRole,
    VisitedAtRole,  // "yyyy-MM-dd HH:mm", local time
    OutcomeRole,    // VisitOutcome code
    OutcomeLabelRole,
    InspectorRole,
    NoteRole,
    HasLocationRole,  // bool: a GPS fix was recorded
  };
  Q_ENUM(Role)

  explicit VisitHistoryModel(QObject* parent = nullptr);

  Session* session() const { return m_session; }
  void setSession(Session* session);
  QString buildingId() const { return m_buildingId; }
  void setBuildingId(const QString& id);
  int count() const { return static_cast<int>(m_rows.size()); }
  QString errorString() const { return m_errorString; }

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  Q_INVOKABLE void reload();

 signals:
  void sessionChanged();
  void buildingIdChanged();
  void countChanged();
  void errorStringChanged();

 private:
  QPointer<Session> m_session;
  QString m_buildingId;
  std::vector<Visit> m_rows;
  QString m_errorString;
};

}  // namespace anju::app
