// The national platform's code lists (城乡自建房安全专项整治信息归集平台, survey form blocks 1, 3
// and 4; ../docs/data-model.md "National platform fields"): code, Chinese label as the platform
// words it, English label. Version kPlatformCodesVersion (enum_codes.h): append codes, never
// change or reuse one.
#include "anju/enum_codes.h"
#include "code_table.h"

namespace anju {
namespace {

constexpr CodeTable<BusinessType, 11> kBusinessType{{{
    {"catering", "餐饮饭店", "restaurant / catering"},
    {"lodging", "民宿宾馆", "guesthouse / hotel"},
    {"retail", "批发零售", "wholesale / retail"},
    {"entertainment", "休闲娱乐", "leisure / entertainment"},
    {"education", "教育培训", "education / training"},
    {"medical", "医疗卫生", "medical / health"},
    {"elderly_care", "养老服务", "elderly care"},
    {"manufacturing", "生产加工", "manufacturing / processing"},
    {"warehousing", "仓储物流", "storage / logistics"},
    {"rental_housing", "出租居住", "rental housing"},
    {"other", "其他", "other"},
}}};
static_assert(static_cast<std::size_t>(BusinessType::kOther) + 1 == 11);

constexpr CodeTable<LandType, 7> kLandType{{{
    {"state_residential", "国有土地（住宅）", "state-owned land (residential)"},
    {"state_commercial_residential", "国有土地（商住）",
     "state-owned land (commercial-residential)"},
    {"state_commercial", "国有土地（商业）", "state-owned land (commercial)"},
    {"state_other", "国有土地（其他）", "state-owned land (other)"},
    {"collective_homestead", "集体土地（宅基地）", "collective land (homestead)"},
    {"collective_construction", "集体土地（集体建设用地）", "collective land (construction use)"},
    {"collective_other", "集体土地（其他）", "collective land (other)"},
}}};
static_assert(static_cast<std::size_t>(LandType::kCollectiveOther) + 1 == 7);

constexpr CodeTable<Permit, 12> kPermit{{{
    {"planning", "规划许可", "planning permit"},
    {"rural_planning", "乡村建设规划许可", "rural construction planning permit"},
    {"land_certificate", "土地证", "land certificate"},
    {"homestead_approval", "宅基地批准书", "homestead approval"},
    {"construction", "施工许可", "construction permit"},
    {"completion_acceptance", "竣工验收", "completion acceptance"},
    {"fire_acceptance", "消防验收", "fire-safety acceptance"},
    {"real_estate_registration", "不动产登记", "real-estate registration"},
    {"business_licence", "营业执照", "business licence"},
    {"operating_licence", "经营许可", "operating licence"},
    {"special_trade_licence", "特种行业许可", "special-trade licence"},
    {"fire_safety_inspection", "消防安全检查", "pre-opening fire-safety inspection"},
}}};
static_assert(static_cast<std::size_t>(Permit::kFireSafetyInspection) + 1 == 12);

constexpr CodeTable<PermitState, 3> kPermitState{{{
    {"held", "有", "held"},
    {"not_held", "无", "not held"},
    {"not_applicable", "不涉及", "not applicable"},
}}};
static_assert(static_cast<std::size_t>(PermitState::kNotApplicable) + 1 == 3);

constexpr CodeTable<GeoHazard, 9> kGeoHazard{{{
    {"none", "无", "none"},
    {"slope_cutting", "切坡建房", "built on a cut slope"},
    {"landslide_debris_flow", "滑坡泥石流", "landslide / debris flow"},
    {"mined_out_area", "采空区", "mined-out area"},
    {"flooding", "洪涝", "flooding"},
    {"rockfall", "崩塌", "rockfall / collapse"},
    {"subsidence", "地面沉降", "ground subsidence"},
    {"hazard_site", "地质灾害隐患点", "at a registered geo-hazard site"},
    {"other", "其他", "other"},
}}};
static_assert(static_cast<std::size_t>(GeoHazard::kOther) + 1 == 9);

constexpr CodeTable<FireHazard, 9> kFireHazard{{{
    {"none", "无", "none"},
    {"blocked_escape", "疏散通道堵塞", "escape route blocked"},
    {"missing_equipment", "消防设施缺失", "fire equipment missing or broken"},
    {"electrical_wiring", "电气线路私拉乱接", "unsafe electrical wiring"},
    {"flammable_materials", "易燃可燃材料", "flammable building materials"},
    {"mixed_use_living", "住宿与经营合用", "sleeping in a workshop, store or shop"},
    {"ebike_charging", "电动自行车违规充电", "e-bikes parked or charged indoors"},
    {"barred_windows", "防盗窗封堵逃生口", "escape windows barred"},
    {"other", "其他", "other"},
}}};
static_assert(static_cast<std::size_t>(FireHazard::kOther) + 1 == 9);

// Every enumerator in declaration order (the tables' order): 0 .. N-1.
template <typename E, std::size_t N>
constexpr std::array<E, N> valuesOf(const CodeTable<E, N>&) {
  std::array<E, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = static_cast<E>(i);
  return out;
}

constexpr auto kBusinessTypes = valuesOf(kBusinessType);
constexpr auto kLandTypes = valuesOf(kLandType);
constexpr auto kPermits = valuesOf(kPermit);
constexpr auto kPermitStates = valuesOf(kPermitState);
constexpr auto kGeoHazards = valuesOf(kGeoHazard);
constexpr auto kFireHazards = valuesOf(kFireHazard);

}  // namespace

#define ANJU_PLATFORM_CODES_IMPL(Type, table, values)                                  \
  const EnumLabel& label(Type value) { return table.of(value); }                       \
  std::optional<Type> parse##Type(std::string_view code) { return table.parse(code); } \
  template <>                                                                          \
  std::span<const Type> allValues<Type>() {                                            \
    return values;                                                                     \
  }

ANJU_PLATFORM_CODES_IMPL(BusinessType, kBusinessType, kBusinessTypes)
ANJU_PLATFORM_CODES_IMPL(LandType, kLandType, kLandTypes)
ANJU_PLATFORM_CODES_IMPL(Permit, kPermit, kPermits)
ANJU_PLATFORM_CODES_IMPL(PermitState, kPermitState, kPermitStates)
ANJU_PLATFORM_CODES_IMPL(GeoHazard, kGeoHazard, kGeoHazards)
ANJU_PLATFORM_CODES_IMPL(FireHazard, kFireHazard, kFireHazards)

#undef ANJU_PLATFORM_CODES_IMPL

}  // namespace anju
