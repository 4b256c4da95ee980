// SyncRun: the state of one SyncClient::sync call — the token, the exchange (retries, cancel),
// the report so far — and its three steps, each in its own file: push (sync_push.cpp), photo
// upload (sync_photos.cpp) and pull (sync_pull.cpp). Each step returns an error Status to stop
// the sync, or ok (also when cancelled: the caller checks exchange().cancelled()).
#pragma once

#include <string>

#include "anju/photo_library.h"
#include "anju/store.h"
#include "anju/sync_client.h"
#include "anju/v1/sync.pb.h"
#include "sync/exchange.h"

namespace anju::sync {

class SyncRun {
 public:
  /// All borrowed for the duration of one sync.
  SyncRun(Store& store, PhotoLibrary& photos, Exchange& exchange, const SyncOptions& options,
          std::string token, const SyncProgressFn& progress)
      : m_store(store),
        m_photos(photos),
        m_exchange(exchange),
        m_options(options),
        m_token(std::move(token)),
        m_progress(progress) {}

  Status push();
  Status uploadPhotos();
  Status pull();
  /// After a complete pull: when a reconcile is pending (the server restored a backup), queues
  /// again what the server lost (Store::requeueLostChanges), then pushes the outbox (push()
  /// sends nothing while a reconcile is pending) and uploads photos.
  Status repushLost();

  SyncReport& report() { return m_report; }
  bool cancelled() const { return m_exchange.cancelled(); }

 private:
  // push
  Status pushBatch(const std::vector<OutboxEntry>& batch);
  /// `batch`: the whole batch `change` was pushed in (a later change of the same record in it
  /// may be what the server holds now).
  Status settle(const OutboxEntry& change, const v1::ChangeResult& result,
                const std::vector<OutboxEntry>& batch);
  Status settleDuplicate(const OutboxEntry& change, const v1::ChangeResult& result,
                         const std::vector<OutboxEntry>& batch);
  Status keepConflict(const OutboxEntry& change, const std::string& serverRecord,
                      HlcVersion serverVersion);
  // photos
  Status uploadPhoto(const PhotoUpload& upload);
  Result<v1::PhotoStatus> photoStatus(const std::string& sha256);

  void notify(SyncPhase phase) {
    m_report.retries = m_exchange.retries();
    if (m_progress) m_progress(phase, m_report);
  }

  Store& m_store;
  PhotoLibrary& m_photos;
  Exchange& m_exchange;
  const SyncOptions& m_options;
  std::string m_token;
  const SyncProgressFn& m_progress;
  SyncReport m_report;
  // push() stops its batch loop: the server answered epoch_changed (a reconcile has begun).
  bool m_epochChanged = false;
};

}  // namespace anju::sync
