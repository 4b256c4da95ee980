// Fuzz target: the CSV building register import (CSV text -> new Building records), the code
// behind `anju-server import-buildings`. Any input must give buildings that pass validation or
// an invalidArgument listing the bad lines — never a crash, a hang or an exception.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "anju/validation.h"
#include "import/building_import.h"
#include "import/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)anju::server::parseCsv(text);
  anju::Result<anju::server::ParsedRegister> parsed =
      anju::server::parseBuildingRegister(text, 1780272000000);
  if (!parsed) {
    if (parsed.status().code() != anju::StatusCode::kInvalidArgument) __builtin_trap();
    return 0;
  }
  for (const anju::Building& b : parsed->buildings)
    if (!anju::validateBuilding(b, 1780272000000).isOk())
      __builtin_trap();  // the import let a bad record in
  return 0;
}
