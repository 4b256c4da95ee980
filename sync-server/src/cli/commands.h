// The anju-server subcommands. Each takes the arguments after its name and returns the process
// exit code (0 ok, 1 failure, 2 usage error), printing results to stdout and problems to stderr.
#pragma once

#include <memory>

#include "anju/status.h"
#include "blob/blob_store.h"
#include "cli/cli_args.h"
#include "cli/server_config.h"
#include "service/indexed_storage.h"

namespace anju::server {

int runServe(const CliArgs& args);
int runUser(const CliArgs& args);
int runAssign(const CliArgs& args);
int runImportBuildings(const CliArgs& args);
int runRegionCodes(const CliArgs& args);
int runDemo(const CliArgs& args);
int runReview(const CliArgs& args);
int runInspectionStatus(const CliArgs& args);
int runConflicts(const CliArgs& args);
int runRotateEpoch(const CliArgs& args);
int runDevices(const CliArgs& args);
int runRevokeTokens(const CliArgs& args);
int runExport(const CliArgs& args);
int runImportPhotos(const CliArgs& args);

/// --config FILE, then --data/--listen/--port/--postgres on top (--postgres CONNINFO also selects
/// PostgreSQL). invalidArgument when SQLite has no data dir or PostgreSQL no connection string.
Result<ServerConfig> resolveConfig(const CliArgs& args);
/// The storage backend `config` selects, opened and migrated.
Result<std::unique_ptr<IndexedStorage>> openConfiguredStorage(const ServerConfig& config);
/// The photo store `config` selects (effectivePhotoStore) over `storage`, which it borrows.
/// invalidArgument when the folder store has no data dir or the database store no PostgreSQL.
Result<std::unique_ptr<BlobStore>> openConfiguredBlobs(const ServerConfig& config,
                                                       IndexedStorage& storage);
/// Loads the deployment's rule file (config.rulesFile, else the shipped one) and makes its
/// judgment vocabulary the words every label, export and page of this process shows. The
/// loader's error (file and line) when the file is unreadable or wrong, e.g. a vocabulary
/// name it does not define.
Status applyDeploymentRules(const ServerConfig& config);
/// Prints the status as "错误：…" (or "error: …" under an English locale) to stderr; returns 1.
int fail(const Status& status);

}  // namespace anju::server
