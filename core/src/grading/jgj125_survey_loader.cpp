// Loads a JGJ 125 survey file (dangerous-member counts per floor; format in
// docs/grading-rules.md). Counts are checked here with their line, so a typing error in a survey
// is found before any grading.
#include "anju/jgj125.h"
#include "grading/rule_file_reader.h"

namespace anju {
namespace {

using grading::RuleFileReader;

constexpr std::string_view kSchema = "anju.jgj125_survey";
constexpr int kVersion = 1;

/// {total: n, dangerous: d}, or a bare number n meaning n members of which none is dangerous.
MemberCount readCount(const RuleFileReader& r, const YAML::Node& node) {
  MemberCount c;
  if (node.IsScalar()) {
    c.total = r.readInt(node);
  } else {
    r.expectMap(node, "member count");
    r.checkKeys(node, {"total", "dangerous"});
    c.total = r.readInt(r.required(node, "total"));
    if (YAML::Node d = r.optional(node, "dangerous")) c.dangerous = r.readInt(d);
  }
  if (c.total < 0 || c.dangerous < 0) r.fail(node, "构件数不能为负数", "counts cannot be negative");
  if (c.dangerous > c.total) {
    r.fail(node, "危险构件数大于构件总数", "more dangerous members than members");
  }
  return c;
}

FloorSurvey readFloor(const RuleFileReader& r, const YAML::Node& map) {
  r.expectMap(map, "floor");
  r.checkKeys(map, {"label", "basement", "members"});
  FloorSurvey floor;
  floor.label = r.readString(r.required(map, "label"));
  if (YAML::Node b = r.optional(map, "basement")) floor.basement = r.readBool(b);
  const YAML::Node members = r.required(map, "members");
  r.expectMap(members, "members");
  for (const auto& entry : members) {
    const std::string code = r.readString(entry.first);
    std::optional<MemberType> type = parseMemberType(code);
    if (!type) {
      r.fail(entry.first, "未知的构件类型 '" + code + "'", "unknown member type '" + code + "'");
    }
    if (floor.members.count(*type) != 0) {
      r.fail(entry.first, "构件 '" + code + "' 重复", "member type '" + code + "' given twice");
    }
    floor.members[*type] = readCount(r, entry.second);
  }
  return floor;
}

void readSurvey(const RuleFileReader& r, const YAML::Node& root, Jgj125Survey& survey) {
  r.checkKeys(root,
              {"schema", "version", "name", "foundation_soil_dangerous", "foundation", "floors"});
  r.readHeader(root, kSchema, kVersion);
  if (YAML::Node n = r.optional(root, "name")) survey.name = r.readString(n);
  survey.foundationSoilDangerous = r.readBool(r.required(root, "foundation_soil_dangerous"));
  const YAML::Node foundation = r.required(root, "foundation");
  survey.foundation = readCount(r, foundation);
  if (survey.foundation.total == 0) {
    r.fail(foundation, "基础构件数应大于 0", "the foundation needs at least one member");
  }
  const YAML::Node floors = r.required(root, "floors");
  r.expectSequence(floors, "floors");
  for (const YAML::Node& item : floors) survey.floors.push_back(readFloor(r, item));
  if (survey.floors.empty()) r.fail(floors, "至少需要一个楼层", "at least one floor is needed");
}

}  // namespace

Result<Jgj125Survey> parseJgj125Survey(const std::string& text, const std::string& sourceName) {
  Jgj125Survey survey;
  Status status = grading::parseRuleFile(
      text, sourceName,
      [&survey](const RuleFileReader& r, const YAML::Node& root) { readSurvey(r, root, survey); });
  if (!status.isOk()) return status;
  return survey;
}

Result<Jgj125Survey> loadJgj125Survey(const std::string& path) {
  Result<std::string> text = grading::readTextFile(path);
  if (!text.isOk()) return text.status();
  return parseJgj125Survey(*text, path);
}

}  // namespace anju
