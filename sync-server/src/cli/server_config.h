// ServerConfig: what `anju-server serve` needs, from a `key = value` file (# comments) and/or
// command-line flags (flags win). docs/sync-server.md lists the keys.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "anju/status.h"
#include "storage/storage_factory.h"

namespace anju::server {

/// Where photo bytes live (docs/sync-server.md, "Photos on several servers").
enum class PhotoStoreKind {
  kAuto,      // the database with PostgreSQL, the folder <data dir>/blobs with SQLite
  kFiles,     // <data dir>/blobs
  kDatabase,  // PostgreSQL tables, shared by every server process (PostgreSQL only)
};

struct ServerConfig {
  std::string dataDir;  // holds anju.db (SQLite) and blobs/; required by serve and for SQLite
  StorageBackend storage = StorageBackend::kSqlite;
  PostgresOptions postgres;  // used when storage is kPostgres
  PhotoStoreKind photoStore = PhotoStoreKind::kAuto;
  std::string listen = "127.0.0.1";
  int port = 8080;                            // 0: pick a free port and print it
  std::chrono::hours tokenLifetime{24 * 30};  // tablets stay offline for days
  std::size_t maxPushBytes = 32u << 20;
  std::size_t maxPhotoChunkBytes = 8u << 20;
  std::int64_t maxPhotoBytes = 64ll << 20;
  int pullPageMax = 2000;
  int pullPageDefault = 200;
  int threads = 16;          // workers for requests being handled; idle connections hold none
  int listenBacklog = 1024;  // connections queued before accept (a shift-end burst)
  int loginThreads = 2;      // workers for logins (Argon2id: CPU and 64 MiB each)
  std::chrono::seconds idleTimeout{120};  // an idle keep-alive connection is closed after this
  std::string tlsCertificate;  // PEM chain; with tlsPrivateKey the port speaks HTTPS only
  std::string tlsPrivateKey;
  std::string mapTiles;  // the console map's tile URL template; empty: no tiles
  /// The preliminary-judgment rule file whose `vocabulary` gives the words a judgment is shown
  /// with (grading.h JudgmentVocabulary); empty: the shipped core/rules file.
  std::string rulesFile;
};

/// Applies the keys of the file at `path` on top of `config`. invalidArgument naming the line
/// for unknown keys or bad values.
Status loadConfigFile(const std::string& path, ServerConfig& config);
/// kAuto resolved for `config`'s storage backend.
PhotoStoreKind effectivePhotoStore(const ServerConfig& config);

/// Applies one key (file key names, e.g. "port") with a textual value.
Status applyConfigValue(const std::string& key, const std::string& value, ServerConfig& config);

}  // namespace anju::server
