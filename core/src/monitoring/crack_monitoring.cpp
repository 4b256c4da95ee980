#include "anju/crack_monitoring.h"

#include <algorithm>

#include "anju/checklist.h"  // convertMeasurement

namespace anju {
namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

bool isCrackHazard(HazardKind h) {
  return h == HazardKind::kWallCrack || h == HazardKind::kBeamCrack ||
         h == HazardKind::kSlabCrack || h == HazardKind::kColumnCrack;
}

std::optional<double> widthMm(const Finding& f) {
  for (const Measurement& m : f.measurements)
    if (m.name == "width")
      return m.unit == "mm" ? m.value : convertMeasurement(m.value, m.unit, "mm");
  return std::nullopt;
}

bool sameKind(const Finding& a, const Finding& b) {
  return a.component == b.component && a.hazard == b.hazard;
}

// The finding of `in` that is the same crack as `finding`, or null.
const Finding* sameCrack(const Finding& finding, const Inspection& in) {
  const std::string place = trimmed(finding.location);
  const Finding* only = nullptr;
  int candidates = 0;
  for (const Finding& f : in.findings) {
    if (!sameKind(f, finding)) continue;
    const std::string there = trimmed(f.location);
    if (!place.empty() && there == place) return &f;
    ++candidates;
    only = &f;
  }
  // No location to match on: the house's only crack of this kind is taken to be the same one.
  if (candidates == 1 && (place.empty() || trimmed(only->location).empty())) return only;
  return nullptr;
}

TimestampMs handedInAt(const Inspection& in) {
  return in.submittedAt ? in.submittedAt : in.startedAt;
}

}  // namespace

bool isMonitoredCrack(const Finding& finding) {
  return isCrackHazard(finding.hazard) && widthMm(finding).has_value();
}

CrackTrend crackTrend(const Finding& finding, TimestampMs at,
                      const std::vector<Inspection>& history, const CrackGrowthRule& rule) {
  CrackTrend trend;
  if (!isCrackHazard(finding.hazard)) return trend;
  trend.widthMm = widthMm(finding);
  std::vector<const Inspection*> earlier;
  for (const Inspection& in : history)
    if ((in.review == ReviewState::kSubmitted || in.review == ReviewState::kApproved) &&
        in.startedAt < at)
      earlier.push_back(&in);
  std::sort(earlier.begin(), earlier.end(),
            [](const Inspection* a, const Inspection* b) { return a->startedAt < b->startedAt; });
  for (const Inspection* in : earlier) {
    const Finding* same = sameCrack(finding, *in);
    if (!same) continue;
    if (std::optional<double> w = widthMm(*same))
      trend.earlier.push_back({handedInAt(*in), *w, same->severity});
  }
  if (trend.widthMm && !trend.earlier.empty()) {
    const CrackReading& last = trend.earlier.back();
    trend.growthMm = *trend.widthMm - last.widthMm;
    // A hair's breadth of float noise is not growth.
    constexpr double kEpsilon = 1e-9;
    trend.flagged = *trend.growthMm >= rule.thresholdMm - kEpsilon ||
                    (last.severity == Severity::kSerious && *trend.growthMm > kEpsilon);
  }
  return trend;
}

}  // namespace anju
