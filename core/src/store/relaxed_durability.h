// Commits that need not wait for the disk, inside a store whose saves are synchronous=FULL
// (store_open.cpp says why FULL). Used for data the server already holds — pulled pages — which a
// power cut can only take back together with the cursor that would fetch them again.
#pragma once

#include "store/database.h"

namespace anju::store {

/// Switches the connection to synchronous=NORMAL for the commits between begin() and end(), and
/// back to FULL at end() or, on an early return, when the guard goes out of scope. In WAL mode
/// NORMAL keeps commits atomic and in order; it only skips the fsync of each commit, so the next
/// FULL commit (or checkpoint) makes them durable along with itself.
class RelaxedDurability {
 public:
  explicit RelaxedDurability(Database& db) : m_db(db) {}
  RelaxedDurability(const RelaxedDurability&) = delete;
  RelaxedDurability& operator=(const RelaxedDurability&) = delete;
  ~RelaxedDurability();

  Status begin();
  /// Back to FULL; an error here must reach the caller, or later saves would skip their fsync.
  Status end();

 private:
  Database& m_db;
  bool m_relaxed = false;
};

}  // namespace anju::store
