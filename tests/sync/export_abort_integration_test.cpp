// An export that fails after its headers went out (issue 12 §6d), against the real server's
// export routes: a plain libcurl client — what curl(1) and, by the same HTTP rules, a browser's
// fetch do — must report a failed transfer (CURLE_PARTIAL_FILE), never a 200 with a short file
// that looks complete. The failure is injected with ANJU_FAULT_EXPORT_FAIL_AFTER_BYTES (the
// server's export code stops as it would on a storage error part-way); the engine-level tests
// are in http_engine_test.cpp.
#include <curl/curl.h>
#include <stdlib.h>

#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

constexpr int kFailAfterBytes = 300;

class ExportAbort : public SyncServerTest {
 protected:
  void SetUp() override {
    // The server process inherits the environment when the fixture starts it.
    ::setenv("ANJU_FAULT_EXPORT_FAIL_AFTER_BYTES", std::to_string(kFailAfterBytes).c_str(), 1);
    SyncServerTest::SetUp();
    ::unsetenv("ANJU_FAULT_EXPORT_FAIL_AFTER_BYTES");
    if (HasFatalFailure()) return;
    m_reviewer = client().login("reviewer", "review1234");
    ASSERT_FALSE(m_reviewer.empty());
  }

  struct Download {
    CURLcode result = CURLE_OK;
    long status = 0;
    std::string body;
    std::string error;
  };

  Download get(const std::string& path) {
    Download d;
    CURL* curl = curl_easy_init();
    char error[CURL_ERROR_SIZE] = {};
    const std::string url = "http://127.0.0.1:" + std::to_string(server().port()) + path;
    curl_slist* headers =
        curl_slist_append(nullptr, ("Authorization: Bearer " + m_reviewer).c_str());
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &d.body);
    curl_easy_setopt(
        curl, CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t n, void* out) -> size_t {
          static_cast<std::string*>(out)->append(data, size * n);
          return size * n;
        });
    d.result = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &d.status);
    d.error = error;
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return d;
  }

  std::string m_reviewer;
};

TEST_P(ExportAbort, AStreamedExportThatFailsMidwayIsAFailedTransferForCurl) {
  for (const char* path : {"/v1/exports/register.csv", "/v1/exports/houses.geojson"}) {
    const Download d = get(path);
    EXPECT_EQ(d.status, 200) << path << ": the headers went out before the failure";
    EXPECT_EQ(d.result, CURLE_PARTIAL_FILE) << path << ": " << curl_easy_strerror(d.result) << " "
                                            << d.error << ", " << d.body.size() << " bytes";
    EXPECT_EQ(d.body.size(), static_cast<std::size_t>(kFailAfterBytes)) << path;
  }
  // The server stays up and logged why.
  EXPECT_EQ(client().get("/healthz").status, 200);
}

TEST_P(ExportAbort, AFileExportThatFailsMidwayIsAFailedTransferForCurl) {
  const Download d = get("/v1/exports/register.xlsx");
  EXPECT_EQ(d.status, 200);
  EXPECT_EQ(d.result, CURLE_PARTIAL_FILE)
      << curl_easy_strerror(d.result) << " " << d.error << ", " << d.body.size() << " bytes";
  EXPECT_EQ(d.body.size(), static_cast<std::size_t>(kFailAfterBytes));
}

TEST_P(ExportAbort, APhotoZipThatFailsMidwayIsAFailedTransferForCurl) {
  // One photo bigger than the limit, so the failure falls inside its bytes.
  const Inspection in = makeInspection(ownBuilding(0).record_id());
  const std::string bytes = patternBytes(4000, 'z');
  const PhotoRecord photo = makePhoto(in.buildingId, in.id, bytes);
  const v1::PushResponse r =
      client().push(m_demoToken, makePush({makeChange(in, 100, 0), makeChange(photo, 101, 0)}));
  for (const auto& result : r.results()) ASSERT_EQ(result.outcome(), v1::ChangeResult::APPLIED);
  ASSERT_EQ(client().uploadPhoto(photo.sha256, bytes, m_demoToken).status, 200);
  const Download d = get("/v1/exports/photos.zip");
  EXPECT_EQ(d.status, 200);
  EXPECT_EQ(d.result, CURLE_PARTIAL_FILE)
      << curl_easy_strerror(d.result) << " " << d.error << ", " << d.body.size() << " bytes";
  EXPECT_EQ(d.body.size(), static_cast<std::size_t>(kFailAfterBytes));
  EXPECT_EQ(client().get("/healthz").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, ExportAbort, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
