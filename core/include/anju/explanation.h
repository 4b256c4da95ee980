// Explanation: why a grading engine decided what it decided, as data and as text.
//
// Every computed judgment or grade carries one (ARCHITECTURE.md: "Every computed judgment carries
// its explanation"). The structured form lets the app highlight the finding or floor a step is
// about and lets a reviewer see the exact numbers and thresholds; renderZh()/renderEn() give the
// text stored with an inspection (Inspection::judgmentExplanation) and printed in reports.
// Plain values; not thread-safe to mutate concurrently.
#pragma once

#include <string>
#include <vector>

namespace anju {

/// A pair of texts, Chinese first. Rule files give both for every rule.
struct LocalizedText {
  std::string zh;
  std::string en;
  bool operator==(const LocalizedText&) const = default;
};

/// How sure we are of a rule's content (REFERENCE.md labels [V] / [C] / [U]). Unverified rules
/// still apply, but their status travels with every result they decide so nobody mistakes them
/// for checked text of the standard.
enum class RuleStatus { kVerified, kCorroborated, kUnverified };

/// One number checked against one threshold, e.g. width 1.2 mm > 1.0 mm.
struct ExplainedComparison {
  LocalizedText quantity;  // e.g. {"宽", "width"}
  double value = 0;        // in `unit`
  std::string op;          // ">", ">=", "<", "<=", "="
  double threshold = 0;    // in `unit`
  std::string unit;        // "mm", "percent", "ratio", "count", "" for pure numbers
  bool operator==(const ExplainedComparison&) const = default;
};

/// One reason: a rule applied to one subject (a finding, the building, a floor).
struct ExplanationStep {
  std::string ruleId;     // rule id from the rule file, or "inspector" for the inspector's rating
  std::string subjectId;  // finding id, floor label, or empty for the building as a whole
  LocalizedText subject;  // e.g. {"墙体裂缝（一层北侧承重墙）", "wall crack (一层北侧承重墙)"}
  std::vector<ExplainedComparison> comparisons;  // all of them held; empty for match-only rules
  LocalizedText conclusion;                      // e.g. {"严重隐患", "serious hazard"}
  RuleStatus status = RuleStatus::kVerified;
  /// The rule in words (its text in the rule file), shown instead of the bare id when set.
  LocalizedText rule = {};
  bool operator==(const ExplanationStep&) const = default;
};

struct Explanation {
  LocalizedText summary;               // the decision and the advice, one or two lines
  std::vector<ExplanationStep> steps;  // in the order the engine applied them

  /// Multi-line text: the summary, then one numbered line per step, e.g.
  /// "1. 墙体裂缝（一层北侧承重墙）：宽 1.2 mm > 1.0 mm 且 长度比 0.6 > 0.5 → 严重隐患
  ///  （规则：承重墙竖向裂缝宽度大于1.0mm且缝长超过层高1/2）" — the rule's words, or its id when
  ///  the step has none. Unverified rules are marked "[未核实]" / "[unverified]".
  std::string renderZh() const;
  std::string renderEn() const;
};

/// Stable code of a status as written in rule files: "verified", "corroborated", "unverified".
const char* ruleStatusCode(RuleStatus status);

/// A number for people: at most `decimals` decimals, trailing zeros dropped ("1.2", "244", "0.82").
std::string formatNumber(double value, int decimals = 4);

}  // namespace anju
