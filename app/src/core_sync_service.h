// CoreSyncService: the SyncService of the app, core's libcurl SyncClient (docs/protocol.md,
// "Client algorithm") over the session's database file.
//
// Threads: the network work runs on one worker thread (a QThreadPool of one thread, so sign-ins
// and syncs run one after another, never at once). The worker has its own connection to the
// database file (Store::open on the same path; SQLite WAL lets the GUI thread's connection keep
// reading and writing meanwhile, a write waiting for the other's lock up to the busy timeout), its
// own PhotoLibrary over the same folder, and its own CurlTransport. Nothing the GUI thread uses is
// touched by the worker. Results come back to the GUI thread as queued calls, which update the
// state and emit the SyncService signals there.
//
// The sign-in is cached by the SyncClient in the store (sync_client.h, "Cached credentials"); the
// server address in the app's sync state (SyncController::kServerUrlKey). So a restarted app is
// still signed in until the server says the token expired (401: sign in again).
#pragma once

#include <QString>
#include <QThreadPool>
#include <atomic>
#include <memory>

#include "anju/status.h"
#include "sync_service.h"

namespace anju::app {

class Session;

class CoreSyncService final : public SyncService {
  Q_OBJECT

 public:
  /// Opens the worker's connection to `session`'s database (which must be open). A failure to do
  /// so is kept and reported by signIn and syncNow, in plain words.
  explicit CoreSyncService(Session& session, QObject* parent = nullptr);
  /// Cancels what runs and waits for it (at most a transfer's cancel latency).
  ~CoreSyncService() override;

  void signIn(const QString& serverUrl, const QString& userName, const QString& password) override;
  bool isSignedIn() const override { return m_signedIn; }
  void signOut() override;
  void syncNow() override;
  void cancel() override;

 private:
  struct Worker;

  /// Runs `work` on the worker thread.
  void post(std::function<void()> work);
  QString message(const Status& status) const;

  Session& m_session;
  std::unique_ptr<Worker> m_worker;  // used only on the worker thread after construction
  QThreadPool m_pool;
  std::atomic<bool> m_cancel = false;
  bool m_signedIn = false;
  bool m_running = false;  // a sign-in or sync is under way
};

}  // namespace anju::app
