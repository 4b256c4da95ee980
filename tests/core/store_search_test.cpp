#include <algorithm>
#include <set>

#include "store_test_support.h"

namespace anju {
namespace {

using testing::makeBuilding;
using testing::TempDir;

const RegionPath kHeping{"城关区", "幸福街道", "和平社区"};
const RegionPath kGuangming{"城关区", "东风街道", "光明社区"};

class StoreSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    m_store = testing::openStore(m_dir.file("anju.db"));
    ASSERT_TRUE(m_store);
    for (Building* b :
         {&m_xingfu12, &m_xingfu14, &m_renmin8, &m_hepingRoad, &m_newXingfu, &m_xingyun})
      ASSERT_TRUE(m_store->putBuilding(*b, "li.si").isOk());
  }

  std::set<Uuid> search(std::string_view query, const BuildingFilter& within = {}) {
    Result<std::vector<BuildingSummary>> found = m_store->searchBuildings(query, 100, within);
    EXPECT_TRUE(found.isOk()) << found.status().toString();
    std::set<Uuid> ids;
    if (found.isOk())
      for (const BuildingSummary& s : *found) ids.insert(s.id);
    return ids;
  }

  TempDir m_dir;
  std::unique_ptr<Store> m_store;
  Building m_xingfu12 = makeBuilding("幸福路12号", kHeping);
  Building m_xingfu14 = makeBuilding("幸福路14号", kHeping);
  Building m_renmin8 = makeBuilding("人民路8号", kGuangming);
  Building m_hepingRoad = makeBuilding("和平路3号", kGuangming);     // 和平, but not 和平社区
  Building m_newXingfu = makeBuilding("新幸福小区2栋", kGuangming);  // 幸福, but not 幸福路
  Building m_xingyun = makeBuilding("幸运路5号", kGuangming);        // 幸, but not 幸福
};

TEST_F(StoreSearch, ThreeCharacterStreetFindsOnlyHousesOnIt) {
  EXPECT_EQ(search("幸福路"), (std::set<Uuid>{m_xingfu12.id, m_xingfu14.id}));
}

TEST_F(StoreSearch, CommunityNameFindsItsHousesNotSimilarAddresses) {
  EXPECT_EQ(search("和平社区"), (std::set<Uuid>{m_xingfu12.id, m_xingfu14.id}));
}

TEST_F(StoreSearch, TwoCharacterQueryMatchesAddressesAndRegionNames) {
  // 幸福 is in the street name 幸福街道 of both 和平社区 houses, and in 新幸福小区.
  EXPECT_EQ(search("幸福"), (std::set<Uuid>{m_xingfu12.id, m_xingfu14.id, m_newXingfu.id}));
}

TEST_F(StoreSearch, OneCharacterQueryWorks) {
  EXPECT_EQ(search("运"), (std::set<Uuid>{m_xingyun.id}));
}

TEST_F(StoreSearch, EveryTermMustMatch) {
  EXPECT_EQ(search("幸福 14号"), (std::set<Uuid>{m_xingfu14.id}));
  EXPECT_EQ(search("光明社区\xE3\x80\x80和平"), (std::set<Uuid>{m_hepingRoad.id}))
      << "an ideographic space separates terms too";
}

TEST_F(StoreSearch, HouseNumberWithDigitsIsFound) {
  EXPECT_EQ(search("12号"), (std::set<Uuid>{m_xingfu12.id}));
  EXPECT_EQ(search("8号"), (std::set<Uuid>{m_renmin8.id}));
}

TEST_F(StoreSearch, QuerySyntaxInInputIsTakenLiterally) {
  EXPECT_TRUE(search("幸福\"路").empty());
  EXPECT_TRUE(search("幸福路 OR 人民路").empty());
  EXPECT_TRUE(search("幸福*").empty());
  EXPECT_TRUE(search("   ").empty());
}

TEST_F(StoreSearch, IndexFollowsAddressChanges) {
  m_xingfu12.address = "建设路1号";
  ASSERT_TRUE(m_store->putBuilding(m_xingfu12, "li.si").isOk());
  EXPECT_EQ(search("幸福路"), (std::set<Uuid>{m_xingfu14.id}));
  EXPECT_EQ(search("建设路"), (std::set<Uuid>{m_xingfu12.id}));
  EXPECT_EQ(search("建设"), (std::set<Uuid>{m_xingfu12.id}));
}

TEST_F(StoreSearch, CanBeRestrictedToARegion) {
  BuildingFilter guangming;
  guangming.community = "光明社区";
  EXPECT_EQ(search("幸福", guangming), (std::set<Uuid>{m_newXingfu.id}));
}

TEST_F(StoreSearch, ResultsAreInListOrderAndLimited) {
  Result<std::vector<BuildingSummary>> found = m_store->searchBuildings("幸福", 2);
  ASSERT_TRUE(found.isOk());
  ASSERT_EQ(found->size(), 2u);
  // 光明社区 (东风街道) sorts before 和平社区 (幸福街道) by street name.
  EXPECT_EQ((*found)[0].id, m_newXingfu.id);
  EXPECT_EQ((*found)[1].id, m_xingfu12.id);
}

}  // namespace
}  // namespace anju
