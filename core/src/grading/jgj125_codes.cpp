// Stable codes and labels of the JGJ 125 member types and floor grades, as written in rule and
// survey files. Kept apart from enum_codes.cpp because they belong to the appraisal, not to the
// inspection records.
#include <array>
#include <cstddef>

#include "anju/jgj125.h"

namespace anju {
namespace {

struct MemberTypeRow {
  std::string_view code;
  std::string_view zh;
  std::string_view en;
};

// Indexed by MemberType's value.
constexpr std::array<MemberTypeRow, kMemberTypeCount> kMemberTypes{{
    {"middle_column", "中柱", "middle column"},
    {"edge_column", "边柱", "edge column"},
    {"corner_column", "角柱", "corner column"},
    {"load_bearing_wall", "承重墙", "load-bearing wall"},
    {"roof_truss", "屋架", "roof truss"},
    {"middle_beam", "中梁", "middle beam"},
    {"edge_beam", "边梁", "edge beam"},
    {"secondary_beam", "次梁", "secondary beam"},
    {"cantilever_beam", "挑梁", "cantilever beam"},
    {"self_bearing_wall", "自承重墙", "self-bearing wall"},
    {"slab", "楼屋面板", "slab"},
    {"envelope", "围护结构", "envelope"},
}};
static_assert(static_cast<std::size_t>(MemberType::kEnvelope) + 1 == kMemberTypeCount);

constexpr std::array<std::string_view, 4> kFloorGrades{"Au", "Bu", "Cu", "Du"};

}  // namespace

std::string_view memberTypeCode(MemberType type) {
  return kMemberTypes.at(static_cast<std::size_t>(type)).code;
}

LocalizedText memberTypeLabel(MemberType type) {
  const MemberTypeRow& row = kMemberTypes.at(static_cast<std::size_t>(type));
  return {std::string(row.zh), std::string(row.en)};
}

std::optional<MemberType> parseMemberType(std::string_view code) {
  for (std::size_t i = 0; i < kMemberTypes.size(); ++i)
    if (kMemberTypes[i].code == code) return static_cast<MemberType>(i);
  return std::nullopt;
}

std::string_view floorGradeCode(FloorGrade grade) {
  return kFloorGrades.at(static_cast<std::size_t>(grade));
}

}  // namespace anju
