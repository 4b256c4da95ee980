// Inspection checklists as data: the template model, its YAML loader, when an item applies, and
// whether the answers given to a template are acceptable.
//
// A template (`core/checklists/<id>.v<version>.yaml`, format in docs/checklist-templates.md) is a
// list of sections, each a list of items. An item asks one question of one type; it may apply only
// under a condition on earlier answers (`when:`), and a hazard-indicating answer names the kind of
// finding the app should open (`finding:`). Templates are immutable once shipped: a change gets a
// new version and an inspection keeps the (id, version) it was made with.
//
// Answers are `std::map<item id, AnswerValue>`:
//   yes_no -> bool, choice -> option id (std::string), text -> std::string,
//   measurement -> double in the item's unit, photo -> the id (UUID) of the attached PhotoRecord.
// `photo_required` on a non-photo item asks for a photo *beside* the answer: those photos live in
// the inspection's findings/photo records, not in the answers, so `itemsNeedingPhotos` lists the
// items that need one and the caller checks its photo links.
//
// All functions are pure; a loaded ChecklistTemplate is a plain value, safe to share read-only
// between threads. Loader errors are for template authors and are in English with a
// "file:line:column:" prefix; answer errors are for inspectors and are in Chinese, then English.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anju/explanation.h"
#include "anju/model.h"
#include "anju/status.h"

namespace anju {

using ChecklistAnswers = std::map<std::string, AnswerValue>;

enum class ItemType { kYesNo, kChoice, kMeasurement, kText, kPhoto };

/// "yes_no", "choice", "measurement", "text", "photo" — the codes used in template files.
std::string_view toCode(ItemType type);
std::optional<ItemType> parseItemType(std::string_view code);

// LocalizedText (a label in both languages, Chinese first) comes from explanation.h, so that
// checklist.h and grading.h can be included in the same file.

/// A unit a measurement item may use, e.g. {"permille", "‰", "‰"} or {"mm", "毫米", "mm"}. The
/// labels are what follows a number in messages; a plain ratio has none.
struct MeasurementUnit {
  std::string_view code;
  std::string_view zh;
  std::string_view en;
};
/// The closed list of units, so a typo in a template ("milimeter") is caught at load time.
const std::vector<MeasurementUnit>& knownMeasurementUnits();
const MeasurementUnit* findMeasurementUnit(std::string_view code);

struct ChoiceOption {
  std::string id;  // stable code stored in answers, e.g. "brick_concrete"
  LocalizedText label;
  /// The number this option gives the item's finding measurement (template key `value:`, only on
  /// a choice item with `finding_measurement:`), e.g. 多条 -> count 2.
  std::optional<double> value;
  bool operator==(const ChoiceOption&) const = default;
};

enum class ConditionOp { kEquals, kNotEquals, kIn, kLess, kLessOrEqual, kGreater, kGreaterOrEqual };

/// One test on an earlier item's answer. `value` is bool for yes_no items, an option id for
/// choice items and a number for measurement items; `kIn` uses `oneOf` (choice items only).
/// A condition on an unanswered item is false, whatever the operator.
struct Condition {
  std::string itemId;
  ConditionOp op = ConditionOp::kEquals;
  AnswerValue value;
  std::vector<std::string> oneOf;
  bool operator==(const Condition&) const = default;
};

/// The finding an answer opens: a yes_no item triggers on `onYes` (true unless the template says
/// `on: false`), a choice item on any of `onOptions`.
struct FindingTrigger {
  Component component = Component::kOther;
  HazardKind hazard = HazardKind::kOther;
  bool onYes = true;
  std::vector<std::string> onOptions;
  bool operator==(const FindingTrigger&) const = default;
};

struct ChecklistItem {
  std::string id;  // unique within the template; [a-z][a-z0-9_]*
  ItemType type = ItemType::kYesNo;
  LocalizedText label;
  std::optional<LocalizedText> help;
  bool required = false;
  bool photoRequired = false;
  std::vector<Condition> when;  // all must hold; empty = always applies
  std::optional<FindingTrigger> finding;
  std::vector<ChoiceOption> options;  // choice only
  std::string
      unit;  // measurement, or choice with finding_measurement: a knownMeasurementUnits() code
  std::optional<double> min;  // measurement only, inclusive
  std::optional<double> max;  // measurement only, inclusive
  bool integer = false;       // measurement only: whole numbers (years, storeys)
  /// measurement or choice: the grading rules' measurement this answer also is on the item's
  /// finding (template key `finding_measurement:`, e.g. wall_crack_width -> "width"; a choice
  /// gives its chosen option's `value`); empty for none.
  std::string findingMeasurement;
  /// The building fact this item asks (template key `building_field:`, buildingFieldNames()):
  /// the grading reads the answer instead of the house record's value (buildingAsInspected),
  /// and a new inspection starts with the house record's value as the answer.
  std::string buildingField;
  bool operator==(const ChecklistItem&) const = default;

  const ChoiceOption* findOption(std::string_view optionId) const;
};

struct ChecklistSection {
  std::string id;
  LocalizedText title;
  std::vector<ChecklistItem> items;
  bool operator==(const ChecklistSection&) const = default;
};

struct ChecklistTemplate {
  std::string id;   // e.g. "self_built_house"
  int version = 0;  // >= 1
  LocalizedText title;
  std::vector<ChecklistSection> sections;
  bool operator==(const ChecklistTemplate&) const = default;

