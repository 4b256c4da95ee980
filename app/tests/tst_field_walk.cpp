// Issue 10's "done when", end to end through the real app window (Main.qml, offscreen) against the
// real anju-server: sign in and sync on the sync pages, open the map, go to the nearest house not
// yet visited, record 无人在家, come back (revisit), inspect it with a measured crack, annotate the
// crack's photo, have the owner sign the notice, submit and sync. Then the server is asked for
// everything the tablet sent: the visits, the inspection, the original and annotated photos (record
// SHA-256 = the tablet's bytes, bytes complete on the server), the signed notice's PDF and PNG, and
// the register export shows the judgment and the visits. Finally a second inspection of the same
// crack shows its width history and the growth flag.
//
// Driven with the mouse and keys on the real pages. Called on controllers instead (no real page
// can do it offscreen): importing a picture file (the file picker has its own test in
// tests/qml/tst_pages.qml; here `photos.add` imports it as the picker would) and typing Chinese
// (a QInputMethodEvent commit, what an input method sends, into the focused field).
#include <QtQml/qqmlextensionplugin.h>

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QInputMethodEvent>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <memory>

#include "anju/demo_district.h"
#include "anju/record_codec.h"
#include "anju/sync_client.h"
#include "anju/v1/sync.pb.h"
#include "core_sync_service.h"
#include "inspection_controller.h"
#include "inspection_findings.h"
#include "inspection_photos.h"
#include "localized.h"
#include "owner_notice_controller.h"
#include "position_tracker.h"
#include "quick_test_helpers.h"
#include "server_under_test.h"
#include "session.h"
#include "sync_controller.h"

Q_IMPORT_QML_PLUGIN(AnjuPlugin)

using namespace anju::app;
using anju::app::testing::runServerCommand;
using anju::app::testing::ServerUnderTest;

namespace {

constexpr int kNetworkTimeoutMs = 180000;
constexpr int kUiTimeoutMs = 20000;
constexpr double kFirstWidthMm = 1.5;
const char kCrackLocation[] = "一层北侧承重墙";

// The SHA-256 of a file's bytes, computed here (not by core).
QString fileSha256(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QString::fromLatin1(
      QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}

// One NMEA RMC sentence at (lat, lon), with its checksum.
QByteArray rmcSentence(const char* time, double lat, double lon) {
  const auto dm = [](double degrees, int width) {
    const int d = static_cast<int>(degrees);
    return QStringLiteral("%1%2")
        .arg(d, width, 10, QLatin1Char('0'))
        .arg((degrees - d) * 60.0, 7, 'f', 4, QLatin1Char('0'));
  };
  const QString body = QStringLiteral("GPRMC,%1,A,%2,N,%3,E,0.0,0.0,031226,,,A")
                           .arg(QLatin1String(time), dm(lat, 2), dm(lon, 3));
  unsigned char sum = 0;
  for (const QChar c : body) sum ^= static_cast<unsigned char>(c.toLatin1());
  return QStringLiteral("$%1*%2\r\n")
      .arg(body)
      .arg(sum, 2, 16, QLatin1Char('0'))
      .toUpper()
      .toLatin1();
}

// Great-circle distance in metres (haversine), independent of the app's map code.
double metresBetween(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarth = 6371008.8;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dLat = (lat2 - lat1) * kRad;
  const double dLon = (lon2 - lon1) * kRad;
  const double a =
      std::sin(dLat / 2) * std::sin(dLat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
  return 2 * kEarth * std::asin(std::sqrt(a));
}

// The fields of one CSV line (RFC 4180 quoting).
QStringList csvFields(const QString& line) {
  QStringList out;
  QString field;
  bool quoted = false;
  for (qsizetype i = 0; i < line.size(); ++i) {
    const QChar c = line[i];
    if (quoted) {
      if (c == u'"' && i + 1 < line.size() && line[i + 1] == u'"') {
        field += u'"';
        ++i;
      } else if (c == u'"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == u'"') {
      quoted = true;
    } else if (c == u',') {
      out << field;
      field.clear();
    } else {
      field += c;
    }
  }
  out << field;
  return out;
}

}  // namespace

class FieldWalkTest : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_serverDir;
  QTemporaryDir m_tabletDir;
  std::unique_ptr<ServerUnderTest> m_server;
  std::unique_ptr<Session> m_session;
  std::unique_ptr<QQmlApplicationEngine> m_engine;
  QQuickWindow* m_window = nullptr;
  QString m_buildingId;
  QString m_firstInspectionId;

  // --- finding and touching the window's items -----------------------------------------------

  static QQuickItem* findIn(QQuickItem* root, const QString& name) {
    if (!root) return nullptr;
    if (root->objectName() == name) return root;
    for (QQuickItem* child : root->childItems())
      if (QQuickItem* found = findIn(child, name)) return found;
    return nullptr;
  }
  QQuickItem* stack() { return findIn(m_window->contentItem(), QStringLiteral("pageStack")); }
  // The page on top of the stack once its transition is over (it takes no input before).
  QQuickItem* page() {
    QQuickItem* s = stack();
    if (!s || s->property("busy").toBool()) return nullptr;
    return s->property("currentItem").value<QQuickItem*>();
  }
  QString pageName() {
    QQuickItem* p = page();
    return p ? p->objectName() : QString();
  }
  QQuickItem* onPage(const QString& name) { return findIn(page(), name); }
  QQuickItem* inWindow(const QString& name) { return findIn(m_window->contentItem(), name); }

  // A delegate of the page's list `listName` (scrolled into view until one is there).
  QQuickItem* inList(const QString& listName, const QString& name) {
    QQuickItem* list = onPage(listName);
    if (!list) return nullptr;
    const int count = list->property("count").toInt();
    for (int i = 0; i < count; ++i) {
      if (QQuickItem* found = findIn(list, name); found && found->isVisible()) {
        // Fully inside the list's viewport?
        const QRectF box = found->mapRectToItem(list, found->boundingRect());
        if (box.top() >= 0 && box.bottom() <= list->height()) return found;
      }
      QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, i),
                                Q_ARG(int, 4 /* ListView.Contain */));
      QCoreApplication::processEvents();
    }
    QQuickItem* found = findIn(list, name);
    return found && found->isVisible() ? found : nullptr;
  }

