#include "register/hazard_ledger.h"

#include <algorithm>
#include <tuple>
#include <variant>

#include "anju/record_codec.h"

namespace anju::server {

bool HazardEntry::closed() const {
  const auto closedMeasures = std::count_if(measures.begin(), measures.end(), [](const auto& m) {
    return m.stage() == RectificationStage::kClosed;
  });
  return hazardClosed(static_cast<int>(measures.size()), static_cast<int>(closedMeasures));
}

int HazardLedger::closedCount() const {
  return static_cast<int>(
      std::count_if(hazards.begin(), hazards.end(), [](const auto& h) { return h.closed(); }));
}

bool HazardLedger::houseClosed() const {
  return !hazards.empty() && closedCount() == static_cast<int>(hazards.size());
}

const HazardEntry* HazardLedger::find(const Uuid& inspectionId, const Uuid& findingId) const {
  if (!approved || approved->id != inspectionId) return nullptr;
  for (const HazardEntry& h : hazards)
    if (h.finding.id == findingId) return &h;
  return nullptr;
}

std::optional<Inspection> latestApproved(const std::vector<Inspection>& inspections) {
  const Inspection* best = nullptr;
  auto key = [](const Inspection& in) {
    return std::tuple(in.submittedAt != 0 ? in.submittedAt : in.startedAt, in.id);
  };
  for (const Inspection& in : inspections)
    if (in.review == ReviewState::kApproved && (!best || key(in) > key(*best))) best = &in;
  if (!best) return std::nullopt;
  return *best;
}

HazardLedger hazardLedger(const std::vector<Inspection>& inspections,
                          const std::vector<Rectification>& rectifications) {
  HazardLedger ledger;
  ledger.approved = latestApproved(inspections);
  if (!ledger.approved) return ledger;
  for (const Finding& f : ledger.approved->findings) {
    HazardEntry entry{f, {}};
    for (const Rectification& r : rectifications)
      if (r.inspectionId == ledger.approved->id && r.findingId == f.id) entry.measures.push_back(r);
    ledger.hazards.push_back(std::move(entry));
  }
  return ledger;
}

HazardLedger hazardLedgerOf(const std::vector<StoredRecord>& records) {
  std::vector<Inspection> inspections;
  std::vector<Rectification> rectifications;
  for (const StoredRecord& stored : records) {
    if (stored.kind != RecordKind::kInspection && stored.kind != RecordKind::kRectification)
      continue;
    Result<AnyRecord> decoded = decodeRecord(stored.payload);
    if (!decoded) continue;
    if (auto* in = std::get_if<Inspection>(&*decoded)) inspections.push_back(std::move(*in));
    if (auto* r = std::get_if<Rectification>(&*decoded)) rectifications.push_back(std::move(*r));
  }
  return hazardLedger(inspections, rectifications);
}

}  // namespace anju::server
