// Admin subcommands that act on the database directly (safe while the server runs: SQLite
// serialises writers across processes, PostgreSQL writes take the same lock as the servers').
#include <cstdio>
#include <iostream>
#include <string>

#include "anju/hlc.h"
#include "cli/commands.h"
#include "service/auth_service.h"
#include "service/indexed_storage.h"
#include "service/record_query_service.h"
#include "service/review_service.h"
#include "storage/region_filter.h"

namespace anju::server {
namespace {

int usage(const char* text) {
  std::fprintf(stderr, "%s\n",
               render(msg("cli.usage", {{"usage", text}}), terminalLocale()).c_str());
  return 2;
}

Result<std::unique_ptr<IndexedStorage>> storageFor(const CliArgs& args) {
  Result<ServerConfig> config = resolveConfig(args);
  if (!config) return config.status();
  return openConfiguredStorage(*config);
}

}  // namespace

int runUser(const CliArgs& args) {
  const auto& pos = args.positional();
  if (pos.size() != 2 || pos[0] != "add" || !args.has("role") || !args.has("password-stdin"))
    return usage(
        "user add NAME --role inspector|reviewer|admin --password-stdin "
        "[--display-name TEXT] --data DIR");
  const std::optional<Role> role = parseRole(*args.option("role"));
  if (!role) return usage("user add NAME --role inspector|reviewer|admin ...");
  std::string password;
  std::getline(std::cin, password);
  while (!password.empty() && (password.back() == '\r' || password.back() == '\n'))
    password.pop_back();
  Result<std::unique_ptr<IndexedStorage>> storage = storageFor(args);
  if (!storage) return fail(storage.status());
  AuthService auth(**storage, std::chrono::hours(1));
  if (Status s = auth.createUser(pos[1], *role, password, args.option("display-name").value_or(""));
      !s)
    return fail(s);
  std::printf("user %s added (%s)\n", pos[1].c_str(), roleCode(*role));
  return 0;
}

int runAssign(const CliArgs& args) {
  const auto& pos = args.positional();
  if (pos.size() != 1 || !args.has("region"))
    return usage("assign NAME --region 区[/街道[/社区]] --data DIR");
  const std::optional<RegionPath> region = parseRegion(*args.option("region"));
  if (!region) return fail(Status::invalidArgument(msg("cli.region_format")));
  Result<std::unique_ptr<IndexedStorage>> storage = storageFor(args);
  if (!storage) return fail(storage.status());
  if (Status s = (*storage)->addUserRegion(pos[0], *region); !s) return fail(s);
  std::printf("user %s may now work in %s\n", pos[0].c_str(), formatRegion(*region).c_str());
  return 0;
}

int runReview(const CliArgs& args) {
  const auto& pos = args.positional();
  if (pos.size() != 2 || (pos[0] != "return" && pos[0] != "approve") ||
      (pos[0] == "return" && !args.has("comment")))
    return usage(
        "review return INSPECTION_ID --comment TEXT [--reviewer NAME] --data DIR\n"
        "       anju-server review approve INSPECTION_ID [--reviewer NAME] --data DIR");
  Result<std::unique_ptr<IndexedStorage>> storage = storageFor(args);
  if (!storage) return fail(storage.status());
  HybridLogicalClock hlc;
  ReviewService review(**storage, hlc);
  const std::string reviewer = args.option("reviewer").value_or("admin-cli");
  Result<ReviewResult> result =
      pos[0] == "return" ? review.returnInspection(pos[1], *args.option("comment"), reviewer)
                         : review.approveInspection(pos[1], reviewer);
  if (!result) return fail(result.status());
  std::printf("inspection %s %s: version %llu, seq %lld\n", pos[1].c_str(),
              pos[0] == "return" ? "returned" : "approved",
              static_cast<unsigned long long>(result->version),
              static_cast<long long>(result->seq));
  return 0;
}

int runInspectionStatus(const CliArgs& args) {
  if (args.positional().size() != 1) return usage("inspection-status INSPECTION_ID --data DIR");
  Result<std::unique_ptr<IndexedStorage>> storage = storageFor(args);
  if (!storage) return fail(storage.status());
  RecordQueryService records(**storage);
  Result<v1::InspectionStatus> status = records.inspectionStatus(args.positional()[0]);
  if (!status) return fail(status.status());
  std::printf("inspection %s review=%s photos=%d/%d %s\n", status->inspection_id().c_str(),
              status->review().c_str(), status->photos_complete(), status->photos_total(),
              status->photos_complete_all() ? "photos complete" : "photos incomplete");
  for (const std::string& sha : status->missing_sha256()) std::printf("missing %s\n", sha.c_str());
  return 0;
}

int runConflicts(const CliArgs& args) {
  if (args.positional().size() != 1) return usage("conflicts RECORD_ID --data DIR");
  Result<std::unique_ptr<IndexedStorage>> storage = storageFor(args);
  if (!storage) return fail(storage.status());
  Result<std::vector<ConflictRow>> conflicts = (*storage)->conflictsFor(args.positional()[0]);
  if (!conflicts) return fail(conflicts.status());
  std::printf("%zu conflict(s) for %s\n", conflicts->size(), args.positional()[0].c_str());
  for (const ConflictRow& c : *conflicts)
    std::printf("change %s by %s on %s: base %llu, incoming %llu, server %llu, %zu bytes kept\n",
                c.changeId.c_str(), c.userName.c_str(), c.deviceId.c_str(),
                static_cast<unsigned long long>(c.baseVersion),
                static_cast<unsigned long long>(c.incomingVersion),
                static_cast<unsigned long long>(c.serverVersion), c.payload.size());
  return 0;
}

int runRotateEpoch(const CliArgs& args) {
  Result<std::unique_ptr<IndexedStorage>> storage = storageFor(args);
  if (!storage) return fail(storage.status());
  if (Status s = (*storage)->rotateEpoch(); !s) return fail(s);
  std::printf("new epoch %s: every client will re-sync from scratch\n",
              (*storage)->epoch().c_str());
  return 0;
}

int runDevices(const CliArgs& args) {
  if (!args.positional().empty()) return usage("devices --data DIR");
  Result<std::unique_ptr<IndexedStorage>> storage = storageFor(args);
  if (!storage) return fail(storage.status());
  Result<std::vector<DeviceTokens>> devices = (*storage)->deviceTokens(systemNowMs());
  if (!devices) return fail(devices.status());
  for (const DeviceTokens& d : *devices)
    std::printf("user %s device %s last-sign-in %lld usable-tokens %d revoked-tokens %d\n",
                d.userName.c_str(), d.deviceId.c_str(), static_cast<long long>(d.lastSignIn),
                d.usable, d.revoked);
  return 0;
}

int runRevokeTokens(const CliArgs& args) {
  if (!args.positional().empty() || (!args.has("device") && !args.has("user")))
    return usage("revoke-tokens (--device ID | --user NAME) [--stolen] [--by ADMIN] --data DIR");
  Result<std::unique_ptr<IndexedStorage>> storage = storageFor(args);
  if (!storage) return fail(storage.status());
  AuthService auth(**storage, std::chrono::hours(1));
  const std::string user = args.option("user").value_or("");
  const std::string device = args.option("device").value_or("");
  const bool stolen = args.has("stolen");
  Result<std::int64_t> revoked =
      auth.revokeTokens(args.option("by").value_or("admin-cli"), user, device, !stolen);
  if (!revoked) return fail(revoked.status());
  std::printf("%lld token(s) revoked (user %s, device %s): %s\n", static_cast<long long>(*revoked),
              user.empty() ? "any" : user.c_str(), device.empty() ? "any" : device.c_str(),
              stolen ? "the tablet is refused everything from now on and wipes its data at its "
                       "next contact"
                     : "at its next contact the tablet pushes what it holds, then wipes its data");
  return 0;
}

}  // namespace anju::server
