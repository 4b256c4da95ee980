// End to end through the app's view models against the real anju-server: sign in as the demo
// inspector, sync (the inspector's street comes down), inspect a pulled house (a 1.2 mm wall
// crack with a photo, a roof leak), submit, sync, and read back from the server the inspection,
// its findings and the photo record, whose bytes the server verified against their SHA-256.
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <memory>

#include "anju/demo_district.h"
#include "anju/record_codec.h"
#include "anju/sync_client.h"
#include "anju/v1/sync.pb.h"
#include "core_sync_service.h"
#include "inspection_controller.h"
#include "server_under_test.h"
#include "session.h"
#include "sync_controller.h"

using namespace anju::app;
using anju::app::testing::runServerCommand;
using anju::app::testing::ServerUnderTest;

namespace {

constexpr int kSyncTimeoutMs = 120000;

// A small real picture to "photograph".
QString writeTestPicture(const QString& dir) {
  QImage image(320, 240, QImage::Format_RGB32);
  image.fill(QColor(180, 170, 150));
  for (int i = 0; i < 200; ++i) image.setPixelColor(60 + i / 2, 20 + i, QColor(40, 40, 40));
  const QString path = dir + QStringLiteral("/crack.png");
  return image.save(path) ? path : QString();
}

}  // namespace

class AppSyncTest : public QObject {
  Q_OBJECT

 private:
  // Answers every required item that applies (and the ones given), section by section, until
  // nothing required is left: the conditions of later items depend on earlier answers.
  void answerEverything(InspectionController& inspection, const QVariantMap& given,
                        const QUrl& picture) {
    const anju::ChecklistTemplate& tmpl = Session::instance()->checklist();
    for (int round = 0; round < 3; ++round) {
      for (int s = 0; s < static_cast<int>(tmpl.sections.size()); ++s) {
        inspection.setSectionIndex(s);
        const auto items = anju::applicableItems(tmpl, tmpl.sections[static_cast<std::size_t>(s)],
                                                 inspection.inspection().answers);
        for (const anju::ChecklistItem* item : items) {
          const QString id = toQString(item->id);
          if (inspection.inspection().answers.count(item->id)) continue;
          if (given.contains(id)) {
            QVERIFY2(inspection.setAnswer(id, given.value(id)), qPrintable(id));
            continue;
          }
          if (!item->required) continue;
          switch (item->type) {
            case anju::ItemType::kYesNo:
              QVERIFY2(inspection.setAnswer(id, false), qPrintable(id));
              break;
            case anju::ItemType::kChoice:
              QVERIFY2(inspection.setAnswer(id, toQString(item->options.front().id)),
                       qPrintable(id));
              break;
            case anju::ItemType::kMeasurement:
              QVERIFY2(inspection.setAnswer(id, QString::number(item->min.value_or(1))),
                       qPrintable(id));
              break;
            case anju::ItemType::kText:
              QVERIFY2(inspection.setAnswer(id, QStringLiteral("无")), qPrintable(id));
              break;
            case anju::ItemType::kPhoto:
              QVERIFY2(inspection.photos()->add(picture, id, -1),
                       qPrintable(inspection.errorString()));
              break;
          }
        }
      }
    }
  }

