// Fuzz target: the checklist template loader (YAML text -> ChecklistTemplate). Any input must
// give a template or an invalidArgument that names where the problem is — never a crash, a
// hang or an exception (the loader promises "never throws").
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "anju/checklist.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  anju::Result<anju::ChecklistTemplate> parsed = anju::parseChecklistTemplate(text, "fuzz.yaml");
  if (!parsed && parsed.status().code() != anju::StatusCode::kInvalidArgument) __builtin_trap();
  if (!parsed && parsed.status().message().empty()) __builtin_trap();  // errors must say why
  return 0;
}
