#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "anju/data_dir.h"
#include "anju/grading.h"
#include "blob/blob_store.h"
#include "blob/database_blob_store.h"
#include "cli/commands.h"
#include "console/console_api.h"
#include "http/export_api.h"
#include "http/sync_api.h"
#include "service/indexed_storage.h"
#include "util/log.h"
#include "web/http_server.h"

namespace anju::server {

Result<ServerConfig> resolveConfig(const CliArgs& args) {
  ServerConfig config;
  if (auto path = args.option("config")) {
    if (Status s = loadConfigFile(*path, config); !s) return s;
  }
  for (const auto& [flag, key] :
       {std::pair{"data", "data_dir"}, std::pair{"listen", "listen"}, std::pair{"port", "port"},
        std::pair{"postgres", "postgres"}, std::pair{"photo-store", "photo_store"},
        std::pair{"map-tiles", "map_tiles"}, std::pair{"rules", "rules"}}) {
    if (auto value = args.option(flag)) {
      if (Status s = applyConfigValue(key, *value, config); !s) return s;
    }
  }
  if (args.has("postgres")) config.storage = StorageBackend::kPostgres;
  if (config.storage == StorageBackend::kPostgres && config.postgres.conninfo.empty())
    return Status::invalidArgument(msg("cli.postgres_conninfo_required"));
  if (config.storage == StorageBackend::kSqlite && config.dataDir.empty())
    return Status::invalidArgument(msg("cli.data_dir_required"));
  return config;
}

Result<std::unique_ptr<IndexedStorage>> openConfiguredStorage(const ServerConfig& config) {
  return openStorage(config.storage, config.dataDir, config.postgres);
}

Result<std::unique_ptr<BlobStore>> openConfiguredBlobs(const ServerConfig& config,
                                                       IndexedStorage& storage) {
  if (effectivePhotoStore(config) == PhotoStoreKind::kDatabase) {
    Result<std::unique_ptr<DatabaseBlobStore>> store = DatabaseBlobStore::open(storage.driver());
    if (!store) return store.status();
    return std::unique_ptr<BlobStore>(std::move(store).value());
  }
  if (config.dataDir.empty()) return Status::invalidArgument(msg("cli.photo_dir_required"));
  Result<std::unique_ptr<FileBlobStore>> store =
      FileBlobStore::open((std::filesystem::path(config.dataDir) / "blobs").string());
  if (!store) return store.status();
  return std::unique_ptr<BlobStore>(std::move(store).value());
}

Status applyDeploymentRules(const ServerConfig& config) {
  const std::string path = config.rulesFile.empty()
                               ? anju::shippedDataDir() + "/rules/preliminary_judgment.v1.yaml"
                               : config.rulesFile;
  Result<PreliminaryRules> rules = loadPreliminaryRules(path);
  if (!rules) return rules.status();
  applyJudgmentVocabulary(rules->vocabulary);
  return Status::ok();
}

int fail(const Status& status) {
  const Locale locale = terminalLocale();
  std::fprintf(stderr, "%s\n",
               render(msg("cli.error", {{"detail", describe(status, locale)}}), locale).c_str());
  return 1;
}

int runServe(const CliArgs& args) {
  Result<ServerConfig> config = resolveConfig(args);
  if (!config) return fail(config.status());
  // Before any thread exists: the judgment words are process-wide (enum_codes.h).
  if (Status s = applyDeploymentRules(*config); !s) return fail(s);
  // Photos: in the database with PostgreSQL (every server process shares them), under the data
  // dir with SQLite, unless photo_store says otherwise (docs/sync-server.md).
  if (effectivePhotoStore(*config) == PhotoStoreKind::kFiles && config->dataDir.empty())
    return fail(Status::invalidArgument(msg("cli.photo_dir_required")));
  Result<std::unique_ptr<IndexedStorage>> storage = openConfiguredStorage(*config);
  if (!storage) return fail(storage.status());
  Result<std::unique_ptr<BlobStore>> blobs = openConfiguredBlobs(*config, **storage);
  if (!blobs) return fail(blobs.status());

  HybridLogicalClock hlc;
  AuthService auth(**storage, config->tokenLifetime);
  PushService push(**storage, hlc);
  PullService pull(**storage, config->pullPageMax, config->pullPageDefault);
  PhotoService photos(**storage, **blobs, config->maxPhotoBytes);
  RecordQueryService records(**storage);
  Metrics metrics;
  ApiLimits limits;
  limits.maxPushBytes = config->maxPushBytes;
  limits.maxPhotoChunkBytes = config->maxPhotoChunkBytes;
  SyncApi api({auth, push, pull, photos, records}, metrics, limits);
  ReviewService review(**storage, hlc);
  RectificationService rectifications(**storage, hlc, photos);
  HouseService houses(**storage, **storage, **blobs);
  ProgressQuery progress((*storage)->driver());
  CampaignService campaign(**storage, progress);
  pull.setAssignmentSource([&campaign](const User& user) { return campaign.assignedTo(user); });
  HouseMapService houseMap(houses, **storage);
  ConsoleApi console({auth, review, rectifications, houses, campaign, houseMap}, config->mapTiles);
  ExportService exportService(**storage, **storage, **storage, blobs->get());
  DossierRunner dossiers(**storage, **storage, **blobs);
  ExportApi exportApi(auth, exportService, dossiers, &campaign);

  // Signals are taken by one thread with sigwait; block them before any other thread exists so
  // none of the engine's workers receives them.
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGTERM);
  sigaddset(&stopSignals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

  web::Router router;
  api.install(router);
  console.install(router);
  exportApi.install(router);

  web::ServerOptions options;
  options.address = config->listen;
  options.port = config->port;
  options.listenBacklog = config->listenBacklog;
  options.workerThreads = config->threads;
  options.passwordHashingThreads = config->loginThreads;
  options.idleTimeout = config->idleTimeout;
  options.tlsCertificateFile = config->tlsCertificate;
  options.tlsPrivateKeyFile = config->tlsPrivateKey;
  // Every connection is a file descriptor; a campaign's tablets need more than the default 1024.
  const long openFiles = web::raiseOpenFileLimit();
  web::HttpServer server(router, options);
  Result<int> port = server.listen();
  if (!port) return fail(port.status());
  // The connection string is not logged: it may hold a password.
  logInfo("anju-server started: data=" + config->dataDir + " storage=" +
          (config->storage == StorageBackend::kPostgres ? "postgres" : "sqlite") + " photos=" +
          (effectivePhotoStore(*config) == PhotoStoreKind::kDatabase ? "database" : "files") +
          " epoch=" + (*storage)->epoch() + " listening on " +
          (options.tlsCertificateFile.empty() ? "http://" : "https://") + config->listen + ":" +
          std::to_string(*port) + " backlog=" + std::to_string(options.listenBacklog) +
          " workers=" + std::to_string(options.workerThreads) +
          " login_workers=" + std::to_string(options.passwordHashingThreads) +
          " open_files=" + std::to_string(openFiles));
  std::printf("listening on %s:%d\n", config->listen.c_str(), *port);
  std::fflush(stdout);

  std::atomic<bool> stopRequested = false;
  std::thread signalWaiter([&] {
    int sig = 0;
    sigwait(&stopSignals, &sig);
    if (!stopRequested.exchange(true))
      logInfo(std::string("received ") + (sig == SIGINT ? "SIGINT" : "SIGTERM") + ", stopping");
    server.stop();
  });
  server.run();
  // run ended on its own (it only does after stop()): wake the waiter with a signal it waits for.
  const bool stoppedBySignal = stopRequested.exchange(true);
  if (!stoppedBySignal) kill(getpid(), SIGTERM);
  signalWaiter.join();
  logInfo("anju-server stopped");
  return stoppedBySignal ? 0 : 1;
}

}  // namespace anju::server