  void click(QQuickItem* target, const char* what) {
    QVERIFY2(target, what);
    QTRY_VERIFY2_WITH_TIMEOUT(target->isVisible() && target->isEnabled(), what, kUiTimeoutMs);
    const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
    QTest::mouseClick(m_window, Qt::LeftButton, {}, centre.toPoint());
  }
  void clickOnPage(const char* name) { click(onPage(QLatin1String(name)), name); }
  void clickTool(const char* name) { click(inWindow(QLatin1String(name)), name); }
  void waitForPage(const char* name) {
    QTRY_COMPARE_WITH_TIMEOUT(pageName(), QLatin1String(name), kUiTimeoutMs);
  }
  void backTo(const char* name) {
    for (int i = 0; i < 8 && pageName() != QLatin1String(name); ++i) {
      clickTool("backButton");
      QTRY_VERIFY_WITH_TIMEOUT(page() != nullptr, kUiTimeoutMs);
    }
    QCOMPARE(pageName(), QLatin1String(name));
  }

  // Keys into the focused field, then Return (ends the edit: typed text is committed).
  void typeInto(QQuickItem* field, const char* what, const QString& text) {
    click(field, what);
    QTRY_VERIFY2_WITH_TIMEOUT(field->hasActiveFocus(), what, kUiTimeoutMs);
    QTest::keyClick(m_window, Qt::Key_A, Qt::ControlModifier);
    for (const QChar c : text) QTest::keyClick(m_window, c.toLatin1());
    QTest::keyClick(m_window, Qt::Key_Return);
  }
  // Chinese text as an input method commits it into the focused field.
  void commitChinese(QQuickItem* field, const char* what, const QString& text) {
    click(field, what);
    QTRY_VERIFY2_WITH_TIMEOUT(field->hasActiveFocus(), what, kUiTimeoutMs);
    QInputMethodEvent event;
    event.setCommitString(text);
    QCoreApplication::sendEvent(m_window->focusObject(), &event);
    QTest::keyClick(m_window, Qt::Key_Return);
  }

