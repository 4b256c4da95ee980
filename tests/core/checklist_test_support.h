// The checklist templates the tablet ships (core/checklists/), loaded once per test binary.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "anju/checklist.h"
#include "anju/data_dir.h"

namespace anju::testing {

inline const ChecklistTemplate& shippedChecklist(int version) {
  static std::map<int, ChecklistTemplate> loaded;
  if (auto it = loaded.find(version); it != loaded.end()) return it->second;
  auto tmpl = loadChecklistTemplate(anju::shippedDataDir() + "/checklists/self_built_house.v" +
                                    std::to_string(version) + ".yaml");
  EXPECT_TRUE(tmpl.isOk()) << tmpl.status().toString();
  return loaded[version] = tmpl.isOk() ? *tmpl : ChecklistTemplate{};
}

}  // namespace anju::testing
