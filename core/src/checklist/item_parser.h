// Reads one checklist item (with its options, conditions and finding) from YAML and checks it
// against the items before it. Private to the checklist loader.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "anju/checklist.h"
#include "checklist/yaml_reader.h"

namespace anju::checklist_yaml {

/// What an item may refer to: conditions may test only items read before it (`earlier`);
/// `allIds` tells "comes later" apart from "does not exist" in the message, and a condition on an
/// earlier item in `unusable` (no readable id or type, already reported) adds no second error.
struct ItemScope {
  const std::map<std::string, ChecklistItem>& earlier;
  const std::set<std::string>& allIds;
  const std::set<std::string>& unusable;
};

/// The item as far as it could be read, or nullopt when it has no usable id or type. Every
/// problem is reported to `errors`; the caller must treat a non-empty `errors` as failure.
/// `fallbackName` names the item in messages when it has no readable id, e.g. "item #3 of
/// section 'walls'".
std::optional<ChecklistItem> parseItem(const YAML::Node& node, const std::string& fallbackName,
                                       const ItemScope& scope, ParseErrors& errors);

}  // namespace anju::checklist_yaml