 private slots:
  void signInInspectSubmitSyncReachesTheServer() {
    QTemporaryDir serverDir;
    QTemporaryDir tabletDir;
    QVERIFY(serverDir.isValid() && tabletDir.isValid());
    QVERIFY(!runServerCommand({QStringLiteral("demo"), QStringLiteral("--data"), serverDir.path()})
                 .isEmpty());
    ServerUnderTest server;
    QVERIFY2(server.start(serverDir.path()), "anju-server serve did not start (see server.log)");

    Session session(nullptr);
    Session::setInstance(&session);
    session.setLanguage(QStringLiteral("en"));
    QVERIFY2(session.open(tabletDir.filePath(QStringLiteral("tablet.db"))),
             qPrintable(session.errorString()));
    session.setSyncService(std::make_unique<CoreSyncService>(session));

    SyncController sync;
    sync.setSession(&session);
    QVERIFY(sync.isAvailable());
    QVERIFY(!sync.isSignedIn());

    // A wrong password is refused in plain words; nobody is signed in.
    QSignalSpy signedIn(&sync, &SyncController::signInFinished);
    sync.signIn(server.url(), QStringLiteral("demo"), QStringLiteral("wrong"));
    QVERIFY(signedIn.wait(kSyncTimeoutMs));
    QCOMPARE(signedIn.at(0).at(0).toBool(), false);
    QVERIFY(!sync.errorString().isEmpty());
    QVERIFY(!sync.isSignedIn());

    sync.signIn(server.url(), QStringLiteral("demo"), QStringLiteral("demo1234"));
    QVERIFY(signedIn.wait(kSyncTimeoutMs));
    QVERIFY2(signedIn.at(1).at(0).toBool(), qPrintable(signedIn.at(1).at(1).toString()));
    QVERIFY(sync.isSignedIn());
    QCOMPARE(session.userName(), QStringLiteral("demo"));  // the inspector is the signed-in user
    QCOMPARE(sync.serverUrl(), server.url());

    // The first sync pulls the inspector's street, and the page shows how far along it is.
    QSignalSpy synced(&sync, &SyncController::syncFinished);
    QStringList progressTexts;
    QObject::connect(&sync, &SyncController::stateChanged, &sync, [&] {
      if (sync.isBusy() && !sync.progressText().isEmpty() &&
          (progressTexts.isEmpty() || progressTexts.back() != sync.progressText()))
        progressTexts.append(sync.progressText());
    });
    sync.syncNow();
    QVERIFY(sync.isBusy());
    QVERIFY(synced.wait(kSyncTimeoutMs));
    QVERIFY2(synced.at(0).at(0).toBool(), qPrintable(synced.at(0).at(1).toString()));
    QVERIFY(!sync.isBusy());
    QVERIFY(!sync.lastSync().isEmpty());
    const auto pulled = session.store()->countBuildings({});
    QVERIFY(pulled.isOk() && *pulled > 0);
    // The server counted what was coming on the first page: "N of N records received".
    const QString received = QStringLiteral("%1 of %1 records received").arg(*pulled);
    QVERIFY2(std::any_of(progressTexts.begin(), progressTexts.end(),
                         [&](const QString& t) { return t.startsWith(received); }),
             qPrintable(progressTexts.join(QStringLiteral(" | "))));
    anju::BuildingFilter street;
    street.district = anju::kDemoDistrict;
    street.street = anju::kDemoInspectorStreet;
    street.inspected = false;
    auto houses = session.store()->listBuildings(street, 1);
    QVERIFY(houses.isOk());
    QVERIFY2(!houses->empty(), "no uninspected house of the inspector's street was pulled");
    const QString buildingId = toQString(houses->front().id);

    // Inspect it: a 1.2 mm wall crack with a photo, a roof leak; submit.
    const QString picturePath = writeTestPicture(tabletDir.path());
    QVERIFY(!picturePath.isEmpty());
    const QUrl picture = QUrl::fromLocalFile(picturePath);
    InspectionController inspection;
    inspection.setSession(&session);
    inspection.setBuildingId(buildingId);
    QVERIFY(!inspection.inspectionId().isEmpty());
    answerEverything(inspection,
                     {{QStringLiteral("wall_cracks"), true},
                      {QStringLiteral("wall_crack_direction"), QStringLiteral("diagonal")},
                      {QStringLiteral("wall_crack_width"), QStringLiteral("1.2")},
                      {QStringLiteral("roof_leak"), true}},
                     picture);
    if (QTest::currentTestFailed()) return;
    const auto findingRow = [&](anju::HazardKind hazard) {
      const auto& findings = inspection.inspection().findings;
      for (std::size_t i = 0; i < findings.size(); ++i)
        if (findings[i].hazard == hazard) return static_cast<int>(i);
      return -1;
    };
    const int crackRow = findingRow(anju::HazardKind::kWallCrack);
    QVERIFY(crackRow >= 0);
    QVERIFY(findingRow(anju::HazardKind::kRoofLeak) >= 0);
    QVERIFY(inspection.findings()->setField(crackRow, QStringLiteral("location"),
                                            QStringLiteral("一层北侧承重墙")));
    QVERIFY(inspection.findings()->setMeasurement(crackRow, QStringLiteral("width"),
                                                  QStringLiteral("1.2")));
    QVERIFY2(inspection.photos()->add(picture, QString(), crackRow),
             qPrintable(inspection.errorString()));
    // The roof leak needs its own photo (photo_required; submit names the item otherwise).
    QImage leak(320, 240, QImage::Format_RGB32);
    leak.fill(QColor(90, 110, 140));
    const QString leakPath = tabletDir.path() + QStringLiteral("/leak.png");
    QVERIFY(leak.save(leakPath));
    QVERIFY2(inspection.photos()->add(QUrl::fromLocalFile(leakPath), QString(),
                                      findingRow(anju::HazardKind::kRoofLeak)),
             qPrintable(inspection.errorString()));
    QVERIFY2(inspection.submit(), qPrintable(inspection.submitErrors().join(u'\n')));
    const anju::Inspection submitted = inspection.inspection();
    const anju::Finding& crack = submitted.findings.at(static_cast<std::size_t>(crackRow));
    QCOMPARE(crack.photoIds.size(), std::size_t{1});
    const std::string crackPhotoId = crack.photoIds.front();
    auto localPhoto = session.store()->photo(crackPhotoId);
    QVERIFY(localPhoto.isOk());
    // The SHA-256 of the bytes the tablet keeps, computed here independently of core.
    QFile stored(toQString(session.photos()->pathOf(localPhoto->sha256)));
    QVERIFY(stored.open(QIODevice::ReadOnly));
    const std::string sha = QCryptographicHash::hash(stored.readAll(), QCryptographicHash::Sha256)
                                .toHex()
                                .toStdString();
    QCOMPARE(localPhoto->sha256, sha);
    QVERIFY(sync.pendingCount() > 0);

    sync.syncNow();
    QVERIFY(synced.wait(kSyncTimeoutMs));
    QVERIFY2(synced.at(1).at(0).toBool(), qPrintable(synced.at(1).at(1).toString()));
    QCOMPARE(sync.pendingCount(), 0);
    auto photosLeft = session.store()->pendingPhotoUploadCount();
    QVERIFY(photosLeft.isOk());
    QCOMPARE(*photosLeft, 0);

    // The server holds the inspection with both findings, and the crack photo with its bytes.
    auto token = session.store()->syncState(anju::kSyncAuthToken);
    QVERIFY(token.isOk() && !token->empty());
    anju::v1::PulledChange change;
    QVERIFY(change.ParseFromString(server.get(*token, "/v1/records/inspection/" + submitted.id)));
    auto record = anju::decodeRecord(change.record().SerializeAsString());
    QVERIFY(record.isOk());
    const auto* onServer = std::get_if<anju::Inspection>(&*record);
    QVERIFY(onServer);
    QCOMPARE(onServer->review, anju::ReviewState::kSubmitted);
    QCOMPARE(onServer->inspector, std::string("demo"));
    QCOMPARE(onServer->findings.size(), submitted.findings.size());
    const anju::Finding* serverCrack = nullptr;
    bool serverLeak = false;
    for (const anju::Finding& f : onServer->findings) {
      if (f.hazard == anju::HazardKind::kWallCrack) serverCrack = &f;
      if (f.hazard == anju::HazardKind::kRoofLeak) serverLeak = true;
    }
    QVERIFY(serverCrack && serverLeak);
    QCOMPARE(serverCrack->photoIds, std::vector<std::string>{crackPhotoId});
    bool width = false;
    for (const anju::Measurement& m : serverCrack->measurements)
      if (m.name == "width" && m.value == 1.2 && m.unit == "mm") width = true;
    QVERIFY(width);

    QVERIFY(change.ParseFromString(server.get(*token, "/v1/records/photo/" + crackPhotoId)));
    record = anju::decodeRecord(change.record().SerializeAsString());
    QVERIFY(record.isOk());
    const auto* photoOnServer = std::get_if<anju::PhotoRecord>(&*record);
    QVERIFY(photoOnServer);
    QCOMPARE(photoOnServer->sha256, sha);
    QCOMPARE(photoOnServer->findingId, crack.id);

    anju::v1::PhotoStatus bytes;
    QVERIFY(bytes.ParseFromString(server.get(*token, "/v1/photos/" + sha)));
    QVERIFY(bytes.complete());  // every byte arrived and hashed to `sha` on the server
    QCOMPARE(bytes.received_bytes(), static_cast<std::int64_t>(stored.size()));

    const QString status =
        runServerCommand({QStringLiteral("inspection-status"), toQString(submitted.id),
                          QStringLiteral("--data"), serverDir.path()});
    QVERIFY2(status.contains(QStringLiteral("review=submitted")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("photos complete")), qPrintable(status));
    Session::setInstance(nullptr);
  }
};

QTEST_GUILESS_MAIN(AppSyncTest)
#include "tst_app_sync.moc"
