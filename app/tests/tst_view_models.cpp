// View model tests against a real store in a temporary folder, filled with core's demo district.
// Every list model runs under QAbstractItemModelTester.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "anju/demo_district.h"
#include "demo_seed.h"
#include "demo_session.h"
#include "house_controller.h"
#include "house_list_model.h"
#include "inspection_controller.h"
#include "session.h"
#include "sync_controller.h"

using namespace anju::app;

class ViewModelTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> m_dir;
  std::unique_ptr<Session> m_session;

  // A building without inspections, from the end of the list (the demo seeds the first ones).
  QString freshBuilding() {
    anju::BuildingFilter never;
    never.inspected = false;
    auto list = m_session->store()->listBuildings(never, 1);
    return list && !list->empty() ? toQString(list->front().id) : QString();
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

  void houseListPassesTheModelTester() {
    HouseListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    while (model.canFetchMore({})) model.fetchMore({});
    QCOMPARE(model.rowCount(), 200);
    model.setStatusFilter(QStringLiteral("in_progress"));
    QCOMPARE(model.rowCount(), 1);
  }

  void houseListPagesWithFetchMore() {
    HouseListModel model;
    model.setPageSize(50);
    model.setSession(m_session.get());
    QCOMPARE(model.totalCount(), 200);
    QCOMPARE(model.rowCount(), 50);
    QVERIFY(model.canFetchMore({}));
    int pages = 1;
    while (model.canFetchMore({})) {
      model.fetchMore({});
      ++pages;
    }
    QCOMPARE(model.rowCount(), 200);
    QCOMPARE(pages, 5);  // 4 full pages, then an empty one that ends the list
    // Rows come in list order: sections stay together.
    QString previous;
    QSet<QString> seen;
    for (int row = 0; row < model.rowCount(); ++row) {
      const QString section = model.data(model.index(row), HouseListModel::SectionRole).toString();
      if (section != previous) {
        QVERIFY2(!seen.contains(section), qPrintable(section));
        seen.insert(section);
        previous = section;
      }
    }
    QCOMPARE(seen.size(), 7);
  }

  void houseListFiltersByStatusAndJudgment() {
    HouseListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    model.setStatusFilter(QStringLiteral("not_visited"));
    QCOMPARE(model.totalCount(), 192);
    model.setStatusFilter(QStringLiteral("approved"));
    QCOMPARE(model.totalCount(), 3);
    for (int row = 0; row < model.rowCount(); ++row)
      QCOMPARE(model.data(model.index(row), HouseListModel::StatusRole).toString(),
               QStringLiteral("approved"));
    model.setStatusFilter(QString());
    model.setJudgmentFilter(QStringLiteral("serious"));
    QCOMPARE(model.totalCount(), 2);
    QCOMPARE(model.data(model.index(0), HouseListModel::JudgmentRole).toString(),
             QStringLiteral("serious"));
  }

  void houseListSearchesChineseAddresses() {
    HouseListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    model.setSearchText(QStringLiteral("幸福路"));
    QCOMPARE(model.totalCount(), 32);
    QCOMPARE(model.rowCount(), 32);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(model.data(model.index(0), HouseListModel::AddressRole)
                .toString()
                .startsWith(QStringLiteral("幸福路")));
    model.setSearchText(QStringLiteral("不存在的路"));
    QCOMPARE(model.rowCount(), 0);
  }

  void houseEditorShowsCoreValidationErrorsAndSaves() {
    HouseController house;
    house.setSession(m_session.get());
    house.setBuildingId(freshBuilding());
    QVERIFY(house.isLoaded());
    QSignalSpy saved(&house, &HouseController::saved);
    house.setField(QStringLiteral("year_built"), QStringLiteral("3000"));
    QVERIFY(house.fieldErrors().contains(QStringLiteral("year_built")));
    QVERIFY(!house.save());
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.at(0).at(0).toBool(), false);
    house.setField(QStringLiteral("year_built"), QStringLiteral("1988"));
    QVERIFY(house.fieldErrors().isEmpty());
    QVERIFY(house.save());
    auto stored = m_session->store()->building(anju::app::toStdString(house.buildingId()));
    QVERIFY(stored.isOk());
    QCOMPARE(stored->yearBuilt.value_or(0), 1988);
  }

  // Issue 11 §3: the national platform's fields are edited on the house page like the others,
  // checked by core as they change, saved, and survive an unsaved-edit journal.
  void houseEditorEditsThePlatformFields() {
    const QString building = freshBuilding();
    {
      HouseController house;
      house.setSession(m_session.get());
      house.setBuildingId(building);
      QCOMPARE(house.businessTypeOptions().first().toMap().value(QStringLiteral("code")).toString(),
               QString());
      QCOMPARE(house.permitOptions().size(), 12);
      house.setField(QStringLiteral("business_type"), QStringLiteral("catering"));
      house.setField(QStringLiteral("land_type"), QStringLiteral("collective_homestead"));
      house.setField(QStringLiteral("permits"),
                     QVariantMap{{QStringLiteral("planning"), QStringLiteral("held")},
                                 {QStringLiteral("fire_acceptance"), QStringLiteral("not_held")}});
      house.setField(QStringLiteral("geo_hazards"),
                     QStringList{QStringLiteral("none"), QStringLiteral("flooding")});
      QVERIFY(house.fieldErrors().contains(QStringLiteral("geo_hazards")));
      QVERIFY(!house.save());
      house.setField(QStringLiteral("geo_hazards"), QStringList{QStringLiteral("flooding")});
      house.setField(QStringLiteral("fire_hazards"), QStringList{QStringLiteral("ebike_charging")});
      house.setField(QStringLiteral("platform_house_number"), QStringLiteral("YH420106000000042"));
      QVERIFY(house.fieldErrors().isEmpty());
    }  // killed before saving: the journal keeps every edit
    HouseController again;
    again.setSession(m_session.get());
    again.setBuildingId(building);
    QVERIFY(again.isDirty());
    QCOMPARE(again.fields().value(QStringLiteral("fire_hazards")).toStringList(),
             QStringList{QStringLiteral("ebike_charging")});
    again.setField(QStringLiteral("census_house_number"), QStringLiteral("C-42"));
    QVERIFY(again.save());
    auto stored = m_session->store()->building(anju::app::toStdString(building));
    QVERIFY(stored.isOk());
    QVERIFY(stored->businessType == anju::BusinessType::kCatering);
    QVERIFY(stored->businessUse());
    QVERIFY(stored->landType == anju::LandType::kCollectiveHomestead);
    const std::vector<anju::PermitStatus> permits = {
        {anju::Permit::kPlanning, anju::PermitState::kHeld},
        {anju::Permit::kFireAcceptance, anju::PermitState::kNotHeld}};
    QVERIFY(stored->permits == permits);
    QVERIFY(stored->geoHazards == std::vector{anju::GeoHazard::kFlooding});
    QVERIFY(stored->fireHazards == std::vector{anju::FireHazard::kEbikeCharging});
    QCOMPARE(stored->platformHouseNumber, std::string("YH420106000000042"));
    QCOMPARE(stored->censusHouseNumber, std::string("C-42"));
  }

  void inspectionSavesDraftOnEveryChangeAndResumes() {
    const QString building = freshBuilding();
    QString inspectionId;
    {
      InspectionController inspection;
      inspection.setSession(m_session.get());
      inspection.setBuildingId(building);
      QAbstractItemModelTester items(inspection.items(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest);
      QAbstractItemModelTester findings(inspection.findings()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
      QVERIFY(!inspection.inspectionId().isEmpty());
      inspectionId = inspection.inspectionId();
      QSignalSpy savedSpy(&inspection, &InspectionController::savedAtChanged);
      QVERIFY(inspection.setAnswer(QStringLiteral("year_built"), QStringLiteral("1995")));
      QCOMPARE(savedSpy.count(), 1);
      auto stored = m_session->store()->inspection(anju::app::toStdString(inspectionId));
      QVERIFY(stored.isOk());
      QVERIFY(stored->answers.count("year_built") == 1);
      QCOMPARE(std::get<double>(stored->answers.at("year_built")), 1995.0);

      // Walls: the crack questions appear when cracks are reported, and a finding opens.
      inspection.setSectionIndex(2);
      const int before = inspection.items()->count();
      QVERIFY(inspection.setAnswer(QStringLiteral("wall_cracks"), true));
      QVERIFY(inspection.items()->count() > before);
      QVERIFY(inspection.items()->rowOf(QStringLiteral("wall_crack_width")) >= 0);
      QCOMPARE(inspection.findings()->model()->count(), 1);
      QVERIFY(inspection.setAnswer(QStringLiteral("wall_cracks"), false));
      QCOMPARE(inspection.items()->rowOf(QStringLiteral("wall_crack_width")), -1);
      QVERIFY(inspection.setAnswer(QStringLiteral("wall_cracks"), true));

      // An out-of-range measurement is refused with an inline error and not stored.
      QVERIFY(!inspection.setAnswer(QStringLiteral("wall_crack_width"), QStringLiteral("500")));
      const int row = inspection.items()->rowOf(QStringLiteral("wall_crack_width"));
      QVERIFY(!inspection.items()
                   ->data(inspection.items()->index(row), ChecklistItemModel::ErrorRole)
                   .toString()
                   .isEmpty());
      QVERIFY(inspection.setAnswer(QStringLiteral("wall_crack_width"), QStringLiteral("1.5")));
      QVERIFY(inspection.items()
                  ->data(inspection.items()->index(row), ChecklistItemModel::ErrorRole)
                  .toString()
                  .isEmpty());
      QVERIFY(inspection.findings()->setField(0, QStringLiteral("location"),
                                              QStringLiteral("一层北侧承重墙")));
      QVERIFY(
          inspection.findings()->setMeasurement(0, QStringLiteral("width"), QStringLiteral("1.5")));
      QVERIFY(inspection.findings()->setMeasurement(0, QStringLiteral("length_ratio"),
                                                    QStringLiteral("0.6")));
    }
    // A new controller (the app was killed) resumes the same draft with everything in it.
    InspectionController resumed;
    resumed.setSession(m_session.get());
    resumed.setBuildingId(building);
    QCOMPARE(resumed.inspectionId(), inspectionId);
    QCOMPARE(resumed.findings()->model()->count(), 1);
    QCOMPARE(resumed.inspection().findings.front().location, std::string("一层北侧承重墙"));
    QVERIFY(resumed.judgment()->grade());
    QCOMPARE(resumed.judgment()->computed(), QStringLiteral("serious"));
    QVERIFY(!resumed.judgment()->explanation().isEmpty());
  }

  void overrideNeedsAReason() {
    InspectionController inspection;
    inspection.setSession(m_session.get());
    inspection.setBuildingId(freshBuilding());
    QVERIFY(inspection.setAnswer(QStringLiteral("wall_cracks"), false));  // a stored draft
    QVERIFY(inspection.judgment()->grade());
    QSignalSpy errorSpy(inspection.judgment(), &InspectionJudgment::overrideErrorChanged);
    QVERIFY(!inspection.judgment()->setOverride(QStringLiteral("some"), QStringLiteral("   ")));
    QVERIFY(!inspection.judgment()->overrideError().isEmpty());
    QCOMPARE(errorSpy.count(), 1);
    QVERIFY(inspection.judgment()->overrideJudgment().isEmpty());
    auto stored = m_session->store()->inspection(anju::app::toStdString(inspection.inspectionId()));
    QVERIFY(stored.isOk());
    QVERIFY(!stored->override.has_value());

    QVERIFY(inspection.judgment()->setOverride(QStringLiteral("some"),
                                               QStringLiteral("屋面渗漏严重，建议委托鉴定")));
    QVERIFY(inspection.judgment()->overrideError().isEmpty());
    QCOMPARE(inspection.judgment()->effective(), QStringLiteral("some"));
    stored = m_session->store()->inspection(anju::app::toStdString(inspection.inspectionId()));
    QVERIFY(stored->override.has_value());
    QCOMPARE(stored->override->reason, std::string("屋面渗漏严重，建议委托鉴定"));
  }

  void submitRefusesMissingAnswers() {
    InspectionController inspection;
    inspection.setSession(m_session.get());
    inspection.setBuildingId(freshBuilding());
    QSignalSpy submitted(&inspection, &InspectionController::submitted);
    QVERIFY(!inspection.submit());
    QCOMPARE(submitted.count(), 1);
    QCOMPARE(submitted.at(0).at(0).toBool(), false);
    QVERIFY(!inspection.submitErrors().isEmpty());
    QVERIFY(inspection.isEditable());
  }

  void syncWithoutServiceShowsPendingAndNeverFakesSuccess() {
    SyncController sync;
    sync.setSession(m_session.get());
    QVERIFY(!sync.isAvailable());
    auto pending = m_session->store()->pendingOutboxCount();
    QVERIFY(pending.isOk());
    QVERIFY(*pending > 0);
    QCOMPARE(sync.pendingCount(), *pending);
    QSignalSpy finished(&sync, &SyncController::syncFinished);
    sync.syncNow();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(!sync.errorString().isEmpty());
    QVERIFY(sync.lastSync().isEmpty());
    QSignalSpy signedIn(&sync, &SyncController::signInFinished);
    sync.signIn(QStringLiteral("https://x"), QStringLiteral("u"), QStringLiteral("p"));
    QCOMPARE(signedIn.count(), 1);
    QCOMPARE(signedIn.at(0).at(0).toBool(), false);
  }

  void languageSwitchChangesLabels() {
    HouseListModel model;
    model.setSession(m_session.get());
    model.setJudgmentFilter(QStringLiteral("serious"));
    const QString zh = model.data(model.index(0), HouseListModel::JudgmentLabelRole).toString();
    m_session->setLanguage(QStringLiteral("en"));
    const QString en = model.data(model.index(0), HouseListModel::JudgmentLabelRole).toString();
    QCOMPARE(zh, QStringLiteral("存在严重安全隐患"));
    QVERIFY(en != zh);
    QVERIFY(!en.isEmpty());
  }
};

QTEST_GUILESS_MAIN(ViewModelTest)
#include "tst_view_models.moc"
