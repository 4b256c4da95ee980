#include "console/answers_json.h"

#include <set>

namespace anju::server {
namespace {

using nlohmann::json;

json words(std::string zh, std::string en) {
  return {{"zh", std::move(zh)}, {"en", std::move(en)}};
}

// An answer in words (core's describeAnswer); a photo answer also names its photo. Without the
// item (an answer the checklist does not know), the value as it is.
json answerWords(const ChecklistItem* item, const AnswerValue& value) {
  if (!item) {
    ChecklistItem unknown;
    unknown.type = ItemType::kText;
    const LocalizedText text = describeAnswer(unknown, value);
    return words(text.zh, text.en);
  }
  const LocalizedText text = describeAnswer(*item, value);
  json out = words(text.zh, text.en);
  if (item->type == ItemType::kPhoto) {
    if (const std::string* id = std::get_if<std::string>(&value)) out["photo_id"] = *id;
  }
  return out;
}

json answerOf(const ChecklistItem* item, const ChecklistAnswers* answers, const std::string& id) {
  if (!answers) return nullptr;
  const auto it = answers->find(id);
  return it == answers->end() ? json(nullptr) : answerWords(item, it->second);
}

}  // namespace

json answersJson(const ChecklistTemplate* tmpl, const ChecklistAnswers& answers,
                 const ChecklistAnswers* previous) {
  json sections = json::array();
  std::set<std::string> listed;
  if (tmpl) {
    for (const ChecklistSection& section : tmpl->sections) {
      std::set<std::string> applicable;
      for (const ChecklistItem* item : applicableItems(*tmpl, section, answers))
        applicable.insert(item->id);
      json items = json::array();
      for (const ChecklistItem& item : section.items) {
        const bool answered = answers.count(item.id) || (previous && previous->count(item.id));
        if (!applicable.count(item.id) && !answered) continue;
        listed.insert(item.id);
        json answer = answerOf(&item, &answers, item.id);
        json before = answerOf(&item, previous, item.id);
        const auto it = answers.find(item.id);
        const bool hazard = it != answers.end() && triggersFinding(item, it->second);
        const bool changed = previous && answer != before;
        items.push_back({{"id", item.id},
                         {"type", std::string(toCode(item.type))},
                         {"label", words(item.label.zh, item.label.en)},
                         {"answer", std::move(answer)},
                         {"previous", std::move(before)},
                         {"changed", changed},
                         {"hazard", hazard}});
      }
      if (!items.empty())
        sections.push_back({{"id", section.id},
                            {"title", words(section.title.zh, section.title.en)},
                            {"items", std::move(items)}});
    }
  }
  // Answers the template does not know (or no template): shown by item id, never dropped.
  json unlisted = json::array();
  std::set<std::string> ids;
  for (const auto& [id, value] : answers) ids.insert(id);
  if (previous)
    for (const auto& [id, value] : *previous) ids.insert(id);
  for (const std::string& id : ids) {
    if (listed.count(id)) continue;
    unlisted.push_back({{"id", id},
                        {"answer", answerOf(nullptr, &answers, id)},
                        {"previous", answerOf(nullptr, previous, id)}});
  }
  return {{"template_known", tmpl != nullptr},
          {"sections", std::move(sections)},
          {"unlisted", std::move(unlisted)}};
}

}  // namespace anju::server
