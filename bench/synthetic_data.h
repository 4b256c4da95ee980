// Synthetic records for the benchmarks: houses with plausible Chinese addresses, inspections with
// findings sized like a real one (about 1 KB encoded), and incompressible photo bytes. Every
// generator is deterministic in its index except for the fresh UUIDs, so repetitions are alike.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "anju/model.h"

namespace anju::bench {

/// House `i` of a synthetic register under `district`/`street`: 40 communities, ten roads,
/// addresses unique per (community, road, number). Each community is its own 2 × 2 km patch on an
/// 8 × 5 grid (a district of about 20 × 12 km), so map benchmarks have a realistic spread.
Building syntheticBuilding(int i, const std::string& district, const std::string& street);

/// House `i` of a whole synthetic district, 城关区: the 40 communities spread over five streets
/// (8 each), as the tablet's "My houses" and map see a district campaign.
Building syntheticDistrictBuilding(int i);

/// An inspection of `building` with three findings (a measured wall crack, a roof leak, a tilt),
/// checklist answers and notes, padded so that its encoded anju.v1.Record is about
/// `targetBytes` (never less). Ungraded: the caller grades it if it wants to.
Inspection syntheticInspection(int i, const Building& building, const std::string& inspector,
                               std::size_t targetBytes = 1024);

/// `size` pseudo-random bytes from `seed` (a photo-like payload: gzip gains nothing on it).
std::string pseudoRandomBytes(std::uint64_t seed, std::size_t size);

}  // namespace anju::bench
