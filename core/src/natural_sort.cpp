#include "anju/natural_sort.h"

#include <tuple>
#include <utility>

namespace anju {
namespace {

// Fullwidth digits (U+FF10..U+FF19) are EF BC 90..99 in UTF-8: what a Chinese IME types for
// "１２号" when the user is in fullwidth mode. Returns the digit value, or -1.
int fullwidthDigitAt(std::string_view text, std::size_t i) {
  if (text.size() - i < 3) return -1;
  const auto b0 = static_cast<unsigned char>(text[i]);
  const auto b1 = static_cast<unsigned char>(text[i + 1]);
  const auto b2 = static_cast<unsigned char>(text[i + 2]);
  if (b0 == 0xEF && b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99) return b2 - 0x90;
  return -1;
}

// The digit starting at byte i and its length in bytes; {-1, 0} when there is none.
std::pair<int, std::size_t> digitAt(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c >= '0' && c <= '9') return {c - '0', 1};
  if (const int d = fullwidthDigitAt(text, i); d >= 0) return {d, 3};
  return {-1, 0};
}

// A number longer than this is split into several runs (an opaque code, not a house number).
constexpr std::size_t kMaxRun = 99;

}  // namespace

std::string naturalSortKey(std::string_view text) {
  std::string key;
  key.reserve(text.size() + 8);
  std::size_t i = 0;
  while (i < text.size()) {
    auto [digit, width] = digitAt(text, i);
    if (digit < 0) {
      key += text[i++];
      continue;
    }
    // A run of digits: leading zeros dropped, then its length as two decimal digits, then the
    // digits. A longer number has a greater length prefix, so it sorts after a shorter one; equal
    // lengths compare digit by digit. The prefix starts with '0'..'9', so against a non-digit at
    // the same place a number sorts exactly where its first digit did in the plain text.
    std::string digits;
    while (digit >= 0 && digits.size() < kMaxRun) {
      if (!(digits.empty() && digit == 0)) digits += static_cast<char>('0' + digit);
      i += width;
      if (i >= text.size()) break;
      std::tie(digit, width) = digitAt(text, i);
    }
    key += static_cast<char>('0' + digits.size() / 10);
    key += static_cast<char>('0' + digits.size() % 10);
    key += digits;
  }
  return key;
}

}  // namespace anju
