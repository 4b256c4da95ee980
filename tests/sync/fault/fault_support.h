// Shared pieces of the fault suite: the seed every random choice comes from (printed, and
// settable with ANJU_FAULT_SEED to replay a failure), SQLite's own integrity check, and the
// "tablet and server hold the same thing" comparison.
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "anju/store.h"
#include "sync_fixture.h"

namespace anju::server::testing {

/// ANJU_FAULT_SEED when set, else a fresh random seed; printed to stdout and recorded as a
/// test property either way, so a failing run can be replayed exactly.
std::uint32_t faultSeed(const std::string& testName);

/// PRAGMA integrity_check of the SQLite file at `path` (opened read-only): "ok" when sound,
/// otherwise SQLite's findings or the error opening it.
std::string sqliteIntegrity(const std::string& path);

/// Every record the server holds for `token`'s regions: (kind/id) -> versions seen, one entry
/// per copy, so a duplicate shows as two versions.
std::map<std::string, std::vector<std::uint64_t>> serverCopies(ProtocolClient& client,
                                                               const std::string& token);

/// Blob bytes on the server for `sha256`, hashed; "" when the complete blob is missing.
std::string serverBlobHash(const std::string& dataDir, const std::string& sha256);

}  // namespace anju::server::testing
