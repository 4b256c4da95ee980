// RuleFileReader: typed, line-aware access to a YAML rule or survey file.
//
// Private to core. The loaders read a whole file through one reader; any problem throws a
// RuleFileError that the loader's public entry point (parseRuleFile) turns into an
// invalidArgument Status "<source>:<line>: problem" (message grading.rule_file_problem, worded
// in Chinese and English by the loader). yaml-cpp exceptions are caught at the
// same edge, so no exception ever leaves the public API.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anju/explanation.h"
#include "anju/status.h"

namespace anju::grading {

/// A problem at a 1-based line (0 when unknown). Thrown only inside the loaders.
struct RuleFileError {
  int line = 0;
  std::string zh;  // the problem in Chinese
  std::string en;  // the same in English
};

class RuleFileReader {
 public:
  explicit RuleFileReader(std::string sourceName) : m_sourceName(std::move(sourceName)) {}

  const std::string& sourceName() const { return m_sourceName; }

  [[noreturn]] void fail(const YAML::Node& at, const std::string& zh, const std::string& en) const;

  void expectMap(const YAML::Node& node, std::string_view what) const;
  void expectSequence(const YAML::Node& node, std::string_view what) const;
  /// Rejects keys outside `allowed` and keys given twice, so a typo is an error, not a no-op.
  void checkKeys(const YAML::Node& map, std::initializer_list<std::string_view> allowed) const;

  /// The value under `key`; fails at the map's line when it is missing.
  YAML::Node required(const YAML::Node& map, const char* key) const;
  /// The value under `key`, or an invalid node when missing (test with `if (node)`).
  YAML::Node optional(const YAML::Node& map, const char* key) const;

  std::string readString(const YAML::Node& node) const;
  double readNumber(const YAML::Node& node) const;
  /// A number or a fraction written "a/b" (e.g. "1/3"), for shares the standard states as such.
  double readFraction(const YAML::Node& node) const;
  int readInt(const YAML::Node& node) const;
  bool readBool(const YAML::Node& node) const;
  LocalizedText readText(const YAML::Node& node) const;  // a map {zh: …, en: …}
  RuleStatus readStatus(const YAML::Node& node) const;

  /// A code parsed by `parse` (e.g. parseHazardKind); unknown codes fail naming the kind.
  template <typename E, typename Parse>
  E readCode(const YAML::Node& node, Parse parse, std::string_view kindZh,
             std::string_view kindEn) const {
    const std::string code = readString(node);
    std::optional<E> value = parse(code);
    if (!value) {
      fail(node, "未知的" + std::string(kindZh) + " '" + code + "'",
           "unknown " + std::string(kindEn) + " '" + code + "'");
    }
    return *value;
  }

  /// A sequence of codes; a single scalar is accepted as a one-element list.
  template <typename E, typename Parse>
  std::vector<E> readCodes(const YAML::Node& node, Parse parse, std::string_view kindZh,
                           std::string_view kindEn) const {
    std::vector<E> out;
    if (node.IsScalar()) {
      out.push_back(readCode<E>(node, parse, kindZh, kindEn));
      return out;
    }
    expectSequence(node, kindEn);
    for (const YAML::Node& item : node) out.push_back(readCode<E>(item, parse, kindZh, kindEn));
    return out;
  }

  /// Checks the `schema` and `version` header every Anju data file starts with.
  int readHeader(const YAML::Node& root, std::string_view schema, int supportedVersion) const;

 private:
  std::string m_sourceName;
};

int lineOf(const YAML::Node& node);

/// Runs `body` over the parsed document of `text`, turning every failure into a Status.
Status parseRuleFile(const std::string& text, const std::string& sourceName,
                     const std::function<void(const RuleFileReader&, const YAML::Node&)>& body);

/// The whole file as text; ioError naming the path when it cannot be read.
Result<std::string> readTextFile(const std::string& path);

}  // namespace anju::grading
