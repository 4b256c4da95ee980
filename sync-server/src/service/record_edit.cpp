#include "service/record_edit.h"

#include "service/region_check.h"

namespace anju::server {
namespace {

Result<ReviewResult> writeAndAudit(SyncTransaction& tx, HybridLogicalClock& hlc, TimestampMs now,
                                   const Reviewer& reviewer, StoredRecord record,
                                   const v1::Record& message, const std::string& action,
                                   const std::string& detail) {
  if (record.version) hlc.observe(record.version);
  record.version = hlc.now();
  record.payload = message.SerializeAsString();
  RecordWrite write;
  write.record = record;
  write.source = "review:" + reviewer.name;
  write.writtenAt = now;
  Result<std::int64_t> seq = tx.putRecord(write);
  if (!seq) return seq.status();

  AuditEntry audit;
  audit.at = now;
  audit.userName = reviewer.name;
  audit.action = action;
  audit.targetKind = recordKindCode(record.kind);
  audit.targetId = record.id;
  audit.buildingId = record.kind == RecordKind::kBuilding ? record.id : record.buildingId;
  audit.region = record.region;
  audit.detail = detail;
  if (Status s = tx.appendAudit(audit); !s) return s;
  if (Status s = tx.commit(); !s) return s;
  return ReviewResult{record.version, *seq};
}

}  // namespace

Result<ReviewResult> applyRecordEdit(ServerStorage& storage, HybridLogicalClock& hlc,
                                     TimestampMs now, const Reviewer& reviewer,
                                     const RecordEdit& edit) {
  Result<std::unique_ptr<SyncTransaction>> tx = storage.beginTransaction();
  if (!tx) return tx.status();
  Result<std::optional<StoredRecord>> current = (*tx)->findRecord(edit.kind, edit.id);
  if (!current) return current.status();
  if (!current->has_value())
    return Status::notFound(
        msg("access.no_such_record", {recordKindParam(edit.kind), {"id", edit.id}}));
  const StoredRecord& record = **current;
  if (!reviewer.scope.allows(record.region)) return outsideScope(record.region);

  v1::Record message;
  if (!message.ParseFromString(record.payload))
    return Status::corruption(
        msg("access.stored_record_damaged", {recordKindParam(edit.kind), {"id", edit.id}}));
  Result<std::string> detail = edit.change(message);
  if (!detail) return detail.status();
  return writeAndAudit(**tx, hlc, now, reviewer, record, message, edit.action, *detail);
}

Result<ReviewResult> applyRecordCreation(ServerStorage& storage, HybridLogicalClock& hlc,
                                         TimestampMs now, const Reviewer& reviewer,
                                         const RecordCreation& creation) {
  Result<std::unique_ptr<SyncTransaction>> tx = storage.beginTransaction();
  if (!tx) return tx.status();
  Result<std::optional<StoredRecord>> building =
      (*tx)->findRecord(RecordKind::kBuilding, creation.buildingId);
  if (!building) return building.status();
  if (!building->has_value())
    return Status::notFound(msg("access.no_such_building", {{"id", creation.buildingId}}));
  const RegionPath region = (*building)->region;
  if (!reviewer.scope.allows(region)) return outsideScope(region);
  Result<std::optional<StoredRecord>> existing = (*tx)->findRecord(creation.kind, creation.id);
  if (!existing) return existing.status();
  if (existing->has_value())
    return Status::alreadyExists(msg("access.record_exists", {{"id", creation.id}}));
  if (creation.check) {
    if (Status s = creation.check(**tx); !s) return s;
  }

  v1::Record message;
  Result<std::string> detail = creation.build(message);
  if (!detail) return detail.status();
  StoredRecord record;
  record.kind = creation.kind;
  record.id = creation.id;
  record.region = region;
  record.buildingId = creation.buildingId;
  record.sha256 = creation.sha256;
  return writeAndAudit(**tx, hlc, now, reviewer, record, message, creation.action, *detail);
}

}  // namespace anju::server
