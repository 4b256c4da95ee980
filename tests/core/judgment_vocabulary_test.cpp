// The judgment vocabulary chosen per deployment in the rule file (grading.h JudgmentVocabulary):
// the shipped file's choice, another choice changing the words label() gives while the codes
// stay, and a name the file does not define refused at load with its line.
#include <gtest/gtest.h>

#include "anju/enum_codes.h"
#include "anju/grading.h"
#include "anju/message.h"
#include "rule_file_test_support.h"

namespace anju {
namespace {

using testing_support::lineOf;
using testing_support::readFile;
using testing_support::replaced;
using testing_support::shippedRulePath;
using testing_support::TempDir;

const std::string kRulesFile = "preliminary_judgment.v1.yaml";

/// Puts the built-in words back, so no other test in this process sees a changed label.
class JudgmentVocabularyTest : public ::testing::Test {
 protected:
  void TearDown() override {
    Result<PreliminaryRules> shipped = loadPreliminaryRules(shippedRulePath(kRulesFile));
    ASSERT_TRUE(shipped.isOk());
    applyJudgmentVocabulary(shipped->vocabulary);
  }
};

TEST_F(JudgmentVocabularyTest, ShippedFileChoosesTheThreeTierWords) {
  Result<PreliminaryRules> rules = loadPreliminaryRules(shippedRulePath(kRulesFile));
  ASSERT_TRUE(rules.isOk()) << rules.status().toString();
  EXPECT_EQ(rules->vocabulary.name, "three_tier");
  EXPECT_EQ(rules->vocabulary.of(PreliminaryJudgment::kNoneFound).zh, "未发现安全隐患");
  EXPECT_EQ(rules->vocabulary.of(PreliminaryJudgment::kSome).zh, "存在一定安全隐患");
  EXPECT_EQ(rules->vocabulary.of(PreliminaryJudgment::kSerious).zh, "存在严重安全隐患");
}

TEST_F(JudgmentVocabularyTest, CollapseRiskChoiceChangesTheWordsNotTheCodes) {
  TempDir dir;
  const std::string path =
      dir.write("collapse.yaml", replaced(readFile(shippedRulePath(kRulesFile)),
                                          "vocabulary: three_tier", "vocabulary: collapse_risk"));
  Result<PreliminaryRules> rules = loadPreliminaryRules(path);
  ASSERT_TRUE(rules.isOk()) << rules.status().toString();
  applyJudgmentVocabulary(rules->vocabulary);
  EXPECT_EQ(label(PreliminaryJudgment::kSerious).zh, "存在倒塌风险");
  EXPECT_EQ(label(PreliminaryJudgment::kSome).zh, "存在一般安全隐患");
  EXPECT_EQ(label(PreliminaryJudgment::kSerious).en, "collapse risk");
  EXPECT_EQ(label(PreliminaryJudgment::kSerious).code, "serious");
  EXPECT_EQ(parsePreliminaryJudgment("serious"), PreliminaryJudgment::kSerious);
}

TEST_F(JudgmentVocabularyTest, UnknownVocabularyNameIsRefusedAtLoadWithItsLine) {
  TempDir dir;
  const std::string text = replaced(readFile(shippedRulePath(kRulesFile)), "vocabulary: three_tier",
                                    "vocabulary: collapse");
  const std::string path = dir.write("bad.yaml", text);
  Result<PreliminaryRules> rules = loadPreliminaryRules(path);
  ASSERT_FALSE(rules.isOk());
  EXPECT_EQ(rules.status().code(), StatusCode::kInvalidArgument);
  const std::string zh = rules.status().toString();
  EXPECT_NE(zh.find(":" + std::to_string(lineOf(text, "vocabulary: collapse")) + ":"),
            std::string::npos)
      << zh;
  EXPECT_NE(zh.find("'collapse'"), std::string::npos) << zh;
  EXPECT_NE(zh.find("three_tier, collapse_risk"), std::string::npos) << zh;
}

TEST_F(JudgmentVocabularyTest, VocabularyMissingAJudgmentIsRefused) {
  TempDir dir;
  const std::string path = dir.write(
      "partial.yaml", replaced(readFile(shippedRulePath(kRulesFile)),
                               "    serious: {zh: 存在倒塌风险, en: collapse risk}\n", ""));
  Result<PreliminaryRules> rules = loadPreliminaryRules(path);
  ASSERT_FALSE(rules.isOk());
  EXPECT_NE(rules.status().toString().find("serious"), std::string::npos)
      << rules.status().toString();
}

TEST_F(JudgmentVocabularyTest, FileWithoutAChoiceKeepsTheBuiltInWords) {
  TempDir dir;
  std::string text = readFile(shippedRulePath(kRulesFile));
  const std::size_t from = text.find("vocabulary: three_tier");
  const std::size_t to = text.find("finding_rules:");
  ASSERT_NE(from, std::string::npos);
  text.erase(from, to - from);
  Result<PreliminaryRules> rules = loadPreliminaryRules(dir.write("none.yaml", text));
  ASSERT_TRUE(rules.isOk()) << rules.status().toString();
  EXPECT_TRUE(rules->vocabulary.name.empty());
  EXPECT_EQ(rules->vocabulary.of(PreliminaryJudgment::kSerious).zh, "存在严重安全隐患");
}

}  // namespace
}  // namespace anju
