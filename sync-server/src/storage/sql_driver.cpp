#include "storage/sql_driver.h"

namespace anju::server {

SqlParams& SqlParams::text(std::string_view value) {
  m_values.push_back({Type::kText, std::string(value), 0});
  return *this;
}

SqlParams& SqlParams::bytes(std::string_view value) {
  m_values.push_back({Type::kBytes, std::string(value), 0});
  return *this;
}

SqlParams& SqlParams::int64(std::int64_t value) {
  m_values.push_back({Type::kInt64, {}, value});
  return *this;
}

SqlParams& SqlParams::boolean(bool value) {
  m_values.push_back({Type::kBoolean, {}, value ? 1 : 0});
  return *this;
}

Status SqlSession::run(const std::string& sql, const SqlParams& params) {
  Result<std::unique_ptr<SqlRows>> rows = query(sql, params);
  if (!rows) return rows.status();
  while (true) {
    Result<bool> row = (*rows)->next();
    if (!row) return row.status();
    if (!*row) return Status::ok();
  }
}

Result<std::int64_t> SqlSession::returningInt64(const std::string& sql, const SqlParams& params) {
  Result<std::unique_ptr<SqlRows>> rows = query(sql, params);
  if (!rows) return rows.status();
  Result<bool> row = (*rows)->next();
  if (!row) return row.status();
  if (!*row) return Status::internal("write returned no row");
  const std::int64_t value = (*rows)->int64(0);
  // Step on to the end: a write can still fail (a full disk) after its row was produced.
  while (true) {
    Result<bool> more = (*rows)->next();
    if (!more) return more.status();
    if (!*more) return value;
  }
}

}  // namespace anju::server
