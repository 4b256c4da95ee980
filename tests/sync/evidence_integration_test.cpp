// The evidence digest against the real server, on every storage backend: an intact inspection
// is applied and the console shows '证据完整' once its photos' bytes are uploaded; a record
// changed after the digest was made, or a photo record with a swapped hash, is rejected with a
// clear reason and nothing is stored.
#include <nlohmann/json.hpp>

#include "anju/evidence_digest.h"
#include "anju/photo_library.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using nlohmann::json;

class EvidenceCheck : public SyncServerTest {
 protected:
  void SetUp() override {
    SyncServerTest::SetUp();
    if (HasFatalFailure()) return;
    const Reply r = client().post(
        "/console/api/login", json{{"username", "reviewer"}, {"password", "review1234"}}.dump());
    ASSERT_EQ(r.status, 200);
    m_reviewer = json::parse(r.body)["token"].get<std::string>();

    const Uuid building = ownBuilding().record_id();
    m_inspection = makeInspection(building);
    m_photoBytes = {"crack photo bytes", "%PDF-1.4 notice", "\x89PNG signature"};
    m_photos = {makePhoto(building, m_inspection.id, m_photoBytes[0]),
                makePhoto(building, m_inspection.id, m_photoBytes[1]),
                makePhoto(building, m_inspection.id, m_photoBytes[2])};
    m_photos[0].location = GeoPoint{30.1, 120.2, 4.0};
    m_photos[1].document = kDocumentOwnerNotice;
    m_photos[1].mimeType = "application/pdf";
    m_photos[2].document = kDocumentOwnerSignature;
    m_photos[2].mimeType = "image/png";
    m_inspection.findings[0].photoIds = {m_photos[0].id};
    const std::string strokes = "1,1 5,5 9,2";
    m_inspection.ownerNotice = OwnerNotice{"GZ-TEST-0001",
                                           1780275000000,
                                           m_photos[1].id,
                                           m_photos[1].sha256,
                                           false,
                                           m_photos[2].id,
                                           m_photos[2].sha256,
                                           strokes,
                                           sha256Hex(strokes),
                                           1780275100000,
                                           ""};
    Result<std::string> digest = computeEvidenceDigest(m_inspection, m_photos);
    ASSERT_TRUE(digest.isOk()) << digest.status().toString();
    m_inspection.evidenceDigest = *digest;
  }

  v1::PushResponse pushAll(const Inspection& inspection, const std::vector<PhotoRecord>& photos) {
    std::vector<v1::Change> changes;
    for (const PhotoRecord& p : photos) changes.push_back(makeChange(p, 1000, 0));
    changes.push_back(makeChange(inspection, 1001, 0));
    return client().push(m_demoToken, makePush(std::move(changes)));
  }

  void uploadBytes() {
    for (const std::string& bytes : m_photoBytes) {
      const Reply r = client().put(
          "/v1/photos/" + sha256Hex(bytes) + "?offset=0&total=" + std::to_string(bytes.size()),
          bytes, m_demoToken);
      ASSERT_EQ(r.status / 100, 2) << r.body;
    }
  }

  json evidenceOnConsole() {
    const Reply r = client().get("/console/api/houses/" + ownBuilding().record_id(), m_reviewer);
    EXPECT_EQ(r.status, 200);
    const json body = json::parse(r.body);  // named: a range-for over a temporary's member dangles
    for (const json& in : body.at("inspections"))
      if (in["id"] == m_inspection.id) return in["evidence"];
    return nullptr;
  }

  bool serverHoldsInspection() {
    for (const v1::PulledChange& c : client().pullAll(m_demoToken))
      if (c.record_id() == m_inspection.id) return true;
    return false;
  }

  std::string m_reviewer;
  Inspection m_inspection;
  std::vector<std::string> m_photoBytes;
  std::vector<PhotoRecord> m_photos;
};

TEST_P(EvidenceCheck, IntactInspectionIsAppliedAndConsoleShowsEvidenceIntact) {
  const v1::PushResponse pushed = pushAll(m_inspection, m_photos);
  for (const v1::ChangeResult& r : pushed.results())
    ASSERT_EQ(r.outcome(), v1::ChangeResult::APPLIED) << r.reason();

  json evidence = evidenceOnConsole();
  EXPECT_EQ(evidence["state"], "photo_bytes_missing") << evidence.dump();
  EXPECT_FALSE(evidence["intact"].get<bool>());

  uploadBytes();
  evidence = evidenceOnConsole();
  EXPECT_EQ(evidence["state"], "intact") << evidence.dump();
  EXPECT_EQ(evidence["zh"], "证据完整");
  EXPECT_EQ(evidence["digest"], m_inspection.evidenceDigest);

  // The verification is recorded in the audit trail.
  const Reply audit = client().get("/console/api/audit", m_reviewer);
  ASSERT_EQ(audit.status, 200);
  EXPECT_NE(audit.body.find("evidence_verified"), std::string::npos);
}

TEST_P(EvidenceCheck, RecordChangedAfterTheDigestIsRejectedAndNotStored) {
  Inspection tampered = m_inspection;
  tampered.findings[0].measurements[0].value = 0.2;  // a serious crack made to look harmless
  const v1::PushResponse pushed = pushAll(tampered, m_photos);
  const v1::ChangeResult& result = pushed.results(3);
  EXPECT_EQ(result.outcome(), v1::ChangeResult::REJECTED);
  EXPECT_NE(result.reason().find("证据摘要不符"), std::string::npos) << result.reason();
  ASSERT_GT(result.fields_size(), 0);
  EXPECT_EQ(result.fields(0).field(), "evidence_digest");
  EXPECT_FALSE(serverHoldsInspection());
}

TEST_P(EvidenceCheck, SwappedPhotoHashIsRejectedAndNotStored) {
  std::vector<PhotoRecord> swapped = m_photos;
  swapped[0].sha256 = sha256Hex("a different photo");
  const v1::PushResponse pushed = pushAll(m_inspection, swapped);
  EXPECT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED);  // the photo record itself
  const v1::ChangeResult& result = pushed.results(3);
  EXPECT_EQ(result.outcome(), v1::ChangeResult::REJECTED);
  EXPECT_EQ(result.reason_id(), "push.evidence_digest_mismatch") << result.reason();
  EXPECT_NE(result.reason().find("证据摘要不符"), std::string::npos) << result.reason();
  EXPECT_FALSE(serverHoldsInspection());
}

TEST_P(EvidenceCheck, InspectionWhosePhotoRecordNeverArrivedIsRejected) {
  const v1::PushResponse pushed =
      client().push(m_demoToken, makePush({makeChange(m_inspection, 1001, 0)}));
  EXPECT_EQ(pushed.results(0).outcome(), v1::ChangeResult::REJECTED);
  EXPECT_NE(pushed.results(0).reason().find("证据照片记录缺失"), std::string::npos)
      << pushed.results(0).reason();
}

INSTANTIATE_TEST_SUITE_P(Backends, EvidenceCheck, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
