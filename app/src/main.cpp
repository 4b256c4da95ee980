// anju-app: the inspector's tablet app. Thin: parses the command line, opens the session, loads
// the QML module and, in screenshot mode, renders one page to a PNG and exits.
//
//   anju-app [--db FILE] [--server URL] [--user NAME] [--lang zh_CN|en] [--demo-data]
//            [--screenshot OUT.png --page
//            houses|house|inspection|judgment|sync|signin|camera|issues|walls|findings|visit|map|
//            revisit|crack|photo|annotation]
//            [--basemap FILE.mbtiles] [--nmea GPS-LOG.nmea]
#include <QtQml/qqmlextensionplugin.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <cstdio>
#include <memory>

#include "anju/sync_client.h"
#include "basemap_tiles.h"
#include "core_sync_service.h"
#include "demo_photo.h"
#include "demo_seed.h"
#include "demo_visits.h"
#include "position_tracker.h"
#include "screenshot.h"
#include "session.h"
#include "sync_controller.h"

Q_IMPORT_QML_PLUGIN(AnjuPlugin)

using namespace anju::app;

namespace {

// The building a page of the screenshot mode shows: the first house with an open draft, else the
// first house of the list.
QString screenshotBuilding(Session& session) {
  anju::BuildingFilter drafts;
  drafts.review = anju::ReviewState::kDraft;
  if (auto list = session.store()->listBuildings(drafts, 1); list && !list->empty())
    return toQString(list->front().id);
  if (auto list = session.store()->listBuildings({}, 1); list && !list->empty())
    return toQString(list->front().id);
  return {};
}

// An approved house whose inspection found a wall crack: its re-inspection shows last time's
// answers beside this time's (the "revisit" screenshot).
QString revisitBuilding(Session& session) {
  anju::BuildingFilter approved;
  approved.review = anju::ReviewState::kApproved;
  auto list = session.store()->listBuildings(approved, 50);
  if (!list) return {};
  for (const anju::BuildingSummary& house : *list) {
    auto inspections = session.store()->inspectionsOfBuilding(house.id);
    if (!inspections) continue;
    for (const anju::Inspection& in : *inspections) {
      const auto crack = in.answers.find("wall_cracks");
      if (crack != in.answers.end() && crack->second == anju::AnswerValue(true))
        return toQString(house.id);
    }
  }
  return {};
}

}  // namespace

