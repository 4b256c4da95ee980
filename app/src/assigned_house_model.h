// AssignedHouseModel: the houses a reviewer dispatched to the signed-in inspector (分派给我),
// earliest due date first, with the due date — the strip at the top of My houses, before the
// rest of the list. Rows come from Store::assignedHouses (the assignments the last sync sent,
// joined with the houses the tablet holds). Reloads when the store changes (a sync).
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QPointer>
#include <vector>

#include "session.h"

namespace anju::app {

class AssignedHouseModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(anju::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
  Q_PROPERTY(int count READ count NOTIFY countChanged)
  Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

 public:
  enum Role { BuildingIdRole = Qt::UserRole, AddressRole, SectionRole, DueDateRole, InspectedRole };
  Q_ENUM(Role)

  /// At most this many are shown (a campaign gives an inspector a few hundred at most).
  static constexpr int kLimit = 500;

  explicit AssignedHouseModel(QObject* parent = nullptr);

  Session* session() const { return m_session; }
  void setSession(Session* session);
  int count() const { return static_cast<int>(m_rows.size()); }
  QString errorString() const { return m_errorString; }

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  Q_INVOKABLE void reload();

 signals:
  void sessionChanged();
  void countChanged();
  void errorStringChanged();

 private:
  struct Row {
    QString buildingId;
    QString address;
    QString section;
    QString dueDate;
    bool inspected = false;  // the latest inspection is handed in (submitted or approved)
    bool operator==(const Row&) const = default;
  };
  void setErrorString(const QString& error);

  QPointer<Session> m_session;
  std::vector<Row> m_rows;
  QString m_errorString;
};

}  // namespace anju::app
