// anju_app_typing_child: the app's inspection page in a window, typing into the fire-safety notes
// with real key events, then waiting to be killed. Used by tst_typing_kill.cpp (kill -9 right
// after the last keystroke must lose nothing).
//
// Usage: anju_app_typing_child <database> <building id> <text>
// Prints "TYPED" on stdout after the last keystroke has been delivered.
#include <QtQml/qqmlextensionplugin.h>

#include <QGuiApplication>
#include <QKeyEvent>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTest>
#include <cstdio>

#include "inspection_controller.h"
#include "session.h"

Q_IMPORT_QML_PLUGIN(AnjuPlugin)

using namespace anju::app;

namespace {

// Delegates are visual children, not always QObject children: walk the item tree.
QQuickItem* findItem(QQuickItem* root, const QString& name) {
  if (root->objectName() == name) return root;
  for (QQuickItem* child : root->childItems())
    if (QQuickItem* found = findItem(child, name)) return found;
  return nullptr;
}

}  // namespace

int main(int argc, char* argv[]) {
  QGuiApplication app(argc, argv);
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s <database> <building id> <text>\n", argv[0]);
    return 2;
  }
  QQuickStyle::setStyle(QStringLiteral("Material"));
  Session session(nullptr);
  Session::setInstance(&session);
  if (!session.open(QString::fromLocal8Bit(argv[1]))) {
    std::fprintf(stderr, "%s\n", qPrintable(session.errorString()));
    return 1;
  }
  session.setUserName(QStringLiteral("tester"));
  const QString building = QString::fromLocal8Bit(argv[2]);
  const QString text = QString::fromUtf8(argv[3]);

  QQmlApplicationEngine engine;
  engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
  engine.loadData(
      QByteArrayLiteral("import QtQuick\nimport QtQuick.Controls\nimport Anju\n"
                        "ApplicationWindow { width: 1280; height: 800; visible: true\n"
                        "  property alias page: inspectionPage\n"
                        "  StackView { anchors.fill: parent; initialItem: InspectionPage { id: "
                        "inspectionPage } } }\n"));
  if (engine.rootObjects().isEmpty()) return 1;
  auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
  auto* page = window->property("page").value<QQuickItem*>();
  page->setProperty("buildingId", building);
  auto* controller = page->property("controller").value<InspectionController*>();
  if (!controller || controller->inspectionId().isEmpty()) {
    std::fprintf(stderr, "no inspection: %s\n",
                 controller ? qPrintable(controller->errorString()) : "-");
    return 1;
  }
  int section = -1;
  for (std::size_t i = 0; i < session.checklist().sections.size(); ++i)
    for (const anju::ChecklistItem& item : session.checklist().sections[i].items)
      if (item.id == "fire_notes") section = static_cast<int>(i);
  controller->setSectionIndex(section);
  if (!QTest::qWaitForWindowExposed(window)) return 1;

  QQuickItem* field = nullptr;
  for (int attempt = 0; attempt < 100 && !field; ++attempt) {
    field = findItem(window->contentItem(), QStringLiteral("text_fire_notes"));
    if (!field) QTest::qWait(50);
  }
  if (!field) {
    std::fprintf(stderr, "no notes field\n");
    return 1;
  }
  field->forceActiveFocus();
  // One key press and release per character, with its text, as an input method delivers them.
  for (const QChar ch : text) {
    const int key =
        ch.isLetterOrNumber() && ch.unicode() < 128 ? ch.toUpper().unicode() : Qt::Key_unknown;
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(ch));
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(ch));
    QGuiApplication::sendEvent(window, &press);
    QGuiApplication::sendEvent(window, &release);
  }
  QCoreApplication::processEvents();
  std::printf("TYPED\n");
  std::fflush(stdout);
  return app.exec();  // until killed
}
