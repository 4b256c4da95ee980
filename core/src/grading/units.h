// Units a finding's measurements may be written in, and exact conversion between them.
//
// Private to core. Inspectors record tilt in ‰ or %, widths in mm or cm; rule thresholds are
// written in one canonical unit per measurement. Units of one dimension differ by a power of ten,
// and converting by multiplying or dividing by an exact power of ten keeps values such as 30 ‰ →
// 3 % exact, so a reading equal to a threshold is not pushed over it by rounding.
#pragma once

#include <optional>
#include <string_view>

namespace anju::grading {

/// Whether `unit` is one we know ("mm", "cm", "m", "ratio", "percent", "permille", "count").
bool isKnownUnit(std::string_view unit);

/// `value` in `from` expressed in `to`; nullopt when either is unknown or the dimensions differ
/// (a width in mm cannot be compared with a threshold in percent).
std::optional<double> convertUnit(double value, std::string_view from, std::string_view to);

}  // namespace anju::grading
