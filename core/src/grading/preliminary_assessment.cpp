// assessPreliminary: applies PreliminaryRules to one building's findings (see grading.h for the
// order of decisions). Every rule that fires leaves an ExplanationStep with the numbers it
// compared, so the judgment stored with an inspection can always be traced back.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "anju/enum_codes.h"
#include "anju/grading.h"
#include "grading/units.h"

namespace anju {
namespace {

// Values within this relative distance of a threshold count as equal to it, so a reading of
// exactly 3 % is "not more than 3 %" even after a unit conversion.
constexpr double kRelativeTolerance = 1e-9;

bool holds(double value, CompareOp op, double threshold) {
  const double eps = kRelativeTolerance * std::max(1.0, std::fabs(threshold));
  switch (op) {
    case CompareOp::kGreater:
      return value > threshold + eps;
    case CompareOp::kGreaterEqual:
      return value >= threshold - eps;
    case CompareOp::kLess:
      return value < threshold - eps;
    case CompareOp::kLessEqual:
      return value <= threshold + eps;
  }
  return false;
}

const char* opText(CompareOp op) {
  switch (op) {
    case CompareOp::kGreater:
      return ">";
    case CompareOp::kGreaterEqual:
      return ">=";
    case CompareOp::kLess:
      return "<";
    case CompareOp::kLessEqual:
      return "<=";
  }
  return "?";
}

template <typename T>
bool isIn(const std::vector<T>& list, T value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

bool matchesBuilding(const BuildingCondition& c, const Building& b) {
  if (!isIn(c.structures, b.structure) || !isIn(c.designs, b.design) || !isIn(c.uses, b.use))
    return false;
  if (c.minStoreysAbove && b.storeysAbove < *c.minStoreysAbove) return false;
  if (c.maxStoreysAbove && b.storeysAbove > *c.maxStoreysAbove) return false;
  if (!c.alterationsAny.empty()) {
    const bool any = std::any_of(b.alterations.begin(), b.alterations.end(),
                                 [&](Alteration a) { return isIn(c.alterationsAny, a); });
    if (!any) return false;
  }
  return true;
}

const MeasurementDefinition* definition(const PreliminaryRules& rules, const std::string& name) {
  for (const MeasurementDefinition& d : rules.measurements)
    if (d.name == name) return &d;
  return nullptr;
}

/// Whether the rule fires for the finding; fills the comparisons that made it fire.
bool fires(const FindingRule& rule, const Finding& f, const Building& b,
           const PreliminaryRules& rules, std::vector<ExplainedComparison>& why) {
  if (!isIn(rule.hazards, f.hazard) || !isIn(rule.components, f.component)) return false;
  if (!matchesBuilding(rule.building, b)) return false;
  why.clear();
  for (const MeasurementCondition& c : rule.conditions) {
    const MeasurementDefinition* def = definition(rules, c.measurement);
    if (def == nullptr) return false;  // the loader guarantees declarations; be safe anyway
    bool met = false;
    for (const Measurement& m : f.measurements) {
      if (m.name != c.measurement) continue;
      // A reading in a unit we cannot convert cannot satisfy a threshold; validation reports it.
      std::optional<double> v = grading::convertUnit(m.value, m.unit, def->unit);
      if (v && holds(*v, c.op, c.threshold)) {
        why.push_back({def->label, *v, opText(c.op), c.threshold, def->unit});
        met = true;
        break;
      }
    }
    if (!met) return false;
  }
  return true;
}

std::string trimmed(const std::string& s) {
  const auto notSpace = [](unsigned char ch) { return ch != ' ' && ch != '\t' && ch != '\n'; };
  auto first = std::find_if(s.begin(), s.end(), notSpace);
  auto last = std::find_if(s.rbegin(), s.rend(), notSpace).base();
  return first < last ? std::string(first, last) : std::string();
}

LocalizedText findingSubject(const Finding& f) {
  const EnumLabel& hazard = label(f.hazard);
  const std::string where = trimmed(f.location);
  if (where.empty()) return {std::string(hazard.zh), std::string(hazard.en)};
  return {std::string(hazard.zh) + "（" + where + "）",
          std::string(hazard.en) + " (" + where + ")"};
}

LocalizedText tierText(Severity s) {
  const EnumLabel& l = label(s);
  return {std::string(l.zh), std::string(l.en)};
}

// Prefix of the key standing in for a blank location (a control character no inspector types).
const std::string kBlankLocation = "\x1f#";

/// "head（a、b、c）" / "head (a, b, c)".
LocalizedText listed(const LocalizedText& head, const std::vector<LocalizedText>& items) {
  LocalizedText out{head.zh + "（", head.en + " ("};
  for (std::size_t i = 0; i < items.size(); ++i) {
    out.zh += (i > 0 ? "、" : "") + items[i].zh;
    out.en += (i > 0 ? ", " : "") + items[i].en;
  }
  out.zh += "）";
  out.en += ")";
  return out;
}

/// The escalation rule over minor findings; adds its step and returns whether it fired.
bool escalates(const std::vector<Finding>& findings, const std::vector<FindingAssessment>& rated,
               const EscalationRule& rule, Explanation& explanation) {
  // kind -> distinct locations; a blank location is its own place (we cannot tell it is the
  // same as another), keyed by the finding's index so it is never merged.
  std::map<HazardKind, std::set<std::string>> locations;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (rated[i].effectiveSeverity != Severity::kSome) continue;
    if (std::find(rule.excludedHazards.begin(), rule.excludedHazards.end(), findings[i].hazard) !=
        rule.excludedHazards.end())
      continue;
    const std::string where = trimmed(findings[i].location);
    locations[findings[i].hazard].insert(where.empty() ? kBlankLocation + std::to_string(i)
                                                       : where);
  }
  const LocalizedText conclusion{"存在严重安全隐患（一般隐患升级）",
                                 "serious hazard (minor hazards escalated)"};
  if (static_cast<int>(locations.size()) >= rule.minDistinctKinds) {
    std::vector<LocalizedText> kinds;
    for (const auto& [kind, places] : locations)
      kinds.push_back({std::string(label(kind).zh), std::string(label(kind).en)});
    ExplanationStep step{rule.info.id, "",         listed({"一般隐患", "minor hazards"}, kinds),
                         {},           conclusion, rule.info.status};
    step.comparisons.push_back({{"种类数", "kinds"},
                                static_cast<double>(locations.size()),
                                ">=",
                                static_cast<double>(rule.minDistinctKinds),
                                "count"});
    explanation.steps.push_back(std::move(step));
    return true;
  }
  for (const auto& [kind, places] : locations) {
    if (static_cast<int>(places.size()) < rule.minLocationsOfOneKind) continue;
    std::vector<LocalizedText> where;
    for (const std::string& place : places) {
      const bool blank = place.rfind(kBlankLocation, 0) == 0;
      where.push_back(blank ? LocalizedText{"未注明部位", "unstated location"}
                            : LocalizedText{place, place});
    }
    ExplanationStep step{rule.info.id,
                         "",
                         listed({std::string(label(kind).zh), std::string(label(kind).en)}, where),
                         {},
                         conclusion,
                         rule.info.status};
    step.comparisons.push_back({{"部位数", "locations"},
                                static_cast<double>(places.size()),
                                ">=",
                                static_cast<double>(rule.minLocationsOfOneKind),
                                "count"});
    explanation.steps.push_back(std::move(step));
    return true;
  }
  return false;
}

}  // namespace

namespace {

// The words of the rule with `id` (its text in the rule file) for the explanation.
LocalizedText ruleWords(const PreliminaryRules& rules, const std::string& id) {
  if (id == "inspector") return {"排查人员评定", "the inspector's rating"};
  for (const FindingRule& r : rules.findingRules)
    if (r.info.id == id) return r.info.text;
  for (const BuildingRule& r : rules.buildingRules)
    if (r.info.id == id) return r.info.text;
  if (rules.escalation.info.id == id) return rules.escalation.info.text;
  return {};
}

}  // namespace

PreliminaryAssessment assessPreliminary(const Building& building,
                                        const std::vector<Finding>& findings,
                                        const PreliminaryRules& rules) {
  PreliminaryAssessment out;
  Severity worst = Severity::kNone;
  std::vector<ExplainedComparison> why;

  for (const Finding& f : findings) {
    FindingAssessment fa{f.id, f.severity, Severity::kNone, Severity::kNone, {}};
    const LocalizedText subject = findingSubject(f);
    for (const FindingRule& rule : rules.findingRules) {
      if (!fires(rule, f, building, rules, why)) continue;
      fa.firedRuleIds.push_back(rule.info.id);
      fa.ruleSeverity = std::max(fa.ruleSeverity, rule.tier);
      out.explanation.steps.push_back(
          {rule.info.id, f.id, subject, why, tierText(rule.tier), rule.info.status});
    }
    fa.effectiveSeverity = std::max(fa.inspectorSeverity, fa.ruleSeverity);
    if (fa.inspectorSeverity > fa.ruleSeverity) {
      // The inspector saw more than the rules can measure; that rating stands and is shown.
      LocalizedText rated = tierText(fa.inspectorSeverity);
      rated.zh += "（排查人员评定）";
      rated.en += " (inspector's rating)";
      out.explanation.steps.push_back(
          {"inspector", f.id, subject, {}, rated, RuleStatus::kVerified});
    }
    worst = std::max(worst, fa.effectiveSeverity);
    out.findings.push_back(std::move(fa));
  }

  for (const BuildingRule& rule : rules.buildingRules) {
    if (!matchesBuilding(rule.when, building)) continue;
    out.buildingRuleIds.push_back(rule.info.id);
    worst = std::max(worst, rule.tier);
    out.explanation.steps.push_back(
        {rule.info.id,
         building.id,
         {"房屋：" + rule.info.text.zh, "building: " + rule.info.text.en},
         {},
         tierText(rule.tier),
         rule.info.status});
  }

  if (worst == Severity::kSerious) {
    out.judgment = PreliminaryJudgment::kSerious;
  } else if (rules.escalation.enabled &&
             escalates(findings, out.findings, rules.escalation, out.explanation)) {
    out.judgment = PreliminaryJudgment::kSerious;
    out.escalated = true;
  } else if (worst == Severity::kSome) {
    out.judgment = PreliminaryJudgment::kSome;
  } else {
    out.judgment = PreliminaryJudgment::kNoneFound;
  }

  switch (out.judgment) {
    case PreliminaryJudgment::kSerious:
      out.disposal = rules.disposalSerious;
      break;
    case PreliminaryJudgment::kSome:
      out.disposal = rules.disposalSome;
      break;
    case PreliminaryJudgment::kNoneFound:
      out.disposal = rules.disposalNone;
      break;
  }
  for (ExplanationStep& step : out.explanation.steps) step.rule = ruleWords(rules, step.ruleId);
  const EnumLabel& judged = label(out.judgment);
  out.explanation.summary = {
      "初步判定：" + std::string(judged.zh) + "。处置建议：" + out.disposal.zh + "。",
      "Preliminary judgment: " + std::string(judged.en) + ". Advice: " + out.disposal.en + "."};
  return out;
}

}  // namespace anju
