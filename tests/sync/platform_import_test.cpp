// The register import's national platform columns (业态, 土地性质, 许可证照, 地质灾害, 消防隐患,
// 自建房编号, 普查房屋编号; optional) and the region code import's checks (issue 11 §3).
#include <gtest/gtest.h>

#include "import/building_import.h"
#include "import/region_code_import.h"
#include "import_test_support.h"
#include "register/region_code_book.h"

namespace anju::server {
namespace {

constexpr TimestampMs kNow = 1780272000000;  // 2026

TEST(PlatformImport, WithoutTheNewColumnsNothingIsRecorded) {
  Result<ParsedRegister> parsed =
      parseBuildingRegister("区,街道,社区,地址\n临江区,城南街道,幸福社区,幸福路1号\n", kNow);
  ASSERT_TRUE(parsed.isOk()) << problemsOf(parsed.status());
  const Building& b = parsed->buildings.at(0);
  EXPECT_FALSE(b.businessType.has_value());
  EXPECT_FALSE(b.landType.has_value());
  EXPECT_TRUE(b.permits.empty());
  EXPECT_TRUE(b.geoHazards.empty());
  EXPECT_TRUE(b.fireHazards.empty());
  EXPECT_EQ(b.platformHouseNumber, "");
  EXPECT_TRUE(parsed->ignoredColumns.empty());
}

TEST(PlatformImport, TheNewColumnsByLabelOrCode) {
  const std::string csv =
      "区,街道,社区,地址,用途,业态,土地性质,许可证照,地质灾害,消防隐患,自建房编号,普查房屋编号\n"
      "临江区,城南街道,幸福社区,幸福路1号,自住,餐饮饭店,集体土地（宅基地）,"
      "\"规划许可：有；竣工验收:无;business_licence：不涉及\",切坡建房、flooding,"
      "电气线路私拉乱接；ebike_charging,YH420106000000001,420106-0001\n"
      "临江区,城南街道,幸福社区,幸福路3号,经营性,lodging,state_residential,,无,none,,\n";
  Result<ParsedRegister> parsed = parseBuildingRegister(csv, kNow);
  ASSERT_TRUE(parsed.isOk()) << problemsOf(parsed.status());
  ASSERT_EQ(parsed->buildings.size(), 2u);
  const Building& a = parsed->buildings[0];
  EXPECT_EQ(a.businessType, BusinessType::kCatering);
  EXPECT_TRUE(a.businessUse());
  EXPECT_EQ(a.landType, LandType::kCollectiveHomestead);
  const std::vector<PermitStatus> permits = {
      {Permit::kPlanning, PermitState::kHeld},
      {Permit::kCompletionAcceptance, PermitState::kNotHeld},
      {Permit::kBusinessLicence, PermitState::kNotApplicable}};
  EXPECT_EQ(a.permits, permits);
  EXPECT_EQ(a.geoHazards, (std::vector{GeoHazard::kSlopeCutting, GeoHazard::kFlooding}));
  EXPECT_EQ(a.fireHazards,
            (std::vector{FireHazard::kElectricalWiring, FireHazard::kEbikeCharging}));
  EXPECT_EQ(a.platformHouseNumber, "YH420106000000001");
  EXPECT_EQ(a.censusHouseNumber, "420106-0001");
  const Building& b = parsed->buildings[1];
  EXPECT_EQ(b.businessType, BusinessType::kLodging);
  EXPECT_EQ(b.landType, LandType::kStateResidential);
  EXPECT_TRUE(b.permits.empty());
  EXPECT_EQ(b.geoHazards, std::vector{GeoHazard::kNone});
  EXPECT_EQ(b.fireHazards, std::vector{FireHazard::kNone});
}

TEST(PlatformImport, BadOptionsAreReportedWithTheirLineAndNothingIsImported) {
  const std::string csv =
      "区,街道,社区,地址,业态,许可证照,地质灾害\n"
      "临江区,城南街道,幸福社区,幸福路1号,赌场,规划许可,无、洪涝\n"
      "临江区,城南街道,幸福社区,幸福路3号,,施工许可：也许,\n";
  Result<ParsedRegister> parsed = parseBuildingRegister(csv, kNow);
  ASSERT_FALSE(parsed.isOk());
  const std::string p = problemsOf(parsed.status());
  EXPECT_NE(p.find("line 2: 业态: unknown option: 赌场"), std::string::npos) << p;
  EXPECT_NE(p.find("line 2: 许可证照: permits are written"), std::string::npos) << p;
  EXPECT_NE(p.find("line 2: geo_hazards: \"none\" cannot be chosen"), std::string::npos) << p;
  EXPECT_NE(p.find("line 3: 许可证照: unknown option: 也许"), std::string::npos) << p;
}

const std::vector<RegionCode> kStored = {
    {{"临江区", "", ""}, "420106"},
    {{"临江区", "城南街道", ""}, "420106001000"},
    {{"临江区", "城南街道", "幸福社区"}, "420106001001"},
};

TEST(RegionCodeImport, GoodCodesJoinTheStoredOnes) {
  const std::string csv =
      "区,街道,社区,区划代码\n"
      "临江区,城北街道,,420106002000\n"
      "临江区,城北街道,和平社区,420106002003\n"
      "临江区,城南街道,安康社区,420106001002\n";
  Result<std::vector<RegionCode>> codes = parseRegionCodes(csv, kStored);
  ASSERT_TRUE(codes.isOk()) << problemsOf(codes.status());
  ASSERT_EQ(codes->size(), 3u);
  EXPECT_EQ(codes->at(1), (RegionCode{{"临江区", "城北街道", "和平社区"}, "420106002003"}));
}

TEST(RegionCodeImport, ADistrictWithItsStreetsInOneFile) {
  const std::string csv =
      "区,街道,社区,区划代码\n"
      "新区,,,500230\n"
      "新区,东街道,,500230101000\n"
      "新区,东街道,一村,500230101201\n";
  EXPECT_TRUE(parseRegionCodes(csv, {}).isOk());
}

TEST(RegionCodeImport, BadCodesAreRefusedEachWithItsLine) {
  const std::string csv =
      "区,街道,社区,区划代码\n"
      "临江区,城北街道,,42010600200\n"           // 11 digits
      "临江区,城北街道,和平社区,4201060020A3\n"  // a letter
      "临江区,城南街道,安康社区,420107001002\n"  // not under 420106001
      "临江区,城南街道,平安社区,420106001001\n"  // the code of 幸福社区
      "临江区,城东街道,一村,420106003001\n"      // its street has no code
      "武昌区,,,4201060\n"                       // 7 digits
      "临江区,城南街道,,420106001001\n"          // a street code not ending in 000
      "临江区,,和平社区,420106002003\n";         // a community without its street
  Result<std::vector<RegionCode>> codes = parseRegionCodes(csv, kStored);
  ASSERT_FALSE(codes.isOk());
  const std::string p = problemsOf(codes.status());
  EXPECT_NE(p.find("no region code imported"), std::string::npos) << p;
  EXPECT_NE(p.find("line 2: 区划代码: a street's code has 12 digits ending in 000: 42010600200"),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("line 3: 区划代码: a region code has digits only: 4201060020A3"),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("line 4: 区划代码: 420107001002 must start with 420106001, from the code "
                   "420106001000 of its parent 临江区/城南街道"),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("line 5: 区划代码: region code 420106001001 already belongs to "
                   "临江区/城南街道/幸福社区"),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("line 6: 区划代码: its parent 临江区/城东街道 has no region code"),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("line 7: 区划代码: a district's code has 6 digits (GB/T 2260): 4201060"),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("line 8: 区划代码: a street's code has 12 digits ending in 000"),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("line 9: 街道: a community needs its street"), std::string::npos) << p;
  EXPECT_EQ(codes.status().fieldErrors().size(), 8u) << p;
}

TEST(RegionCodeImport, ANewDistrictCodeThatOrphansStoredStreetsIsRefused) {
  Result<std::vector<RegionCode>> codes =
      parseRegionCodes("区,街道,社区,区划代码\n临江区,,,420107\n", kStored);
  ASSERT_FALSE(codes.isOk());
  const std::string p = problemsOf(codes.status());
  EXPECT_NE(p.find("line 2: 区划代码: the code 420106001000 of 临江区/城南街道 below does not "
                   "start with this code"),
            std::string::npos)
      << p;
}

TEST(RegionCodeImport, MissingColumnsAndTheSameRegionTwice) {
  EXPECT_FALSE(parseRegionCodes("区,街道,区划代码\n临江区,,420106\n", {}).isOk());
  Result<std::vector<RegionCode>> twice =
      parseRegionCodes("区,街道,社区,区划代码\n临江区,,,420106\n临江区,,,420106\n", {});
  ASSERT_FALSE(twice.isOk());
  EXPECT_NE(problemsOf(twice.status()).find("line 3: 区划代码: same region as line 2"),
            std::string::npos)
      << problemsOf(twice.status());
}

TEST(RegionCodeBook, TheNearestCodeOfAHouse) {
  const RegionCodeBook book(kStored);
  EXPECT_EQ(book.nearestCodeOf({"临江区", "城南街道", "幸福社区"}), "420106001001");
  EXPECT_EQ(book.nearestCodeOf({"临江区", "城南街道", "安康社区"}), "420106001000");
  EXPECT_EQ(book.nearestCodeOf({"临江区", "城北街道", "和平社区"}), "420106");
  EXPECT_EQ(book.nearestCodeOf({"武昌区", "x", "y"}), "");
  EXPECT_EQ(book.codeOf({"临江区", "城南街道", ""}), "420106001000");
}

}  // namespace
}  // namespace anju::server
