#include <set>
#include <tuple>

#include "anju/natural_sort.h"
#include "store_test_support.h"

namespace anju {
namespace {

using testing::makeBuilding;
using testing::makeInspection;
using testing::TempDir;

class StoreList : public ::testing::Test {
 protected:
  void SetUp() override {
    m_store = testing::openStore(m_dir.file("anju.db"));
    ASSERT_TRUE(m_store);
    std::vector<Building> batch;
    for (int i = 0; i < 30; ++i) {
      const RegionPath region = i < 20 ? RegionPath{"城关区", "幸福街道", "和平社区"}
                                       : RegionPath{"城关区", "东风街道", "光明社区"};
      batch.push_back(makeBuilding("幸福路" + std::to_string(100 + i) + "号", region));
    }
    ASSERT_TRUE(m_store->putBuildings(batch, "admin").isOk());
    m_buildings = batch;
  }

  void inspect(const Building& b, PreliminaryJudgment judgment, ReviewState review,
               TimestampMs startedAt = testing::kTestNow) {
    Inspection in = makeInspection(b.id, startedAt);
    in.computedJudgment = judgment;
    in.review = review;
    if (review != ReviewState::kDraft) in.submittedAt = startedAt + 1000;
    ASSERT_TRUE(m_store->putInspection(in, "li.si").isOk());
  }

  std::int64_t count(const BuildingFilter& filter) {
    Result<std::int64_t> n = m_store->countBuildings(filter);
    EXPECT_TRUE(n.isOk()) << n.status().toString();
    return n.isOk() ? *n : -1;
  }

  // Reads the whole list page by page, following the keyset.
  std::vector<BuildingSummary> readAllPages(const BuildingFilter& filter, int pageSize) {
    std::vector<BuildingSummary> all;
    std::optional<BuildingSummary> after;
    for (;;) {
      Result<std::vector<BuildingSummary>> page = m_store->listBuildings(filter, pageSize, after);
      EXPECT_TRUE(page.isOk()) << page.status().toString();
      if (!page.isOk() || page->empty()) return all;
      EXPECT_LE(page->size(), static_cast<std::size_t>(pageSize));
      all.insert(all.end(), page->begin(), page->end());
      after = page->back();
    }
  }

  TempDir m_dir;
  std::unique_ptr<Store> m_store;
  std::vector<Building> m_buildings;
};

TEST_F(StoreList, FiltersByRegion) {
  BuildingFilter heping;
  heping.community = "和平社区";
  EXPECT_EQ(count(heping), 20);
  BuildingFilter dongfeng;
  dongfeng.district = "城关区";
  dongfeng.street = "东风街道";
  EXPECT_EQ(count(dongfeng), 10);
  EXPECT_EQ(count({}), 30);
  BuildingFilter elsewhere;
  elsewhere.district = "江岸区";
  EXPECT_EQ(count(elsewhere), 0);
}

TEST_F(StoreList, KeysetPagingVisitsEveryHouseOnceInOrder) {
  for (const BuildingFilter& filter :
       {BuildingFilter{}, BuildingFilter{"城关区", "幸福街道", "", {}, {}, {}}}) {
    const std::vector<BuildingSummary> all = readAllPages(filter, 7);
    EXPECT_EQ(static_cast<std::int64_t>(all.size()), count(filter));
    std::set<Uuid> ids;
    for (const BuildingSummary& s : all) ids.insert(s.id);
    EXPECT_EQ(ids.size(), all.size()) << "no house twice";
    for (std::size_t i = 1; i < all.size(); ++i) {
      const auto key = [](const BuildingSummary& s) {
        return std::make_tuple(s.region.district, s.region.street, s.region.community,
                               naturalSortKey(s.address), s.id);
      };
      EXPECT_LT(key(all[i - 1]), key(all[i]));
    }
  }
}

TEST_F(StoreList, SummaryShowsTheLatestInspection) {
  const Building& b = m_buildings[0];
  inspect(b, PreliminaryJudgment::kSerious, ReviewState::kApproved, testing::kTestNow - 86400000);
  inspect(b, PreliminaryJudgment::kSome, ReviewState::kSubmitted, testing::kTestNow);
  BuildingFilter heping;
  heping.community = "和平社区";
  Result<std::vector<BuildingSummary>> page = m_store->listBuildings(heping, 1);
  ASSERT_TRUE(page.isOk());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ(page->front().id, b.id);  // 幸福路100号 sorts first
  EXPECT_EQ(page->front().judgment, PreliminaryJudgment::kSome);
  EXPECT_EQ(page->front().review, ReviewState::kSubmitted);
  EXPECT_EQ(page->front().lastInspectedAt, testing::kTestNow);
}

TEST_F(StoreList, FiltersByJudgmentReviewAndInspected) {
  inspect(m_buildings[0], PreliminaryJudgment::kSerious, ReviewState::kSubmitted);
  inspect(m_buildings[1], PreliminaryJudgment::kSerious, ReviewState::kDraft);
  inspect(m_buildings[25], PreliminaryJudgment::kNoneFound, ReviewState::kSubmitted);

  BuildingFilter serious;
  serious.judgment = PreliminaryJudgment::kSerious;
  EXPECT_EQ(count(serious), 2);
  BuildingFilter seriousSubmitted = serious;
  seriousSubmitted.review = ReviewState::kSubmitted;
  EXPECT_EQ(count(seriousSubmitted), 1);
  BuildingFilter notYet;
  notYet.inspected = false;
  EXPECT_EQ(count(notYet), 27);
  BuildingFilter done;
  done.inspected = true;
  done.community = "光明社区";
  EXPECT_EQ(count(done), 1);
  Result<std::vector<BuildingSummary>> page = m_store->listBuildings(serious, 10);
  ASSERT_TRUE(page.isOk());
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].id, m_buildings[0].id);
}

TEST_F(StoreList, OverrideDecidesTheListedJudgment) {
  Inspection in = makeInspection(m_buildings[3].id);
  in.computedJudgment = PreliminaryJudgment::kSerious;
  in.override = JudgmentOverride{PreliminaryJudgment::kSome, "已加固"};
  ASSERT_TRUE(m_store->putInspection(in, "li.si").isOk());
  BuildingFilter some;
  some.judgment = PreliminaryJudgment::kSome;
  EXPECT_EQ(count(some), 1);
}

TEST_F(StoreList, NonPositiveLimitIsInvalid) {
  EXPECT_EQ(m_store->listBuildings({}, 0).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace anju
