// The checklist loader's entry points: file → text → YAML → checked ChecklistTemplate.
// yaml-cpp throws; nothing thrown may cross the public API, so every exception stops here.
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>

#include "anju/checklist.h"
#include "checklist/item_parser.h"
#include "checklist/yaml_reader.h"

namespace anju {
namespace {

using checklist_yaml::Entry;
using checklist_yaml::MapReader;
using checklist_yaml::ParseErrors;

// Shipped templates are a few hundred lines; anything this large is not one of ours.
constexpr std::uintmax_t kMaxTemplateBytes = 4 * 1024 * 1024;

/// Byte offset of the first byte that does not belong to a well-formed UTF-8 sequence.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;  // allowed range of the second byte (excludes overlongs/surrogates)
    if (lead < 0x80) {
      length = 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto byte = static_cast<unsigned char>(text[i + k]);
      const unsigned char min = k == 1 ? low : 0x80;
      const unsigned char max = k == 1 ? high : 0xBF;
      if (byte < min || byte > max) return i;
    }
    i += length;
  }
  return std::nullopt;
}

YAML::Mark markAt(std::string_view text, std::size_t offset) {
  const std::size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  const std::size_t lineStart = newline == std::string_view::npos ? 0 : newline + 1;
  YAML::Mark mark;
  mark.pos = static_cast<int>(offset);
  mark.line = static_cast<int>(std::count(text.begin(), text.begin() + lineStart, '\n'));
  mark.column = static_cast<int>(offset - lineStart);
  return mark;
}

std::string inQuotes(std::string_view s) { return "'" + std::string(s) + "'"; }

/// Every item id in the document, read leniently before the strict pass, so a condition on a
/// later item is reported as such and not as an unknown item.
std::set<std::string> collectItemIds(const YAML::Node& sections) {
  std::set<std::string> ids;
  if (!sections.IsSequence()) return ids;
  for (const YAML::Node& section : sections) {
    if (!section.IsMap() || !section["items"].IsSequence()) continue;
    for (const YAML::Node& item : section["items"]) {
      if (!item.IsMap()) continue;
      if (std::optional<std::string> id = checklist_yaml::scalarText(item["id"])) ids.insert(*id);
    }
  }
  return ids;
}

/// What the pass over the sections has seen so far.
struct ReadState {
  std::set<std::string> allIds;  // every item id in the file, see collectItemIds
  std::set<std::string> sectionIds;
  std::map<std::string, ChecklistItem> earlier;  // items read so far, for their conditions
  std::map<std::string, int> itemLines;          // 1-based line of each item id, for duplicates
  std::set<std::string> unusable;                // items too broken to test in a condition
};

std::optional<ChecklistSection> readSection(const YAML::Node& node, std::size_t index,
                                            ReadState& state, ParseErrors& errors) {
  const std::optional<std::string> rawId =
      node.IsMap() ? checklist_yaml::scalarText(node["id"]) : std::nullopt;
  const std::string name = rawId && checklist_yaml::isIdentifier(*rawId)
                               ? "section " + inQuotes(*rawId)
                               : "section #" + std::to_string(index + 1);
  const MapReader map(node, name, errors, {"id", "title", "items"});
  if (!map.isMap()) return std::nullopt;
  ChecklistSection section;
  if (const Entry* e = map.require("id")) {
    if (std::optional<std::string> id = map.identifier(*e)) {
      if (!state.sectionIds.insert(*id).second)
        map.fail(e->mark(), "duplicate section id " + inQuotes(*id));
      section.id = *id;
    }
  }
  if (const Entry* e = map.require("title")) {
    if (std::optional<LocalizedText> title = map.localized(*e)) section.title = *title;
  }
  const Entry* items = map.require("items");
  if (!items || !map.nonEmptyList(*items)) return section;

  const checklist_yaml::ItemScope scope{state.earlier, state.allIds, state.unusable};
  std::size_t position = 0;
  for (const YAML::Node& itemNode : items->value) {
    ++position;
    const std::string fallback = "item #" + std::to_string(position) + " of " + name;
    std::optional<ChecklistItem> item =
        checklist_yaml::parseItem(itemNode, fallback, scope, errors);
    if (!item) {
      if (itemNode.IsMap()) {
        if (std::optional<std::string> id = checklist_yaml::scalarText(itemNode["id"])) {
          state.unusable.insert(*id);
        }
      }
      continue;
    }
    const YAML::Mark idMark = itemNode["id"].Mark();
    if (const auto first = state.itemLines.find(item->id); first != state.itemLines.end()) {
      errors.add(idMark, "item " + inQuotes(item->id) +
                             ": duplicate item id, first defined at line " +
                             std::to_string(first->second));
      continue;
    }
    state.itemLines.emplace(item->id, idMark.line + 1);
    state.earlier.emplace(item->id, *item);
    section.items.push_back(std::move(*item));
  }
  return section;
}

