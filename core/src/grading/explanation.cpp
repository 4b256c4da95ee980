#include "anju/explanation.h"

#include <cmath>
#include <cstdio>

namespace anju {
namespace {

std::string unitSuffix(const std::string& unit) {
  if (unit == "percent") return "%";
  if (unit == "permille") return "‰";
  if (unit.empty() || unit == "ratio" || unit == "count") return "";
  return " " + unit;
}

std::string renderComparison(const ExplainedComparison& c, bool zh) {
  const std::string suffix = unitSuffix(c.unit);
  return (zh ? c.quantity.zh : c.quantity.en) + " " + formatNumber(c.value) + suffix + " " + c.op +
         " " + formatNumber(c.threshold) + suffix;
}

std::string render(const Explanation& e, bool zh) {
  std::string out = zh ? e.summary.zh : e.summary.en;
  if (e.steps.empty()) return out;
  out += zh ? "\n依据：" : "\nBecause:";
  int n = 0;
  for (const ExplanationStep& step : e.steps) {
    out += "\n" + std::to_string(++n) + ". " + (zh ? step.subject.zh : step.subject.en);
    if (!step.comparisons.empty()) {
      out += zh ? "：" : ": ";
      for (std::size_t i = 0; i < step.comparisons.size(); ++i) {
        if (i > 0) out += zh ? " 且 " : " and ";
        out += renderComparison(step.comparisons[i], zh);
      }
    }
    out += " → " + (zh ? step.conclusion.zh : step.conclusion.en);
    // People read the rule's words; the id is for engineers and stays in the record's steps.
    if (!step.rule.zh.empty())
      out += zh ? "（规则：" + step.rule.zh + "）" : " (rule: " + step.rule.en + ")";
    else
      out += zh ? "（规则 " + step.ruleId + "）" : " (rule " + step.ruleId + ")";
    if (step.status == RuleStatus::kUnverified) out += zh ? " [未核实]" : " [unverified]";
  }
  return out;
}

}  // namespace

std::string Explanation::renderZh() const { return render(*this, true); }
std::string Explanation::renderEn() const { return render(*this, false); }

const char* ruleStatusCode(RuleStatus status) {
  switch (status) {
    case RuleStatus::kVerified:
      return "verified";
    case RuleStatus::kCorroborated:
      return "corroborated";
    case RuleStatus::kUnverified:
      return "unverified";
  }
  return "unverified";
}

std::string formatNumber(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text(buffer);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

}  // namespace anju
