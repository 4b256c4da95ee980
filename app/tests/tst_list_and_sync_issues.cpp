// My houses keeps its place when the store changes (no reset, rows updated in place), the
// returned-inspections strip, the refused-changes-and-conflicts page's model, and sign-out.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "anju/record_codec.h"
#include "anju/stored_reason.h"
#include "anju/sync_client.h"
#include "anju/uuid.h"
#include "assigned_house_model.h"
#include "core_sync_service.h"
#include "demo_seed.h"
#include "demo_session.h"
#include "house_list_model.h"
#include "inspection_controller.h"
#include "returned_inspection_model.h"
#include "session.h"
#include "sync_controller.h"
#include "sync_issues_model.h"

using namespace anju::app;

class ListAndSyncIssuesTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> m_dir;
  std::unique_ptr<Session> m_session;

  anju::Store& store() { return *m_session->store(); }

  // Sends the oldest pending change "to the server": returns it so the test can answer for it.
  anju::OutboxEntry oldestPending() {
    auto pending = store().pendingOutbox(1000, 1 << 30);
    return pending && !pending->empty() ? pending->back() : anju::OutboxEntry{};
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

  void houseListKeepsItsRowsWhenTheStoreChanges() {
    HouseListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    model.fetchMore({});
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 150);
    const QString row120 = model.idAt(120);
    QCOMPARE(model.data(model.index(120), HouseListModel::StatusRole).toString(),
             QStringLiteral("not_visited"));
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // A draft on house 120 (what a save or a sync does): the row changes where it is.
    InspectionController inspection;
    inspection.setSession(m_session.get());
    inspection.setBuildingId(row120);
    QVERIFY(inspection.setAnswer(QStringLiteral("wall_cracks"), true));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(model.rowCount(), 150);
    QCOMPARE(model.idAt(120), row120);
    QCOMPARE(model.data(model.index(120), HouseListModel::StatusRole).toString(),
             QStringLiteral("in_progress"));
    QVERIFY(changed.count() >= 1);

    // A house pulled into the middle of the loaded rows is inserted, nothing reset.
    auto first = store().building(toStdString(model.idAt(0)));
    QVERIFY(first.isOk());
    anju::Building neighbour = *first;
    neighbour.id = anju::newUuid();
    neighbour.address = first->address + "之一";
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(store().putBuilding(neighbour, "tester").isOk());
    m_session->notifyStoreChanged();
    QCOMPARE(resets.count(), 0);
    // (The model tester may fetch another page meanwhile; the new house is one row at 1.)
    const bool insertedAtOne = std::any_of(
        inserted.begin(), inserted.end(),
        [](const QList<QVariant>& a) { return a.at(1).toInt() == 1 && a.at(2).toInt() == 1; });
    QVERIFY(insertedAtOne);
    QCOMPARE(model.totalCount(), 201);
    QCOMPARE(model.idAt(121), row120);  // shifted by the one above it, still loaded

    // A filter change is a new list: that one resets to the top.
    model.setStatusFilter(QStringLiteral("in_progress"));
    QCOMPARE(resets.count(), 1);
  }

  void returnedInspectionsAreListedWithTheReviewersComment() {
    ReturnedInspectionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    QCOMPARE(model.count(), 1);  // the demo returns one inspection
    QCOMPARE(model.data(model.index(0), ReturnedInspectionModel::CommentRole).toString(),
             QStringLiteral("裂缝位置请补拍近景照片"));
    const QString building =
        model.data(model.index(0), ReturnedInspectionModel::BuildingIdRole).toString();
    // Resubmitting takes it off the strip.
    auto history = store().inspectionsOfBuilding(toStdString(building));
    QVERIFY(history.isOk() && !history->empty());
    anju::Inspection again = history->front();
    QCOMPARE(again.review, anju::ReviewState::kReturned);
    again.review = anju::ReviewState::kSubmitted;
    QVERIFY(store().putInspection(again, "tester").isOk());
    m_session->notifyStoreChanged();
    QCOMPARE(model.count(), 0);
  }

  // 分派给我: the houses a sync brought as assigned come first, earliest due date first, with the
  // due date; the next sync's set replaces them (a house re-assigned to someone else leaves).
  void assignedHousesComeFirstWithTheirDueDate() {
    AssignedHouseModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    QCOMPARE(model.count(), 0);
    HouseListModel list;
    list.setSession(m_session.get());
    list.fetchMore({});
    const QString a = list.idAt(10), b = list.idAt(3), c = list.idAt(40);
    QVERIFY(store()
                .replaceAssignments({{toStdString(a), "2026-12-20", "reviewer", 1},
                                     {toStdString(b), "2026-12-24", "reviewer", 1},
                                     {toStdString(c), "2026-12-18", "reviewer", 1},
                                     {anju::newUuid(), "2026-12-01", "reviewer", 1}})
                .isOk());
    m_session->notifyStoreChanged();
    // The house the tablet does not hold yet is not shown.
    QCOMPARE(model.count(), 3);
    auto at = [&](int row, int role) { return model.data(model.index(row), role).toString(); };
    QCOMPARE(at(0, AssignedHouseModel::BuildingIdRole), c);
    QCOMPARE(at(0, AssignedHouseModel::DueDateRole), QStringLiteral("2026-12-18"));
    QCOMPARE(at(1, AssignedHouseModel::BuildingIdRole), a);
    QCOMPARE(at(2, AssignedHouseModel::BuildingIdRole), b);
    QCOMPARE(at(2, AssignedHouseModel::DueDateRole), QStringLiteral("2026-12-24"));
    QVERIFY(!at(0, AssignedHouseModel::AddressRole).isEmpty());

    // The next sync's whole set replaces it.
    QVERIFY(store().replaceAssignments({{toStdString(b), "2026-12-24", "reviewer", 2}}).isOk());
    m_session->notifyStoreChanged();
    QCOMPARE(model.count(), 1);
    QCOMPARE(at(0, AssignedHouseModel::BuildingIdRole), b);
  }

  void refusedChangeShowsTheReasonInPlainWordsAndCanBeDismissed() {
    HouseListModel houses;
    houses.setSession(m_session.get());
    auto building = store().building(toStdString(houses.idAt(5)));
    QVERIFY(building.isOk());
    building->ownerName = "王五";
    QVERIFY(store().putBuilding(*building, "tester").isOk());
    const anju::OutboxEntry change = oldestPending();
    QCOMPARE(change.recordId, building->id);
    QVERIFY(store()
                .rejectOutbox(
                    change.changeId,
                    anju::encodeStoredReason({anju::msg("demo.contact_phone_format"), {}, {}}))
                .isOk());

    SyncIssuesModel issues;
    QAbstractItemModelTester tester(&issues,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    issues.setSession(m_session.get());
    QCOMPARE(issues.count(), 1);
    const QModelIndex row = issues.index(0);
    QCOMPARE(issues.data(row, SyncIssuesModel::IssueKindRole).toString(),
             QStringLiteral("rejected"));
    QCOMPARE(issues.data(row, SyncIssuesModel::BuildingIdRole).toString(), toQString(building->id));
    const QString reason = issues.data(row, SyncIssuesModel::ReasonRole).toString();
    QVERIFY2(reason.contains(QStringLiteral("联系电话应为11位手机号")), qPrintable(reason));
    QVERIFY2(!reason.contains(QStringLiteral("mobile number")),
             qPrintable(reason));  // one language
    m_session->setLanguage(QStringLiteral("en"));
    QVERIFY(issues.data(issues.index(0), SyncIssuesModel::ReasonRole)
                .toString()
                .contains(QStringLiteral("11-digit mobile number")));

    QVERIFY(issues.dismiss(0));
    QCOMPARE(issues.count(), 0);
    QVERIFY(store().rejectedOutbox()->empty());
    // The record itself is untouched.
    QCOMPARE(store().building(building->id)->ownerName, std::string("王五"));
  }

  void conflictShowsTheLosingVersionAndMineCanBeSentAgain() {
    HouseListModel houses;
    houses.setSession(m_session.get());
    InspectionController inspection;
    inspection.setSession(m_session.get());
    inspection.setBuildingId(houses.idAt(40));
    QVERIFY(inspection.setAnswer(QStringLiteral("wall_cracks"), true));
    // Everything so far reached the server, except our last change, which loses to a reviewer's.
    auto pending = store().pendingOutbox(1000, 1 << 30);
    QVERIFY(pending.isOk() && !pending->empty());
    const anju::OutboxEntry ours = pending->back();
    for (std::size_t i = 0; i + 1 < pending->size(); ++i)
      QVERIFY(store().acknowledgeOutbox((*pending)[i].changeId, (*pending)[i].version).isOk());
    anju::Inspection theirs = inspection.inspection();
    theirs.answers.erase("wall_cracks");
    theirs.findings.clear();
    QVERIFY(store()
                .recordConflict(ours.changeId, anju::encodeRecord(theirs), ours.version + 1000)
                .isOk());

    SyncIssuesModel issues;
    QAbstractItemModelTester tester(&issues,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    issues.setSession(m_session.get());
    QCOMPARE(issues.count(), 1);
    QCOMPARE(issues.data(issues.index(0), SyncIssuesModel::IssueKindRole).toString(),
             QStringLiteral("conflict"));
    const QString losing =
        issues.data(issues.index(0), SyncIssuesModel::LosingVersionRole).toString();
    QVERIFY2(losing.contains(QStringLiteral("tester")), qPrintable(losing));
    QVERIFY2(losing.contains(QStringLiteral("墙体裂缝")) || losing.contains(QStringLiteral("裂缝")),
             qPrintable(losing));
    QVERIFY(issues.data(issues.index(0), SyncIssuesModel::CanKeepMineRole).toBool());

    const qint64 before = *store().pendingOutboxCount();
    QVERIFY2(issues.keepMine(0), qPrintable(issues.errorString()));
    QCOMPARE(issues.count(), 0);
    QCOMPARE(*store().pendingOutboxCount(), before + 1);  // sent at the next sync
    auto now = store().inspection(toStdString(inspection.inspectionId()));
    QVERIFY(now.isOk());
    QCOMPARE(now->answers.count("wall_cracks"), std::size_t(1));
    QCOMPARE(now->findings.size(), std::size_t(1));
  }

  void signOutForgetsTheTokenAndKeepsEverythingElse() {
    QVERIFY(store()
                .setSyncStates({{std::string(anju::kSyncAuthToken), "token-123"},
                                {std::string(anju::kSyncAuthUser), "tester"},
                                {SyncController::kServerUrlKey, "http://127.0.0.1:9"}})
                .isOk());
    m_session->setSyncService(std::make_unique<CoreSyncService>(*m_session));
    HouseListModel houses;
    houses.setSession(m_session.get());
    InspectionController draft;
    draft.setSession(m_session.get());
    draft.setBuildingId(houses.idAt(45));
    QVERIFY(draft.setAnswer(QStringLiteral("wall_cracks"), true));
    const qint64 pendingBefore = *store().pendingOutboxCount();
    QVERIFY(pendingBefore > 0);

    SyncController sync;
    sync.setSession(m_session.get());
    QVERIFY(sync.isSignedIn());
    sync.signOut();
    QVERIFY(!sync.isSignedIn());
    QVERIFY(m_session->userName().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(store().syncState(anju::kSyncAuthToken)->empty(), 5000);
    QVERIFY(store().syncState(anju::kSyncAuthUser)->empty());
    QCOMPARE(*store().pendingOutboxCount(), pendingBefore);
    QCOMPARE(sync.serverUrl(), QStringLiteral("http://127.0.0.1:9"));  // prefilled next time
    // The draft is still there and can be continued; a sync now asks to sign in.
    InspectionController resumed;
    resumed.setSession(m_session.get());
    resumed.setBuildingId(houses.idAt(45));
    QCOMPARE(resumed.inspectionId(), draft.inspectionId());
    QVERIFY(resumed.isEditable());
    QSignalSpy finished(&sync, &SyncController::syncFinished);
    sync.syncNow();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
  }
};

QTEST_GUILESS_MAIN(ListAndSyncIssuesTest)
#include "tst_list_and_sync_issues.moc"
