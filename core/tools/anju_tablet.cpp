// anju_tablet: a headless tablet for scripts and demos. One SQLite store file is one tablet; its
// photos live next to it (<db>.photos/).
//
//   anju_tablet --db FILE login URL USER PASSWORD   sign in (the session is cached in FILE)
//   anju_tablet --db FILE sync                       push, upload photos, pull
//   anju_tablet --db FILE status                     pending changes/photos, last sync, errors
//   anju_tablet --db FILE list-buildings [N]         the first N houses (default 10)
//   anju_tablet --db FILE add-building 区 街道 社区 地址
//   anju_tablet --db FILE import-demo-inspection [--building ID] PHOTO_FILE
//                       an inspection with a 1.2 mm wall crack (with the photo) and a roof leak,
//                       graded with the shipped preliminary judgment rules
//   anju_tablet --db FILE add-photo INSPECTION_ID FILE [CAPTION]
//   anju_tablet --db FILE show-inspection ID        review state, reviewer's comment, grade
//   anju_tablet --db FILE visit BUILDING_ID OUTCOME [NOTE]
//                       records a visit (走访) now: inspected | nobody_home | refused_entry |
//                       gone_or_not_found
//   anju_tablet --db FILE show-visits BUILDING_ID   the house's visits, newest first, and when
//                                                    the revisit is due
//
// Exit status: 0 success, 1 failure (message on stderr), 2 bad usage.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "anju/curl_transport.h"
#include "anju/data_dir.h"
#include "anju/enum_codes.h"
#include "anju/grading.h"
#include "anju/photo_library.h"
#include "anju/store.h"
#include "anju/sync_client.h"
#include "anju/uuid.h"
#include "anju/visits.h"

