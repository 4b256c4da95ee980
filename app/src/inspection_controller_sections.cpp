// InspectionController, part: whole-section actions ('本节全部正常').
#include "inspection_controller.h"

namespace anju::app {

int InspectionController::recordSectionNoHazard() {
  if (!isEditable() || m_sectionIndex < 0 || m_sectionIndex >= sectionCount()) return 0;
  flushTyping();
  const ChecklistSection& section = checklist().sections[static_cast<std::size_t>(m_sectionIndex)];
  const ChecklistAnswers added = noHazardAnswers(checklist(), section, m_inspection.answers);
  if (added.empty()) return 0;
  for (const auto& [id, answer] : added) {
    m_inspection.answers[id] = answer;
    m_itemErrors.remove(toQString(id));
  }
  const bool saved = saveDraft();
  refreshItems();
  emit inspectionChanged();
  return saved ? static_cast<int>(added.size()) : 0;
}

}  // namespace anju::app
