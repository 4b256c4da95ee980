// The server's side of the evidence digest (anju/evidence_digest.h): verifying it when a tablet
// pushes an inspection, and telling the review console whether a stored inspection's evidence is
// still intact (digest matches the stored records, every bound photo's bytes are on the server).
//
// Pure functions over a transaction or over records already read; thread-safe.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "anju/message.h"
#include "anju/status.h"
#include "anju/v1/records.pb.h"
#include "storage/server_storage.h"

namespace anju::server {

/// What the push check found for one inspection.
struct EvidenceVerdict {
  bool checked = false;            // the inspection carried a digest and it matched
  std::optional<Message> refusal;  // set when the change must be rejected
  std::vector<FieldError> fields;
  int photoCount = 0;  // photos the digest binds
};

/// Recomputes the digest of a pushed inspection from the photo records the server holds,
/// read through `tx` (so photo records pushed earlier in the same batch count). An inspection
/// without a digest is not checked (older tablets; the console shows it has none). Errors are
/// storage failures only; a mismatch or a missing photo record is a refusal.
Result<EvidenceVerdict> verifyPushedEvidence(SyncTransaction& tx, const v1::Inspection& inspection);

/// The audit row written when a pushed inspection's digest was verified.
AuditEntry evidenceAudit(const v1::Inspection& inspection, const EvidenceVerdict& verdict,
                         const RegionPath& region, const std::string& userName, TimestampMs now);

/// The console's evidence state of one stored inspection: {intact, state, digest, zh, en,
/// problems:[{zh, en}]}; state is "intact", "no_digest", "digest_mismatch", "photo_record_missing"
/// or "photo_bytes_missing". `photos` are the building's photo records by id; `completePhotos`
/// the hashes whose bytes are all on the server.
nlohmann::json evidenceStatusJson(const v1::Inspection& inspection,
                                  const std::map<std::string, v1::PhotoRecord>& photos,
                                  const std::vector<std::string>& completePhotos);

}  // namespace anju::server
