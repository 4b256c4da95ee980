// Inspection flow behaviour added for issue #4's second round: measurements copied into the
// finding they belong to, photos enforced at submit (naming the item), the photo import path
// (2048 px, thumbnail, SHA-256, GPS stamp) for camera captures and files, and per-keystroke text
// kept in the typing journal until it is committed.
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "anju/photo_library.h"
#include "demo_seed.h"
#include "demo_session.h"
#include "house_controller.h"
#include "inspection_controller.h"
#include "photo_import.h"
#include "session.h"
#include "typing_journal.h"

using namespace anju::app;

namespace {

const anju::Measurement* measurement(const anju::Finding& f, const std::string& name) {
  for (const anju::Measurement& m : f.measurements)
    if (m.name == name) return &m;
  return nullptr;
}

}  // namespace

class InspectionFlowTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> m_dir;
  std::unique_ptr<Session> m_session;

  QString freshBuilding() {
    anju::BuildingFilter never;
    never.inspected = false;
    auto list = m_session->store()->listBuildings(never, 1);
    return list && !list->empty() ? toQString(list->front().id) : QString();
  }

  // A picture bigger than the 2048 px limit, written where the camera would put it.
  QString bigPicture(const QString& path) {
    QImage image(3000, 2000, QImage::Format_RGB32);
    image.fill(QColor("#8d6e63"));
    for (int x = 0; x < 3000; x += 50) image.setPixelColor(x, 1000, Qt::white);
    return image.save(path, "JPEG") ? path : QString();
  }

  anju::Inspection stored(const InspectionController& c) {
    auto in = m_session->store()->inspection(toStdString(c.inspectionId()));
    return in ? *in : anju::Inspection{};
  }

 private slots:
  void init() {
    m_dir = std::make_unique<QTemporaryDir>();
    const QString opened = testing::openDemoSession(*m_dir, m_session);
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
  }

  void cleanup() {
    m_session.reset();
    m_dir.reset();
  }

  void measurementAnswersAreCopiedIntoTheirFinding() {
    InspectionController c;
    c.setSession(m_session.get());
    c.setBuildingId(freshBuilding());
    QVERIFY(c.setAnswer(QStringLiteral("wall_cracks"), true));
    QVERIFY(c.setAnswer(QStringLiteral("wall_crack_width"), QStringLiteral("1.2")));
    QVERIFY(c.setAnswer(QStringLiteral("wall_crack_direction"), QStringLiteral("vertical")));
    QVERIFY(c.setAnswer(QStringLiteral("wall_crack_height_ratio"), QStringLiteral("0.6")));
    // Tilt is asked in ‰ and graded in %: converted on the way.
    QVERIFY(c.setAnswer(QStringLiteral("building_tilt"), true));
    QVERIFY(c.setAnswer(QStringLiteral("building_tilt_ratio"), QStringLiteral("35")));
    const anju::Inspection in = stored(c);
    QCOMPARE(in.findings.size(), std::size_t(2));
    const anju::Finding* crack = nullptr;
    const anju::Finding* tilt = nullptr;
    for (const anju::Finding& f : in.findings) {
      if (f.hazard == anju::HazardKind::kWallCrack) crack = &f;
      if (f.hazard == anju::HazardKind::kTilt) tilt = &f;
    }
    QVERIFY(crack && tilt);
    QVERIFY(measurement(*crack, "width"));
    QCOMPARE(measurement(*crack, "width")->value, 1.2);
    QCOMPARE(measurement(*crack, "width")->unit, std::string("mm"));
    QVERIFY(measurement(*crack, "length_ratio"));
    QCOMPARE(measurement(*crack, "length_ratio")->value, 0.6);
    QVERIFY(measurement(*tilt, "tilt"));
    QCOMPARE(measurement(*tilt, "tilt")->value, 3.5);
    QCOMPARE(measurement(*tilt, "tilt")->unit, std::string("percent"));
    // The grading sees them: a 1.2 mm vertical crack over 0.6 of the storey is serious.
    QVERIFY(c.judgment()->grade());
    QCOMPARE(c.judgment()->computed(), QStringLiteral("serious"));
    // A changed answer replaces the copied value rather than adding a second one.
    QVERIFY(c.setAnswer(QStringLiteral("wall_crack_width"), QStringLiteral("0.3")));
    int widths = 0;
    for (const anju::Finding& f : stored(c).findings)
      for (const anju::Measurement& m : f.measurements) widths += (m.name == "width") ? 1 : 0;
    QCOMPARE(widths, 1);
  }

  void submitNamesTheItemThatStillNeedsAPhoto() {
    InspectionController c;
    c.setSession(m_session.get());
    c.setBuildingId(freshBuilding());
    QVERIFY(c.setAnswer(QStringLiteral("wall_cracks"), true));
    QVERIFY(!c.submit());

    auto photoProblem = [&] {
      for (const QString& p : c.submitErrors())
        if (p.startsWith(QStringLiteral("承重墙体是否开裂")) &&
            (p.contains(QStringLiteral("照片")) || p.contains(QStringLiteral("photo"))))
          return p;
      return QString();
    };
    QVERIFY2(!photoProblem().isEmpty(), qPrintable(c.submitErrors().join(QLatin1Char('\n'))));

    // The photo taken from the hazard item goes to its finding and clears the problem.
    const QString picture = bigPicture(m_dir->filePath(QStringLiteral("crack.jpg")));
    QVERIFY(!picture.isEmpty());
    c.photos()->setPosition(30.25961, 120.21937, 8);
    QVERIFY2(c.photos()->add(QUrl::fromLocalFile(picture), QStringLiteral("wall_cracks"), -1),
             qPrintable(c.errorString()));
    QVERIFY(!c.submit());
    QVERIFY2(photoProblem().isEmpty(), qPrintable(photoProblem()));

    const anju::Inspection in = stored(c);
    QCOMPARE(in.findings.size(), std::size_t(1));
    QCOMPARE(in.findings.front().photoIds.size(), std::size_t(1));
    auto photo = m_session->store()->photo(in.findings.front().photoIds.front());
    QVERIFY(photo.isOk());
    QCOMPARE(photo->findingId, in.findings.front().id);
    // GPS stamp, on the photo and the inspection.
    QVERIFY(photo->location.has_value());
    QCOMPARE(photo->location->latitude, 30.25961);
    QVERIFY(in.location.has_value());
    // Resized to 2048 px on the long edge; the stored bytes hash to the recorded SHA-256.
    const QString path = toQString(m_session->photos()->pathOf(photo->sha256));
    QImage storedImage(path);
    QCOMPARE(std::max(storedImage.width(), storedImage.height()), kMaxPhotoEdge);
    auto sha = anju::sha256OfFile(m_session->photos()->pathOf(photo->sha256));
    QVERIFY(sha.isOk());
    QCOMPARE(*sha, photo->sha256);
    QImage thumb(thumbnailPath(m_session->photoDirectory(), toQString(photo->sha256)));
    QCOMPARE(std::max(thumb.width(), thumb.height()), kThumbnailEdge);
    // The finding card lists it.
    const QStringList shown =
        c.findings()
            ->model()
            ->data(c.findings()->model()->index(0), FindingListModel::ThumbnailsRole)
            .toStringList();
    QCOMPARE(shown.size(), 1);
    QCOMPARE(QUrl(shown.front()).toLocalFile(),
             thumbnailPath(m_session->photoDirectory(), toQString(photo->sha256)));
  }

  void cameraCaptureIsImportedAndTheCaptureFileRemoved() {
    InspectionController c;
    c.setSession(m_session.get());
    c.setBuildingId(freshBuilding());
    const QString capture =
        bigPicture(c.photos()->captureDirectory() + QStringLiteral("/IMG_0001.jpg"));
    QVERIFY(!capture.isEmpty());
    QVERIFY(c.photos()->addCaptured(capture, QString(), -1));
    QVERIFY(!QFile::exists(capture));
    QCOMPARE(stored(c).photoIds.size(), std::size_t(1));
    auto pending = m_session->store()->pendingPhotoUploadCount();
    QVERIFY(pending.isOk());
    QVERIFY(*pending >= 1);
    // No position source on the test machine: no stamp, no error.
    QVERIFY(c.errorString().isEmpty());
  }

  void typedTextIsJournalledAtOnceAndCommittedAfterAPause() {
    InspectionController c;
    c.setSession(m_session.get());
    c.setBuildingId(freshBuilding());
    QVERIFY(c.setAnswer(QStringLiteral("wall_cracks"), true));
    c.typeAnswer(QStringLiteral("fire_notes"), QStringLiteral("北"));
    c.typeAnswer(QStringLiteral("fire_notes"), QStringLiteral("北侧通道堆放杂物"));
    // On disk before any pause: the journal holds the text as typed.
    auto journal = readTypingJournal(*m_session->store(), c.inspectionId());
    QVERIFY(journal.isOk());
    QCOMPARE(journal->value(QStringLiteral("answer:fire_notes")),
             QStringLiteral("北侧通道堆放杂物"));
    QCOMPARE(stored(c).answers.count("fire_notes"), std::size_t(0));
    // After the pause it is in the record (an outbox change) and the journal is empty.
    QTRY_COMPARE_WITH_TIMEOUT(stored(c).answers.count("fire_notes"), std::size_t(1), 5000);
    QCOMPARE(std::get<std::string>(stored(c).answers.at("fire_notes")),
             std::string("北侧通道堆放杂物"));
    journal = readTypingJournal(*m_session->store(), c.inspectionId());
    QVERIFY(journal->isEmpty());

    // A measurement typed as "1." stays "1." on screen after its commit stores 1.
    c.typeAnswer(QStringLiteral("wall_crack_width"), QStringLiteral("1."));
    QVERIFY(c.flushTyping());
    QCOMPARE(std::get<double>(stored(c).answers.at("wall_crack_width")), 1.0);
    c.setSectionIndex(2);
    const int row = c.items()->rowOf(QStringLiteral("wall_crack_width"));
    QVERIFY(row >= 0);
    QCOMPARE(c.items()->data(c.items()->index(row), ChecklistItemModel::AnswerTextRole).toString(),
             QStringLiteral("1."));

    // A finding's location, typed.
    c.findings()->typeText(0, QStringLiteral("location"), QStringLiteral("一层北侧承重墙"));
    c.setSectionIndex(3);  // leaving the section commits
    QCOMPARE(stored(c).findings.front().location, std::string("一层北侧承重墙"));
  }

  void journalLeftByAKilledAppIsCommittedWhenTheInspectionOpens() {
    const QString building = freshBuilding();
    QString id;
    {
      InspectionController c;
      c.setSession(m_session.get());
      c.setBuildingId(building);
      // The first keystroke stores a new inspection before journalling (issue 10: nothing is
      // stored before the inspector records something).
      c.typeAnswer(QStringLiteral("fire_notes"), QStringLiteral("楼"));
      QVERIFY(c.isStored());
      id = c.inspectionId();
      QVERIFY(c.flushTyping());
    }
    // What a killed app leaves: journal rows, no record change.
    QVERIFY(writeTypingJournal(
                *m_session->store(), id,
                {{QStringLiteral("answer:fire_notes"), QStringLiteral("楼梯间堆放电动车")}})
                .isOk());
    InspectionController reopened;
    reopened.setSession(m_session.get());
    reopened.setBuildingId(building);
    QCOMPARE(reopened.inspectionId(), id);
    QCOMPARE(std::get<std::string>(stored(reopened).answers.at("fire_notes")),
             std::string("楼梯间堆放电动车"));
    QVERIFY(readTypingJournal(*m_session->store(), id)->isEmpty());
  }

  void unsavedHouseEditsSurviveAndAreClearedBySaveOrUndo() {
    const QString building = freshBuilding();
    {
      HouseController house;
      house.setSession(m_session.get());
      house.setBuildingId(building);
      house.setField(QStringLiteral("owner_name"), QStringLiteral("赵"));
      house.setField(QStringLiteral("owner_name"), QStringLiteral("赵建国"));
      QVERIFY(house.isDirty());
    }  // gone without saving, as a killed app would be
    HouseController again;
    again.setSession(m_session.get());
    again.setBuildingId(building);
    QVERIFY(again.isDirty());
    QCOMPARE(again.fields().value(QStringLiteral("owner_name")).toString(),
             QStringLiteral("赵建国"));
    QVERIFY(again.save());
    HouseController saved;
    saved.setSession(m_session.get());
    saved.setBuildingId(building);
    QVERIFY(!saved.isDirty());
    QCOMPARE(saved.fields().value(QStringLiteral("owner_name")).toString(),
             QStringLiteral("赵建国"));
    saved.setField(QStringLiteral("owner_name"), QStringLiteral("钱"));
    saved.revert();
    HouseController reverted;
    reverted.setSession(m_session.get());
    reverted.setBuildingId(building);
    QVERIFY(!reverted.isDirty());
  }

  void invalidTypedMeasurementStaysJournalledAndBlocksSubmit() {
    InspectionController c;
    c.setSession(m_session.get());
    c.setBuildingId(freshBuilding());
    QVERIFY(c.setAnswer(QStringLiteral("wall_cracks"), true));
    c.typeAnswer(QStringLiteral("wall_crack_width"), QStringLiteral("500"));
    QVERIFY(!c.flushTyping());
    QCOMPARE(readTypingJournal(*m_session->store(), c.inspectionId())
                 ->value(QStringLiteral("answer:wall_crack_width")),
             QStringLiteral("500"));
    QSignalSpy submitted(&c, &InspectionController::submitted);
    QVERIFY(!c.submit());
    QCOMPARE(submitted.count(), 1);
  }
};

QTEST_GUILESS_MAIN(InspectionFlowTest)
#include "tst_inspection_flow.moc"
