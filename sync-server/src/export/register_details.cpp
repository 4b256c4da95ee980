#include "export/register_details.h"

#include <algorithm>
#include <set>
#include <variant>

#include "anju/china_time.h"
#include "anju/enum_codes.h"
#include "anju/record_codec.h"
#include "register/hazard_ledger.h"

namespace anju::server {
namespace {

std::string day(TimestampMs ms) {
  return ms == 0 ? std::string() : formatChinaTime(ms).substr(0, 10);
}

std::string nameOf(const std::string& account, const std::map<std::string, std::string>& names) {
  auto it = names.find(account);
  return it == names.end() || it->second.empty() ? account : it->second;
}

std::string hazardLine(const Finding& f) {
  std::string line = std::string(label(f.component).zh) + " " + std::string(label(f.hazard).zh);
  if (!f.location.empty()) line += "（" + f.location + "）";
  return line;
}

std::string measureLine(const Rectification& r) {
  std::string line = r.measure;
  if (!r.deadline.empty()) line += "（期限 " + r.deadline + "）";
  return line;
}

/// The last entry of `action` about `target` (entries oldest first); nullptr when none.
const AuditEntry* lastEntry(const std::vector<AuditEntry>& audit, const std::string& action,
                            const Uuid& target) {
  const AuditEntry* found = nullptr;
  for (const AuditEntry& e : audit)
    if (e.action == action && e.targetId == target) found = &e;
  return found;
}

template <typename E>
std::string labelList(const std::vector<E>& values) {
  std::string out;
  for (E v : values) out += (out.empty() ? "" : "、") + std::string(label(v).zh);
  return out;
}

void addPlatformFields(const Building& b, RegisterDetails& d) {
  d.businessUse = b.businessUse() ? "是" : "否";
  if (b.businessType) d.businessType = std::string(label(*b.businessType).zh);
  if (b.landType) d.landType = std::string(label(*b.landType).zh);
  for (const PermitStatus& p : b.permits)
    d.permits += (d.permits.empty() ? "" : "；") + std::string(label(p.permit).zh) + "：" +
                 std::string(label(p.state).zh);
  d.geoHazards = labelList(b.geoHazards);
  d.fireHazards = labelList(b.fireHazards);
  d.platformHouseNumber = b.platformHouseNumber;
  d.censusHouseNumber = b.censusHouseNumber;
}

}  // namespace

RegisterDetails registerDetails(const RegisterRow& row, const std::vector<StoredRecord>& records,
                                const std::vector<AuditEntry>& audit,
                                const std::map<std::string, std::string>& names) {
  RegisterDetails d;
  std::vector<Inspection> inspections;
  std::vector<Rectification> rectifications;
  for (const StoredRecord& stored : records) {
    Result<AnyRecord> decoded = decodeRecord(stored.payload);
    if (!decoded) continue;  // push validated it when it was stored
    if (auto* b = std::get_if<Building>(&*decoded)) {
      d.floorAreaM2 = b->floorAreaM2;
      std::string alterations;
      for (Alteration a : b->alterations)
        alterations += (alterations.empty() ? "" : "、") + std::string(label(a).zh);
      d.alterations = alterations.empty() ? "无" : alterations;
      d.design = std::string(label(b->design).zh);
      addPlatformFields(*b, d);
    } else if (auto* in = std::get_if<Inspection>(&*decoded)) {
      inspections.push_back(std::move(*in));
    } else if (auto* r = std::get_if<Rectification>(&*decoded)) {
      rectifications.push_back(std::move(*r));
    }
  }

  // 隐患描述: the findings of the inspection the register row shows (the judgment beside them).
  for (const Inspection& in : inspections)
    if (in.id == row.inspectionId)
      for (const Finding& f : in.findings) d.hazards.push_back(hazardLine(f));

  // Measures: those of the ledger's hazards (the latest approved inspection) and the older
  // building-level ones; a measure of an earlier inspection's hazard is history, not shown.
  const HazardLedger ledger = hazardLedger(inspections, rectifications);
  std::vector<const Rectification*> measures;
  for (const HazardEntry& h : ledger.hazards)
    for (const Rectification& r : h.measures) measures.push_back(&r);
  for (const Rectification& r : rectifications)
    if (!r.forHazard()) measures.push_back(&r);
  std::set<std::string> seenParties;
  TimestampMs lastCompleted = 0;
  bool allCompleted = !measures.empty();
  for (const Rectification* r : measures) {
    (r->family == MeasureFamily::kManagement ? d.controlMeasures : d.worksMeasures)
        .push_back(measureLine(*r));
    if (!r->responsibleParty.empty() && seenParties.insert(r->responsibleParty).second)
      d.responsible += (d.responsible.empty() ? "" : "、") + r->responsibleParty;
    if (r->completedAt == 0) allCompleted = false;
    lastCompleted = std::max(lastCompleted, r->completedAt);
  }
  if (allCompleted) d.completedOn = day(lastCompleted);
  if (!ledger.hazards.empty()) {
    d.closed = ledger.houseClosed() ? "是" : "否";
    if (ledger.houseClosed()) {
      TimestampMs lastClosed = 0;
      for (const HazardEntry& h : ledger.hazards)
        for (const Rectification& r : h.measures) lastClosed = std::max(lastClosed, r.closedAt);
      d.closedOn = day(lastClosed);
    }
  }

  if (!row.inspector.empty()) d.inspectorName = nameOf(row.inspector, names);
  if (row.review == "approved")
    if (const AuditEntry* e = lastEntry(audit, "approve", row.inspectionId)) {
      d.reviewer = nameOf(e->userName, names);
      d.reviewedOn = day(e->at);
    }
  if (!row.appraisalGrade.empty())
    if (const AuditEntry* e = lastEntry(audit, "appraisal", row.inspectionId))
      d.appraisedOn = day(e->at);
  return d;
}

Result<std::map<Uuid, RegisterDetails>> StoredRegisterDetails::detailsOf(
    const std::vector<RegisterRow>& rows) {
  std::map<Uuid, RegisterDetails> out;
  if (rows.empty()) return out;
  if (!m_names) {
    Result<std::map<std::string, std::string>> names = m_storage.displayNames();
    if (!names) return names.status();
    m_names = std::move(*names);
  }
  if (!m_regionCodes) {
    Result<std::vector<RegionCode>> codes = m_storage.regionCodes();
    if (!codes) return codes.status();
    m_regionCodes = RegionCodeBook(*codes);
  }
  std::vector<Uuid> ids;
  std::vector<Uuid> shown;
  ids.reserve(rows.size());
  for (const RegisterRow& r : rows) {
    ids.push_back(r.buildingId);
    if (!r.inspectionId.empty()) shown.push_back(r.inspectionId);
  }
  Result<std::vector<StoredRecord>> records = m_storage.housesFacts(ids, shown);
  if (!records) return records.status();
  Result<std::vector<AuditEntry>> audit = m_storage.auditOfHouses(ids, {"approve", "appraisal"});
  if (!audit) return audit.status();
  std::map<Uuid, std::vector<StoredRecord>> recordsOf;
  for (StoredRecord& r : *records)
    recordsOf[r.kind == RecordKind::kBuilding ? r.id : r.buildingId].push_back(std::move(r));
  std::map<Uuid, std::vector<AuditEntry>> auditOf;
  for (AuditEntry& e : *audit) auditOf[e.buildingId].push_back(std::move(e));
  static const std::vector<StoredRecord> kNoRecords;
  static const std::vector<AuditEntry> kNoAudit;
  for (const RegisterRow& r : rows) {
    auto rec = recordsOf.find(r.buildingId);
    auto aud = auditOf.find(r.buildingId);
    RegisterDetails& d = out[r.buildingId] =
        registerDetails(r, rec == recordsOf.end() ? kNoRecords : rec->second,
                        aud == auditOf.end() ? kNoAudit : aud->second, *m_names);
    d.regionCode = m_regionCodes->nearestCodeOf(r.region);
  }
  return out;
}

Status forEachDetailedRow(
    RegisterIndex& index, RegisterDetailSource& details, const RegisterFilter& filter,
    const std::function<Status(const RegisterRow&, const RegisterDetails&)>& fn, int pageSize) {
  static const RegisterDetails kNone;
  std::optional<RegisterKey> after;
  while (true) {
    Result<RegisterPage> page = index.queryRegister(filter, after, pageSize);
    if (!page) return page.status();
    Result<std::map<Uuid, RegisterDetails>> found = details.detailsOf(page->rows);
    if (!found) return found.status();
    for (const RegisterRow& row : page->rows) {
      auto it = found->find(row.buildingId);
      if (Status s = fn(row, it == found->end() ? kNone : it->second); !s) return s;
    }
    if (!page->nextKey) return Status::ok();
    after = std::move(page->nextKey);
  }
}

}  // namespace anju::server
