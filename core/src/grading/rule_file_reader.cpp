#include "grading/rule_file_reader.h"

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace anju::grading {

int lineOf(const YAML::Node& node) {
  if (!node.IsDefined()) return 0;
  const YAML::Mark mark = node.Mark();
  return mark.line < 0 ? 0 : mark.line + 1;  // yaml-cpp counts lines from 0
}

void RuleFileReader::fail(const YAML::Node& at, const std::string& zh,
                          const std::string& en) const {
  throw RuleFileError{lineOf(at), zh, en};
}

void RuleFileReader::expectMap(const YAML::Node& node, std::string_view what) const {
  if (!node.IsMap()) {
    fail(node, "'" + std::string(what) + "' 应为映射（键: 值）",
         "'" + std::string(what) + "' must be a mapping (key: value)");
  }
}

void RuleFileReader::expectSequence(const YAML::Node& node, std::string_view what) const {
  if (!node.IsSequence()) {
    fail(node, "'" + std::string(what) + "' 应为列表",
         "'" + std::string(what) + "' must be a list");
  }
}

void RuleFileReader::checkKeys(const YAML::Node& map,
                               std::initializer_list<std::string_view> allowed) const {
  std::set<std::string> seen;
  for (const auto& entry : map) {
    const std::string key = readString(entry.first);
    bool known = false;
    for (std::string_view a : allowed) known = known || a == key;
    if (!known) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      fail(entry.first, "未知字段 '" + key + "'（可用: " + list + "）",
           "unknown key '" + key + "' (allowed: " + list + ")");
    }
    if (!seen.insert(key).second) {
      fail(entry.first, "字段 '" + key + "' 重复", "key '" + key + "' given twice");
    }
  }
}

YAML::Node RuleFileReader::required(const YAML::Node& map, const char* key) const {
  YAML::Node value = optional(map, key);
  if (!value) {
    fail(map, "缺少字段 '" + std::string(key) + "'", "missing key '" + std::string(key) + "'");
  }
  return value;
}

YAML::Node RuleFileReader::optional(const YAML::Node& map, const char* key) const {
  // Look the key up by iteration: operator[] on a const node returns a zombie for a missing key,
  // and a null value ("key:" with nothing after it) is treated as missing on purpose.
  for (const auto& entry : map) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) {
      if (entry.second.IsNull()) return YAML::Node(YAML::NodeType::Undefined);
      return entry.second;
    }
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

std::string RuleFileReader::readString(const YAML::Node& node) const {
  if (!node.IsScalar()) fail(node, "应为文本", "expected a text value");
  return node.Scalar();
}

double RuleFileReader::readNumber(const YAML::Node& node) const {
  const std::string text = readString(node);
  double value = 0;
  if (!YAML::convert<double>::decode(node, value) || !std::isfinite(value)) {
    fail(node, "'" + text + "' 不是有效数字", "'" + text + "' is not a number");
  }
  return value;
}

double RuleFileReader::readFraction(const YAML::Node& node) const {
  const std::string text = readString(node);
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos) return readNumber(node);
  std::istringstream num(text.substr(0, slash));
  std::istringstream den(text.substr(slash + 1));
  double a = 0;
  double b = 0;
  if (!(num >> a) || !(den >> b) || !num.eof() || !den.eof() || b == 0) {
    fail(node, "'" + text + "' 不是有效分数（如 1/3）",
         "'" + text + "' is not a fraction like 1/3");
  }
  return a / b;
}

int RuleFileReader::readInt(const YAML::Node& node) const {
  const std::string text = readString(node);
  int value = 0;
  if (!YAML::convert<int>::decode(node, value)) {
    fail(node, "'" + text + "' 不是整数", "'" + text + "' is not a whole number");
  }
  return value;
}

bool RuleFileReader::readBool(const YAML::Node& node) const {
  const std::string text = readString(node);
  bool value = false;
  if (!YAML::convert<bool>::decode(node, value)) {
    fail(node, "'" + text + "' 应为 true 或 false", "'" + text + "' must be true or false");
  }
  return value;
}

LocalizedText RuleFileReader::readText(const YAML::Node& node) const {
  expectMap(node, "text");
  checkKeys(node, {"zh", "en"});
  return {readString(required(node, "zh")), readString(required(node, "en"))};
}

RuleStatus RuleFileReader::readStatus(const YAML::Node& node) const {
  const std::string code = readString(node);
  if (code == "verified") return RuleStatus::kVerified;
  if (code == "corroborated") return RuleStatus::kCorroborated;
  if (code == "unverified") return RuleStatus::kUnverified;
  fail(node, "未知的核实状态 '" + code + "'（verified / corroborated / unverified）",
       "unknown status '" + code + "' (verified / corroborated / unverified)");
}

int RuleFileReader::readHeader(const YAML::Node& root, std::string_view schema,
                               int supportedVersion) const {
  const YAML::Node schemaNode = required(root, "schema");
  if (readString(schemaNode) != schema) {
    fail(schemaNode, "文件类型应为 '" + std::string(schema) + "'",
         "schema must be '" + std::string(schema) + "'");
  }
  const YAML::Node versionNode = required(root, "version");
  const int version = readInt(versionNode);
  if (version != supportedVersion) {
    fail(versionNode, "不支持的版本 " + std::to_string(version),
         "unsupported version " + std::to_string(version) + " (this build reads version " +
             std::to_string(supportedVersion) + ")");
  }
  return version;
}

Status parseRuleFile(const std::string& text, const std::string& sourceName,
                     const std::function<void(const RuleFileReader&, const YAML::Node&)>& body) {
  // The rule file's author reads these; the loaders word each problem in both languages, and
  // the catalogue entry only places the location in front of the right one.
  auto located = [&](int line, const std::string& zh, const std::string& en) {
    const std::string where = line > 0 ? sourceName + ":" + std::to_string(line) : sourceName;
    return Status::invalidArgument(
        msg("grading.rule_file_problem", {{"where", where}, {"zh", zh}, {"en", en}}));
  };
  try {
    const YAML::Node root = YAML::Load(text);
    RuleFileReader reader(sourceName);
    if (!root.IsMap()) {
      return located(lineOf(root), "文件顶层应为映射", "the file must be a YAML mapping");
    }
    body(reader, root);
    return Status::ok();
  } catch (const RuleFileError& e) {
    return located(e.line, e.zh, e.en);
  } catch (const YAML::Exception& e) {
    return located(e.mark.line < 0 ? 0 : e.mark.line + 1, "YAML 语法错误：" + e.msg,
                   "YAML syntax error: " + e.msg);
  } catch (const std::exception& e) {
    return Status::internal(sourceName + ": " + e.what());
  }
}

Result<std::string> readTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::ioError(msg("grading.file_unreadable", {{"path", path}}));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::ioError(msg("grading.file_read_error", {{"path", path}}));
  return text.str();
}

}  // namespace anju::grading
