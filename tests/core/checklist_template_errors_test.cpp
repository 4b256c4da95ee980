// A malformed checklist template is rejected with the exact line and column of the problem.
// Each snippet starts on line 1 of its raw string so the expected positions can be counted.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "anju/checklist.h"

namespace anju {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// Lines 1–7; items start on line 8, where "      - id: x" puts `id` at column 9.
constexpr std::string_view kHead = R"(id: t
version: 1
title: {zh: 测试, en: Test}
sections:
  - id: s
    title: {zh: 节, en: Section}
    items:
)";

std::string withItems(std::string_view items) { return std::string(kHead) + std::string(items); }

struct FirstError {
  std::string where;    // "t.yaml:line:column"
  std::string message;  // without the position
};

FirstError firstError(std::string_view yaml) {
  const Result<ChecklistTemplate> result = parseChecklistTemplate(yaml, "t.yaml");
  if (result.isOk()) return {"(parsed without error)", ""};
  const Status status = result.status();  // by value: Result::status() returns a copy
  const std::vector<FieldError>& errors = status.fieldErrors();
  if (errors.empty()) return {"(no positioned error)", status.toString()};
  return {errors.front().field, errors.front().message};
}

TEST(ChecklistTemplateErrors, MessageIsFileLineColumnThenWhatIsWrong) {
  const Result<ChecklistTemplate> result = parseChecklistTemplate(withItems(R"(      - id: q
        type: yes_no
        label: {zh: 问, en: Q}
      - id: wall_crack_width
        type: measurement
        label: {zh: 宽, en: Width}
)"),
                                                                  "self_built_house.v1.yaml");
  ASSERT_FALSE(result.isOk());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(result.status().message(),
            "self_built_house.v1.yaml:11:9: item 'wall_crack_width': a measurement needs a unit");
}

TEST(ChecklistTemplateErrors, YamlSyntaxErrorHasItsPosition) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: yes_no
        label: {zh: 问, en: [Q}
)"));
  EXPECT_THAT(e.where, StartsWith("t.yaml:10:"));
  EXPECT_THAT(e.message, HasSubstr("YAML syntax error"));
}

TEST(ChecklistTemplateErrors, BadIndentationIsASyntaxErrorOnItsLine) {
  const FirstError e = firstError("id: t\nversion: 1\n  title: x\n");
  EXPECT_THAT(e.where, StartsWith("t.yaml:3:"));
  EXPECT_THAT(e.message, HasSubstr("YAML syntax error"));
}

TEST(ChecklistTemplateErrors, ItemWithoutIdIsReportedAtTheItem) {
  const FirstError e = firstError(withItems(R"(      - type: yes_no
        label: {zh: 问, en: Q}
)"));
  EXPECT_EQ(e.where, "t.yaml:8:9");
  EXPECT_EQ(e.message, "item #1 of section 's': missing key 'id'");
}

TEST(ChecklistTemplateErrors, DuplicateItemIdPointsAtTheSecondAndNamesTheFirstLine) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: yes_no
        label: {zh: 问, en: Q}
      - id: q
        type: text
        label: {zh: 问, en: Q}
)"));
  EXPECT_EQ(e.where, "t.yaml:11:13");
  EXPECT_EQ(e.message, "item 'q': duplicate item id, first defined at line 8");
}

TEST(ChecklistTemplateErrors, UnknownItemTypeIsReportedAtTheType) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: yesno
        label: {zh: 问, en: Q}
)"));
  EXPECT_EQ(e.where, "t.yaml:9:15");
  EXPECT_THAT(e.message, HasSubstr("unknown type 'yesno'"));
}

TEST(ChecklistTemplateErrors, UnknownComponentCode) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: yes_no
        label: {zh: 问, en: Q}
        finding: {component: wall, hazard: wall_crack}
)"));
  EXPECT_EQ(e.where, "t.yaml:11:30");
  EXPECT_EQ(e.message, "item 'q': finding: unknown component code 'wall'");
}

TEST(ChecklistTemplateErrors, UnknownHazardCode) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: yes_no
        label: {zh: 问, en: Q}
        finding:
          component: load_bearing_wall
          hazard: crack
)"));
  EXPECT_EQ(e.where, "t.yaml:13:19");
  EXPECT_EQ(e.message, "item 'q': finding: unknown hazard code 'crack'");
}

