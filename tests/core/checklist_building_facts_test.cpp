// What a checklist answer gives the grading besides itself: a choice's number for its finding
// (裂缝数量 多条 -> count 2) and the building facts the inspector answered (building_field), and
// the template keys behind them.
#include <gtest/gtest.h>

#include "anju/checklist.h"
#include "anju/data_dir.h"
#include "anju/enum_codes.h"
#include "anju/grading.h"
#include "checklist_test_support.h"

namespace anju {
namespace {

const ChecklistTemplate& v2() { return testing::shippedChecklist(2); }

Building house() {
  Building b;
  b.id = "3f1c2a4e-0b6d-4c8e-9a1f-5d7e8b9c0a12";
  b.yearBuilt = 1995;
  b.storeysAbove = 2;
  b.structure = StructureType::kBrickConcrete;
  b.design = DesignStatus::kLicensedDesign;
  b.use = BuildingUse::kRented;
  return b;
}

TEST(ChecklistBuildingFacts, SeveralCracksGiveTheFindingACountOfTwo) {
  const ChecklistItem* count = v2().findItem("wall_crack_count");
  ASSERT_NE(count, nullptr);
  EXPECT_EQ(count->findingMeasurement, "count");
  EXPECT_EQ(findingMeasurementValue(*count, std::string("several")), 2.0);
  EXPECT_EQ(findingMeasurementValue(*count, std::string("single")), 1.0);
  const ChecklistItem* width = v2().findItem("wall_crack_width");
  EXPECT_EQ(findingMeasurementValue(*width, 1.5), 1.5);
  EXPECT_FALSE(findingMeasurementValue(*v2().findItem("wall_cracks"), true));
}

TEST(ChecklistBuildingFacts, AnswersReplaceTheHouseRecordForGrading) {
  ChecklistAnswers answers = {{"storeys_above", 4.0},
                              {"design_status", std::string("no_formal_design")},
                              {"structure_type", std::string("brick_timber")},
                              {"altered", true},
                              {"added_storey", true},
                              {"extension", false}};
  const Building b = buildingAsInspected(v2(), house(), answers);
  EXPECT_EQ(b.storeysAbove, 4);
  EXPECT_EQ(b.design, DesignStatus::kNoFormalDesign);
  EXPECT_EQ(b.structure, StructureType::kBrickTimber);
  EXPECT_EQ(b.alterations, std::vector<Alteration>{Alteration::kAddedStorey});
  EXPECT_EQ(b.yearBuilt, 1995);  // not answered: the house record's value
}

TEST(ChecklistBuildingFacts, NotAlteredClearsAlterationsOfTheHouseRecord) {
  Building recorded = house();
  recorded.alterations = {Alteration::kExtension};
  const Building b = buildingAsInspected(v2(), recorded, {{"altered", false}});
  EXPECT_TRUE(b.alterations.empty());
  // Unanswered: the record stands.
  EXPECT_EQ(buildingAsInspected(v2(), recorded, {}).alterations, recorded.alterations);
}

TEST(ChecklistBuildingFacts, AnsweredDesignAndAlterationReachTheBuildingRule) {
  auto rules = loadPreliminaryRules(anju::shippedDataDir() + "/rules/preliminary_judgment.v1.yaml");
  ASSERT_TRUE(rules.isOk()) << rules.status().toString();
  Inspection in;
  in.answers = {{"design_status", std::string("no_formal_design")},
                {"altered", true},
                {"added_storey", true}};
  // The house record knows of no alteration and a licensed design; the inspector saw otherwise.
  gradeInspection(in, house(), v2(), *rules);
  EXPECT_EQ(in.computedJudgment, PreliminaryJudgment::kSome);
  Inspection unlinked = in;
  gradeInspection(unlinked, house(), *rules);
  EXPECT_EQ(unlinked.computedJudgment, PreliminaryJudgment::kNoneFound);
}

TEST(ChecklistBuildingFacts, NewInspectionStartsFromTheKnownFacts) {
  const ChecklistAnswers a = answersFromBuilding(v2(), house());
  EXPECT_EQ(std::get<double>(a.at("year_built")), 1995.0);
  EXPECT_EQ(std::get<double>(a.at("storeys_above")), 2.0);
  EXPECT_EQ(std::get<std::string>(a.at("structure_type")), "brick_concrete");
  EXPECT_EQ(std::get<std::string>(a.at("design_status")), "licensed_design");
  EXPECT_EQ(std::get<std::string>(a.at("building_use")), "rented");
  EXPECT_EQ(a.count("added_storey"), 0u);  // alterations are looked at, not assumed
  EXPECT_TRUE(validateAnswers(v2(), a, /*forSubmit=*/false).isOk());
  Building unknown = house();
  unknown.yearBuilt.reset();
  unknown.design = DesignStatus::kUnknown;
  const ChecklistAnswers b = answersFromBuilding(v2(), unknown);
  EXPECT_EQ(b.count("year_built"), 0u);
  EXPECT_EQ(b.count("design_status"), 0u);
}

TEST(ChecklistNoHazard, SectionAllNormalAnswersOnlyUnansweredHazardQuestions) {
  const ChecklistSection* foundation = v2().findSection("foundation");
  ASSERT_NE(foundation, nullptr);
  const ChecklistAnswers a = noHazardAnswers(v2(), *foundation, {});
  EXPECT_EQ(a, (ChecklistAnswers{{"foundation_settlement", false}, {"building_tilt", false}}));
  // An answer given is kept; follow-up questions of a "no" never open.
  const ChecklistAnswers b = noHazardAnswers(v2(), *foundation, {{"building_tilt", true}});
  EXPECT_EQ(b, (ChecklistAnswers{{"foundation_settlement", false}}));

  // 改扩建: 'altered' asks no hazard and stays the inspector's; once it is yes, the question whose
  // finding opens on "no" (licensed design) gets yes, the alteration facts are left alone.
  const ChecklistSection* alterations = v2().findSection("alterations");
  EXPECT_TRUE(noHazardAnswers(v2(), *alterations, {}).empty());
  const ChecklistAnswers c = noHazardAnswers(v2(), *alterations, {{"altered", true}});
  EXPECT_EQ(c, (ChecklistAnswers{{"alteration_licensed_design", true}}));
}

std::string firstError(const std::string& items) {
  const std::string yaml =
      "id: t\nversion: 1\ntitle: {zh: 表, en: T}\nsections:\n  - id: s\n    title: {zh: 节, en: "
      "S}\n    items:\n" +
      items;
  auto t = parseChecklistTemplate(yaml, "t.yaml");
  return t.isOk() ? std::string() : t.status().message();
}

TEST(ChecklistBuildingFacts, TemplateKeysAreChecked) {
  EXPECT_NE(firstError("      - id: q\n        type: choice\n        label: {zh: 问, en: Q}\n"
                       "        finding_measurement: count\n        unit: count\n        options:\n"
                       "          - {id: a, label: {zh: 甲, en: A}, value: 1}\n"
                       "          - {id: b, label: {zh: 乙, en: B}}\n")
                .find("option 'b' needs a 'value'"),
            std::string::npos);
  EXPECT_NE(firstError("      - id: q\n        type: choice\n        label: {zh: 问, en: Q}\n"
                       "        options:\n          - {id: a, label: {zh: 甲, en: A}, value: 1}\n")
                .find("'value' is only for a choice with finding_measurement"),
            std::string::npos);
  EXPECT_NE(firstError("      - id: q\n        type: choice\n        label: {zh: 问, en: Q}\n"
                       "        building_field: structure\n        options:\n"
                       "          - {id: mud, label: {zh: 泥, en: mud}}\n")
                .find("option 'mud' is not a code of building field 'structure'"),
            std::string::npos);
  EXPECT_NE(firstError("      - id: q\n        type: yes_no\n        label: {zh: 问, en: Q}\n"
                       "        building_field: storeys_above\n")
                .find("building field 'storeys_above' is asked by a measurement item"),
            std::string::npos);
  EXPECT_NE(firstError("      - id: q\n        type: yes_no\n        label: {zh: 问, en: Q}\n"
                       "        building_field: colour\n")
                .find("unknown building field 'colour'"),
            std::string::npos);
}

}  // namespace
}  // namespace anju
