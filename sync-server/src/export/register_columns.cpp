#include "export/register_columns.h"

#include <array>
#include <cstdio>

#include "anju/enum_codes.h"

namespace anju::server {
namespace {

constexpr std::array<RegisterColumn, 45> kColumns = {{
    {"房屋编号", 38},
    {"区", 10},
    {"街道", 12},
    {"社区", 12},
    {"详细地址", 28},
    {"纬度", 12},
    {"经度", 12},
    {"产权人", 10},
    {"建成年份", 9},
    {"地上层数", 9},
    {"地下层数", 9},
    {"结构类型", 10},
    {"房屋用途", 10},
    {"房屋编码", 16},
    {"最近排查编号", 38},
    {"排查时间(北京时间)", 18},
    {"排查人员", 10},
    {"初步判定", 16},
    {"判定经人工修正", 8},
    {"鉴定等级", 8},
    {"审核状态", 8},
    {"隐患数", 7},
    {"整治状态", 8},
    {"整治期限", 12},
    {"照片数", 7},
    {"排查进行中", 8},
    {"走访次数", 8},
    {"无人在家次数", 10},
    {"拒绝入户次数", 10},
    {"最近走访结果", 16},
    {"最近走访时间(北京时间)", 18},
    // From the stored records at export time (register_details.h), not from the index.
    {"处置建议/管控措施", 24},
    {"整治措施", 24},
    {"责任人", 12},
    {"完成日期", 12},
    {"是否销号", 8},
    // The national platform's fields (issue 11 §3), from the building record and region codes.
    {"区划代码", 14},
    {"经营性用途", 8},
    {"业态", 10},
    {"土地性质", 16},
    {"许可证照", 30},
    {"地质灾害", 16},
    {"消防隐患", 20},
    {"自建房编号", 20},
    {"普查房屋编号", 20},
}};

template <typename Enum, typename Parse>
std::string labelOf(const std::string& code, Parse parse) {
  if (code.empty()) return "";
  if (std::optional<Enum> value = parse(code)) return std::string(label(*value).zh);
  return code;
}

RegisterCell text(std::string s) { return {std::move(s), std::nullopt}; }
RegisterCell number(double v) { return {"", v}; }
RegisterCell numberIf(bool known, double v) { return known ? number(v) : text(""); }

}  // namespace

std::span<const RegisterColumn> registerColumns() { return kColumns; }

std::string judgmentLabel(const std::string& code) {
  return labelOf<PreliminaryJudgment>(code, parsePreliminaryJudgment);
}
std::string reviewLabel(const std::string& code) {
  return labelOf<ReviewState>(code, parseReviewState);
}
std::string rectificationLabel(const std::string& code) {
  return labelOf<RectificationStatus>(code, parseRectificationStatus);
}
std::string structureLabel(const std::string& code) {
  return labelOf<StructureType>(code, parseStructureType);
}
std::string useLabel(const std::string& code) {
  return labelOf<BuildingUse>(code, parseBuildingUse);
}

std::string visitOutcomeLabel(const std::string& code) {
  return labelOf<VisitOutcome>(code, parseVisitOutcome);
}

std::string joinLines(const std::vector<std::string>& lines, const char* separator) {
  std::string out;
  for (const std::string& l : lines) out += (out.empty() ? "" : separator) + l;
  return out;
}

std::vector<RegisterCell> registerCells(const RegisterRow& r, const RegisterDetails& d) {
  const bool located = r.location.has_value();
  return {text(r.buildingId), text(r.region.district), text(r.region.street),
          text(r.region.community), text(r.address),
          numberIf(located, located ? r.location->latitude : 0),
          numberIf(located, located ? r.location->longitude : 0), text(r.ownerName),
          numberIf(r.yearBuilt.has_value(), r.yearBuilt.value_or(0)), number(r.storeysAbove),
          number(r.storeysBelow), text(structureLabel(r.structure)), text(useLabel(r.use)),
          text(r.buildingCode), text(r.inspectionId), text(formatChinaTime(r.inspectedAt)),
          text(r.inspector), text(r.visited() ? judgmentLabel(r.judgment) : "未排查"),
          text(r.judgmentOverridden ? "是" : ""),
          text(r.appraisalGrade.empty() ? "" : r.appraisalGrade + "级"),
          text(reviewLabel(r.review)), numberIf(r.visited(), r.findingCount),
          text(r.rectification.empty() ? "无" : rectificationLabel(r.rectification)),
          text(r.rectificationDeadline), number(r.photoCount),
          // A re-inspection under way: the judgment above is still the last handed-in result.
          text(r.inProgress ? "是" : ""), number(r.visitCount), number(r.nobodyHomeCount),
          number(r.refusedCount),
          text(r.lastVisitOutcome.empty() ? "未走访" : visitOutcomeLabel(r.lastVisitOutcome)),
          text(formatChinaTime(r.lastVisitedAt)), text(joinLines(d.controlMeasures, "；")),
          text(joinLines(d.worksMeasures, "；")), text(d.responsible), text(d.completedOn),
          text(d.closed), text(d.regionCode), text(d.businessUse), text(d.businessType),
          text(d.landType), text(d.permits), text(d.geoHazards), text(d.fireHazards),
          text(d.platformHouseNumber), text(d.censusHouseNumber)};
}

}  // namespace anju::server
