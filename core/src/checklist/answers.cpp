// Which checklist items apply to a set of answers, and whether those answers are acceptable.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "anju/checklist.h"
#include "anju/validation.h"

namespace anju {
namespace {

bool holds(const Condition& condition, const ChecklistAnswers& answers) {
  const auto it = answers.find(condition.itemId);
  if (it == answers.end()) return false;
  const AnswerValue& answer = it->second;
  const auto* number = std::get_if<double>(&answer);
  const auto* limit = std::get_if<double>(&condition.value);
  switch (condition.op) {
    case ConditionOp::kEquals:
      return answer == condition.value;
    case ConditionOp::kNotEquals:
      // An answer of the wrong type is not an answer: it satisfies neither equals nor not_equals.
      return answer.index() == condition.value.index() && answer != condition.value;
    case ConditionOp::kIn: {
      const auto* option = std::get_if<std::string>(&answer);
      return option && std::find(condition.oneOf.begin(), condition.oneOf.end(), *option) !=
                           condition.oneOf.end();
    }
    case ConditionOp::kLess:
      return number && limit && *number < *limit;
    case ConditionOp::kLessOrEqual:
      return number && limit && *number <= *limit;
    case ConditionOp::kGreater:
      return number && limit && *number > *limit;
    case ConditionOp::kGreaterOrEqual:
      return number && limit && *number >= *limit;
  }
  return false;
}

bool isBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

/// Shortest text that reads back as the same number: "0.3", "50", "1900".
std::string formatNumber(double value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

/// "50 毫米" / "50 mm"; a unit without a label (a plain ratio) adds nothing.
std::string withUnit(double value, std::string_view unitLabel) {
  std::string text = formatNumber(value);
  if (!unitLabel.empty()) text += " " + std::string(unitLabel);
  return text;
}

// The item's label comes from the template in both languages, so the problem is worded in both
// here; the catalogue entry only puts label and problem together in each language.
FieldError itemError(const ChecklistItem& item, const std::string& zh, const std::string& en) {
  return anju::fieldError(
      item.id,
      msg("checklist.item_problem",
          {{"label_zh", item.label.zh}, {"label_en", item.label.en}, {"zh", zh}, {"en", en}}));
}

std::optional<FieldError> rangeError(const ChecklistItem& item, double value) {
  const MeasurementUnit* unit = findMeasurementUnit(item.unit);
  const std::string_view zhUnit = unit ? unit->zh : std::string_view(item.unit);
  const std::string_view enUnit = unit ? unit->en : std::string_view(item.unit);
  const bool belowMin = item.min && value < *item.min;
  const bool aboveMax = item.max && value > *item.max;
  if (!belowMin && !aboveMax) return std::nullopt;
  if (item.min && item.max) {
    return itemError(item,
                     "须在 " + formatNumber(*item.min) + " 至 " + withUnit(*item.max, zhUnit) +
                         "之间（当前为 " + formatNumber(value) + "）",
                     "must be between " + formatNumber(*item.min) + " and " +
                         withUnit(*item.max, enUnit) + " (got " + formatNumber(value) + ")");
  }
  if (belowMin) {
    return itemError(
        item, "不能小于 " + withUnit(*item.min, zhUnit),
        "must be at least " + withUnit(*item.min, enUnit) + " (got " + formatNumber(value) + ")");
  }
  return itemError(
      item, "不能大于 " + withUnit(*item.max, zhUnit),
      "must be at most " + withUnit(*item.max, enUnit) + " (got " + formatNumber(value) + ")");
}

std::optional<FieldError> answerError(const ChecklistItem& item, const AnswerValue& answer) {
  const auto* text = std::get_if<std::string>(&answer);
  switch (item.type) {
    case ItemType::kYesNo:
      if (!std::holds_alternative<bool>(answer)) {
        return itemError(item, "应回答“是”或“否”", "needs a yes or no answer");
      }
      return std::nullopt;
    case ItemType::kChoice:
      if (!text) return itemError(item, "应从选项中选择", "needs one of its options");
      if (!item.findOption(*text)) {
        return itemError(item, "没有选项“" + *text + "”", "has no option '" + *text + "'");
      }
      return std::nullopt;
    case ItemType::kText:
      if (!text) return itemError(item, "应填写文字", "needs text");
      return std::nullopt;
    case ItemType::kPhoto:
      if (!text || !isValidUuid(*text)) {
        return itemError(item, "须关联一张照片", "needs an attached photo (a photo id)");
      }
      return std::nullopt;
    case ItemType::kMeasurement: {
      const auto* number = std::get_if<double>(&answer);
      if (!number || !std::isfinite(*number))
        return itemError(item, "应填写数值", "needs a number");
      if (item.integer && std::trunc(*number) != *number) {
        return itemError(item, "须为整数", "must be a whole number");
      }
      return rangeError(item, *number);
    }
  }
  return std::nullopt;
}

bool isAnswered(const ChecklistItem& item, const AnswerValue& answer) {
  const auto* text = std::get_if<std::string>(&answer);
  return !(item.type == ItemType::kText && text && isBlank(*text));
}

}  // namespace

bool isApplicable(const ChecklistItem& item, const ChecklistAnswers& answers) {
  return std::all_of(item.when.begin(), item.when.end(),
                     [&answers](const Condition& c) { return holds(c, answers); });
}

ChecklistAnswers applicableAnswers(const ChecklistTemplate& tmpl, const ChecklistAnswers& answers) {
  // Conditions only test earlier items, so one pass in template order settles every item.
  ChecklistAnswers live;
  for (const ChecklistSection& section : tmpl.sections) {
    for (const ChecklistItem& item : section.items) {
      const auto it = answers.find(item.id);
      if (it != answers.end() && isApplicable(item, live)) live.emplace(item.id, it->second);
    }
  }
  return live;
}

std::vector<const ChecklistItem*> applicableItems(const ChecklistTemplate& tmpl,
                                                  const ChecklistSection& section,
                                                  const ChecklistAnswers& answers) {
  const ChecklistAnswers live = applicableAnswers(tmpl, answers);
  std::vector<const ChecklistItem*> items;
  for (const ChecklistItem& item : section.items) {
    if (isApplicable(item, live)) items.push_back(&item);
  }
  return items;
}

bool triggersFinding(const ChecklistItem& item, const AnswerValue& answer) {
  if (!item.finding) return false;
  if (const auto* yes = std::get_if<bool>(&answer)) {
    return item.type == ItemType::kYesNo && *yes == item.finding->onYes;
  }
  if (const auto* option = std::get_if<std::string>(&answer)) {
    const std::vector<std::string>& on = item.finding->onOptions;
    return item.type == ItemType::kChoice && std::find(on.begin(), on.end(), *option) != on.end();
  }
  return false;
}

std::vector<const ChecklistItem*> itemsNeedingPhotos(const ChecklistTemplate& tmpl,
                                                     const ChecklistAnswers& answers) {
  const ChecklistAnswers live = applicableAnswers(tmpl, answers);
  std::vector<const ChecklistItem*> items;
  for (const ChecklistSection& section : tmpl.sections) {
    for (const ChecklistItem& item : section.items) {
      const auto it = live.find(item.id);
      if (it == live.end() || !item.photoRequired || item.type == ItemType::kPhoto) continue;
      if (!item.finding || triggersFinding(item, it->second)) items.push_back(&item);
    }
  }
  return items;
}

const ChecklistItem* findingSourceOf(const ChecklistTemplate& tmpl, const ChecklistItem& item) {
  // Conditions only refer to earlier items, so following them always ends; the depth bound is a
  // guard against a hand-built template that breaks that rule.
  const ChecklistItem* current = &item;
  for (int depth = 0; current && depth < 32; ++depth) {
    if (current->finding) return current;
    const ChecklistItem* next = nullptr;
    for (const Condition& c : current->when) {
      if (const ChecklistItem* parent = tmpl.findItem(c.itemId)) {
        next = parent;
        if (parent->finding) break;
      }
    }
    current = next;
  }
  return nullptr;
}

std::optional<double> convertMeasurement(double value, std::string_view from, std::string_view to) {
  if (from == to) return value;
  // In whole units of the smallest of each kind (millimetres, per mille), so the common
  // conversions (‰ -> %, ratio -> %) are exact.
  struct Scale {
    std::string_view unit;
    std::string_view base;
    double factor;
  };
  static constexpr Scale kScales[] = {{"mm", "length", 1},
                                      {"m", "length", 1000},
                                      {"ratio", "ratio", 1000},
                                      {"percent", "ratio", 10},
                                      {"permille", "ratio", 1}};
  const Scale* a = nullptr;
  const Scale* b = nullptr;
  for (const Scale& s : kScales) {
    if (s.unit == from) a = &s;
    if (s.unit == to) b = &s;
  }
  if (!a || !b || a->base != b->base) return std::nullopt;
  return value * a->factor / b->factor;
}

Status validateAnswer(const ChecklistItem& item, const AnswerValue& answer) {
  if (std::optional<FieldError> error = answerError(item, answer)) {
    Message text = error->text;
    return Status::invalidArgument(std::move(text), {std::move(*error)});
  }
  return Status::ok();
}

Status validateAnswers(const ChecklistTemplate& tmpl, const ChecklistAnswers& answers,
                       bool forSubmit) {
  std::vector<FieldError> errors;
  for (const auto& [id, answer] : answers) {
    if (!tmpl.findItem(id)) {
      errors.push_back(anju::fieldError(id, msg("checklist.unknown_item", {{"id", id}})));
    }
  }
  // Walk in template order with only the answers accepted so far, so an answer left on an item
  // that no longer applies neither counts as an error nor switches later items on.
  ChecklistAnswers live;
  for (const ChecklistSection& section : tmpl.sections) {
    for (const ChecklistItem& item : section.items) {
      if (!isApplicable(item, live)) continue;
      const auto it = answers.find(item.id);
      if (it != answers.end()) {
        if (std::optional<FieldError> error = answerError(item, it->second)) {
          errors.push_back(std::move(*error));
          continue;
        }
        live.emplace(item.id, it->second);
      }
      if (forSubmit && item.required && (it == answers.end() || !isAnswered(item, it->second))) {
        errors.push_back(itemError(item, "为必填项", "is required"));
      }
    }
  }
  if (errors.empty()) return Status::ok();
  return Status::invalidArgument(msg("checklist.answers_invalid"), std::move(errors));
}

}  // namespace anju