TEST(ChecklistTemplateErrors, FindingOnlyOnYesNoOrChoiceItems) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: text
        label: {zh: 问, en: Q}
        finding: {component: roof, hazard: roof_leak}
)"));
  EXPECT_EQ(e.where, "t.yaml:11:9");
  EXPECT_THAT(e.message, HasSubstr("only yes_no and choice items can open a finding"));
}

TEST(ChecklistTemplateErrors, FindingMeasurementOnlyOnMeasurementItems) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: yes_no
        label: {zh: 问, en: Q}
        finding_measurement: width
)"));
  EXPECT_EQ(e.where, "t.yaml:11:9");
  EXPECT_THAT(e.message, HasSubstr("only for measurement and choice items"));
}

TEST(ChecklistTemplateErrors, ChoiceFindingMustNameTheOptionsThatOpenIt) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: choice
        label: {zh: 问, en: Q}
        options: [{id: a, label: {zh: 甲, en: A}}]
        finding: {component: roof, hazard: roof_leak}
)"));
  EXPECT_EQ(e.where, "t.yaml:12:18");  // a flow mapping starts at its brace
  EXPECT_THAT(e.message, HasSubstr("needs 'on'"));
}

TEST(ChecklistTemplateErrors, UnknownMeasurementUnitListsTheKnownOnes) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: measurement
        label: {zh: 宽, en: Width}
        unit: cm
)"));
  EXPECT_EQ(e.where, "t.yaml:11:15");
  EXPECT_THAT(e.message, HasSubstr("unknown unit 'cm' (known: mm, m,"));
}

TEST(ChecklistTemplateErrors, MinGreaterThanMax) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: measurement
        label: {zh: 宽, en: Width}
        unit: mm
        min: 10
        max: 5
)"));
  EXPECT_EQ(e.where, "t.yaml:12:14");
  EXPECT_EQ(e.message, "item 'q': min 10 is greater than max 5");
}

TEST(ChecklistTemplateErrors, RangeBoundMustBeANumber) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: measurement
        label: {zh: 宽, en: Width}
        unit: mm
        max: ten
)"));
  EXPECT_EQ(e.where, "t.yaml:12:14");
  EXPECT_EQ(e.message, "item 'q': 'max' must be a number");
}

TEST(ChecklistTemplateErrors, ChoiceWithoutOptions) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: choice
        label: {zh: 问, en: Q}
)"));
  EXPECT_EQ(e.where, "t.yaml:8:9");
  EXPECT_EQ(e.message, "item 'q': a choice needs options");
}

TEST(ChecklistTemplateErrors, DuplicateOptionIds) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: choice
        label: {zh: 问, en: Q}
        options:
          - {id: a, label: {zh: 甲, en: A}}
          - {id: a, label: {zh: 乙, en: B}}
)"));
  EXPECT_EQ(e.where, "t.yaml:13:18");
  EXPECT_EQ(e.message, "item 'q': option: duplicate option id 'a'");
}

TEST(ChecklistTemplateErrors, KeyOfAnotherItemTypeIsRejected) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: yes_no
        label: {zh: 问, en: Q}
        unit: mm
)"));
  EXPECT_EQ(e.where, "t.yaml:11:9");
  EXPECT_EQ(e.message, "item 'q': 'unit' is only for measurement and choice items");
}

constexpr std::string_view kCracksItem = R"(      - id: cracks
        type: yes_no
        label: {zh: 裂缝, en: Cracks}
)";

