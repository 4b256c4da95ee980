// Test support for the CSV imports: a refusal as the CLI prints it, in English.
#pragma once

#include <string>

#include "anju/message.h"
#include "anju/status.h"

namespace anju::server {

/// The status and each problem with the row and column it names ("line 3: 区划代码: …").
inline std::string problemsOf(const Status& s) {
  std::string out = render(s.text(), Locale::kEnglish);
  for (const FieldError& f : s.fieldErrors())
    out += "\n" + f.field + ": " + render(f.text, Locale::kEnglish);
  return out;
}

}  // namespace anju::server
