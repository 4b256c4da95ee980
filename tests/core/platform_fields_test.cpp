// The national platform's house fields (issue 11 §3): their code lists, the wire codec (every
// field survives; a record without them is still valid) and the building validation rules.
#include <gtest/gtest.h>

#include <set>

#include "anju/enum_codes.h"
#include "anju/record_codec.h"
#include "anju/uuid.h"
#include "anju/validation.h"
#include "core/message_test_support.h"

namespace anju {
namespace {

constexpr TimestampMs kNow = 1780272000000;  // 2026-06-01

Building platformBuilding() {
  Building b;
  b.id = newUuid();
  b.region = {"临江区", "城南街道", "幸福社区"};
  b.address = "幸福路12号";
  b.use = BuildingUse::kOwnerOccupied;
  b.businessType = BusinessType::kCatering;
  b.landType = LandType::kCollectiveHomestead;
  b.permits = {{Permit::kPlanning, PermitState::kHeld},
               {Permit::kFireAcceptance, PermitState::kNotHeld},
               {Permit::kSpecialTradeLicence, PermitState::kNotApplicable}};
  b.geoHazards = {GeoHazard::kSlopeCutting, GeoHazard::kFlooding};
  b.fireHazards = {FireHazard::kBlockedEscape, FireHazard::kEbikeCharging};
  b.platformHouseNumber = "YH500230000064653";
  b.censusHouseNumber = "500230-0001-000123";
  return b;
}

bool hasField(const Status& s, const std::string& field) {
  for (const FieldError& f : s.fieldErrors())
    if (f.field == field) return true;
  return false;
}

template <typename E>
void expectCompleteList(std::optional<E> (*parse)(std::string_view)) {
  std::set<std::string_view> codes, labels;
  for (E v : allValues<E>()) {
    const EnumLabel& l = label(v);
    EXPECT_FALSE(l.code.empty());
    EXPECT_FALSE(l.zh.empty());
    EXPECT_FALSE(l.en.empty());
    EXPECT_TRUE(codes.insert(l.code).second) << l.code;
    EXPECT_TRUE(labels.insert(l.zh).second) << l.zh;
    EXPECT_EQ(parse(l.code), v) << l.code;
  }
  EXPECT_FALSE(parse("no_such_code").has_value());
}

TEST(PlatformCodes, EveryListHasDistinctCodesAndBothLabels) {
  EXPECT_EQ(kPlatformCodesVersion, "platform-codes/1");
  expectCompleteList(&parseBusinessType);
  expectCompleteList(&parseLandType);
  expectCompleteList(&parsePermit);
  expectCompleteList(&parsePermitState);
  expectCompleteList(&parseGeoHazard);
  expectCompleteList(&parseFireHazard);
  EXPECT_EQ(allValues<Permit>().size(), 12u);
  EXPECT_EQ(label(BusinessType::kLodging).zh, "民宿宾馆");
  EXPECT_EQ(label(LandType::kCollectiveHomestead).zh, "集体土地（宅基地）");
  EXPECT_EQ(label(PermitState::kNotApplicable).zh, "不涉及");
}

TEST(PlatformFields, EveryFieldSurvivesTheWire) {
  const Building b = platformBuilding();
  Result<AnyRecord> back = decodeRecord(encodeRecord(b));
  ASSERT_TRUE(back.isOk()) << back.status().toString();
  EXPECT_EQ(std::get<Building>(*back), b);
  const v1::Building m = toProto(b);
  EXPECT_EQ(m.business_type(), "catering");
  EXPECT_EQ(m.land_type(), "collective_homestead");
  ASSERT_EQ(m.permits_size(), 3);
  EXPECT_EQ(m.permits(1).permit(), "fire_acceptance");
  EXPECT_EQ(m.permits(1).state(), "not_held");
  EXPECT_EQ(m.platform_house_number(), "YH500230000064653");
}

TEST(PlatformFields, ARecordWithoutThemIsValidAndRecordsNothing) {
  Building old;
  old.id = newUuid();
  old.region = {"临江区", "城南街道", "幸福社区"};
  old.address = "幸福路1号";
  v1::Building m = toProto(old);
  // What an older tablet sends: none of fields 16-22.
  EXPECT_TRUE(m.business_type().empty());
  EXPECT_EQ(m.permits_size(), 0);
  Result<Building> b = fromProto(m);
  ASSERT_TRUE(b.isOk()) << b.status().toString();
  EXPECT_FALSE(b->businessType.has_value());
  EXPECT_FALSE(b->landType.has_value());
  EXPECT_TRUE(b->permits.empty());
  EXPECT_TRUE(b->geoHazards.empty());
  EXPECT_FALSE(b->businessUse());
  EXPECT_TRUE(validateBuilding(*b, kNow).isOk());
}

TEST(PlatformFields, TheNumbersAreKeptExactlyAsGiven) {
  Building b = platformBuilding();
  b.platformHouseNumber = " yh-0001/旧编号 ";
  b.censusHouseNumber = "000";
  Result<AnyRecord> back = decodeRecord(encodeRecord(b));
  ASSERT_TRUE(back.isOk());
  EXPECT_EQ(std::get<Building>(*back).platformHouseNumber, " yh-0001/旧编号 ");
  EXPECT_EQ(std::get<Building>(*back).censusHouseNumber, "000");
  EXPECT_TRUE(validateBuilding(b, kNow).isOk());
}

TEST(PlatformFields, UnknownCodesAreNamedByTheirField) {
  v1::Building m = toProto(platformBuilding());
  m.set_business_type("casino");
  m.mutable_permits(0)->set_state("maybe");
  m.add_fire_hazards("dragons");
  Result<Building> b = fromProto(m);
  ASSERT_FALSE(b.isOk());
  EXPECT_TRUE(hasField(b.status(), "business_type"));
  EXPECT_TRUE(hasField(b.status(), "permits"));
  EXPECT_TRUE(hasField(b.status(), "fire_hazards"));
  EXPECT_NE(wordsOf(b.status()).find("dragons"), std::string::npos);
}

TEST(PlatformFields, BusinessUseFollowsTheUseOrARecordedTrade) {
  Building b;
  EXPECT_FALSE(b.businessUse());
  b.use = BuildingUse::kBusiness;
  EXPECT_TRUE(b.businessUse());
  b.use = BuildingUse::kOwnerOccupied;
  b.businessType = BusinessType::kRetail;  // 自住兼经营: a shop downstairs
  EXPECT_TRUE(b.businessUse());
}

TEST(PlatformValidation, APermitTwiceIsRefused) {
  Building b = platformBuilding();
  b.permits.push_back({Permit::kPlanning, PermitState::kNotHeld});
  const Status s = validateBuilding(b, kNow);
  ASSERT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(hasField(s, "permits"));
  EXPECT_NE(wordsOf(s).find("planning"), std::string::npos) << wordsOf(s);
}

TEST(PlatformValidation, NoneStandsAloneAndNothingIsListedTwice) {
  Building b = platformBuilding();
  b.geoHazards = {GeoHazard::kNone, GeoHazard::kFlooding};
  b.fireHazards = {FireHazard::kBlockedEscape, FireHazard::kBlockedEscape};
  const Status s = validateBuilding(b, kNow);
  EXPECT_TRUE(hasField(s, "geo_hazards"));
  EXPECT_TRUE(hasField(s, "fire_hazards"));
  EXPECT_EQ(s.fieldErrors().size(), 2u) << wordsOf(s);
  b.geoHazards = {GeoHazard::kNone};
  b.fireHazards = {FireHazard::kNone};
  EXPECT_TRUE(validateBuilding(b, kNow).isOk());
}

TEST(PlatformValidation, AnOverlongNumberIsRefused) {
  Building b = platformBuilding();
  b.platformHouseNumber = std::string(65, 'Y');
  b.censusHouseNumber = std::string(64, '0');
  const Status s = validateBuilding(b, kNow);
  EXPECT_TRUE(hasField(s, "platform_house_number"));
  EXPECT_FALSE(hasField(s, "census_house_number"));
  EXPECT_NE(wordsOf(s).find("65"), std::string::npos);
}

}  // namespace
}  // namespace anju