  /// The item with this id, or nullptr. The pointer borrows from this template.
  const ChecklistItem* findItem(std::string_view itemId) const;
  const ChecklistSection* findSection(std::string_view sectionId) const;
};

/// Parses and checks a template. On success the template is complete and consistent (unique ids,
/// known codes, conditions only on earlier items, ranges that make sense). On failure:
/// invalidArgument whose message lists every problem found, one per line, each as
/// "<sourceName>:<line>:<column>: <what>" (1-based), and whose fieldErrors() hold the same
/// problems with field = "<sourceName>:<line>:<column>". Never throws.
Result<ChecklistTemplate> parseChecklistTemplate(std::string_view yamlText,
                                                 std::string_view sourceName);

/// Reads and parses a template file; errors name the file by its file name. notFound when the
/// file does not exist, ioError when it cannot be read, otherwise as parseChecklistTemplate.
Result<ChecklistTemplate> loadChecklistTemplate(const std::filesystem::path& path);

/// Whether every condition of the item holds for these answers. Looks only at the item's own
/// conditions: use `applicableAnswers` first (or the template-level functions below) so that an
/// answer left behind on an item that no longer applies cannot switch a later item on.
bool isApplicable(const ChecklistItem& item, const ChecklistAnswers& answers);

/// The answers to items that apply, in template order, dropping answers to unknown items and to
/// items whose conditions no longer hold (transitively). This is what to store on submit.
ChecklistAnswers applicableAnswers(const ChecklistTemplate& tmpl, const ChecklistAnswers& answers);

/// The items of `section` that apply, in order. `section` must belong to `tmpl` (conditions may
/// refer to items of earlier sections). Pointers borrow from `tmpl`.
std::vector<const ChecklistItem*> applicableItems(const ChecklistTemplate& tmpl,
                                                  const ChecklistSection& section,
                                                  const ChecklistAnswers& answers);

/// Whether this answer to this item indicates the item's finding (false when it has none).
bool triggersFinding(const ChecklistItem& item, const AnswerValue& answer);

/// An answer in words, as the item asked it, in both languages: 是/否, the chosen option's label,
/// the number with its unit ("1.5 毫米" / "1.5 mm"), the text; a photo item's answer reads
/// 照片 / Photo (its value is the photo's id). A value of an unexpected kind is shown as it is.
/// Used where a person reads a past answer: the tablet beside a re-inspection's questions, the
/// review console's house page.
LocalizedText describeAnswer(const ChecklistItem& item, const AnswerValue& answer);

/// The item whose `finding:` this item's answer belongs to: the item itself when it has one, else
/// the nearest item its conditions lead back to that has one (wall_crack_width, asked when
/// wall_cracks is yes, belongs to wall_cracks's wall-crack finding). nullptr when none.
const ChecklistItem* findingSourceOf(const ChecklistTemplate& tmpl, const ChecklistItem& item);

/// `value` in unit `from` expressed in unit `to` (codes of knownMeasurementUnits): the same unit,
/// mm <-> m, and ratio <-> percent <-> permille. nullopt for units that do not convert.
std::optional<double> convertMeasurement(double value, std::string_view from, std::string_view to);

/// The number an answer gives the item's finding measurement, in the item's unit: a measurement
/// item's value, or the `value` of the chosen option of a choice item. nullopt when the item has
/// no finding_measurement or the answer carries no number.
std::optional<double> findingMeasurementValue(const ChecklistItem& item, const AnswerValue& answer);

/// The building facts an item may ask with `building_field:` — year_built, storeys_above,
/// storeys_below (measurement items), structure, use, design (choice items whose option ids are
/// the codes of enum_codes.h), added_storey, extension, structural_change (yes_no items: the
/// alteration is present).
const std::vector<std::string_view>& buildingFieldNames();

/// `building` with every fact the inspection's applicable answers give (items with
/// `building_field:`) put in place of the house record's value. The grading reads this, so what
/// the inspector recorded at the door is what is graded.
Building buildingAsInspected(const ChecklistTemplate& tmpl, const Building& building,
                             const ChecklistAnswers& answers);

/// The answers the house record already gives (items with `building_field:` whose value is
/// known), for a new inspection to start from instead of asking again.
ChecklistAnswers answersFromBuilding(const ChecklistTemplate& tmpl, const Building& building);

/// '本节全部正常': the answers that record every hazard question of `section` that applies and is
/// still unanswered as no hazard — each yes_no item with a `finding:` gets the answer that does
/// not open it. Questions that ask no hazard (has_columns, altered, measurements, text, choices)
/// and answers already given are left alone. Only the new answers are returned.
ChecklistAnswers noHazardAnswers(const ChecklistTemplate& tmpl, const ChecklistSection& section,
                                 const ChecklistAnswers& answers);

/// Applicable, answered, non-photo items with photo_required whose answer calls for a photo: any
/// answer, or for items with a finding only the answers that trigger it.
std::vector<const ChecklistItem*> itemsNeedingPhotos(const ChecklistTemplate& tmpl,
                                                     const ChecklistAnswers& answers);

/// One answer against its item: the right type, a known option, a finite number within the range
/// (message names the range and the unit), a whole number where required, a photo id that is a
/// UUID. invalidArgument with one FieldError whose field is the item id.
Status validateAnswer(const ChecklistItem& item, const AnswerValue& answer);

/// All answers of one inspection. Unknown item ids are errors; answers to items that do not apply
/// are ignored (they are left over from a changed earlier answer). With `forSubmit`, every
/// applicable required item must be answered (a blank text does not count). Reports every
/// problem at once, one FieldError per item.
Status validateAnswers(const ChecklistTemplate& tmpl, const ChecklistAnswers& answers,
                       bool forSubmit);

}  // namespace anju
