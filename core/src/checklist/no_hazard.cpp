// '本节全部正常': the answers that record a section's hazard questions as "no hazard" in one tap.
#include <variant>

#include "anju/checklist.h"

namespace anju {

ChecklistAnswers noHazardAnswers(const ChecklistTemplate& tmpl, const ChecklistSection& section,
                                 const ChecklistAnswers& answers) {
  ChecklistAnswers added;
  ChecklistAnswers all = answers;
  // A no-hazard answer can show or hide later items of the section; repeat until nothing more
  // applies. Each pass answers at least one item or stops, so it ends.
  for (bool more = true; more;) {
    more = false;
    for (const ChecklistItem* item : applicableItems(tmpl, section, all)) {
      if (item->type != ItemType::kYesNo || !item->finding || all.count(item->id) != 0) continue;
      const bool noHazard = !item->finding->onYes;
      all[item->id] = noHazard;
      added[item->id] = noHazard;
      more = true;
    }
  }
  return added;
}

}  // namespace anju
