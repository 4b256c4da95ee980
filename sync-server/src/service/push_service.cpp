#include "service/push_service.h"

#include <optional>
#include <string>
#include <vector>

#include "anju/enum_codes.h"
#include "anju/validation.h"
#include "service/auth_service.h"
#include "service/evidence_check.h"
#include "service/record_facts.h"

namespace anju::server {
namespace {

using Outcome = v1::ChangeResult::Outcome;

void reject(v1::ChangeResult& result, const std::string& reason,
            const std::vector<FieldError>& fields = {}) {
  result.set_outcome(v1::ChangeResult::REJECTED);
  result.set_reason(reason);
  for (const FieldError& f : fields) {
    v1::FieldProblem* p = result.add_fields();
    p->set_field(f.field);
    p->set_message(f.message);
  }
}

// Why a change is refused: the per-change reason and the fields it names.
struct Refusal {
  std::string reason;
  std::vector<FieldError> fields;
};

const char* const kDamaged = "服务器上的记录已损坏 / the server's stored record is damaged";

// A non-building record belongs to one house for good: the register keeps one row per house,
// and a record that changed its building would leave the old house's row describing it.
std::optional<Refusal> checkSameBuilding(const RecordFacts& facts,
                                         const std::optional<StoredRecord>& current) {
  if (!current || facts.kind == "building" || current->buildingId == facts.buildingId)
    return std::nullopt;
  return Refusal{"记录不能改属其他房屋 / a " + facts.kind + " cannot move to another building",
                 {{"building_id", "应为 / must stay " + current->buildingId + " (was sent " +
                                      facts.buildingId + ")"}}};
}

// What only a reviewer may change, checked for callers without review rights (inspectors) on a
// change that is about to be applied: the appraisal grade and the review comment are written by
// the audited review actions (ReviewService), so a push must carry them exactly as stored (a
// tablet re-pushing what it pulled is fine); the review state and a rectification's status may
// only move along the core transitions (checkReviewTransition, checkRectificationTransition),
// as they do in the tablet's own store, which a modified client could skip.
std::optional<Refusal> checkReviewFields(const v1::Record& incoming,
                                         const std::optional<StoredRecord>& current) {
  v1::Record stored;
  if (current && !stored.ParseFromString(current->payload)) return Refusal{kDamaged, {}};
  if (incoming.has_inspection()) {
    if (current && !stored.has_inspection()) return Refusal{kDamaged, {}};
    const v1::Inspection& in = incoming.inspection();
    const v1::Inspection& before = stored.inspection();  // empty for a new inspection
    if (in.appraisal_grade() != before.appraisal_grade())
      return Refusal{
          "只有审核人员可以评定鉴定等级 / only a reviewer may set the appraisal grade",
          {{"appraisal_grade", "须与服务器一致 / must stay \"" + before.appraisal_grade() + "\""}}};
    if (in.review_comment() != before.review_comment())
      return Refusal{"只有审核人员可以填写审核意见 / only a reviewer may write the review comment",
                     {{"review_comment", "须与服务器一致 / must stay as the server has it"}}};
    if (!current || in.review() == before.review()) return std::nullopt;
    const std::optional<ReviewState> from = parseReviewState(before.review());
    const std::optional<ReviewState> to = parseReviewState(in.review());
    if (!from || !to) return Refusal{kDamaged, {}};
    if (Status s = checkReviewTransition(*from, *to); !s)
      return Refusal{s.message(), {{"review", before.review() + " -> " + in.review()}}};
    return std::nullopt;
  }
  if (incoming.has_rectification() && current) {
    if (!stored.has_rectification()) return Refusal{kDamaged, {}};
    const std::string& fromStatus = stored.rectification().status();
    const std::string& toStatus = incoming.rectification().status();
    if (fromStatus == toStatus) return std::nullopt;
    const std::optional<RectificationStatus> from = parseRectificationStatus(fromStatus);
    const std::optional<RectificationStatus> to = parseRectificationStatus(toStatus);
    if (!from || !to) return Refusal{kDamaged, {}};
    if (Status s = checkRectificationTransition(*from, *to); !s)
      return Refusal{s.message(), {{"status", fromStatus + " -> " + toStatus}}};
  }
  return std::nullopt;
}

// The digest of the stored version, to audit a verification once per digest, not per re-push.
std::string storedDigest(const std::optional<StoredRecord>& current) {
  v1::Record stored;
  if (!current || !stored.ParseFromString(current->payload)) return {};
  return stored.inspection().evidence_digest();
}

// Everything one change needs while it is decided; keeps decideChange short.
struct ChangeContext {
  SyncTransaction& tx;
  const User& user;
  const RegionFilter& regions;
  const std::string& deviceId;
  TimestampMs now;
};

Status decideChange(ChangeContext& ctx, const v1::Change& change, v1::ChangeResult& result) {
  result.set_change_id(change.change_id());
  if (!isValidUuid(change.change_id())) {
    reject(result, "change_id 不是有效的 UUID / change_id is not a valid UUID",
           {{"change_id", "须为小写 UUID / must be a lowercase UUID"}});
    return Status::ok();
  }
  Result<std::optional<SeenChange>> seen = ctx.tx.findChange(change.change_id());
  if (!seen) return seen.status();
  if (seen->has_value()) {
    const SeenChange& s = **seen;
    Result<std::optional<StoredRecord>> current = ctx.tx.findRecord(s.kind, s.recordId);
    if (!current) return current.status();
    result.set_outcome(v1::ChangeResult::DUPLICATE);
    result.set_server_version(current->has_value() ? (*current)->version : s.version);
    result.set_reason(s.outcome == ChangeOutcome::kApplied
                          ? "已收到并已应用 / received before and applied"
                          : "已收到,当时为冲突版本 / received before and kept as a conflict");
    return Status::ok();
  }

  if (!change.has_record()) {
    reject(result, "缺少记录内容 / change carries no record", {{"record", "missing"}});
    return Status::ok();
  }
  Result<RecordFacts> facts = examineRecord(change.record(), ctx.now);
  if (!facts) {
    reject(result, facts.status().message(), facts.status().fieldErrors());
    return Status::ok();
  }
  if (facts->kind != change.kind() || facts->id != change.record_id()) {
    reject(result, "kind/record_id 与记录内容不符 / kind or record_id disagree with the record",
           {{"kind", change.kind() + " vs " + facts->kind}});
    return Status::ok();
  }
  if (change.version() == 0 || change.version() <= change.base_version()) {
    reject(result, "版本须大于基础版本 / version must be greater than base_version",
           {{"version", std::to_string(change.version())}});
    return Status::ok();
  }

  // Where the record lives: a building carries its region, the others inherit their building's.
  RegionPath region;
  if (facts->region) {
    region = *facts->region;
  } else {
    Result<std::optional<StoredRecord>> building = ctx.tx.findRecord("building", facts->buildingId);
    if (!building) return building.status();
    if (!building->has_value()) {
      reject(result, "房屋不存在 / unknown building " + facts->buildingId,
             {{"building_id", "服务器上没有此房屋 / the server has no such building"}});
      return Status::ok();
    }
    region = (*building)->region;
  }

  Result<std::optional<StoredRecord>> current = ctx.tx.findRecord(facts->kind, facts->id);
  if (!current) return current.status();
  const bool currentVisible = !current->has_value() || ctx.regions.allows((*current)->region);
  if (!ctx.regions.allows(region) || !currentVisible) {
    reject(result, "forbidden region",
           {{"region", "不在您负责的区域 / outside your assigned regions: " + region.district +
                           "/" + region.street + "/" + region.community}});
    return Status::ok();
  }
  if (std::optional<Refusal> moved = checkSameBuilding(*facts, *current)) {
    reject(result, moved->reason, moved->fields);
    return Status::ok();
  }
  if (ctx.user.role == Role::kInspector && facts->review &&
      (*facts->review == ReviewState::kApproved || *facts->review == ReviewState::kReturned)) {
    const std::optional<ReviewState> before =
        current->has_value() ? storedReviewState((*current)->payload) : std::nullopt;
    if (before != facts->review) {
      reject(result, "只有审核人员可以通过或退回 / only a reviewer may approve or return",
             {{"review", "inspector may set draft or submitted only"}});
      return Status::ok();
    }
  }

  const std::string payload = change.record().SerializeAsString();
  const HlcVersion serverVersion = current->has_value() ? (*current)->version : 0;
  SeenChange seenRow{change.change_id(), facts->kind,   facts->id,    ChangeOutcome::kApplied,
                     change.version(),   ctx.user.name, ctx.deviceId, ctx.now};
  if (serverVersion != change.base_version()) {
    ConflictRow conflict{change.change_id(), facts->kind,   facts->id, change.base_version(),
                         change.version(),   serverVersion, payload,   ctx.user.name,
                         ctx.deviceId,       ctx.now};
    if (Status s = ctx.tx.saveConflict(conflict); !s) return s;
    seenRow.outcome = ChangeOutcome::kConflict;
    if (Status s = ctx.tx.rememberChange(seenRow); !s) return s;
    result.set_outcome(v1::ChangeResult::CONFLICT);
    result.set_server_version(serverVersion);
    if (current->has_value()) result.mutable_server_record()->ParseFromString((*current)->payload);
    result.set_reason("基础版本已过期 / base_version " + std::to_string(change.base_version()) +
                      " is stale, server has " + std::to_string(serverVersion));
    return Status::ok();
  }

  // Checked against the stored version only when it is the one the change was based on: a
  // stale change differs from it because the client had not seen it yet, and is kept as a
  // conflict above without touching the record.
  if (ctx.user.role == Role::kInspector) {
    if (std::optional<Refusal> refused = checkReviewFields(change.record(), *current)) {
      reject(result, refused->reason, refused->fields);
      return Status::ok();
    }
  }

  // The evidence digest binds the record to its photos' hashes: a mismatch stores nothing.
  EvidenceVerdict evidence;
  if (change.record().has_inspection()) {
    Result<EvidenceVerdict> verdict = verifyPushedEvidence(ctx.tx, change.record().inspection());
    if (!verdict) return verdict.status();
    if (verdict->refusal) {
      reject(result, *verdict->refusal, verdict->fields);
      return Status::ok();
    }
    evidence = std::move(verdict).value();
  }

  RecordWrite write;
  write.record = StoredRecord{
      facts->kind,      facts->id, region, facts->buildingId, facts->inspectionId, facts->sha256,
      change.version(), 0,         payload};
  write.changeId = change.change_id();
  write.source = "push:" + ctx.user.name;
  write.writtenAt = ctx.now;
  if (Result<std::int64_t> seq = ctx.tx.putRecord(write); !seq) return seq.status();
  if (Status s = ctx.tx.rememberChange(seenRow); !s) return s;
  if (evidence.checked && storedDigest(*current) != change.record().inspection().evidence_digest())
    if (Status s = ctx.tx.appendAudit(
            evidenceAudit(change.record().inspection(), evidence, region, ctx.user.name, ctx.now));
        !s)
      return s;
  result.set_outcome(v1::ChangeResult::APPLIED);
  result.set_server_version(change.version());
  return Status::ok();
}

}  // namespace

PushService::PushService(ServerStorage& storage, HybridLogicalClock& hlc, Clock clock)
    : m_storage(storage), m_hlc(hlc), m_clock(std::move(clock)) {
  if (!m_clock) m_clock = systemNowMs;
}

Result<v1::PushResponse> PushService::push(const User& user, const v1::PushRequest& request) {
  Result<std::unique_ptr<SyncTransaction>> tx = m_storage.beginTransaction();
  if (!tx) return tx.status();
  const RegionFilter regions = regionFilterFor(user);
  ChangeContext ctx{**tx, user, regions, request.device_id(), m_clock()};
  v1::PushResponse response;
  for (const v1::Change& change : request.changes()) {
    v1::ChangeResult* result = response.add_results();
    if (Status s = decideChange(ctx, change, *result); !s) return s;
    // Server-side edits must order after every version a client has shown us.
    if (result->outcome() == v1::ChangeResult::APPLIED) m_hlc.observe(change.version());
  }
  if (Status s = (*tx)->commit(); !s) return s;
  return response;
}

}  // namespace anju::server
