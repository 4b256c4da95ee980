// The owner notice page (OwnerNoticePage.qml with OwnerNoticeController), driven through the real
// QML offscreen: a signature drawn on the pad with the mouse, saved; the PDF and the PNG stored
// in the photo library with their hashes in the inspection; the PDF's text layer read back with
// pdftotext (address, judgment, notice number digits, no Kangxi radicals); the refusal path; and
// the evidence digest at submit binding the notice's files.
#include <QtQml/qqmlextensionplugin.h>

#include <QProcess>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickView>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "anju/evidence_digest.h"
#include "anju/photo_library.h"
#include "anju/validation.h"
#include "demo_seed.h"
#include "demo_session.h"
#include "inspection_controller.h"
#include "localized.h"
#include "owner_notice_controller.h"
#include "quick_test_helpers.h"
#include "session.h"

Q_IMPORT_QML_PLUGIN(AnjuPlugin)

using namespace anju::app;

namespace {

QString pdfText(const QString& path) {
  QProcess p;
  p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
  if (!p.waitForFinished(30000) || p.exitCode() != 0) return {};
  return QString::fromUtf8(p.readAllStandardOutput());
}

bool hasRadicals(const QString& text) {
  for (const QChar c : text)
    if (c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF) return true;
  return false;
}

}  // namespace

class OwnerNoticeTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> m_dir;
  std::unique_ptr<Session> m_session;
  std::unique_ptr<InspectionController> m_inspection;
  std::unique_ptr<QQuickView> m_view;

  QString freshBuilding() {
    anju::BuildingFilter never;
    never.inspected = false;
    auto list = m_session->store()->listBuildings(never, 1);
    return list && !list->empty() ? toQString(list->front().id) : QString();
  }

  template <typename T = QQuickItem>
  T* item(const char* name) {
    return m_view->rootObject()->findChild<T*>(QString::fromLatin1(name));
  }

  void click(QQuickItem* target) {
    const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, centre.toPoint());
  }

  // A signature: two strokes dragged across the pad with the mouse.
  void drawSignature(QQuickItem* pad) {
    const QList<QList<QPointF>> strokes = {{{20, 120}, {60, 40}, {100, 150}, {140, 60}, {180, 130}},
                                           {{220, 90}, {260, 95}, {300, 70}, {340, 110}}};
    for (const QList<QPointF>& stroke : strokes) {
      QTest::mousePress(m_view.get(), Qt::LeftButton, {}, pad->mapToScene(stroke[0]).toPoint());
      for (qsizetype i = 1; i < stroke.size(); ++i)
        QTest::mouseMove(m_view.get(), pad->mapToScene(stroke[i]).toPoint(), 10);
      QTest::mouseRelease(m_view.get(), Qt::LeftButton, {},
                          pad->mapToScene(stroke.back()).toPoint());
    }
  }

  void openPage() {
    m_view = std::make_unique<QQuickView>();
    m_view->engine()->addImportPath(QStringLiteral("qrc:/qt/qml"));
    m_view->setInitialProperties(
        {{QStringLiteral("controller"), QVariant::fromValue(m_inspection.get())}});
    m_view->setResizeMode(QQuickView::SizeRootObjectToView);
    m_view->resize(800, 1280);
    m_view->setSource(QUrl(QStringLiteral("qrc:/qt/qml/Anju/OwnerNoticePage.qml")));
    QVERIFY2(m_view->status() == QQuickView::Ready,
             qPrintable(m_view->errors().value(0).toString()));
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
  }

 private slots:
  void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Material")); }

  void init() {
    m_dir = std::make_unique<QTemporaryDir>();
    const QString opened = testing::openDemoSession(*m_dir, m_session);
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
    m_inspection = std::make_unique<InspectionController>();
    m_inspection->setSession(m_session.get());
    m_inspection->setBuildingId(freshBuilding());
    // A serious hazard: a 1.5 mm vertical crack over 0.6 of the storey height.
    QVERIFY(m_inspection->setAnswer(QStringLiteral("wall_cracks"), true));
    QVERIFY(m_inspection->setAnswer(QStringLiteral("wall_crack_width"), QStringLiteral("1.5")));
    QVERIFY(m_inspection->setAnswer(QStringLiteral("wall_crack_direction"),
                                    QStringLiteral("vertical")));
    QVERIFY(
        m_inspection->setAnswer(QStringLiteral("wall_crack_height_ratio"), QStringLiteral("0.6")));
    QVERIFY(m_inspection->judgment()->grade());
    QCOMPARE(m_inspection->judgment()->computed(), QStringLiteral("serious"));
  }

  void cleanup() {
    m_view.reset();
    m_inspection.reset();
    m_session.reset();
    m_dir.reset();
  }

  void signatureDrawnOnThePadIsStoredWithThePdf() {
    openPage();
    auto* pad = item("signaturePad");
    QVERIFY(pad);
    auto* notice = item<OwnerNoticeController>("ownerNotice");
    QVERIFY(notice);
    QCOMPARE(notice->state(), QStringLiteral("unsigned"));
    QVERIFY(notice->number().startsWith(QStringLiteral("AJ-")));
    testing::bringIntoView(pad);
    drawSignature(pad);
    QCOMPARE(pad->property("strokes").toList().size(), 2);
    auto* sign = item("signButton");
    QVERIFY(sign);
    QVERIFY(sign->isEnabled());
    testing::bringIntoView(sign);
    click(sign);
    QTRY_COMPARE(notice->state(), QStringLiteral("signed"));
    QVERIFY2(notice->errorString().isEmpty(), qPrintable(notice->errorString()));

    // Stored: the notice in the draft, both files in the library under their hashes.
    auto saved = m_session->store()->inspection(toStdString(m_inspection->inspectionId()));
    QVERIFY(saved.isOk());
    QVERIFY(saved->ownerNotice.has_value());
    const anju::OwnerNotice& n = *saved->ownerNotice;
    QVERIFY(!n.refused);
    QCOMPARE(n.strokesSha256, anju::sha256Hex(n.signatureStrokes));
    QCOMPARE(
        static_cast<int>(std::count(n.signatureStrokes.begin(), n.signatureStrokes.end(), ';')),
        1);  // two strokes
    anju::PhotoLibrary& library = *m_session->photos();
    auto pdfHash = anju::sha256OfFile(library.pathOf(n.pdfSha256));
    QVERIFY(pdfHash.isOk());
    QCOMPARE(*pdfHash, n.pdfSha256);
    QImage png(toQString(library.pathOf(n.signatureSha256)), "PNG");
    QVERIFY(!png.isNull());
    auto pdfRecord = m_session->store()->photo(n.pdfPhotoId);
    QVERIFY(pdfRecord.isOk());
    QCOMPARE(pdfRecord->document, std::string(anju::kDocumentOwnerNotice));
    QCOMPARE(pdfRecord->mimeType, std::string("application/pdf"));

    // The PDF's text layer says exactly what was drawn.
    const QString text = pdfText(notice->pdfPath());
    QVERIFY2(!text.isEmpty(), "pdftotext gave nothing");
    const anju::Building& b = m_inspection->building();
    QVERIFY2(text.contains(toQString(b.address)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("存在严重安全隐患")), qPrintable(text));
    QVERIFY2(text.contains(notice->number()), qPrintable(text));  // "AJ-20261203-0A1B2C3D"
    QVERIFY2(text.contains(QStringLiteral("1.5 mm")), qPrintable(text));
    QVERIFY2(text.contains(toQString(n.strokesSha256)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("房屋安全隐患告知书")), qPrintable(text));
    QVERIFY2(!hasRadicals(text), qPrintable(text));

    if (const QString shot = qEnvironmentVariable("ANJU_NOTICE_SCREENSHOT"); !shot.isEmpty()) {
      auto* preview = item("noticePreview");
      testing::bringIntoView(preview);
      QVERIFY(m_view->grabWindow().save(shot));
    }

    // Sealing (what submit does) binds the notice's files into the evidence digest.
    anju::Inspection sealed = *saved;
    QVERIFY(anju::sealEvidence(*m_session->store(), sealed).isOk());
    QVERIFY(anju::isValidSha256Hex(sealed.evidenceDigest));
    const std::vector<anju::Uuid> bound = anju::evidencePhotoIds(sealed);
    QVERIFY(std::find(bound.begin(), bound.end(), n.pdfPhotoId) != bound.end());
    QVERIFY(std::find(bound.begin(), bound.end(), n.signaturePhotoId) != bound.end());
  }

  void emptyPadCannotBeSigned() {
    OwnerNoticeController notice;
    notice.setInspection(m_inspection.get());
    QVERIFY(!notice.sign({}, 400, 200));
    QVERIFY(!notice.errorString().isEmpty());
    QCOMPARE(notice.state(), QStringLiteral("unsigned"));
    auto saved = m_session->store()->inspection(toStdString(m_inspection->inspectionId()));
    QVERIFY(saved.isOk() && !saved->ownerNotice);
  }

  void refusalIsRecordedWithTheInspectorsNote() {
    openPage();
    auto* notice = item<OwnerNoticeController>("ownerNotice");
    QVERIFY(notice);
    auto* refuse = item("refuseButton");
    QVERIFY(refuse);
    // Without a note the refusal is not recorded.
    testing::bringIntoView(refuse);
    click(refuse);
    QVERIFY(!notice->errorString().isEmpty());
    QCOMPARE(notice->state(), QStringLiteral("unsigned"));
    auto* note = item("refusalNote");
    QVERIFY(note);
    note->setProperty("text", QStringLiteral("产权人之子在场，拒绝签字，称需与家人商量"));
    click(refuse);
    QTRY_COMPARE(notice->state(), QStringLiteral("refused"));
    auto saved = m_session->store()->inspection(toStdString(m_inspection->inspectionId()));
    QVERIFY(saved.isOk() && saved->ownerNotice);
    QVERIFY(saved->ownerNotice->refused);
    QVERIFY(saved->ownerNotice->signaturePhotoId.empty());
    const QString text = pdfText(notice->pdfPath());
    QVERIFY2(text.contains(QStringLiteral("拒绝签字")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("称需与家人商量")), qPrintable(text));
    QVERIFY2(!hasRadicals(text), qPrintable(text));
  }
};

QTEST_MAIN(OwnerNoticeTest)
#include "tst_owner_notice.moc"