TEST(ChecklistTemplateErrors, ConditionOnUnknownItem) {
  const FirstError e = firstError(withItems(std::string(kCracksItem) + R"(      - id: width
        type: text
        label: {zh: 宽, en: Width}
        when: {item: crack, equals: true}
)"));
  EXPECT_EQ(e.where, "t.yaml:14:22");
  EXPECT_EQ(e.message, "item 'width': condition: refers to unknown item 'crack'");
}

TEST(ChecklistTemplateErrors, ConditionOnLaterItem) {
  const FirstError e = firstError(withItems(R"(      - id: width
        type: text
        label: {zh: 宽, en: Width}
        when: {item: cracks, equals: true}
)" + std::string(kCracksItem)));
  EXPECT_EQ(e.where, "t.yaml:11:22");
  EXPECT_THAT(e.message, HasSubstr("which comes later"));
}

TEST(ChecklistTemplateErrors, ConditionComparingYesNoWithANumber) {
  const FirstError e = firstError(withItems(std::string(kCracksItem) + R"(      - id: width
        type: text
        label: {zh: 宽, en: Width}
        when:
          item: cracks
          equals: 1
)"));
  EXPECT_EQ(e.where, "t.yaml:16:19");
  EXPECT_EQ(e.message,
            "item 'width': condition: item 'cracks' is yes_no; compare it with true or false");
}

TEST(ChecklistTemplateErrors, ConditionComparingMeasurementWithText) {
  const FirstError e = firstError(withItems(R"(      - id: storeys
        type: measurement
        label: {zh: 层数, en: Storeys}
        unit: storey
      - id: exits
        type: yes_no
        label: {zh: 出口, en: Exits}
        when: {item: storeys, gte: three}
)"));
  EXPECT_EQ(e.where, "t.yaml:15:36");
  EXPECT_THAT(e.message, HasSubstr("compare it with a number"));
}

TEST(ChecklistTemplateErrors, ConditionOnChoiceWithUnknownOption) {
  const FirstError e = firstError(withItems(R"(      - id: kind
        type: choice
        label: {zh: 类, en: Kind}
        options: [{id: a, label: {zh: 甲, en: A}}]
      - id: note
        type: text
        label: {zh: 注, en: Note}
        when: {item: kind, in: [a, b]}
)"));
  EXPECT_EQ(e.where, "t.yaml:15:36");
  EXPECT_EQ(e.message, "item 'note': condition: 'b' is not an option of 'kind'");
}

TEST(ChecklistTemplateErrors, ConditionNeedsAComparison) {
  const FirstError e = firstError(withItems(std::string(kCracksItem) + R"(      - id: width
        type: text
        label: {zh: 宽, en: Width}
        when: {item: cracks}
)"));
  EXPECT_EQ(e.where, "t.yaml:14:15");
  EXPECT_THAT(e.message, HasSubstr("a condition needs one of equals"));
}

TEST(ChecklistTemplateErrors, MissingEnglishLabel) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: yes_no
        label: {zh: 问}
)"));
  EXPECT_EQ(e.where, "t.yaml:10:16");
  EXPECT_EQ(e.message, "item 'q': label: missing the English text 'en'");
}

TEST(ChecklistTemplateErrors, BlankChineseLabel) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: yes_no
        label:
          zh: ""
          en: Question
)"));
  EXPECT_EQ(e.where, "t.yaml:11:15");
  EXPECT_EQ(e.message, "item 'q': label: 'zh' must be a non-empty text");
}

TEST(ChecklistTemplateErrors, MisspelledKeyIsRejectedWithASuggestion) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: yes_no
        label: {zh: 问, en: Q}
        requird: true
)"));
  EXPECT_EQ(e.where, "t.yaml:11:9");
  EXPECT_EQ(e.message, "item 'q': unknown key 'requird' (did you mean 'required'?)");
}

TEST(ChecklistTemplateErrors, RepeatedKeyIsRejected) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: yes_no
        label: {zh: 问, en: Q}
        type: text
)"));
  EXPECT_EQ(e.where, "t.yaml:11:9");
  EXPECT_EQ(e.message, "item 'q': duplicate key 'type'");
}

