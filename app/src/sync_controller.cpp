#include "sync_controller.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <limits>

#include "sync_service.h"

namespace anju::app {

SyncController::SyncController(QObject* parent) : QObject(parent) {}

void SyncController::setSession(Session* session) {
  if (session == m_session) return;
  if (m_session) disconnect(m_session, nullptr, this, nullptr);
  m_session = session;
  if (m_session) {
    connect(m_session, &Session::storeChanged, this, &SyncController::refresh);
    connect(m_session, &Session::languageChanged, this, &SyncController::stateChanged);
    connectService();
  }
  emit sessionChanged();
  emit stateChanged();
  refresh();
}

void SyncController::connectService() {
  SyncService* service = m_session ? m_session->syncService() : nullptr;
  if (!service) return;
  connect(service, &SyncService::progress, this, [this](int done, int total, bool receiving) {
    m_progress = total > 0 ? std::min(1.0, static_cast<double>(done) / total) : -1;
    m_done = done;
    m_total = total;
    m_receiving = receiving;
    emit stateChanged();
  });
  connect(service, &SyncService::transferred, this, [this](qint64 sent, qint64, qint64 received) {
    m_bytesSent = sent;
    m_bytesReceived = received;
    emit stateChanged();
  });
  connect(service, &SyncService::syncFinished, this, [this](bool ok, const QString& error) {
    setBusy(false);
    if (ok && m_session && m_session->store()) {
      const QString now = QString::number(QDateTime::currentMSecsSinceEpoch());
      if (const Status st = m_session->store()->setSyncState(kLastSyncKey, toStdString(now)); !st)
        setErrorString(statusMessage(st, m_session->lang()));
    }
    setErrorString(ok ? QString() : error);
    refresh();
    emit syncFinished(ok, error);
  });
  connect(service, &SyncService::signInFinished, this, [this](bool ok, const QString& error) {
    setBusy(false);
    if (ok && m_session && m_session->store()) {
      // Remember who signed in and where, so the page can offer them next time; the password
      // is never kept.
      (void)m_session->store()->setSyncState(kServerUrlKey, toStdString(m_pendingUrl));
      (void)m_session->store()->setSyncState(kUserKey, toStdString(m_pendingUser));
      m_session->setUserName(m_pendingUser);
    }
    setErrorString(ok ? QString() : error);
    refresh();
    emit stateChanged();
    emit signInFinished(ok, error);
  });
}

bool SyncController::isAvailable() const { return m_session && m_session->syncService(); }

bool SyncController::isSignedIn() const {
  return isAvailable() && m_session->syncService()->isSignedIn();
}

QString SyncController::statusText() const {
  if (!isAvailable())
    return tr("Syncing is not set up on this tablet. Your changes are kept safely here.");
  if (m_busy) return isSignedIn() ? tr("Syncing…") : tr("Signing in…");
  if (!isSignedIn()) return tr("Sign in to sync.");
  if (m_pendingCount == 0) return tr("Everything on this tablet has been sent.");
  return tr("%n change(s) waiting to be sent.", nullptr, static_cast<int>(m_pendingCount));
}

void SyncController::refresh() {
  if (!m_session || !m_session->store()) return;
  Store& store = *m_session->store();
  QString error;
  if (auto n = store.pendingOutboxCount())
    m_pendingCount = *n;
  else
    error = statusMessage(n.status(), m_session->lang());
  if (auto c = store.openConflicts())
    m_conflictCount = static_cast<qint64>(c->size());
  else
    error = statusMessage(c.status(), m_session->lang());
  if (auto photos = store.pendingPhotoUploads(std::numeric_limits<int>::max())) {
    m_pendingPhotoCount = static_cast<qint64>(photos->size());
    m_pendingPhotoBytes = 0;
    for (const PhotoUpload& p : *photos) m_pendingPhotoBytes += p.byteSize;
  } else {
    error = statusMessage(photos.status(), m_session->lang());
  }
  m_lastSync.clear();
  if (auto last = store.syncState(kLastSyncKey); last && !last->empty()) {
    m_lastSync = QDateTime::fromMSecsSinceEpoch(toQString(*last).toLongLong())
                     .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
  }
  if (auto url = store.syncState(kServerUrlKey)) m_serverUrl = toQString(*url);
  if (auto user = store.syncState(kUserKey)) m_lastUser = toQString(*user);
  if (!error.isEmpty()) setErrorString(error);
  emit countsChanged();
  emit stateChanged();
}

QString SyncController::progressText() const {
  if (!m_busy) return {};
  const QLocale locale(m_session && m_session->lang() == Language::kEnglish ? QLocale::English
                                                                            : QLocale::Chinese);
  // Receiving: the server counts what is to come on the first page (an older server does not).
  QString records;
  if (m_receiving)
    records = m_total > 0 ? tr("%1 of %2 records received").arg(m_done).arg(m_total)
                          : tr("%n record(s) received", nullptr, m_done);
  else
    records = tr("%1 of %2 records and photos").arg(m_done).arg(m_total);
  return tr("%1 · %2 sent · %3 received")
      .arg(records, locale.formattedDataSize(m_bytesSent, 1, QLocale::DataSizeTraditionalFormat),
           locale.formattedDataSize(m_bytesReceived, 1, QLocale::DataSizeTraditionalFormat));
}

QString SyncController::pendingPhotoSize() const {
  const QLocale locale(m_session && m_session->lang() == Language::kEnglish ? QLocale::English
                                                                            : QLocale::Chinese);
  return locale.formattedDataSize(m_pendingPhotoBytes, 1, QLocale::DataSizeTraditionalFormat);
}

void SyncController::signIn(const QString& serverUrl, const QString& userName,
                            const QString& password) {
  const QString url = serverUrl.trimmed();
  const QString user = userName.trimmed();
  if (url.isEmpty() || user.isEmpty() || password.isEmpty()) {
    const QString msg = tr("Enter the server address, your user name and your password.");
    setErrorString(msg);
    emit signInFinished(false, msg);
    return;
  }
  if (!isAvailable()) {
    const QString msg =
        tr("Syncing is not set up on this tablet. You can keep inspecting; "
           "nothing is lost.");
    setErrorString(msg);
    emit signInFinished(false, msg);
    return;
  }
  m_pendingUrl = url;
  m_pendingUser = user;
  setBusy(true);
  m_session->syncService()->signIn(url, user, password);
}

void SyncController::syncNow() {
  if (!isAvailable()) {
    const QString msg = tr("Syncing is not set up on this tablet.");
    setErrorString(msg);
    emit syncFinished(false, msg);
    return;
  }
  if (m_busy) return;
  if (!isSignedIn()) {
    const QString msg = tr("Sign in first.");
    setErrorString(msg);
    emit syncFinished(false, msg);
    return;
  }
  m_progress = -1;
  m_done = m_total = 0;
  m_receiving = false;
  m_bytesSent = m_bytesReceived = 0;
  setBusy(true);
  m_session->syncService()->syncNow();
}

void SyncController::cancel() {
  if (m_busy && isAvailable()) m_session->syncService()->cancel();
}

void SyncController::signOut() {
  if (!isAvailable() || m_busy) return;
  m_session->syncService()->signOut();
  // Nobody is signed in: drafts stay and can be continued, a new inspection needs a sign-in.
  m_session->setUserName(QString());
  setErrorString({});
  refresh();
  emit stateChanged();
}

void SyncController::setErrorString(const QString& error) {
  if (error == m_errorString) return;
  m_errorString = error;
  emit errorStringChanged();
}

void SyncController::setBusy(bool busy) {
  if (busy == m_busy) return;
  m_busy = busy;
  emit stateChanged();
}

}  // namespace anju::app
