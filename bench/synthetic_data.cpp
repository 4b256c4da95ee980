#include "synthetic_data.h"

#include <random>

#include "anju/hlc.h"
#include "anju/record_codec.h"
#include "anju/uuid.h"

namespace anju::bench {
namespace {

const char* const kRoads[] = {"幸福路", "人民路", "解放路", "中山路", "建设路",
                              "和平路", "友谊路", "长江路", "黄河路", "新华路"};
const char* const kStreets[] = {"幸福街道", "东风街道", "和平街道", "光明街道", "建设街道"};
const StructureType kStructures[] = {StructureType::kBrickConcrete, StructureType::kBrickTimber,
                                     StructureType::kFrame, StructureType::kEarthTimber};

}  // namespace

Building syntheticBuilding(int i, const std::string& district, const std::string& street) {
  Building b;
  b.id = newUuid();
  b.region = {district, street, "第" + std::to_string(i % 40 + 1) + "社区"};
  // i / 400 keeps (community, road, number) unique for any i: community = i % 40,
  // road = (i / 40) % 10, number = i / 400.
  b.address = std::string(kRoads[(i / 40) % 10]) + std::to_string(i / 400 + 1) + "号";
  const int community = i % 40;
  const long long k = i / 40;  // the house within its community; the two moduli are coprime
  const double spreadLat = static_cast<double>(k * 7919 % 1000) / 50000.0;
  const double spreadLon = static_cast<double>(k * 104729 % 997) / 49850.0;
  b.location = GeoPoint{30.50 + (community / 8) * 0.025 + spreadLat,
                        114.20 + (community % 8) * 0.025 + spreadLon, std::nullopt};
  b.ownerName = "户主" + std::to_string(i);
  b.ownerContact = "1390000" + std::to_string(1000 + i % 9000);
  b.storeysAbove = 1 + i % 4;
  b.yearBuilt = 1980 + i % 40;
  b.structure = kStructures[i % 4];
  b.use = i % 5 == 0 ? BuildingUse::kRented : BuildingUse::kOwnerOccupied;
  return b;
}

Building syntheticDistrictBuilding(int i) {
  return syntheticBuilding(i, "城关区", kStreets[(i % 40) / 8]);
}

Inspection syntheticInspection(int i, const Building& building, const std::string& inspector,
                               std::size_t targetBytes) {
  Inspection in;
  in.id = newUuid();
  in.buildingId = building.id;
  in.inspector = inspector;
  in.startedAt = systemNowMs();
  in.submittedAt = in.startedAt;
  in.templateId = "self_built_house";
  in.templateVersion = 1;
  const double width = 0.1 * (i % 40);  // 0–3.9 mm: every judgment tier occurs
  in.answers = {{"wall_cracks", true},
                {"wall_crack_width", width},
                {"roof_leak", i % 3 == 0},
                {"tilt_observed", i % 7 == 0},
                {"alterations_seen", std::string(i % 11 == 0 ? "加建一层" : "无")}};
  in.findings = {Finding{newUuid(),
                         Component::kLoadBearingWall,
                         HazardKind::kWallCrack,
                         "一层北侧承重墙",
                         {{"width", width, "mm"}, {"length", 1.5 + 0.01 * (i % 100), "m"}},
                         Severity::kSome,
                         "窗角斜裂缝，贯通墙厚",
                         {}},
                 Finding{newUuid(),
                         Component::kRoof,
                         HazardKind::kRoofLeak,
                         "屋面东侧",
                         {},
                         Severity::kSome,
                         "雨后渗水，檩条潮湿",
                         {}},
                 Finding{newUuid(),
                         Component::kLoadBearingWall,
                         HazardKind::kTilt,
                         "二层西山墙",
                         {{"tilt", 0.1 * (i % 20), "permille"}},
                         Severity::kSome,
                         "目测外倾",
                         {}}};
  // One, two or three kinds of hazard, so grading meets every tier (the escalation rule turns
  // three kinds of minor hazard into a serious judgment).
  in.findings.resize(static_cast<std::size_t>(1 + i % 3));
  in.review = ReviewState::kSubmitted;
  // Pad the last note to the wanted size: a real note is free text of this kind.
  const std::string filler = "住户反映雨季墙体返潮，建议复查。";
  while (encodeRecord(in).size() < targetBytes) in.findings.back().note += filler;
  return in;
}

std::string pseudoRandomBytes(std::uint64_t seed, std::size_t size) {
  std::mt19937_64 random(seed);
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; i += 8) {
    const std::uint64_t word = random();
    for (std::size_t k = 0; k < 8 && i + k < size; ++k)
      bytes[i + k] = static_cast<char>((word >> (8 * k)) & 0xff);
  }
  return bytes;
}

}  // namespace anju::bench
