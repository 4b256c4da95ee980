// Visit <-> anju.v1.Visit (declared in record_codec.h; kept apart so the record kinds each have
// a small file).
#include "anju/enum_codes.h"
#include "anju/message.h"
#include "anju/record_codec.h"

namespace anju {

v1::Visit toProto(const Visit& v) {
  v1::Visit m;
  m.set_id(v.id);
  m.set_building_id(v.buildingId);
  m.set_inspector(v.inspector);
  m.set_visited_at(v.visitedAt);
  if (v.location) {
    m.mutable_location()->set_latitude(v.location->latitude);
    m.mutable_location()->set_longitude(v.location->longitude);
    if (v.location->accuracyMeters)
      m.mutable_location()->set_accuracy_meters(*v.location->accuracyMeters);
  }
  m.set_outcome(std::string(toCode(v.outcome)));
  m.set_note(v.note);
  m.set_inspection_id(v.inspectionId);
  return m;
}

Result<Visit> fromProto(const v1::Visit& m) {
  Visit v;
  v.id = m.id();
  v.buildingId = m.building_id();
  v.inspector = m.inspector();
  v.visitedAt = m.visited_at();
  if (m.has_location()) {
    v.location = GeoPoint{m.location().latitude(), m.location().longitude(), std::nullopt};
    if (m.location().has_accuracy_meters())
      v.location->accuracyMeters = m.location().accuracy_meters();
  }
  if (std::optional<VisitOutcome> outcome = parseVisitOutcome(m.outcome())) {
    v.outcome = *outcome;
  } else {
    return Status::invalidArgument(
        msg("record.cannot_decode_visit"),
        {fieldError("outcome", msg("record.unknown_code", {{"code", m.outcome()}}))});
  }
  v.note = m.note();
  v.inspectionId = m.inspection_id();
  return v;
}

}  // namespace anju
