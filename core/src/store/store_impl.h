// Store's private state, shared by the store's source files (open, records, list, sync).
#pragma once

#include <memory>
#include <mutex>

#include "anju/store.h"
#include "store/database.h"

namespace anju {

struct Store::Impl {
  Impl(std::unique_ptr<store::Database> database, StoreOptions opts)
      : db(std::move(database)), options(std::move(opts)), clock(options.wallClock) {}

  TimestampMs wallNow() const { return options.wallClock ? options.wallClock() : systemNowMs(); }

  std::unique_ptr<store::Database> db;
  StoreOptions options;
  /// Versions for local saves; seeded on open from the largest version on disk and moved past
  /// every version pulled or confirmed by the server.
  HybridLogicalClock clock;
  /// Serialises all calls: one connection, one statement cache, one transaction at a time.
  std::mutex mutex;
};

}  // namespace anju
