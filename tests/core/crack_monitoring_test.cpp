// Crack monitoring across re-inspections: the same crack found again, its width history, and the
// growth flag (a threshold, or any growth after a serious reading).
#include "anju/crack_monitoring.h"

#include <gtest/gtest.h>

namespace anju {
namespace {

constexpr TimestampMs kDay = 24LL * 3600 * 1000;
constexpr TimestampMs kJune = 1780272000000;

Finding crack(const std::string& location, double width, const std::string& unit = "mm",
              Severity severity = Severity::kSome) {
  return {"f-" + location,
          Component::kLoadBearingWall,
          HazardKind::kWallCrack,
          location,
          {{"width", width, unit}},
          severity,
          "",
          {}};
}

Inspection handedIn(TimestampMs at, std::vector<Finding> findings,
                    ReviewState review = ReviewState::kApproved) {
  Inspection in;
  in.id = "in-" + std::to_string(at);
  in.startedAt = at;
  in.submittedAt = at + 3600000;
  in.review = review;
  in.findings = std::move(findings);
  return in;
}

TEST(CrackMonitoring, TheSameCrackIsFollowedOldestFirstAndGrowthOverTheThresholdIsFlagged) {
  const std::vector<Inspection> history = {
      handedIn(kJune + 60 * kDay, {crack("一层北墙", 1.0), crack("二层东墙", 3.0)}),
      handedIn(kJune, {crack("一层北墙", 0.8)}),
  };
  const CrackTrend trend = crackTrend(crack("一层北墙", 1.3), kJune + 120 * kDay, history, {});
  ASSERT_EQ(trend.earlier.size(), 2u);
  EXPECT_DOUBLE_EQ(trend.earlier[0].widthMm, 0.8);
  EXPECT_DOUBLE_EQ(trend.earlier[1].widthMm, 1.0);
  EXPECT_EQ(trend.earlier[1].at, kJune + 60 * kDay + 3600000);
  ASSERT_TRUE(trend.growthMm);
  EXPECT_NEAR(*trend.growthMm, 0.3, 1e-9);
  EXPECT_TRUE(trend.flagged);
}

TEST(CrackMonitoring, GrowthBelowTheThresholdIsNotFlaggedUnlessTheCrackWasSerious) {
  const std::vector<Inspection> some = {handedIn(kJune, {crack("北墙", 1.0)})};
  EXPECT_FALSE(crackTrend(crack("北墙", 1.1), kJune + kDay, some, {}).flagged);
  EXPECT_TRUE(crackTrend(crack("北墙", 1.2), kJune + kDay, some, {}).flagged);  // exactly +0.2
  EXPECT_TRUE(crackTrend(crack("北墙", 1.1), kJune + kDay, some, {0.1}).flagged);
  const std::vector<Inspection> serious = {
      handedIn(kJune, {crack("北墙", 1.0, "mm", Severity::kSerious)})};
  EXPECT_TRUE(crackTrend(crack("北墙", 1.05), kJune + kDay, serious, {}).flagged);
  EXPECT_FALSE(crackTrend(crack("北墙", 1.0), kJune + kDay, serious, {}).flagged);
  EXPECT_FALSE(crackTrend(crack("北墙", 0.9), kJune + kDay, serious, {}).flagged);
}

TEST(CrackMonitoring, OnlyEarlierHandedInInspectionsCount) {
  const std::vector<Inspection> history = {
      handedIn(kJune, {crack("北墙", 0.5)}, ReviewState::kDraft),
      handedIn(kJune + kDay, {crack("北墙", 0.6)}, ReviewState::kReturned),
      handedIn(kJune + 9 * kDay, {crack("北墙", 0.7)}),  // after this inspection started
  };
  const CrackTrend trend = crackTrend(crack("北墙", 1.0), kJune + 5 * kDay, history, {});
  EXPECT_TRUE(trend.earlier.empty());
  EXPECT_FALSE(trend.growthMm);
  EXPECT_FALSE(trend.flagged);
}

TEST(CrackMonitoring, ADifferentPlaceIsADifferentCrackButAnUnnamedOnlyCrackMatches) {
  const std::vector<Inspection> elsewhere = {handedIn(kJune, {crack("南墙", 0.5)})};
  EXPECT_TRUE(crackTrend(crack("北墙", 1.0), kJune + kDay, elsewhere, {}).earlier.empty());
  const std::vector<Inspection> unnamed = {handedIn(kJune, {crack("", 0.5)})};
  EXPECT_EQ(crackTrend(crack("北墙", 1.0), kJune + kDay, unnamed, {}).earlier.size(), 1u);
  // Two unnamed candidates: no guessing.
  const std::vector<Inspection> two = {handedIn(kJune, {crack("", 0.5), crack("", 0.9)})};
  EXPECT_TRUE(crackTrend(crack("", 1.0), kJune + kDay, two, {}).earlier.empty());
}

TEST(CrackMonitoring, WidthsInOtherUnitsAreMillimetres) {
  const std::vector<Inspection> history = {handedIn(kJune, {crack("北墙", 0.001, "m")})};
  const CrackTrend trend = crackTrend(crack("北墙", 1.5), kJune + kDay, history, {});
  ASSERT_EQ(trend.earlier.size(), 1u);
  EXPECT_NEAR(trend.earlier[0].widthMm, 1.0, 1e-9);
  EXPECT_TRUE(trend.flagged);
}

TEST(CrackMonitoring, OnlyCracksWithAWidthAreMonitored) {
  EXPECT_TRUE(isMonitoredCrack(crack("北墙", 1.0)));
  Finding leak = crack("屋面", 1.0);
  leak.hazard = HazardKind::kRoofLeak;
  EXPECT_FALSE(isMonitoredCrack(leak));
  Finding unmeasured = crack("北墙", 1.0);
  unmeasured.measurements.clear();
  EXPECT_FALSE(isMonitoredCrack(unmeasured));
}

}  // namespace
}  // namespace anju
