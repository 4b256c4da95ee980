// AuthService: users, passwords and bearer tokens.
//
// Passwords are stored as libsodium Argon2id strings (crypto_pwhash_str, "interactive" limits).
// A token is 32 random bytes shown once as hex to the client; only its SHA-256 is stored, so a
// leaked database does not leak usable tokens. Tokens expire after the configured lifetime.
//
// Thread-safe (state lives in ServerStorage).
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "anju/model.h"
#include "anju/status.h"
#include "service/login_throttle.h"
#include "storage/server_storage.h"

namespace anju::server {

struct LoginResult {
  std::string token;
  TimestampMs expiresAt = 0;
  User user;
};

/// The message id of a sign-in refused by the throttle (HTTP 429 with Retry-After).
inline constexpr const char* kLoginThrottledId = "auth.too_many_failed_logins";

class AuthService {
 public:
  using Clock = std::function<TimestampMs()>;
  /// `storage` is borrowed and outlives the service.
  AuthService(ServerStorage& storage, std::chrono::milliseconds tokenLifetime, Clock clock = {});

  /// unauthenticated for an unknown user or a wrong password (the same answer for both).
  /// Too many failures for the account or from `address` (LoginThrottle): unavailable with
  /// message kLoginThrottledId {seconds}, the password not checked; the failure that locks an
  /// account is written to the audit log (action "login_locked").
  Result<LoginResult> login(const std::string& userName, const std::string& password,
                            const std::string& deviceId, const std::string& address = "");
  /// The user owning `bearerToken`; unauthenticated when missing, unknown or expired, with the
  /// message kTokenRevokedId (HTTP 401, code token_revoked) when an admin revoked it.
  Result<User> authenticate(const std::string& bearerToken, TokenUse use = TokenUse::kAny);
  /// A lost tablet: revokes every token of `deviceId` (when not empty) and of `userName` (when
  /// not empty; both: that user's tokens on that device) and writes the audit row
  /// "tokens_revoked" by `by`, in one transaction. Returns how many tokens were revoked.
  /// invalidArgument when both are empty, notFound when nothing was left to revoke.
  /// `finalPush` (a lost tablet, the default of revoke-tokens): the tablet may still push its
  /// outbox and upload its photos; anything else is refused, and the refusal makes it wipe
  /// itself. false (--stolen): everything is refused at once.
  Result<std::int64_t> revokeTokens(const std::string& by, const std::string& userName,
                                    const std::string& deviceId, bool finalPush = true);

  /// Creates a user with a freshly hashed password; invalidArgument for an empty name or a
  /// password shorter than 8 characters, alreadyExists for a taken name.
  Status createUser(const std::string& name, Role role, const std::string& password,
                    const std::string& displayName);

  static Result<std::string> hashPassword(const std::string& password);
  static bool verifyPassword(const std::string& hash, const std::string& password);

 private:
  ServerStorage& m_storage;
  std::chrono::milliseconds m_tokenLifetime;
  Clock m_clock;
  std::string m_dummyHash;
  LoginThrottle m_throttle;

  /// Counts the failure; audits the lock it may cause. Returns the answer to give.
  Status failedLogin(
      const std::string& userName,
      const std::string& address);  // verified against for unknown users so timing reveals nothing
};

/// What `user` may see and write: everything for admins, their assigned regions otherwise.
RegionFilter regionFilterFor(const User& user);

}  // namespace anju::server