int main(int argc, char* argv[]) {
  QGuiApplication app(argc, argv);
  QGuiApplication::setApplicationName(QStringLiteral("anju-app"));
  QGuiApplication::setOrganizationName(QStringLiteral("Anju"));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("安居 — housing safety inspection (tablet)"));
  parser.addHelpOption();
  const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Database file."),
                                    QStringLiteral("FILE"));
  const QCommandLineOption serverOption(QStringLiteral("server"),
                                        QStringLiteral("Sync server address for the sign-in page."),
                                        QStringLiteral("URL"));
  const QCommandLineOption userOption(
      QStringLiteral("user"), QStringLiteral("Inspector name (default: the signed-in user)."),
      QStringLiteral("NAME"));
  const QCommandLineOption langOption(QStringLiteral("lang"),
                                      QStringLiteral("zh_CN (default) or en."),
                                      QStringLiteral("LANG"), QStringLiteral("zh_CN"));
  const QCommandLineOption demoOption(
      QStringLiteral("demo-data"),
      QStringLiteral("Use a temporary database filled with demo houses."));
  const QCommandLineOption shotOption(QStringLiteral("screenshot"),
                                      QStringLiteral("Render --page to this PNG and exit."),
                                      QStringLiteral("OUT.png"));
  const QCommandLineOption pageOption(
      QStringLiteral("page"),
      QStringLiteral(
          "houses|house|inspection|judgment|sync|signin|camera|issues|walls|findings|visit|map|"
          "revisit|crack|photo|annotation|house-platform"),
      QStringLiteral("PAGE"), QStringLiteral("houses"));
  const QCommandLineOption basemapOption(
      QStringLiteral("basemap"),
      QStringLiteral("MBTiles basemap for the map page, for this run only."),
      QStringLiteral("FILE"));
  const QCommandLineOption nmeaOption(
      QStringLiteral("nmea"),
      QStringLiteral("Replay this NMEA GPS log instead of the device's GPS."),
      QStringLiteral("FILE"));
  parser.addOptions({dbOption, serverOption, userOption, langOption, demoOption, shotOption,
                     pageOption, basemapOption, nmeaOption});
  parser.process(app);

  const bool screenshot = parser.isSet(shotOption);
  const QString page = parser.value(pageOption);
  static const QStringList kPages = {
      QStringLiteral("houses"),     QStringLiteral("house"),         QStringLiteral("inspection"),
      QStringLiteral("judgment"),   QStringLiteral("sync"),          QStringLiteral("signin"),
      QStringLiteral("camera"),     QStringLiteral("issues"),        QStringLiteral("walls"),
      QStringLiteral("findings"),   QStringLiteral("visit"),         QStringLiteral("map"),
      QStringLiteral("revisit"),    QStringLiteral("crack"),         QStringLiteral("photo"),
      QStringLiteral("annotation"), QStringLiteral("house-platform")};
  if (!kPages.contains(page)) {
    std::fprintf(stderr, "anju-app: unknown page '%s'\n", qPrintable(page));
    return 2;
  }
  QQuickStyle::setStyle(QStringLiteral("Material"));
  if (parser.isSet(basemapOption)) BasemapTiles::setStartupPath(parser.value(basemapOption));
  if (parser.isSet(nmeaOption)) PositionTracker::setStartupNmeaFile(parser.value(nmeaOption));

  Session session(nullptr);
  Session::setInstance(&session);
  session.setLanguage(parser.value(langOption));

  QTemporaryDir demoDir;
  QString dbPath = parser.value(dbOption);
  if (parser.isSet(demoOption)) {
    if (!demoDir.isValid()) {
      std::fprintf(stderr, "anju-app: cannot create a temporary folder\n");
      return 1;
    }
    dbPath = demoDir.filePath(QStringLiteral("demo.db"));
  } else if (dbPath.isEmpty()) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    dbPath = dir + QStringLiteral("/anju.db");
  }
  if (!session.open(dbPath)) {
    std::fprintf(stderr, "anju-app: %s\n", qPrintable(session.errorString()));
    return 1;
  }
  // The inspector is the signed-in user (cached by the sync client, kept offline after the
  // token expired); --user overrides.
  if (auto user = session.store()->syncState(anju::kSyncAuthUser); user && !user->empty())
    session.setUserName(toQString(*user));
  if (parser.isSet(serverOption)) {
    if (const anju::Status st = session.store()->setSyncState(
            SyncController::kServerUrlKey, toStdString(parser.value(serverOption).trimmed()));
        !st) {
      std::fprintf(stderr, "anju-app: %s\n", qPrintable(statusMessage(st, session.lang())));
      return 1;
    }
  }
  session.setSyncService(std::make_unique<CoreSyncService>(session));
  if (parser.isSet(userOption)) session.setUserName(parser.value(userOption));
  if (parser.isSet(demoOption)) {
    QString error;
    if (!seedDemoData(session, error)) {
      std::fprintf(stderr, "anju-app: demo data: %s\n", qPrintable(error));
      return 1;
    }
    if (session.userName().isEmpty()) session.setUserName(QStringLiteral("demo"));
    // The visit panel shows two earlier visits of a house not inspected yet; only in its shot.
    if (screenshot && page == QStringLiteral("visit") && !seedDemoVisits(session, error)) {
      std::fprintf(stderr, "anju-app: demo data: %s\n", qPrintable(error));
      return 1;
    }
    // The refused-changes page needs something to show; only in a screenshot of it.
    if (screenshot && page == QStringLiteral("issues") && !seedDemoSyncIssues(session, error)) {
      std::fprintf(stderr, "anju-app: demo data: %s\n", qPrintable(error));
      return 1;
    }
  }

  // The photo pages show a painted wall (there is no camera offscreen); only in their shots.
  QString demoPhoto;
  if (screenshot && (page == QStringLiteral("photo") || page == QStringLiteral("annotation"))) {
    demoPhoto = demoDir.isValid() ? demoDir.filePath(QStringLiteral("wall.jpg"))
                                  : QDir::temp().filePath(QStringLiteral("anju-demo-wall.jpg"));
    if (!writeDemoWallPhoto(demoPhoto)) {
      std::fprintf(stderr, "anju-app: cannot write the demo photo %s\n", qPrintable(demoPhoto));
      return 1;
    }
  }

  QQmlApplicationEngine engine;
  engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
  engine.setInitialProperties(
      {{QStringLiteral("startPage"), page},
       {QStringLiteral("startPhotoUrl"),
        demoPhoto.isEmpty() ? QString() : QUrl::fromLocalFile(demoPhoto).toString()},
       {QStringLiteral("startBuildingId"),
        page == QStringLiteral("houses")  ? QString()
        : page == QStringLiteral("visit") ? demoVisitBuilding(session)
        : page == QStringLiteral("revisit") || page == QStringLiteral("crack")
            ? revisitBuilding(session)
            : screenshotBuilding(session)}});
  engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Anju/Main.qml")));
  if (engine.rootObjects().isEmpty()) return 1;
  if (screenshot) {
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (!window) return 1;
    scheduleScreenshot(window, parser.value(shotOption));
  }
  return app.exec();
}