  void drag(QQuickItem* target, QPointF from, QPointF to) {
    QTest::mousePress(m_window, Qt::LeftButton, {}, target->mapToScene(from).toPoint());
    for (int i = 1; i <= 8; ++i)
      QTest::mouseMove(m_window, target->mapToScene(from + (to - from) * i / 8.0).toPoint(), 10);
    QTest::mouseRelease(m_window, Qt::LeftButton, {}, target->mapToScene(to).toPoint());
  }

  template <typename T>
  T* pageProperty(const char* name) {
    QQuickItem* p = page();
    return p ? p->property(name).value<T*>() : nullptr;
  }

  QUrl writePicture(const QString& name, const QColor& wall) {
    QImage image(1200, 900, QImage::Format_RGB32);
    image.fill(wall);
    for (int y = 100; y < 800; ++y)
      for (int x = 596 + y / 200; x < 600 + y / 200; ++x) image.setPixelColor(x, y, Qt::black);
    const QString path = m_tabletDir.filePath(name);
    return image.save(path, "JPEG", 92) ? QUrl::fromLocalFile(path) : QUrl();
  }

  // The row of the inspection's wall-crack finding, -1 when there is none.
  static int crackRow(const InspectionController& inspection) {
    const auto& findings = inspection.inspection().findings;
    for (std::size_t i = 0; i < findings.size(); ++i)
      if (findings[i].hazard == anju::HazardKind::kWallCrack) return static_cast<int>(i);
    return -1;
  }

  // The walls section: a crack seen, vertical, several, `width` mm, over 0.6 of the storey.
  void answerCrack(const QString& width) {
    click(inList(QStringLiteral("itemList"), QStringLiteral("yes_wall_cracks")), "yes_wall_cracks");
    click(
        inList(QStringLiteral("itemList"), QStringLiteral("choice_wall_crack_direction_vertical")),
        "vertical");
    click(inList(QStringLiteral("itemList"), QStringLiteral("choice_wall_crack_count_several")),
          "several");
    typeInto(inList(QStringLiteral("itemList"), QStringLiteral("measure_wall_crack_width")),
             "crack width", width);
    typeInto(inList(QStringLiteral("itemList"), QStringLiteral("measure_wall_crack_height_ratio")),
             "height ratio", QStringLiteral("0.6"));
  }

  void goToSection(InspectionController& inspection, const QString& sectionId) {
    const anju::ChecklistTemplate& tmpl = m_session->checklist();
    for (int s = 0; s < static_cast<int>(tmpl.sections.size()); ++s) {
      if (toQString(tmpl.sections[static_cast<std::size_t>(s)].id) != sectionId) continue;
      while (inspection.sectionIndex() < s) {
        clickOnPage("nextButton");
        QTest::qWait(50);
      }
      return;
    }
    QFAIL(qPrintable(QStringLiteral("no section %1").arg(sectionId)));
  }

  // 同步 in the tool bar, then 立即同步 on the sync page: the sync succeeds and sends everything.
  void syncOnThePage() {
    clickTool("syncToolButton");
    waitForPage("syncPage");
    syncNowOnThisPage();
  }
  void syncNowOnThisPage() {
    auto* sync = pageProperty<SyncController>("controller");
    QVERIFY(sync);
    QSignalSpy finished(sync, &SyncController::syncFinished);
    clickOnPage("syncButton");
    QVERIFY(finished.wait(kNetworkTimeoutMs));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(sync->pendingCount(), qint64{0}, kUiTimeoutMs);
  }

  template <typename Record>
  Record fromServer(const std::string& token, const std::string& kind, const std::string& id) {
    anju::v1::PulledChange change;
    if (!change.ParseFromString(m_server->get(token, "/v1/records/" + kind + "/" + id))) return {};
    auto record = anju::decodeRecord(change.record().SerializeAsString());
    if (!record) return {};
    const Record* r = std::get_if<Record>(&*record);
    return r ? *r : Record{};
  }

