#include "service/push_service.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "anju/enum_codes.h"
#include "anju/validation.h"
#include "service/auth_service.h"
#include "service/evidence_check.h"
#include "service/record_facts.h"
#include "service/wire_messages.h"

namespace anju::server {
namespace {

using Outcome = v1::ChangeResult::Outcome;

// The reason travels as a message id (the HTTP layer words it for the caller, wire_messages.h).
void reject(v1::ChangeResult& result, const Message& reason,
            const std::vector<FieldError>& fields = {}) {
  result.set_outcome(v1::ChangeResult::REJECTED);
  setChangeReason(result, reason);
  for (const FieldError& f : fields) setFieldProblem(*result.add_fields(), f);
}

// A field problem whose words are data, not a message (e.g. "approved -> submitted").
FieldError plainField(std::string field, std::string value) {
  return fieldError(std::move(field), msg("push.field_value", {{"value", std::move(value)}}));
}

// Why a change is refused: the per-change reason and the fields it names.
struct Refusal {
  Message reason;
  std::vector<FieldError> fields;
};

const Message kDamaged = msg("push.server_stored_record_damaged");

// "building, inspection, photo, rectification, visit": what a change's kind may be.
std::string knownKinds() {
  std::string out;
  for (RecordKind k : kRecordKinds)
    out += (out.empty() ? "" : ", ") + std::string(recordKindCode(k));
  return out;
}

// A non-building record belongs to one house for good: the register keeps one row per house,
// and a record that changed its building would leave the old house's row describing it.
std::optional<Refusal> checkSameBuilding(const RecordFacts& facts,
                                         const std::optional<StoredRecord>& current) {
  if (!current || facts.kind == RecordKind::kBuilding || current->buildingId == facts.buildingId)
    return std::nullopt;
  return Refusal{
      msg("push.cannot_move_building", {recordKindParam(facts.kind)}),
      {fieldError("building_id", msg("push.building_must_stay", {{"stored", current->buildingId},
                                                                 {"sent", facts.buildingId}}))}};
}

// The steps to closure (completion, 验收, 销号) are audited reviewer acts (RectificationService):
// a push carries them exactly as stored (nothing for a new record); a closed record no longer
// changes; a stored measure keeps the hazard it rectifies.
std::optional<Refusal> checkRectificationSteps(const v1::Rectification& in,
                                               const v1::Rectification& before,
                                               const std::optional<StoredRecord>& current) {
  const bool sameSteps =
      in.completed_at() == before.completed_at() && in.completed_by() == before.completed_by() &&
      std::equal(in.completion_photo_ids().begin(), in.completion_photo_ids().end(),
                 before.completion_photo_ids().begin(), before.completion_photo_ids().end()) &&
      in.completion_note() == before.completion_note() &&
      in.accepted_at() == before.accepted_at() && in.accepted_by() == before.accepted_by() &&
      in.acceptance_note() == before.acceptance_note() && in.closed_at() == before.closed_at() &&
      in.closed_by() == before.closed_by();
  if (!sameSteps)
    return Refusal{msg("push.only_reviewer_may_close"),
                   {fieldError("closed_at", msg("push.must_stay_server"))}};
  if (!current) return std::nullopt;
  if (before.closed_at() != 0) return Refusal{msg("push.rectification_closed"), {}};
  if (in.inspection_id() != before.inspection_id() || in.finding_id() != before.finding_id())
    return Refusal{msg("push.hazard_must_stay"),
                   {fieldError("finding_id", msg("push.must_stay_server"))}};
  return std::nullopt;
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
      return Refusal{msg("push.only_reviewer_may_set"),
                     {fieldError("appraisal_grade", msg("push.grade_must_stay",
                                                        {{"grade", before.appraisal_grade()}}))}};
    if (in.review_comment() != before.review_comment())
      return Refusal{msg("push.only_reviewer_may_write"),
                     {fieldError("review_comment", msg("push.must_stay_server"))}};
    if (!current || in.review() == before.review()) return std::nullopt;
    const std::optional<ReviewState> from = parseReviewState(before.review());
    const std::optional<ReviewState> to = parseReviewState(in.review());
    if (!from || !to) return Refusal{kDamaged, {}};
    if (Status s = checkReviewTransition(*from, *to); !s)
      return Refusal{s.text(), {plainField("review", before.review() + " -> " + in.review())}};
    return std::nullopt;
  }
  if (incoming.has_rectification()) {
    if (current && !stored.has_rectification()) return Refusal{kDamaged, {}};
    if (std::optional<Refusal> r =
            checkRectificationSteps(incoming.rectification(), stored.rectification(), current);
        r)
      return r;
  }
  if (incoming.has_rectification() && current) {
    const std::string& fromStatus = stored.rectification().status();
    const std::string& toStatus = incoming.rectification().status();
    if (fromStatus == toStatus) return std::nullopt;
    const std::optional<RectificationStatus> from = parseRectificationStatus(fromStatus);
    const std::optional<RectificationStatus> to = parseRectificationStatus(toStatus);
    if (!from || !to) return Refusal{kDamaged, {}};
    if (Status s = checkRectificationTransition(*from, *to); !s)
      return Refusal{s.text(), {plainField("status", fromStatus + " -> " + toStatus)}};
  }
  return std::nullopt;
}

// A photo's bytes, hash, time and place never change (an annotation is a new photo): a later
// version may differ only in its descriptions and may set `deleted` — once, and only while its
// inspection is a draft. The tablet's store keeps the same rule (Store::putPhoto); this holds it
// against a client that skips it, so a submitted inspection's photos stay evidence.
Result<std::optional<Refusal>> checkPhotoChange(SyncTransaction& tx, const v1::Record& incoming,
                                                const std::optional<StoredRecord>& current) {
  if (!incoming.has_photo() || !current) return std::optional<Refusal>();
  v1::Record stored;
  if (!stored.ParseFromString(current->payload) || !stored.has_photo())
    return std::optional<Refusal>(Refusal{kDamaged, {}});
  v1::PhotoRecord described = stored.photo();
  described.set_caption(incoming.photo().caption());
  described.set_category(incoming.photo().category());
  described.set_deleted(incoming.photo().deleted());
  if (described.SerializeAsString() != incoming.photo().SerializeAsString() ||
      (stored.photo().deleted() && !incoming.photo().deleted()))
    return std::optional<Refusal>(Refusal{msg("push.photo_only_description_changes"), {}});
  if (!incoming.photo().deleted() || stored.photo().deleted() ||
      incoming.photo().inspection_id().empty())
    return std::optional<Refusal>();
  Result<std::optional<StoredRecord>> inspection =
      tx.findRecord(RecordKind::kInspection, incoming.photo().inspection_id());
  if (!inspection) return inspection.status();
  v1::Record in;
  if (!inspection->has_value()) return std::optional<Refusal>();
  if (!in.ParseFromString((*inspection)->payload))
    return std::optional<Refusal>(Refusal{kDamaged, {}});
  if (in.inspection().review() != toCode(ReviewState::kDraft))
    return std::optional<Refusal>(
        Refusal{msg("push.photo_is_evidence"),
                {fieldError("deleted", msg("push.photo_is_evidence_field"))}});
  return std::optional<Refusal>();
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
    reject(result, msg("push.change_id_not_valid"),
           {fieldError("change_id", msg("push.must_lowercase_uuid"))});
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
    setChangeReason(result, s.outcome == ChangeOutcome::kApplied
                                ? msg("push.received_before_applied")
                                : msg("push.received_before_kept_conflict"));
    return Status::ok();
  }

