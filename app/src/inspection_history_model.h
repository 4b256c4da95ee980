// InspectionHistoryModel: the inspections of one building, newest first
// (Store::inspectionsOfBuilding), for the house page.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QPointer>
#include <vector>

#include "anju/model.h"
#include "session.h"

namespace anju::app {

class InspectionHistoryModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(anju::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
  Q_PROPERTY(QString buildingId READ buildingId WRITE setBuildingId NOTIFY buildingIdChanged)
  Q_PROPERTY(int count READ count NOTIFY countChanged)
  /// Whether the newest inspection is still the inspector's to edit (draft or returned).
  Q_PROPERTY(bool hasOpenInspection READ hasOpenInspection NOTIFY countChanged)
  Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

 public:
  enum Role {
    IdRole = Qt::UserRole,
    StartedRole,  // "yyyy-MM-dd HH:mm"
    InspectorRole,
    ReviewRole,  // review state code
    ReviewLabelRole,
    JudgmentRole,  // effective judgment code or ""
    JudgmentLabelRole,
    OverriddenRole,  // bool
    FindingCountRole,
    ReviewCommentRole,
  };
  Q_ENUM(Role)

  explicit InspectionHistoryModel(QObject* parent = nullptr);

  Session* session() const { return m_session; }
  void setSession(Session* session);
  QString buildingId() const { return m_buildingId; }
  void setBuildingId(const QString& id);
  int count() const { return static_cast<int>(m_rows.size()); }
  bool hasOpenInspection() const;
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
  std::vector<Inspection> m_rows;
  QString m_errorString;
};

}  // namespace anju::app
