// The inputs a checklist answer gives the grading besides its own item: a number for the
// finding's measurement (finding_measurement) and a fact about the building (building_field).
#include <algorithm>
#include <cmath>
#include <variant>

#include "anju/checklist.h"
#include "anju/enum_codes.h"

namespace anju {
namespace {

std::optional<Alteration> alterationOf(std::string_view field) { return parseAlteration(field); }

void setAlteration(Building& b, Alteration a, bool present) {
  const auto at = std::find(b.alterations.begin(), b.alterations.end(), a);
  if (present && at == b.alterations.end()) b.alterations.push_back(a);
  if (!present && at != b.alterations.end()) b.alterations.erase(at);
}

}  // namespace

std::optional<double> findingMeasurementValue(const ChecklistItem& item,
                                              const AnswerValue& answer) {
  if (item.findingMeasurement.empty()) return std::nullopt;
  if (item.type == ItemType::kMeasurement) {
    if (const double* number = std::get_if<double>(&answer)) return *number;
    return std::nullopt;
  }
  if (item.type == ItemType::kChoice) {
    const std::string* id = std::get_if<std::string>(&answer);
    const ChoiceOption* option = id ? item.findOption(*id) : nullptr;
    return option ? option->value : std::nullopt;
  }
  return std::nullopt;
}

const std::vector<std::string_view>& buildingFieldNames() {
  static const std::vector<std::string_view> kNames = {
      "year_built", "storeys_above", "storeys_below", "structure",        "use",
      "design",     "added_storey",  "extension",     "structural_change"};
  return kNames;
}

Building buildingAsInspected(const ChecklistTemplate& tmpl, const Building& building,
                             const ChecklistAnswers& answers) {
  Building out = building;
  const ChecklistAnswers applicable = applicableAnswers(tmpl, answers);
  for (const auto& [id, answer] : applicable) {
    const ChecklistItem* item = tmpl.findItem(id);
    if (!item || item->buildingField.empty()) continue;
    const std::string& field = item->buildingField;
    if (const double* n = std::get_if<double>(&answer)) {
      const int whole = static_cast<int>(std::lround(*n));
      if (field == "year_built") out.yearBuilt = whole;
      if (field == "storeys_above") out.storeysAbove = whole;
      if (field == "storeys_below") out.storeysBelow = whole;
    } else if (const std::string* code = std::get_if<std::string>(&answer)) {
      if (field == "structure")
        if (auto v = parseStructureType(*code)) out.structure = *v;
      if (field == "use")
        if (auto v = parseBuildingUse(*code)) out.use = *v;
      if (field == "design")
        if (auto v = parseDesignStatus(*code)) out.design = *v;
    } else if (const bool* yes = std::get_if<bool>(&answer)) {
      if (auto a = alterationOf(field)) setAlteration(out, *a, *yes);
    }
  }
  // "Altered since it was built?" answered no: the alteration questions behind it do not apply,
  // and the inspector has said there is none of them.
  for (const ChecklistSection& section : tmpl.sections)
    for (const ChecklistItem& item : section.items) {
      const auto a = alterationOf(item.buildingField);
      if (!a || applicable.count(item.id) != 0) continue;
      const bool gateAnswered =
          !item.when.empty() &&
          std::all_of(item.when.begin(), item.when.end(),
                      [&](const Condition& c) { return applicable.count(c.itemId) != 0; });
      const bool gated = gateAnswered && !isApplicable(item, applicable);
      if (gated) setAlteration(out, *a, false);
    }
  return out;
}

ChecklistAnswers answersFromBuilding(const ChecklistTemplate& tmpl, const Building& building) {
  ChecklistAnswers out;
  for (const ChecklistSection& section : tmpl.sections)
    for (const ChecklistItem& item : section.items) {
      const std::string& field = item.buildingField;
      if (field.empty()) continue;
      if (field == "year_built" && building.yearBuilt)
        out[item.id] = static_cast<double>(*building.yearBuilt);
      else if (field == "storeys_above")
        out[item.id] = static_cast<double>(building.storeysAbove);
      else if (field == "storeys_below")
        out[item.id] = static_cast<double>(building.storeysBelow);
      else if (field == "structure" && building.structure != StructureType::kOther)
        out[item.id] = std::string(toCode(building.structure));
      else if (field == "use")
        out[item.id] = std::string(toCode(building.use));
      else if (field == "design" && building.design != DesignStatus::kUnknown)
        out[item.id] = std::string(toCode(building.design));
      // Alterations are not prefilled: "none recorded" on the house page is not "none seen".
    }
  // Only values the items accept (a house record may hold a value outside an item's range).
  std::erase_if(out, [&](const auto& entry) {
    const ChecklistItem* item = tmpl.findItem(entry.first);
    return !item || !validateAnswer(*item, entry.second);
  });
  return out;
}

}  // namespace anju
