// The evidence digest (anju/evidence_digest.h): it must change when anything it binds changes,
// stay the same across the wire codec, and ignore what a reviewer writes after submission.
#include "anju/evidence_digest.h"

#include <gtest/gtest.h>

#include <functional>

#include "anju/photo_library.h"
#include "anju/record_codec.h"
#include "anju/uuid.h"
#include "anju/validation.h"

namespace anju {
namespace {

struct Evidence {
  Inspection inspection;
  std::vector<PhotoRecord> photos;
};

PhotoRecord photo(const Uuid& buildingId, const Uuid& inspectionId, std::string bytes,
                  std::string document = {}) {
  PhotoRecord p;
  p.id = newUuid();
  p.sha256 = sha256Hex(bytes);
  p.byteSize = static_cast<std::int64_t>(bytes.size());
  p.capturedAt = 1780272100000;
  p.location = GeoPoint{30.51, 114.31, 5.0};
  p.buildingId = buildingId;
  p.inspectionId = inspectionId;
  p.document = std::move(document);
  if (p.document == kDocumentOwnerNotice) p.mimeType = "application/pdf";
  if (p.document == kDocumentOwnerSignature) p.mimeType = "image/png";
  return p;
}

Evidence signedEvidence() {
  Evidence e;
  Inspection& in = e.inspection;
  in.id = newUuid();
  in.buildingId = newUuid();
  in.inspector = "li.si";
  in.startedAt = 1780272000000;
  in.submittedAt = 1780275600000;
  in.location = GeoPoint{30.5, 114.3, 8.0};
  in.templateId = "self_built_house";
  in.templateVersion = 1;
  in.answers = {{"wall_cracks", true}, {"wall_crack_width", 1.2}};
  const PhotoRecord house = photo(in.buildingId, in.id, "house-bytes");
  const PhotoRecord crack = photo(in.buildingId, in.id, "crack-bytes");
  const PhotoRecord pdf = photo(in.buildingId, in.id, "%PDF-notice", kDocumentOwnerNotice);
  const PhotoRecord png = photo(in.buildingId, in.id, "png-signature", kDocumentOwnerSignature);
  in.photoIds = {house.id};
  in.findings.push_back({newUuid(),
                         Component::kLoadBearingWall,
                         HazardKind::kWallCrack,
                         "一层北侧承重墙",
                         {{"width", 1.2, "mm"}},
                         Severity::kSerious,
                         "",
                         {crack.id}});
  in.computedJudgment = PreliminaryJudgment::kSerious;
  in.review = ReviewState::kSubmitted;
  const std::string strokes = "10,10 20,20 30,15;40,40 50,45";
  in.ownerNotice = OwnerNotice{
      "GZ-20260601-0001", 1780275000000, pdf.id, pdf.sha256, false, png.id, png.sha256, strokes,
      sha256Hex(strokes), 1780275100000, ""};
  e.photos = {house, crack, pdf, png};
  return e;
}

std::string digestOf(const Evidence& e) {
  Result<std::string> d = computeEvidenceDigest(e.inspection, e.photos);
  EXPECT_TRUE(d.isOk()) << d.status().toString();
  return d.isOk() ? *d : std::string();
}

TEST(EvidenceDigest, IsSha256HexAndValidates) {
  Evidence e = signedEvidence();
  const std::string digest = digestOf(e);
  EXPECT_TRUE(isValidSha256Hex(digest));
  e.inspection.evidenceDigest = digest;
  EXPECT_TRUE(validateInspection(e.inspection).isOk())
      << validateInspection(e.inspection).toString();
}

TEST(EvidenceDigest, StableAcrossCodecRoundTrip) {
  Evidence e = signedEvidence();
  e.inspection.evidenceDigest = digestOf(e);
  Result<AnyRecord> back = decodeRecord(encodeRecord(e.inspection));
  ASSERT_TRUE(back.isOk());
  Evidence decoded{std::get<Inspection>(*back), {}};
  for (const PhotoRecord& p : e.photos) {
    Result<AnyRecord> q = decodeRecord(encodeRecord(p));
    ASSERT_TRUE(q.isOk());
    decoded.photos.push_back(std::get<PhotoRecord>(*q));
  }
  EXPECT_EQ(decoded.inspection, e.inspection);
  EXPECT_EQ(digestOf(decoded), e.inspection.evidenceDigest);
}

TEST(EvidenceDigest, ChangesWhenAnyBoundFieldChanges) {
  const Evidence base = signedEvidence();
  const std::string original = digestOf(base);
  const std::vector<std::pair<const char*, std::function<void(Evidence&)>>> edits = {
      {"answer", [](Evidence& e) { e.inspection.answers["wall_crack_width"] = 0.2; }},
      {"crack width", [](Evidence& e) { e.inspection.findings[0].measurements[0].value = 0.3; }},
      {"submitted_at", [](Evidence& e) { e.inspection.submittedAt += 1; }},
      {"started_at", [](Evidence& e) { e.inspection.startedAt -= 1; }},
      {"inspection GPS", [](Evidence& e) { e.inspection.location->latitude += 1e-6; }},
      {"judgment", [](Evidence& e) { e.inspection.computedJudgment = PreliminaryJudgment::kSome; }},
      {"photo hash", [](Evidence& e) { e.photos[1].sha256 = sha256Hex("other bytes"); }},
      {"photo GPS", [](Evidence& e) { e.photos[0].location->longitude += 1e-6; }},
      {"photo time", [](Evidence& e) { e.photos[0].capturedAt += 1000; }},
      {"photo size", [](Evidence& e) { e.photos[0].byteSize += 1; }},
      {"notice number", [](Evidence& e) { e.inspection.ownerNotice->number = "GZ-X"; }},
      {"signature strokes",
       [](Evidence& e) { e.inspection.ownerNotice->signatureStrokes += " 1,1"; }},
      {"signed at", [](Evidence& e) { e.inspection.ownerNotice->signedAt += 1; }},
  };
  for (const auto& [what, edit] : edits) {
    Evidence changed = base;
    edit(changed);
    EXPECT_NE(digestOf(changed), original) << what;
  }
}

TEST(EvidenceDigest, IgnoresWhatTheReviewerWritesLater) {
  const Evidence base = signedEvidence();
  Evidence reviewed = base;
  reviewed.inspection.review = ReviewState::kApproved;
  reviewed.inspection.reviewComment = "同意";
  reviewed.inspection.appraisalGrade = AppraisalGrade::kC;
  reviewed.inspection.evidenceDigest = digestOf(base);
  reviewed.photos[0].caption = "东立面";
  EXPECT_EQ(digestOf(reviewed), digestOf(base));
}

TEST(EvidenceDigest, MissingPhotoRecordIsNotFound) {
  Evidence e = signedEvidence();
  e.photos.erase(e.photos.begin() + 1);
  Result<std::string> d = computeEvidenceDigest(e.inspection, e.photos);
  ASSERT_FALSE(d.isOk());
  EXPECT_TRUE(d.status().code() == StatusCode::kNotFound) << d.status().toString();
}

TEST(EvidenceDigest, NoticeHashThatDiffersFromItsFileIsRefused) {
  Evidence e = signedEvidence();
  e.inspection.ownerNotice->pdfSha256 = sha256Hex("another pdf");
  Result<std::string> d = computeEvidenceDigest(e.inspection, e.photos);
  ASSERT_FALSE(d.isOk());
  EXPECT_TRUE(d.status().code() == StatusCode::kInvalidArgument) << d.status().toString();
}

TEST(OwnerNoticeValidation, RefusalNeedsANoteAndNoSignature) {
  Evidence e = signedEvidence();
  OwnerNotice& n = *e.inspection.ownerNotice;
  n.refused = true;
  EXPECT_FALSE(validateInspection(e.inspection).isOk());  // still carries a signature
  n.signaturePhotoId.clear();
  n.signatureSha256.clear();
  n.signatureStrokes.clear();
  n.strokesSha256.clear();
  EXPECT_FALSE(validateInspection(e.inspection).isOk());  // no note
  n.refusalNote = "户主不在场,其家属拒绝签字";
  EXPECT_TRUE(validateInspection(e.inspection).isOk())
      << validateInspection(e.inspection).toString();
}

TEST(OwnerNoticeValidation, StrokesMustMatchTheirHash) {
  Evidence e = signedEvidence();
  e.inspection.ownerNotice->signatureStrokes += " 99,99";
  const Status s = validateInspection(e.inspection);
  ASSERT_FALSE(s.isOk());
  EXPECT_NE(s.toString().find("strokes_sha256"), std::string::npos) << s.toString();
}

}  // namespace
}  // namespace anju
