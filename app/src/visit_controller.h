// VisitController: the house page's "记录走访" action. Records one visit (走访) of the house with
// one of the four outcomes, the time, the tablet's last GPS fix (when there is one) and an
// optional note, through Store::putVisit (one transaction with its outbox row, so it syncs like
// any record). Also says whether the house is due for a revisit and when (core's visits.h rule,
// interval from revisit_settings.h).
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QPointer>
#include <QVariantList>

#include "anju/visits.h"
#include "session.h"

namespace anju::app {

class PositionStamp;

class VisitController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(anju::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
  Q_PROPERTY(QString buildingId READ buildingId WRITE setBuildingId NOTIFY buildingIdChanged)
  /// [{code, label}] of the four outcomes, in the UI language.
  Q_PROPERTY(QVariantList outcomeOptions READ outcomeOptions NOTIFY sessionChanged)
  /// Latest visit: its outcome code and label ("" when never visited) and how many visits.
  Q_PROPERTY(QString lastOutcome READ lastOutcome NOTIFY stateChanged)
  Q_PROPERTY(QString lastOutcomeLabel READ lastOutcomeLabel NOTIFY stateChanged)
  Q_PROPERTY(int visitCount READ visitCount NOTIFY stateChanged)
  /// "yyyy-MM-dd" when the latest visit did not reach the house, else "".
  Q_PROPERTY(QString revisitDue READ revisitDue NOTIFY stateChanged)
  /// The due date is today or past.
  Q_PROPERTY(bool revisitOverdue READ revisitOverdue NOTIFY stateChanged)
  Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

 public:
  explicit VisitController(QObject* parent = nullptr);

  Session* session() const { return m_session; }
  void setSession(Session* session);
  QString buildingId() const { return m_buildingId; }
  void setBuildingId(const QString& id);
  QVariantList outcomeOptions() const;
  QString lastOutcome() const;
  QString lastOutcomeLabel() const;
  int visitCount() const { return m_visitCount; }
  QString revisitDue() const;
  bool revisitOverdue() const;
  QString errorString() const { return m_errorString; }

  /// Records a visit now with `outcome` (a VisitOutcome code) and `note` (may be empty). Emits
  /// recorded(ok, errorString); on failure nothing is written and errorString says why.
  Q_INVOKABLE bool record(const QString& outcome, const QString& note);

 signals:
  void sessionChanged();
  void buildingIdChanged();
  void stateChanged();
  void errorStringChanged();
  void recorded(bool ok, const QString& errorString);

 private:
  void reload();
  void setErrorString(const QString& error);

  QPointer<Session> m_session;
  QString m_buildingId;
  std::optional<Visit> m_last;
  int m_visitCount = 0;
  RevisitRule m_rule;
  PositionStamp* m_positions;  // child
  QString m_errorString;
};

}  // namespace anju::app
