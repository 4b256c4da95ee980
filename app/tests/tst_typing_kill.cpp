// Kill -9 right after typing loses nothing: a child process shows the real inspection page,
// types into a text field with key events, reports it typed, and is killed at once (SIGKILL, no
// chance to flush). A fresh session on the same database then finds the text in the inspection.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "demo_seed.h"
#include "inspection_controller.h"
#include "session.h"

using namespace anju::app;

class TypingKillTest : public QObject {
  Q_OBJECT

 private slots:
  void killedRightAfterTypingLosesNothing() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("t.db"));
    QString building;
    {
      Session session(nullptr);
      QVERIFY2(session.open(db), qPrintable(session.errorString()));
      session.setUserName(QStringLiteral("tester"));
      QString error;
      QVERIFY2(seedDemoData(session, error), qPrintable(error));
      anju::BuildingFilter never;
      never.inspected = false;
      auto list = session.store()->listBuildings(never, 1);
      QVERIFY(list.isOk() && !list->empty());
      building = toQString(list->front().id);
    }
    const QString typed = QStringLiteral("Exit blocked 北侧楼梯间堆放杂物");

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(ANJU_TYPING_CHILD_EXE), {db, building, typed});
    QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
    QByteArray out;
    while (!out.contains("TYPED")) {
      if (!child.waitForReadyRead(120000)) break;
      out += child.readAllStandardOutput();
    }
    QVERIFY2(out.contains("TYPED"), out.constData());
    child.kill();  // SIGKILL: no destructor, no aboutToQuit, no timer
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    Session session(nullptr);
    QVERIFY2(session.open(db), qPrintable(session.errorString()));
    session.setUserName(QStringLiteral("tester"));
    InspectionController reopened;
    reopened.setSession(&session);
    reopened.setBuildingId(building);
    const auto& answers = reopened.inspection().answers;
    QVERIFY(answers.count("fire_notes") == 1);
    QCOMPARE(QString::fromStdString(std::get<std::string>(answers.at("fire_notes"))), typed);
  }
};

QTEST_GUILESS_MAIN(TypingKillTest)
#include "tst_typing_kill.moc"
