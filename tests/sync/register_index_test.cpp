// The register index on both backends, against the real server: rows follow pushes and reviews
// in the same transaction, keyset paging walks every row once, counts and filters agree, the
// caller's scope is enforced, and migration 2 rebuilds the index from existing records.
#include <algorithm>
#include <chrono>
#include <set>
#include <tuple>

#include "anju/natural_sort.h"
#include "anju/uuid.h"
#include "export/register_details.h"
#include "register/register_builder.h"
#include "register/register_query.h"
#include "service/indexed_storage.h"
#include "storage/postgres_pool.h"
#include "storage/sqlite_connection.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

class RegisterIndexTest : public SyncServerTest {
 protected:
  static std::vector<RegisterRow> all(IndexedStorage& storage, const RegisterFilter& filter,
                                      int pageSize = 1000) {
    std::vector<RegisterRow> rows;
    Status s = forEachRegisterRow(
        storage, filter,
        [&](const RegisterRow& row) {
          rows.push_back(row);
          return Status::ok();
        },
        pageSize);
    EXPECT_TRUE(s.isOk()) << s.toString();
    return rows;
  }

  /// Pushes an inspection (serious, one finding), a photo of it and a pending rectification of
  /// own building `i`, as the demo inspector.
  Inspection inspectOwnBuilding(std::size_t i, TimestampMs submittedAt) {
    const Uuid building = ownBuilding(i).record_id();
    Inspection in = makeInspection(building);
    in.submittedAt = submittedAt;
    PhotoRecord photo = makePhoto(building, in.id, "jpeg bytes " + in.id);
    Rectification rect;
    rect.id = newUuid();
    rect.buildingId = building;
    rect.family = MeasureFamily::kEngineering;
    rect.measure = "repair_strengthen";
    rect.status = RectificationStatus::kPending;
    rect.deadline = "2026-12-31";
    rect.responsibleParty = "产权人";
    const v1::PushResponse r = client().push(
        m_demoToken,
        makePush({makeChange(in, 100, 0), makeChange(photo, 101, 0), makeChange(rect, 102, 0)}));
    for (const auto& result : r.results()) EXPECT_EQ(result.outcome(), v1::ChangeResult::APPLIED);
    return in;
  }
};

TEST_P(RegisterIndexTest, EveryDemoBuildingHasOneUnvisitedRow) {
  auto storage = openOwnStorage();
  ASSERT_TRUE(storage);
  const std::vector<RegisterRow> rows = all(*storage, {});
  std::set<Uuid> ids;
  for (const RegisterRow& row : rows) {
    ids.insert(row.buildingId);
    EXPECT_FALSE(row.visited());
    EXPECT_FALSE(row.address.empty());
  }
  EXPECT_EQ(ids.size(), rows.size());
  Result<RegisterSummary> counts = storage->countRegister({});
  ASSERT_TRUE(counts.isOk());
  EXPECT_EQ(counts->total.houses, static_cast<std::int64_t>(rows.size()));
  EXPECT_EQ(counts->total.notVisited, counts->total.houses);
  EXPECT_GT(counts->communities.size(), 1u);
}

TEST_P(RegisterIndexTest, PushedInspectionPhotoAndRectificationShowInTheRow) {
  const Inspection in = inspectOwnBuilding(0, 1780275600000);
  auto storage = openOwnStorage();
  ASSERT_TRUE(storage);
  RegisterFilter serious;
  serious.judgment = "serious";
  const std::vector<RegisterRow> rows = all(*storage, serious);
  ASSERT_EQ(rows.size(), 1u);
  const RegisterRow& row = rows[0];
  EXPECT_EQ(row.buildingId, ownBuilding(0).record_id());
  EXPECT_EQ(row.region.street, "城南街道");
  EXPECT_EQ(row.inspectionId, in.id);
  EXPECT_EQ(row.inspectedAt, 1780275600000);
  EXPECT_EQ(row.inspector, "demo");
  EXPECT_FALSE(row.judgmentOverridden);
  EXPECT_EQ(row.review, "submitted");
  EXPECT_EQ(row.findingCount, 1);
  EXPECT_EQ(row.photoCount, 1);
  EXPECT_EQ(row.rectification, "pending");
  EXPECT_EQ(row.rectificationDeadline, "2026-12-31");

  Result<RegisterSummary> counts = storage->countRegister({});
  ASSERT_TRUE(counts.isOk());
  EXPECT_EQ(counts->total.byJudgment["serious"], 1);
  EXPECT_EQ(counts->total.byReview["submitted"], 1);
  EXPECT_EQ(counts->total.byRectification["pending"], 1);
  EXPECT_EQ(counts->total.notVisited, counts->total.houses - 1);

  RegisterFilter notVisited;
  notVisited.notVisitedOnly = true;
  EXPECT_EQ(static_cast<std::int64_t>(all(*storage, notVisited).size()), counts->total.houses - 1);
}

