#include "anju/demo_district.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>

#include "anju/uuid.h"

namespace anju {
namespace {

struct Community {
  const char* street;
  const char* community;
  const char* road;  // the main road of the community
  int houses;
};

constexpr std::array<Community, 7> kCommunities = {{
    {"城南街道", "幸福社区", "幸福路", 32},
    {"城南街道", "和平社区", "和平巷", 28},
    {"城南街道", "光明社区", "光明街", 30},
    {"城北街道", "新华社区", "新华路", 30},
    {"城北街道", "建设社区", "建设巷", 26},
    {"江口镇", "石桥村", "石桥组", 28},
    {"江口镇", "柳树湾村", "柳湾组", 26},
}};

constexpr std::array<const char*, 10> kSurnames = {"张", "王", "李", "赵", "刘",
                                                   "陈", "杨", "黄", "周", "吴"};
constexpr std::array<const char*, 10> kGiven = {"建国", "秀英", "桂兰", "志强", "玉梅",
                                                "德明", "春花", "国华", "丽娟", "长顺"};
constexpr std::array<StructureType, 5> kStructures = {
    StructureType::kBrickConcrete, StructureType::kBrickConcrete, StructureType::kBrickTimber,
    StructureType::kFrame, StructureType::kEarthTimber};
constexpr std::array<BuildingUse, 4> kUses = {BuildingUse::kOwnerOccupied,
                                              BuildingUse::kOwnerOccupied, BuildingUse::kRented,
                                              BuildingUse::kBusiness};

// A small LCG: the same district every time, without depending on <random>'s distributions.
class Sequence {
 public:
  std::uint32_t next(std::uint32_t bound) {
    m_state = m_state * 1664525u + 1013904223u;
    return (m_state >> 8) % bound;
  }

 private:
  std::uint32_t m_state = 20240601u;
};

// The national platform's fields, from the house's place in the district and its use alone (drawing
// from the sequence would change every later house): land, permits, a trade for business houses, a
// few hazards, and the platform's numbers in its format (YH + county code + sequence).
void addPlatformFacts(Building& b, int n) {
  static constexpr BusinessType kTrades[] = {BusinessType::kCatering, BusinessType::kLodging,
                                             BusinessType::kRetail, BusinessType::kRentalHousing};
  if (b.use == BuildingUse::kBusiness) b.businessType = kTrades[n % 4];
  b.landType = n % 3 == 0 ? LandType::kStateResidential : LandType::kCollectiveHomestead;
  b.permits = {
      {Permit::kPlanning, n % 4 == 0 ? PermitState::kNotHeld : PermitState::kHeld},
      {Permit::kCompletionAcceptance, n % 2 == 0 ? PermitState::kNotHeld : PermitState::kHeld}};
  if (b.businessType) b.permits.push_back({Permit::kBusinessLicence, PermitState::kHeld});
  b.geoHazards = {n % 7 == 0 ? GeoHazard::kSlopeCutting : GeoHazard::kNone};
  b.fireHazards = {n % 5 == 0 ? FireHazard::kElectricalWiring : FireHazard::kNone};
  char number[24];
  std::snprintf(number, sizeof number, "YH420106%09d", 100000 + n);
  b.platformHouseNumber = number;
}

}  // namespace

std::vector<Building> demoDistrictBuildings() {
  Sequence seq;
  std::vector<Building> out;
  for (const Community& c : kCommunities) {
    for (int i = 1; i <= c.houses; ++i) {
      Building b;
      b.id = newUuid();
      b.region = {kDemoDistrict, c.street, c.community};
      b.address = std::string(c.road) + std::to_string(i * 2 - (i % 2)) + "号";
      b.ownerName =
          std::string(kSurnames[seq.next(kSurnames.size())]) + kGiven[seq.next(kGiven.size())];
      b.ownerContact = "138" + std::to_string(10000000 + seq.next(89999999));
      b.yearBuilt = 1978 + static_cast<int>(seq.next(44));
      b.storeysAbove = 1 + static_cast<int>(seq.next(4));
      b.storeysBelow = seq.next(10) == 0 ? 1 : 0;
      b.floorAreaM2 = 60.0 + seq.next(240);
      b.structure = kStructures[seq.next(kStructures.size())];
      b.use = kUses[seq.next(kUses.size())];
      // Each community its own patch (about 500 m across) on a 3-column grid, so the map page
      // shows separate clusters with their outlines, as a real district does.
      const auto k = static_cast<int>(&c - kCommunities.data());
      const double lat = 30.60 + (k / 3) * 0.008 + seq.next(1000) / 200000.0;
      const double lon = 114.30 + (k % 3) * 0.010 + seq.next(1000) / 200000.0;
      b.location = GeoPoint{lat, lon, std::nullopt};
      if (b.storeysAbove >= 3 && seq.next(3) == 0)
        b.alterations.push_back(Alteration::kAddedStorey);
      addPlatformFacts(b, static_cast<int>(out.size()) + 1);  // numbered across the district
      out.push_back(std::move(b));
    }
  }
  return out;
}

}  // namespace anju
