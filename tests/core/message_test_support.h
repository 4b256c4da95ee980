// Tests that check what a Status tells people read it in both languages at once.
#pragma once

#include <string>

#include "anju/status.h"

namespace anju {

/// The status with its field problems, in Chinese, a newline, then in English.
inline std::string wordsOf(const Status& status) {
  return describe(status, Locale::kChinese) + "\n" + describe(status, Locale::kEnglish);
}

}  // namespace anju
