#include "anju/hlc.h"

#include <algorithm>
#include <chrono>

namespace anju {

TimestampMs systemNowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

HybridLogicalClock::HybridLogicalClock(WallClock wallClock)
    : m_wallClock(wallClock ? std::move(wallClock) : WallClock(systemNowMs)) {}

HlcVersion HybridLogicalClock::now() {
  const TimestampMs wall = std::max<TimestampMs>(m_wallClock(), 0);
  std::lock_guard lock(m_mutex);
  const HlcVersion physical = makeHlc(wall, 0);
  // Either the wall clock moved past everything seen (take it), or it did not (tick the counter;
  // an overflowing counter carries into the millisecond part, which keeps ordering intact).
  m_last = physical > m_last ? physical : m_last + 1;
  return m_last;
}

void HybridLogicalClock::observe(HlcVersion seen) {
  std::lock_guard lock(m_mutex);
  m_last = std::max(m_last, seen);
}

}  // namespace anju
