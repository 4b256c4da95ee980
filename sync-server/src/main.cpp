// anju-server: the sync server and its admin commands in one binary. Exceptions that escape a
// command are reported here; commands themselves return errors as values.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

constexpr const char* kUsage =
    "anju-server — 安居 sync server\n"
    "\n"
    "  serve (--config FILE | --data DIR) [--listen ADDR] [--port N]   (port 0: pick one)\n"
    "        [--map-tiles URL]   (the console map's tiles, e.g. "
    "https://tiles.example/{z}/{x}/{y}.png)\n"
    "  user add NAME --role inspector|reviewer|admin --password-stdin [--display-name T] --data "
    "DIR\n"
    "  assign NAME --region 区[/街道[/社区]] --data DIR\n"
    "  import-buildings FILE.csv --data DIR\n"
    "  region-codes import FILE.csv --data DIR   (区,街道,社区,区划代码; see docs/sync-server.md)\n"
    "  region-codes list --data DIR\n"
    "  demo --data DIR\n"
    "  review return INSPECTION_ID --comment TEXT [--reviewer NAME] --data DIR\n"
    "  review approve INSPECTION_ID [--reviewer NAME] --data DIR\n"
    "  inspection-status INSPECTION_ID --data DIR\n"
    "  conflicts RECORD_ID --data DIR\n"
    "  rotate-epoch --data DIR      (after restoring a backup: clients re-sync)\n"
    "  devices --data DIR           (who signed in on which tablet)\n"
    "  revoke-tokens (--device ID | --user NAME) [--stolen] [--by ADMIN] --data DIR   (a lost "
    "tablet)\n"
    "  export register --format xlsx|csv --out FILE [filters] --data DIR\n"
    "  export geojson --out FILE [filters] --data DIR\n"
    "  export dossier (--building ID | --community 区/街道/社区) --out FILE --data DIR\n"
    "    filters: --district --street --community --judgment --review --rectification\n"
    "             --from YYYY-MM-DD --to YYYY-MM-DD --not-visited   (see docs/exports.md)\n"
    "  import-photos --from DIR --config FILE   (a photo folder into the configured photo store)\n"
    "\n"
    "Every command also accepts --config FILE instead of --data DIR, and --postgres CONNINFO\n"
    "to use a PostgreSQL database instead of DIR/anju.db (photos then go to the database too,\n"
    "unless photo_store = files; see docs/sync-server.md).\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace anju;
  using namespace anju::server;
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const std::string command = argv[1];
  const std::vector<std::string> rest(argv + 2, argv + argc);
  try {
    Result<CliArgs> args = CliArgs::parse(rest, {"password-stdin", "not-visited", "stolen"});
    if (!args) return fail(args.status());
    if (command == "serve") return runServe(*args);
    if (command == "user") return runUser(*args);
    if (command == "assign") return runAssign(*args);
    if (command == "import-buildings") return runImportBuildings(*args);
    if (command == "region-codes") return runRegionCodes(*args);
    if (command == "demo") return runDemo(*args);
    if (command == "review") return runReview(*args);
    if (command == "inspection-status") return runInspectionStatus(*args);
    if (command == "conflicts") return runConflicts(*args);
    if (command == "rotate-epoch") return runRotateEpoch(*args);
    if (command == "devices") return runDevices(*args);
    if (command == "revoke-tokens") return runRevokeTokens(*args);
    if (command == "export") return runExport(*args);
    if (command == "import-photos") return runImportPhotos(*args);
    if (command == "help" || command == "--help" || command == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    std::fprintf(
        stderr, "%s\n\n%s",
        render(msg("cli.unknown_command", {{"command", command}}), terminalLocale()).c_str(),
        kUsage);
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n",
                 render(msg("cli.error", {{"detail", e.what()}}), terminalLocale()).c_str());
    return 1;
  }
}
