// Preliminary judgment (初步判定): what a door-to-door inspection's findings mean.
//
// The rules are data (core/rules/preliminary_judgment.v1.yaml, described in
// docs/grading-rules.md), so an engineer can correct a threshold without a code change. The
// engine, per REFERENCE.md §0 and §4:
//   1. each finding is matched against every finding rule; its effective severity is the max of
//      the inspector's rating and the tiers of the rules that fired;
//   2. building rules (e.g. alteration without licensed design) add building-level tiers;
//   3. any serious → 存在严重安全隐患; else the escalation rule (≥N kinds of minor hazard, or one
//      kind at ≥M locations) → 存在严重安全隐患; else any some → 存在一定安全隐患;
//      else 未发现安全隐患.
// Everything here is a plain value; assessPreliminary is a pure function and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "anju/checklist.h"
#include "anju/explanation.h"
#include "anju/model.h"
#include "anju/status.h"

namespace anju {

enum class CompareOp { kGreater, kGreaterEqual, kLess, kLessEqual };

/// A measurement a rule may test, declared once in the rule file with its canonical unit.
/// Finding measurements in a compatible unit are converted (mm/cm/m; ratio/percent/permille).
struct MeasurementDefinition {
  std::string name;  // e.g. "width", matched against Measurement::name
  LocalizedText label;
  std::string unit;  // canonical unit thresholds are written in
};

/// "<measurement> <op> <threshold>", threshold in the measurement's canonical unit.
struct MeasurementCondition {
  std::string measurement;
  CompareOp op = CompareOp::kGreater;
  double threshold = 0;
};

/// Conditions on the building a rule applies to. Empty lists and unset bounds mean "any".
struct BuildingCondition {
  std::vector<StructureType> structures;   // building's structure is one of these
  std::vector<DesignStatus> designs;       // building's design status is one of these
  std::vector<Alteration> alterationsAny;  // building has at least one of these alterations
  std::vector<BuildingUse> uses;
  std::optional<int> minStoreysAbove;  // inclusive
  std::optional<int> maxStoreysAbove;  // inclusive
  bool isEmpty() const;
};

/// Identity shared by every rule: where it comes from and how sure we are of it.
struct RuleInfo {
  std::string id;      // unique in the file, e.g. "masonry-vertical-crack"
  LocalizedText text;  // the criterion in words
  std::string source;  // citation, e.g. "REFERENCE.md §1.4(b) wxshzx 砖混 重大 1"
  RuleStatus status = RuleStatus::kVerified;
};

/// Classifies one finding: fires when hazard, component, building and every measurement
/// condition match.
struct FindingRule {
  RuleInfo info;
  Severity tier = Severity::kSome;    // kSome or kSerious
  std::vector<HazardKind> hazards;    // any of; empty = any hazard
  std::vector<Component> components;  // any of; empty = any component
  BuildingCondition building;
  std::vector<MeasurementCondition> conditions;  // all must hold
};

/// Rates the building itself, independent of findings.
struct BuildingRule {
  RuleInfo info;
  Severity tier = Severity::kSome;
  BuildingCondition when;  // never empty (the loader rejects a rule that matches every building)
};

/// Local practice (Xiamen form, wxshzx guide), hence configurable: several minor hazards
/// together make a serious one.
struct EscalationRule {
  RuleInfo info;
  bool enabled = true;
  int minDistinctKinds = 3;       // distinct hazard kinds among minor (some-tier) findings
  int minLocationsOfOneKind = 3;  // distinct locations of one minor hazard kind
  std::vector<HazardKind> excludedHazards;  // not counted (e.g. non-structural fire safety)
};

/// The words a judgment is shown with in one deployment — the 3-tier 初步判定 (未发现安全隐患 /
/// 存在一定安全隐患 / 存在严重安全隐患) or the 倒塌风险 / 一般安全隐患 wording — chosen in the rule
/// file (`vocabulary`, one of its `vocabularies`, docs/grading-rules.md). Only the words change:
/// the stored codes (none_found, some, serious) and the rules are the same.
struct JudgmentVocabulary {
  std::string name;  // the rule file's name for it, e.g. "three_tier"; empty: built-in words
  LocalizedText noneFound;
  LocalizedText some;
  LocalizedText serious;
  const LocalizedText& of(PreliminaryJudgment judgment) const;
};

struct PreliminaryRules {
  std::string sourceName;  // file name or label given to the parser, for messages
  int version = 0;
  LocalizedText title;
  std::vector<MeasurementDefinition> measurements;
  std::vector<FindingRule> findingRules;  // in file order
  std::vector<BuildingRule> buildingRules;
  EscalationRule escalation;
  LocalizedText disposalSerious;  // 立即停用并疏散人员，委托专业鉴定
  LocalizedText disposalSome;     // 限制用途，委托专业鉴定
  LocalizedText disposalNone;
  JudgmentVocabulary vocabulary;  // the built-in 3-tier words when the file chooses none
};

/// Reads and checks a rule file. Errors (invalidArgument, or ioError when the file cannot be
/// read) name the file and the 1-based line: "rules.yaml:12: 未知的隐患类型 'x' / unknown hazard
/// kind 'x'". Unknown keys, unknown codes, duplicate ids and bad numbers are all rejected.
Result<PreliminaryRules> loadPreliminaryRules(const std::string& path);
Result<PreliminaryRules> parsePreliminaryRules(const std::string& text,
                                               const std::string& sourceName);

/// Makes label(PreliminaryJudgment) (enum_codes.h) give `vocabulary`'s words in this process, so
/// every screen, export and PDF shows the deployment's wording. Call once at start-up, before
/// other threads read labels; an empty name (no choice in the file) keeps the built-in words.
void applyJudgmentVocabulary(const JudgmentVocabulary& vocabulary);

struct FindingAssessment {
  Uuid findingId;
  Severity inspectorSeverity = Severity::kNone;  // Finding::severity as recorded
  Severity ruleSeverity = Severity::kNone;       // max tier of the rules that fired
  Severity effectiveSeverity = Severity::kNone;  // max of the two
  std::vector<std::string> firedRuleIds;         // in rule-file order
};

struct PreliminaryAssessment {
  PreliminaryJudgment judgment = PreliminaryJudgment::kNoneFound;
  std::vector<FindingAssessment> findings;   // one per input finding, same order
  std::vector<std::string> buildingRuleIds;  // building rules that fired
  bool escalated = false;  // the escalation rule turned minor hazards into a serious judgment
  LocalizedText disposal;
  Explanation explanation;
};

PreliminaryAssessment assessPreliminary(const Building& building,
                                        const std::vector<Finding>& findings,
                                        const PreliminaryRules& rules);

/// Grades `inspection` against its building and writes the result into the record: the computed
/// judgment, the explanation (Chinese, then English) and each finding's severity raised to its
/// effective severity. The override, if any, is left as the inspector wrote it. Returns the full
/// assessment for callers that show more than the record keeps.
PreliminaryAssessment gradeInspection(Inspection& inspection, const Building& building,
                                      const PreliminaryRules& rules);

/// As above, on the building as the inspection found it (buildingAsInspected): the facts the
/// checklist asked (storeys, structure, design, alterations…) are graded as the inspector
/// answered them, not as the house record had them. The app grades with this one.
PreliminaryAssessment gradeInspection(Inspection& inspection, const Building& building,
                                      const ChecklistTemplate& tmpl, const PreliminaryRules& rules);

}  // namespace anju
