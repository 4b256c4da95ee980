// anju_sync_tests: the integration scenarios on the default backend, SQLite.
#include "sync_fixture.h"

namespace anju::server::testing {

std::vector<Backend> backendsUnderTest() { return {Backend::kSqlite}; }

}  // namespace anju::server::testing
