#include "service/indexed_storage.h"

namespace anju::server {

Result<std::unique_ptr<IndexedStorage>> IndexedStorage::open(std::unique_ptr<SqlDriver> driver) {
  std::unique_ptr<IndexedStorage> storage(new IndexedStorage(std::move(driver)));
  StorageHooks hooks;
  hooks.beforeCommit = [](SqlSession& session, const std::set<Uuid>& houses) {
    return refreshRegisterRows(session, houses);
  };
  hooks.recordWritten = [](SqlSession& session, const StoredRecord& record) {
    return noteRecordWritten(session, record);
  };
  hooks.rebuildIndexes = [](SqlSession& session) { return rebuildRegister(session); };
  if (Status s = storage->start(std::move(hooks)); !s) return s;
  return storage;
}

Result<std::unique_ptr<IndexedStorage>> openStorage(StorageBackend backend,
                                                    const std::string& dataDir,
                                                    const PostgresOptions& postgres) {
  Result<std::unique_ptr<SqlDriver>> driver = openSqlDriver(backend, dataDir, postgres);
  if (!driver) return driver.status();
  return IndexedStorage::open(std::move(driver).value());
}

}  // namespace anju::server
