#include "storage/postgres_pool.h"

#include <libpq-fe.h>

#include <map>

#include "anju/message.h"

namespace anju::server {

PgPool::Lease::~Lease() {
  if (m_conn) m_pool->release(std::move(m_conn));
}

Result<std::unique_ptr<PgPool>> PgPool::create(const std::string& conninfo, int maxConnections,
                                               std::chrono::milliseconds acquireTimeout) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (!options) {
    // Some libpq parse errors quote a fragment of the string, which may be a password: only the
    // unknown-keyword message (it quotes the keyword) is repeated.
    std::string why = error ? error : "";
    if (error) PQfreemem(error);
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    if (why.rfind("invalid connection option", 0) != 0)
      return Status::invalidArgument(msg("storage.bad_conninfo"));
    return Status::invalidArgument(msg("storage.bad_conninfo_option", {{"detail", why}}));
  }
  std::map<std::string, std::string> set;
  for (PQconninfoOption* o = options; o->keyword; ++o)
    if (o->val && *o->val) set[o->keyword] = o->val;
  PQconninfoFree(options);
  // A dead host must not hang a request thread for the kernel's TCP timeout; the server's text
  // is UTF-8 throughout, whatever the database's default client encoding.
  set.try_emplace("connect_timeout", "5");
  set.try_emplace("fallback_application_name", "anju-server");
  set["client_encoding"] = "UTF8";
  std::vector<std::string> keywords, values;
  for (auto& [k, v] : set) {
    keywords.push_back(k);
    values.push_back(v);
  }
  return std::unique_ptr<PgPool>(
      new PgPool(std::move(keywords), std::move(values), maxConnections, acquireTimeout));
}

Result<PgPool::Lease> PgPool::acquire() {
  {
    std::unique_lock lock(m_mutex);
    const bool available = m_released.wait_for(lock, m_acquireTimeout,
                                               [&] { return !m_idle.empty() || m_open < m_max; });
    if (!available) return Status::unavailable(msg("storage.connections_busy"));
    if (!m_idle.empty()) {
      std::unique_ptr<PgConnection> conn = std::move(m_idle.back());
      m_idle.pop_back();
      return Lease(this, std::move(conn), false);
    }
    ++m_open;  // reserve the slot; connect outside the lock so others are not held up
  }
  Result<PgConnection> conn = PgConnection::connect(m_keywords, m_values);
  if (!conn) {
    std::lock_guard lock(m_mutex);
    --m_open;
    m_released.notify_one();
    return conn.status();
  }
  return Lease(this, std::make_unique<PgConnection>(std::move(conn).value()), true);
}

void PgPool::release(std::unique_ptr<PgConnection> conn) {
  // A broken connection, or one left inside a transaction, is closed rather than reused.
  const bool reusable = conn->idle();
  if (!reusable) conn.reset();
  std::lock_guard lock(m_mutex);
  if (reusable) {
    m_idle.push_back(std::move(conn));
  } else {
    --m_open;
  }
  m_released.notify_one();
}

}  // namespace anju::server
