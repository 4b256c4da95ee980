#include "anju/jgj125.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/message_test_support.h"
#include "core/rule_file_test_support.h"

namespace anju {
namespace {

using testing_support::lineOf;
using testing_support::readFile;
using testing_support::replaced;
using testing_support::shippedRulePath;
using testing_support::TempDir;

const std::string kRulesFile = "jgj125_2016.v1.yaml";

Jgj125Rules shippedRules() {
  Result<Jgj125Rules> rules = loadJgj125Rules(shippedRulePath(kRulesFile));
  EXPECT_TRUE(rules.isOk()) << rules.status().toString();
  return rules.isOk() ? *rules : Jgj125Rules{};
}

Jgj125Survey workedExample() {
  Result<Jgj125Survey> survey =
      loadJgj125Survey(std::string(ANJU_TEST_DATA_DIR) + "/jgj125_worked_example.yaml");
  EXPECT_TRUE(survey.isOk()) << survey.status().toString();
  return survey.isOk() ? *survey : Jgj125Survey{};
}

/// Foundation of `foundationTotal` members (`foundationDangerous` dangerous) and one floor per
/// entry of `slabs`: {total, dangerous} slabs only, so each floor's ratio is plain arithmetic.
Jgj125Survey slabSurvey(MemberCount foundation, std::vector<MemberCount> slabs) {
  Jgj125Survey s;
  s.foundation = foundation;
  int n = 0;
  for (const MemberCount& c : slabs) {
    FloorSurvey f;
    f.label = std::to_string(++n) + "层";
    f.members[MemberType::kSlab] = c;
    s.floors.push_back(f);
  }
  return s;
}

TEST(Jgj125Rules, ShippedFileLoadsWithEveryWeight) {
  Jgj125Rules rules = shippedRules();
  EXPECT_EQ(rules.version, 1);
  EXPECT_DOUBLE_EQ(rules.foundationWeight.weight, 3.5);
  EXPECT_EQ(rules.weights.size(), static_cast<std::size_t>(kMemberTypeCount));
  EXPECT_DOUBLE_EQ(rules.weights.at(MemberType::kLoadBearingWall).weight, 2.7);
  EXPECT_DOUBLE_EQ(rules.weights.at(MemberType::kEdgeBeam).weight, 1.4);
  // The [U] weights are marked so, the corroborated ones are not.
  EXPECT_EQ(rules.weights.at(MemberType::kMiddleColumn).status, RuleStatus::kUnverified);
  EXPECT_EQ(rules.weights.at(MemberType::kCornerColumn).status, RuleStatus::kUnverified);
  EXPECT_EQ(rules.weights.at(MemberType::kRoofTruss).status, RuleStatus::kUnverified);
  EXPECT_EQ(rules.weights.at(MemberType::kEnvelope).status, RuleStatus::kUnverified);
  EXPECT_EQ(rules.weights.at(MemberType::kMiddleBeam).status, RuleStatus::kCorroborated);
}

TEST(Jgj125Grading, WorkedExampleFloorIsBuAt1Point1Percent) {
  // REFERENCE.md §2.2: 43 walls, 7 middle beams, 14 edge beams, 5 secondary beams, 51
  // self-bearing walls, 39 slabs, 1 dangerous wall: 2.7 / 244 = 1.1 % → Bu.
  Jgj125Survey survey = workedExample();
  Result<Jgj125Assessment> a = assessJgj125(survey, shippedRules());
  ASSERT_TRUE(a.isOk()) << a.status().toString();
  const FloorAssessment& first = a->floors.at(0);
  EXPECT_NEAR(first.weightedTotal, 244.0, 1e-9);
  EXPECT_NEAR(first.weightedDangerous, 2.7, 1e-12);
  EXPECT_NEAR(first.ratio * 100, 1.1, 0.05);
  EXPECT_EQ(first.grade, FloorGrade::kBu);
  for (const FloorAssessment& f : a->floors) EXPECT_EQ(f.grade, FloorGrade::kBu) << f.label;
  EXPECT_EQ(a->foundationFloor.grade, FloorGrade::kAu);
  EXPECT_DOUBLE_EQ(a->foundationFloor.ratio, 0.0);
}

TEST(Jgj125Grading, WorkedExampleBuildingIsBAt0Point8Percent) {
  // 4 dangerous walls (10.8 weighted) ÷ 1324.3 = 0.8 %, no Du floor → B (6.3.6).
  Result<Jgj125Assessment> a = assessJgj125(workedExample(), shippedRules());
  ASSERT_TRUE(a.isOk()) << a.status().toString();
  EXPECT_NEAR(a->weightedTotal, 1324.3, 1e-9);
  EXPECT_NEAR(a->weightedDangerous, 10.8, 1e-9);
  EXPECT_NEAR(a->ratio * 100, 0.8, 0.05);
  EXPECT_EQ(a->duFloors, 0);
  EXPECT_EQ(a->floorsCounted, 5);
  EXPECT_EQ(a->grade, AppraisalGrade::kB);
  EXPECT_EQ(a->decidingRowId, "r-below-5");
  EXPECT_EQ(a->decidingRowStatus, RuleStatus::kCorroborated);
  const std::string zh = a->explanation.renderZh();
  EXPECT_NE(zh.find("B级"), std::string::npos) << zh;
  EXPECT_NE(zh.find("10.8 / 1324.3"), std::string::npos) << zh;
  EXPECT_NE(zh.find("2.7 / 244"), std::string::npos) << zh;
  EXPECT_NE(a->explanation.renderEn().find("rule r-below-5"), std::string::npos);
}

TEST(Jgj125Grading, FloorRatioOfExactlyFivePercentIsCu) {
  Result<Jgj125Assessment> a = assessJgj125(slabSurvey({10, 0}, {{20, 1}}), shippedRules());
  ASSERT_TRUE(a.isOk()) << a.status().toString();
  EXPECT_EQ(a->floors[0].grade, FloorGrade::kCu);
}

TEST(Jgj125Grading, WeightedRatioOfExactlyFivePercentIsCu) {
  // 1 of 20 load-bearing walls: 2.7 / 54, which is 5 % only up to binary rounding.
  Jgj125Survey s = slabSurvey({10, 0}, {});
  FloorSurvey f;
  f.label = "1层";
  f.members[MemberType::kLoadBearingWall] = {20, 1};
  s.floors.push_back(f);
  Result<Jgj125Assessment> a = assessJgj125(s, shippedRules());
  ASSERT_TRUE(a.isOk()) << a.status().toString();
  EXPECT_EQ(a->floors[0].grade, FloorGrade::kCu);
}

TEST(Jgj125Grading, FloorRatioJustBelowFivePercentIsBu) {
  Result<Jgj125Assessment> a = assessJgj125(slabSurvey({10, 0}, {{400, 19}}), shippedRules());
  ASSERT_TRUE(a.isOk()) << a.status().toString();
  EXPECT_EQ(a->floors[0].grade, FloorGrade::kBu);
}

TEST(Jgj125Grading, FloorRatioOfExactlyTwentyFivePercentIsDu) {
  Result<Jgj125Assessment> a = assessJgj125(slabSurvey({10, 0}, {{20, 5}}), shippedRules());
  ASSERT_TRUE(a.isOk()) << a.status().toString();
  EXPECT_EQ(a->floors[0].grade, FloorGrade::kDu);
}

TEST(Jgj125Grading, FoundationFloorUsesTheSameThresholds) {
  Result<Jgj125Assessment> a = assessJgj125(slabSurvey({20, 1}, {{100, 0}}), shippedRules());
  ASSERT_TRUE(a.isOk()) << a.status().toString();
  EXPECT_DOUBLE_EQ(a->foundationFloor.ratio, 0.05);
  EXPECT_EQ(a->foundationFloor.grade, FloorGrade::kCu);
}

TEST(Jgj125Grading, NoDangerousMemberIsA) {
  Result<Jgj125Assessment> a = assessJgj125(slabSurvey({10, 0}, {{20, 0}}), shippedRules());
  ASSERT_TRUE(a.isOk()) << a.status().toString();
  EXPECT_EQ(a->grade, AppraisalGrade::kA);
  EXPECT_EQ(a->decidingRowId, "r-zero");
}

TEST(Jgj125Grading, BuildingRatioOfExactlyFivePercentIsC) {
  // (3.5·1 + 1) / (3.5·20 + 20) = 4.5 / 90 = 5 %, floors Cu, none Du.
  Result<Jgj125Assessment> a = assessJgj125(slabSurvey({20, 1}, {{20, 1}}), shippedRules());
  ASSERT_TRUE(a.isOk()) << a.status().toString();
  EXPECT_NEAR(a->ratio, 0.05, 1e-12);
  EXPECT_EQ(a->grade, AppraisalGrade::kC);
  EXPECT_EQ(a->decidingRowId, "r-5-to-25");
}

TEST(Jgj125Grading, DangerousFoundationSoilIsDAndSaysUnverified) {
  Jgj125Survey s = slabSurvey({10, 0}, {{20, 0}});
  s.foundationSoilDangerous = true;
  Result<Jgj125Assessment> a = assessJgj125(s, shippedRules());
  ASSERT_TRUE(a.isOk()) << a.status().toString();
  EXPECT_EQ(a->grade, AppraisalGrade::kD);
  EXPECT_EQ(a->decidingRowStatus, RuleStatus::kUnverified);
  EXPECT_NE(a->explanation.renderEn().find("[unverified]"), std::string::npos);
  EXPECT_NE(a->explanation.summary.zh.find("未核实"), std::string::npos);
}

TEST(Jgj125Grading, DuFloorsUpToAThirdAreCAndMoreAreD) {
  // Foundation floor + 2 floors = 3 counted. One Du floor: share 1/3 → C.
  Result<Jgj125Assessment> one =
      assessJgj125(slabSurvey({100, 0}, {{100, 30}, {1000, 0}}), shippedRules());
  ASSERT_TRUE(one.isOk()) << one.status().toString();
  EXPECT_EQ(one->duFloors, 1);
  EXPECT_LT(one->ratio, 0.25);
  EXPECT_EQ(one->grade, AppraisalGrade::kC);
  EXPECT_EQ(one->decidingRowId, "du-floors-up-to-third");
  // Two Du floors of three: more than 1/3 → D.
  Result<Jgj125Assessment> two =
      assessJgj125(slabSurvey({100, 0}, {{100, 30}, {100, 30}}), shippedRules());
  ASSERT_TRUE(two.isOk()) << two.status().toString();
  EXPECT_EQ(two->duFloors, 2);
  EXPECT_EQ(two->grade, AppraisalGrade::kD);
  EXPECT_EQ(two->decidingRowId, "du-floors-over-third");
}

TEST(Jgj125Grading, EditedRulesFileChangesTheGradeWithoutRecompiling) {
  const std::string shipped = readFile(shippedRulePath(kRulesFile));
  std::string edited = replaced(shipped, "cu_from_percent: 5", "cu_from_percent: 1");
  edited = replaced(edited, "r_below_percent: 5, du_floors_max: 0",
                    "r_below_percent: 0.5, du_floors_max: 0");
  edited = replaced(edited, "r_min_percent: 5, r_below_percent: 25",
                    "r_min_percent: 0.5, r_below_percent: 25");
  TempDir dir;
  Result<Jgj125Rules> rules = loadJgj125Rules(dir.write("jgj125_edited.yaml", edited));
  ASSERT_TRUE(rules.isOk()) << rules.status().toString();

  Result<Jgj125Assessment> a = assessJgj125(workedExample(), *rules);
  ASSERT_TRUE(a.isOk()) << a.status().toString();
  EXPECT_EQ(a->floors[0].grade, FloorGrade::kCu);  // 1.1 % is now past the Cu threshold
  EXPECT_EQ(a->grade, AppraisalGrade::kC);         // 0.8 % is now in the C band
  EXPECT_EQ(a->decidingRowId, "r-5-to-25");
}

TEST(Jgj125Grading, RuleTableWithNoMatchingRowIsAnError) {
  const std::string shipped = readFile(shippedRulePath(kRulesFile));
  // Drop every row but the soil one: a safe building then matches nothing.
  const std::size_t cut = shipped.find("  - id: r-at-least-25");
  ASSERT_NE(cut, std::string::npos);
  Result<Jgj125Rules> rules = parseJgj125Rules(shipped.substr(0, cut), "partial.yaml");
  ASSERT_TRUE(rules.isOk()) << rules.status().toString();
  Result<Jgj125Assessment> a = assessJgj125(slabSurvey({10, 0}, {{20, 0}}), *rules);
  ASSERT_FALSE(a.isOk());
  EXPECT_NE(wordsOf(a.status()).find("incomplete"), std::string::npos);
}

TEST(Jgj125Grading, InconsistentSurveyIsRejected) {
  EXPECT_FALSE(assessJgj125(slabSurvey({10, 0}, {}), shippedRules()).isOk());
  EXPECT_FALSE(assessJgj125(slabSurvey({10, 0}, {{5, 6}}), shippedRules()).isOk());
  EXPECT_FALSE(assessJgj125(slabSurvey({0, 0}, {{5, 0}}), shippedRules()).isOk());
  EXPECT_FALSE(assessJgj125(slabSurvey({10, 0}, {{0, 0}}), shippedRules()).isOk());
}

TEST(Jgj125RuleFile, UnknownMemberTypeNamesItsLine) {
  const std::string shipped = readFile(shippedRulePath(kRulesFile));
  const std::string edited = replaced(shipped, "  slab: {weight", "  slabs: {weight");
  Result<Jgj125Rules> rules = parseJgj125Rules(edited, "edited.yaml");
  ASSERT_FALSE(rules.isOk());
  EXPECT_EQ(rules.status().code(), StatusCode::kInvalidArgument);
  const std::string expected = "edited.yaml:" + std::to_string(lineOf(edited, "  slabs:")) + ":";
  EXPECT_EQ(wordsOf(rules.status()).rfind(expected, 0), 0u) << wordsOf(rules.status());
  EXPECT_NE(wordsOf(rules.status()).find("slabs"), std::string::npos);
}

TEST(Jgj125RuleFile, YamlSyntaxErrorNamesItsLine) {
  const std::string shipped = readFile(shippedRulePath(kRulesFile));
  const std::string edited =
      replaced(shipped, "when: {r_min_percent: 25}", "when: {r_min_percent: 25");
  Result<Jgj125Rules> rules = parseJgj125Rules(edited, "broken.yaml");
  ASSERT_FALSE(rules.isOk());
  const int line = lineOf(edited, "when: {r_min_percent: 25");
  // yaml-cpp notices the unclosed brace on the row or the line after it.
  const std::string msg = wordsOf(rules.status());
  const bool located = msg.rfind("broken.yaml:" + std::to_string(line) + ":", 0) == 0 ||
                       msg.rfind("broken.yaml:" + std::to_string(line + 1) + ":", 0) == 0;
  EXPECT_TRUE(located) << msg << " (expected line " << line << ")";
}

TEST(Jgj125RuleFile, BadValuesAreRejectedWithTheirLine) {
  const std::string shipped = readFile(shippedRulePath(kRulesFile));
  struct Case {
    std::string from, to, lineMarker, mentions;
  };
  const std::vector<Case> cases = {
      {"edge_beam: {weight: 1.4", "edge_beam: {weight: -1.4", "edge_beam: {weight: -1.4", "weight"},
      {"edge_beam: {weight: 1.4", "edge_beam: {weight: abc", "edge_beam: {weight: abc", "abc"},
      {"    grade: B\n", "    grade: E\n", "    grade: E", "'E'"},
      {"du_from_percent: 25", "du_from_percent: 4", "du_from_percent: 4", "du_from_percent"},
      {"    status: corroborated\n", "    status: maybe\n", "    status: maybe", "maybe"},
      {"    when: {r_min_percent: 25}", "    when: {r_min_percnt: 25}", "r_min_percnt",
       "r_min_percnt"},
  };
  for (const Case& c : cases) {
    const std::string edited = replaced(shipped, c.from, c.to);
    Result<Jgj125Rules> rules = parseJgj125Rules(edited, "bad.yaml");
    ASSERT_FALSE(rules.isOk()) << c.to;
    const std::string msg = wordsOf(rules.status());
    EXPECT_EQ(msg.rfind("bad.yaml:" + std::to_string(lineOf(edited, c.lineMarker)) + ":", 0), 0u)
        << msg;
    EXPECT_NE(msg.find(c.mentions), std::string::npos) << msg;
  }
}

TEST(Jgj125RuleFile, MissingWeightIsAnError) {
  const std::string shipped = readFile(shippedRulePath(kRulesFile));
  const std::size_t at = shipped.find("  envelope: {weight");
  ASSERT_NE(at, std::string::npos);
  std::string edited = shipped;
  edited.erase(at, shipped.find('\n', at) - at + 1);
  Result<Jgj125Rules> rules = parseJgj125Rules(edited, "bad.yaml");
  ASSERT_FALSE(rules.isOk());
  EXPECT_NE(wordsOf(rules.status()).find("envelope"), std::string::npos);
}

TEST(Jgj125RuleFile, MissingFileIsAnIoError) {
  Result<Jgj125Rules> rules = loadJgj125Rules("/nonexistent/jgj125.yaml");
  ASSERT_FALSE(rules.isOk());
  EXPECT_EQ(rules.status().code(), StatusCode::kIoError);
}

TEST(Jgj125SurveyFile, MoreDangerousThanTotalNamesItsLine) {
  const std::string text =
      "schema: anju.jgj125_survey\n"
      "version: 1\n"
      "foundation_soil_dangerous: false\n"
      "foundation: {total: 10}\n"
      "floors:\n"
      "  - label: 1层\n"
      "    members:\n"
      "      slab: {total: 3, dangerous: 4}\n";
  Result<Jgj125Survey> survey = parseJgj125Survey(text, "survey.yaml");
  ASSERT_FALSE(survey.isOk());
  EXPECT_EQ(wordsOf(survey.status()).rfind("survey.yaml:8:", 0), 0u) << wordsOf(survey.status());
}

TEST(Jgj125SurveyFile, BareNumberMeansNoDangerousMember) {
  const std::string text =
      "schema: anju.jgj125_survey\n"
      "version: 1\n"
      "foundation_soil_dangerous: true\n"
      "foundation: 12\n"
      "floors:\n"
      "  - label: 地下1层\n"
      "    basement: true\n"
      "    members: {middle_column: 8, slab: {total: 6, dangerous: 1}}\n";
  Result<Jgj125Survey> survey = parseJgj125Survey(text, "survey.yaml");
  ASSERT_TRUE(survey.isOk()) << survey.status().toString();
  EXPECT_TRUE(survey->foundationSoilDangerous);
  EXPECT_EQ(survey->foundation, (MemberCount{12, 0}));
  ASSERT_EQ(survey->floors.size(), 1u);
  EXPECT_TRUE(survey->floors[0].basement);
  EXPECT_EQ(survey->floors[0].members.at(MemberType::kMiddleColumn), (MemberCount{8, 0}));
  EXPECT_EQ(survey->floors[0].members.at(MemberType::kSlab), (MemberCount{6, 1}));
}

}  // namespace
}  // namespace anju
