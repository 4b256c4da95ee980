#include "anju/enum_codes.h"

#include <array>
#include <cstddef>
#include <string>

#include "code_table.h"

namespace anju {
namespace {

constexpr CodeTable<StructureType, 8> kStructure{{{
    {"brick_concrete", "砖混", "brick-concrete"},
    {"brick_timber", "砖木", "brick-timber"},
    {"frame", "框架", "RC frame"},
    {"earth_timber", "土木", "earth-timber"},
    {"stone_timber", "石木", "stone-timber"},
    {"timber", "木结构", "timber"},
    {"steel", "钢结构", "steel"},
    {"other", "其他", "other"},
}}};
static_assert(static_cast<std::size_t>(StructureType::kOther) + 1 == 8);

constexpr CodeTable<DesignStatus, 4> kDesign{{{
    {"unknown", "不详", "unknown"},
    {"licensed_design", "经有资质单位设计", "licensed design"},
    {"no_formal_design", "未经正规设计", "no formal design"},
    {"sketch_only", "有施工草图", "construction sketch only"},
}}};
static_assert(static_cast<std::size_t>(DesignStatus::kSketchOnly) + 1 == 4);

constexpr CodeTable<Alteration, 3> kAlteration{{{
    {"added_storey", "加层", "storey added"},
    {"extension", "扩建", "extension"},
    {"structural_change", "拆改主体结构", "main structure altered"},
}}};
static_assert(static_cast<std::size_t>(Alteration::kStructuralChange) + 1 == 3);

constexpr CodeTable<BuildingUse, 6> kUse{{{
    {"owner_occupied", "自住", "owner-occupied"},
    {"rented", "出租", "rented out"},
    {"business", "经营性", "business use"},
    {"production", "生产", "production"},
    {"three_in_one", "三合一", "living + storage + workshop"},
    {"other", "其他", "other"},
}}};
static_assert(static_cast<std::size_t>(BuildingUse::kOther) + 1 == 6);

constexpr CodeTable<Component, 12> kComponent{{{
    {"foundation", "地基基础", "foundation"},
    {"load_bearing_wall", "承重墙", "load-bearing wall"},
    {"self_bearing_wall", "自承重墙", "self-bearing wall"},
    {"column", "柱", "column"},
    {"beam", "梁", "beam"},
    {"slab", "楼屋面板", "slab"},
    {"roof", "屋面", "roof"},
    {"roof_truss", "屋架", "roof truss"},
    {"purlin", "檩条", "purlin"},
    {"cantilever", "悬挑构件", "cantilever"},
    {"envelope", "围护结构", "envelope"},
    {"other", "其他", "other"},
}}};
static_assert(static_cast<std::size_t>(Component::kOther) + 1 == 12);

constexpr CodeTable<HazardKind, 14> kHazard{{{
    {"settlement", "地基沉降", "settlement"},
    {"wall_crack", "墙体裂缝", "wall crack"},
    {"beam_crack", "梁裂缝", "beam crack"},
    {"slab_crack", "板裂缝", "slab crack"},
    {"column_crack", "柱裂缝", "column crack"},
    {"tilt", "倾斜", "tilt"},
    {"deflection", "挠曲变形", "deflection"},
    {"weathering", "风化剥蚀", "weathering"},
    {"rot", "腐朽虫蛀", "rot or insect damage"},
    {"roof_leak", "屋面渗漏", "roof leak"},
    {"sagging_purlin", "檩条下挠", "sagging purlin"},
    {"unlicensed_alteration", "未经设计改扩建", "alteration without licensed design"},
    {"fire_safety", "消防疏散隐患", "fire / evacuation hazard"},
    {"other", "其他", "other"},
}}};
static_assert(static_cast<std::size_t>(HazardKind::kOther) + 1 == 14);

constexpr CodeTable<Severity, 3> kSeverity{{{
    {"none", "无", "none"},
    {"some", "一般隐患", "minor hazard"},
    {"serious", "严重隐患", "serious hazard"},
}}};
static_assert(static_cast<std::size_t>(Severity::kSerious) + 1 == 3);

// Not constexpr: a deployment's rule file may choose other words (setJudgmentWords).
CodeTable<PreliminaryJudgment, 3> kJudgment{{{
    {"none_found", "未发现安全隐患", "no hazard found"},
    {"some", "存在一定安全隐患", "some hazard"},
    {"serious", "存在严重安全隐患", "serious hazard"},
}}};
static_assert(static_cast<std::size_t>(PreliminaryJudgment::kSerious) + 1 == 3);

constexpr CodeTable<AppraisalGrade, 4> kGrade{{{
    {"A", "A级", "grade A"},
    {"B", "B级", "grade B"},
    {"C", "C级", "grade C"},
    {"D", "D级", "grade D"},
}}};
static_assert(static_cast<std::size_t>(AppraisalGrade::kD) + 1 == 4);

constexpr CodeTable<ReviewState, 4> kReview{{{
    {"draft", "草稿", "draft"},
    {"submitted", "已提交", "submitted"},
    {"approved", "已通过", "approved"},
    {"returned", "已退回", "returned"},
}}};
static_assert(static_cast<std::size_t>(ReviewState::kReturned) + 1 == 4);

constexpr CodeTable<MeasureFamily, 3> kFamily{{{
    {"management", "管理措施", "management"},
    {"engineering", "工程措施", "engineering"},
    {"enforcement", "违法建设查处", "enforcement"},
}}};
static_assert(static_cast<std::size_t>(MeasureFamily::kEnforcement) + 1 == 3);

constexpr CodeTable<RectificationStatus, 3> kRectStatus{{{
    {"pending", "待整治", "pending"},
    {"in_progress", "整治中", "in progress"},
    {"done", "已整治", "done"},
}}};
static_assert(static_cast<std::size_t>(RectificationStatus::kDone) + 1 == 3);

constexpr CodeTable<RectificationStage, 4> kRectStage{{{
    {"open", "待完成", "open"},
    {"completed", "已完成待验收", "completed, awaiting acceptance"},
    {"accepted", "已验收待销号", "accepted, awaiting closure"},
    {"closed", "已销号", "closed"},
}}};
static_assert(static_cast<std::size_t>(RectificationStage::kClosed) + 1 == 4);

constexpr CodeTable<VisitOutcome, 4> kVisitOutcome{{{
    {"inspected", "已排查", "inspected"},
    {"nobody_home", "无人在家", "nobody home"},
    {"refused_entry", "拒绝入户", "entry refused"},
    {"gone_or_not_found", "房屋已拆除/无法找到", "demolished / not found"},
}}};
static_assert(static_cast<std::size_t>(VisitOutcome::kGoneOrNotFound) + 1 == 4);

constexpr CodeTable<PhotoCategory, 7> kPhotoCategory{{{
    {"door_plate", "门牌", "door plate"},
    {"facade", "外立面", "facade"},
    {"interior", "户内", "interior"},
    {"roof", "屋顶", "roof"},
    {"extension", "加建", "extension"},
    {"crack", "裂缝", "crack"},
    {"other", "其他", "other"},
}}};
static_assert(static_cast<std::size_t>(PhotoCategory::kOther) + 1 == 7);

}  // namespace

#define ANJU_ENUM_IMPL(Type, table)                              \
  const EnumLabel& label(Type value) { return table.of(value); } \
  std::optional<Type> parse##Type(std::string_view code) { return table.parse(code); }

ANJU_ENUM_IMPL(StructureType, kStructure)
ANJU_ENUM_IMPL(DesignStatus, kDesign)
ANJU_ENUM_IMPL(Alteration, kAlteration)
ANJU_ENUM_IMPL(BuildingUse, kUse)
ANJU_ENUM_IMPL(Component, kComponent)
ANJU_ENUM_IMPL(HazardKind, kHazard)
ANJU_ENUM_IMPL(Severity, kSeverity)
ANJU_ENUM_IMPL(PreliminaryJudgment, kJudgment)
ANJU_ENUM_IMPL(AppraisalGrade, kGrade)
ANJU_ENUM_IMPL(ReviewState, kReview)
ANJU_ENUM_IMPL(MeasureFamily, kFamily)
ANJU_ENUM_IMPL(RectificationStatus, kRectStatus)
ANJU_ENUM_IMPL(RectificationStage, kRectStage)
ANJU_ENUM_IMPL(VisitOutcome, kVisitOutcome)
ANJU_ENUM_IMPL(PhotoCategory, kPhotoCategory)

#undef ANJU_ENUM_IMPL

void setJudgmentWords(PreliminaryJudgment judgment, std::string_view zh, std::string_view en) {
  // The words live as long as the process: label() hands out views into them.
  static std::array<std::string, 3> zhWords;
  static std::array<std::string, 3> enWords;
  const auto i = static_cast<std::size_t>(judgment);
  zhWords.at(i) = zh;
  enWords.at(i) = en;
  kJudgment.rows.at(i).zh = zhWords[i];
  kJudgment.rows.at(i).en = enWords[i];
}

}  // namespace anju
