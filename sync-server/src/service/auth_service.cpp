#include "service/auth_service.h"

#include <sodium.h>

#include <array>
#include <nlohmann/json.hpp>

#include "anju/hlc.h"
#include "anju/sha256.h"

namespace anju::server {
namespace {

std::string hexOf(const unsigned char* bytes, std::size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 0xf]);
  }
  return out;
}

Status badCredentials() { return Status::unauthenticated(msg("sync.wrong_user_name_password")); }

}  // namespace

AuthService::AuthService(ServerStorage& storage, std::chrono::milliseconds tokenLifetime,
                         Clock clock)
    : m_storage(storage),
      m_tokenLifetime(tokenLifetime),
      m_clock(clock ? std::move(clock) : Clock(systemNowMs)),
      m_throttle({}, m_clock) {
  Result<std::string> dummy = hashPassword("anju-dummy-password");
  if (dummy) m_dummyHash = *dummy;
}

Result<std::string> AuthService::hashPassword(const std::string& password) {
  if (sodium_init() < 0) return Status::internal(msg("auth.libsodium_init_failed"));
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return Status::internal(msg("auth.password_hashing_failed_out"));
  return std::string(out.data());
}

bool AuthService::verifyPassword(const std::string& hash, const std::string& password) {
  if (sodium_init() < 0 || hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::array<char, crypto_pwhash_STRBYTES> str{};
  std::copy(hash.begin(), hash.end(), str.begin());
  return crypto_pwhash_str_verify(str.data(), password.data(), password.size()) == 0;
}

Status AuthService::createUser(const std::string& name, Role role, const std::string& password,
                               const std::string& displayName) {
  std::vector<FieldError> errors;
  if (name.empty() || name.find_first_of(" \t\r\n/") != std::string::npos)
    errors.push_back(fieldError("name", msg("auth.user_name_must_non")));
  if (password.size() < 8)
    errors.push_back(fieldError("password", msg("auth.password_needs_least_8")));
  if (!errors.empty()) return Status::invalidArgument(msg("auth.invalid_user"), errors);
  Result<std::string> hash = hashPassword(password);
  if (!hash) return hash.status();
  User user;
  user.name = name;
  user.role = role;
  user.displayName = displayName.empty() ? name : displayName;
  user.passwordHash = *hash;
  return m_storage.createUser(user);
}

Status AuthService::failedLogin(const std::string& userName, const std::string& address) {
  if (std::optional<int> locked = m_throttle.recordFailure(userName, address)) {
    // Audited where an admin reads the log (no region: it is about an account, not a house).
    AuditEntry entry;
    entry.at = m_clock();
    entry.userName = userName;
    entry.action = "login_locked";
    entry.targetKind = "user";
    entry.targetId = userName;
    entry.detail = nlohmann::json{{"address", address}, {"seconds", *locked}}.dump();
    Result<std::unique_ptr<SyncTransaction>> tx = m_storage.beginTransaction();
    if (!tx) return tx.status();
    if (Status s = (*tx)->appendAudit(entry); !s) return s;
    if (Status s = (*tx)->commit(); !s) return s;
  }
  return badCredentials();
}

Result<LoginResult> AuthService::login(const std::string& userName, const std::string& password,
                                       const std::string& deviceId, const std::string& address) {
  if (std::optional<int> wait = m_throttle.refusal(userName, address))
    return Status::unavailable(msg(kLoginThrottledId, {{"seconds", std::to_string(*wait)}}));
  Result<User> user = m_storage.findUser(userName);
  if (!user) {
    if (user.status().code() != StatusCode::kNotFound) return user.status();
    (void)verifyPassword(m_dummyHash, password);
    return failedLogin(userName, address);
  }
  if (!verifyPassword(user->passwordHash, password)) return failedLogin(userName, address);
  m_throttle.recordSuccess(userName);

  std::array<unsigned char, 32> raw{};
  randombytes_buf(raw.data(), raw.size());
  LoginResult result;
  result.token = hexOf(raw.data(), raw.size());
  const TimestampMs now = m_clock();
  result.expiresAt = now + m_tokenLifetime.count();
  TokenRow row{sha256Hex(result.token), user->name, deviceId, now, result.expiresAt};
  if (Status s = m_storage.saveToken(row); !s) return s;
  result.user = std::move(user).value();
  return result;
}

Result<User> AuthService::authenticate(const std::string& bearerToken, TokenUse use) {
  if (bearerToken.empty()) return Status::unauthenticated(msg("http.missing_bearer_token"));
  return m_storage.findUserByToken(sha256Hex(bearerToken), m_clock(), use);
}

Result<std::int64_t> AuthService::revokeTokens(const std::string& by, const std::string& userName,
                                               const std::string& deviceId, bool finalPush) {
  if (userName.empty() && deviceId.empty())
    return Status::invalidArgument(msg("auth.revoke_needs_target"));
  Result<std::unique_ptr<SyncTransaction>> tx = m_storage.beginTransaction();
  if (!tx) return tx.status();
  const TimestampMs now = m_clock();
  Result<std::int64_t> revoked = (*tx)->revokeTokens(userName, deviceId, now, finalPush);
  if (!revoked) return revoked.status();
  if (*revoked == 0)
    return Status::notFound(
        msg("auth.no_tokens_to_revoke", {{"user", userName}, {"device", deviceId}}));
  // Audited where an admin reads the log (no region: it is about a device, not a house).
  AuditEntry entry;
  entry.at = now;
  entry.userName = by;
  entry.action = "tokens_revoked";
  entry.targetKind = deviceId.empty() ? "user" : "device";
  entry.targetId = deviceId.empty() ? userName : deviceId;
  entry.detail = nlohmann::json{
      {"user", userName},
      {"device", deviceId},
      {"tokens", *revoked},
      {"final_push",
       finalPush}}.dump();
  if (Status s = (*tx)->appendAudit(entry); !s) return s;
  if (Status s = (*tx)->commit(); !s) return s;
  return *revoked;
}

RegionFilter regionFilterFor(const User& user) {
  if (user.role == Role::kAdmin) return RegionFilter::everything();
  return RegionFilter::only(user.regions);
}

}  // namespace anju::server
