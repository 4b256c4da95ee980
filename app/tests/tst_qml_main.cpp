// Qt Quick Test runner: a Session over a temporary database filled with the demo district is the
// `Session` singleton the pages use; the tests in qml/tst_*.qml drive real pages.
#include <QtQml/qqmlextensionplugin.h>

#include <QDir>
#include <QImage>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQuickTest>
#include <memory>

#include "demo_seed.h"
#include "session.h"

Q_IMPORT_QML_PLUGIN(AnjuPlugin)

class Setup : public QObject {
  Q_OBJECT

 public slots:
  void applicationAvailable() {
    QQuickStyle::setStyle(QStringLiteral("Material"));
    m_session = std::make_unique<anju::app::Session>(nullptr);
    anju::app::Session::setInstance(m_session.get());
    if (!m_dir.isValid() || !m_session->open(m_dir.filePath(QStringLiteral("qml-test.db"))))
      qFatal("cannot open the test database");
    m_session->setUserName(QStringLiteral("tester"));
    QString error;
    if (!anju::app::seedDemoData(*m_session, error)) qFatal("demo data: %s", qPrintable(error));
    // A picture taken earlier, for the file picker of the camera page.
    QDir(m_dir.path()).mkpath(QStringLiteral("pictures"));
    QImage picture(640, 480, QImage::Format_RGB32);
    picture.fill(QColor("#8d6e63"));
    if (!picture.save(m_dir.filePath(QStringLiteral("pictures/wall-crack.jpg")), "JPEG"))
      qFatal("cannot write the test picture");
  }
  void qmlEngineAvailable(QQmlEngine* engine) {
    engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine->rootContext()->setContextProperty(
        QStringLiteral("testPictureFolder"),
        QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("pictures"))));
  }
  void cleanupTestCase() {
    anju::app::Session::setInstance(nullptr);
    m_session.reset();
  }

 private:
  QTemporaryDir m_dir;
  std::unique_ptr<anju::app::Session> m_session;
};

QUICK_TEST_MAIN_WITH_SETUP(anju_app_qml, Setup)
#include "tst_qml_main.moc"