TEST(ChecklistTemplateErrors, BooleanMustBeTrueOrFalse) {
  const FirstError e = firstError(withItems(R"(      - id: q
        type: yes_no
        label: {zh: 问, en: Q}
        required: "yes"
)"));
  EXPECT_EQ(e.where, "t.yaml:11:19");
  EXPECT_EQ(e.message, "item 'q': 'required' must be true or false");
}

TEST(ChecklistTemplateErrors, VersionBelowOne) {
  const FirstError e = firstError("id: t\nversion: 0\ntitle: {zh: 测试, en: Test}\nsections: []\n");
  EXPECT_EQ(e.where, "t.yaml:2:10");
  EXPECT_EQ(e.message, "template: 'version' must be 1 or more");
}

TEST(ChecklistTemplateErrors, EmptyDocument) {
  const FirstError e = firstError("# nothing here\n");
  EXPECT_EQ(e.where, "t.yaml:1:1");
  EXPECT_EQ(e.message, "the template is empty");
}

TEST(ChecklistTemplateErrors, SecondYamlDocumentIsRejected) {
  const FirstError e = firstError(withItems(R"(      - {id: q, type: text, label: {zh: 问, en: Q}}
---
id: other
)"));
  EXPECT_THAT(e.where, StartsWith("t.yaml:10:"));
  EXPECT_THAT(e.message, HasSubstr("one template per file"));
}

// Regression (fuzz_checklist_template): yaml-cpp 0.7's LoadAll never returned on this text and
// grew without bound; the loader now reads at most two documents.
TEST(ChecklistTemplateErrors, DirectiveAfterContentEndsWithAnErrorNotAHang) {
  const Result<ChecklistTemplate> result = parseChecklistTemplate(",0type: boo%!", "t.yaml");
  ASSERT_FALSE(result.isOk());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  const Result<ChecklistTemplate> afterATemplate = parseChecklistTemplate(
      withItems("      - {id: q, type: text, label: {zh: 问, en: Q}}\n%!\n"), "t.yaml");
  // Returning at all is the point; what it returns is a template or a plain error.
  EXPECT_TRUE(afterATemplate.isOk() ||
              afterATemplate.status().code() == StatusCode::kInvalidArgument);
}

TEST(ChecklistTemplateErrors, InvalidUtf8IsReportedWhereItStarts) {
  const FirstError e = firstError("id: t\nversion: 1\ntitle: {zh: \xE6\xB5, en: Test}\n");
  EXPECT_EQ(e.where, "t.yaml:3:13");
  EXPECT_THAT(e.message, HasSubstr("not valid UTF-8"));
}

TEST(ChecklistTemplateErrors, ColumnCountsCharactersNotBytes) {
  // 38 characters (46 bytes: 墙体裂缝 takes 3 bytes a character) come before the key `fr`.
  const FirstError e = firstError(withItems(R"(      - id: q
        type: yes_no
        label: {zh: 墙体裂缝, en: Cracks, fr: Fissures}
)"));
  EXPECT_EQ(e.where, "t.yaml:10:39");
  EXPECT_THAT(e.message, HasSubstr("unknown key 'fr'"));
}

TEST(ChecklistTemplateErrors, EveryProblemIsReportedAtOnce) {
  const Result<ChecklistTemplate> result = parseChecklistTemplate(withItems(R"(      - id: q
        type: measurement
        label: {zh: 宽, en: Width}
      - id: r
        type: choice
        label: {zh: 类, en: Kind}
)"),
                                                                  "t.yaml");
  ASSERT_FALSE(result.isOk());
  ASSERT_EQ(result.status().fieldErrors().size(), 2u) << result.status().toString();
  EXPECT_EQ(result.status().fieldErrors()[1].field, "t.yaml:11:9");
  EXPECT_THAT(result.status().message(),
              HasSubstr("\nt.yaml:11:9: item 'r': a choice needs options"));
}

TEST(ChecklistTemplateErrors, FixtureFileErrorsNameTheFile) {
  const Result<ChecklistTemplate> result =
      loadChecklistTemplate(ANJU_TEST_DATA_DIR "/checklists/condition_on_text_item.yaml");
  ASSERT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(),
              StartsWith("condition_on_text_item.yaml:16:22: item 'follow_up': condition: item "
                         "'remarks' is text; conditions can only test"));
}

TEST(ChecklistTemplateErrors, MissingFileIsNotFound) {
  const Result<ChecklistTemplate> result =
      loadChecklistTemplate(ANJU_TEST_DATA_DIR "/checklists/no_such_template.yaml");
  EXPECT_EQ(result.status().code(), StatusCode::kNotFound);
}

TEST(ChecklistTemplateErrors, DirectoryIsAnIoError) {
  const Result<ChecklistTemplate> result = loadChecklistTemplate(ANJU_TEST_DATA_DIR "/checklists");
  EXPECT_EQ(result.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace anju
