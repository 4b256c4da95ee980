#include "anju/grading.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/rule_file_test_support.h"

namespace anju {
namespace {

using testing_support::lineOf;
using testing_support::readFile;
using testing_support::replaced;
using testing_support::shippedRulePath;
using testing_support::TempDir;

const std::string kRulesFile = "preliminary_judgment.v1.yaml";

PreliminaryRules shippedRules() {
  Result<PreliminaryRules> rules = loadPreliminaryRules(shippedRulePath(kRulesFile));
  EXPECT_TRUE(rules.isOk()) << rules.status().toString();
  return rules.isOk() ? *rules : PreliminaryRules{};
}

Building house(int storeys = 2) {
  Building b;
  b.id = "3f1c2a4e-0b6d-4c8e-9a1f-5d7e8b9c0a12";
  b.storeysAbove = storeys;
  b.structure = StructureType::kBrickConcrete;
  b.design = DesignStatus::kLicensedDesign;
  return b;
}

Finding finding(std::string id, Component c, HazardKind h, std::string location,
                std::vector<Measurement> m = {}, Severity inspector = Severity::kSome) {
  Finding f;
  f.id = std::move(id);
  f.component = c;
  f.hazard = h;
  f.location = std::move(location);
  f.measurements = std::move(m);
  f.severity = inspector;
  return f;
}

Finding wallCrack(std::string id, double widthMm, double lengthRatio, std::string location) {
  return finding(std::move(id), Component::kLoadBearingWall, HazardKind::kWallCrack,
                 std::move(location),
                 {{"width", widthMm, "mm"}, {"length_ratio", lengthRatio, "ratio"}});
}

bool fired(const FindingAssessment& f, const std::string& ruleId) {
  return std::find(f.firedRuleIds.begin(), f.firedRuleIds.end(), ruleId) != f.firedRuleIds.end();
}

TEST(PreliminaryRules, ShippedFileLoads) {
  PreliminaryRules rules = shippedRules();
  EXPECT_EQ(rules.version, 1);
  EXPECT_GE(rules.findingRules.size(), 10u);
  EXPECT_EQ(rules.disposalSerious.zh, "立即停用并疏散人员，委托专业鉴定");
  EXPECT_EQ(rules.disposalSome.zh, "限制用途，委托专业鉴定");
  EXPECT_TRUE(rules.escalation.enabled);
  EXPECT_EQ(rules.escalation.minDistinctKinds, 3);
  EXPECT_EQ(rules.escalation.minLocationsOfOneKind, 3);
}

TEST(PreliminaryJudgment, SingleSeriousWallCrackIsSeriousWithItsNumbers) {
  const Finding crack = wallCrack("f1", 1.2, 0.6, "一层北侧承重墙");
  PreliminaryAssessment a = assessPreliminary(house(), {crack}, shippedRules());
  EXPECT_EQ(a.judgment, PreliminaryJudgment::kSerious);
  EXPECT_FALSE(a.escalated);
  ASSERT_EQ(a.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].effectiveSeverity, Severity::kSerious);
  EXPECT_EQ(a.findings[0].inspectorSeverity, Severity::kSome);
  EXPECT_TRUE(fired(a.findings[0], "masonry-vertical-crack"));
  EXPECT_EQ(a.disposal.zh, "立即停用并疏散人员，委托专业鉴定");

  const auto step =
      std::find_if(a.explanation.steps.begin(), a.explanation.steps.end(),
                   [](const ExplanationStep& s) { return s.ruleId == "masonry-vertical-crack"; });
  ASSERT_NE(step, a.explanation.steps.end());
  EXPECT_EQ(step->subjectId, "f1");
  ASSERT_EQ(step->comparisons.size(), 2u);
  EXPECT_DOUBLE_EQ(step->comparisons[0].value, 1.2);
  EXPECT_DOUBLE_EQ(step->comparisons[0].threshold, 1.0);
  EXPECT_DOUBLE_EQ(step->comparisons[1].value, 0.6);
  EXPECT_DOUBLE_EQ(step->comparisons[1].threshold, 0.5);

