// ReturnedInspectionModel: the inspections a reviewer sent back, with the reviewer's comment —
// the strip at the top of My houses, so the inspector sees first what needs redoing.
// Rows come from Store::listBuildings filtered on the latest review state "returned" (an index
// lookup, fast at 100 000 houses), each with its returned inspection's comment. Reloads when the
// store changes (a sync pulls a return; a resubmit clears it).
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QPointer>
#include <vector>

#include "session.h"

namespace anju::app {

class ReturnedInspectionModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(anju::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
  Q_PROPERTY(int count READ count NOTIFY countChanged)
  Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

 public:
  enum Role {
    BuildingIdRole = Qt::UserRole,
    AddressRole,
    SectionRole,
    CommentRole,
    InspectionIdRole
  };
  Q_ENUM(Role)

  /// At most this many are shown; more returned houses are reachable with the status filter.
  static constexpr int kLimit = 50;

  explicit ReturnedInspectionModel(QObject* parent = nullptr);

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
    QString comment;
    QString inspectionId;
    bool operator==(const Row&) const = default;
  };
  void setErrorString(const QString& error);

  QPointer<Session> m_session;
  std::vector<Row> m_rows;
  QString m_errorString;
};

}  // namespace anju::app
