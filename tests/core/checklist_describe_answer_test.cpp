// An answer in words, as a person reads a past answer: beside a re-inspection's question on the
// tablet and on the review console's house page.
#include <gtest/gtest.h>

#include "anju/checklist.h"
#include "checklist_test_support.h"

namespace anju {
namespace {

const ChecklistTemplate& v2() { return testing::shippedChecklist(2); }

const ChecklistItem& item(std::string_view id) {
  const ChecklistItem* found = v2().findItem(id);
  EXPECT_NE(found, nullptr) << id;
  static const ChecklistItem kNone;
  return found ? *found : kNone;
}

TEST(DescribeAnswer, YesNoReadsAsYesOrNo) {
  EXPECT_EQ(describeAnswer(item("wall_cracks"), true), (LocalizedText{"是", "Yes"}));
  EXPECT_EQ(describeAnswer(item("wall_cracks"), false), (LocalizedText{"否", "No"}));
}

TEST(DescribeAnswer, ChoiceReadsAsTheOptionsLabel) {
  EXPECT_EQ(describeAnswer(item("wall_crack_count"), std::string("several")).zh, "多条");
  EXPECT_EQ(describeAnswer(item("wall_crack_direction"), std::string("vertical")),
            (LocalizedText{"竖向", "vertical"}));
  // An option the checklist does not (or no longer) offers is shown as stored.
  EXPECT_EQ(describeAnswer(item("wall_crack_direction"), std::string("spiral")).zh, "spiral");
}

TEST(DescribeAnswer, MeasurementCarriesItsUnitAndNoTrailingZeros) {
  EXPECT_EQ(describeAnswer(item("wall_crack_width"), 1.5), (LocalizedText{"1.5 毫米", "1.5 mm"}));
  EXPECT_EQ(describeAnswer(item("wall_crack_width"), 2.0).zh, "2 毫米");
  EXPECT_EQ(describeAnswer(item("wall_crack_width"), 0.15).en, "0.15 mm");
}

TEST(DescribeAnswer, PhotoAndTextAnswers) {
  EXPECT_EQ(
      describeAnswer(item("front_photo"), std::string("3f1c2a4e-0b6d-4c8e-9a1f-5d7e8b9c0a12")),
      (LocalizedText{"照片", "Photo"}));
  ChecklistItem note;
  note.type = ItemType::kText;
  EXPECT_EQ(describeAnswer(note, std::string("北墙抹灰脱落")).zh, "北墙抹灰脱落");
}

}  // namespace
}  // namespace anju
