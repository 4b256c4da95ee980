// Issue 10, blocker 1: every QML file of the app is instantiated (not just parsed) on this
// machine, and every dialog in it is opened, so a QML module missing from the installation fails
// here instead of killing the app in the field. A file picker's QML (Qt 6.4's non-native
// FileDialog) is only loaded when the dialog opens and imports Qt.labs.folderlistmodel, which
// scripts/install-deps.sh did not install: creating CameraPage worked, tapping 从文件选择 crashed.
// scripts/check-qml-deps.py checks the same imports against install-deps.sh statically.
#include <QtQml/qqmlextensionplugin.h>

#include <QDir>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "demo_seed.h"
#include "session.h"

Q_IMPORT_QML_PLUGIN(AnjuPlugin)

using namespace anju::app;

namespace {

QStringList s_problems;  // messages that mean a module or a QML file could not be loaded

void collectProblems(QtMsgType type, const QMessageLogContext&, const QString& message) {
  static const QStringList kSigns = {QStringLiteral("is not installed"),
                                     QStringLiteral("Failed to load"), QStringLiteral("module \""),
                                     QStringLiteral("not a type")};
  if (type != QtDebugMsg && type != QtInfoMsg)
    for (const QString& sign : kSigns)
      if (message.contains(sign)) s_problems.append(message);
  fprintf(stderr, "%s\n", qPrintable(message));
}

/// A value for each `required property <type> <name>` of a QML file, so it can be created alone.
QVariantMap requiredProperties(const QString& source) {
  QVariantMap out;
  static const QRegularExpression re(QStringLiteral(R"(^\s{4}required property (\w+) (\w+))"),
                                     QRegularExpression::MultilineOption);
  for (auto it = re.globalMatch(source); it.hasNext();) {
    const auto m = it.next();
    const QString type = m.captured(1);
    QVariant value;
    if (type == QStringLiteral("int") || type == QStringLiteral("real"))
      value = 0;
    else if (type == QStringLiteral("bool"))
      value = false;
    else if (type == QStringLiteral("string"))
      value = QString();
    else
      value = QVariantList();
    out.insert(m.captured(2), value);
  }
  return out;
}

bool isDialog(const QObject* o) {
  for (const QMetaObject* m = o->metaObject(); m; m = m->superClass())
    if (qstrcmp(m->className(), "QQuickAbstractDialog") == 0) return true;
  return false;
}

void collectDialogs(QObject* o, QList<QObject*>& out) {
  if (isDialog(o)) out.append(o);
  for (QObject* child : o->children()) collectDialogs(child, out);
  if (auto* item = qobject_cast<QQuickItem*>(o))
    for (QQuickItem* child : item->childItems())
      if (child->parent() != o) collectDialogs(child, out);
}

}  // namespace

class QmlModulesTest : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  std::unique_ptr<Session> m_session;

 private slots:
  void initTestCase() {
    QQuickStyle::setStyle(QStringLiteral("Material"));
    m_session = std::make_unique<Session>(nullptr);
    Session::setInstance(m_session.get());
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_session->open(m_dir.filePath(QStringLiteral("modules.db"))),
             qPrintable(m_session->errorString()));
    m_session->setUserName(QStringLiteral("tester"));
    QString error;
    QVERIFY2(seedDemoData(*m_session, error), qPrintable(error));
    qInstallMessageHandler(collectProblems);
  }

  void cleanupTestCase() {
    qInstallMessageHandler(nullptr);
    Session::setInstance(nullptr);
    m_session.reset();
  }

  void everyQmlFileIsCreatedAndEveryDialogOpens_data() {
    QTest::addColumn<QString>("name");
    const QStringList files =
        QDir(QStringLiteral(":/qt/qml/Anju")).entryList({QStringLiteral("*.qml")}, QDir::Files);
    QVERIFY(files.size() >= 18);
    for (const QString& f : files) QTest::newRow(qPrintable(f)) << f;
  }

  void everyQmlFileIsCreatedAndEveryDialogOpens() {
    QFETCH(QString, name);
    s_problems.clear();
    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QFile file(QStringLiteral(":/qt/qml/Anju/") + name);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString source = QString::fromUtf8(file.readAll());
    // Pages live in the app's window; a dialog opens over a window. Declared before the object,
    // so the object goes first.
    QQuickWindow window;
    window.resize(1280, 800);
    std::unique_ptr<QObject> object;
    if (source.contains(QStringLiteral("pragma Singleton"))) {
      // A singleton is created by being used.
      QQmlComponent user(&engine);
      user.setData(QStringLiteral("import QtQml\nimport Anju\nQtObject { property var s: %1 }")
                       .arg(name.chopped(4))
                       .toUtf8(),
                   QUrl(QStringLiteral("qrc:/singleton_user.qml")));
      object.reset(user.create());
      QVERIFY2(object, qPrintable(user.errorString()));
      QVERIFY(object->property("s").value<QObject*>() != nullptr);
    } else {
      QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/qt/qml/Anju/") + name));
      QVERIFY2(!component.isError(), qPrintable(component.errorString()));
      object.reset(component.createWithInitialProperties(requiredProperties(source)));
      QVERIFY2(object, qPrintable(component.errorString()));
    }
    if (auto* item = qobject_cast<QQuickItem*>(object.get())) {
      item->setParentItem(window.contentItem());
      window.show();
    }
    QList<QObject*> dialogs;
    collectDialogs(object.get(), dialogs);
    for (QObject* dialog : dialogs) {
      QVERIFY(QMetaObject::invokeMethod(dialog, "open"));
      QTRY_VERIFY2_WITH_TIMEOUT(dialog->property("visible").toBool(),
                                qPrintable(name + QStringLiteral(": a dialog does not open: ") +
                                           s_problems.join(QLatin1Char('\n'))),
                                3000);
      QMetaObject::invokeMethod(dialog, "close");
    }
    QVERIFY2(s_problems.isEmpty(), qPrintable(s_problems.join(QLatin1Char('\n'))));
  }
};

QTEST_MAIN(QmlModulesTest)
#include "tst_qml_modules.moc"
