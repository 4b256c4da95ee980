// Loads core/rules/preliminary_judgment.v1.yaml into PreliminaryRules. The file format is
// documented in docs/grading-rules.md; this file checks it strictly so that a typo in a rule file
// is reported with its line instead of silently changing a judgment.
#include <cstdlib>
#include <set>
#include <sstream>

#include "anju/enum_codes.h"
#include "anju/grading.h"
#include "grading/rule_file_reader.h"
#include "grading/units.h"

namespace anju {
namespace {

using grading::RuleFileReader;

constexpr std::string_view kSchema = "anju.preliminary_judgment";
constexpr int kVersion = 1;

Severity readTier(const RuleFileReader& r, const YAML::Node& node) {
  const std::string code = r.readString(node);
  if (code == "serious") return Severity::kSerious;
  if (code == "some") return Severity::kSome;
  r.fail(node, "未知的隐患等级 '" + code + "'（serious / some）",
         "unknown tier '" + code + "' (serious / some)");
}

RuleInfo readInfo(const RuleFileReader& r, const YAML::Node& map) {
  RuleInfo info;
  info.id = r.readString(r.required(map, "id"));
  info.text = r.readText(r.required(map, "text"));
  info.source = r.readString(r.required(map, "source"));
  info.status = r.readStatus(r.required(map, "status"));
  return info;
}

double parseThreshold(const std::string& token, bool& ok) {
  // "1.0", "15" or a fraction "1/3" as written in the standards.
  const std::size_t slash = token.find('/');
  auto number = [&ok](const std::string& text) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size()) ok = false;
    return v;
  };
  if (slash == std::string::npos) return number(token);
  const double den = number(token.substr(slash + 1));
  if (den == 0) ok = false;
  return ok ? number(token.substr(0, slash)) / den : 0;
}

MeasurementCondition readCondition(const RuleFileReader& r, const YAML::Node& node,
                                   const std::vector<MeasurementDefinition>& defs) {
  const std::string text = r.readString(node);
  std::istringstream in(text);
  std::string name, op, value, extra;
  if (!(in >> name >> op >> value) || (in >> extra)) {
    r.fail(node, "条件 '" + text + "' 应写作 '测量项 运算符 数值'，如 'width > 1.0'",
           "condition '" + text + "' must read '<measurement> <op> <value>', e.g. 'width > 1.0'");
  }
  MeasurementCondition c;
  c.measurement = name;
  bool declared = false;
  for (const MeasurementDefinition& d : defs) declared = declared || d.name == name;
  if (!declared) {
    r.fail(node, "未声明的测量项 '" + name + "'（先在 measurements 中定义）",
           "measurement '" + name + "' is not declared under 'measurements'");
  }
  if (op == ">")
    c.op = CompareOp::kGreater;
  else if (op == ">=")
    c.op = CompareOp::kGreaterEqual;
  else if (op == "<")
    c.op = CompareOp::kLess;
  else if (op == "<=")
    c.op = CompareOp::kLessEqual;
  else
    r.fail(node, "未知的运算符 '" + op + "'（> >= < <=）",
           "unknown operator '" + op + "' (> >= < <=)");
  bool ok = true;
  c.threshold = parseThreshold(value, ok);
  if (!ok) r.fail(node, "'" + value + "' 不是有效数字", "'" + value + "' is not a number");
  return c;
}

BuildingCondition readBuildingCondition(const RuleFileReader& r, const YAML::Node& map) {
  r.expectMap(map, "building");
  r.checkKeys(map, {"structures", "designs", "alterations_any", "uses", "storeys_above_min",
                    "storeys_above_max"});
  BuildingCondition c;
  if (YAML::Node n = r.optional(map, "structures"))
    c.structures = r.readCodes<StructureType>(n, parseStructureType, "结构类型", "structure type");
  if (YAML::Node n = r.optional(map, "designs"))
    c.designs = r.readCodes<DesignStatus>(n, parseDesignStatus, "设计情况", "design status");
  if (YAML::Node n = r.optional(map, "alterations_any"))
    c.alterationsAny = r.readCodes<Alteration>(n, parseAlteration, "改造类型", "alteration");
  if (YAML::Node n = r.optional(map, "uses"))
    c.uses = r.readCodes<BuildingUse>(n, parseBuildingUse, "用途", "building use");
  if (YAML::Node n = r.optional(map, "storeys_above_min")) c.minStoreysAbove = r.readInt(n);
  if (YAML::Node n = r.optional(map, "storeys_above_max")) c.maxStoreysAbove = r.readInt(n);
  if (c.minStoreysAbove && c.maxStoreysAbove && *c.minStoreysAbove > *c.maxStoreysAbove) {
    r.fail(map, "层数下限大于上限", "storeys_above_min is greater than storeys_above_max");
  }
  return c;
}

