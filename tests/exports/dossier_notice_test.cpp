// The house dossier (一户一档) includes the owner notice: a page with the notice number, the
// signing time and the owner's signature image as uploaded from the tablet, checked with poppler
// (pdftotext for the words, pdfimages for the signature image).
#include <httplib.h>

#include <cstdlib>

#include "anju/evidence_digest.h"
#include "anju/photo_library.h"
#include "export_tools.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

class DossierNotice : public SyncServerTest {
 protected:
  std::string download(const std::string& path, const std::string& token) {
    httplib::Client c("127.0.0.1", server().port());
    c.set_read_timeout(std::chrono::seconds(120));
    auto res = c.Get(path.c_str(), {{"Authorization", "Bearer " + token}});
    return res && res->status == 200 ? res->body : std::string();
  }

  void upload(const std::string& bytes) {
    const Reply r = client().put(
        "/v1/photos/" + sha256Hex(bytes) + "?offset=0&total=" + std::to_string(bytes.size()), bytes,
        m_demoToken);
    ASSERT_EQ(r.status, 200) << r.body;
  }
};

TEST_P(DossierNotice, DossierHasTheSignedNoticeWithTheSignatureImage) {
  for (const char* tool : {"pdftotext", "pdfimages"}) {
    const std::string missing = missingTool(tool, "poppler-utils");
    ASSERT_TRUE(missing.empty()) << missing;
  }
  const Uuid building = ownBuilding(1).record_id();
  Inspection in = makeInspection(building);
  const std::string pdfBytes = "%PDF-1.4 the notice as handed over";
  const std::string pngBytes = readFile(std::string(ANJU_EXPORT_TEST_DATA) + "/signature.png");
  ASSERT_GT(pngBytes.size(), 100u);
  PhotoRecord pdf = makePhoto(building, in.id, pdfBytes);
  pdf.document = kDocumentOwnerNotice;
  pdf.mimeType = "application/pdf";
  PhotoRecord png = makePhoto(building, in.id, pngBytes);
  png.document = kDocumentOwnerSignature;
  png.mimeType = "image/png";
  const std::string strokes = "10,50 90,20 170,80";
  in.ownerNotice = OwnerNotice{
      "AJ-20260601-5E7A9C21", 1780275000000, pdf.id, pdf.sha256, false, png.id, png.sha256, strokes,
      sha256Hex(strokes),     1780275100000, ""};
  Result<std::string> digest = computeEvidenceDigest(in, {pdf, png});
  ASSERT_TRUE(digest.isOk()) << digest.status().toString();
  in.evidenceDigest = *digest;
  const v1::PushResponse r = client().push(
      m_demoToken,
      makePush({makeChange(pdf, 100, 0), makeChange(png, 101, 0), makeChange(in, 102, 0)}));
  for (const auto& result : r.results())
    ASSERT_EQ(result.outcome(), v1::ChangeResult::APPLIED) << result.reason();
  upload(pdfBytes);
  upload(pngBytes);

  const std::string reviewer = client().login("reviewer", "review1234");
  const std::string body = download("/v1/exports/dossier/" + building + ".pdf", reviewer);
  ASSERT_EQ(body.rfind("%PDF-", 0), 0u);
  const std::string path = dataDir() + "/dossier-notice.pdf";
  writeFile(path, body);

  const ToolRun text = runTool("pdftotext -layout " + shellQuote(path) + " -");
  ASSERT_EQ(text.exitCode, 0) << text.out;
  for (const std::string& expected :
       {std::string("房屋安全隐患告知书"), std::string("AJ-20260601-5E7A9C21"),
        std::string("产权人已签字"), std::string("产权人签名"), png.sha256.substr(0, 16)})
    EXPECT_NE(text.out.find(expected), std::string::npos) << expected << "\n" << text.out;

  // The signature is an image of its own in the PDF: 300 x 100, as captured.
  const ToolRun images = runTool("pdfimages -list " + shellQuote(path));
  ASSERT_EQ(images.exitCode, 0) << images.out;
  EXPECT_NE(images.out.find("  300   100"), std::string::npos) << images.out;
  if (const char* keep = std::getenv("ANJU_TEST_ARTIFACTS"); keep && *keep)
    writeFile(std::string(keep) + "/dossier-notice.pdf", body);
}

INSTANTIATE_TEST_SUITE_P(Backends, DossierNotice, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
