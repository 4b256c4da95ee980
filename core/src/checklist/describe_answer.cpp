#include "anju/checklist.h"
#include "anju/explanation.h"  // formatNumber

namespace anju {

LocalizedText describeAnswer(const ChecklistItem& item, const AnswerValue& answer) {
  if (const bool* yes = std::get_if<bool>(&answer))
    return *yes ? LocalizedText{"是", "Yes"} : LocalizedText{"否", "No"};
  if (const double* number = std::get_if<double>(&answer)) {
    LocalizedText text{formatNumber(*number), formatNumber(*number)};
    if (const MeasurementUnit* unit =
            item.unit.empty() ? nullptr : findMeasurementUnit(item.unit)) {
      if (!unit->zh.empty()) text.zh += " " + std::string(unit->zh);
      if (!unit->en.empty()) text.en += " " + std::string(unit->en);
    }
    return text;
  }
  const std::string& value = std::get<std::string>(answer);
  if (item.type == ItemType::kChoice) {
    if (const ChoiceOption* option = item.findOption(value)) return option->label;
  }
  if (item.type == ItemType::kPhoto) return {"照片", "Photo"};
  return {value, value};
}

}  // namespace anju
