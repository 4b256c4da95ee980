#include "service/evidence_check.h"

#include <algorithm>

#include "anju/evidence_digest.h"
#include "anju/record_codec.h"

namespace anju::server {
namespace {

using nlohmann::json;

json problem(std::string zh, std::string en) {
  return {{"zh", std::move(zh)}, {"en", std::move(en)}};
}

json verdictJson(const std::string& state, const std::string& digest, json problems) {
  static const std::map<std::string, std::pair<const char*, const char*>> kLabels = {
      {"intact", {"证据完整", "evidence intact"}},
      {"no_digest", {"无证据摘要", "no evidence digest"}},
      {"digest_mismatch", {"证据摘要不符", "evidence digest mismatch"}},
      {"photo_record_missing", {"照片记录缺失", "photo record missing"}},
      {"photo_bytes_missing", {"照片文件缺失", "photo bytes missing"}},
  };
  const auto& [zh, en] = kLabels.at(state);
  return {{"intact", state == "intact"},
          {"state", state},
          {"digest", digest},
          {"zh", zh},
          {"en", en},
          {"problems", std::move(problems)}};
}

}  // namespace

Result<EvidenceVerdict> verifyPushedEvidence(SyncTransaction& tx, const v1::Inspection& message) {
  EvidenceVerdict verdict;
  if (message.evidence_digest().empty()) return verdict;
  Result<Inspection> inspection = fromProto(message);
  if (!inspection) {  // examineRecord decoded it already; kept for safety
    verdict.refusal = inspection.status().text();
    return verdict;
  }
  std::vector<PhotoRecord> photos;
  for (const Uuid& id : evidencePhotoIds(*inspection)) {
    Result<std::optional<StoredRecord>> stored = tx.findRecord(RecordKind::kPhoto, id);
    if (!stored) return stored.status();
    v1::Record record;
    if (!stored->has_value() || !record.ParseFromString((*stored)->payload) ||
        !record.has_photo()) {
      verdict.refusal = msg("push.evidence_photo_record_missing", {{"id", id}});
      verdict.fields.push_back(
          fieldError("evidence_digest", msg("push.evidence_missing_photo_record", {{"id", id}})));
      return verdict;
    }
    Result<PhotoRecord> photo = fromProto(record.photo());
    if (!photo) return photo.status();
    photos.push_back(std::move(photo).value());
  }
  Result<std::string> digest = computeEvidenceDigest(*inspection, photos);
  if (!digest) {
    verdict.refusal = digest.status().text();
    verdict.fields.push_back(fieldError("evidence_digest", digest.status().text()));
    return verdict;
  }
  if (*digest != message.evidence_digest()) {
    verdict.refusal = msg("push.evidence_digest_mismatch");
    verdict.fields.push_back(fieldError(
        "evidence_digest", msg("push.evidence_digests_differ",
                               {{"recorded", message.evidence_digest()}, {"computed", *digest}})));
    return verdict;
  }
  verdict.checked = true;
  verdict.photoCount = static_cast<int>(photos.size());
  return verdict;
}

AuditEntry evidenceAudit(const v1::Inspection& inspection, const EvidenceVerdict& verdict,
                         const RegionPath& region, const std::string& userName, TimestampMs now) {
  AuditEntry e;
  e.at = now;
  e.userName = userName;
  e.action = "evidence_verified";
  e.targetKind = recordKindCode(RecordKind::kInspection);
  e.targetId = inspection.id();
  e.buildingId = inspection.building_id();
  e.region = region;
  e.detail = json{{"evidence_digest", inspection.evidence_digest()}, {"photos", verdict.photoCount}}
                 .dump();
  return e;
}

json evidenceStatusJson(const v1::Inspection& message,
                        const std::map<std::string, v1::PhotoRecord>& photos,
                        const std::vector<std::string>& completePhotos) {
  const std::string& recorded = message.evidence_digest();
  if (recorded.empty())
    return verdictJson("no_digest", "",
                       json::array({problem("此排查记录提交时未附证据摘要",
                                            "the inspection was submitted without a digest")}));
  Result<Inspection> inspection = fromProto(message);
  if (!inspection)
    return verdictJson("digest_mismatch", recorded,
                       json::array({problem("记录无法解码", inspection.status().message())}));
  std::vector<PhotoRecord> bound;
  json missingRecords = json::array();
  json missingBytes = json::array();
  for (const Uuid& id : evidencePhotoIds(*inspection)) {
    const auto it = photos.find(id);
    Result<PhotoRecord> photo =
        it == photos.end() ? Result<PhotoRecord>(Status::notFound(id)) : fromProto(it->second);
    if (!photo) {
      missingRecords.push_back(problem("照片记录缺失:" + id, "photo record missing: " + id));
      continue;
    }
    if (std::find(completePhotos.begin(), completePhotos.end(), photo->sha256) ==
        completePhotos.end())
      missingBytes.push_back(
          problem("照片文件未完整上传:" + id, "photo bytes not (fully) on the server: " + id));
    bound.push_back(std::move(photo).value());
  }
  if (!missingRecords.empty()) return verdictJson("photo_record_missing", recorded, missingRecords);
  Result<std::string> digest = computeEvidenceDigest(*inspection, bound);
  if (!digest || *digest != recorded)
    return verdictJson("digest_mismatch", recorded,
                       json::array({problem("记录或照片哈希与提交时的证据摘要不符",
                                            "the record or a photo hash differs from the digest "
                                            "made at submission")}));
  if (!missingBytes.empty()) return verdictJson("photo_bytes_missing", recorded, missingBytes);
  return verdictJson("intact", recorded, json::array());
}

}  // namespace anju::server