FindingRule readFindingRule(const RuleFileReader& r, const YAML::Node& map,
                            const std::vector<MeasurementDefinition>& defs) {
  r.expectMap(map, "finding rule");
  r.checkKeys(
      map, {"id", "tier", "text", "source", "status", "hazards", "components", "building", "when"});
  FindingRule rule;
  rule.info = readInfo(r, map);
  rule.tier = readTier(r, r.required(map, "tier"));
  if (YAML::Node n = r.optional(map, "hazards"))
    rule.hazards = r.readCodes<HazardKind>(n, parseHazardKind, "隐患类型", "hazard kind");
  if (YAML::Node n = r.optional(map, "components"))
    rule.components = r.readCodes<Component>(n, parseComponent, "构件类型", "component");
  if (rule.hazards.empty() && rule.components.empty()) {
    r.fail(map, "规则 '" + rule.info.id + "' 需要 hazards 或 components，否则会匹配所有隐患",
           "rule '" + rule.info.id + "' needs hazards or components, or it matches every finding");
  }
  if (YAML::Node n = r.optional(map, "building")) rule.building = readBuildingCondition(r, n);
  if (YAML::Node n = r.optional(map, "when")) {
    r.expectSequence(n, "when");
    for (const YAML::Node& item : n) rule.conditions.push_back(readCondition(r, item, defs));
  }
  return rule;
}

BuildingRule readBuildingRule(const RuleFileReader& r, const YAML::Node& map) {
  r.expectMap(map, "building rule");
  r.checkKeys(map, {"id", "tier", "text", "source", "status", "when"});
  BuildingRule rule;
  rule.info = readInfo(r, map);
  rule.tier = readTier(r, r.required(map, "tier"));
  rule.when = readBuildingCondition(r, r.required(map, "when"));
  if (rule.when.isEmpty()) {
    r.fail(map, "房屋规则 '" + rule.info.id + "' 没有条件，会匹配所有房屋",
           "building rule '" + rule.info.id + "' has no condition and would match every building");
  }
  return rule;
}

EscalationRule readEscalation(const RuleFileReader& r, const YAML::Node& map) {
  r.expectMap(map, "escalation");
  r.checkKeys(map, {"id", "enabled", "min_distinct_kinds", "min_locations_of_one_kind",
                    "exclude_hazards", "text", "source", "status"});
  EscalationRule e;
  e.info = readInfo(r, map);
  e.enabled = r.readBool(r.required(map, "enabled"));
  const YAML::Node kinds = r.required(map, "min_distinct_kinds");
  const YAML::Node locations = r.required(map, "min_locations_of_one_kind");
  e.minDistinctKinds = r.readInt(kinds);
  e.minLocationsOfOneKind = r.readInt(locations);
  if (e.minDistinctKinds < 2) r.fail(kinds, "应不小于 2", "must be at least 2");
  if (e.minLocationsOfOneKind < 2) r.fail(locations, "应不小于 2", "must be at least 2");
  if (YAML::Node n = r.optional(map, "exclude_hazards"))
    e.excludedHazards = r.readCodes<HazardKind>(n, parseHazardKind, "隐患类型", "hazard kind");
  return e;
}

void readMeasurements(const RuleFileReader& r, const YAML::Node& map, PreliminaryRules& rules) {
  r.expectMap(map, "measurements");
  for (const auto& entry : map) {
    MeasurementDefinition d;
    d.name = r.readString(entry.first);
    r.expectMap(entry.second, d.name);
    r.checkKeys(entry.second, {"zh", "en", "unit"});
    d.label = {r.readString(r.required(entry.second, "zh")),
               r.readString(r.required(entry.second, "en"))};
    const YAML::Node unit = r.required(entry.second, "unit");
    d.unit = r.readString(unit);
    if (!grading::isKnownUnit(d.unit)) {
      r.fail(unit, "未知单位 '" + d.unit + "'（mm cm m ratio percent permille count）",
             "unknown unit '" + d.unit + "' (mm cm m ratio percent permille count)");
    }
    for (const MeasurementDefinition& other : rules.measurements) {
      if (other.name == d.name) r.fail(entry.first, "测量项重复", "measurement declared twice");
    }
    rules.measurements.push_back(std::move(d));
  }
}

