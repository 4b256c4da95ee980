// IndexedStorage: the server's storage with the register index kept above it. The service layer
// installs the register's hooks into SqlStorage here (refresh the rows of the houses a write
// transaction touched, just before it commits; rebuild every row in the migration that creates
// the table), so storage/ never calls into register/ and every writer — push, review, import,
// the admin CLI — keeps the index in step by going through the same storage.
//
// Thread-safety: as ServerStorage and RegisterIndex.
#pragma once

#include <memory>
#include <string>

#include "register/house_map.h"
#include "register/register_query.h"
#include "register/register_statistics.h"
#include "register/sql_house_map.h"
#include "register/sql_register_index.h"
#include "storage/sql_storage.h"
#include "storage/storage_factory.h"

namespace anju::server {

class IndexedStorage final : public SqlStorage,
                             public RegisterIndex,
                             public HouseMapIndex,
                             public RegisterStatistics {
 public:
  /// Takes over `driver` and applies pending migrations (rebuilding the register when a
  /// migration creates it).
  static Result<std::unique_ptr<IndexedStorage>> open(std::unique_ptr<SqlDriver> driver);

  Result<RegisterPage> queryRegister(const RegisterFilter& filter,
                                     const std::optional<RegisterKey>& after, int limit) override {
    return m_register.queryRegister(filter, after, limit);
  }
  Result<RegisterSummary> countRegister(const RegisterFilter& filter) override {
    return m_register.countRegister(filter);
  }
  Result<InboxPage> queryByInspectionTime(const RegisterFilter& filter,
                                          const std::optional<InboxKey>& after,
                                          int limit) override {
    return m_register.queryByInspectionTime(filter, after, limit);
  }
  Result<std::int64_t> countRows(const RegisterFilter& filter) override {
    return m_register.countRows(filter);
  }
  Result<HouseMap> mapHouses(const RegisterFilter& filter, const MapView& view) override {
    return m_map.mapHouses(filter, view);
  }
  Result<std::vector<DivisionCounts>> divisionCounts(const RegisterFilter& filter) override {
    return m_statistics.divisionCounts(filter);
  }

 private:
  explicit IndexedStorage(std::unique_ptr<SqlDriver> driver)
      : SqlStorage(std::move(driver)),
        m_register(SqlStorage::driver()),
        m_map(SqlStorage::driver()),
        m_statistics(SqlStorage::driver()) {}

  SqlRegisterIndex m_register;
  SqlHouseMap m_map;
  SqlRegisterStatistics m_statistics;
};

/// Opens the configured backend (storage_factory.h) as an IndexedStorage; the schema is current
/// after.
Result<std::unique_ptr<IndexedStorage>> openStorage(StorageBackend backend,
                                                    const std::string& dataDir,
                                                    const PostgresOptions& postgres);

}  // namespace anju::server
