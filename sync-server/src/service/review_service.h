// ReviewService: server-side edits of inspections by reviewers (approve, return with comment).
//
// An edit rewrites the stored record in place of a client: it parses the stored payload
// (keeping fields this server does not know), changes review/review_comment, stamps a new
// server-generated HLC version after the current one, and writes it through the same
// transaction path as push, so it gets a sequence number and appears in pull. A tablet that
// later pushes a change based on the older version gets a CONFLICT, as it should.
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

class ReviewService {
 public:
  using Clock = std::function<TimestampMs()>;
  /// `storage` and `hlc` are borrowed and outlive the service.
  ReviewService(ServerStorage& storage, HybridLogicalClock& hlc, Clock clock = {});

  /// submitted -> returned with a comment (required). notFound for an unknown inspection,
  /// conflict when the inspection is not in a state that may be returned.
  Result<ReviewResult> returnInspection(const Uuid& inspectionId, const std::string& comment,
                                        const std::string& reviewer);
  /// submitted -> approved.
  Result<ReviewResult> approveInspection(const Uuid& inspectionId, const std::string& reviewer);

 private:
  Result<ReviewResult> transition(const Uuid& inspectionId, ReviewState to,
                                  const std::string& comment, const std::string& reviewer);

  ServerStorage& m_storage;
  HybridLogicalClock& m_hlc;
  Clock m_clock;
};

}  // namespace anju::server