  if (!change.has_record()) {
    reject(result, msg("push.change_carries_no_record"));
    return Status::ok();
  }
  const std::optional<RecordKind> kind = parseRecordKind(change.kind());
  if (!kind) {
    reject(result, msg("push.unknown_kind"),
           {fieldError("kind", msg("push.kind_must_be_one_of",
                                   {{"kind", change.kind()}, {"kinds", knownKinds()}}))});
    return Status::ok();
  }
  Result<RecordFacts> facts = examineRecord(change.record(), ctx.now);
  if (!facts) {
    reject(result, facts.status().text(), facts.status().fieldErrors());
    return Status::ok();
  }
  if (facts->kind != *kind || facts->id != change.record_id()) {
    reject(result, msg("push.kind_record_id_disagree"),
           {plainField("kind", change.kind() + " vs " + std::string(recordKindCode(facts->kind)))});
    return Status::ok();
  }
  if (change.version() == 0 || change.version() <= change.base_version()) {
    reject(result, msg("push.version_must_greater_than"),
           {plainField("version", std::to_string(change.version()))});
    return Status::ok();
  }

  // Where the record lives: a building carries its region, the others inherit their building's.
  RegionPath region;
  if (facts->region) {
    region = *facts->region;
  } else {
    Result<std::optional<StoredRecord>> building =
        ctx.tx.findRecord(RecordKind::kBuilding, facts->buildingId);
    if (!building) return building.status();
    if (!building->has_value()) {
      reject(result, msg("push.unknown_building", {{"id", facts->buildingId}}),
             {fieldError("building_id", msg("push.server_no_such_building"))});
      return Status::ok();
    }
    region = (*building)->region;
  }

  Result<std::optional<StoredRecord>> current = ctx.tx.findRecord(facts->kind, facts->id);
  if (!current) return current.status();
  const bool currentVisible = !current->has_value() || ctx.regions.allows((*current)->region);
  if (!ctx.regions.allows(region) || !currentVisible) {
    reject(result, msg("push.forbidden_region"),
           {fieldError("region", msg("push.outside_regions", {{"region", formatRegion(region)}}))});
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
      reject(result, msg("push.only_reviewer_may_approve"),
             {fieldError("review", msg("push.inspector_review_states"))});
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
    setChangeReason(result,
                    msg("push.stale_base_version", {{"base", std::to_string(change.base_version())},
                                                    {"server", std::to_string(serverVersion)}}));
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

  Result<std::optional<Refusal>> photoRefusal = checkPhotoChange(ctx.tx, change.record(), *current);
  if (!photoRefusal) return photoRefusal.status();
  if (*photoRefusal) {
    reject(result, (*photoRefusal)->reason, (*photoRefusal)->fields);
    return Status::ok();
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
    : m_group(storage), m_hlc(hlc), m_clock(std::move(clock)) {
  if (!m_clock) m_clock = systemNowMs;
}

Result<v1::PushResponse> PushService::push(const User& user, const v1::PushRequest& request) {
  const RegionFilter regions = regionFilterFor(user);
  v1::PushResponse response;
  const GroupCommit::Work decideAll = [&](SyncTransaction& tx) -> Status {
    ChangeContext ctx{tx, user, regions, request.device_id(), m_clock()};
    for (const v1::Change& change : request.changes()) {
      v1::ChangeResult* result = response.add_results();
      if (Status s = decideChange(ctx, change, *result); !s) return s;
      // Server-side edits must order after every version a client has shown us.
      if (result->outcome() == v1::ChangeResult::APPLIED) m_hlc.observe(change.version());
    }
    return Status::ok();
  };
  if (Status s = m_group.run(decideAll, std::max<std::size_t>(1, request.changes().size())); !s)
    return s;
  return response;
}

}  // namespace anju::server