TEST_P(RegisterIndexTest, ReviewApprovalUpdatesReviewState) {
  const Inspection in = inspectOwnBuilding(1, 1780275600000);
  const CliResult approved = runCli({"review", "approve", in.id, "--data", dataDir()});
  ASSERT_EQ(approved.exitCode, 0) << approved.err;
  auto storage = openOwnStorage();
  ASSERT_TRUE(storage);
  RegisterFilter filter;
  filter.review = "approved";
  const std::vector<RegisterRow> rows = all(*storage, filter);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].inspectionId, in.id);
  filter.review = "submitted";
  EXPECT_TRUE(all(*storage, filter).empty());
}

TEST_P(RegisterIndexTest, LaterInspectionReplacesEarlierAndDateFilterUsesIt) {
  inspectOwnBuilding(2, 1780275600000);                           // 2026-06-01
  const Inspection later = inspectOwnBuilding(2, 1783000000000);  // 2026-07-02
  auto storage = openOwnStorage();
  ASSERT_TRUE(storage);
  RegisterFilter july = *parseRegisterFilter({{"from", "2026-07-01"}, {"to", "2026-07-31"}},
                                             RegionFilter::everything());
  const std::vector<RegisterRow> rows = all(*storage, july);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].inspectionId, later.id);
  EXPECT_EQ(rows[0].photoCount, 2);  // photos of both visits
  RegisterFilter june = *parseRegisterFilter({{"from", "2026-06-01"}, {"to", "2026-06-30"}},
                                             RegionFilter::everything());
  EXPECT_TRUE(all(*storage, june).empty());
}

