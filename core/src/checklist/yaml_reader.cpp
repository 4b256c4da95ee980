#include "checklist/yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace anju::checklist_yaml {
namespace {

// yaml-cpp marks a plain scalar with the non-specific tag "?" and a quoted one with "!"; a
// boolean or a number must be plain, so `"true"` stays the text it looks like.
bool isPlainScalar(const YAML::Node& node) { return node.IsScalar() && node.Tag() == "?"; }

bool isBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

void ParseErrors::add(const YAML::Mark& mark, const std::string& message) {
  int line = 1;
  int column = 1;
  if (!mark.is_null() && mark.line >= 0 && mark.column >= 0) {
    line = mark.line + 1;
    column = mark.column + 1;
    // yaml-cpp counts bytes; editors count characters. Recount when the mark agrees with the text.
    const auto pos = static_cast<std::size_t>(mark.pos);
    const auto byteColumn = static_cast<std::size_t>(mark.column);
    if (mark.pos >= 0 && pos <= m_text.size() && byteColumn <= pos) {
      const std::size_t lineStart = pos - byteColumn;
      if (lineStart == 0 || m_text[lineStart - 1] == '\n') {
        const std::string_view prefix = m_text.substr(lineStart, byteColumn);
        // Count the bytes that start a UTF-8 character (everything but 10xxxxxx continuations).
        column = 1 + static_cast<int>(std::count_if(prefix.begin(), prefix.end(), [](char c) {
                   return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                 }));
      }
    }
  }
  m_errors.push_back(
      {m_source + ":" + std::to_string(line) + ":" + std::to_string(column), message});
}

Status ParseErrors::status() const {
  if (m_errors.empty()) return Status::ok();
  std::string text;
  for (const FieldError& e : m_errors) {
    if (!text.empty()) text += '\n';
    text += e.field + ": " + e.message;
  }
  return Status::invalidArgument(std::move(text), m_errors);
}

YAML::Mark Entry::mark() const {
  if (value.IsDefined() && !value.IsNull() && !value.Mark().is_null()) return value.Mark();
  return key.Mark();
}

MapReader::MapReader(const YAML::Node& node, std::string context, ParseErrors& errors,
                     std::initializer_list<std::string_view> allowedKeys)
    : m_node(node), m_context(std::move(context)), m_errors(errors) {
  if (!node.IsMap()) {
    fail(node.Mark(), "expected a mapping of keys to values");
    return;
  }
  m_isMap = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::optional<std::string> name = scalarText(it->first);
    if (!name) {
      fail(it->first.Mark(), "a key must be plain text");
      continue;
    }
    if (std::find(allowedKeys.begin(), allowedKeys.end(), *name) == allowedKeys.end()) {
      std::string message = "unknown key '" + *name + "'";
      std::string_view closest;
      std::size_t best = 3;  // only suggest near misses such as "requird" or "photo-required"
      for (std::string_view allowed : allowedKeys) {
        const std::size_t d = editDistance(*name, allowed);
        if (d < best) {
          best = d;
          closest = allowed;
        }
      }
      if (!closest.empty()) message += " (did you mean '" + std::string(closest) + "'?)";
      fail(it->first.Mark(), message);
      continue;
    }
    if (m_entries.count(*name) != 0) {
      fail(it->first.Mark(), "duplicate key '" + *name + "'");
      continue;
    }
    m_entries.emplace(*name, Entry{it->first, it->second, *name});
  }
}

const Entry* MapReader::find(std::string_view key) const {
  const auto it = m_entries.find(key);
  return it == m_entries.end() ? nullptr : &it->second;
}

const Entry* MapReader::require(std::string_view key) const {
  const Entry* entry = find(key);
  if (!entry && m_isMap) fail(m_node.Mark(), "missing key '" + std::string(key) + "'");
  return entry;
}

void MapReader::fail(const YAML::Mark& mark, const std::string& message) const {
  m_errors.add(mark, m_context.empty() ? message : m_context + ": " + message);
}

std::optional<std::string> MapReader::text(const Entry& entry) const {
  std::optional<std::string> value = scalarText(entry.value);
  if (!value || isBlank(*value)) {
    fail(entry.mark(), "'" + entry.name + "' must be a non-empty text");
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> MapReader::identifier(const Entry& entry) const {
  std::optional<std::string> value = scalarText(entry.value);
  if (!value || !isIdentifier(*value)) {
    fail(entry.mark(), "'" + entry.name +
                           "' must be an identifier of lowercase letters, digits and '_' "
                           "starting with a letter");
    return std::nullopt;
  }
  return value;
}

std::optional<bool> MapReader::boolean(const Entry& entry) const {
  if (isPlainScalar(entry.value)) {
    if (entry.value.Scalar() == "true") return true;
    if (entry.value.Scalar() == "false") return false;
  }
  fail(entry.mark(), "'" + entry.name + "' must be true or false");
  return std::nullopt;
}

std::optional<double> MapReader::number(const Entry& entry) const {
  if (isPlainScalar(entry.value)) {
    if (std::optional<double> value = parseDecimal(entry.value.Scalar())) return value;
  }
  fail(entry.mark(), "'" + entry.name + "' must be a number");
  return std::nullopt;
}

std::optional<int> MapReader::integer(const Entry& entry) const {
  if (isPlainScalar(entry.value)) {
    const std::string& s = entry.value.Scalar();
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc() && end == s.data() + s.size()) return value;
  }
  fail(entry.mark(), "'" + entry.name + "' must be a whole number");
  return std::nullopt;
}

std::optional<LocalizedText> MapReader::localized(const Entry& entry) const {
  if (!entry.value.IsMap()) {
    fail(entry.mark(), "'" + entry.name + "' must give both languages: {zh: …, en: …}");
    return std::nullopt;
  }
  const MapReader labels(entry.value,
                         m_context.empty() ? entry.name : m_context + ": " + entry.name, m_errors,
                         {"zh", "en"});
  if (!labels.isMap()) return std::nullopt;
  LocalizedText result;
  bool complete = true;
  const auto read = [&](std::string_view key, const char* language, std::string& target) {
    const Entry* text = labels.find(key);
    if (!text) {
      labels.fail(labels.mark(),
                  "missing the " + std::string(language) + " text '" + std::string(key) + "'");
      complete = false;
    } else if (std::optional<std::string> value = labels.text(*text)) {
      target = std::move(*value);
    } else {
      complete = false;
    }
  };
  read("zh", "Chinese", result.zh);
  read("en", "English", result.en);
  if (!complete) return std::nullopt;
  return result;
}

bool MapReader::nonEmptyList(const Entry& entry) const {
  if (entry.value.IsSequence() && entry.value.size() > 0) return true;
  fail(entry.mark(), "'" + entry.name + "' must be a non-empty list");
  return false;
}

std::optional<std::string> scalarText(const YAML::Node& node) {
  if (!node.IsDefined() || !node.IsScalar()) return std::nullopt;
  return node.Scalar();
}

std::optional<double> parseDecimal(std::string_view text) {
  // from_chars accepts no leading '+', which YAML writers sometimes use for thresholds.
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

bool isIdentifier(std::string_view text) {
  if (text.empty() || text.front() < 'a' || text.front() > 'z') return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace anju::checklist_yaml
