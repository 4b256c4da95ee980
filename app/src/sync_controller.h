// SyncController: the sign-in and sync pages' view model. Shows what the store knows (pending
// changes in the outbox, open conflicts, when the last successful sync finished) and drives the
// session's SyncService (CoreSyncService in the app). A sign-in makes the signed-in user the
// inspector (Session::userName). Errors are the sync client's, in the UI language; nothing
// reports a sync that did not happen.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QPointer>

#include "session.h"

namespace anju::app {

class SyncController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(anju::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
  /// Whether a SyncService is plugged in (always in the app; tests may run without).
  Q_PROPERTY(bool available READ isAvailable NOTIFY stateChanged)
  Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY stateChanged)
  Q_PROPERTY(bool busy READ isBusy NOTIFY stateChanged)
  /// 0..1; -1 while the total is not known (indeterminate bar).
  Q_PROPERTY(double progress READ progress NOTIFY stateChanged)
  Q_PROPERTY(qint64 pendingCount READ pendingCount NOTIFY countsChanged)
  Q_PROPERTY(qint64 conflictCount READ conflictCount NOTIFY countsChanged)
  /// Photos whose bytes are still to upload, and their size ("3.2 MB", in the UI language).
  Q_PROPERTY(qint64 pendingPhotoCount READ pendingPhotoCount NOTIFY countsChanged)
  Q_PROPERTY(QString pendingPhotoSize READ pendingPhotoSize NOTIFY countsChanged)
  /// "yyyy-MM-dd HH:mm" of the last successful sync, "" when never.
  Q_PROPERTY(QString lastSync READ lastSync NOTIFY countsChanged)
  Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY countsChanged)
  Q_PROPERTY(QString lastUser READ lastUser NOTIFY countsChanged)
  Q_PROPERTY(QString statusText READ statusText NOTIFY stateChanged)
  /// While syncing: "12 of 40 records and photos · 1.2 MB sent · 0.3 MB received".
  Q_PROPERTY(QString progressText READ progressText NOTIFY stateChanged)
  Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

 public:
  /// syncState keys the app keeps in the store (not part of the sync protocol).
  static constexpr const char* kLastSyncKey = "app.last_sync_at";
  static constexpr const char* kServerUrlKey = "app.server_url";
  static constexpr const char* kUserKey = "app.user";

  explicit SyncController(QObject* parent = nullptr);

  Session* session() const { return m_session; }
  void setSession(Session* session);
  bool isAvailable() const;
  bool isSignedIn() const;
  bool isBusy() const { return m_busy; }
  double progress() const { return m_progress; }
  qint64 pendingCount() const { return m_pendingCount; }
  qint64 conflictCount() const { return m_conflictCount; }
  qint64 pendingPhotoCount() const { return m_pendingPhotoCount; }
  QString pendingPhotoSize() const;
  QString lastSync() const { return m_lastSync; }
  QString serverUrl() const { return m_serverUrl; }
  QString lastUser() const { return m_lastUser; }
  QString statusText() const;
  QString progressText() const;
  QString errorString() const { return m_errorString; }

  /// Re-reads counts and times from the store.
  Q_INVOKABLE void refresh();
  /// Emits signInFinished(ok, errorString). The password is passed on, never stored.
  Q_INVOKABLE void signIn(const QString& serverUrl, const QString& userName,
                          const QString& password);
  /// Emits syncFinished(ok, errorString).
  Q_INVOKABLE void syncNow();
  /// Stops a sign-in or sync under way; what was done so far is kept.
  Q_INVOKABLE void cancel();
  /// Signs out (core's SyncClient::logout policy): the token and the cached identity are
  /// forgotten; every record, draft, photo and unsent change stays on the tablet and is sent after
  /// the next sign-in. The server address and user name stay to prefill the sign-in page.
  Q_INVOKABLE void signOut();

 signals:
  void sessionChanged();
  void stateChanged();
  void countsChanged();
  void errorStringChanged();
  void signInFinished(bool ok, const QString& errorString);
  void syncFinished(bool ok, const QString& errorString);

 private:
  void connectService();
  void setErrorString(const QString& error);
  void setBusy(bool busy);

  QPointer<Session> m_session;
  bool m_busy = false;
  double m_progress = 0;
  qint64 m_pendingCount = 0;
  qint64 m_conflictCount = 0;
  qint64 m_pendingPhotoCount = 0;
  qint64 m_pendingPhotoBytes = 0;
  int m_done = 0;
  int m_total = 0;
  bool m_receiving = false;  // the numbers count records received, not changes sent
  qint64 m_bytesSent = 0;
  qint64 m_bytesReceived = 0;
  QString m_lastSync;
  QString m_serverUrl;
  QString m_lastUser;
  QString m_pendingUser;
  QString m_pendingUrl;
  QString m_errorString;
};

}  // namespace anju::app
