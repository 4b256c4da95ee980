// JGJ 125-2016《危险房屋鉴定标准》 appraisal grading: dangerous-member counts → A/B/C/D.
//
// The method (REFERENCE.md §2.2): the foundation is a "foundation floor" with ratio
// R_f = n_df / n_f; every superstructure floor (basements included) has a weighted ratio
// R_si = Σ w·n_d / Σ w·n; each floor is graded Au/Bu/Cu/Du by thresholds; the whole building has
// R = (3.5·n_df + Σ_i Σ w·n_d) / (3.5·n_f + Σ_i Σ w·n) with the same weights, and a decision table
// over R, the number of Du floors and the foundation-soil state gives the grade. Weights,
// thresholds and the table are data (core/rules/jgj125_2016.v1.yaml); several entries are [U] and
// carry that status into every result they decide.
//
// The survey holds counts as the appraiser made them: the standard's progressive-collapse rule
// (vertical members above a dangerous vertical member count as dangerous) is applied when counting,
// not here. Plain values; assessJgj125 is a pure function and thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anju/explanation.h"
#include "anju/model.h"
#include "anju/status.h"

namespace anju {

/// Superstructure member types of formula 6.3.3 (the foundation is counted separately).
enum class MemberType {
  kMiddleColumn,
  kEdgeColumn,
  kCornerColumn,
  kLoadBearingWall,
  kRoofTruss,
  kMiddleBeam,
  kEdgeBeam,
  kSecondaryBeam,
  kCantileverBeam,
  kSelfBearingWall,
  kSlab,
  kEnvelope
};
inline constexpr int kMemberTypeCount = 12;

/// Stable codes ("middle_column", …) and labels ("中柱", "middle column").
std::string_view memberTypeCode(MemberType type);
LocalizedText memberTypeLabel(MemberType type);
std::optional<MemberType> parseMemberType(std::string_view code);

enum class FloorGrade { kAu, kBu, kCu, kDu };
std::string_view floorGradeCode(FloorGrade grade);  // "Au" … "Du"

struct MemberCount {
  int total = 0;
  int dangerous = 0;  // 0 <= dangerous <= total
  bool operator==(const MemberCount&) const = default;
};

struct FloorSurvey {
  std::string label;  // e.g. "1层", "地下1层"
  bool basement = false;
  std::map<MemberType, MemberCount> members;  // types not present count as zero
};

struct Jgj125Survey {
  std::string name;                      // free text identifying the building, for reports
  bool foundationSoilDangerous = false;  // stage 1 (地基危险性): 危险状态
  MemberCount foundation;                // foundation-floor members (基础构件), total > 0
  std::vector<FloorSurvey> floors;       // bottom up, basements included, at least one
};

/// Reads a survey file (format in docs/grading-rules.md); errors carry file and line like the
/// rule loaders, and counts are checked (non-negative, dangerous <= total).
Result<Jgj125Survey> loadJgj125Survey(const std::string& path);
Result<Jgj125Survey> parseJgj125Survey(const std::string& text, const std::string& sourceName);

struct MemberWeight {
  double weight = 0;
  RuleStatus status = RuleStatus::kVerified;
  std::string source;
};

/// Floor grade from its ratio: 0 → Au; below cuFrom → Bu; below duFrom → Cu; else Du.
struct FloorThresholds {
  double cuFromPercent = 5;
  double duFromPercent = 25;
  RuleStatus status = RuleStatus::kVerified;
  std::string source;
};

/// One row of the building decision table (6.3.6). Unset conditions match anything; a row
/// matches when all set conditions hold. Percentages are of R; "share" is Du floors divided by
/// all floors counted (foundation floor included).
struct GradeRow {
  std::string id;
  AppraisalGrade grade = AppraisalGrade::kA;
  LocalizedText text;
  std::string source;
  RuleStatus status = RuleStatus::kVerified;
  std::optional<bool> foundationSoilDangerous;
  std::optional<double> rMinPercent;    // R >= this
  std::optional<double> rBelowPercent;  // R <  this
  std::optional<double> rMaxPercent;    // R <= this
  std::optional<int> duFloorsMin;       // inclusive
  std::optional<int> duFloorsMax;       // inclusive
  std::optional<double> duShareAbove;   // share >  this
  std::optional<double> duShareMax;     // share <= this
};

struct Jgj125Rules {
  std::string sourceName;
  int version = 0;
  LocalizedText title;
  MemberWeight foundationWeight;
  std::map<MemberType, MemberWeight> weights;  // every MemberType present
  FloorThresholds floorThresholds;
  std::vector<GradeRow> gradeRows;  // evaluated in file order, first match wins
};

Result<Jgj125Rules> loadJgj125Rules(const std::string& path);
Result<Jgj125Rules> parseJgj125Rules(const std::string& text, const std::string& sourceName);

struct FloorAssessment {
  std::string label;  // "基础层" for the foundation floor
  bool basement = false;
  bool foundation = false;
  double weightedTotal = 0;
  double weightedDangerous = 0;
  double ratio = 0;  // fraction, 0..1
  FloorGrade grade = FloorGrade::kAu;
};

struct Jgj125Assessment {
  FloorAssessment foundationFloor;      // R_f
  std::vector<FloorAssessment> floors;  // R_si, survey order
  double weightedTotal = 0;             // denominator of R
  double weightedDangerous = 0;         // numerator of R
  double ratio = 0;                     // R, fraction 0..1
  int duFloors = 0;                     // foundation floor included
  int floorsCounted = 0;                // floors + 1 (the foundation floor)
  AppraisalGrade grade = AppraisalGrade::kA;
  std::string decidingRowId;
  RuleStatus decidingRowStatus = RuleStatus::kVerified;
  Explanation explanation;
};

/// Grades a survey. invalidArgument when the survey is inconsistent (no floors, dangerous >
/// total, a floor with no members) or when no row of the decision table matches (an incomplete
/// rule file).
Result<Jgj125Assessment> assessJgj125(const Jgj125Survey& survey, const Jgj125Rules& rules);

}  // namespace anju
