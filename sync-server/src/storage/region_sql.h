// SQL text for "the row's district/street/community lie inside one of the filter's grants",
// shared by both backends (which differ only in the parameter marker). Private to storage/.
#pragma once

#include <string>

#include "storage/region_filter.h"

namespace anju::server {

/// A parenthesised condition over the columns `district`, `street`, `community` (prefixed by
/// `tableAlias.` when one is given). Uses parameters firstParam, firstParam+1, ... with `marker`
/// ('?' for SQLite, '$' for PostgreSQL): three per grant, bound as district, street, community
/// in grant order. "(1 = 1)" when unrestricted, "(1 = 0)" when the filter grants nothing.
std::string regionCondition(const RegionFilter& filter, char marker, int firstParam,
                            const std::string& tableAlias = "");

/// How many parameters regionCondition used.
inline int regionParamCount(const RegionFilter& filter) {
  return filter.unrestricted() ? 0 : static_cast<int>(filter.grants().size()) * 3;
}

}  // namespace anju::server
