#include "service/login_throttle.h"

#include <algorithm>

#include "anju/hlc.h"  // systemNowMs

namespace anju::server {
namespace {

// Entries beyond this many make a sweep of the ones with nothing left to remember.
constexpr std::size_t kSweepAbove = 100000;

int secondsUntil(TimestampMs until, TimestampMs now) {
  return static_cast<int>((until - now + 999) / 1000);
}

}  // namespace

LoginThrottle::LoginThrottle(LoginThrottlePolicy policy, Clock clock)
    : m_policy(policy), m_clock(clock ? std::move(clock) : Clock(systemNowMs)) {}

std::optional<int> LoginThrottle::refusal(const std::string& account, const std::string& address) {
  std::lock_guard lock(m_mutex);
  const TimestampMs now = m_clock();
  if (auto it = m_accounts.find(account); it != m_accounts.end() && it->second.lockedUntil > now)
    return secondsUntil(it->second.lockedUntil, now);
  if (auto it = m_addresses.find(address); it != m_addresses.end()) {
    std::deque<TimestampMs>& times = it->second;
    const TimestampMs window = m_policy.addressWindow.count();
    while (!times.empty() && times.front() <= now - window) times.pop_front();
    if (static_cast<int>(times.size()) >= m_policy.addressFailures)
      return secondsUntil(times.front() + window, now);
  }
  return std::nullopt;
}

std::optional<int> LoginThrottle::recordFailure(const std::string& account,
                                                const std::string& address) {
  std::lock_guard lock(m_mutex);
  const TimestampMs now = m_clock();
  forgetOld(now);
  m_addresses[address].push_back(now);
  AccountState& state = m_accounts[account];
  state.lastSeen = now;
  if (++state.failuresInARow < m_policy.accountFailures) return std::nullopt;
  state.failuresInARow = 0;
  const std::int64_t doubled = m_policy.firstLock.count() << std::min(state.locks, 20);
  const TimestampMs length = std::min<std::int64_t>(doubled, m_policy.longestLock.count());
  ++state.locks;
  state.lockedUntil = now + length;
  return secondsUntil(state.lockedUntil, now);
}

void LoginThrottle::recordSuccess(const std::string& account) {
  std::lock_guard lock(m_mutex);
  m_accounts.erase(account);
}

void LoginThrottle::forgetOld(TimestampMs now) {
  if (m_accounts.size() + m_addresses.size() < kSweepAbove) return;
  const TimestampMs window = m_policy.addressWindow.count();
  const TimestampMs longest = m_policy.longestLock.count();
  std::erase_if(m_accounts, [&](const auto& entry) {
    return entry.second.lockedUntil <= now && entry.second.lastSeen <= now - longest;
  });
  std::erase_if(m_addresses, [&](const auto& entry) {
    return entry.second.empty() || entry.second.back() <= now - window;
  });
  // Still a flood of made-up names: keep only the locked accounts (their lock must hold); the
  // addresses the flood comes from are still counted.
  if (m_accounts.size() >= kSweepAbove)
    std::erase_if(m_accounts, [&](const auto& entry) { return entry.second.lockedUntil <= now; });
}

}  // namespace anju::server
