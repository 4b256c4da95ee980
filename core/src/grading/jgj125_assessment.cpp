// assessJgj125: survey counts → floor ratios and grades → building ratio → decision table.
// See jgj125.h for the method; the numbers of every step go into the explanation.
#include <algorithm>
#include <cmath>

#include "anju/enum_codes.h"
#include "anju/jgj125.h"

namespace anju {
namespace {

// Ratios equal to a threshold within this many percentage points count as reaching it: weights
// such as 2.7 are not exact in binary, and "exactly 5 %" must grade Cu, not Bu.
constexpr double kPercentTolerance = 1e-9;

const std::string kFloorRuleId = "floor-grades";

// `where` names the floor and member type (a plain text or a messageRef).
Status checkCount(const MemberCount& c, MessageParam where) {
  if (c.total < 0 || c.dangerous < 0 || c.dangerous > c.total) {
    where.name = "where";
    return Status::invalidArgument(
        msg("grading.invalid_counts", {std::move(where),
                                       {"dangerous", std::to_string(c.dangerous)},
                                       {"total", std::to_string(c.total)}}));
  }
  return Status::ok();
}

FloorGrade gradeFloor(double percent, bool anyDangerous, const FloorThresholds& t) {
  if (!anyDangerous) return FloorGrade::kAu;
  if (percent < t.cuFromPercent - kPercentTolerance) return FloorGrade::kBu;
  if (percent < t.duFromPercent - kPercentTolerance) return FloorGrade::kCu;
  return FloorGrade::kDu;
}

ExplainedComparison percentOf(const char* zh, const char* en, double value, const char* op,
                              double threshold) {
  return {{zh, en}, value, op, threshold, "percent"};
}

ExplanationStep floorStep(const FloorAssessment& f, const FloorThresholds& t) {
  const double p = f.ratio * 100;
  const std::string numbers =
      formatNumber(f.weightedDangerous) + " / " + formatNumber(f.weightedTotal);
  ExplanationStep step{kFloorRuleId,
                       f.label,
                       {f.label + "（加权危险构件 / 加权构件 = " + numbers + "）",
                        (f.foundation ? std::string("foundation floor") : f.label) +
                            " (weighted dangerous / weighted members = " + numbers + ")"},
                       {},
                       {std::string(floorGradeCode(f.grade)), std::string(floorGradeCode(f.grade))},
                       t.status};
  const char* zh = f.foundation ? "R_f" : "R_s";
  switch (f.grade) {
    case FloorGrade::kAu:
      step.comparisons.push_back(percentOf(zh, zh, p, "=", 0));
      break;
    case FloorGrade::kBu:
      step.comparisons.push_back(percentOf(zh, zh, p, ">", 0));
      step.comparisons.push_back(percentOf(zh, zh, p, "<", t.cuFromPercent));
      break;
    case FloorGrade::kCu:
      step.comparisons.push_back(percentOf(zh, zh, p, ">=", t.cuFromPercent));
      step.comparisons.push_back(percentOf(zh, zh, p, "<", t.duFromPercent));
      break;
    case FloorGrade::kDu:
      step.comparisons.push_back(percentOf(zh, zh, p, ">=", t.duFromPercent));
      break;
  }
  return step;
}

struct BuildingFacts {
  double percent = 0;
  int duFloors = 0;
  double duShare = 0;
  bool soilDangerous = false;
};

/// Whether every set condition of the row holds; the comparisons that held go into `why`.
bool rowMatches(const GradeRow& row, const BuildingFacts& b,
                std::vector<ExplainedComparison>& why) {
  why.clear();
  const double tol = kPercentTolerance;
  const auto check = [&why](bool ok, ExplainedComparison c) {
    if (ok) why.push_back(std::move(c));
    return ok;
  };
  if (row.foundationSoilDangerous && *row.foundationSoilDangerous != b.soilDangerous) return false;
  if (row.rMinPercent && !check(b.percent >= *row.rMinPercent - tol,
                                percentOf("R", "R", b.percent, ">=", *row.rMinPercent)))
    return false;
  if (row.rBelowPercent && !check(b.percent < *row.rBelowPercent - tol,
                                  percentOf("R", "R", b.percent, "<", *row.rBelowPercent)))
    return false;
  if (row.rMaxPercent && !check(b.percent <= *row.rMaxPercent + tol,
                                percentOf("R", "R", b.percent, "<=", *row.rMaxPercent)))
    return false;
  const LocalizedText du{"Du级楼层数", "Du floors"};
  const LocalizedText share{"Du级楼层占比", "share of Du floors"};
  const auto duCount = static_cast<double>(b.duFloors);
  if (row.duFloorsMin &&
      !check(b.duFloors >= *row.duFloorsMin,
             {du, duCount, ">=", static_cast<double>(*row.duFloorsMin), "count"}))
    return false;
  if (row.duFloorsMax &&
      !check(b.duFloors <= *row.duFloorsMax,
             {du, duCount, "<=", static_cast<double>(*row.duFloorsMax), "count"}))
    return false;
  if (row.duShareAbove && !check(b.duShare > *row.duShareAbove + 1e-12,
                                 {share, b.duShare, ">", *row.duShareAbove, "ratio"}))
    return false;
  if (row.duShareMax && !check(b.duShare <= *row.duShareMax + 1e-12,
                               {share, b.duShare, "<=", *row.duShareMax, "ratio"}))
    return false;
  return true;
}

}  // namespace

Result<Jgj125Assessment> assessJgj125(const Jgj125Survey& survey, const Jgj125Rules& rules) {
  if (survey.floors.empty()) {
    return Status::invalidArgument(msg("grading.survey_no_floors"));
  }
  if (Status s = checkCount(survey.foundation, messageRef("where", "grading.foundation_floor"));
      !s.isOk())
    return s;
  if (survey.foundation.total == 0) {
    return Status::invalidArgument(msg("grading.foundation_needs_least_one"));
  }

  Jgj125Assessment out;
  const FloorThresholds& t = rules.floorThresholds;
  const double wf = rules.foundationWeight.weight;
  FloorAssessment& ff = out.foundationFloor;
  ff.label = "基础层";
  ff.foundation = true;
  ff.weightedTotal = wf * survey.foundation.total;
  ff.weightedDangerous = wf * survey.foundation.dangerous;
  ff.ratio = static_cast<double>(survey.foundation.dangerous) / survey.foundation.total;
  ff.grade = gradeFloor(ff.ratio * 100, survey.foundation.dangerous > 0, t);
  out.explanation.steps.push_back(floorStep(ff, t));

  out.weightedTotal = ff.weightedTotal;
  out.weightedDangerous = ff.weightedDangerous;
  for (const FloorSurvey& floor : survey.floors) {
    FloorAssessment fa;
    fa.label = floor.label;
    fa.basement = floor.basement;
    bool anyDangerous = false;
    for (const auto& [type, count] : floor.members) {
      if (Status s =
              checkCount(count, {"where", floor.label + " " + std::string(memberTypeCode(type))});
          !s.isOk())
        return s;
      auto weight = rules.weights.find(type);
      if (weight == rules.weights.end()) {
        return Status::invalidArgument(
            msg("grading.no_member_weight", {{"type", std::string(memberTypeCode(type))}}));
      }
      fa.weightedTotal += weight->second.weight * count.total;
      fa.weightedDangerous += weight->second.weight * count.dangerous;
      anyDangerous = anyDangerous || count.dangerous > 0;
    }
    if (fa.weightedTotal <= 0) {
      return Status::invalidArgument(
          msg("grading.floor_without_members", {{"floor", floor.label}}));
    }
    fa.ratio = fa.weightedDangerous / fa.weightedTotal;
    fa.grade = gradeFloor(fa.ratio * 100, anyDangerous, t);
    out.explanation.steps.push_back(floorStep(fa, t));
    out.weightedTotal += fa.weightedTotal;
    out.weightedDangerous += fa.weightedDangerous;
    out.floors.push_back(std::move(fa));
  }

  out.ratio = out.weightedDangerous / out.weightedTotal;
  out.floorsCounted = static_cast<int>(out.floors.size()) + 1;
  out.duFloors = ff.grade == FloorGrade::kDu ? 1 : 0;
  for (const FloorAssessment& f : out.floors) out.duFloors += f.grade == FloorGrade::kDu ? 1 : 0;

  const BuildingFacts facts{out.ratio * 100, out.duFloors,
                            static_cast<double>(out.duFloors) / out.floorsCounted,
                            survey.foundationSoilDangerous};
  std::vector<ExplainedComparison> why;
  const GradeRow* decided = nullptr;
  for (const GradeRow& row : rules.gradeRows) {
    if (rowMatches(row, facts, why)) {
      decided = &row;
      break;
    }
  }
  if (decided == nullptr) {
    return Status::invalidArgument(
        msg("grading.no_matching_grade_row", {{"file", rules.sourceName}}));
  }
  out.grade = decided->grade;
  out.decidingRowId = decided->id;
  out.decidingRowStatus = decided->status;

  const std::string numbers =
      formatNumber(out.weightedDangerous) + " / " + formatNumber(out.weightedTotal);
  const std::string floors =
      std::to_string(out.duFloors) + " / " + std::to_string(out.floorsCounted);
  const EnumLabel& grade = label(out.grade);
  out.explanation.steps.push_back(
      {decided->id,
       "",
       {"整幢房屋（地基" + std::string(facts.soilDangerous ? "危险状态" : "非危险状态") +
            "；加权危险构件 / 加权构件 = " + numbers + "；Du级楼层 " + floors + "）",
        "whole building (foundation soil " +
            std::string(facts.soilDangerous ? "dangerous" : "not dangerous") +
            "; weighted dangerous / weighted members = " + numbers + "; Du floors " + floors + ")"},
       why,
       {std::string(grade.zh) + "：" + decided->text.zh,
        std::string(grade.en) + ": " + decided->text.en},
       decided->status});

  const std::string r = formatNumber(out.ratio * 100, 2) + "%";
  const bool unverified = decided->status == RuleStatus::kUnverified;
  out.explanation.summary = {
      "鉴定等级：" + std::string(grade.zh) + "（R = " + r + "，Du级楼层 " +
          std::to_string(out.duFloors) + " 个，规则 " + decided->id + "）" +
          (unverified ? "。该规则未核实，须对照 JGJ 125-2016 原文确认。" : ""),
      "Appraisal grade: " + std::string(grade.en) + " (R = " + r + ", " +
          std::to_string(out.duFloors) + " Du floors, rule " + decided->id + ")" +
          (unverified ? ". This rule is unverified: confirm it against the JGJ 125-2016 text."
                      : "")};
  return out;
}

}  // namespace anju