// The row kept from register_facts (the latest result and open inspection picked in SQL) is the
// row computed from every record of the house, ties on time broken by id as the builder does.
TEST_P(RegisterIndexTest, RowFromFactsIsTheRowFromEveryRecordOfTheHouse) {
  const Uuid building = ownBuilding(3).record_id();
  std::vector<v1::Change> changes;
  std::vector<Uuid> tiedIds;
  for (int i = 0; i < 6; ++i) {
    Inspection in = makeInspection(building);
    in.submittedAt = i < 4 ? 1780275600000 + i * 1000 : 1780290000000;  // the last two tie
    if (i >= 4) tiedIds.push_back(in.id);
    changes.push_back(makeChange(in, 100 + static_cast<std::uint64_t>(i), 0));
  }
  for (const TimestampMs startedAt : {1780200000000, 1780300000000}) {  // an old and a newer draft
    Inspection draft = makeInspection(building);
    draft.review = ReviewState::kDraft;
    draft.submittedAt = 0;
    draft.startedAt = startedAt;
    changes.push_back(makeChange(draft, 200 + static_cast<std::uint64_t>(changes.size()), 0));
  }
  for (const auto status : {RectificationStatus::kDone, RectificationStatus::kInProgress}) {
    Rectification rect;
    rect.id = newUuid();
    rect.buildingId = building;
    rect.family = MeasureFamily::kEngineering;
    rect.measure = "repair_strengthen";
    rect.status = status;
    rect.deadline = status == RectificationStatus::kDone ? "2026-08-01" : "2026-10-01";
    rect.responsibleParty = "产权人";
    changes.push_back(makeChange(rect, 300 + static_cast<std::uint64_t>(changes.size()), 0));
  }
  const v1::PushResponse r = client().push(m_demoToken, makePush(changes));
  for (const auto& result : r.results())
    ASSERT_EQ(result.outcome(), v1::ChangeResult::APPLIED) << result.reason();

  auto storage = openOwnStorage();
  ASSERT_TRUE(storage);
  Result<std::vector<StoredRecord>> records = storage->houseRecords(building);
  ASSERT_TRUE(records.isOk());
  const std::optional<RegisterRow> expected = buildRegisterRow(*records);
  ASSERT_TRUE(expected);
  EXPECT_EQ(expected->inspectionId, std::max(tiedIds[0], tiedIds[1]));
  EXPECT_TRUE(expected->inProgress);
  EXPECT_EQ(expected->rectification, "in_progress");
  EXPECT_EQ(expected->rectificationDeadline, "2026-10-01");
  std::optional<RegisterRow> kept;
  for (const RegisterRow& row : all(*storage, {}))
    if (row.buildingId == building) kept = row;
  ASSERT_TRUE(kept);
  // What the facts decide (the building's own columns round-trip through the table: location
  // precision, for one).
  const auto facts = [](const RegisterRow& row) {
    return std::tuple(row.inspectionId, row.inspectedAt, row.inspector, row.judgment,
                      row.judgmentOverridden, row.appraisalGrade, row.review, row.findingCount,
                      row.inProgress, row.rectification, row.rectificationDeadline, row.photoCount,
                      row.visitCount, row.lastVisitOutcome, row.hazardCount, row.hazardsClosed);
  };
  EXPECT_EQ(facts(*kept), facts(*expected));
}

TEST_P(RegisterIndexTest, KeysetPagesWalkEveryRowOnceInKeyOrder) {
  auto storage = openOwnStorage();
  ASSERT_TRUE(storage);
  const std::vector<RegisterRow> whole = all(*storage, {}, 10000);
  const std::vector<RegisterRow> paged = all(*storage, {}, 7);
  ASSERT_EQ(paged.size(), whole.size());
  for (std::size_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(paged[i].buildingId, whole[i].buildingId);
    if (i > 0) {
      const RegisterKey a = keyOf(whole[i - 1]), b = keyOf(whole[i]);
      EXPECT_LT(std::make_tuple(a.region.district, a.region.street, a.region.community,
                                naturalSortKey(a.address), a.buildingId),
                std::make_tuple(b.region.district, b.region.street, b.region.community,
                                naturalSortKey(b.address), b.buildingId));
    }
  }
  // A page's key survives a round trip through its URL token.
  Result<RegisterPage> first = storage->queryRegister({}, std::nullopt, 5);
  ASSERT_TRUE(first.isOk());
  ASSERT_TRUE(first->nextKey);
  const auto token = decodeRegisterKey(encodeRegisterKey(*first->nextKey));
  ASSERT_TRUE(token);
  Result<RegisterPage> second = storage->queryRegister({}, token, 5);
  ASSERT_TRUE(second.isOk());
  ASSERT_EQ(second->rows.size(), 5u);
  EXPECT_EQ(second->rows[0].buildingId, whole[5].buildingId);
}

// Issue 11: addresses sorted as text (光明街12号 before 光明街4号). The demo's house numbers
// (1号, 4号, 5号, 8号, 9号, 12号, ...) must come in numeric order on every page.
TEST_P(RegisterIndexTest, HouseNumbersComeInNaturalOrderOnEveryPage) {
  auto storage = openOwnStorage();
  ASSERT_TRUE(storage);
  RegisterFilter guangming;
  guangming.community = "光明社区";
  const std::vector<RegisterRow> rows = all(*storage, guangming, 7);
  ASSERT_EQ(rows.size(), 30u);
  std::vector<int> numbers;
  for (const RegisterRow& row : rows) {
    ASSERT_EQ(row.address.rfind("光明街", 0), 0u) << row.address;
    numbers.push_back(std::stoi(row.address.substr(std::string("光明街").size())));
  }
  EXPECT_TRUE(std::is_sorted(numbers.begin(), numbers.end())) << ::testing::PrintToString(numbers);
  EXPECT_EQ(numbers.front(), 1);
  EXPECT_EQ(numbers.back(), 60);
}