/// `vocabularies` (name -> the three judgments' words) and the one `vocabulary` names; neither
/// given: the built-in 3-tier words. A name the file does not define is refused.
void readVocabulary(const RuleFileReader& r, const YAML::Node& root, PreliminaryRules& rules) {
  const YAML::Node chosen = r.optional(root, "vocabulary");
  const YAML::Node defined = r.optional(root, "vocabularies");
  if (!chosen) {
    if (defined)
      r.fail(defined, "定义了判定用语但未用 vocabulary 选择其一",
             "vocabularies are defined but none is chosen with vocabulary");
    rules.vocabulary = {"",
                        {"未发现安全隐患", "no hazard found"},
                        {"存在一定安全隐患", "some hazard"},
                        {"存在严重安全隐患", "serious hazard"}};
    return;
  }
  const std::string name = r.readString(chosen);
  if (!defined)
    r.fail(chosen, "判定用语 '" + name + "' 未在 vocabularies 中定义",
           "vocabulary '" + name + "' is not defined under vocabularies");
  r.expectMap(defined, "vocabularies");
  std::string names;
  YAML::Node words;
  bool found = false;
  for (const auto& entry : defined) {
    const std::string key = r.readString(entry.first);
    names += (names.empty() ? "" : ", ") + key;
    r.expectMap(entry.second, "vocabulary");
    r.checkKeys(entry.second, {"none_found", "some", "serious"});
    for (const char* code : {"none_found", "some", "serious"})
      r.readText(r.required(entry.second, code));
    if (key == name) {
      words = entry.second;
      found = true;
    }
  }
  if (!found)
    r.fail(chosen, "未知的判定用语 '" + name + "'（本文件定义了：" + names + "）",
           "unknown vocabulary '" + name + "' (this file defines: " + names + ")");
  rules.vocabulary = {name, r.readText(r.required(words, "none_found")),
                      r.readText(r.required(words, "some")),
                      r.readText(r.required(words, "serious"))};
}

void readRules(const RuleFileReader& r, const YAML::Node& root, PreliminaryRules& rules) {
  r.checkKeys(root, {"schema", "version", "title", "measurements", "disposal", "finding_rules",
                     "building_rules", "escalation", "vocabulary", "vocabularies"});
  readVocabulary(r, root, rules);
  rules.version = r.readHeader(root, kSchema, kVersion);
  rules.title = r.readText(r.required(root, "title"));
  readMeasurements(r, r.required(root, "measurements"), rules);

  const YAML::Node disposal = r.required(root, "disposal");
  r.expectMap(disposal, "disposal");
  r.checkKeys(disposal, {"serious", "some", "none"});
  rules.disposalSerious = r.readText(r.required(disposal, "serious"));
  rules.disposalSome = r.readText(r.required(disposal, "some"));
  rules.disposalNone = r.readText(r.required(disposal, "none"));

  std::set<std::string> ids;
  auto checkId = [&](const YAML::Node& at, const std::string& id) {
    if (!ids.insert(id).second)
      r.fail(at, "规则编号 '" + id + "' 重复", "rule id '" + id + "' is used twice");
  };
  const YAML::Node findingRules = r.required(root, "finding_rules");
  r.expectSequence(findingRules, "finding_rules");
  for (const YAML::Node& item : findingRules) {
    rules.findingRules.push_back(readFindingRule(r, item, rules.measurements));
    checkId(item, rules.findingRules.back().info.id);
  }
  if (YAML::Node buildingRules = r.optional(root, "building_rules")) {
    r.expectSequence(buildingRules, "building_rules");
    for (const YAML::Node& item : buildingRules) {
      rules.buildingRules.push_back(readBuildingRule(r, item));
      checkId(item, rules.buildingRules.back().info.id);
    }
  }
  const YAML::Node escalation = r.required(root, "escalation");
  rules.escalation = readEscalation(r, escalation);
  checkId(escalation, rules.escalation.info.id);
}

}  // namespace

bool BuildingCondition::isEmpty() const {
  return structures.empty() && designs.empty() && alterationsAny.empty() && uses.empty() &&
         !minStoreysAbove && !maxStoreysAbove;
}

Result<PreliminaryRules> parsePreliminaryRules(const std::string& text,
                                               const std::string& sourceName) {
  PreliminaryRules rules;
  rules.sourceName = sourceName;
  Status status = grading::parseRuleFile(
      text, sourceName,
      [&rules](const RuleFileReader& r, const YAML::Node& root) { readRules(r, root, rules); });
  if (!status.isOk()) return status;
  return rules;
}

const LocalizedText& JudgmentVocabulary::of(PreliminaryJudgment judgment) const {
  switch (judgment) {
    case PreliminaryJudgment::kNoneFound:
      return noneFound;
    case PreliminaryJudgment::kSome:
      return some;
    case PreliminaryJudgment::kSerious:
      break;
  }
  return serious;
}

void applyJudgmentVocabulary(const JudgmentVocabulary& vocabulary) {
  if (vocabulary.name.empty()) return;
  for (PreliminaryJudgment j :
       {PreliminaryJudgment::kNoneFound, PreliminaryJudgment::kSome, PreliminaryJudgment::kSerious})
    setJudgmentWords(j, vocabulary.of(j).zh, vocabulary.of(j).en);
}

Result<PreliminaryRules> loadPreliminaryRules(const std::string& path) {
  Result<std::string> text = grading::readTextFile(path);
  if (!text.isOk()) return text.status();
  return parsePreliminaryRules(*text, path);
}

}  // namespace anju
