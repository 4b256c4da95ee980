#include "core_sync_service.h"

#include <optional>
#include <string>

#include "anju/curl_transport.h"
#include "anju/photo_library.h"
#include "anju/store.h"
#include "anju/sync_client.h"
#include "anju/uuid.h"
#include "session.h"
#include "sync_controller.h"

namespace anju::app {
namespace {
// App sync state: this tablet's stable id, sent with login and push (the server's audit trail).
constexpr std::string_view kDeviceIdKey = "app.device_id";
}  // namespace

// Everything the worker thread uses. Declared so that the client goes before what it borrows.
struct CoreSyncService::Worker {
  Status setup = Status::ok();  // why the worker cannot work, when it cannot
  std::unique_ptr<Store> store;
  std::optional<PhotoLibrary> photos;
  std::string deviceId;
  std::string baseUrl;               // of `transport`
  Locale locale = Locale::kChinese;  // of `client`: the words it keeps (rejection reasons)
  std::unique_ptr<CurlTransport> transport;
  std::unique_ptr<SyncClient> client;

  /// The client talking to `url` (the stored server address when empty), in `wanted` language.
  Result<SyncClient*> clientFor(std::string url, Locale wanted) {
    if (!setup) return setup;
    if (url.empty()) {
      Result<std::string> stored = store->syncState(SyncController::kServerUrlKey);
      if (!stored) return stored.status();
      url = *stored;
    }
    if (url.empty()) return Status::unauthenticated(msg("sync.sign_first"));
    if (!client || url != baseUrl || wanted != locale) {
      client.reset();
      transport.reset();
      CurlOptions curl;
      curl.baseUrl = url;
      Result<std::unique_ptr<CurlTransport>> created = CurlTransport::create(curl);
      if (!created) return created.status();
      transport = std::move(*created);
      baseUrl = url;
      locale = wanted;
      SyncOptions options;
      options.deviceId = deviceId;
      options.locale = wanted;
      client = std::make_unique<SyncClient>(*store, *photos, *transport, options);
    }
    return client.get();
  }
};

CoreSyncService::CoreSyncService(Session& session, QObject* parent)
    : SyncService(parent), m_session(session), m_worker(std::make_unique<Worker>()) {
  m_pool.setMaxThreadCount(1);
  Worker& w = *m_worker;
  StoreOptions options;
  options.deviceId = "tablet";
  Result<std::unique_ptr<Store>> store = Store::open(toStdString(session.databasePath()), options);
  if (!store) {
    w.setup = store.status();
    return;
  }
  w.store = std::move(*store);
  Result<PhotoLibrary> photos = PhotoLibrary::open(toStdString(session.photoDirectory()));
  if (!photos) {
    w.setup = photos.status();
    return;
  }
  w.photos.emplace(std::move(*photos));
  Result<std::string> device = w.store->syncState(kDeviceIdKey);
  if (!device) {
    w.setup = device.status();
    return;
  }
  w.deviceId = *device;
  if (w.deviceId.empty()) {
    w.deviceId = "tablet-" + newUuid();
    if (Status s = w.store->setSyncState(kDeviceIdKey, w.deviceId); !s) {
      w.setup = s;
      return;
    }
  }
  // Still signed in from an earlier run: a cached token and the server it is for.
  Result<std::string> token = w.store->syncState(kSyncAuthToken);
  Result<std::string> url = w.store->syncState(SyncController::kServerUrlKey);
  m_signedIn = token && !token->empty() && url && !url->empty();
}

CoreSyncService::~CoreSyncService() {
  m_cancel = true;
  m_pool.waitForDone();
}

void CoreSyncService::post(std::function<void()> work) { m_pool.start(std::move(work)); }

QString CoreSyncService::message(const Status& status) const {
  return statusMessage(status, m_session.lang());
}

void CoreSyncService::signIn(const QString& serverUrl, const QString& userName,
                             const QString& password) {
  if (m_running) {
    emit signInFinished(false, tr("Please wait until the sync or sign-in under way has finished."));
    return;
  }
  m_running = true;
  m_cancel = false;
  post([this, url = toStdString(serverUrl), user = toStdString(userName),
        password = toStdString(password), locale = toLocale(m_session.lang())] {
    Status status = Status::ok();
    Result<SyncClient*> client = m_worker->clientFor(url, locale);
    if (!client) {
      status = client.status();
    } else if (Result<anju::Session> signedIn = (*client)->login(user, password, &m_cancel);
               !signedIn) {
      status = signedIn.status();
    } else {
      status = m_worker->store->setSyncState(SyncController::kServerUrlKey, url);
    }
    QMetaObject::invokeMethod(
        this,
        [this, status] {
          m_running = false;
          if (status) m_signedIn = true;
          emit signInFinished(status.isOk(), status ? QString() : message(status));
        },
        Qt::QueuedConnection);
  });
}

void CoreSyncService::signOut() {
  m_signedIn = false;
  post([this, locale = toLocale(m_session.lang())] {
    // Forgetting the token is local (no request); a store error here leaves the token, which
    // the server still judges, so there is nothing better to do than to try again next time.
    if (Result<SyncClient*> client = m_worker->clientFor({}, locale); client)
      (void)(*client)->logout();
  });
}

void CoreSyncService::syncNow() {
  if (m_running) return;
  m_running = true;
  m_cancel = false;
  post([this, locale = toLocale(m_session.lang())] {
    Result<SyncClient*> client = m_worker->clientFor({}, locale);
    Result<SyncReport> report = Status::internal("no sync ran");
    if (!client) {
      report = client.status();
    } else {
      report = (*client)->sync(
          [this](SyncPhase phase, const SyncReport& soFar) {
            // Emitted from the worker thread: queued to the GUI thread's receivers.
            emit transferred(soFar.bytesPushed + soFar.photoBytesSent, soFar.photoBytesToUpload,
                             soFar.bytesPulled);
            if (phase == SyncPhase::kPull)
              emit progress(soFar.recordsPulled(), static_cast<int>(soFar.pullExpected), true);
            else
              emit progress(soFar.changesPushed() + soFar.photosUploaded,
                            static_cast<int>(soFar.changesToPush) + soFar.photosToUpload, false);
          },
          &m_cancel);
    }
    QMetaObject::invokeMethod(
        this,
        [this, report = std::move(report)] {
          m_running = false;
          if (!report) {
            if (report.status().code() == StatusCode::kUnauthenticated) m_signedIn = false;
            emit syncFinished(false, message(report.status()));
            return;
          }
          if (report->cancelled) {
            emit syncFinished(false,
                              tr("Sync stopped. What was sent or received so far is kept; the "
                                 "next sync carries on from there."));
            return;
          }
          if (!report->photoProblems.empty()) {
            QStringList problems;
            for (const Message& p : report->photoProblems)
              problems << messageText(p, m_session.lang());
            emit syncFinished(false, tr("%n photo(s) could not be sent and stay queued: %1",
                                        nullptr, static_cast<int>(problems.size()))
                                         .arg(problems.join(QStringLiteral("; "))));
            return;
          }
          emit syncFinished(true, QString());
        },
        Qt::QueuedConnection);
  });
}

void CoreSyncService::cancel() { m_cancel = true; }

}  // namespace anju::app
