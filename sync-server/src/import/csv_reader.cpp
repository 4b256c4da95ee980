#include "import/csv_reader.h"

namespace anju::server {
namespace {

// `problem` is a catalogue message; its parameters join the line number's.
Status lineError(std::size_t line, Message problem) {
  problem.params.push_back({"line", std::to_string(line)});
  return Status::invalidArgument(std::move(problem));
}

// Length of the UTF-8 sequence starting at s[i], or 0 when it is malformed (overlong forms,
// surrogates and code points above U+10FFFF included).
std::size_t utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c == 0xE0) {
    n = 3;
    lo = 0xA0;
  } else if (c == 0xED) {
    n = 3;
    hi = 0x9F;
  } else if (c >= 0xE1 && c <= 0xEF)
    n = 3;
  else if (c == 0xF0) {
    n = 4;
    lo = 0x90;
  } else if (c >= 0xF1 && c <= 0xF3)
    n = 4;
  else if (c == 0xF4) {
    n = 4;
    hi = 0x8F;
  } else
    return 0;
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

}  // namespace

std::size_t firstInvalidUtf8Line(std::string_view text) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8SequenceLength(text, i);
    if (n == 0) return line;
    if (text[i] == '\n') ++line;
    i += n;
  }
  return 0;
}

Result<std::vector<CsvRecord>> parseCsv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (const std::size_t bad = firstInvalidUtf8Line(text))
    return lineError(bad, msg("import.not_utf8"));

  std::vector<CsvRecord> records;
  std::size_t line = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    CsvRecord record;
    record.line = line;
    bool recordDone = false;
    bool quoted = false;  // a lone "" is an empty field, not a blank line
    while (!recordDone) {
      std::string field;
      if (i < n && text[i] == '"') {
        const std::size_t quoteLine = line;
        quoted = true;
        ++i;
        while (true) {
          if (i >= n) return lineError(quoteLine, msg("import.quoted_field_never_closed"));
          const char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (c == '\n') ++line;
          field.push_back(c);
          ++i;
        }
        if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
          return lineError(line, msg("import.unexpected_character_after_closing"));
      } else {
        while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"') return lineError(line, msg("import.quote_in_unquoted_field"));
          field.push_back(text[i]);
          ++i;
        }
      }
      record.fields.push_back(std::move(field));
      if (i >= n) {
        recordDone = true;
      } else if (text[i] == ',') {
        ++i;
      } else if (text[i] == '\r') {
        if (i + 1 >= n || text[i + 1] != '\n')
          return lineError(line, msg("import.bare_cr_without_lf"));
        i += 2;
        ++line;
        recordDone = true;
      } else {  // '\n'
        ++i;
        ++line;
        recordDone = true;
      }
    }
    const bool blank = !quoted && record.fields.size() == 1 && record.fields[0].empty();
    if (blank) continue;
    if (!records.empty() && record.fields.size() != records.front().fields.size())
      return lineError(
          record.line,
          msg("import.field_count", {{"count", std::to_string(record.fields.size())},
                                     {"expected", std::to_string(records.front().fields.size())}}));
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace anju::server
