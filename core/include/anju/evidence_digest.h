// The evidence digest of a submitted inspection: SHA-256 over a canonical serialisation of the
// inspection and of the photo records it references (their SHA-256, size, time and GPS), so the
// bureau can check that neither the record nor a photo was swapped after submission.
//
// Canonical form "anju-evidence-v1" (docs/data-model.md, "Evidence digest"): one JSON object,
// UTF-8, no whitespace, object keys in byte order, numbers as integers or shortest round-trip
// doubles, written by nlohmann::json::dump(). It holds
//   format: "anju-evidence-v1"
//   inspection: every field of the inspection except those a reviewer writes after submission
//     (review, review_comment, appraisal_grade) and the digest itself; enums as their codes
//   photos: for each id of evidencePhotoIds(), in that order: id, sha256, byte_size, mime_type,
//     captured_at, location, document (captions are descriptions, not evidence, and stay out)
// The digest is the SHA-256 of those bytes as 64 lowercase hex digits.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "anju/model.h"
#include "anju/status.h"
#include "anju/store.h"

namespace anju {

/// The photo ids an inspection's digest binds, each once, in this order: the house photos
/// (photoIds), photo answers (text answers that are UUIDs, in item id order), each finding's
/// photos, the owner notice's PDF, the signature PNG.
std::vector<Uuid> evidencePhotoIds(const Inspection& inspection);

/// The canonical bytes. `photos` must hold a record for every evidencePhotoIds() id (others are
/// ignored); notFound names the first one missing; invalidArgument when the owner notice's
/// hashes differ from its files' records (the notice would point at other bytes).
Result<std::string> evidenceCanonicalForm(const Inspection& inspection,
                                          const std::vector<PhotoRecord>& photos);

/// SHA-256 of evidenceCanonicalForm, 64 lowercase hex digits; same errors.
Result<std::string> computeEvidenceDigest(const Inspection& inspection,
                                          const std::vector<PhotoRecord>& photos);

/// At submit: loads the referenced photo records from `store` and sets
/// inspection.evidenceDigest. notFound when a referenced photo is not in the store.
Status sealEvidence(Store& store, Inspection& inspection);

}  // namespace anju