  // The server holds the photo's record with the tablet's SHA-256, and every byte of it.
  void photoOnServer(const std::string& token, const anju::PhotoRecord& local) {
    const QString path = toQString(m_session->photos()->pathOf(local.sha256));
    QCOMPARE(fileSha256(path), toQString(local.sha256));
    const auto remote = fromServer<anju::PhotoRecord>(token, "photo", local.id);
    QCOMPARE(remote.id, local.id);
    QCOMPARE(remote.sha256, local.sha256);
    QCOMPARE(remote.annotatedFrom, local.annotatedFrom);
    anju::v1::PhotoStatus bytes;
    QVERIFY(bytes.ParseFromString(m_server->get(token, "/v1/photos/" + local.sha256)));
    QVERIFY(bytes.complete());  // arrived whole and hashed to sha256 on the server
    QCOMPARE(static_cast<qint64>(bytes.received_bytes()), QFileInfo(path).size());
  }

 private slots:
  void initTestCase() {
    QQuickStyle::setStyle(QStringLiteral("Material"));
    QVERIFY(m_serverDir.isValid() && m_tabletDir.isValid());
    QVERIFY(
        !runServerCommand({QStringLiteral("demo"), QStringLiteral("--data"), m_serverDir.path()})
             .isEmpty());
    m_server = std::make_unique<ServerUnderTest>();
    QVERIFY2(m_server->start(m_serverDir.path()), "anju-server serve did not start");

    m_session = std::make_unique<Session>(nullptr);
    Session::setInstance(m_session.get());
    QVERIFY2(m_session->open(m_tabletDir.filePath(QStringLiteral("tablet.db"))),
             qPrintable(m_session->errorString()));
    m_session->setSyncService(std::make_unique<CoreSyncService>(*m_session));

    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    m_engine->load(QUrl(QStringLiteral("qrc:/qt/qml/Anju/Main.qml")));
    QVERIFY(!m_engine->rootObjects().isEmpty());
    m_window = qobject_cast<QQuickWindow*>(m_engine->rootObjects().constFirst());
    QVERIFY(m_window);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    waitForPage("housesPage");
  }

  void cleanupTestCase() {
    m_engine.reset();
    Session::setInstance(nullptr);
    m_session.reset();
    m_server.reset();
  }

  void signInAndSync() {
    clickTool("syncToolButton");
    waitForPage("syncPage");
    clickOnPage("signInButton");
    waitForPage("signInPage");
    typeInto(onPage(QStringLiteral("serverField")), "server", m_server->url());
    typeInto(onPage(QStringLiteral("userField")), "user", QStringLiteral("demo"));
    typeInto(onPage(QStringLiteral("passwordField")), "password", QStringLiteral("demo1234"));
    clickOnPage("signInButton");
    // Signed in: the page closes itself, the inspector is the signed-in user.
    QTRY_COMPARE_WITH_TIMEOUT(pageName(), QStringLiteral("syncPage"), kNetworkTimeoutMs);
    QCOMPARE(m_session->userName(), QStringLiteral("demo"));
    syncNowOnThisPage();  // the first: the inspector's street comes down
    if (QTest::currentTestFailed()) return;
    auto count = m_session->store()->countBuildings({});
    QVERIFY(count.isOk() && *count > 0);
  }

