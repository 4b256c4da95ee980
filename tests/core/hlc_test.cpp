#include "anju/hlc.h"

#include <gtest/gtest.h>

namespace anju {
namespace {

TEST(HybridLogicalClock, TicksCounterWhenWallClockStandsStill) {
  TimestampMs wall = 1000;
  HybridLogicalClock clock([&] { return wall; });
  const HlcVersion a = clock.now();
  const HlcVersion b = clock.now();
  EXPECT_EQ(hlcWallMs(a), 1000);
  EXPECT_EQ(hlcCounter(a), 0);
  EXPECT_EQ(b, a + 1);
}

TEST(HybridLogicalClock, NeverGoesBackwardsWhenWallClockDoes) {
  TimestampMs wall = 5000;
  HybridLogicalClock clock([&] { return wall; });
  const HlcVersion a = clock.now();
  wall = 1000;  // the tablet's clock was corrected backwards
  EXPECT_GT(clock.now(), a);
}

TEST(HybridLogicalClock, MovesPastObservedRemoteVersions) {
  TimestampMs wall = 1000;
  HybridLogicalClock clock([&] { return wall; });
  const HlcVersion remote = makeHlc(9000, 7);
  clock.observe(remote);
  EXPECT_GT(clock.now(), remote);
  wall = 10000;
  EXPECT_EQ(clock.now(), makeHlc(10000, 0));
}

}  // namespace
}  // namespace anju