TEST_P(RegisterIndexTest, ScopeLimitsRowsAndCountsToTheCallersRegions) {
  auto storage = openOwnStorage();
  ASSERT_TRUE(storage);
  const RegionPath own = {ownBuilding(0).record().building().region().district(), "城南街道", ""};
  RegisterFilter scoped;
  scoped.scope = RegionFilter::only({own});
  const std::vector<RegisterRow> rows = all(*storage, scoped);
  EXPECT_EQ(rows.size(), ownBuildingCount());
  for (const RegisterRow& row : rows) EXPECT_EQ(row.region.street, "城南街道");
  Result<RegisterSummary> counts = storage->countRegister(scoped);
  ASSERT_TRUE(counts.isOk());
  EXPECT_EQ(counts->total.houses, static_cast<std::int64_t>(ownBuildingCount()));
  for (const RegisterCounts& c : counts->communities) EXPECT_EQ(c.community.street, "城南街道");

  RegisterFilter nothing;
  nothing.scope = RegionFilter::only({});
  EXPECT_TRUE(all(*storage, nothing).empty());
  // Narrowing to another street inside the scope finds nothing rather than escaping it.
  scoped.district = own.district;
  scoped.street = "城北街道";
  EXPECT_TRUE(all(*storage, scoped).empty());
}

// The export's details of a house (register_details.h) come from a page-wide lookup that reads
// only some of the house's records (housesFacts: the approved inspections, the one shown, the
// measures): for a house whose approved inspection has a hazard measure and a building-level
// one, and a newer submitted re-inspection and a draft after it, they equal the details built
// from every record of the house: hazards of the submitted one the row shows, measures and
// 是否销号 of the approved one's ledger, reviewer and appraisal of the audit log.
TEST_P(RegisterIndexTest, ExportDetailsFromThePageLookupEqualThoseFromEveryRecord) {
  const Uuid building = ownBuilding(4).record_id();
  const Inspection approved = inspectOwnBuilding(4, 1780275600000);  // + a building-level measure
  const std::string console = client().consoleLogin("reviewer", "review1234");
  ASSERT_FALSE(console.empty());
  const std::string path = "/console/api/inspections/" + approved.id;
  ASSERT_EQ(client().post(path + "/approve", "{}", console).status, 200);
  ASSERT_EQ(client().post(path + "/appraisal", R"({"grade":"C"})", console).status, 200);
  const Reply measure = client().post(
      "/console/api/houses/" + building + "/rectifications",
      R"({"family":"management","measure":"停止使用","status":"in_progress",)"
      R"("deadline":"2026-12-31","responsible_party":"城南街道办","inspection_id":")" +
          approved.id + R"(","finding_id":")" + approved.findings[0].id + R"("})",
      console);
  ASSERT_EQ(measure.status, 201) << measure.body;
  Inspection again = makeInspection(building);
  again.startedAt = 1783000000000;
  again.submittedAt = 1783003600000;
  again.findings[0].location = "二层南侧承重墙";
  Inspection draft = makeInspection(building);
  draft.startedAt = 1784000000000;
  draft.submittedAt = 0;
  draft.review = ReviewState::kDraft;
  draft.findings[0].location = "三层东侧承重墙";
  const v1::PushResponse pushed =
      client().push(m_demoToken, makePush({makeChange(again, 300, 0), makeChange(draft, 301, 0)}));
  for (const auto& result : pushed.results())
    EXPECT_EQ(result.outcome(), v1::ChangeResult::APPLIED);

  auto storage = openOwnStorage();
  ASSERT_TRUE(storage);
  std::optional<RegisterRow> row;
  for (const RegisterRow& r : all(*storage, {}))
    if (r.buildingId == building) row = r;
  ASSERT_TRUE(row);
  ASSERT_EQ(row->inspectionId, again.id);
  StoredRegisterDetails source(*storage);
  Result<std::map<Uuid, RegisterDetails>> paged = source.detailsOf({*row});
  ASSERT_TRUE(paged.isOk()) << paged.status().toString();
  ASSERT_EQ(paged->count(building), 1u);
  const RegisterDetails& got = paged->at(building);

  Result<std::vector<StoredRecord>> records = storage->houseRecords(building);
  Result<std::vector<AuditEntry>> audit =
      storage->auditOfHouses({building}, {"approve", "appraisal"});
  Result<std::map<std::string, std::string>> names = storage->displayNames();
  ASSERT_TRUE(records.isOk() && audit.isOk() && names.isOk());
  const RegisterDetails expected = registerDetails(*row, *records, *audit, *names);
  EXPECT_EQ(got, expected);
  ASSERT_EQ(got.hazards.size(), 1u);
  EXPECT_NE(got.hazards[0].find("二层南侧承重墙"), std::string::npos) << got.hazards[0];
  EXPECT_EQ(got.controlMeasures, std::vector<std::string>{"停止使用（期限 2026-12-31）"});
  EXPECT_EQ(got.worksMeasures.size(), 1u);  // the building-level measure
  EXPECT_EQ(got.responsible, "城南街道办、产权人");
  EXPECT_EQ(got.closed, "否");
  EXPECT_TRUE(got.reviewer.empty()) << "the row shows the submitted re-inspection, not approved";
}