  void mapOpensTheNearestHouseNotYetVisited() {
    // Stand a few metres from a house of the inspector's street that nobody has knocked at.
    auto houses = m_session->store()->listMapHouses();
    QVERIFY(houses.isOk());
    const anju::MapHouse* target = nullptr;
    for (const anju::MapHouse& h : *houses)
      if (h.location && !h.summary.review && !h.summary.lastVisitOutcome &&
          h.summary.region.street == anju::kDemoInspectorStreet) {
        target = &h;
        break;
      }
    QVERIFY2(target, "no house to visit came down");
    const double lat = target->location->latitude + 0.00002;
    const double lon = target->location->longitude + 0.00002;
    // Which house is nearest, worked out here: houses not inspected, never reached.
    QString expected;
    double best = 1e18;
    for (const anju::MapHouse& h : *houses) {
      const bool toVisit =
          !h.summary.review && (!h.summary.lastVisitOutcome ||
                                *h.summary.lastVisitOutcome == anju::VisitOutcome::kNobodyHome ||
                                *h.summary.lastVisitOutcome == anju::VisitOutcome::kRefusedEntry);
      if (!h.location || !toVisit) continue;
      const double d = metresBetween(lat, lon, h.location->latitude, h.location->longitude);
      if (d < best) {
        best = d;
        expected = toQString(h.summary.id);
      }
    }
    const QString log = m_tabletDir.filePath(QStringLiteral("walk.nmea"));
    QFile nmea(log);
    QVERIFY(nmea.open(QIODevice::WriteOnly));
    nmea.write(rmcSentence("020000.000", lat, lon));
    nmea.write(rmcSentence("020001.000", lat, lon));
    nmea.close();
    PositionTracker::setStartupNmeaFile(log);

    clickTool("mapToolButton");
    waitForPage("mapPage");
    QObject* model = page()->property("houses").value<QObject*>();
    QVERIFY(model);
    QTRY_VERIFY_WITH_TIMEOUT(model->property("hasPosition").toBool(), kUiTimeoutMs);
    clickOnPage("nearestButton");
    QTRY_VERIFY_WITH_TIMEOUT(onPage(QStringLiteral("houseCard"))->isVisible(), kUiTimeoutMs);
    QCOMPARE(page()->property("selectedId").toString(), expected);
    clickOnPage("openHouseButton");
    waitForPage("housePage");
    m_buildingId = page()->property("buildingId").toString();
    QCOMPARE(m_buildingId, expected);
  }

  void nobodyHomeIsRecordedAndTheHouseRevisited() {
    clickOnPage("recordVisitButton");
    clickOnPage("visitOutcome_nobody_home");
    auto visits = m_session->store()->visitsOfBuilding(toStdString(m_buildingId));
    QVERIFY(visits.isOk());
    QCOMPARE(visits->size(), std::size_t{1});
    QCOMPARE(visits->front().outcome, anju::VisitOutcome::kNobodyHome);
    QCOMPARE(visits->front().inspector, std::string("demo"));
    QTRY_VERIFY_WITH_TIMEOUT(onPage(QStringLiteral("revisitDueText"))->isVisible(), kUiTimeoutMs);

    // Back on the map the house is still one to visit: nobody was home. Come back to it.
    backTo("mapPage");
    QObject* model = page()->property("houses").value<QObject*>();
    QString state;
    QVERIFY(QMetaObject::invokeMethod(model, "nearestToVisit", Q_RETURN_ARG(QString, state)));
    QCOMPARE(state, m_buildingId);
    clickOnPage("nearestButton");
    QTRY_COMPARE_WITH_TIMEOUT(page()->property("selectedId").toString(), m_buildingId,
                              kUiTimeoutMs);
    clickOnPage("openHouseButton");
    waitForPage("housePage");
    QCOMPARE(page()->property("buildingId").toString(), m_buildingId);
  }

