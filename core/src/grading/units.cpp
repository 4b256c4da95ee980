#include "grading/units.h"

#include <array>

namespace anju::grading {
namespace {

enum class Dimension { kLength, kFraction, kCount };

struct Unit {
  std::string_view code;
  Dimension dimension;
  int exponent;  // value in the dimension's base unit = value × 10^exponent
};

// Base units: mm for lengths, a plain ratio for fractions.
constexpr std::array<Unit, 7> kUnits{{
    {"mm", Dimension::kLength, 0},
    {"cm", Dimension::kLength, 1},
    {"m", Dimension::kLength, 3},
    {"ratio", Dimension::kFraction, 0},
    {"percent", Dimension::kFraction, -2},
    {"permille", Dimension::kFraction, -3},
    {"count", Dimension::kCount, 0},
}};

const Unit* find(std::string_view code) {
  for (const Unit& u : kUnits)
    if (u.code == code) return &u;
  return nullptr;
}

double powerOfTen(int n) {
  double p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

}  // namespace

bool isKnownUnit(std::string_view unit) { return find(unit) != nullptr; }

std::optional<double> convertUnit(double value, std::string_view from, std::string_view to) {
  const Unit* a = find(from);
  const Unit* b = find(to);
  if (a == nullptr || b == nullptr || a->dimension != b->dimension) return std::nullopt;
  const int shift = a->exponent - b->exponent;
  if (shift >= 0) return value * powerOfTen(shift);
  return value / powerOfTen(-shift);
}

}  // namespace anju::grading
