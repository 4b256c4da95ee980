// The register index (house_register) kept in the server's SQL database, above storage: the
// queries (RegisterIndex), refreshing the rows of the houses a write transaction touched (the
// commit hook the service layer installs, see service/indexed_storage.h) and rebuilding every
// row (the migration that creates the table). Written once for both drivers.
#pragma once

#include <optional>
#include <set>

#include "register/register_query.h"
#include "storage/server_storage.h"
#include "storage/sql_driver.h"

namespace anju::server {

class SqlRegisterIndex final : public RegisterIndex {
 public:
  /// `driver` is borrowed and outlives the index.
  explicit SqlRegisterIndex(SqlDriver& driver) : m_driver(driver) {}

  Result<RegisterPage> queryRegister(const RegisterFilter& filter,
                                     const std::optional<RegisterKey>& after, int limit) override;
  Result<RegisterSummary> countRegister(const RegisterFilter& filter) override;
  Result<InboxPage> queryByInspectionTime(const RegisterFilter& filter,
                                          const std::optional<InboxKey>& after, int limit) override;
  Result<std::int64_t> countRows(const RegisterFilter& filter) override;

 private:
  SqlDriver& m_driver;
};

/// Keeps the register's facts of `record` (register_builder.h, HouseFact) in register_facts;
/// the storage calls it after every record write, inside the write transaction.
Status noteRecordWritten(SqlSession& session, const StoredRecord& record);
/// Recomputes the rows of `houses` (building ids) from their current records, deleting a row
/// whose building record is absent. Inside the caller's write transaction.
Status refreshRegisterRows(SqlSession& session, const std::set<Uuid>& houses);
/// Replaces every fact and every row by those computed from the stored records, a batch of
/// buildings at a time so memory stays flat. Inside the caller's transaction.
Status rebuildRegister(SqlSession& session);

}  // namespace anju::server
