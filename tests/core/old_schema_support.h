// Writing a house the way a store of an older schema held it (only the columns schema 1 had), so
// a migration test can open that database with today's code.
#pragma once

#include <gtest/gtest.h>

#include "anju/hlc.h"
#include "anju/record_codec.h"
#include "store/database.h"
#include "store_test_support.h"

namespace anju::testing {

inline void insertOldSchemaBuilding(store::Database& db, const Building& b) {
  Result<store::Statement> insert = db.prepare(
      "INSERT INTO buildings (id, district, street, community, address, structure, payload, "
      "version) VALUES (?1, ?2, ?3, ?4, ?5, 'brick_concrete', ?6, ?7)");
  ASSERT_TRUE(insert.isOk());
  ASSERT_TRUE(insert->bindText(1, b.id)
                  .bindText(2, b.region.district)
                  .bindText(3, b.region.street)
                  .bindText(4, b.region.community)
                  .bindText(5, b.address)
                  .bindBlob(6, encodeRecord(b))
                  .bindVersion(7, makeHlc(kTestNow, 0))
                  .run()
                  .isOk());
}

}  // namespace anju::testing
