// The map page's C++ parts against the demo district: HouseMapModel (under the model tester),
// distance sort and nearest still-to-visit, the visit-state role, HouseMapItem's hit test and
// drawing (rendered offscreen), PositionTracker replaying an NMEA log through Qt's simulated
// source, and BasemapTiles decoding a small MBTiles file built here with SQLite.
#include <sqlite3.h>

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <memory>

#include "anju/map_geometry.h"
#include "basemap_tiles.h"
#include "demo_seed.h"
#include "demo_session.h"
#include "house_map_item.h"
#include "house_map_model.h"
#include "house_map_scene.h"
#include "position_tracker.h"
#include "session.h"

using namespace anju::app;

namespace {

// An MBTiles file with one 256×256 tile of `color` at every (zoom, x, y) in `tiles` (XYZ).
bool writeMbTiles(const QString& path, QColor color, const QList<std::array<int, 3>>& tiles) {
  QImage image(256, 256, QImage::Format_RGB32);
  image.fill(color);
  QByteArray png;
  QBuffer buffer(&png);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  sqlite3* db = nullptr;
  if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK) return false;
  bool ok = sqlite3_exec(db,
                         "CREATE TABLE metadata (name TEXT, value TEXT);"
                         "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, "
                         "tile_row INTEGER, tile_data BLOB);"
                         "INSERT INTO metadata VALUES ('name', 'test'), ('format', 'png');",
                         nullptr, nullptr, nullptr) == SQLITE_OK;
  for (const auto& [z, x, y] : tiles) {
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO tiles VALUES (?1, ?2, ?3, ?4)", -1, &insert, nullptr);
    sqlite3_bind_int(insert, 1, z);
    sqlite3_bind_int(insert, 2, x);
    sqlite3_bind_int(insert, 3, (1 << z) - 1 - y);
    sqlite3_bind_blob(insert, 4, png.constData(), static_cast<int>(png.size()), SQLITE_TRANSIENT);
    ok = ok && sqlite3_step(insert) == SQLITE_DONE;
    sqlite3_finalize(insert);
  }
  sqlite3_close(db);
  return ok;
}

}  // namespace

class HouseMapTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> m_dir;
  std::unique_ptr<Session> m_session;

  // The first row's house that is still to visit, and one already inspected.
  static QString rowWithState(const HouseMapModel& model, bool toVisit) {
    for (int r = 0; r < model.rowCount(); ++r) {
      const QModelIndex idx = model.index(r);
      if (HouseMapModel::isToVisit(idx.data(HouseMapModel::VisitStateRole).toString()) == toVisit)
        return idx.data(HouseMapModel::IdRole).toString();
    }
    return {};
  }

 private slots:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("AnjuTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_house_map"));
    QStandardPaths::setTestModeEnabled(true);  // QSettings goes to a test location
    QSettings().clear();
  }

  void init() {
    m_dir = std::make_unique<QTemporaryDir>();
    const QString opened = testing::openDemoSession(*m_dir, m_session);
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
  }

  void cleanup() {
    m_session.reset();
    m_dir.reset();
  }

  void modelPassesTheTesterAndSortsByDistance() {
    HouseMapModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    QCOMPARE(model.rowCount(), 200);
    QCOMPARE(model.locatedCount(), 200);
    QCOMPARE(model.index(0).data(HouseMapModel::DistanceRole).toDouble(), -1.0);  // no fix yet
    model.setPosition(30.605, 114.305);
    double previous = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
      const double d = model.index(r).data(HouseMapModel::DistanceRole).toDouble();
      QVERIFY2(d >= previous, qPrintable(QStringLiteral("row %1").arg(r)));
      previous = d;
    }
    QVERIFY(model.index(0).data(HouseMapModel::DistanceLabelRole).toString().endsWith("米"));
    // A broken fix is ignored.
    model.setPosition(qQNaN(), 114.3);
    QCOMPARE(model.latitude(), 30.605);
    model.clearPosition();
    QVERIFY(!model.hasPosition());
  }

  void nearestToVisitSkipsInspectedAndVisitOutcomesCount() {
    HouseMapModel model;
    model.setSession(m_session.get());
    QCOMPARE(model.nearestToVisit(), QString());  // no fix, no answer
    // Stand on an inspected house: the nearest to visit is another one.
    const QString inspected = rowWithState(model, false);
    QVERIFY(!inspected.isEmpty());
    const QVariantMap at = model.house(inspected);
    model.setPosition(at.value("latitude").toDouble(), at.value("longitude").toDouble());
    const QString nearest = model.nearestToVisit();
    QVERIFY(!nearest.isEmpty());
    QVERIFY(nearest != inspected);
    QVERIFY(HouseMapModel::isToVisit(model.house(nearest).value("visitState").toString()));
    // Nobody home: still to visit (a revisit), so still the nearest.
    QSignalSpy points(&model, &HouseMapModel::pointsChanged);
    QVERIFY(model.setVisitState(nearest, QStringLiteral("no_one_home")));
    QCOMPARE(points.count(), 1);
    QCOMPARE(model.house(nearest).value("visitState").toString(), QStringLiteral("no_one_home"));
    QCOMPARE(model.house(nearest).value("visitStateLabel").toString(), QStringLiteral("无人在家"));
    QCOMPARE(model.nearestToVisit(), nearest);
    // Demolished: no longer to visit; the next one is farther.
    QVERIFY(model.setVisitState(nearest, QStringLiteral("not_found")));
    const QString next = model.nearestToVisit();
    QVERIFY(next != nearest && !next.isEmpty());
    const double dNearest = model.house(nearest).value("distance").toDouble();
    QVERIFY(model.house(next).value("distance").toDouble() >= dNearest);
    // Bad input changes nothing.
    QVERIFY(!model.setVisitState(nearest, QStringLiteral("asleep")));
    QVERIFY(!model.setVisitState(QStringLiteral("no-such-house"), QStringLiteral("refused")));
    QCOMPARE(model.house(nearest).value("visitState").toString(), QStringLiteral("not_found"));
  }

  void mapItemFindsTheTappedHouseAndDrawsIt() {
    HouseMapModel model;
    model.setSession(m_session.get());
    QQuickWindow window;
    window.resize(800, 600);
    HouseMapItem map(window.contentItem());
    map.setSize(QSizeF(800, 600));
    map.setModel(&model);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    map.fitAll();
    // Every house is on screen after fitAll, and a tap on its point finds a house drawn there.
    const QString id = model.index(17).data(HouseMapModel::IdRole).toString();
    map.zoomAt(4, 400, 300);  // street level: points well apart
    QVERIFY(map.centerOn(id));
    const QPointF at = map.pointOf(id);
    QCOMPARE(at, QPointF(400, 300));
    QCOMPARE(map.buildingAt(at.x() + 3, at.y() - 2), id);
    QCOMPARE(map.buildingAt(5, 5), QString());  // empty corner
    // Drawn: the pixel at the house is its colour.
    map.setHighlightedId(QString());
    const QImage frame = window.grabWindow();
    const QColor color = model.house(id).value("pointColor").value<QColor>();
    const QColor drawn = frame.pixelColor((at * frame.devicePixelRatio()).toPoint() + QPoint(4, 4));
    QCOMPARE(drawn.rgb(), color.rgb());
    QVERIFY(map.drawnSquares() > 0);
    // Panning moves the house with the finger; zooming about a point keeps that point.
    map.panBy(30, -20);
    const QPointF panned = map.pointOf(id) - (at + QPointF(30, -20));
    QVERIFY(qAbs(panned.x()) < 1e-6 && qAbs(panned.y()) < 1e-6);
    map.zoomAt(1.5, 430, 280);
    const QPointF kept = map.pointOf(id);
    QVERIFY(qAbs(kept.x() - 430) < 1e-6 && qAbs(kept.y() - 280) < 1e-6);
  }

  // Far out, houses sharing a 4 px screen cell are drawn once (the one on top): far fewer squares,
  // and the picture is what drawing every house gives, but for a few edge pixels.
  void farOutEachCellIsDrawnOnce() {
    HouseMapModel model;
    model.setSession(m_session.get());
    const std::vector<MapPoint>& points = model.points();
    QCOMPARE(points.size(), std::size_t{200});
    double minX = 1, maxX = 0, minY = 1, maxY = 0;
    for (const MapPoint& p : points) {
      minX = std::min(minX, p.world.x);
      maxX = std::max(maxX, p.world.x);
      minY = std::min(minY, p.world.y);
      maxY = std::max(maxY, p.world.y);
    }
    MapView view;
    view.size = QSizeF(400, 300);
    view.center = {(minX + maxX) / 2, (minY + maxY) / 2};
    // The whole district in about 30 px: houses pile up as they do at 100 000 in a district.
    view.zoom = std::log2(30.0 / 256.0 / std::max(maxX - minX, maxY - minY));
    const MapScene all = buildMapScene(model, nullptr, view, -1, std::nullopt, SIZE_MAX);
    const MapScene topmost = buildMapScene(model, nullptr, view, -1, std::nullopt, 0);
    QVERIFY2(
        topmost.squares.size() * 2 < all.squares.size(),
        qPrintable(QStringLiteral("%1 of %2").arg(topmost.squares.size()).arg(all.squares.size())));
    QImage a(400, 300, QImage::Format_RGB32);
    QImage b(400, 300, QImage::Format_RGB32);
    a.fill(Qt::white);
    b.fill(Qt::white);
    paintMapScene(all, a, false);
    paintMapScene(topmost, b, false);
    int drawn = 0;
    int differ = 0;
    for (int y = 0; y < a.height(); ++y)
      for (int x = 0; x < a.width(); ++x) {
        if (a.pixel(x, y) != qRgb(255, 255, 255)) ++drawn;
        if (a.pixel(x, y) != b.pixel(x, y)) ++differ;
      }
    QVERIFY(drawn > 500);
    // 4 px cells: about 11 % of the drawn pixels (edges of dropped squares) differ here.
    QVERIFY2(differ * 100 < drawn * 15,
             qPrintable(QStringLiteral("%1 of %2 pixels differ").arg(differ).arg(drawn)));
    // Few houses on screen (the default threshold): every one is drawn.
    QCOMPARE(buildMapScene(model, nullptr, view, -1, std::nullopt).squares.size(),
             all.squares.size());
  }

  void positionTrackerReplaysAnNmeaLog() {
    const QString log = m_dir->filePath(QStringLiteral("walk.nmea"));
    QFile file(log);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "$GPRMC,020000.000,A,3036.3000,N,11418.3000,E,0.0,0.0,031226,,,A*63\r\n"
        "$GPRMC,020001.000,A,3036.3060,N,11418.3060,E,0.0,0.0,031226,,,A*62\r\n");
    file.close();
    PositionTracker tracker;
    QSignalSpy moved(&tracker, &PositionTracker::positionChanged);
    tracker.setNmeaFile(log);
    QVERIFY(tracker.hasSource());
    QTRY_VERIFY_WITH_TIMEOUT(tracker.isValid(), 5000);
    QVERIFY(qAbs(tracker.latitude() - 30.605) < 0.001);
    QVERIFY(qAbs(tracker.longitude() - 114.305) < 0.001);
    // An unreadable log is no source, as on a device without GPS.
    PositionTracker none;
    none.setNmeaFile(m_dir->filePath(QStringLiteral("missing.nmea")));
    QVERIFY(!none.hasSource());
    QVERIFY(!none.isValid());
  }

  void basemapDecodesTilesAndRefusesABadFile() {
    const anju::map::WorldPoint w = anju::map::project(30.605, 114.305);
    const int x = static_cast<int>(w.x * (1 << 15));
    const int y = static_cast<int>(w.y * (1 << 15));
    QList<std::array<int, 3>> tiles;
    for (int dx = -3; dx <= 3; ++dx)
      for (int dy = -3; dy <= 3; ++dy) tiles.append({15, x + dx, y + dy});
    const QString path = m_dir->filePath(QStringLiteral("district.mbtiles"));
    QVERIFY(writeMbTiles(path, QColor(0x12, 0x34, 0x56), tiles));

    BasemapTiles basemap;
    QVERIFY(!basemap.isLoaded());
    basemap.setPath(path);
    QVERIFY2(basemap.isLoaded(), qPrintable(basemap.errorString()));
    QCOMPARE(basemap.name(), QStringLiteral("test"));
    const QImage tile = basemap.tile(15, x, y);
    QCOMPARE(tile.size(), QSize(256, 256));
    QCOMPARE(tile.pixelColor(10, 10).rgb(), QColor(0x12, 0x34, 0x56).rgb());
    QVERIFY(basemap.tile(15, 0, 0).isNull());                         // outside the file
    QCOMPARE(QSettings().value("map/basemapPath").toString(), path);  // the setting is kept

    // A bad file: clear error, the good basemap stays.
    const QString bad = m_dir->filePath(QStringLiteral("bad.mbtiles"));
    QFile junk(bad);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a database, only text, quite long enough to be read as a header");
    junk.close();
    basemap.setPath(bad);
    QVERIFY(!basemap.errorString().isEmpty());
    QCOMPARE(basemap.path(), path);
    QVERIFY(basemap.isLoaded());

    // Drawn under the houses: an empty spot of the map shows the tile's colour.
    HouseMapModel model;
    model.setSession(m_session.get());
    QQuickWindow window;
    window.resize(400, 300);
    HouseMapItem map(window.contentItem());
    map.setSize(QSizeF(400, 300));
    map.setModel(&model);
    map.setBasemap(&basemap);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    map.centerOnCoordinate(30.605, 114.305);
    map.setZoom(15);
    const QImage frame = window.grabWindow();
    bool sawTile = false;
    for (int py = 0; py < frame.height() && !sawTile; py += 7)
      for (int px = 0; px < frame.width() && !sawTile; px += 7)
        sawTile = frame.pixelColor(px, py).rgb() == QColor(0x12, 0x34, 0x56).rgb();
    QVERIFY(sawTile);
  }
};

QTEST_MAIN(HouseMapTest)
#include "tst_house_map.moc"
