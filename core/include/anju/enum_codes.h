// Stable text codes and Chinese/English labels for every domain enum.
//
// Codes ("brick_concrete", "wall_crack", …) are what files, the database and the wire carry;
// they never change meaning. Labels are for people. fromCode returns nullopt for an unknown code
// so a loader can report "unknown structure type 'xyz'" instead of guessing.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "anju/model.h"

namespace anju {

struct EnumLabel {
  std::string_view code;
  std::string_view zh;
  std::string_view en;
};

#define ANJU_ENUM_CODES(Type)                                              \
  const EnumLabel& label(Type value);                                      \
  inline std::string_view toCode(Type value) { return label(value).code; } \
  std::optional<Type> parse##Type(std::string_view code);

ANJU_ENUM_CODES(StructureType)
ANJU_ENUM_CODES(DesignStatus)
ANJU_ENUM_CODES(Alteration)
ANJU_ENUM_CODES(BuildingUse)
ANJU_ENUM_CODES(Component)
ANJU_ENUM_CODES(HazardKind)
ANJU_ENUM_CODES(Severity)
ANJU_ENUM_CODES(PreliminaryJudgment)
ANJU_ENUM_CODES(AppraisalGrade)
ANJU_ENUM_CODES(ReviewState)
ANJU_ENUM_CODES(MeasureFamily)
ANJU_ENUM_CODES(RectificationStatus)
ANJU_ENUM_CODES(RectificationStage)
ANJU_ENUM_CODES(VisitOutcome)
ANJU_ENUM_CODES(PhotoCategory)
// The national platform's code lists (platform_codes.cpp).
ANJU_ENUM_CODES(BusinessType)
ANJU_ENUM_CODES(LandType)
ANJU_ENUM_CODES(Permit)
ANJU_ENUM_CODES(PermitState)
ANJU_ENUM_CODES(GeoHazard)
ANJU_ENUM_CODES(FireHazard)

#undef ANJU_ENUM_CODES

/// The version of the national platform's code lists above (业态, 土地性质, 许可证照 and their
/// status, 地质灾害, 消防隐患), from the survey form of 城乡自建房安全专项整治信息归集平台 (2022).
/// A code never changes meaning; adding codes makes a new version (docs/data-model.md).
inline constexpr std::string_view kPlatformCodesVersion = "platform-codes/1";

/// Every value of one of the platform's code lists, in the order people are shown them.
template <typename E>
std::span<const E> allValues();
template <>
std::span<const BusinessType> allValues<BusinessType>();
template <>
std::span<const LandType> allValues<LandType>();
template <>
std::span<const Permit> allValues<Permit>();
template <>
std::span<const PermitState> allValues<PermitState>();
template <>
std::span<const GeoHazard> allValues<GeoHazard>();
template <>
std::span<const FireHazard> allValues<FireHazard>();

/// Replaces the words label(judgment) gives (the deployment's vocabulary, grading.h
/// applyJudgmentVocabulary); the code stays. Not thread-safe: call at start-up only.
void setJudgmentWords(PreliminaryJudgment judgment, std::string_view zh, std::string_view en);

}  // namespace anju
