// Hybrid logical clock (Kulkarni et al., 2014): record versions that order like wall-clock time
// but never go backwards, even when the tablet's clock is wrong or changes, and that move past
// any version seen from the server.
//
// A version is one uint64: the high 48 bits are physical milliseconds since the epoch, the low 16
// bits a logical counter. Comparing two versions as integers orders them. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>

#include "anju/model.h"

namespace anju {

using HlcVersion = std::uint64_t;

constexpr HlcVersion makeHlc(TimestampMs wallMs, std::uint16_t counter) {
  return (static_cast<std::uint64_t>(wallMs) << 16) | counter;
}
constexpr TimestampMs hlcWallMs(HlcVersion v) { return static_cast<TimestampMs>(v >> 16); }
constexpr std::uint16_t hlcCounter(HlcVersion v) { return static_cast<std::uint16_t>(v & 0xffff); }

class HybridLogicalClock {
 public:
  using WallClock = std::function<TimestampMs()>;
  /// `wallClock` defaults to the system clock; tests pass a fake.
  explicit HybridLogicalClock(WallClock wallClock = {});

  /// A new version, strictly greater than every version this clock returned or observed.
  HlcVersion now();
  /// Moves the clock past `seen` (a version read from disk or received from the server).
  void observe(HlcVersion seen);

 private:
  WallClock m_wallClock;
  std::mutex m_mutex;
  HlcVersion m_last = 0;
};

TimestampMs systemNowMs();

}  // namespace anju