namespace {

using namespace anju;

// Tool-only sync state: where this tablet syncs to, and its stable device id.
constexpr std::string_view kServerUrl = "server_url";
constexpr std::string_view kDeviceId = "device_id";

int usage() {
  std::fprintf(stderr,
               "usage: anju_tablet --db FILE COMMAND\n"
               "  login URL USER PASSWORD | sync | status | list-buildings [N]\n"
               "  add-building DISTRICT STREET COMMUNITY ADDRESS\n"
               "  import-demo-inspection [--building ID] PHOTO_FILE\n"
               "  add-photo INSPECTION_ID FILE [CAPTION]\n"
               "  show-inspection ID\n"
               "  visit BUILDING_ID inspected|nobody_home|refused_entry|gone_or_not_found [NOTE]\n"
               "  show-visits BUILDING_ID | list-assigned\n");
  return 2;
}

int fail(const Status& s) {
  std::fprintf(stderr, "%s\n", describe(s, terminalLocale()).c_str());
  return 1;
}

struct Tablet {
  std::unique_ptr<Store> store;
  std::unique_ptr<PhotoLibrary> photos;
  std::string deviceId;
  std::string actor;
};

Result<Tablet> openTablet(const std::string& dbPath) {
  Result<std::unique_ptr<Store>> store = Store::open(dbPath);
  if (!store) return store.status();
  Result<PhotoLibrary> photos = PhotoLibrary::open(PhotoLibrary::folderForDatabase(dbPath));
  if (!photos) return photos.status();
  Result<std::string> device = (*store)->syncState(kDeviceId);
  if (!device) return device.status();
  if (device->empty()) {
    *device = "tablet-" + newUuid();
    if (Status s = (*store)->setSyncState(kDeviceId, *device); !s) return s;
  }
  Result<std::string> user = (*store)->syncState(kSyncAuthUser);
  if (!user) return user.status();
  return Tablet{std::move(*store), std::make_unique<PhotoLibrary>(std::move(*photos)), *device,
                user->empty() ? "tablet" : *user};
}

// A SyncClient over libcurl to `url` (from the login command, or the one stored at login).
int withClient(Tablet& t, std::string url, const std::function<int(SyncClient&)>& body) {
  if (url.empty()) {
    Result<std::string> stored = t.store->syncState(kServerUrl);
    if (!stored) return fail(stored.status());
    url = *stored;
  }
  if (url.empty()) return fail(Status::unauthenticated(msg("tablet.sign_in_first")));
  CurlOptions curl;
  curl.baseUrl = url;
  Result<std::unique_ptr<CurlTransport>> transport = CurlTransport::create(curl);
  if (!transport) return fail(transport.status());
  SyncOptions options;
  options.deviceId = t.deviceId;
  SyncClient client(*t.store, *t.photos, **transport, options);
  return body(client);
}

int login(Tablet& t, const std::string& url, const std::string& user, const std::string& pw) {
  return withClient(t, url, [&](SyncClient& client) {
    Result<Session> session = client.login(user, pw);
    if (!session) return fail(session.status());
    if (Status s = t.store->setSyncState(kServerUrl, url); !s) return fail(s);
    std::printf("signed in as %s (%s), %zu region grant(s), token valid until %lld\n",
                session->user.c_str(), session->role.c_str(), session->regions.size(),
                static_cast<long long>(session->expiresAt));
    return 0;
  });
}

int sync(Tablet& t) {
  return withClient(t, "", [](SyncClient& client) {
    Result<SyncReport> r = client.sync([](SyncPhase phase, const SyncReport& soFar) {
      const char* names[] = {"push", "photos", "pull"};
      std::fprintf(stderr, "  %s: pushed %d/%lld, photo bytes %lld/%lld, pulled %d\n",
                   names[static_cast<int>(phase)], soFar.changesPushed(),
                   static_cast<long long>(soFar.changesToPush),
                   static_cast<long long>(soFar.photoBytesSent),
                   static_cast<long long>(soFar.photoBytesToUpload), soFar.recordsPulled());
    });
    if (!r) return fail(r.status());
    std::printf(
        "pushed: %d applied, %d duplicate, %d conflict, %d rejected (%lld bytes)\n"
        "photos: %d/%d uploaded (%lld bytes)\n"
        "pulled: %d applied, %d skipped, %d conflict (%lld bytes)%s\nretries: %d\n",
        r->applied, r->duplicates, r->conflicts, r->rejected,
        static_cast<long long>(r->bytesPushed), r->photosUploaded, r->photosToUpload,
        static_cast<long long>(r->photoBytesSent), r->pulledApplied, r->pulledSkipped,
        r->pulledConflicts, static_cast<long long>(r->bytesPulled),
        r->pullReset ? " [full re-sync]" : "", r->retries);
    for (const Message& p : r->photoProblems)
      std::printf("photo problem: %s\n", render(p, terminalLocale()).c_str());
    return 0;
  });
}

// "2026-06-01 08:30:00 UTC" for a decimal UTC-ms string; "never" when empty.
std::string formatTime(const std::string& ms) {
  if (ms.empty()) return "never";
  const std::time_t seconds = static_cast<std::time_t>(std::atoll(ms.c_str()) / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &utc);
  return text;
}

int status(Tablet& t) {
  Result<std::int64_t> pending = t.store->pendingOutboxCount();
  Result<std::int64_t> photos = t.store->pendingPhotoUploadCount();
  Result<std::vector<RejectedChange>> rejected = t.store->rejectedOutbox();
  Result<std::vector<ConflictEntry>> conflicts = t.store->openConflicts();
  Result<std::string> lastSync = t.store->syncState(kSyncLastSyncAt);
  Result<std::string> lastError = t.store->syncState(kSyncLastError);
  Result<std::string> token = t.store->syncState(kSyncAuthToken);
  for (const Status& s : {pending.status(), photos.status(), rejected.status(), conflicts.status(),
                          lastSync.status(), lastError.status(), token.status()})
    if (!s) return fail(s);
  std::printf(
      "user: %s%s\npending changes: %lld\npending photos: %lld\nlast sync: %s\n"
      "last error: %s\nrejected changes: %zu\nopen conflicts: %zu\n",
      t.actor.c_str(), token->empty() ? " (signed out)" : "", static_cast<long long>(*pending),
      static_cast<long long>(*photos), formatTime(*lastSync).c_str(),
      lastError->empty() ? "none" : lastError->c_str(), rejected->size(), conflicts->size());
  for (const RejectedChange& r : *rejected)
    std::printf("  rejected %s %s: %s\n", std::string(recordKindCode(r.change.kind)).c_str(),
                r.change.recordId.c_str(), r.reason.c_str());
  for (const ConflictEntry& c : *conflicts)
    std::printf("  conflict #%lld %s %s (%s): version %llu kept beside %llu\n",
                static_cast<long long>(c.id), std::string(recordKindCode(c.kind)).c_str(),
                c.recordId.c_str(), c.origin.c_str(),
                static_cast<unsigned long long>(c.losingVersion),
                static_cast<unsigned long long>(c.winningVersion));
  return 0;
}

int listBuildings(Tablet& t, int limit) {
  Result<std::vector<BuildingSummary>> list = t.store->listBuildings({}, limit);
  if (!list) return fail(list.status());
  for (const BuildingSummary& b : *list)
    std::printf("%s  %s/%s/%s %s\n", b.id.c_str(), b.region.district.c_str(),
                b.region.street.c_str(), b.region.community.c_str(), b.address.c_str());
  return 0;
}

// 分派给我: "BUILDING_ID DUE_DATE ADDRESS", earliest due date first (what My houses shows first).
int listAssigned(Tablet& t) {
  Result<std::vector<AssignedHouse>> list = t.store->assignedHouses(10000);
  if (!list) return fail(list.status());
  for (const AssignedHouse& a : *list)
    std::printf("%s %s %s\n", a.summary.id.c_str(), a.dueDate.c_str(), a.summary.address.c_str());
  return 0;
}

int addBuilding(Tablet& t, const std::vector<std::string>& a) {
  Building b;
  b.id = newUuid();
  b.region = {a[0], a[1], a[2]};
  b.address = a[3];
  b.structure = StructureType::kBrickConcrete;
  Result<HlcVersion> saved = t.store->putBuilding(b, t.actor);
  if (!saved) return fail(saved.status());
  std::printf("%s\n", b.id.c_str());
  return 0;
}

int importDemoInspection(Tablet& t, std::string buildingId, const std::string& photoFile) {
  if (buildingId.empty()) {
    Result<std::vector<BuildingSummary>> first = t.store->listBuildings({}, 1);
    if (!first) return fail(first.status());
    if (first->empty()) return fail(Status::notFound(msg("tablet.no_buildings")));
    buildingId = first->front().id;
  }
  Result<Building> building = t.store->building(buildingId);
  if (!building) return fail(building.status());
  Result<PreliminaryRules> rules =
      loadPreliminaryRules(anju::shippedDataDir() + "/rules/preliminary_judgment.v1.yaml");
  if (!rules) return fail(rules.status());

  Inspection in;
  in.id = newUuid();
  in.buildingId = buildingId;
  in.inspector = t.actor;
  in.startedAt = systemNowMs();
  in.submittedAt = in.startedAt;
  in.templateId = "self_built_house";
  in.templateVersion = 1;
  in.answers = {{"wall_cracks", true}, {"wall_crack_width", 1.2}, {"roof_leak", true}};
  Finding crack{newUuid(),
                Component::kLoadBearingWall,
                HazardKind::kWallCrack,
                "一层北侧承重墙",
                {{"width", 1.2, "mm"}},
                Severity::kSome,
                "斜裂缝",
                {}};
  Finding leak{newUuid(),
               Component::kRoof,
               HazardKind::kRoofLeak,
               "屋面东侧",
               {},
               Severity::kSome,
               "雨后渗水",
               {}};

  // The photo first, so the inspection that names it is saved complete in one change.
  PhotoRecord photo;
  photo.id = newUuid();
  photo.capturedAt = in.startedAt;
  photo.buildingId = buildingId;
  photo.inspectionId = in.id;
  photo.findingId = crack.id;
  photo.caption = "北墙斜裂缝 1.2 mm";
  photo.category = PhotoCategory::kCrack;
  Result<PhotoRecord> saved = t.photos->importFile(*t.store, photoFile, photo, t.actor);
  if (!saved) return fail(saved.status());
  crack.photoIds.push_back(saved->id);
  in.findings = {crack, leak};
  in.review = ReviewState::kSubmitted;
  const PreliminaryAssessment graded = gradeInspection(in, *building, *rules);
  // Submitted at the door: the 已排查 visit goes with it, in the same transaction.
  Result<HlcVersion> version =
      t.store->putInspectionWithVisit(in, visitForSubmission(in, newUuid()), t.actor);
  if (!version) return fail(version.status());
  const EnumLabel& judgment = label(graded.judgment);
  std::printf("inspection %s: %s %s\nphoto %s (%lld bytes, sha256 %s)\n", in.id.c_str(),
              std::string(judgment.zh).c_str(), std::string(judgment.code).c_str(),
              saved->id.c_str(), static_cast<long long>(saved->byteSize), saved->sha256.c_str());
  return 0;
}

int addPhoto(Tablet& t, const std::string& inspectionId, const std::string& file,
             const std::string& caption) {
  Result<Inspection> in = t.store->inspection(inspectionId);
  if (!in) return fail(in.status());
  PhotoRecord photo;
  photo.id = newUuid();
  photo.capturedAt = systemNowMs();
  photo.buildingId = in->buildingId;
  photo.inspectionId = in->id;
  photo.caption = caption;
  Result<PhotoRecord> saved = t.photos->importFile(*t.store, file, photo, t.actor);
  if (!saved) return fail(saved.status());
  std::printf("photo %s (%lld bytes, sha256 %s)\n", saved->id.c_str(),
              static_cast<long long>(saved->byteSize), saved->sha256.c_str());
  return 0;
}

// What the inspector sees of a review on the tablet, one "key: value" per line.
int showInspection(Tablet& t, const std::string& inspectionId) {
  Result<Inspection> in = t.store->inspection(inspectionId);
  if (!in) return fail(in.status());
  std::printf("inspection: %s\nreview: %s\nreview_comment: %s\nappraisal_grade: %s\n",
              in->id.c_str(), std::string(toCode(in->review)).c_str(), in->reviewComment.c_str(),
              in->appraisalGrade ? std::string(toCode(*in->appraisalGrade)).c_str() : "");
  Result<std::vector<Rectification>> rects = t.store->rectificationsOfBuilding(in->buildingId);
  if (!rects) return fail(rects.status());
  for (const Rectification& r : *rects) {
    std::printf("rectification: %s %s %s %s\n", r.id.c_str(), std::string(toCode(r.status)).c_str(),
                r.measure.c_str(), r.deadline.c_str());
    // A hazard's measure (一隐患一记录): which finding, and how far towards 销号.
    if (r.forHazard())
      std::printf("rectification_hazard: %s %s %s\n", r.id.c_str(), r.findingId.c_str(),
                  std::string(toCode(r.stage())).c_str());
  }
  return 0;
}

int recordVisit(Tablet& t, const std::string& buildingId, const std::string& outcome,
                const std::string& note) {
  const std::optional<VisitOutcome> parsed = parseVisitOutcome(outcome);
  if (!parsed)
    return fail(
        Status::invalidArgument(msg("tablet.unknown_visit_outcome", {{"outcome", outcome}})));
  Visit v;
  v.id = newUuid();
  v.buildingId = buildingId;
  v.inspector = t.actor;
  v.visitedAt = systemNowMs();
  v.outcome = *parsed;
  v.note = note;
  Result<HlcVersion> saved = t.store->putVisit(v, t.actor);
  if (!saved) return fail(saved.status());
  std::printf("visit %s: %s\n", v.id.c_str(), std::string(label(v.outcome).zh).c_str());
  return 0;
}

int showVisits(Tablet& t, const std::string& buildingId) {
  Result<std::vector<Visit>> visits = t.store->visitsOfBuilding(buildingId);
  if (!visits) return fail(visits.status());
  for (const Visit& v : *visits)
    std::printf("visit: %lld %s %s %s\n", static_cast<long long>(v.visitedAt),
                std::string(toCode(v.outcome)).c_str(), v.inspector.c_str(), v.note.c_str());
  if (!visits->empty() && needsRevisit(visits->front().outcome))
    std::printf("revisit_due: %s\n", revisitDueDate(visits->front().visitedAt, {}).c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() < 3 || args[0] != "--db") return usage();
  const std::string db = args[1];
  const std::string command = args[2];
  std::vector<std::string> rest(args.begin() + 3, args.end());

  Result<Tablet> tablet = openTablet(db);
  if (!tablet) return fail(tablet.status());
  Tablet& t = *tablet;
  if (command == "login" && rest.size() == 3) return login(t, rest[0], rest[1], rest[2]);
  if (command == "sync" && rest.empty()) return sync(t);
  if (command == "status" && rest.empty()) return status(t);
  if (command == "list-buildings" && rest.size() <= 1)
    return listBuildings(t, rest.empty() ? 10 : std::atoi(rest[0].c_str()));
  if (command == "add-building" && rest.size() == 4) return addBuilding(t, rest);
  if (command == "import-demo-inspection" && rest.size() == 1)
    return importDemoInspection(t, "", rest[0]);
  if (command == "import-demo-inspection" && rest.size() == 3 && rest[0] == "--building")
    return importDemoInspection(t, rest[1], rest[2]);
  if (command == "show-inspection" && rest.size() == 1) return showInspection(t, rest[0]);
  if (command == "add-photo" && (rest.size() == 2 || rest.size() == 3))
    return addPhoto(t, rest[0], rest[1], rest.size() == 3 ? rest[2] : "");
  if (command == "visit" && (rest.size() == 2 || rest.size() == 3))
    return recordVisit(t, rest[0], rest[1], rest.size() == 3 ? rest[2] : "");
  if (command == "show-visits" && rest.size() == 1) return showVisits(t, rest[0]);
  if (command == "list-assigned" && rest.empty()) return listAssigned(t);
  return usage();
}
