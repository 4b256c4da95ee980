#include "cli/server_config.h"

#include <charconv>
#include <fstream>

#include "console/map_json.h"

namespace anju::server {
namespace {

std::string trim(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const std::size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

template <typename T>
bool parseNumber(const std::string& text, T& out, T min) {
  T v{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < min) return false;
  out = v;
  return true;
}

}  // namespace

Status applyConfigValue(const std::string& key, const std::string& value, ServerConfig& c) {
  bool ok = true;
  if (key == "data_dir") {
    c.dataDir = value;
    ok = !value.empty();
  } else if (key == "storage") {
    const std::optional<StorageBackend> backend = parseStorageBackend(value);
    ok = backend.has_value();
    if (ok) c.storage = *backend;
  } else if (key == "postgres") {
    c.postgres.conninfo = value;
    ok = !value.empty();
  } else if (key == "photo_store") {
    ok = value == "auto" || value == "files" || value == "database";
    if (ok)
      c.photoStore = value == "files"      ? PhotoStoreKind::kFiles
                     : value == "database" ? PhotoStoreKind::kDatabase
                                           : PhotoStoreKind::kAuto;
  } else if (key == "postgres_pool_size") {
    ok = parseNumber(value, c.postgres.poolSize, 1);
  } else if (key == "listen") {
    c.listen = value;
    ok = !value.empty();
  } else if (key == "port") {
    ok = parseNumber(value, c.port, 0) && c.port <= 65535;
  } else if (key == "token_lifetime_hours") {
    long hours = 0;
    ok = parseNumber(value, hours, 1L);
    c.tokenLifetime = std::chrono::hours(hours);
  } else if (key == "max_push_bytes") {
    ok = parseNumber(value, c.maxPushBytes, std::size_t{1024});
  } else if (key == "max_photo_chunk_bytes") {
    ok = parseNumber(value, c.maxPhotoChunkBytes, std::size_t{1024});
  } else if (key == "max_photo_bytes") {
    ok = parseNumber(value, c.maxPhotoBytes, std::int64_t{1024});
  } else if (key == "pull_page_max") {
    ok = parseNumber(value, c.pullPageMax, 1);
  } else if (key == "pull_page_default") {
    ok = parseNumber(value, c.pullPageDefault, 1);
  } else if (key == "threads") {
    ok = parseNumber(value, c.threads, 1);
  } else if (key == "tls_certificate") {
    c.tlsCertificate = value;
    ok = !value.empty();
  } else if (key == "tls_private_key") {
    c.tlsPrivateKey = value;
    ok = !value.empty();
  } else if (key == "map_tiles") {
    ok = value.empty() || tileSource(value).has_value();
    c.mapTiles = ok ? value : "";
  } else if (key == "rules") {
    c.rulesFile = value;
    ok = !value.empty();
  } else if (key == "listen_backlog") {
    ok = parseNumber(value, c.listenBacklog, 1);
  } else if (key == "login_threads") {
    ok = parseNumber(value, c.loginThreads, 1);
  } else if (key == "idle_timeout_seconds") {
    long seconds = 0;
    ok = parseNumber(value, seconds, 1L);
    c.idleTimeout = std::chrono::seconds(seconds);
  } else {
    return Status::invalidArgument(msg("cli.unknown_config_key", {{"key", key}}));
  }
  if (!ok && key == "postgres")  // never echo a connection string: it may hold a password
    return Status::invalidArgument(msg("cli.bad_value_postgres"));
  if (!ok)
    return Status::invalidArgument(msg("cli.bad_config_value", {{"key", key}, {"value", value}}));
  return Status::ok();
}

PhotoStoreKind effectivePhotoStore(const ServerConfig& config) {
  if (config.photoStore != PhotoStoreKind::kAuto) return config.photoStore;
  return config.storage == StorageBackend::kPostgres ? PhotoStoreKind::kDatabase
                                                     : PhotoStoreKind::kFiles;
}

Status loadConfigFile(const std::string& path, ServerConfig& config) {
  std::ifstream in(path);
  if (!in) return Status::notFound(msg("cli.config_unreadable", {{"path", path}}));
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string content = trim(line.substr(0, line.find('#')));
    if (content.empty()) continue;
    const std::size_t eq = content.find('=');
    if (eq == std::string::npos)
      return Status::invalidArgument(
          msg("cli.config_line_malformed", {{"where", path + ":" + std::to_string(number)}}));
    Status s = applyConfigValue(trim(content.substr(0, eq)), trim(content.substr(eq + 1)), config);
    if (!s)
      return Status::invalidArgument(path + ":" + std::to_string(number) + ": " + s.message());
  }
  return Status::ok();
}

}  // namespace anju::server
