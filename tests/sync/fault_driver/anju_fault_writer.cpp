// anju_fault_writer: a tablet process built to be killed. It writes inspections (new ones, edits
// of earlier ones, now and then a photo) into a tablet store in an endless loop and, when given a
// server, syncs every few writes. After each transaction has COMMITTED it prints one line to
// stdout (unbuffered), so whoever kills it with SIGKILL knows exactly what the store promised:
//
//   inspection <id> <version>     a new or edited inspection is durable at that version
//   photo <id> <sha256>           a photo record and its bytes are durable
//   sync-start / sync-end <ok|error message>
//
// usage: anju_fault_writer --db FILE --device NAME [--sync-every N] [--seed S]
// The server URL and token come from the store (the test signs in first, as the app does).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "anju/curl_transport.h"
#include "anju/photo_library.h"
#include "anju/store.h"
#include "anju/sync_client.h"
#include "anju/uuid.h"

namespace {

using namespace anju;

// The sync client stores no URL; the test puts it here before starting the writer.
constexpr std::string_view kServerUrl = "server_url";

void say(const std::string& line) {
  const std::string out = line + "\n";
  // write(2), not stdio: nothing may sit in a buffer when SIGKILL arrives.
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = ::write(STDOUT_FILENO, out.data() + done, out.size() - done);
    if (n <= 0) std::exit(3);  // the reader is gone
    done += static_cast<std::size_t>(n);
  }
}

int fail(const std::string& what, const Status& s) {
  std::fprintf(stderr, "anju_fault_writer: %s: %s\n", what.c_str(), s.toString().c_str());
  return 1;
}

Inspection newInspection(const Uuid& buildingId, std::mt19937& rng) {
  Inspection in;
  in.id = newUuid();
  in.buildingId = buildingId;
  in.inspector = "demo";
  in.startedAt = 1780272000000;
  in.submittedAt = 1780275600000;
  in.templateId = "self_built_house";
  in.templateVersion = 1;
  in.answers = {{"wall_cracks", true}};
  const double width = 0.5 + static_cast<double>(rng() % 30) / 10.0;
  in.findings.push_back({newUuid(),
                         Component::kLoadBearingWall,
                         HazardKind::kWallCrack,
                         "一层北侧承重墙",
                         {{"width", width, "mm"}},
                         Severity::kSerious,
                         "斜裂缝",
                         {}});
  in.computedJudgment = PreliminaryJudgment::kSerious;
  in.review = ReviewState::kSubmitted;
  return in;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db, device = "tablet";
  int syncEvery = 0;
  unsigned seed = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--db")
      db = argv[i + 1];
    else if (flag == "--device")
      device = argv[i + 1];
    else if (flag == "--sync-every")
      syncEvery = std::atoi(argv[i + 1]);
    else if (flag == "--seed")
      seed = static_cast<unsigned>(std::strtoul(argv[i + 1], nullptr, 10));
  }
  if (db.empty()) {
    std::fprintf(stderr,
                 "usage: anju_fault_writer --db FILE --device NAME [--sync-every N] [--seed S]\n");
    return 2;
  }
  std::mt19937 rng(seed);

  StoreOptions storeOptions;
  storeOptions.deviceId = device;
  Result<std::unique_ptr<Store>> opened = Store::open(db, storeOptions);
  if (!opened) return fail("open store", opened.status());
  Store& store = **opened;
  Result<PhotoLibrary> photos = PhotoLibrary::open(PhotoLibrary::folderForDatabase(db));
  if (!photos) return fail("open photos", photos.status());
  Result<std::vector<BuildingSummary>> houses = store.listBuildings({}, 40);
  if (!houses || houses->empty()) return fail("list buildings", houses.status());

  std::unique_ptr<CurlTransport> transport;
  std::unique_ptr<SyncClient> client;
  if (syncEvery > 0) {
    Result<std::string> url = store.syncState(kServerUrl);
    if (!url || url->empty()) return fail("server url", url.status());
    CurlOptions curl;
    curl.baseUrl = *url;
    curl.connectTimeout = std::chrono::milliseconds(2000);
    Result<std::unique_ptr<CurlTransport>> made = CurlTransport::create(curl);
    if (!made) return fail("transport", made.status());
    transport = std::move(*made);
    SyncOptions options;
    options.deviceId = device;
    options.initialBackoff = std::chrono::milliseconds(5);
    options.maxBackoff = std::chrono::milliseconds(50);
    options.photoChunkBytes = 64 * 1024;  // many small steps: more places for a kill to land
    client = std::make_unique<SyncClient>(store, *photos, *transport, options);
  }

  std::vector<Inspection> written;
  for (long step = 1;; ++step) {
    const int what = static_cast<int>(rng() % 10);
    if (what < 2 && !written.empty()) {
      // An edit of an earlier inspection: a new version of the same record.
      Inspection& in = written[rng() % written.size()];
      in.findings.front().note = "复查 " + std::to_string(step);
      Result<HlcVersion> v = store.putInspection(in, "demo");
      if (!v) return fail("edit inspection", v.status());
      say("inspection " + in.id + " " + std::to_string(*v));
    } else if (what < 3 && !written.empty()) {
      const Inspection& in = written[rng() % written.size()];
      std::string bytes(20 * 1024 + rng() % (200 * 1024), '\0');
      for (char& c : bytes) c = static_cast<char>(rng());
      PhotoRecord p;
      p.id = newUuid();
      p.capturedAt = 1780272100000;
      p.buildingId = in.buildingId;
      p.inspectionId = in.id;
      p.caption = "北墙裂缝";
      Result<PhotoRecord> saved = photos->importBytes(store, bytes, p, "demo");
      if (!saved) return fail("photo", saved.status());
      say("photo " + saved->id + " " + saved->sha256);
    } else {
      Inspection in = newInspection((*houses)[rng() % houses->size()].id, rng);
      Result<HlcVersion> v = store.putInspection(in, "demo");
      if (!v) return fail("new inspection", v.status());
      written.push_back(in);
      say("inspection " + in.id + " " + std::to_string(*v));
    }
    if (client && step % syncEvery == 0) {
      say("sync-start");
      Result<SyncReport> r = client->sync();
      say(r ? std::string("sync-end ok") : "sync-end error " + r.status().message());
    }
  }
}