  void inspectAnnotateSignSubmitAndSync() {
    clickOnPage("inspectButton");
    waitForPage("inspectionPage");
    auto* inspection = pageProperty<InspectionController>("controller");
    QVERIFY(inspection);
    const QUrl front = writePicture(QStringLiteral("front.jpg"), QColor("#bcaaa4"));
    const QUrl wall = writePicture(QStringLiteral("wall.jpg"), QColor("#9e9e9e"));
    QVERIFY(!front.isEmpty() && !wall.isEmpty());

    // Each section: what is not a hazard question answered by tapping, the crack measured, then
    // 本节全部正常 for the rest.
    const anju::ChecklistTemplate& tmpl = m_session->checklist();
    for (int s = 0; s < static_cast<int>(tmpl.sections.size()); ++s) {
      QTRY_COMPARE_WITH_TIMEOUT(inspection->sectionIndex(), s, kUiTimeoutMs);
      const QString section = toQString(tmpl.sections[static_cast<std::size_t>(s)].id);
      if (section == QLatin1String("basic_info")) {
        // The file picker's part (tested on its own): the picture imported as it would.
        QVERIFY2(inspection->photos()->add(front, QStringLiteral("front_photo"), -1),
                 qPrintable(inspection->errorString()));
        // A fact the house record did not hold: asked here.
        if (!inspection->inspection().answers.count("design_status"))
          click(inList(QStringLiteral("itemList"),
                       QStringLiteral("choice_design_status_licensed_design")),
                "design");
      } else if (section == QLatin1String("walls")) {
        answerCrack(QString::number(kFirstWidthMm));
      } else if (section == QLatin1String("columns")) {
        click(inList(QStringLiteral("itemList"), QStringLiteral("no_has_columns")), "columns");
      } else if (section == QLatin1String("roof")) {
        click(inList(QStringLiteral("itemList"),
                     QStringLiteral("choice_roof_structure_concrete_slab")),
              "roof");
      } else if (section == QLatin1String("alterations")) {
        click(inList(QStringLiteral("itemList"), QStringLiteral("no_altered")), "altered");
      } else if (section == QLatin1String("closing")) {
        click(inList(QStringLiteral("itemList"), QStringLiteral("yes_owner_present")), "owner");
      }
      if (QTest::currentTestFailed()) return;
      clickOnPage("sectionNormalButton");
      clickOnPage("nextButton");
    }
    QTRY_VERIFY_WITH_TIMEOUT(page()->property("showingFindings").toBool(), kUiTimeoutMs);
    m_firstInspectionId = inspection->inspectionId();

    // The crack's finding: where it is (typed in Chinese), its photo, annotated.
    const int row = crackRow(*inspection);
    QVERIFY(row >= 0);
    commitChinese(inList(QStringLiteral("findingList"), QStringLiteral("location_%1").arg(row)),
                  "location", QString::fromUtf8(kCrackLocation));
    QVERIFY2(inspection->photos()->add(wall, QString(), row),
             qPrintable(inspection->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(inList(QStringLiteral("findingList"), QStringLiteral("thumbnail")),
                             kUiTimeoutMs);
    QQuickItem* thumbnail = inList(QStringLiteral("findingList"), QStringLiteral("thumbnail"));
    QVERIFY(thumbnail);
    // Laid out beside the card's 添加照片 button and loaded before it is tapped.
    QTRY_VERIFY_WITH_TIMEOUT(thumbnail->property("status").toInt() == 1 && thumbnail->x() > 0,
                             kUiTimeoutMs);
    click(thumbnail, "crack thumbnail");
    waitForPage("photoPage");
    if (QTest::currentTestFailed()) return;
    const QString originalId = page()->property("photoId").toString();
    clickOnPage("annotateButton");
    waitForPage("photoAnnotationPage");
    QQuickItem* paper = onPage(QStringLiteral("annotationPaper"));
    QVERIFY(paper);
    QTRY_VERIFY_WITH_TIMEOUT(paper->width() > 100, kUiTimeoutMs);
    drag(paper, QPointF(paper->width() * 0.25, paper->height() * 0.8),
         QPointF(paper->width() * 0.48, paper->height() * 0.5));
    clickOnPage("saveAnnotationButton");
    waitForPage("photoPage");
    const QString copyId = page()->property("photoId").toString();
    QVERIFY(copyId != originalId);
    backTo("inspectionPage");

    // The judgment, the owner's signature on the notice, submit.
    clickOnPage("nextButton");
    waitForPage("judgmentPage");
    QCOMPARE(inspection->judgment()->computed(), QStringLiteral("serious"));
    clickOnPage("ownerNoticeButton");
    waitForPage("ownerNoticePage");
    auto* notice = page()->findChild<OwnerNoticeController*>(QStringLiteral("ownerNotice"));
    QVERIFY(notice);
    QQuickItem* pad = onPage(QStringLiteral("signaturePad"));
    testing::bringIntoView(pad);
    drag(pad, QPointF(30, 120), QPointF(180, 60));
    drag(pad, QPointF(200, 130), QPointF(330, 90));
    testing::bringIntoView(onPage(QStringLiteral("signButton")));
    clickOnPage("signButton");
    QTRY_COMPARE_WITH_TIMEOUT(notice->state(), QStringLiteral("signed"), kUiTimeoutMs);
    backTo("judgmentPage");
    if (QTest::currentTestFailed()) return;
    clickOnPage("submitButton");
    QTRY_VERIFY2_WITH_TIMEOUT(
        inspection->review() == QLatin1String("submitted"),
        qPrintable(inspection->submitErrors().join(u'\n') + inspection->errorString()),
        kUiTimeoutMs);

    syncOnThePage();
    if (QTest::currentTestFailed()) return;
    auto photosLeft = m_session->store()->pendingPhotoUploadCount();
    QVERIFY(photosLeft.isOk());
    QCOMPARE(*photosLeft, 0);
  }

  void serverHoldsEverythingTheTabletSent() {
    QVERIFY(!m_firstInspectionId.isEmpty());
    auto tokenResult = m_session->store()->syncState(anju::kSyncAuthToken);
    QVERIFY(tokenResult.isOk() && !tokenResult->empty());
    const std::string token = *tokenResult;

    // The visits: nobody home, then inspected (recorded with the submission).
    auto visits = m_session->store()->visitsOfBuilding(toStdString(m_buildingId));
    QVERIFY(visits.isOk());
    QCOMPARE(visits->size(), std::size_t{2});
    for (const anju::Visit& v : *visits) {
      const auto remote = fromServer<anju::Visit>(token, "visit", v.id);
      QCOMPARE(remote.id, v.id);
      QCOMPARE(remote.outcome, v.outcome);
      QCOMPARE(remote.buildingId, toStdString(m_buildingId));
      QCOMPARE(remote.inspector, std::string("demo"));
    }

    // The inspection as submitted, with the crack, both its photos and the signed notice.
    auto local = m_session->store()->inspection(toStdString(m_firstInspectionId));
    QVERIFY(local.isOk());
    const auto remote = fromServer<anju::Inspection>(token, "inspection", local->id);
    QCOMPARE(remote.id, local->id);
    QCOMPARE(remote.review, anju::ReviewState::kSubmitted);
    QVERIFY(remote.computedJudgment == anju::PreliminaryJudgment::kSerious);
    QVERIFY(!remote.evidenceDigest.empty());
    QCOMPARE(remote.evidenceDigest, local->evidenceDigest);
    const anju::Finding* crack = nullptr;
    for (const anju::Finding& f : remote.findings)
      if (f.hazard == anju::HazardKind::kWallCrack) crack = &f;
    QVERIFY(crack);
    QCOMPARE(crack->location, std::string(kCrackLocation));
    bool width = false;
    for (const anju::Measurement& m : crack->measurements)
      if (m.name == "width" && m.value == kFirstWidthMm && m.unit == "mm") width = true;
    QVERIFY(width);
    QCOMPARE(crack->photoIds.size(), std::size_t{2});  // the original and its annotated copy
    auto original = m_session->store()->photo(crack->photoIds[0]);
    auto copy = m_session->store()->photo(crack->photoIds[1]);
    QVERIFY(original.isOk() && copy.isOk());
    QVERIFY(original->annotatedFrom.empty());
    QCOMPARE(copy->annotatedFrom, original->id);
    QVERIFY(copy->sha256 != original->sha256);
    photoOnServer(token, *original);
    photoOnServer(token, *copy);

    QVERIFY(remote.ownerNotice.has_value());
    const anju::OwnerNotice& n = *remote.ownerNotice;
    QVERIFY(!n.refused);
    QVERIFY(!n.signatureStrokes.empty());
    QVERIFY(n == *local->ownerNotice);
    auto pdf = m_session->store()->photo(n.pdfPhotoId);
    auto signature = m_session->store()->photo(n.signaturePhotoId);
    QVERIFY(pdf.isOk() && signature.isOk());
    QCOMPARE(pdf->sha256, n.pdfSha256);
    QCOMPARE(signature->sha256, n.signatureSha256);
    photoOnServer(token, *pdf);
    photoOnServer(token, *signature);

    // The register: the house's row with its judgment and the two visits.
    const QString csv = m_tabletDir.filePath(QStringLiteral("register.csv"));
    runServerCommand({QStringLiteral("export"), QStringLiteral("register"),
                      QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"),
                      csv, QStringLiteral("--data"), m_serverDir.path()});
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"));
    if (lines.size() < 2) lines = lines.join(QString()).split(u'\n');
    QString headerLine = lines.value(0);
    if (headerLine.startsWith(QChar(0xFEFF))) headerLine.remove(0, 1);
    const QStringList header = csvFields(headerLine);
    const auto column = [&](const char* name) { return header.indexOf(QString::fromUtf8(name)); };
    QVERIFY(column("房屋编号") >= 0 && column("初步判定") >= 0 && column("走访次数") >= 0 &&
            column("无人在家次数") >= 0 && column("审核状态") >= 0);
    QStringList row;
    for (const QString& line : lines) {
      const QStringList fields = csvFields(line);
      if (fields.value(column("房屋编号")) == m_buildingId) row = fields;
    }
    QVERIFY2(!row.isEmpty(), "the house is not in the register");
    QCOMPARE(row.value(column("初步判定")), QStringLiteral("存在严重安全隐患"));
    QCOMPARE(row.value(column("审核状态")), QStringLiteral("已提交"));
    QCOMPARE(row.value(column("走访次数")), QStringLiteral("2"));
    QCOMPARE(row.value(column("无人在家次数")), QStringLiteral("1"));
  }

  void secondInspectionShowsTheCracksHistoryAndGrowth() {
    QVERIFY(!m_firstInspectionId.isEmpty());
    backTo("housePage");
    clickOnPage("inspectButton");
    waitForPage("inspectionPage");
    auto* inspection = pageProperty<InspectionController>("controller");
    QVERIFY(inspection);
    QTRY_VERIFY_WITH_TIMEOUT(inspection->inspectionId() != m_firstInspectionId, kUiTimeoutMs);
    goToSection(*inspection, QStringLiteral("walls"));
    answerCrack(QStringLiteral("1.9"));
    if (QTest::currentTestFailed()) return;
    // Last time's width under the question, marked as changed.
    QQuickItem* previous =
        inList(QStringLiteral("itemList"), QStringLiteral("previous_wall_crack_width"));
    QVERIFY(previous);
    QVERIFY2(previous->property("text").toString().contains(QStringLiteral("1.5")),
             qPrintable(previous->property("text").toString()));
    QVERIFY2(previous->property("text").toString().contains(QStringLiteral("●")),
             qPrintable(previous->property("text").toString()));
    while (!page()->property("showingFindings").toBool()) {
      clickOnPage("nextButton");
      QTest::qWait(50);
    }
    const int row = crackRow(*inspection);
    QVERIFY(row >= 0);
    commitChinese(inList(QStringLiteral("findingList"), QStringLiteral("location_%1").arg(row)),
                  "location", QString::fromUtf8(kCrackLocation));
    QTRY_VERIFY_WITH_TIMEOUT(
        inList(QStringLiteral("findingList"), QStringLiteral("crackGrowing_%1").arg(row)),
        kUiTimeoutMs);
    QQuickItem* history =
        inList(QStringLiteral("findingList"), QStringLiteral("crackHistory_%1").arg(row));
    QVERIFY(history);
    const QString text = history->property("text").toString();
    QVERIFY2(text.contains(QStringLiteral("1.5")) && text.contains(QStringLiteral("1.9")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("0.4")), qPrintable(text));  // grown by 0.4 mm
    if (const QString shot = qEnvironmentVariable("ANJU_FIELD_WALK_SCREENSHOT"); !shot.isEmpty())
      QVERIFY(m_window->grabWindow().save(shot));
  }
};

QTEST_MAIN(FieldWalkTest)
#include "tst_field_walk.moc"
