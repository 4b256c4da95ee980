// Admin subcommands that load data: the building register import, region codes and the demo
// district.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "export/register_csv.h"
#include "import/building_import.h"
#include "import/demo_register.h"
#include "import/region_code_import.h"
#include "service/auth_service.h"
#include "service/indexed_storage.h"

namespace anju::server {

namespace {

Result<std::string> readWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::notFound(msg("cli.file_unreadable", {{"path", path}}));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One line per problem, named by row and column, so a long file's mistakes can be found.
int failWithLines(const Status& s) {
  const Locale locale = terminalLocale();
  std::fprintf(stderr, "%s\n", render(s.text(), locale).c_str());
  for (const FieldError& f : s.fieldErrors())
    std::fprintf(stderr, "  %s: %s\n", f.field.c_str(), render(f.text, locale).c_str());
  return 1;
}

}  // namespace

int runImportBuildings(const CliArgs& args) {
  if (args.positional().size() != 1) {
    std::fprintf(stderr, "%s\n",
                 render(msg("cli.usage", {{"usage", "import-buildings FILE.csv --data DIR"}}),
                        terminalLocale())
                     .c_str());
    return 2;
  }
  const std::string path = args.positional()[0];
  Result<std::string> text = readWholeFile(path);
  if (!text) return fail(text.status());
  Result<ParsedRegister> parsed = parseBuildingRegister(*text, systemNowMs());
  if (!parsed) return failWithLines(parsed.status());
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

int runRegionCodes(const CliArgs& args) {
  const auto& pos = args.positional();
  const bool import = pos.size() == 2 && pos[0] == "import";
  const bool list = pos.size() == 1 && pos[0] == "list";
  if (!import && !list) {
    std::fprintf(stderr, "%s\n",
                 render(msg("cli.usage", {{"usage",
                                           "region-codes (import FILE.csv | list) "
                                           "--data DIR"}}),
                        terminalLocale())
                     .c_str());
    return 2;
  }
  Result<std::string> text = import ? readWholeFile(pos[1]) : Result<std::string>(std::string());
  if (!text) return fail(text.status());
  Result<ServerConfig> config = resolveConfig(args);
  if (!config) return fail(config.status());
  Result<std::unique_ptr<IndexedStorage>> storage = openConfiguredStorage(*config);
  if (!storage) return fail(storage.status());
  Result<std::vector<RegionCode>> stored = (*storage)->regionCodes();
  if (!stored) return fail(stored.status());
  if (list) {
    std::printf("区,街道,社区,区划代码\n");
    for (const RegionCode& c : *stored)
      std::printf("%s,%s,%s,%s\n", csvField(c.region.district).c_str(),
                  csvField(c.region.street).c_str(), csvField(c.region.community).c_str(),
                  c.code.c_str());
    return 0;
  }
  Result<std::vector<RegionCode>> parsed = parseRegionCodes(*text, *stored);
  if (!parsed) return failWithLines(parsed.status());
  if (Status s = (*storage)->putRegionCodes(*parsed, systemNowMs()); !s) return fail(s);
  std::printf("%s\n", render(msg("regioncode.imported",
                                 {{"count", std::to_string(parsed->size())}, {"path", pos[1]}}),
                             terminalLocale())
                          .c_str());
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
