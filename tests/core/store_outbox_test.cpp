#include "anju/record_codec.h"
#include "core/message_test_support.h"
#include "store_test_support.h"

namespace anju {
namespace {

using testing::makeBuilding;
using testing::makeInspection;
using testing::RawDb;
using testing::TempDir;

struct Counts {
  std::int64_t buildings, inspections, outbox, audit;
  bool operator==(const Counts&) const = default;
};

Counts countRows(const std::string& path) {
  RawDb raw(path);
  return {raw.count("buildings"), raw.count("inspections"), raw.count("outbox"),
          raw.count("audit_log")};
}

// The kind column is read through parseRecordKind: a code no Anju writes (a damaged or foreign
// database) is reported as corruption naming it, never sent to the server under a guessed kind.
TEST(StoreOutbox, AnUnknownKindInTheOutboxIsReportedAsCorruption) {
  TempDir dir;
  auto store = testing::openStore(dir.file("anju.db"));
  ASSERT_TRUE(store->putBuilding(makeBuilding("幸福路12号"), "li.si").isOk());
  RawDb(dir.file("anju.db")).exec("UPDATE outbox SET kind = 'barn'");

  Result<std::vector<OutboxEntry>> pending = store->pendingOutbox(10, 1 << 20);
  ASSERT_FALSE(pending.isOk());
  EXPECT_EQ(pending.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(pending.status().text().id, "store.unknown_kind");
  EXPECT_NE(pending.status().message().find("barn"), std::string::npos);
}

TEST(StoreOutbox, EachSaveWritesOneChangeWithTheVersionItReplaced) {
  TempDir dir;
  auto store = testing::openStore(dir.file("anju.db"));
  Building b = makeBuilding("幸福路12号");
  Result<HlcVersion> v1 = store->putBuilding(b, "li.si");
  b.storeysAbove = 3;
  Result<HlcVersion> v2 = store->putBuilding(b, "li.si");
  ASSERT_TRUE(v1.isOk() && v2.isOk());

  Result<std::vector<OutboxEntry>> pending = store->pendingOutbox(10, 1 << 20);
  ASSERT_TRUE(pending.isOk());
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ((*pending)[0].version, *v1);
  EXPECT_EQ((*pending)[0].baseVersion, 0u) << "a new record has no base";
  EXPECT_EQ((*pending)[1].version, *v2);
  EXPECT_EQ((*pending)[1].baseVersion, *v1);
  EXPECT_EQ((*pending)[1].kind, RecordKind::kBuilding);
  EXPECT_EQ((*pending)[1].recordId, b.id);
  EXPECT_NE((*pending)[0].changeId, (*pending)[1].changeId);
  EXPECT_EQ((*pending)[1].createdAt, testing::kTestNow);
  Result<AnyRecord> payload = decodeRecord((*pending)[1].payload);
  ASSERT_TRUE(payload.isOk());
  EXPECT_EQ(std::get<Building>(*payload), b);
}

TEST(StoreOutbox, InvalidBuildingChangesNothing) {
  TempDir dir;
  const std::string path = dir.file("anju.db");
  auto store = testing::openStore(path);
  Building b = makeBuilding("幸福路12号");
  b.storeysAbove = 0;
  b.region.community = "";
  Result<HlcVersion> saved = store->putBuilding(b, "li.si");
  ASSERT_FALSE(saved.isOk());
  EXPECT_EQ(saved.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(saved.status().fieldErrors().size(), 2u);
  EXPECT_EQ(countRows(path), (Counts{0, 0, 0, 0}));
}

TEST(StoreOutbox, InvalidInspectionChangesNothing) {
  TempDir dir;
  const std::string path = dir.file("anju.db");
  auto store = testing::openStore(path);
  const Building b = makeBuilding("幸福路12号");
  ASSERT_TRUE(store->putBuilding(b, "li.si").isOk());
  Inspection in = makeInspection(b.id);
  in.findings[0].measurements[0].value = -1;  // a negative crack width
  Result<HlcVersion> saved = store->putInspection(in, "li.si");
  ASSERT_FALSE(saved.isOk());
  EXPECT_EQ(saved.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(countRows(path), (Counts{1, 0, 1, 1}));
}

TEST(StoreOutbox, FailureAfterRecordAndOutboxRowsLeavesNeither) {
  TempDir dir;
  const std::string path = dir.file("anju.db");
  auto store = testing::openStore(path);
  // The audit row is the last write of a save: failing it means the record row and the outbox
  // row were already written inside the transaction.
  RawDb(path).exec(
      "CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log "
      "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END");
  const Building b = makeBuilding("幸福路12号");
  ASSERT_FALSE(store->putBuilding(b, "li.si").isOk());
  EXPECT_EQ(countRows(path), (Counts{0, 0, 0, 0}));
  EXPECT_EQ(store->building(b.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(*store->pendingOutboxCount(), 0);
  EXPECT_TRUE(store->searchBuildings("幸福路", 10)->empty()) << "no orphan search entry either";
}

TEST(StoreOutbox, FullDiskNeverLeavesARecordWithoutItsOutboxRow) {
  TempDir dir;
  const std::string path = dir.file("anju.db");
  StoreOptions options = testing::testOptions();
  options.maxDatabaseBytes = 512 * 1024;
  auto store = testing::openStore(path, options);
  ASSERT_TRUE(store);
  Status failure;
  Uuid failedId;
  for (int i = 0; i < 1000 && failure.isOk(); ++i) {
    Building b = makeBuilding("幸福路" + std::to_string(i) + "号");
    b.ownerName = std::string(3000, 'x');  // big payloads fill the quota quickly
    failure = store->putBuilding(b, "li.si").status();
    failedId = b.id;
  }
  ASSERT_FALSE(failure.isOk()) << "the quota was never reached";
  EXPECT_EQ(failure.code(), StatusCode::kIoError) << failure.toString();
  EXPECT_NE(wordsOf(failure).find("存储空间已满"), std::string::npos);
  EXPECT_EQ(store->building(failedId).status().code(), StatusCode::kNotFound);
  const Counts counts = countRows(path);
  EXPECT_GT(counts.buildings, 0);
  EXPECT_EQ(counts.outbox, counts.buildings);
  EXPECT_EQ(counts.audit, counts.buildings);
}

TEST(StoreOutbox, SavingAnUnchangedRecordWritesNoChange) {
  TempDir dir;
  const std::string path = dir.file("anju.db");
  auto store = testing::openStore(path);
  const Building b = makeBuilding("幸福路12号");
  Result<HlcVersion> first = store->putBuilding(b, "li.si");
  Result<HlcVersion> again = store->putBuilding(b, "li.si");
  ASSERT_TRUE(first.isOk() && again.isOk());
  EXPECT_EQ(*again, *first);
  EXPECT_EQ(countRows(path), (Counts{1, 0, 1, 1}));
}

TEST(StoreOutbox, BulkImportWithOneInvalidBuildingImportsNothing) {
  TempDir dir;
  const std::string path = dir.file("anju.db");
  auto store = testing::openStore(path);
  std::vector<Building> batch;
  for (int i = 0; i < 50; ++i) batch.push_back(makeBuilding("幸福路" + std::to_string(i) + "号"));
  batch[37].address = " ";
  Status s = store->putBuildings(batch, "admin");
  ASSERT_FALSE(s.isOk());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(wordsOf(s).find("#38"), std::string::npos) << wordsOf(s);
  EXPECT_EQ(countRows(path), (Counts{0, 0, 0, 0}));
}

TEST(StoreOutbox, BulkImportWritesEveryBuildingWithItsChange) {
  TempDir dir;
  const std::string path = dir.file("anju.db");
  auto store = testing::openStore(path);
  std::vector<Building> batch;
  for (int i = 0; i < 500; ++i) batch.push_back(makeBuilding("幸福路" + std::to_string(i) + "号"));
  ASSERT_TRUE(store->putBuildings(batch, "admin").isOk());
  EXPECT_EQ(countRows(path), (Counts{500, 0, 500, 500}));
  EXPECT_EQ(*store->countBuildings({}), 500);
}

}  // namespace
}  // namespace anju
