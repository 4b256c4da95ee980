// The shipped checklist template, conditional items and answer validation.
// Malformed templates are covered in checklist_template_errors_test.cpp.
#include "anju/checklist.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "anju/data_dir.h"
#include "anju/enum_codes.h"
#include "anju/uuid.h"
#include "core/message_test_support.h"

namespace anju {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const ChecklistTemplate& shipped() {
  static const ChecklistTemplate tmpl = [] {
    Result<ChecklistTemplate> loaded =
        loadChecklistTemplate(anju::shippedDataDir() + "/checklists/self_built_house.v1.yaml");
    if (!loaded.isOk()) {
      ADD_FAILURE() << loaded.status().toString();
      return ChecklistTemplate{};
    }
    return std::move(loaded).value();
  }();
  return tmpl;
}

const ChecklistItem& item(std::string_view id) {
  const ChecklistItem* found = shipped().findItem(id);
  if (!found) {
    ADD_FAILURE() << "no item " << id;
    static const ChecklistItem kNone;
    return kNone;
  }
  return *found;
}

std::vector<std::string> ids(const std::vector<const ChecklistItem*>& items) {
  std::vector<std::string> out;
  for (const ChecklistItem* i : items) out.push_back(i->id);
  return out;
}

bool hasField(const Status& s, const std::string& field) {
  for (const FieldError& f : s.fieldErrors())
    if (f.field == field) return true;
  return false;
}

/// Every required question of the shipped template answered for a sound two-storey brick house.
ChecklistAnswers soundHouse() {
  return {
      {"year_built", 1998.0},
      {"structure_type", std::string("brick_concrete")},
      {"storeys_above", 2.0},
      {"building_use", std::string("owner_occupied")},
      {"design_status", std::string("sketch_only")},
      {"front_photo", newUuid()},
      {"foundation_settlement", false},
      {"building_tilt", false},
      {"wall_cracks", false},
      {"wall_weathering", false},
      {"wall_tilt", false},
      {"has_columns", false},
      {"beam_cracks", false},
      {"beam_deflection", false},
      {"slab_cracks", false},
      {"slab_deflection", false},
      {"cantilever_damage", false},
      {"roof_structure", std::string("concrete_slab")},
      {"roof_leak", false},
      {"altered", false},
      {"evacuation_blocked", false},
      {"owner_present", true},
  };
}

TEST(ShippedChecklist, LoadsWithIdVersionAndBilingualTitle) {
  EXPECT_EQ(shipped().id, "self_built_house");
  EXPECT_EQ(shipped().version, 1);
  EXPECT_EQ(shipped().title.zh, "自建房结构安全排查表");
  EXPECT_FALSE(shipped().title.en.empty());
}

TEST(ShippedChecklist, HasTheSectionsInInspectionOrder) {
  std::vector<std::string> sections;
  for (const ChecklistSection& s : shipped().sections) sections.push_back(s.id);
  EXPECT_THAT(sections, ElementsAre("basic_info", "foundation", "walls", "columns", "beams_slabs",
                                    "roof", "alterations", "fire_evacuation", "closing"));
}

TEST(ShippedChecklist, WallCrackWidthIsAMillimetreMeasurementShownOnlyWithCracks) {
  const ChecklistItem& width = item("wall_crack_width");
  EXPECT_EQ(width.type, ItemType::kMeasurement);
  EXPECT_EQ(width.unit, "mm");
  ASSERT_EQ(width.when.size(), 1u);
  EXPECT_EQ(width.when[0].itemId, "wall_cracks");
  EXPECT_EQ(width.when[0].value, AnswerValue(true));
}

TEST(ShippedChecklist, StructureTypeOptionsAreTheDomainCodes) {
  const ChecklistItem& structure = item("structure_type");
  ASSERT_EQ(structure.options.size(), 8u);
  for (const ChoiceOption& option : structure.options) {
    EXPECT_TRUE(parseStructureType(option.id).has_value()) << option.id;
  }
  for (const ChoiceOption& option : item("design_status").options) {
    EXPECT_TRUE(parseDesignStatus(option.id).has_value()) << option.id;
  }
}

TEST(ShippedChecklist, HazardQuestionsNameTheFindingToOpen) {
  ASSERT_TRUE(item("wall_cracks").finding.has_value());
  EXPECT_EQ(item("wall_cracks").finding->component, Component::kLoadBearingWall);
  EXPECT_EQ(item("wall_cracks").finding->hazard, HazardKind::kWallCrack);
  ASSERT_TRUE(item("purlin_sagging").finding.has_value());
  EXPECT_EQ(item("purlin_sagging").finding->hazard, HazardKind::kSaggingPurlin);
  // "Designed by a licensed firm? — no" is the hazard, not "yes".
  ASSERT_TRUE(item("alteration_licensed_design").finding.has_value());
  EXPECT_FALSE(item("alteration_licensed_design").finding->onYes);
}

TEST(ShippedChecklist, EveryItemAndOptionHasChineseAndEnglishLabels) {
  for (const ChecklistSection& section : shipped().sections) {
    for (const ChecklistItem& i : section.items) {
      EXPECT_FALSE(i.label.zh.empty() || i.label.en.empty()) << i.id;
      for (const ChoiceOption& o : i.options)
        EXPECT_FALSE(o.label.zh.empty() || o.label.en.empty());
    }
  }
}

TEST(ShippedChecklist, SoundHouseAnswersAreCompleteForSubmit) {
  const Status s = validateAnswers(shipped(), soundHouse(), true);
  EXPECT_TRUE(s.isOk()) << s.toString();
}

TEST(ShippedChecklist, CrackedWallAsksForWidthAndDirection) {
  ChecklistAnswers answers = soundHouse();
  answers["wall_cracks"] = true;
  const ChecklistSection& walls = *shipped().findSection("walls");
  EXPECT_THAT(ids(applicableItems(shipped(), walls, answers)),
              ElementsAre("wall_cracks", "wall_crack_direction", "wall_crack_count",
                          "wall_crack_width", "wall_crack_length", "wall_weathering", "wall_tilt"));
  const Status s = validateAnswers(shipped(), answers, true);
  EXPECT_TRUE(hasField(s, "wall_crack_width")) << s.toString();
  EXPECT_TRUE(hasField(s, "wall_crack_direction")) << s.toString();
}

TEST(Applicability, ItemWithoutConditionAlwaysApplies) {
  EXPECT_TRUE(isApplicable(item("wall_cracks"), {}));
}

TEST(Applicability, DependentItemIsHiddenUntilItsQuestionIsAnswered) {
  EXPECT_FALSE(isApplicable(item("wall_crack_width"), {}));
  EXPECT_FALSE(isApplicable(item("wall_crack_width"), {{"wall_cracks", false}}));
  EXPECT_TRUE(isApplicable(item("wall_crack_width"), {{"wall_cracks", true}}));
}

TEST(Applicability, NotEqualsDoesNotHoldForAnUnansweredItem) {
  const ChecklistItem& sagging = item("purlin_sagging");  // when roof_structure != concrete_slab
  EXPECT_FALSE(isApplicable(sagging, {}));
  EXPECT_FALSE(isApplicable(sagging, {{"roof_structure", std::string("concrete_slab")}}));
  EXPECT_TRUE(isApplicable(sagging, {{"roof_structure", std::string("gable_purlins")}}));
}

TEST(Applicability, InConditionMatchesAnyListedOption) {
  const ChecklistItem& rot = item("roof_rot");
  EXPECT_TRUE(isApplicable(rot, {{"roof_structure", std::string("timber_truss")}}));
  EXPECT_FALSE(isApplicable(rot, {{"roof_structure", std::string("steel_truss")}}));
}

TEST(Applicability, EveryConditionOfAnItemMustHold) {
  const ChecklistItem& exit = item("second_exit");  // storeys_above >= 3 and not owner-occupied
  const std::string rented = "rented";
  EXPECT_TRUE(isApplicable(exit, {{"storeys_above", 3.0}, {"building_use", rented}}));
  EXPECT_FALSE(isApplicable(exit, {{"storeys_above", 2.0}, {"building_use", rented}}));
  EXPECT_FALSE(isApplicable(
      exit, {{"storeys_above", 4.0}, {"building_use", std::string("owner_occupied")}}));
}

TEST(Applicability, AnswerOfTheWrongTypeSatisfiesNoCondition) {
  EXPECT_FALSE(isApplicable(item("wall_crack_width"), {{"wall_cracks", std::string("true")}}));
  EXPECT_FALSE(isApplicable(item("second_exit"), {{"storeys_above", std::string("5")},
                                                  {"building_use", std::string("rented")}}));
}

TEST(Applicability, LeftoverAnswerCannotSwitchOnALaterItem) {
  // wall_crack_height_ratio depends on wall_crack_direction, which depends on wall_cracks.
  const ChecklistAnswers answers{{"wall_cracks", false},
                                 {"wall_crack_direction", std::string("vertical")}};
  EXPECT_TRUE(isApplicable(item("wall_crack_height_ratio"), answers));  // own condition only
  const ChecklistAnswers live = applicableAnswers(shipped(), answers);
  EXPECT_EQ(live.count("wall_crack_direction"), 0u);
  EXPECT_FALSE(isApplicable(item("wall_crack_height_ratio"), live));
}

TEST(Applicability, ApplicableAnswersDropUnknownItems) {
  const ChecklistAnswers live = applicableAnswers(shipped(), {{"no_such_item", true}});
  EXPECT_TRUE(live.empty());
}

TEST(AnswerValidation, MeasurementOutOfRangeNamesTheRangeAndUnit) {
  const Status s = validateAnswer(item("wall_crack_width"), 120.0);
  ASSERT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(wordsOf(s), HasSubstr("「最大裂缝宽度」须在 0 至 100 毫米之间"));
  EXPECT_THAT(wordsOf(s), HasSubstr("'Widest crack width' must be between 0 and 100 mm (got 120)"));
  EXPECT_TRUE(hasField(s, "wall_crack_width"));
}

TEST(AnswerValidation, MeasurementAtTheBoundsIsAccepted) {
  EXPECT_TRUE(validateAnswer(item("wall_crack_width"), 0.0).isOk());
  EXPECT_TRUE(validateAnswer(item("wall_crack_width"), 100.0).isOk());
  EXPECT_TRUE(validateAnswer(item("wall_crack_width"), 0.3).isOk());
}

TEST(AnswerValidation, NonFiniteMeasurementIsRejected) {
  EXPECT_FALSE(validateAnswer(item("wall_crack_width"), std::nan("")).isOk());
}

TEST(AnswerValidation, WholeNumberItemRejectsFractions) {
  const Status s = validateAnswer(item("storeys_above"), 2.5);
  EXPECT_THAT(wordsOf(s), HasSubstr("须为整数"));
  EXPECT_TRUE(validateAnswer(item("storeys_above"), 3.0).isOk());
}

TEST(AnswerValidation, AnswerOfTheWrongTypeIsRejected) {
  EXPECT_THAT(wordsOf(validateAnswer(item("wall_cracks"), std::string("yes"))),
              HasSubstr("needs a yes or no answer"));
  EXPECT_THAT(wordsOf(validateAnswer(item("wall_crack_width"), true)), HasSubstr("needs a number"));
  EXPECT_FALSE(validateAnswer(item("structure_type"), 1.0).isOk());
  EXPECT_FALSE(validateAnswer(item("fire_notes"), false).isOk());
}

TEST(AnswerValidation, UnknownOptionIsRejected) {
  const Status s = validateAnswer(item("structure_type"), std::string("adobe"));
  EXPECT_THAT(wordsOf(s), HasSubstr("has no option 'adobe'"));
  EXPECT_TRUE(validateAnswer(item("structure_type"), std::string("frame")).isOk());
}

TEST(AnswerValidation, PhotoAnswerIsAPhotoId) {
  EXPECT_TRUE(validateAnswer(item("front_photo"), newUuid()).isOk());
  EXPECT_FALSE(validateAnswer(item("front_photo"), std::string("IMG_0001.jpg")).isOk());
}

TEST(AnswerValidation, UnknownItemIdIsRejected) {
  ChecklistAnswers answers = soundHouse();
  answers["wall_crack"] = true;
  const Status s = validateAnswers(shipped(), answers, false);
  EXPECT_TRUE(hasField(s, "wall_crack")) << s.toString();
}

TEST(AnswerValidation, DraftMayLeaveRequiredItemsOpen) {
  EXPECT_TRUE(validateAnswers(shipped(), {{"wall_cracks", true}}, false).isOk());
}

TEST(AnswerValidation, SubmitNeedsEveryApplicableRequiredItem) {
  ChecklistAnswers answers = soundHouse();
  answers.erase("roof_leak");
  const Status s = validateAnswers(shipped(), answers, true);
  ASSERT_EQ(s.fieldErrors().size(), 1u) << s.toString();
  EXPECT_EQ(s.fieldErrors()[0].field, "roof_leak");
  EXPECT_THAT(wordsOf(s), HasSubstr("为必填项"));
}

TEST(AnswerValidation, BlankTextDoesNotAnswerARequiredItem) {
  ChecklistItem notes = item("fire_notes");
  notes.required = true;
  ChecklistTemplate tmpl;
  tmpl.sections.push_back({"s", {"节", "Section"}, {notes}});
  EXPECT_FALSE(validateAnswers(tmpl, {{"fire_notes", std::string("  ")}}, true).isOk());
  EXPECT_TRUE(validateAnswers(tmpl, {{"fire_notes", std::string("通道畅通")}}, true).isOk());
}

TEST(AnswerValidation, AnswersToItemsThatNoLongerApplyAreIgnored) {
  ChecklistAnswers answers = soundHouse();  // wall_cracks = false
  answers["wall_crack_width"] = 500.0;      // left over and out of range, but hidden
  answers["wall_crack_direction"] = std::string("not_an_option");
  EXPECT_TRUE(validateAnswers(shipped(), answers, true).isOk());
}

TEST(AnswerValidation, ReportsEveryBadAnswerAtOnce) {
  ChecklistAnswers answers = soundHouse();
  answers["storeys_above"] = 0.0;
  answers["structure_type"] = std::string("adobe");
  const Status s = validateAnswers(shipped(), answers, true);
  EXPECT_TRUE(hasField(s, "storeys_above"));
  EXPECT_TRUE(hasField(s, "structure_type"));
}

TEST(Findings, YesOpensTheFindingOfAYesNoItem) {
  EXPECT_TRUE(triggersFinding(item("wall_cracks"), true));
  EXPECT_FALSE(triggersFinding(item("wall_cracks"), false));
  EXPECT_FALSE(triggersFinding(item("has_columns"), true));  // no finding attached
}

TEST(Findings, NoOpensTheFindingWhenTheTemplateSaysOnFalse) {
  EXPECT_TRUE(triggersFinding(item("alteration_licensed_design"), false));
  EXPECT_FALSE(triggersFinding(item("alteration_licensed_design"), true));
}

TEST(Findings, MeasurementsBelongToTheFindingOfTheQuestionTheyFollow) {
  // Directly (wall_crack_width when wall_cracks) and through a chain (the height ratio is asked
  // for some crack directions, which are asked when there are cracks).
  EXPECT_EQ(findingSourceOf(shipped(), item("wall_crack_width")), &item("wall_cracks"));
  EXPECT_EQ(findingSourceOf(shipped(), item("wall_crack_height_ratio")), &item("wall_cracks"));
  EXPECT_EQ(findingSourceOf(shipped(), item("wall_cracks")), &item("wall_cracks"));
  EXPECT_EQ(findingSourceOf(shipped(), item("year_built")), nullptr);
}

TEST(Findings, ShippedMeasurementsNameTheGradingMeasurementTheyFill) {
  EXPECT_EQ(item("wall_crack_width").findingMeasurement, "width");
  EXPECT_EQ(item("wall_crack_height_ratio").findingMeasurement, "length_ratio");
  EXPECT_EQ(item("building_tilt_ratio").findingMeasurement, "tilt");
  EXPECT_EQ(item("year_built").findingMeasurement, "");
}

TEST(Findings, MeasurementsConvertBetweenUnitsOfOneKind) {
  EXPECT_DOUBLE_EQ(convertMeasurement(35, "permille", "percent").value_or(-1), 3.5);
  EXPECT_DOUBLE_EQ(convertMeasurement(0.6, "ratio", "percent").value_or(-1), 60.0);
  EXPECT_DOUBLE_EQ(convertMeasurement(1200, "mm", "m").value_or(-1), 1.2);
  EXPECT_DOUBLE_EQ(convertMeasurement(1.2, "mm", "mm").value_or(-1), 1.2);
  EXPECT_EQ(convertMeasurement(3, "mm", "percent"), std::nullopt);
  EXPECT_EQ(convertMeasurement(3, "year", "storey"), std::nullopt);
}

TEST(Findings, PhotosAreAskedOnlyForHazardAnswers) {
  ChecklistAnswers answers = soundHouse();
  EXPECT_TRUE(itemsNeedingPhotos(shipped(), answers).empty());
  answers["wall_cracks"] = true;
  answers["wall_crack_width"] = 0.4;
  EXPECT_THAT(ids(itemsNeedingPhotos(shipped(), answers)),
              ElementsAre("wall_cracks", "wall_crack_width"));
}

}  // namespace
}  // namespace anju
