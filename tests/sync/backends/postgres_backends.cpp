// anju_sync_postgres_tests: the same integration scenarios on PostgreSQL (one throwaway cluster
// for the whole process, a fresh database per test).
#include "sync_fixture.h"

namespace anju::server::testing {

std::vector<Backend> backendsUnderTest() { return {Backend::kPostgres}; }

}  // namespace anju::server::testing
