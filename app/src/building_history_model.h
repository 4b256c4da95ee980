// BuildingHistoryModel: the shared half of the house page's history lists (inspections, visits):
// one building's rows, reloaded when the building, the store or the language changes, with the
// load error shown instead of an empty list. A subclass says which rows and how they read.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QPointer>
#include <string>

#include "anju/status.h"
#include "anju/store.h"
#include "session.h"

namespace anju::app {

class BuildingHistoryModel : public QAbstractListModel {
  Q_OBJECT
  QML_ANONYMOUS  // known to QML for its properties; only the subclasses are created
  Q_PROPERTY(anju::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
      Q_PROPERTY(QString buildingId READ buildingId WRITE setBuildingId NOTIFY buildingIdChanged)
          Q_PROPERTY(int count READ count NOTIFY countChanged)
              Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

                  public : Session* session() const {
    return m_session;
  }
  void setSession(Session* session);
  QString buildingId() const { return m_buildingId; }
  void setBuildingId(const QString& id);
  int count() const { return loadedCount(); }
  QString errorString() const { return m_errorString; }

  int rowCount(const QModelIndex& parent = {}) const override;

  Q_INVOKABLE void reload();

 signals:
  void sessionChanged();
  void buildingIdChanged();
  void countChanged();
  void errorStringChanged();

 protected:
  explicit BuildingHistoryModel(QObject* parent) : QAbstractListModel(parent) {}

  /// Replaces the rows with those of `buildingId`; on an error leaves none and says why.
  virtual Status loadRows(Store& store, const std::string& buildingId) = 0;
  virtual void clearRows() = 0;
  virtual int loadedCount() const = 0;
  /// The language rows are labelled in (Chinese before a session is set).
  Language lang() const { return m_session ? m_session->lang() : Language::kChinese; }

 private:
  QPointer<Session> m_session;
  QString m_buildingId;
  QString m_errorString;
};

}  // namespace anju::app