ChecklistTemplate readTemplate(const YAML::Node& root, ParseErrors& errors) {
  const MapReader map(root, "template", errors, {"id", "version", "title", "sections"});
  ChecklistTemplate tmpl;
  if (!map.isMap()) return tmpl;
  if (const Entry* e = map.require("id")) {
    if (std::optional<std::string> id = map.identifier(*e)) tmpl.id = *id;
  }
  if (const Entry* e = map.require("version")) {
    if (std::optional<int> version = map.integer(*e)) {
      if (*version < 1) map.fail(e->mark(), "'version' must be 1 or more");
      tmpl.version = *version;
    }
  }
  if (const Entry* e = map.require("title")) {
    if (std::optional<LocalizedText> title = map.localized(*e)) tmpl.title = *title;
  }
  const Entry* sections = map.require("sections");
  if (!sections || !map.nonEmptyList(*sections)) return tmpl;

  ReadState state;
  state.allIds = collectItemIds(sections->value);
  std::size_t index = 0;
  for (const YAML::Node& node : sections->value) {
    if (std::optional<ChecklistSection> section = readSection(node, index++, state, errors)) {
      tmpl.sections.push_back(std::move(*section));
    }
  }
  return tmpl;
}

// Only notes where the last document's root node starts; the documents themselves are read
// with YAML::Load.
class DocumentStarts : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> root;
  void OnDocumentStart(const YAML::Mark&) override { root.reset(); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { note(m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { note(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override {
    note(m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    note(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    note(m);
  }
  void OnMapEnd() override {}

 private:
  void note(const YAML::Mark& m) {
    if (!root) root = m;
  }
};

// Where a second YAML document starts, if the text has one. Asks the parser for exactly two
// documents instead of YAML::LoadAll: on some malformed text (a '%' directive after content,
// e.g. ",0type: boo%!") yaml-cpp 0.7's parser reports "another document" forever without
// consuming anything, and LoadAll never returns while its memory grows (found by
// fuzz_checklist_template, docs/fuzzing.md). Throws YAML::Exception like Load.
std::optional<YAML::Mark> secondDocumentStart(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentStarts starts;
  if (!parser.HandleNextDocument(starts)) return std::nullopt;
  starts.root.reset();
  if (!parser.HandleNextDocument(starts)) return std::nullopt;
  return starts.root;
}

}  // namespace

Result<ChecklistTemplate> parseChecklistTemplate(std::string_view yamlText,
                                                 std::string_view sourceName) {
  ParseErrors errors(std::string(sourceName), yamlText);
  try {
    if (const std::optional<std::size_t> bad = firstInvalidUtf8(yamlText)) {
      errors.add(markAt(yamlText, *bad), "the template is not valid UTF-8 text");
      return errors.status();
    }
    const std::string text(yamlText);
    const YAML::Node document = YAML::Load(text);
    if (!document || document.IsNull()) {
      errors.add(YAML::Mark::null_mark(), "the template is empty");
      return errors.status();
    }
    if (const std::optional<YAML::Mark> second = secondDocumentStart(text)) {
      errors.add(*second, "one template per file; found a second YAML document");
      return errors.status();
    }
    ChecklistTemplate tmpl = readTemplate(document, errors);
    if (!errors.empty()) return errors.status();
    return tmpl;
  } catch (const YAML::Exception& e) {
    errors.add(e.mark, "YAML syntax error: " + e.msg);
    return errors.status();
  } catch (const std::exception& e) {
    return Status::internal(std::string(sourceName) + ": cannot parse template: " + e.what());
  }
}

Result<ChecklistTemplate> loadChecklistTemplate(const std::filesystem::path& path) {
  const std::string shown = path.string();
  std::error_code ec;
  const std::filesystem::file_status st = std::filesystem::status(path, ec);
  if (st.type() == std::filesystem::file_type::not_found) {
    return Status::notFound(msg("checklist.template_not_found", {{"path", shown}}));
  }
  if (ec || !std::filesystem::is_regular_file(st)) {
    return Status::ioError(msg("checklist.template_unreadable", {{"path", shown}}));
  }
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return Status::ioError(msg("checklist.template_unreadable", {{"path", shown}}));
  if (size > kMaxTemplateBytes) {
    return Status::invalidArgument(msg("checklist.template_too_large", {{"path", shown}}));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) {
    return Status::ioError(msg("checklist.template_unreadable", {{"path", shown}}));
  }
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) {
    return Status::ioError(msg("checklist.template_unreadable", {{"path", shown}}));
  }
  return parseChecklistTemplate(text, path.filename().string());
}

}  // namespace anju
