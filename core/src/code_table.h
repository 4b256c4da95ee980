// CodeTable: one enum's stable codes and labels, indexed by the enumerator's value (enum_codes.cpp,
// platform_codes.cpp). Private to core.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "anju/enum_codes.h"

namespace anju {

// The static_asserts beside each table keep it the same length as its enum so a new enumerator
// cannot silently lack a code.
template <typename E, std::size_t N>
struct CodeTable {
  std::array<EnumLabel, N> rows;

  const EnumLabel& of(E value) const { return rows.at(static_cast<std::size_t>(value)); }
  std::optional<E> parse(std::string_view code) const {
    for (std::size_t i = 0; i < N; ++i) {
      if (rows[i].code == code) return static_cast<E>(i);
    }
    return std::nullopt;
  }
};

}  // namespace anju
