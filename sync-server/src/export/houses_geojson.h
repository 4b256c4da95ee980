// The houses as a GeoJSON FeatureCollection (RFC 7946: WGS-84 longitude/latitude) for GIS:
// one Point feature per house with its register facts as properties (codes and Chinese
// labels). A house without GPS has a null geometry, so the file still lists every house.
// Streams feature by feature: memory does not grow with the number of houses.
#pragma once

#include "export/export_sink.h"
#include "register/register_query.h"

namespace anju::server {

/// Returns how many features were written.
Result<std::int64_t> writeHousesGeoJson(RegisterIndex& index, const RegisterFilter& filter,
                                        const ExportSink& sink);

}  // namespace anju::server
