// ReviewService: server-side edits of inspections by reviewers (approve, return with comment,
// appraisal grade), from the admin CLI and from the review console.
//
// An edit rewrites the stored record in place of a client: it parses the stored payload
// (keeping fields this server does not know), changes the reviewed fields, stamps a new
// server-generated HLC version after the current one, and writes it through the same
// transaction path as push, so it gets a sequence number and appears in pull. A tablet that
// later pushes a change based on the older version gets a CONFLICT, as it should.
//
// Every edit appends an audit entry (who, when, what) in the same transaction, and is refused
// (permissionDenied) when the inspection's building lies outside the reviewer's scope; that
// check runs inside the transaction, against the region stored with the record.
//
// Thread-safe.
#pragma once

#include <functional>
#include <string>

#include "anju/hlc.h"
#include "storage/server_storage.h"

namespace anju::server {

struct ReviewResult {
  HlcVersion version = 0;
  std::int64_t seq = 0;
};

/// Who acts, and where they may act. Implicit from a name for the admin CLI, which acts
/// everywhere; the console passes the signed-in user's region filter.
struct Reviewer {
  Reviewer(std::string userName, RegionFilter where = RegionFilter::everything())
      : name(std::move(userName)), scope(std::move(where)) {}
  std::string name;
  RegionFilter scope;
};

class ReviewService {
 public:
  using Clock = std::function<TimestampMs()>;
  /// `storage` and `hlc` are borrowed and outlive the service.
  ReviewService(ServerStorage& storage, HybridLogicalClock& hlc, Clock clock = {});

  /// submitted -> returned with a comment (required). notFound for an unknown inspection,
  /// conflict when the inspection is not in a state that may be returned, permissionDenied
  /// outside the reviewer's scope.
  Result<ReviewResult> returnInspection(const Uuid& inspectionId, const std::string& comment,
                                        const Reviewer& reviewer);
  /// submitted -> approved.
  Result<ReviewResult> approveInspection(const Uuid& inspectionId, const Reviewer& reviewer);
  /// Sets the professional appraisal grade ("A".."D"), kept apart from the preliminary
  /// judgment; invalidArgument for any other code. Allowed in every review state except draft.
  Result<ReviewResult> setAppraisalGrade(const Uuid& inspectionId, const std::string& grade,
                                         const Reviewer& reviewer);

 private:
  ServerStorage& m_storage;
  HybridLogicalClock& m_hlc;
  Clock m_clock;
};

}  // namespace anju::server
