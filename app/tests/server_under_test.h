// The real `anju-server` for the app's end-to-end tests: admin commands run to completion, and
// `serve` on 127.0.0.1 with an ephemeral port, stopped with SIGTERM when the object goes away.
// ANJU_SERVER_EXE is the built server (a compile definition of the test).
#pragma once

#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <string>

#include "anju/curl_transport.h"
#include "localized.h"

namespace anju::app::testing {

inline constexpr int kServerCommandTimeoutMs = 60000;

/// Runs one `anju-server` admin command to completion; its stdout, or "" on a failure.
inline QString runServerCommand(const QStringList& args) {
  QProcess process;
  process.start(QStringLiteral(ANJU_SERVER_EXE), args);
  if (!process.waitForFinished(kServerCommandTimeoutMs) ||
      process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
    process.kill();
    process.waitForFinished();
    qWarning("anju-server %s failed: %s", qPrintable(args.join(u' ')),
             process.readAllStandardError().constData());
    return {};
  }
  return QString::fromUtf8(process.readAllStandardOutput());
}

/// `anju-server serve` on 127.0.0.1 with an ephemeral port; stopped with SIGTERM when destroyed.
class ServerUnderTest {
 public:
  bool start(const QString& dataDir) {
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setStandardErrorFile(dataDir + QStringLiteral("/server.log"));
    m_process.start(
        QStringLiteral(ANJU_SERVER_EXE),
        {QStringLiteral("serve"), QStringLiteral("--data"), dataDir, QStringLiteral("--listen"),
         QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0")});
    if (!m_process.waitForStarted(kServerCommandTimeoutMs)) return false;
    // The first stdout line is "listening on 127.0.0.1:PORT".
    QElapsedTimer timer;
    timer.start();
    while (!m_process.canReadLine()) {
      if (timer.elapsed() > kServerCommandTimeoutMs || m_process.state() != QProcess::Running)
        return false;
      m_process.waitForReadyRead(1000);
    }
    const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
    if (!line.startsWith(QStringLiteral("listening on "))) return false;
    m_port = line.section(u':', -1).toInt();
    return m_port > 0;
  }
  ~ServerUnderTest() {
    if (m_process.state() == QProcess::NotRunning) return;
    m_process.terminate();
    if (!m_process.waitForFinished(20000)) {
      m_process.kill();
      m_process.waitForFinished();
    }
  }
  QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

  /// GET `target` with the bearer `token`; the body on 200, else "" (and a warning).
  std::string get(const std::string& token, const std::string& target) const {
    anju::CurlOptions options;
    options.baseUrl = toStdString(url());
    auto transport = anju::CurlTransport::create(options);
    if (!transport) return {};
    anju::HttpRequest request;
    request.method = "GET";
    request.target = target;
    request.headers.emplace_back("Authorization", "Bearer " + token);
    auto response = (*transport)->send(request, nullptr);
    if (!response || response->status != 200) {
      qWarning("GET %s failed: %d %s", target.c_str(), response ? response->status : 0,
               response ? response->body.c_str() : response.status().message().c_str());
      return {};
    }
    return response->body;
  }

 private:
  QProcess m_process;
  int m_port = 0;
};

}  // namespace anju::app::testing
