// LoginThrottle: slows down password guessing (issue 12 §6e). Counted per account name (known
// or not, so a refusal reveals nothing) and per client address:
//  - an account that fails `accountFailures` times in a row is locked: every attempt is refused,
//    without checking the password, for `firstLock`, doubling with each further lock up to
//    `longestLock`; a successful sign-in resets it;
//  - an address with `addressFailures` failures within `addressWindow` is refused until the
//    oldest of them leaves the window (one machine trying many accounts).
// Kept in memory per server process: behind a load balancer each node counts its own, which
// still bounds the guessing rate per node. Thread-safe.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "anju/model.h"  // TimestampMs

namespace anju::server {

struct LoginThrottlePolicy {
  int accountFailures = 5;
  std::chrono::milliseconds firstLock = std::chrono::minutes(1);
  std::chrono::milliseconds longestLock = std::chrono::minutes(30);
  int addressFailures = 30;
  std::chrono::milliseconds addressWindow = std::chrono::minutes(10);
};

class LoginThrottle {
 public:
  using Clock = std::function<TimestampMs()>;
  explicit LoginThrottle(LoginThrottlePolicy policy = {}, Clock clock = {});

  /// How many seconds the caller must wait before this attempt may be checked; nullopt when it
  /// may be checked now.
  std::optional<int> refusal(const std::string& account, const std::string& address);
  /// A failed attempt. Returns the lock's length in seconds when this failure locked the account.
  std::optional<int> recordFailure(const std::string& account, const std::string& address);
  /// A successful sign-in: the account's count and lock history start again.
  void recordSuccess(const std::string& account);

 private:
  struct AccountState {
    int failuresInARow = 0;
    int locks = 0;  // locks since the last success: the next one is twice as long
    TimestampMs lockedUntil = 0;
    TimestampMs lastSeen = 0;
  };
  void forgetOld(TimestampMs now);  // bounds memory against floods of made-up names

  LoginThrottlePolicy m_policy;
  Clock m_clock;
  std::mutex m_mutex;
  std::map<std::string, AccountState> m_accounts;
  std::map<std::string, std::deque<TimestampMs>> m_addresses;  // failure times, oldest first
};

}  // namespace anju::server
