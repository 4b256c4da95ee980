#include "checklist/item_parser.h"

#include <algorithm>
#include <array>
#include <utility>

#include "anju/enum_codes.h"

namespace anju::checklist_yaml {
namespace {

constexpr std::array<std::pair<std::string_view, ConditionOp>, 7> kOperators{{
    {"equals", ConditionOp::kEquals},
    {"not_equals", ConditionOp::kNotEquals},
    {"in", ConditionOp::kIn},
    {"lt", ConditionOp::kLess},
    {"lte", ConditionOp::kLessOrEqual},
    {"gt", ConditionOp::kGreater},
    {"gte", ConditionOp::kGreaterOrEqual},
}};

std::string inQuotes(std::string_view s) { return "'" + std::string(s) + "'"; }

/// Reads a list of option ids of `target` (for `in:` and a finding's `on:`).
std::optional<std::vector<std::string>> optionList(const MapReader& map, const Entry& entry,
                                                   const ChecklistItem& target) {
  if (!map.nonEmptyList(entry)) return std::nullopt;
  std::vector<std::string> ids;
  bool ok = true;
  for (const YAML::Node& element : entry.value) {
    const std::optional<std::string> id = scalarText(element);
    if (!id || !target.findOption(*id)) {
      map.fail(element.Mark(),
               inQuotes(id.value_or("?")) + " is not an option of " + inQuotes(target.id));
      ok = false;
    } else {
      ids.push_back(*id);
    }
  }
  if (!ok) return std::nullopt;
  return ids;
}

/// Reads the compared value of a condition and checks it fits the tested item's type.
bool readConditionValue(const MapReader& map, const Entry& entry, const ChecklistItem& target,
                        Condition& condition) {
  const std::string what =
      "item " + inQuotes(target.id) + " is " + std::string(toCode(target.type));
  switch (target.type) {
    case ItemType::kYesNo: {
      if (condition.op != ConditionOp::kEquals && condition.op != ConditionOp::kNotEquals) {
        map.fail(entry.key.Mark(), what + "; test it with equals or not_equals");
        return false;
      }
      const std::optional<std::string> text = scalarText(entry.value);
      if (!text || (*text != "true" && *text != "false") || entry.value.Tag() != "?") {
        map.fail(entry.mark(), what + "; compare it with true or false");
        return false;
      }
      condition.value = *text == "true";
      return true;
    }
    case ItemType::kChoice: {
      if (condition.op == ConditionOp::kIn) {
        std::optional<std::vector<std::string>> ids = optionList(map, entry, target);
        if (ids) condition.oneOf = std::move(*ids);
        return ids.has_value();
      }
      if (condition.op != ConditionOp::kEquals && condition.op != ConditionOp::kNotEquals) {
        map.fail(entry.key.Mark(), what + "; test it with equals, not_equals or in");
        return false;
      }
      const std::optional<std::string> id = scalarText(entry.value);
      if (!id || !target.findOption(*id)) {
        map.fail(entry.mark(),
                 inQuotes(id.value_or("?")) + " is not an option of " + inQuotes(target.id));
        return false;
      }
      condition.value = *id;
      return true;
    }
    case ItemType::kMeasurement: {
      if (condition.op == ConditionOp::kIn) {
        map.fail(entry.key.Mark(), what + "; 'in' is only for choice items");
        return false;
      }
      const std::optional<std::string> text = scalarText(entry.value);
      const std::optional<double> number =
          text && entry.value.Tag() == "?" ? parseDecimal(*text) : std::nullopt;
      if (!number) {
        map.fail(entry.mark(), what + "; compare it with a number");
        return false;
      }
      condition.value = *number;
      return true;
    }
    case ItemType::kText:
    case ItemType::kPhoto:
      break;  // rejected by parseCondition before the value is read
  }
  return false;
}

std::optional<Condition> parseCondition(const YAML::Node& node, const MapReader& item,
                                        const std::string& itemId, const ItemScope& scope) {
  const MapReader map(node, item.context() + ": condition", item.errors(),
                      {"item", "equals", "not_equals", "in", "lt", "lte", "gt", "gte"});
  if (!map.isMap()) return std::nullopt;
  Condition condition;
  const Entry* ref = map.require("item");
  std::optional<std::string> refId = ref ? map.identifier(*ref) : std::nullopt;
  const ChecklistItem* target = nullptr;
  if (refId) {
    condition.itemId = *refId;
    if (const auto it = scope.earlier.find(*refId); it != scope.earlier.end()) {
      target = &it->second;
      if (target->type == ItemType::kText || target->type == ItemType::kPhoto) {
        map.fail(ref->mark(), "item " + inQuotes(*refId) + " is " +
                                  std::string(toCode(target->type)) +
                                  "; conditions can only test yes_no, choice or measurement items");
        return std::nullopt;
      }
    } else if (scope.unusable.count(*refId) != 0) {
      return std::nullopt;  // that item's own error says what is wrong
    } else if (*refId == itemId) {
      map.fail(ref->mark(), "a condition cannot refer to its own item");
    } else if (scope.allIds.count(*refId) != 0) {
      map.fail(ref->mark(), "refers to " + inQuotes(*refId) +
                                ", which comes later; conditions may only refer to earlier items");
    } else {
      map.fail(ref->mark(), "refers to unknown item " + inQuotes(*refId));
    }
  }
  const Entry* comparison = nullptr;
  for (const auto& [key, op] : kOperators) {
    const Entry* entry = map.find(key);
    if (!entry) continue;
    if (comparison) {
      map.fail(entry->key.Mark(),
               "one comparison per condition; give a list of conditions to require several");
      return std::nullopt;
    }
    comparison = entry;
    condition.op = op;
  }
  if (!comparison) {
    if (map.isMap()) {
      map.fail(map.mark(), "a condition needs one of equals, not_equals, in, lt, lte, gt, gte");
    }
    return std::nullopt;
  }
  if (!target || !readConditionValue(map, *comparison, *target, condition)) return std::nullopt;
  return condition;
}

void parseConditions(const Entry& when, const MapReader& item, const ItemScope& scope,
                     ChecklistItem& out) {
  std::vector<YAML::Node> nodes;
  if (when.value.IsMap()) {
    nodes.push_back(when.value);
  } else if (when.value.IsSequence() && when.value.size() > 0) {
    for (const YAML::Node& node : when.value) nodes.push_back(node);
  } else {
    item.fail(when.mark(), "'when' must be a condition or a non-empty list of conditions");
    return;
  }
  for (const YAML::Node& node : nodes) {
    if (std::optional<Condition> condition = parseCondition(node, item, out.id, scope)) {
      out.when.push_back(std::move(*condition));
    }
  }
}

/// Sets out.finding only when the whole trigger is sound.
void parseFinding(const Entry& entry, const MapReader& item, ChecklistItem& out) {
  if (out.type != ItemType::kYesNo && out.type != ItemType::kChoice) {
    item.fail(entry.key.Mark(), "only yes_no and choice items can open a finding");
    return;
  }
  const MapReader map(entry.value, item.context() + ": finding", item.errors(),
                      {"component", "hazard", "on"});
  if (!map.isMap()) return;
  FindingTrigger trigger;
  bool ok = true;
  if (const Entry* e = map.require("component")) {
    const std::optional<std::string> code = map.text(*e);
    const std::optional<Component> component = code ? parseComponent(*code) : std::nullopt;
    if (component) {
      trigger.component = *component;
    } else {
      if (code) map.fail(e->mark(), "unknown component code " + inQuotes(*code));
      ok = false;
    }
  } else {
    ok = false;
  }
  if (const Entry* e = map.require("hazard")) {
    const std::optional<std::string> code = map.text(*e);
    const std::optional<HazardKind> hazard = code ? parseHazardKind(*code) : std::nullopt;
    if (hazard) {
      trigger.hazard = *hazard;
    } else {
      if (code) map.fail(e->mark(), "unknown hazard code " + inQuotes(*code));
      ok = false;
    }
  } else {
    ok = false;
  }
  const Entry* on = map.find("on");
  if (out.type == ItemType::kYesNo) {
    if (on) {
      const std::optional<bool> value = map.boolean(*on);
      ok = ok && value.has_value();
      trigger.onYes = value.value_or(true);
    }
  } else if (!on) {
    map.fail(map.mark(), "a choice item's finding needs 'on': the options that indicate it");
    ok = false;
  } else if (std::optional<std::vector<std::string>> ids = optionList(map, *on, out)) {
    trigger.onOptions = std::move(*ids);
  } else {
    ok = false;
  }
  if (ok) out.finding = std::move(trigger);
}

void parseOptions(const Entry& entry, const MapReader& item, ChecklistItem& out) {
  if (!item.nonEmptyList(entry)) return;
  for (const YAML::Node& node : entry.value) {
    const MapReader map(node, item.context() + ": option", item.errors(), {"id", "label", "value"});
    if (!map.isMap()) continue;
    const Entry* id = map.require("id");
    const Entry* label = map.require("label");
    const std::optional<std::string> idValue = id ? map.identifier(*id) : std::nullopt;
    const std::optional<LocalizedText> labelValue = label ? map.localized(*label) : std::nullopt;
    if (!idValue || !labelValue) continue;
    if (out.findOption(*idValue)) {
      map.fail(id->mark(), "duplicate option id " + inQuotes(*idValue));
      continue;
    }
    std::optional<double> value;
    if (const Entry* v = map.find("value")) value = map.number(*v);
    out.options.push_back({*idValue, *labelValue, value});
  }
}

void parseUnit(const MapReader& map, ChecklistItem& out) {
  if (const Entry* unit = map.find("unit")) {
    const std::optional<std::string> code = map.text(*unit);
    if (code && findMeasurementUnit(*code)) {
      out.unit = *code;
    } else if (code) {
      std::string known;
      for (const MeasurementUnit& u : knownMeasurementUnits()) {
        known += (known.empty() ? "" : ", ") + std::string(u.code);
      }
      map.fail(unit->mark(), "unknown unit " + inQuotes(*code) + " (known: " + known + ")");
    }
  } else {
    map.fail(map.mark(), out.type == ItemType::kMeasurement
                             ? "a measurement needs a unit"
                             : "a choice with finding_measurement needs a unit");
  }
}

void parseFindingMeasurement(const MapReader& map, ChecklistItem& out) {
  if (const Entry* link = map.find("finding_measurement")) {
    if (auto name = map.identifier(*link)) out.findingMeasurement = *name;
  }
}

/// A choice item that gives its finding a number: a unit, and a `value` on every option.
void checkChoiceValues(const MapReader& map, ChecklistItem& out) {
  const Entry* link = map.find("finding_measurement");
  if (!link) {
    for (const ChoiceOption& o : out.options)
      if (o.value)
        map.fail(map.mark(), "option " + inQuotes(o.id) +
                                 ": 'value' is only for a choice with finding_measurement");
    if (const Entry* unit = map.find("unit"))
      map.fail(unit->key.Mark(), "'unit' on a choice needs finding_measurement");
    return;
  }
  parseUnit(map, out);
  parseFindingMeasurement(map, out);
  for (const ChoiceOption& o : out.options)
    if (!o.value)
      map.fail(link->mark(),
               "option " + inQuotes(o.id) + " needs a 'value' for the finding measurement");
}

// Which item type may ask which building fact.
ItemType buildingFieldType(std::string_view field) {
  if (field == "year_built" || field == "storeys_above" || field == "storeys_below")
    return ItemType::kMeasurement;
  if (field == "structure" || field == "use" || field == "design") return ItemType::kChoice;
  return ItemType::kYesNo;
}

bool isBuildingCode(std::string_view field, std::string_view code) {
  if (field == "structure") return parseStructureType(code).has_value();
  if (field == "use") return parseBuildingUse(code).has_value();
  return parseDesignStatus(code).has_value();
}

void parseBuildingField(const Entry& entry, const MapReader& map, ChecklistItem& out) {
  const std::optional<std::string> name = map.identifier(entry);
  if (!name) return;
  const auto& names = buildingFieldNames();
  if (std::find(names.begin(), names.end(), *name) == names.end()) {
    std::string known;
    for (std::string_view n : names) known += (known.empty() ? "" : ", ") + std::string(n);
    map.fail(entry.mark(), "unknown building field " + inQuotes(*name) + " (known: " + known + ")");
    return;
  }
  if (buildingFieldType(*name) != out.type) {
    map.fail(entry.mark(), "building field " + inQuotes(*name) + " is asked by a " +
                               std::string(toCode(buildingFieldType(*name))) + " item");
    return;
  }
  if (out.type == ItemType::kChoice) {
    for (const ChoiceOption& o : out.options)
      if (!isBuildingCode(*name, o.id))
        map.fail(entry.mark(), "option " + inQuotes(o.id) + " is not a code of building field " +
                                   inQuotes(*name));
  }
  out.buildingField = *name;
}

void parseMeasurement(const MapReader& map, ChecklistItem& out) {
  parseUnit(map, out);
  const Entry* min = map.find("min");
  const Entry* max = map.find("max");
  if (min) out.min = map.number(*min);
  if (max) out.max = map.number(*max);
  if (out.min && out.max && *out.min > *out.max) {
    map.fail(min->mark(),
             "min " + min->value.Scalar() + " is greater than max " + max->value.Scalar());
  }
  if (const Entry* integer = map.find("integer")) {
    out.integer = map.boolean(*integer).value_or(false);
  }
  parseFindingMeasurement(map, out);
}

}  // namespace

std::optional<ChecklistItem> parseItem(const YAML::Node& node, const std::string& fallbackName,
                                       const ItemScope& scope, ParseErrors& errors) {
  const std::optional<std::string> rawId = node.IsMap() ? scalarText(node["id"]) : std::nullopt;
  const std::string name =
      rawId && isIdentifier(*rawId) ? "item " + inQuotes(*rawId) : fallbackName;
  const MapReader map(
      node, name, errors,
      {"id", "type", "label", "help", "required", "photo_required", "when", "finding", "options",
       "unit", "min", "max", "integer", "finding_measurement", "building_field"});
  if (!map.isMap()) return std::nullopt;

  // Problems go to `errors`; the item is still returned once its id and type are known, so later
  // conditions that test it are checked against what it is rather than reported as unknown.
  ChecklistItem item;
  const auto keep = [](auto value, auto& target) {
    if (value) target = std::move(*value);
  };
  const Entry* id = map.require("id");
  if (id) keep(map.identifier(*id), item.id);
  if (const Entry* e = map.require("label")) keep(map.localized(*e), item.label);
  if (const Entry* e = map.find("help")) item.help = map.localized(*e);
  if (const Entry* e = map.find("required")) keep(map.boolean(*e), item.required);
  if (const Entry* e = map.find("photo_required")) keep(map.boolean(*e), item.photoRequired);

  std::optional<ItemType> type;
  if (const Entry* e = map.require("type")) {
    const std::optional<std::string> code = map.text(*e);
    type = code ? parseItemType(*code) : std::nullopt;
    if (code && !type) {
      map.fail(e->mark(), "unknown type " + inQuotes(*code) +
                              " (expected yes_no, choice, measurement, text or photo)");
    }
  }
  // Without an id or a type, the type-specific checks below would only add noise.
  if (item.id.empty() || !type) return std::nullopt;
  item.type = *type;

  // Keys that belong to another type are mistakes, not harmless extras.
  if (const Entry* e = map.find("options"); e && item.type != ItemType::kChoice) {
    map.fail(e->key.Mark(), "'options' is only for choice items");
  }
  for (const char* key : {"min", "max", "integer"}) {
    if (const Entry* e = map.find(key); e && item.type != ItemType::kMeasurement) {
      map.fail(e->key.Mark(), inQuotes(key) + " is only for measurement items");
    }
  }
  for (const char* key : {"unit", "finding_measurement"}) {
    if (const Entry* e = map.find(key);
        e && item.type != ItemType::kMeasurement && item.type != ItemType::kChoice) {
      map.fail(e->key.Mark(), inQuotes(key) + " is only for measurement and choice items");
    }
  }
  if (const Entry* e = map.find("photo_required"); e && item.type == ItemType::kPhoto) {
    map.fail(e->key.Mark(), "'photo_required' is implied by type photo");
  }
  if (item.type == ItemType::kChoice) {
    if (const Entry* e = map.find("options")) {
      parseOptions(*e, map, item);
    } else {
      map.fail(map.mark(), "a choice needs options");
    }
    checkChoiceValues(map, item);
  }
  if (item.type == ItemType::kMeasurement) parseMeasurement(map, item);
  if (const Entry* e = map.find("when")) parseConditions(*e, map, scope, item);
  if (const Entry* e = map.find("finding")) parseFinding(*e, map, item);
  if (const Entry* e = map.find("building_field")) parseBuildingField(*e, map, item);
  return item;
}

}  // namespace anju::checklist_yaml
