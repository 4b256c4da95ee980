#include "inspection_judgment.h"

#include <utility>

#include "anju/enum_codes.h"
#include "anju/validation.h"
#include "inspection_controller.h"

namespace anju::app {

InspectionJudgment::InspectionJudgment(InspectionController& inspection)
    : QObject(&inspection), m_inspection(inspection) {}

void InspectionJudgment::reset() {
  m_assessment.reset();
  setOverrideError({});
}

void InspectionJudgment::setAssessment(PreliminaryAssessment assessment) {
  m_assessment = std::move(assessment);
}

QVariantList InspectionJudgment::options() const {
  using J = PreliminaryJudgment;
  return enumOptions({J::kSerious, J::kSome, J::kNoneFound}, m_inspection.lang());
}

bool InspectionJudgment::grade() {
  InspectionController& c = m_inspection;
  if (!c.ready()) return false;
  c.flushTyping();
  m_assessment = gradeInspection(c.m_inspection, c.m_building, c.checklist(), c.m_session->rules());
  emit changed();
  c.m_findings->refresh();
  // Looking at the judgment of an inspection with nothing recorded does not store it: an empty
  // draft judged 未发现安全隐患 must not exist (issue 10).
  return c.isEditable() && c.m_stored ? c.saveDraft() : true;
}

QString InspectionJudgment::computed() const {
  const Inspection& in = m_inspection.m_inspection;
  return m_inspection.m_open && in.computedJudgment ? toQString(toCode(*in.computedJudgment))
                                                    : QString();
}
QString InspectionJudgment::computedLabel() const {
  const Inspection& in = m_inspection.m_inspection;
  return m_inspection.m_open && in.computedJudgment
             ? pick(label(*in.computedJudgment), m_inspection.lang())
             : QString();
}
QString InspectionJudgment::effective() const {
  const auto j = m_inspection.m_open ? m_inspection.m_inspection.effectiveJudgment() : std::nullopt;
  return j ? toQString(toCode(*j)) : QString();
}
QString InspectionJudgment::effectiveLabel() const {
  const auto j = m_inspection.m_open ? m_inspection.m_inspection.effectiveJudgment() : std::nullopt;
  return j ? pick(label(*j), m_inspection.lang()) : QString();
}
QString InspectionJudgment::explanation() const {
  if (m_assessment)
    return toQString(m_inspection.lang() == Language::kEnglish
                         ? m_assessment->explanation.renderEn()
                         : m_assessment->explanation.renderZh());
  return m_inspection.m_open ? toQString(m_inspection.m_inspection.judgmentExplanation) : QString();
}
QString InspectionJudgment::disposal() const {
  return m_assessment ? pick(m_assessment->disposal, m_inspection.lang()) : QString();
}
QString InspectionJudgment::overrideJudgment() const {
  const Inspection& in = m_inspection.m_inspection;
  return m_inspection.m_open && in.override ? toQString(toCode(in.override->judgment)) : QString();
}
QString InspectionJudgment::overrideReason() const {
  const Inspection& in = m_inspection.m_inspection;
  return m_inspection.m_open && in.override ? toQString(in.override->reason) : QString();
}

bool InspectionJudgment::setOverride(const QString& judgmentCode, const QString& reason) {
  InspectionController& c = m_inspection;
  if (!c.isEditable()) return false;
  const auto judgment = parsePreliminaryJudgment(toStdString(judgmentCode));
  if (!judgment) {
    setOverrideError(tr("Choose the judgment you want to record."));
    return false;
  }
  Inspection candidate = c.m_inspection;
  candidate.override = JudgmentOverride{*judgment, toStdString(reason.trimmed())};
  if (const Status st = validateInspection(candidate); !st) {
    for (const FieldError& fe : st.fieldErrors()) {
      if (fe.field.rfind("override", 0) == 0) {
        setOverrideError(fieldErrorText(fe, c.lang()));
        return false;
      }
    }
  }
  setOverrideError({});
  c.m_inspection = std::move(candidate);
  emit changed();
  return c.saveDraft();
}

bool InspectionJudgment::clearOverride() {
  InspectionController& c = m_inspection;
  if (!c.isEditable()) return false;
  setOverrideError({});
  if (!c.m_inspection.override) return true;
  c.m_inspection.override.reset();
  emit changed();
  return c.saveDraft();
}

void InspectionJudgment::setOverrideError(const QString& error) {
  if (error == m_overrideError) return;
  m_overrideError = error;
  emit overrideErrorChanged();
}

}  // namespace anju::app
