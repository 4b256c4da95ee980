// A photo chunk cut mid-body: the server keeps the bytes that arrived and the tablet resumes at
// that byte offset, not at the start of the chunk (docs/protocol.md, "Photos").
#include <regex>

#include "fault_proxy.h"
#include "fault_support.h"
#include "test_tablet.h"

namespace anju::server::testing {
namespace {

class PhotoByteOffset : public SyncServerTest {};

TEST_P(PhotoByteOffset, CutChunkResumesFromTheBytesTheServerKept) {
  FaultProxy proxy(server().port());
  ASSERT_NE(proxy.port(), 0);
  TestTablet tablet(dataDir(), "tablet", proxy.port());
  tablet.signInAndSync();
  Result<std::vector<BuildingSummary>> houses = tablet.store().listBuildings({}, 1);
  ASSERT_TRUE(houses.isOk() && !houses->empty());
  const Inspection in = makeInspection(houses->front().id);
  ASSERT_TRUE(tablet.store().putInspection(in, "demo").isOk());
  std::string bytes(1300 * 1024, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 131) % 256);
  Result<PhotoRecord> photo = tablet.photos().importBytes(
      tablet.store(), bytes, makePhoto(in.buildingId, in.id, ""), "demo");
  ASSERT_TRUE(photo.isOk());

  // Cut the first PUT after 300 KiB of its 512 KiB chunk have gone up.
  bool armed = false;
  tablet.transport().before = [&](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.method == "PUT" && !armed) {
      armed = true;
      proxy.arm(FaultProxy::Direction::kUpstream, FaultProxy::Action::kCut, 300 * 1024);
    }
    return HttpResponse{};
  };
  const SyncReport report = tablet.syncOk();
  EXPECT_EQ(proxy.faultsFired(), 1);
  EXPECT_EQ(report.photosUploaded, 1);
  EXPECT_EQ(report.photoBytesSent, photo->byteSize) << "each byte the server holds counted once";
  EXPECT_EQ(serverBlobHash(dataDir(), photo->sha256), photo->sha256);

  // The PUTs after the cut start inside the first chunk, where the server's bytes end.
  std::vector<long long> offsets;
  const std::regex offsetOf(R"(^PUT /v1/photos/[0-9a-f]+\?offset=(\d+)&)");
  for (const std::string& target : tablet.transport().targets) {
    std::smatch m;
    if (std::regex_search(target, m, offsetOf)) offsets.push_back(std::stoll(m[1]));
  }
  ASSERT_GE(offsets.size(), 3u);
  const auto resumed = std::find_if(offsets.begin(), offsets.end(),
                                    [](long long o) { return o > 0 && o < 512 * 1024; });
  ASSERT_NE(resumed, offsets.end()) << "no PUT resumed inside the cut chunk";
  EXPECT_GT(*resumed, 200 * 1024) << "the server kept (almost) nothing of the cut chunk";
}

INSTANTIATE_TEST_SUITE_P(Backends, PhotoByteOffset, ::testing::Values(Backend::kSqlite),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
