// Stable text codes and Chinese/English labels for every domain enum.
//
// Codes ("brick_concrete", "wall_crack", …) are what files, the database and the wire carry;
// they never change meaning. Labels are for people. fromCode returns nullopt for an unknown code
// so a loader can report "unknown structure type 'xyz'" instead of guessing.
#pragma once

#include <optional>
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

#undef ANJU_ENUM_CODES

/// Replaces the words label(judgment) gives (the deployment's vocabulary, grading.h
/// applyJudgmentVocabulary); the code stays. Not thread-safe: call at start-up only.
void setJudgmentWords(PreliminaryJudgment judgment, std::string_view zh, std::string_view en);

}  // namespace anju
