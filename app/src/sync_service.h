// SyncService: what the app needs from a sync client, as a small interface between the pages'
// SyncController and the implementation: CoreSyncService (core's libcurl SyncClient), plugged
// into the Session by main(). An implementation runs its network work off the GUI thread and
// reports back with the signals below (queued to the GUI thread).
#pragma once

#include <QObject>
#include <QString>

namespace anju::app {

class SyncService : public QObject {
  Q_OBJECT

 public:
  using QObject::QObject;
  ~SyncService() override = default;

  /// Logs in (POST /v1/auth/login); the token is kept by the implementation, never the
  /// password. Answers with signInFinished.
  virtual void signIn(const QString& serverUrl, const QString& userName,
                      const QString& password) = 0;
  virtual bool isSignedIn() const = 0;
  virtual void signOut() = 0;
  /// Pushes the outbox, uploads photos and pulls (store.h's algorithm). Answers with progress
  /// and syncFinished. At most one sync runs at a time; a second call while one runs is ignored.
  virtual void syncNow() = 0;
  virtual void cancel() = 0;

 signals:
  void signInFinished(bool ok, const QString& errorString);
  /// `done` of `total` changes and photos sent, or records received when `receiving`; total 0
  /// when not known (yet).
  void progress(int done, int total, bool receiving);
  /// Bytes so far: sent (changes + photo bytes), photo bytes to send in this sync, received.
  void transferred(qint64 sent, qint64 photoBytesTotal, qint64 received);
  void syncFinished(bool ok, const QString& errorString);
};

}  // namespace anju::app
