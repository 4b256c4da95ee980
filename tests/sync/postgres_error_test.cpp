// How the PostgreSQL driver classifies a failed statement by its SQLSTATE (issue 12 §6c): a full
// disk answers 507 like SQLITE_FULL, a server short of memory or connections 503, a lost
// connection 503, a duplicate key "already exists", anything else 500. The integration test on a
// real cluster is tests/sync/postgres/postgres_disk_full_test.cpp.
#include <gtest/gtest.h>

#include "http/api_error.h"
#include "storage/postgres_connection.h"
#include "util/storage_full.h"

namespace anju::server {
namespace {

TEST(PostgresErrorClassification, DiskFullIsStorageFullLikeSqlite) {
  EXPECT_EQ(classifyPgFailure("53100", true), PgFailureKind::kStorageFull);
  // What the connection builds for it is the status ApiError answers with 507.
  const Status full = storageFullStatus("postgres [53100] could not extend file");
  EXPECT_TRUE(isStorageFull(full));
  EXPECT_EQ(ApiError::fromStatus(full).httpStatus, 507);
  EXPECT_EQ(ApiError::fromStatus(full).code, "storage_full");
}

TEST(PostgresErrorClassification, ShortOfMemoryOrConnectionsIsRetryLater) {
  for (const char* state : {"53200", "53300", "53400", "08006", "57P01", "40001", "40P01", "55P03"})
    EXPECT_EQ(classifyPgFailure(state, true), PgFailureKind::kUnavailable) << state;
}

TEST(PostgresErrorClassification, ALostConnectionIsUnavailableWhateverTheState) {
  EXPECT_EQ(classifyPgFailure("", false), PgFailureKind::kUnavailable);
  EXPECT_EQ(classifyPgFailure("53100", false), PgFailureKind::kUnavailable);
  EXPECT_EQ(classifyPgFailure("42601", false), PgFailureKind::kUnavailable);
}

TEST(PostgresErrorClassification, DuplicateKeyAndOtherFailures) {
  EXPECT_EQ(classifyPgFailure("23505", true), PgFailureKind::kDuplicate);
  EXPECT_EQ(classifyPgFailure("42601", true), PgFailureKind::kFailed);  // syntax error
  EXPECT_EQ(classifyPgFailure("23502", true), PgFailureKind::kFailed);  // not-null violation
  EXPECT_EQ(classifyPgFailure("", true), PgFailureKind::kFailed);
}

}  // namespace
}  // namespace anju::server
