// Validation of domain records: what makes a Building, Inspection, Finding, PhotoRecord or
// Rectification well-formed, independent of storage. The store, the sync server and the app all
// call these before accepting a change, so a bad record gets the same clear error everywhere.
//
// Each function returns Status::ok() or an invalidArgument Status whose fieldErrors() name every
// offending field (all problems at once, not just the first), with messages in Chinese followed
// by English, e.g. msg("validation.crack_width_cannot_negative").
#pragma once

#include "anju/model.h"
#include "anju/status.h"

namespace anju {

/// `nowMs` is injected so tests can pin "the current year" (year built may not be in the future).
Status validateBuilding(const Building& building, TimestampMs nowMs);
Status validateFinding(const Finding& finding);
/// Validates the inspection and each of its findings (field names prefixed "findings[i].").
Status validateInspection(const Inspection& inspection);
Status validatePhoto(const PhotoRecord& photo);
Status validateRectification(const Rectification& rectification);
/// A visit needs its building, inspector and time; `nowMs` bounds the time (a visit cannot be
/// more than a day in the future: a tablet clock a few hours off is tolerated).
Status validateVisit(const Visit& visit, TimestampMs nowMs);

/// Whether a review may move from `from` to `to` (draft→submitted, submitted→approved|returned,
/// returned→submitted). Anything else is a conflict with a message naming both states.
Status checkReviewTransition(ReviewState from, ReviewState to);
/// pending→in_progress→done, and pending→done; never backwards.
Status checkRectificationTransition(RectificationStatus from, RectificationStatus to);

bool isValidUuid(std::string_view id);
bool isValidSha256Hex(std::string_view hex);
bool isValidIsoDate(std::string_view date);

}  // namespace anju
