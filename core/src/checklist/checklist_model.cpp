// The small lookups of the checklist model: item type codes, measurement units, finding by id.
#include <array>

#include "anju/checklist.h"

namespace anju {
namespace {

constexpr std::array<std::string_view, 5> kItemTypeCodes{"yes_no", "choice", "measurement", "text",
                                                         "photo"};
static_assert(static_cast<std::size_t>(ItemType::kPhoto) + 1 == kItemTypeCodes.size());

}  // namespace

std::string_view toCode(ItemType type) { return kItemTypeCodes.at(static_cast<std::size_t>(type)); }

std::optional<ItemType> parseItemType(std::string_view code) {
  for (std::size_t i = 0; i < kItemTypeCodes.size(); ++i) {
    if (kItemTypeCodes[i] == code) return static_cast<ItemType>(i);
  }
  return std::nullopt;
}

const std::vector<MeasurementUnit>& knownMeasurementUnits() {
  // Codes match Measurement::unit in model.h so an answer can become a finding's measurement.
  static const std::vector<MeasurementUnit> kUnits{
      {"mm", "毫米", "mm"},
      {"m", "米", "m"},
      {"m2", "平方米", "m²"},
      {"permille", "‰", "‰"},
      {"percent", "%", "%"},
      {"ratio", "", ""},   // a plain fraction, e.g. crack length / storey height
      {"year", "年", ""},  // "between 1900 and 2030" needs no unit in English
      {"storey", "层", "storeys"},
      {"count", "个", ""},
  };
  return kUnits;
}

const MeasurementUnit* findMeasurementUnit(std::string_view code) {
  for (const MeasurementUnit& unit : knownMeasurementUnits()) {
    if (unit.code == code) return &unit;
  }
  return nullptr;
}

const ChoiceOption* ChecklistItem::findOption(std::string_view optionId) const {
  for (const ChoiceOption& option : options) {
    if (option.id == optionId) return &option;
  }
  return nullptr;
}

const ChecklistItem* ChecklistTemplate::findItem(std::string_view itemId) const {
  for (const ChecklistSection& section : sections) {
    for (const ChecklistItem& item : section.items) {
      if (item.id == itemId) return &item;
    }
  }
  return nullptr;
}

const ChecklistSection* ChecklistTemplate::findSection(std::string_view sectionId) const {
  for (const ChecklistSection& section : sections) {
    if (section.id == sectionId) return &section;
  }
  return nullptr;
}

}  // namespace anju
