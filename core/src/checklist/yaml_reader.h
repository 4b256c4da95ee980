// Strict, position-aware reading of yaml-cpp nodes for the checklist loader.
//
// yaml-cpp accepts what we must reject (duplicate keys, unknown keys, "yes" as a boolean) and its
// conversions throw. These helpers read one value each, never throw, and record every problem
// with the 1-based line and column it was found at, so a template author can jump to it.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anju/checklist.h"
#include "anju/status.h"

namespace anju::checklist_yaml {

/// Every problem found in one source, each with its position.
class ParseErrors {
 public:
  /// `text` is the parsed source (borrowed, must outlive this), used to turn yaml-cpp's byte
  /// columns into character columns so a line with Chinese text before the problem is right.
  ParseErrors(std::string sourceName, std::string_view text)
      : m_source(std::move(sourceName)), m_text(text) {}

  /// `mark` is yaml-cpp's 0-based position; a null mark (empty documents) is reported as 1:1.
  void add(const YAML::Mark& mark, const std::string& message);
  bool empty() const { return m_errors.empty(); }
  /// invalidArgument listing every problem, one "file:line:col: message" per line.
  Status status() const;

 private:
  std::string m_source;
  std::string_view m_text;
  std::vector<FieldError> m_errors;
};

/// One key of a mapping with its value. The key's own position is kept because yaml-cpp places an
/// empty value at the start of the next line, which would point the author at the wrong line.
struct Entry {
  YAML::Node key;
  YAML::Node value;
  std::string name;  // the key as text

  /// Where the value is, or the key when the value is empty.
  YAML::Mark mark() const;
};

/// A mapping whose keys were checked: each at most once and only from the allowed set (an
/// unknown key is reported with the closest allowed one as a hint, to catch typos).
class MapReader {
 public:
  /// `context` prefixes messages, e.g. "item 'wall_cracks'". Reports an error when `node` is not a
  /// mapping; the reader is then empty.
  MapReader(const YAML::Node& node, std::string context, ParseErrors& errors,
            std::initializer_list<std::string_view> allowedKeys);

  const std::string& context() const { return m_context; }
  ParseErrors& errors() const { return m_errors; }
  YAML::Mark mark() const { return m_node.Mark(); }
  bool isMap() const { return m_isMap; }

  const Entry* find(std::string_view key) const;
  /// Like find, but reports "missing key" at the mapping when absent.
  const Entry* require(std::string_view key) const;

  /// Each reports a problem and returns nullopt when the value has the wrong form.
  std::optional<std::string> text(const Entry& entry) const;
  /// Lowercase ASCII identifier: [a-z][a-z0-9_]*, as ids and codes must be.
  std::optional<std::string> identifier(const Entry& entry) const;
  /// Only plain `true` / `false` (not "yes", "on" or quoted strings).
  std::optional<bool> boolean(const Entry& entry) const;
  /// A finite decimal number, plain (unquoted).
  std::optional<double> number(const Entry& entry) const;
  std::optional<int> integer(const Entry& entry) const;
  /// A mapping {zh: …, en: …}, both present and not blank.
  std::optional<LocalizedText> localized(const Entry& entry) const;
  /// A non-empty sequence; reports "'key' must be a non-empty list" otherwise.
  bool nonEmptyList(const Entry& entry) const;

  void fail(const YAML::Mark& mark, const std::string& message) const;

 private:
  YAML::Node m_node;
  std::string m_context;
  ParseErrors& m_errors;  // borrowed: outlives the reader
  bool m_isMap = false;
  std::map<std::string, Entry, std::less<>> m_entries;
};

/// The text of a plain or quoted scalar node, or nullopt for anything else.
std::optional<std::string> scalarText(const YAML::Node& node);
/// Strict decimal parse of a whole string (no "0x", no trailing junk, finite).
std::optional<double> parseDecimal(std::string_view text);
bool isIdentifier(std::string_view text);

}  // namespace anju::checklist_yaml
