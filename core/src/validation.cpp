#include "anju/validation.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <string>

#include "anju/enum_codes.h"
#include "anju/photo_library.h"

namespace anju {
namespace {

// Collects every problem so the user sees all of them at once.
class Errors {
 public:
  void add(const std::string& field, std::string message) {
    m_fields.push_back({field, std::move(message)});
  }
  Status status(const char* what) const {
    if (m_fields.empty()) return Status::ok();
    std::string msg = std::string(what) + ": ";
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
      if (i) msg += "; ";
      msg += m_fields[i].message;
    }
    return Status::invalidArgument(msg, m_fields);
  }

 private:
  std::vector<FieldError> m_fields;
};

bool isBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

void checkGeo(const std::optional<GeoPoint>& p, const std::string& field, Errors& errors) {
  if (!p) return;
  if (!std::isfinite(p->latitude) || p->latitude < -90 || p->latitude > 90)
    errors.add(field + ".latitude", "纬度须在 -90 到 90 之间 / latitude must be within -90..90");
  if (!std::isfinite(p->longitude) || p->longitude < -180 || p->longitude > 180)
    errors.add(field + ".longitude",
               "经度须在 -180 到 180 之间 / longitude must be within -180..180");
  if (p->accuracyMeters && (!std::isfinite(*p->accuracyMeters) || *p->accuracyMeters < 0))
    errors.add(field + ".accuracy", "定位精度不能为负数 / GPS accuracy cannot be negative");
}

void checkId(const Uuid& id, const std::string& field, bool required, Errors& errors) {
  if (id.empty()) {
    if (required) errors.add(field, "缺少编号 / id is missing");
    return;
  }
  if (!isValidUuid(id)) errors.add(field, "编号不是有效的 UUID / id is not a valid UUID: " + id);
}

int yearOf(TimestampMs ms) {
  using namespace std::chrono;
  const auto days = floor<std::chrono::days>(sys_time<milliseconds>(milliseconds(ms)));
  return static_cast<int>(year_month_day(days).year());
}

void checkSha(const std::string& hex, const std::string& field, Errors& errors) {
  if (!isValidSha256Hex(hex))
    errors.add(field, "哈希须为 64 位小写十六进制 / sha256 must be 64 lowercase hex digits");
}

// A notice either carries the owner's signature (PNG and strokes, hashed) or a refusal with the
// inspector's note, never both: the bureau must be able to tell which happened at the door.
void checkOwnerNotice(const OwnerNotice& n, Errors& errors) {
  if (isBlank(n.number))
    errors.add("owner_notice.number", "告知书缺少编号 / the notice has no number");
  if (n.issuedAt <= 0)
    errors.add("owner_notice.issued_at", "告知书缺少出具时间 / the notice has no issue time");
  checkId(n.pdfPhotoId, "owner_notice.pdf_photo_id", true, errors);
  checkSha(n.pdfSha256, "owner_notice.pdf_sha256", errors);
  if (n.signedAt <= 0)
    errors.add("owner_notice.signed_at", "缺少签字或拒签时间 / signing or refusal time is missing");
  if (n.refused) {
    if (isBlank(n.refusalNote))
      errors.add("owner_notice.refusal_note",
                 "拒绝签字须填写说明 / a refusal to sign needs the inspector's note");
    if (!n.signaturePhotoId.empty() || !n.signatureStrokes.empty())
      errors.add("owner_notice.refused",
                 "拒签的告知书不能带签名 / a refused notice has no signature");
    return;
  }
  checkId(n.signaturePhotoId, "owner_notice.signature_photo_id", true, errors);
  checkSha(n.signatureSha256, "owner_notice.signature_sha256", errors);
  if (isBlank(n.signatureStrokes))
    errors.add("owner_notice.signature_strokes", "签名为空 / the signature has no strokes");
  else if (n.strokesSha256 != sha256Hex(n.signatureStrokes))
    errors.add("owner_notice.strokes_sha256",
               "签名笔迹与其哈希不符 / the signature strokes do not match their hash");
}

}  // namespace