  const std::string zh = a.explanation.renderZh();
  EXPECT_NE(zh.find("存在严重安全隐患"), std::string::npos) << zh;
  EXPECT_NE(zh.find("墙体裂缝（一层北侧承重墙）"), std::string::npos) << zh;
  EXPECT_NE(zh.find("宽 1.2 mm > 1 mm 且 长度比 0.6 > 0.5"), std::string::npos) << zh;
  // The rule is named by its words from the rule file, not its id.
  EXPECT_NE(zh.find("（规则：承重墙竖向裂缝宽度大于1.0mm且缝长超过层高1/2）"), std::string::npos)
      << zh;
  EXPECT_EQ(zh.find("masonry-vertical-crack"), std::string::npos) << zh;
  const std::string en = a.explanation.renderEn();
  EXPECT_NE(en.find("width 1.2 mm > 1 mm and length ratio 0.6 > 0.5"), std::string::npos) << en;
}

TEST(PreliminaryJudgment, GradeInspectionWritesJudgmentExplanationAndSeverities) {
  Inspection in;
  in.findings = {wallCrack("f1", 1.2, 0.6, "一层北侧承重墙"),
                 finding("f2", Component::kRoof, HazardKind::kRoofLeak, "屋面东侧")};
  in.override = JudgmentOverride{PreliminaryJudgment::kSome, "已临时支护"};
  gradeInspection(in, house(), shippedRules());
  EXPECT_EQ(in.computedJudgment, PreliminaryJudgment::kSerious);
  EXPECT_EQ(in.findings[0].severity, Severity::kSerious);
  EXPECT_EQ(in.findings[1].severity, Severity::kSome);
  EXPECT_NE(in.judgmentExplanation.find("Load-bearing wall crack wider than 1.0 mm"),
            std::string::npos);
  EXPECT_NE(in.judgmentExplanation.find("width 1.2 mm"), std::string::npos);
  // The override stays: the inspector's decision is kept beside the computed one.
  EXPECT_EQ(in.effectiveJudgment(), PreliminaryJudgment::kSome);
}

TEST(PreliminaryJudgment, CrackOfExactlyOneMillimetreIsNotSerious) {
  PreliminaryAssessment a =
      assessPreliminary(house(), {wallCrack("f1", 1.0, 0.9, "一层北墙")}, shippedRules());
  EXPECT_EQ(a.judgment, PreliminaryJudgment::kSome);
  EXPECT_TRUE(fired(a.findings[0], "masonry-crack-minor"));
  EXPECT_FALSE(fired(a.findings[0], "masonry-vertical-crack"));
  EXPECT_EQ(a.disposal.zh, "限制用途，委托专业鉴定");
}

TEST(PreliminaryJudgment, MeasurementInAnotherUnitIsConverted) {
  Finding crack = finding("f1", Component::kBeam, HazardKind::kBeamCrack, "二层主梁",
                          {{"width", 0.12, "cm"}}, Severity::kNone);
  PreliminaryAssessment a = assessPreliminary(house(), {crack}, shippedRules());
  EXPECT_EQ(a.judgment, PreliminaryJudgment::kSerious);
  EXPECT_TRUE(fired(a.findings[0], "concrete-beam-crack"));
}

TEST(PreliminaryJudgment, FoundationTiltLimitDependsOnStoreys) {
  const Finding tilt = finding("f1", Component::kFoundation, HazardKind::kTilt, "整体",
                               {{"tilt", 25, "permille"}}, Severity::kNone);
  // 2.5 %: within the 3 % of a 2-storey house, past the 2 % of a 3-storey one.
  EXPECT_EQ(assessPreliminary(house(2), {tilt}, shippedRules()).judgment,
            PreliminaryJudgment::kNoneFound);
  PreliminaryAssessment three = assessPreliminary(house(3), {tilt}, shippedRules());
  EXPECT_EQ(three.judgment, PreliminaryJudgment::kSome);
  EXPECT_TRUE(fired(three.findings[0], "foundation-tilt-multi-storey"));
  // Exactly 30 ‰ = 3 % is not "more than 3 %".
  Finding atLimit = tilt;
  atLimit.measurements = {{"tilt", 30, "permille"}};
  EXPECT_EQ(assessPreliminary(house(2), {atLimit}, shippedRules()).judgment,
            PreliminaryJudgment::kNoneFound);
}

TEST(PreliminaryJudgment, RotOnRoofTrussIsSerious) {
  PreliminaryAssessment a = assessPreliminary(
      house(), {finding("f1", Component::kRoofTruss, HazardKind::kRot, "东端节点")},
      shippedRules());
  EXPECT_EQ(a.judgment, PreliminaryJudgment::kSerious);
  EXPECT_TRUE(fired(a.findings[0], "roof-truss-rot"));
}

TEST(PreliminaryJudgment, ThreeKindsOfMinorHazardEscalateToSerious) {
  const std::vector<Finding> findings = {
      finding("f1", Component::kRoof, HazardKind::kRoofLeak, "西侧屋面"),
      finding("f2", Component::kPurlin, HazardKind::kSaggingPurlin, "二层檩条"),
      wallCrack("f3", 0.3, 0.2, "一层东墙"),
  };
  PreliminaryAssessment a = assessPreliminary(house(), findings, shippedRules());
  EXPECT_EQ(a.judgment, PreliminaryJudgment::kSerious);
  EXPECT_TRUE(a.escalated);
  for (const FindingAssessment& f : a.findings) EXPECT_EQ(f.effectiveSeverity, Severity::kSome);
  ASSERT_FALSE(a.explanation.steps.empty());
  const ExplanationStep& last = a.explanation.steps.back();
  EXPECT_EQ(last.ruleId, "escalation-minor-hazards");
  ASSERT_EQ(last.comparisons.size(), 1u);
  EXPECT_DOUBLE_EQ(last.comparisons[0].value, 3);
  EXPECT_NE(last.subject.zh.find("屋面渗漏"), std::string::npos) << last.subject.zh;
  EXPECT_EQ(a.disposal.zh, "立即停用并疏散人员，委托专业鉴定");
}

TEST(PreliminaryJudgment, OneKindAtThreeLocationsEscalatesToSerious) {
  const std::vector<Finding> findings = {
      finding("f1", Component::kRoof, HazardKind::kRoofLeak, "西侧屋面"),
      finding("f2", Component::kRoof, HazardKind::kRoofLeak, "东侧屋面"),
      finding("f3", Component::kRoof, HazardKind::kRoofLeak, "北侧屋面"),
  };
  PreliminaryAssessment a = assessPreliminary(house(), findings, shippedRules());
  EXPECT_EQ(a.judgment, PreliminaryJudgment::kSerious);
  EXPECT_TRUE(a.escalated);
  const ExplanationStep& last = a.explanation.steps.back();
  EXPECT_EQ(last.ruleId, "escalation-minor-hazards");
  EXPECT_NE(last.subject.zh.find("东侧屋面"), std::string::npos);
  EXPECT_DOUBLE_EQ(last.comparisons.at(0).value, 3);
}

TEST(PreliminaryJudgment, SameLocationRecordedThreeTimesDoesNotEscalate) {
  const std::vector<Finding> findings = {
      finding("f1", Component::kRoof, HazardKind::kRoofLeak, "西侧屋面"),
      finding("f2", Component::kRoof, HazardKind::kRoofLeak, " 西侧屋面"),
      finding("f3", Component::kRoof, HazardKind::kRoofLeak, "西侧屋面 "),
  };
  PreliminaryAssessment a = assessPreliminary(house(), findings, shippedRules());
  EXPECT_EQ(a.judgment, PreliminaryJudgment::kSome);
  EXPECT_FALSE(a.escalated);
}

TEST(PreliminaryJudgment, EscalationDisabledInRulesStaysSome) {
  const std::string edited =
      replaced(readFile(shippedRulePath(kRulesFile)), "enabled: true", "enabled: false");
  Result<PreliminaryRules> rules = parsePreliminaryRules(edited, "no-escalation.yaml");
  ASSERT_TRUE(rules.isOk()) << rules.status().toString();
  const std::vector<Finding> findings = {
      finding("f1", Component::kRoof, HazardKind::kRoofLeak, "西侧屋面"),
      finding("f2", Component::kPurlin, HazardKind::kSaggingPurlin, "二层檩条"),
      wallCrack("f3", 0.3, 0.2, "一层东墙"),
  };
  PreliminaryAssessment a = assessPreliminary(house(), findings, *rules);
  EXPECT_EQ(a.judgment, PreliminaryJudgment::kSome);
  EXPECT_FALSE(a.escalated);
}

TEST(PreliminaryJudgment, EditedEscalationCountChangesTheJudgmentWithoutRecompiling) {
  const std::vector<Finding> twoKinds = {
      finding("f1", Component::kRoof, HazardKind::kRoofLeak, "西侧屋面"),
      finding("f2", Component::kPurlin, HazardKind::kSaggingPurlin, "二层檩条"),
  };
  EXPECT_EQ(assessPreliminary(house(), twoKinds, shippedRules()).judgment,
            PreliminaryJudgment::kSome);
  TempDir dir;
  const std::string path =
      dir.write("edited.yaml", replaced(readFile(shippedRulePath(kRulesFile)),
                                        "min_distinct_kinds: 3", "min_distinct_kinds: 2"));
  Result<PreliminaryRules> rules = loadPreliminaryRules(path);
  ASSERT_TRUE(rules.isOk()) << rules.status().toString();
  EXPECT_EQ(assessPreliminary(house(), twoKinds, *rules).judgment, PreliminaryJudgment::kSerious);
}

TEST(PreliminaryJudgment, NothingFoundIsNoneFound) {
  PreliminaryAssessment a = assessPreliminary(house(), {}, shippedRules());
  EXPECT_EQ(a.judgment, PreliminaryJudgment::kNoneFound);
  EXPECT_TRUE(a.explanation.steps.empty());
  EXPECT_EQ(a.disposal, shippedRules().disposalNone);
  EXPECT_NE(a.explanation.renderZh().find("未发现安全隐患"), std::string::npos);
}

TEST(PreliminaryJudgment, InspectorRatingIsKeptWhenRulesSayLess) {
  Finding f =
      finding("f1", Component::kColumn, HazardKind::kOther, "一层中柱", {}, Severity::kSerious);
  PreliminaryAssessment a = assessPreliminary(house(), {f}, shippedRules());
  EXPECT_EQ(a.judgment, PreliminaryJudgment::kSerious);
  EXPECT_EQ(a.findings[0].ruleSeverity, Severity::kNone);
  EXPECT_EQ(a.explanation.steps.at(0).ruleId, "inspector");
}

TEST(PreliminaryJudgment, AlterationWithoutLicensedDesignIsSome) {
  Building b = house();
  b.alterations = {Alteration::kAddedStorey};
  b.design = DesignStatus::kNoFormalDesign;
  PreliminaryAssessment a = assessPreliminary(b, {}, shippedRules());
  EXPECT_EQ(a.judgment, PreliminaryJudgment::kSome);
  ASSERT_EQ(a.buildingRuleIds.size(), 1u);
  EXPECT_EQ(a.buildingRuleIds[0], "alteration-without-licensed-design");
  b.design = DesignStatus::kLicensedDesign;
  EXPECT_EQ(assessPreliminary(b, {}, shippedRules()).judgment, PreliminaryJudgment::kNoneFound);
}

TEST(PreliminaryRuleFile, UnknownHazardCodeNamesItsLine) {
  const std::string edited = replaced(readFile(shippedRulePath(kRulesFile)), "hazards: [roof_leak]",
                                      "hazards: [roof_leek]");
  Result<PreliminaryRules> rules = parsePreliminaryRules(edited, "rules.yaml");
  ASSERT_FALSE(rules.isOk());
  EXPECT_EQ(rules.status().code(), StatusCode::kInvalidArgument);
  const std::string msg = rules.status().message();
  EXPECT_EQ(msg.rfind("rules.yaml:" + std::to_string(lineOf(edited, "[roof_leek]")) + ":", 0), 0u)
      << msg;
  EXPECT_NE(msg.find("roof_leek"), std::string::npos);
}

TEST(PreliminaryRuleFile, BadEntriesAreRejectedWithTheirLine) {
  const std::string shipped = readFile(shippedRulePath(kRulesFile));
  struct Case {
    std::string from, to, lineMarker, mentions;
  };
  const std::vector<Case> cases = {
      {"components: [beam]", "components: [bean]", "[bean]", "bean"},
      {"when: [\"width > 1.0\"]", "when: [\"widht > 1.0\"]", "widht", "widht"},
      {"when: [\"width > 1.0\"]", "when: [\"width >> 1.0\"]", "width >>", ">>"},
      {"when: [\"width > 1.0\"]", "when: [\"width > one\"]", "width > one", "one"},
      {"    tier: serious\n", "    tier: severe\n", "tier: severe", "severe"},
      {"  min_distinct_kinds: 3", "  min_distinct_kind: 3",
       "min_distinct_kind:", "min_distinct_kind"},
      {"  enabled: true", "  enabled: maybe", "enabled: maybe", "maybe"},
      {"  - id: roof-leak\n", "  - id: purlin-rot\n",
       "id: purlin-rot\n    tier: some\n    text: {zh: 屋面渗漏", "purlin-rot"},
      {"unit: mm}", "unit: inch}", "unit: inch", "inch"},
  };
  for (const Case& c : cases) {
    const std::string edited = replaced(shipped, c.from, c.to);
    Result<PreliminaryRules> rules = parsePreliminaryRules(edited, "bad.yaml");
    ASSERT_FALSE(rules.isOk()) << c.to;
    const std::string msg = rules.status().message();
    const int line = lineOf(edited, c.lineMarker);
    ASSERT_GT(line, 0) << c.lineMarker;
    EXPECT_EQ(msg.rfind("bad.yaml:" + std::to_string(line) + ":", 0), 0u) << msg;
    EXPECT_NE(msg.find(c.mentions), std::string::npos) << msg;
  }
}

TEST(PreliminaryRuleFile, YamlSyntaxErrorIsAStatusNotAnException) {
  const std::string text = "schema: anju.preliminary_judgment\nversion: 1\ntitle: {zh: a, en: b\n";
  Result<PreliminaryRules> rules = parsePreliminaryRules(text, "broken.yaml");
  ASSERT_FALSE(rules.isOk());
  EXPECT_EQ(rules.status().message().rfind("broken.yaml:", 0), 0u) << rules.status().message();
  EXPECT_NE(rules.status().message().find("YAML"), std::string::npos);
}

TEST(PreliminaryRuleFile, WrongSchemaOrVersionIsRejected) {
  const std::string shipped = readFile(shippedRulePath(kRulesFile));
  EXPECT_FALSE(parsePreliminaryRules(replaced(shipped, "version: 1", "version: 2"), "x").isOk());
  EXPECT_FALSE(
      parsePreliminaryRules(
          replaced(shipped, "schema: anju.preliminary_judgment", "schema: anju.jgj125"), "x")
          .isOk());
  EXPECT_FALSE(parsePreliminaryRules("- just\n- a list\n", "x").isOk());
  EXPECT_FALSE(parsePreliminaryRules("", "x").isOk());
}

TEST(PreliminaryRuleFile, MissingFileIsAnIoError) {
  Result<PreliminaryRules> rules = loadPreliminaryRules("/nonexistent/rules.yaml");
  ASSERT_FALSE(rules.isOk());
  EXPECT_EQ(rules.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace anju
