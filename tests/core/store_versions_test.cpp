#include "anju/record_codec.h"
#include "store_test_support.h"

namespace anju {
namespace {

using testing::makeBuilding;
using testing::TempDir;

TEST(StoreVersions, StrictlyIncreaseEvenWithAFrozenClock) {
  TempDir dir;
  auto store = testing::openStore(dir.file("anju.db"));  // the fake clock never moves
  Building b = makeBuilding("幸福路12号");
  HlcVersion last = 0;
  for (int storeys = 1; storeys <= 20; ++storeys) {
    b.storeysAbove = storeys;
    Result<HlcVersion> v = store->putBuilding(b, "li.si");
    ASSERT_TRUE(v.isOk());
    EXPECT_GT(*v, last);
    last = *v;
  }
  EXPECT_EQ(store->versionsOf(RecordKind::kBuilding, b.id)->version, last);
}

TEST(StoreVersions, SurviveReopenWhenTheClockWentBack) {
  TempDir dir;
  const std::string path = dir.file("anju.db");
  Building b = makeBuilding("幸福路12号");
  HlcVersion before = 0;
  {
    auto store = testing::openStore(path);
    before = *store->putBuilding(b, "li.si");
  }
  testing::FakeClock clock;
  clock.now->store(testing::kTestNow - 7LL * 86400 * 1000);  // clock reset a week back
  auto store = testing::openStore(path, testing::testOptions(clock));
  ASSERT_TRUE(store);
  EXPECT_EQ(store->versionsOf(RecordKind::kBuilding, b.id)->version, before);
  Building other = makeBuilding("和平路1号");
  Result<HlcVersion> after = store->putBuilding(other, "li.si");
  ASSERT_TRUE(after.isOk());
  EXPECT_GT(*after, before);
}

TEST(StoreVersions, FollowTheWallClockWhenItIsAhead) {
  TempDir dir;
  testing::FakeClock clock;
  auto store = testing::openStore(dir.file("anju.db"), testing::testOptions(clock));
  Result<HlcVersion> v = store->putBuilding(makeBuilding("幸福路12号"), "li.si");
  ASSERT_TRUE(v.isOk());
  EXPECT_EQ(hlcWallMs(*v), testing::kTestNow);
}

// The app syncs through a second connection to the same file: a record pulled there with a
// version from the server's future must still be overtaken by the next local edit made through
// the first connection, whose clock never saw that version.
TEST(StoreVersions, AnEditAfterAPullThroughAnotherConnectionComesAfterThePulledVersion) {
  TempDir dir;
  const std::string path = dir.file("anju.db");
  auto gui = testing::openStore(path);  // frozen fake clock at kTestNow
  auto worker = testing::openStore(path);
  ASSERT_TRUE(gui && worker);
  Building b = makeBuilding("幸福路12号");
  const HlcVersion pulled = makeHlc(testing::kTestNow + 3600 * 1000, 7);
  Result<PullOutcome> outcome = worker->applyPulled(
      {PulledRecord{RecordKind::kBuilding, b.id, pulled, encodeRecord(b)}}, "c1", "e1");
  ASSERT_TRUE(outcome.isOk()) << outcome.status().message();
  ASSERT_EQ(outcome->applied, 1);
  b.storeysAbove = 3;
  Result<HlcVersion> edited = gui->putBuilding(b, "li.si");
  ASSERT_TRUE(edited.isOk()) << edited.status().message();
  EXPECT_GT(*edited, pulled);
}

}  // namespace
}  // namespace anju