TEST_P(RegisterIndexTest, MigrationRebuildsTheIndexFromExistingRecords) {
  inspectOwnBuilding(3, 1780275600000);
  std::vector<RegisterRow> before;
  {
    auto storage = openOwnStorage();
    ASSERT_TRUE(storage);
    before = all(*storage, {});
  }
  ASSERT_EQ(server().stop(), 0);
  // Take the database back to schema 1, as a server of the previous release left it (the
  // console's audit_log of migration 3, the tokens' revocation of migration 8, the photo tables
  // of migration 12, the register facts of migration 13, the assignments of migration 14 and the
  // tokens' final push of migration 15 go too; the map's index of migration 16 goes with
  // house_register; the region codes of migration 17 go too). The search index of migration 11
  // depends on house_register: its view (and on SQLite its FTS5 and row-number tables) go first.
  const std::string downgrade =
      std::string(onPostgres() ? "DROP VIEW house_search; "
                               : "DROP VIEW house_search; DROP TABLE house_search_text; "
                                 "DROP TABLE house_search_rows; ") +
      "DROP TABLE audit_log; DROP TABLE house_register; DROP TABLE register_facts; "
      "DROP INDEX records_by_building; "
      "DROP INDEX tokens_by_device; DROP INDEX tokens_by_user; DROP INDEX records_by_district_seq; "
      "ALTER TABLE tokens DROP COLUMN revoked_at; ALTER TABLE tokens DROP COLUMN final_push; "
      "DROP TABLE blob_pieces; DROP TABLE "
      "blob_uploads; DROP TABLE assignments; DROP TABLE region_codes; ";
  if (onPostgres()) {
    auto pool = PgPool::create(conninfo(), 1, std::chrono::seconds(10));
    ASSERT_TRUE(pool.isOk());
    auto lease = (*pool)->acquire();
    ASSERT_TRUE(lease.isOk());
    ASSERT_TRUE(
        lease->connection().exec(downgrade + "UPDATE schema_version SET version = 1").isOk());
  } else {
    auto db = openServerDatabase(dataDir() + "/anju.db");
    ASSERT_TRUE(db.isOk());
    ASSERT_TRUE((*db)->exec(downgrade + "PRAGMA user_version = 1").isOk());
  }
  auto storage = openOwnStorage();
  ASSERT_TRUE(storage);
  const std::vector<RegisterRow> after = all(*storage, {});
  EXPECT_EQ(after, before);
  RegisterFilter serious;
  serious.judgment = "serious";
  EXPECT_EQ(all(*storage, serious).size(), 1u);
  restartServer();  // and the server runs on the rebuilt database
}

INSTANTIATE_TEST_SUITE_P(Backends, RegisterIndexTest, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