bool isValidUuid(std::string_view id) {
  if (id.size() != 36) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!std::isxdigit(static_cast<unsigned char>(c)) ||
               std::isupper(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

bool isValidSha256Hex(std::string_view hex) {
  return hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool isValidIsoDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(date[i]))) return false;
  const int y = std::stoi(std::string(date.substr(0, 4)));
  const unsigned m = static_cast<unsigned>(std::stoi(std::string(date.substr(5, 2))));
  const unsigned d = static_cast<unsigned>(std::stoi(std::string(date.substr(8, 2))));
  return std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m),
                                     std::chrono::day(d))
      .ok();
}

Status validateBuilding(const Building& b, TimestampMs nowMs) {
  Errors errors;
  checkId(b.id, "id", true, errors);
  if (isBlank(b.region.district)) errors.add("region.district", "缺少所在区 / district is missing");
  if (isBlank(b.region.street)) errors.add("region.street", "缺少街道 / street is missing");
  if (isBlank(b.region.community))
    errors.add("region.community", "缺少社区 / community is missing");
  if (isBlank(b.address)) errors.add("address", "缺少详细地址 / address is missing");
  checkGeo(b.location, "location", errors);
  if (b.yearBuilt) {
    const int thisYear = yearOf(nowMs);
    if (*b.yearBuilt > thisYear)
      errors.add("year_built", "建成年份不能晚于今年 (" + std::to_string(thisYear) +
                                   ") / year built cannot be in the future");
    else if (*b.yearBuilt < 1800)
      errors.add("year_built", "建成年份不能早于 1800 年 / year built cannot be before 1800");
  }
  if (b.storeysAbove < 1)
    errors.add("storeys_above", "地上层数至少为 1 / storeys above ground must be at least 1");
  else if (b.storeysAbove > 200)
    errors.add("storeys_above", "地上层数不能超过 200 / storeys above ground cannot exceed 200");
  if (b.storeysBelow < 0)
    errors.add("storeys_below", "地下层数不能为负数 / storeys below ground cannot be negative");
  else if (b.storeysBelow > 20)
    errors.add("storeys_below", "地下层数不能超过 20 / storeys below ground cannot exceed 20");
  if (b.floorAreaM2 && (!std::isfinite(*b.floorAreaM2) || *b.floorAreaM2 <= 0))
    errors.add("floor_area_m2", "建筑面积必须大于 0 / floor area must be greater than 0");
  for (std::size_t i = 0; i < b.alterations.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (b.alterations[i] == b.alterations[j])
        errors.add("alterations", "改造类型重复 / alteration listed twice: " +
                                      std::string(toCode(b.alterations[i])));
  return errors.status("房屋信息有误 / invalid building");
}

Status validateFinding(const Finding& f) {
  Errors errors;
  checkId(f.id, "id", true, errors);
  for (std::size_t i = 0; i < f.photoIds.size(); ++i)
    checkId(f.photoIds[i], "photo_ids[" + std::to_string(i) + "]", true, errors);
  for (std::size_t i = 0; i < f.measurements.size(); ++i) {
    const Measurement& m = f.measurements[i];
    const std::string field = "measurements[" + std::to_string(i) + "]";
    if (isBlank(m.name)) errors.add(field + ".name", "测量项缺少名称 / measurement has no name");
    if (isBlank(m.unit)) errors.add(field + ".unit", "测量值缺少单位 / measurement has no unit");
    if (!std::isfinite(m.value)) {
      errors.add(field + ".value", "测量值不是有效数字 / measurement is not a number");
    } else if (m.value < 0) {
      // Widths, lengths, tilts and ratios are magnitudes; a negative one is a typing error.
      const std::string what = m.name == "width"
                                   ? "裂缝宽度不能为负数 / crack width"
                                   : "测量值不能为负数 / measurement '" + m.name + "'";
      errors.add(field + ".value", what + " cannot be negative");
    }
  }
  return errors.status("隐患记录有误 / invalid finding");
}

Status validateInspection(const Inspection& in) {
  Errors errors;
  checkId(in.id, "id", true, errors);
  checkId(in.buildingId, "building_id", true, errors);
  if (isBlank(in.inspector)) errors.add("inspector", "缺少排查人员 / inspector is missing");
  if (isBlank(in.templateId)) errors.add("template_id", "缺少排查表 / template id is missing");
  if (in.templateVersion < 1)
    errors.add("template_version", "排查表版本无效 / template version must be at least 1");
  if (in.startedAt <= 0) errors.add("started_at", "缺少排查时间 / start time is missing");
  if (in.submittedAt != 0 && in.submittedAt < in.startedAt)
    errors.add("submitted_at", "提交时间早于开始时间 / submitted before it was started");
  if (in.review != ReviewState::kDraft && in.submittedAt == 0)
    errors.add("submitted_at", "已提交的排查缺少提交时间 / a submitted inspection needs a time");
  checkGeo(in.location, "location", errors);
  if (in.override && isBlank(in.override->reason))
    errors.add("override.reason",
               "修改判定必须填写理由 / overriding the judgment requires a written reason");
  for (std::size_t i = 0; i < in.photoIds.size(); ++i)
    checkId(in.photoIds[i], "photo_ids[" + std::to_string(i) + "]", true, errors);
  if (in.ownerNotice) checkOwnerNotice(*in.ownerNotice, errors);
  if (!in.evidenceDigest.empty()) checkSha(in.evidenceDigest, "evidence_digest", errors);
  for (std::size_t i = 0; i < in.findings.size(); ++i) {
    const std::string prefix = "findings[" + std::to_string(i) + "].";
    for (std::size_t j = 0; j < i; ++j)
      if (in.findings[j].id == in.findings[i].id)
        errors.add(prefix + "id", "隐患编号重复 / finding id used twice: " + in.findings[i].id);
    const Status findingStatus = validateFinding(in.findings[i]);
    for (const FieldError& f : findingStatus.fieldErrors()) errors.add(prefix + f.field, f.message);
  }
  return errors.status("排查记录有误 / invalid inspection");
}

Status validatePhoto(const PhotoRecord& p) {
  Errors errors;
  checkId(p.id, "id", true, errors);
  checkId(p.buildingId, "building_id", true, errors);
  checkId(p.inspectionId, "inspection_id", false, errors);
  checkId(p.findingId, "finding_id", false, errors);
  if (!isValidSha256Hex(p.sha256))
    errors.add("sha256", "照片哈希须为 64 位小写十六进制 / sha256 must be 64 lowercase hex digits");
  if (p.byteSize <= 0) errors.add("byte_size", "照片大小必须大于 0 / photo size must be positive");
  if (isBlank(p.mimeType)) errors.add("mime_type", "缺少照片格式 / mime type is missing");
  if (p.capturedAt <= 0) errors.add("captured_at", "缺少拍摄时间 / capture time is missing");
  checkGeo(p.location, "location", errors);
  if (!p.document.empty() && p.document != kDocumentOwnerNotice &&
      p.document != kDocumentOwnerSignature)
    errors.add("document", "未知文件类别 / unknown document kind '" + p.document + "'");
  return errors.status("照片记录有误 / invalid photo record");
}

Status validateRectification(const Rectification& r) {
  Errors errors;
  checkId(r.id, "id", true, errors);
  checkId(r.buildingId, "building_id", true, errors);
  if (isBlank(r.measure)) errors.add("measure", "缺少整治措施 / measure is missing");
  if (!r.deadline.empty() && !isValidIsoDate(r.deadline))
    errors.add("deadline", "整治期限须为 YYYY-MM-DD 日期 / deadline must be a YYYY-MM-DD date");
  return errors.status("整治记录有误 / invalid rectification");
}

Status checkReviewTransition(ReviewState from, ReviewState to) {
  const bool allowed = (from == ReviewState::kDraft && to == ReviewState::kSubmitted) ||
                       (from == ReviewState::kSubmitted && to == ReviewState::kApproved) ||
                       (from == ReviewState::kSubmitted && to == ReviewState::kReturned) ||
                       (from == ReviewState::kReturned && to == ReviewState::kSubmitted);
  if (allowed) return Status::ok();
  return Status::conflict(std::string("审核状态不能从“") + std::string(label(from).zh) + "”变为“" +
                          std::string(label(to).zh) + "” / review cannot move from " +
                          std::string(toCode(from)) + " to " + std::string(toCode(to)));
}

Status checkRectificationTransition(RectificationStatus from, RectificationStatus to) {
  if (static_cast<int>(to) > static_cast<int>(from)) return Status::ok();
  return Status::conflict(std::string("整治状态不能从“") + std::string(label(from).zh) + "”变为“" +
                          std::string(label(to).zh) + "” / rectification cannot move from " +
                          std::string(toCode(from)) + " to " + std::string(toCode(to)));
}

}  // namespace anju
