// Admin subcommands that load data: the building register import and the demo district.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "import/building_import.h"
#include "import/demo_register.h"
#include "service/auth_service.h"
#include "service/indexed_storage.h"

namespace anju::server {

int runImportBuildings(const CliArgs& args) {
  if (args.positional().size() != 1) {
    std::fprintf(stderr, "%s\n",
                 render(msg("cli.usage", {{"usage", "import-buildings FILE.csv --data DIR"}}),
                        terminalLocale())
                     .c_str());
    return 2;
  }
  const std::string path = args.positional()[0];
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(Status::notFound(msg("cli.file_unreadable", {{"path", path}})));
  std::ostringstream text;
  text << in.rdbuf();
  Result<ParsedRegister> parsed = parseBuildingRegister(text.str(), systemNowMs());
  if (!parsed) {
    // One line per problem, named by row and column, so a long file's mistakes can be found.
    const Locale locale = terminalLocale();
    const Status& s = parsed.status();
    std::fprintf(stderr, "%s\n", render(s.text(), locale).c_str());
    for (const FieldError& f : s.fieldErrors())
      std::fprintf(stderr, "  %s: %s\n", f.field.c_str(), render(f.text, locale).c_str());
    return 1;
  }
  for (const std::string& column : parsed->ignoredColumns)
    std::fprintf(
        stderr, "%s\n",
        render(msg("cli.ignoring_column", {{"column", column}}), terminalLocale()).c_str());
  Result<ServerConfig> config = resolveConfig(args);
  if (!config) return fail(config.status());
  Result<std::unique_ptr<IndexedStorage>> storage = openConfiguredStorage(*config);
  if (!storage) return fail(storage.status());
  HybridLogicalClock hlc;
  Result<std::size_t> stored = storeBuildings(**storage, hlc, parsed->buildings, "import:" + path);
  if (!stored) return fail(stored.status());
  std::printf("imported %zu buildings from %s\n", *stored, path.c_str());
  return 0;
}

int runDemo(const CliArgs& args) {
  Result<ServerConfig> config = resolveConfig(args);
  if (!config) return fail(config.status());
  Result<std::unique_ptr<IndexedStorage>> storage = openConfiguredStorage(*config);
  if (!storage) return fail(storage.status());
  AuthService auth(**storage, std::chrono::hours(1));
  struct DemoUser {
    const char* name;
    Role role;
    const char* password;
    const char* displayName;
    RegionPath region;
  };
  const DemoUser users[] = {
      {"demo",
       Role::kInspector,
       "demo1234",
       "演示排查员",
       {kDemoDistrict, kDemoInspectorStreet, ""}},
      {"reviewer", Role::kReviewer, "review1234", "住建局审核员", {kDemoDistrict, "", ""}},
      {"admin", Role::kAdmin, "admin1234", "系统管理员", {}},
  };
  for (const DemoUser& u : users) {
    if (Status s = auth.createUser(u.name, u.role, u.password, u.displayName); !s) return fail(s);
    if (!u.region.district.empty()) {
      if (Status s = (*storage)->addUserRegion(u.name, u.region); !s) return fail(s);
    }
  }
  HybridLogicalClock hlc;
  Result<std::size_t> stored = storeBuildings(**storage, hlc, demoBuildings(), "demo");
  if (!stored) return fail(stored.status());
  std::printf("demo district %s created in %s: %zu buildings\n", kDemoDistrict,
              config->storage == StorageBackend::kPostgres ? "the PostgreSQL database"
                                                           : config->dataDir.c_str(),
              *stored);
  std::printf("  inspector: demo / demo1234 (%s/%s)\n", kDemoDistrict, kDemoInspectorStreet);
  std::printf("  reviewer:  reviewer / review1234 (%s)\n", kDemoDistrict);
  std::printf("  admin:     admin / admin1234 (all regions)\n");
  // The connection string is not echoed: it may hold a password.
  std::printf("start the server: anju-server serve --data %s --port 8080%s\n",
              config->dataDir.empty() ? "DIR" : config->dataDir.c_str(),
              config->storage == StorageBackend::kPostgres ? " --postgres CONNINFO" : "");
  return 0;
}

}  // namespace anju::server
