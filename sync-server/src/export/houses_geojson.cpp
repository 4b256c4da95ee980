#include "export/houses_geojson.h"

#include <nlohmann/json.hpp>

#include "export/register_columns.h"

namespace anju::server {
namespace {

nlohmann::json feature(const RegisterRow& r) {
  nlohmann::json f = {{"type", "Feature"}, {"id", r.buildingId}};
  if (r.location) {
    f["geometry"] = {{"type", "Point"},
                     {"coordinates", {r.location->longitude, r.location->latitude}}};
  } else {
    f["geometry"] = nullptr;
  }
  f["properties"] = {
      {"building_id", r.buildingId},
      {"district", r.region.district},
      {"street", r.region.street},
      {"community", r.region.community},
      {"address", r.address},
      {"owner_name", r.ownerName},
      {"year_built", r.yearBuilt ? nlohmann::json(*r.yearBuilt) : nlohmann::json(nullptr)},
      {"storeys_above", r.storeysAbove},
      {"structure", r.structure},
      {"use", r.use},
      {"visited", r.visited()},
      {"inspection_id", r.inspectionId},
      {"inspected_at", formatChinaTime(r.inspectedAt)},
      {"inspector", r.inspector},
      {"judgment", r.judgment},
      {"judgment_zh", r.visited() ? judgmentLabel(r.judgment) : "未排查"},
      {"judgment_overridden", r.judgmentOverridden},
      {"appraisal_grade", r.appraisalGrade},
      {"review", r.review},
      {"rectification", r.rectification},
      {"rectification_deadline", r.rectificationDeadline},
      {"finding_count", r.findingCount},
      {"photo_count", r.photoCount},
      {"visit_count", r.visitCount},
      {"nobody_home_count", r.nobodyHomeCount},
      {"refused_count", r.refusedCount},
      {"last_visit_outcome", r.lastVisitOutcome},
      {"last_visited_at", formatChinaTime(r.lastVisitedAt)},
  };
  return f;
}

}  // namespace

Result<std::int64_t> writeHousesGeoJson(RegisterIndex& index, const RegisterFilter& filter,
                                        const ExportSink& sink) {
  BufferedSink out(sink);
  if (Status s = out.write("{\"type\":\"FeatureCollection\",\"features\":[\n"); !s) return s;
  std::int64_t n = 0;
  Status walked = forEachRegisterRow(index, filter, [&](const RegisterRow& row) {
    // Invalid UTF-8 (never expected: push validates text) is replaced rather than aborting.
    std::string text = feature(row).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (n++ > 0) text.insert(0, ",\n");
    return out.write(text);
  });
  if (!walked) return walked;
  if (Status s = out.write("\n]}\n"); !s) return s;
  if (Status s = out.flush(); !s) return s;
  return n;
}

}  // namespace anju::server
