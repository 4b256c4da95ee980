// Issue 10 §4, photos, driven through the real QML offscreen (PhotoPage.qml and
// PhotoAnnotationPage.qml in a StackView, as the app pushes them): a photo opened full size, its
// caption typed and category chosen; deleted before submission and refused once the inspection
// was submitted (a returned inspection's photos are evidence); annotated with an arrow and a
// text, saved as a copy that differs from the original, has its own SHA-256 and links it, while
// the original's bytes stay as they were; a photo item showing the photo it holds.
#include <QtQml/qqmlextensionplugin.h>

#include <QFile>
#include <QImage>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickView>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <memory>

#include "anju/evidence_digest.h"
#include "anju/hlc.h"
#include "anju/photo_library.h"
#include "anju/sha256.h"
#include "demo_session.h"
#include "inspection_controller.h"
#include "localized.h"
#include "session.h"

Q_IMPORT_QML_PLUGIN(AnjuPlugin)

using namespace anju::app;

namespace {

// The pages as the inspection page pushes them.
constexpr char kHost[] = R"(
import QtQuick
import QtQuick.Controls
import Anju
StackView {
    id: stack
    objectName: "stack"
    required property InspectionController controller
    required property string photoId
    initialItem: Item { objectName: "home" }
    Component.onCompleted: push(Qt.resolvedUrl("qrc:/qt/qml/Anju/PhotoPage.qml"),
                                { controller: controller, photoId: photoId })
}
)";

std::string fileBytes(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  const QByteArray bytes = f.readAll();
  return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

}  // namespace

class PhotosTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> m_dir;
  std::unique_ptr<Session> m_session;
  std::unique_ptr<InspectionController> m_inspection;
  std::unique_ptr<QQuickView> m_view;
  QString m_buildingId;
  QString m_photoId;

  // A 1200 x 900 wall: grey with a dark vertical line (under the import's size limit, so the
  // stored picture keeps these dimensions).
  QUrl wallPicture() {
    QImage image(1200, 900, QImage::Format_RGB32);
    image.fill(QColor("#9e9e9e"));
    for (int y = 0; y < 600; ++y)
      for (int x = 598; x < 602; ++x) image.setPixelColor(x, y, QColor("#212121"));
    const QString path = m_dir->filePath(QStringLiteral("wall.jpg"));
    return image.save(path, "JPEG", 95) ? QUrl::fromLocalFile(path) : QUrl();
  }

  anju::PhotoRecord record(const QString& id) {
    auto p = m_session->store()->photo(toStdString(id));
    return p ? *p : anju::PhotoRecord{};
  }
  QString libraryPath(const anju::PhotoRecord& p) {
    return toQString(m_session->photos()->pathOf(p.sha256));
  }

  // The page on top, once the stack's push or pop transition is over (it takes no input before).
  QObject* currentPage() {
    if (m_view->rootObject()->property("busy").toBool()) return nullptr;
    return m_view->rootObject()->property("currentItem").value<QObject*>();
  }
  // An item of the page on top of the stack (pushed pages are QObject children of none).
  template <typename T = QQuickItem>
  T* item(const char* name) {
    QObject* page = currentPage();
    return page ? page->findChild<T*>(QString::fromLatin1(name)) : nullptr;
  }

  void click(QQuickItem* target) {
    QVERIFY(target);
    const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, centre.toPoint());
  }

  void openPhotoPage(const QString& photoId) {
    QFile host(m_dir->filePath(QStringLiteral("host.qml")));
    QVERIFY(host.open(QIODevice::WriteOnly));
    host.write(kHost);
    host.close();
    m_view = std::make_unique<QQuickView>();
    m_view->engine()->addImportPath(QStringLiteral("qrc:/qt/qml"));
    m_view->setInitialProperties(
        {{QStringLiteral("controller"), QVariant::fromValue(m_inspection.get())},
         {QStringLiteral("photoId"), photoId}});
    m_view->setResizeMode(QQuickView::SizeRootObjectToView);
    m_view->resize(1280, 800);
    m_view->setSource(QUrl::fromLocalFile(host.fileName()));
    QVERIFY2(m_view->status() == QQuickView::Ready,
             qPrintable(m_view->errors().value(0).toString()));
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTRY_VERIFY(currentPage() && currentPage()->objectName() == QLatin1String("photoPage"));
  }

  // Key presses into the focused field (QTest::keyClicks takes widgets only).
  void type(const char* text) {
    for (const char* c = text; *c; ++c) QTest::keyClick(m_view.get(), *c);
  }

  // A drag with the mouse from `from` to `to`, in `target`'s coordinates.
  void drag(QQuickItem* target, QPointF from, QPointF to) {
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, target->mapToScene(from).toPoint());
    for (int i = 1; i <= 8; ++i)
      QTest::mouseMove(m_view.get(), target->mapToScene(from + (to - from) * i / 8.0).toPoint(),
                       10);
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, target->mapToScene(to).toPoint());
  }

  // The stored inspection made submitted and then returned by a reviewer, and reopened: the
  // inspector may edit it again, but it was handed in once.
  void returnInspection() {
    auto in = m_session->store()->inspection(toStdString(m_inspection->inspectionId()));
    QVERIFY(in.isOk());
    in->review = anju::ReviewState::kSubmitted;
    in->submittedAt = anju::systemNowMs();
    QVERIFY(m_session->store()->putInspection(*in, "tester").isOk());
    in->review = anju::ReviewState::kReturned;
    in->reviewComment = "请补充门牌照片";
    QVERIFY(m_session->store()->putInspection(*in, "reviewer").isOk());
    m_inspection = std::make_unique<InspectionController>();
    m_inspection->setSession(m_session.get());
    m_inspection->setBuildingId(m_buildingId);
    QCOMPARE(m_inspection->review(), QStringLiteral("returned"));
    QVERIFY(m_inspection->isEditable());
  }

 private slots:
  void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Material")); }

  void init() {
    m_dir = std::make_unique<QTemporaryDir>();
    const QString opened = testing::openDemoSession(*m_dir, m_session);
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
    m_inspection = std::make_unique<InspectionController>();
    m_inspection->setSession(m_session.get());
    m_buildingId = testing::freshBuilding(*m_session);
    m_inspection->setBuildingId(m_buildingId);
    QVERIFY(m_inspection->photos()->add(wallPicture(), QString(), -1));
    const QStringList ids = m_inspection->photos()->ids();
    QCOMPARE(ids.size(), 1);
    m_photoId = ids.front();
  }

  void cleanup() {
    m_view.reset();
    m_inspection.reset();
    m_session.reset();
    m_dir.reset();
  }

  void photoOpensFullSizeAndTakesCaptionAndCategory() {
    openPhotoPage(m_photoId);
    auto* image = item("fullSizeImage");
    QVERIFY(image);
    QTRY_COMPARE(image->property("status").toInt(), 1);  // Image.Ready
    QCOMPARE(image->property("sourceSize").toSize(), QSize(1200, 900));
    QVERIFY(image->property("source").toUrl().isLocalFile());

    auto* caption = item("captionField");
    click(caption);
    QTRY_VERIFY(caption->hasActiveFocus());
    type("North wall crack");
    QTest::keyClick(m_view.get(), Qt::Key_Return);
    QTRY_COMPARE(record(m_photoId).caption, std::string("North wall crack"));

    auto* category = item("categoryBox");
    const QVariantList options = m_inspection->photos()->categories();
    QCOMPARE(options.size(), 7);
    int crack = -1;
    for (int i = 0; i < options.size(); ++i)
      if (options[i].toMap().value(QStringLiteral("code")) == QStringLiteral("crack")) crack = i;
    QVERIFY(crack >= 0);
    category->setProperty("currentIndex", crack);
    QVERIFY(QMetaObject::invokeMethod(category, "activated", Q_ARG(int, crack)));
    QVERIFY(record(m_photoId).category == anju::PhotoCategory::kCrack);
    // The page shows what the store holds.
    QTRY_COMPARE(currentPage()->property("info").toMap().value("category").toString(),
                 QStringLiteral("crack"));
    QCOMPARE(category->property("displayText").toString(),
             options[crack].toMap().value("label").toString());
    // The bytes did not change: a description is not an edit of the picture.
    QCOMPARE(anju::sha256Hex(fileBytes(libraryPath(record(m_photoId)))), record(m_photoId).sha256);
  }

  void draftPhotoIsDeletedEverywhere() {
    openPhotoPage(m_photoId);
    auto* remove = item("deleteButton");
    QVERIFY(remove->isEnabled());
    click(remove);
    QTRY_VERIFY(item("confirmDeleteButton")->isVisible());
    click(item("confirmDeleteButton"));
    QTRY_COMPARE(m_view->rootObject()->property("depth").toInt(), 1);
    QVERIFY(record(m_photoId).deleted);
    QVERIFY(m_inspection->photos()->ids().isEmpty());
    const anju::Inspection in =
        *m_session->store()->inspection(toStdString(m_inspection->inspectionId()));
    QVERIFY(in.photoIds.empty());
  }

  void returnedInspectionsPhotoCannotBeDeleted() {
    returnInspection();
    openPhotoPage(m_photoId);
    QVERIFY(!item("deleteButton")->isEnabled());
    // Described still may be: a caption is not evidence.
    QVERIFY(item("captionField")->isEnabled());
    QVERIFY(!m_inspection->photos()->remove(m_photoId));
    QVERIFY(m_inspection->errorString().contains(QStringLiteral("evidence")) ||
            m_inspection->errorString().contains(QStringLiteral("证据")));
    QVERIFY(!record(m_photoId).deleted);
    QCOMPARE(m_inspection->photos()->ids(), QStringList{m_photoId});
  }

  void storeRefusesDeletionOnceSubmittedElsewhere() {
    // The open page still thinks it is a draft; the store knows it was submitted meanwhile.
    auto in = m_session->store()->inspection(toStdString(m_inspection->inspectionId()));
    in->review = anju::ReviewState::kSubmitted;
    in->submittedAt = anju::systemNowMs();
    QVERIFY(m_session->store()->putInspection(*in, "tester").isOk());
    QVERIFY(!m_inspection->photos()->remove(m_photoId));
    QVERIFY(!record(m_photoId).deleted);
  }

  void annotationIsSavedOnACopyLinkedToTheOriginal() {
    const anju::PhotoRecord original = record(m_photoId);
    const std::string originalBytes = fileBytes(libraryPath(original));
    openPhotoPage(m_photoId);
    click(item("annotateButton"));
    QTRY_VERIFY(currentPage() &&
                currentPage()->objectName() == QLatin1String("photoAnnotationPage"));
    auto* paper = item("annotationPaper");
    QTRY_VERIFY(paper && paper->width() > 100);
    QObject* page = currentPage();

    // An arrow: dragged from the lower left towards the crack.
    drag(paper, QPointF(paper->width() * 0.2, paper->height() * 0.8),
         QPointF(paper->width() * 0.48, paper->height() * 0.4));
    QTRY_COMPARE(page->property("shapes").toList().size(), 1);
    // A circle, then undone.
    click(item("circleTool"));
    drag(paper, QPointF(paper->width() * 0.5, paper->height() * 0.3),
         QPointF(paper->width() * 0.6, paper->height() * 0.3));
    QTRY_COMPARE(page->property("shapes").toList().size(), 2);
    click(item("undoButton"));
    QTRY_COMPARE(page->property("shapes").toList().size(), 1);
    // A text: typed, then placed with a tap.
    click(item("textTool"));
    auto* text = item("annotationText");
    QTRY_VERIFY(text->isVisible());
    click(text);
    type("Crack 1.5 mm");
    click(paper);
    QTRY_COMPARE(page->property("shapes").toList().size(), 2);
    QCOMPARE(page->property("shapes").toList()[1].toMap().value("text").toString(),
             QStringLiteral("Crack 1.5 mm"));

    click(item("saveAnnotationButton"));
    QTRY_VERIFY(currentPage() && currentPage()->objectName() == QLatin1String("photoPage"));
    const QString copyId = currentPage()->property("photoId").toString();
    QVERIFY(copyId != m_photoId);
    const anju::PhotoRecord copy = record(copyId);
    QCOMPARE(copy.annotatedFrom, original.id);
    QVERIFY(copy.sha256 != original.sha256);
    QCOMPARE(anju::sha256Hex(fileBytes(libraryPath(copy))), copy.sha256);
    // The original is untouched: its record and its bytes.
    QVERIFY(record(m_photoId) == original);
    QCOMPARE(fileBytes(libraryPath(original)), originalBytes);
    // The copy's picture differs from the original's, with the red ink along the arrow.
    const QImage before(libraryPath(original));
    const QImage after(libraryPath(copy));
    QCOMPARE(after.size(), before.size());
    int redPixels = 0;
    for (int y = 0; y < after.height(); y += 2)
      for (int x = 0; x < after.width(); x += 2) {
        const QColor c = after.pixelColor(x, y);
        if (c.red() > 170 && c.green() < 90 && c.blue() < 90) ++redPixels;
      }
    QVERIFY2(redPixels > 500, qPrintable(QString::number(redPixels)));
    const QColor midArrow =
        after.pixelColor(static_cast<int>(1200 * 0.34), static_cast<int>(900 * 0.6));
    QVERIFY2(midArrow.red() > 150 && midArrow.green() < 150, qPrintable(midArrow.name()));
    // Both are photos of the inspection, bound by its evidence, both queued for upload; the
    // copy sits right after its original; the page offers the way back.
    QCOMPARE(m_inspection->photos()->ids(), (QStringList{m_photoId, copyId}));
    const auto bound = anju::evidencePhotoIds(m_inspection->inspection());
    QVERIFY(std::find(bound.begin(), bound.end(), copy.id) != bound.end());
    QVERIFY(m_session->store()->pendingPhotoUploadCount().value() == 2);
    QVERIFY(item("showOriginalButton")->isVisible());
    click(item("showOriginalButton"));
    QTRY_COMPARE(currentPage()->property("photoId").toString(), m_photoId);
    QCOMPARE(currentPage()->property("info").toMap().value("copies").toStringList(),
             QStringList{copyId});
  }

  void deletingAnOriginalDeletesItsCopies() {
    const QString copy = m_inspection->photos()->annotate(
        m_photoId,
        {QVariantMap{{"kind", "circle"}, {"x1", 0.5}, {"y1", 0.5}, {"x2", 0.6}, {"y2", 0.5}}});
    QVERIFY2(!copy.isEmpty(), qPrintable(m_inspection->errorString()));
    QVERIFY(m_inspection->photos()->remove(m_photoId));
    QVERIFY(record(m_photoId).deleted);
    QVERIFY(record(copy).deleted);
    QVERIFY(m_inspection->photos()->ids().isEmpty());
  }

  void badShapesAreRefusedAndNothingIsStored() {
    QCOMPARE(m_inspection->photos()->annotate(m_photoId, {}), QString());
    QVERIFY(!m_inspection->errorString().isEmpty());
    QCOMPARE(
        m_inspection->photos()->annotate(
            m_photoId,
            {QVariantMap{{"kind", "arrow"}, {"x1", 0.5}, {"y1", 0.5}, {"x2", 1.7}, {"y2", 0.5}}}),
        QString());
    QCOMPARE(m_inspection->photos()->annotate(
                 m_photoId, {QVariantMap{{"kind", "text"}, {"x1", 0.5}, {"y1", 0.5}}}),
             QString());
    QCOMPARE(m_inspection->photos()->ids(), QStringList{m_photoId});
    QVERIFY(m_session->store()->pendingPhotoUploadCount().value() == 1);
  }

  void photoItemShowsItsPhoto() {
    QVERIFY(m_inspection->photos()->add(wallPicture(), QStringLiteral("front_photo"), -1));
    const anju::Inspection& in = m_inspection->inspection();
    const auto answer = in.answers.find("front_photo");
    QVERIFY(answer != in.answers.end());
    const QString photoId = toQString(std::get<std::string>(answer->second));
    QVERIFY(m_inspection->photos()->thumbnailOf(photoId).startsWith(QStringLiteral("file:")));
    QVERIFY(m_inspection->photos()->ids().contains(photoId));
  }
};

QTEST_MAIN(PhotosTest)
#include "tst_photos.moc"
