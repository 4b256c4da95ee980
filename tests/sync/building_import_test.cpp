#include "import/building_import.h"

#include <gtest/gtest.h>

#include "anju/hlc.h"
#include "import_test_support.h"

namespace anju::server {
namespace {

constexpr TimestampMs kNow = 1780272000000;  // 2026

TEST(BuildingImport, ChineseHeadersBecomeBuildings) {
  const std::string csv =
      "\xEF\xBB\xBF序号,区,街道,社区,地址,产权人,联系电话,建成年份,地上层数,地下层数,结构类型\r\n"
      "1,临江区,城南街道,幸福社区,\"幸福路12号,东侧\",张建国,13800000000,1998,3,0,砖混\r\n"
      "2,临江区,城南街道,幸福社区,幸福路14号,王秀英,,,2,,frame\r\n";
  Result<ParsedRegister> parsed = parseBuildingRegister(csv, kNow);
  ASSERT_TRUE(parsed.isOk()) << parsed.status().toString();
  ASSERT_EQ(parsed->buildings.size(), 2u);
  const Building& b = parsed->buildings[0];
  EXPECT_EQ(b.region.street, "城南街道");
  EXPECT_EQ(b.address, "幸福路12号,东侧");
  EXPECT_EQ(b.yearBuilt, 1998);
  EXPECT_EQ(b.storeysAbove, 3);
  EXPECT_EQ(b.structure, StructureType::kBrickConcrete);
  EXPECT_EQ(parsed->buildings[1].structure, StructureType::kFrame);
  EXPECT_FALSE(parsed->buildings[1].yearBuilt.has_value());
  EXPECT_EQ(parsed->ignoredColumns, std::vector<std::string>{"序号"});
}

TEST(BuildingImport, EveryBadRowIsReportedWithItsLineAndNothingIsReturned) {
  const std::string csv =
      "区,街道,社区,地址,建成年份,地上层数,结构类型\n"
      "临江区,城南街道,幸福社区,幸福路1号,1990,2,砖混\n"
      "临江区,城南街道,幸福社区,幸福路3号,2999,2,砖混\n"  // future year
      "临江区,城南街道,幸福社区,,1990,二,蒙古包\n";       // no address, bad storeys, structure
  Result<ParsedRegister> parsed = parseBuildingRegister(csv, kNow);
  ASSERT_FALSE(parsed.isOk());
  const std::string msg = problemsOf(parsed.status());
  EXPECT_NE(msg.find("line 3"), std::string::npos) << msg;
  EXPECT_NE(msg.find("line 4"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("line 2"), std::string::npos) << msg;
  EXPECT_NE(msg.find("蒙古包"), std::string::npos) << msg;
  EXPECT_GE(parsed.status().fieldErrors().size(), 4u);
}

TEST(BuildingImport, MissingRequiredColumnIsAnError) {
  Result<ParsedRegister> parsed = parseBuildingRegister("区,街道,地址\n临江区,城南街道,x\n", kNow);
  ASSERT_FALSE(parsed.isOk());
  EXPECT_NE(parsed.status().message().find("社区"), std::string::npos) << parsed.status().message();
}

TEST(BuildingImport, SameAddressTwiceInOneFileIsAnError) {
  const std::string csv =
      "区,街道,社区,地址\n临江区,城南街道,幸福社区,幸福路1号\n临江区,城南街道,幸福社区,幸福路1号\n";
  Result<ParsedRegister> parsed = parseBuildingRegister(csv, kNow);
  ASSERT_FALSE(parsed.isOk());
  EXPECT_NE(problemsOf(parsed.status()).find("line 3"), std::string::npos);
}

}  // namespace
}  // namespace anju::server
