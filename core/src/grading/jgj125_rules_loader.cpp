// Loads core/rules/jgj125_2016.v1.yaml into Jgj125Rules (format in docs/grading-rules.md).
#include <set>

#include "anju/enum_codes.h"
#include "anju/jgj125.h"
#include "grading/rule_file_reader.h"

namespace anju {
namespace {

using grading::RuleFileReader;

constexpr std::string_view kSchema = "anju.jgj125";
constexpr int kVersion = 1;

MemberWeight readWeight(const RuleFileReader& r, const YAML::Node& map, const std::string& name) {
  r.expectMap(map, name);
  r.checkKeys(map, {"weight", "status", "source"});
  MemberWeight w;
  const YAML::Node weight = r.required(map, "weight");
  w.weight = r.readNumber(weight);
  if (w.weight <= 0) r.fail(weight, "权重应大于 0", "weight must be greater than 0");
  w.status = r.readStatus(r.required(map, "status"));
  w.source = r.readString(r.required(map, "source"));
  return w;
}

void readWeights(const RuleFileReader& r, const YAML::Node& map, Jgj125Rules& rules) {
  r.expectMap(map, "weights");
  bool haveFoundation = false;
  for (const auto& entry : map) {
    const std::string code = r.readString(entry.first);
    if (code == "foundation") {
      if (haveFoundation) r.fail(entry.first, "基础权重重复", "foundation weight given twice");
      rules.foundationWeight = readWeight(r, entry.second, code);
      haveFoundation = true;
      continue;
    }
    std::optional<MemberType> type = parseMemberType(code);
    if (!type) {
      r.fail(entry.first, "未知的构件类型 '" + code + "'", "unknown member type '" + code + "'");
    }
    if (rules.weights.count(*type) != 0) {
      r.fail(entry.first, "构件 '" + code + "' 的权重重复", "weight of '" + code + "' given twice");
    }
    rules.weights[*type] = readWeight(r, entry.second, code);
  }
  if (!haveFoundation)
    r.fail(map, "缺少基础 (foundation) 的权重", "missing weight of 'foundation'");
  for (int i = 0; i < kMemberTypeCount; ++i) {
    const auto type = static_cast<MemberType>(i);
    if (rules.weights.count(type) == 0) {
      const std::string code(memberTypeCode(type));
      r.fail(map, "缺少构件 '" + code + "' 的权重", "missing weight of '" + code + "'");
    }
  }
}

void readFloorThresholds(const RuleFileReader& r, const YAML::Node& map, FloorThresholds& t) {
  r.expectMap(map, "floor_grades");
  r.checkKeys(map, {"cu_from_percent", "du_from_percent", "status", "source"});
  t.cuFromPercent = r.readNumber(r.required(map, "cu_from_percent"));
  const YAML::Node du = r.required(map, "du_from_percent");
  t.duFromPercent = r.readNumber(du);
  if (t.cuFromPercent <= 0 || t.cuFromPercent >= t.duFromPercent || t.duFromPercent > 100) {
    r.fail(du, "应满足 0 < cu_from_percent < du_from_percent ≤ 100",
           "thresholds must satisfy 0 < cu_from_percent < du_from_percent <= 100");
  }
  t.status = r.readStatus(r.required(map, "status"));
  t.source = r.readString(r.required(map, "source"));
}

GradeRow readGradeRow(const RuleFileReader& r, const YAML::Node& map) {
  r.expectMap(map, "building grade row");
  r.checkKeys(map, {"id", "grade", "when", "text", "source", "status"});
  GradeRow row;
  row.id = r.readString(r.required(map, "id"));
  row.grade = r.readCode<AppraisalGrade>(r.required(map, "grade"), parseAppraisalGrade, "鉴定等级",
                                         "appraisal grade");
  row.text = r.readText(r.required(map, "text"));
  row.source = r.readString(r.required(map, "source"));
  row.status = r.readStatus(r.required(map, "status"));

  const YAML::Node when = r.required(map, "when");
  r.expectMap(when, "when");
  r.checkKeys(when,
              {"foundation_soil_dangerous", "r_min_percent", "r_below_percent", "r_max_percent",
               "du_floors_min", "du_floors_max", "du_share_above", "du_share_max"});
  if (YAML::Node n = r.optional(when, "foundation_soil_dangerous"))
    row.foundationSoilDangerous = r.readBool(n);
  if (YAML::Node n = r.optional(when, "r_min_percent")) row.rMinPercent = r.readNumber(n);
  if (YAML::Node n = r.optional(when, "r_below_percent")) row.rBelowPercent = r.readNumber(n);
  if (YAML::Node n = r.optional(when, "r_max_percent")) row.rMaxPercent = r.readNumber(n);
  if (YAML::Node n = r.optional(when, "du_floors_min")) row.duFloorsMin = r.readInt(n);
  if (YAML::Node n = r.optional(when, "du_floors_max")) row.duFloorsMax = r.readInt(n);
  if (YAML::Node n = r.optional(when, "du_share_above")) row.duShareAbove = r.readFraction(n);
  if (YAML::Node n = r.optional(when, "du_share_max")) row.duShareMax = r.readFraction(n);
  if (when.size() == 0) {
    r.fail(when, "行 '" + row.id + "' 没有条件", "row '" + row.id + "' has no condition");
  }
  return row;
}

void readRules(const RuleFileReader& r, const YAML::Node& root, Jgj125Rules& rules) {
  r.checkKeys(root, {"schema", "version", "title", "weights", "floor_grades", "building_grades"});
  rules.version = r.readHeader(root, kSchema, kVersion);
  rules.title = r.readText(r.required(root, "title"));
  readWeights(r, r.required(root, "weights"), rules);
  readFloorThresholds(r, r.required(root, "floor_grades"), rules.floorThresholds);

  const YAML::Node rows = r.required(root, "building_grades");
  r.expectSequence(rows, "building_grades");
  std::set<std::string> ids;
  for (const YAML::Node& item : rows) {
    rules.gradeRows.push_back(readGradeRow(r, item));
    if (!ids.insert(rules.gradeRows.back().id).second) {
      r.fail(item, "行编号 '" + rules.gradeRows.back().id + "' 重复",
             "row id '" + rules.gradeRows.back().id + "' is used twice");
    }
  }
  if (rules.gradeRows.empty()) r.fail(rows, "没有评级行", "building_grades is empty");
}

}  // namespace

Result<Jgj125Rules> parseJgj125Rules(const std::string& text, const std::string& sourceName) {
  Jgj125Rules rules;
  rules.sourceName = sourceName;
  Status status = grading::parseRuleFile(
      text, sourceName,
      [&rules](const RuleFileReader& r, const YAML::Node& root) { readRules(r, root, rules); });
  if (!status.isOk()) return status;
  return rules;
}

Result<Jgj125Rules> loadJgj125Rules(const std::string& path) {
  Result<std::string> text = grading::readTextFile(path);
  if (!text.isOk()) return text.status();
  return parseJgj125Rules(*text, path);
}

}  // namespace anju
