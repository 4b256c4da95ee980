#include "fault_support.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>

#include "anju/sha256.h"

namespace anju::server::testing {

std::uint32_t faultSeed(const std::string& testName) {
  std::uint32_t seed = 0;
  if (const char* env = std::getenv("ANJU_FAULT_SEED"); env && *env)
    seed = static_cast<std::uint32_t>(std::strtoul(env, nullptr, 10));
  else
    seed = std::random_device{}();
  std::printf("[fault] %s: seed %u (replay with ANJU_FAULT_SEED=%u)\n", testName.c_str(), seed,
              seed);
  std::fflush(stdout);
  ::testing::Test::RecordProperty("fault_seed", std::to_string(seed));
  return seed;
}

std::string sqliteIntegrity(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string error = db ? sqlite3_errmsg(db) : "cannot open";
    sqlite3_close(db);
    return "open failed: " + error;
  }
  std::string result;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) != SQLITE_OK) {
    result = std::string("prepare failed: ") + sqlite3_errmsg(db);
  } else {
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      if (!result.empty()) result += "\n";
      result += reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    if (rc != SQLITE_DONE) result += std::string("\nstep failed: ") + sqlite3_errmsg(db);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return result;
}

std::map<std::string, std::vector<std::uint64_t>> serverCopies(ProtocolClient& client,
                                                               const std::string& token) {
  std::map<std::string, std::vector<std::uint64_t>> out;
  for (const v1::PulledChange& c : client.pullAll(token))
    out[c.kind() + "/" + c.record_id()].push_back(c.version());
  return out;
}

std::string serverBlobHash(const std::string& dataDir, const std::string& sha) {
  const std::string blob =
      dataDir + "/blobs/" + sha.substr(0, 2) + "/" + sha.substr(2, 2) + "/" + sha;
  Result<std::string> hash = sha256OfFile(blob);
  return hash ? *hash : "";
}

}  // namespace anju::server::testing
