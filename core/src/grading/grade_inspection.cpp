#include "anju/grading.h"

namespace anju {

PreliminaryAssessment gradeInspection(Inspection& inspection, const Building& building,
                                      const PreliminaryRules& rules) {
  PreliminaryAssessment assessment = assessPreliminary(building, inspection.findings, rules);
  inspection.computedJudgment = assessment.judgment;
  inspection.judgmentExplanation =
      assessment.explanation.renderZh() + "\n\n" + assessment.explanation.renderEn();
  // assessPreliminary returns one FindingAssessment per finding, in order: the record keeps the
  // effective severity so registers and the server show what the rules concluded.
  for (std::size_t i = 0; i < inspection.findings.size(); ++i)
    inspection.findings[i].severity = assessment.findings[i].effectiveSeverity;
  return assessment;
}

PreliminaryAssessment gradeInspection(Inspection& inspection, const Building& building,
                                      const ChecklistTemplate& tmpl,
                                      const PreliminaryRules& rules) {
  return gradeInspection(inspection, buildingAsInspected(tmpl, building, inspection.answers),
                         rules);
}

}  // namespace anju
