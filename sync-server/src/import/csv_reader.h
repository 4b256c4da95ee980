// A strict RFC 4180 CSV reader for the building register import.
//
// Accepted: fields separated by ',', records ended by CRLF or LF, fields quoted with '"' in
// which ',' CR LF are data and '""' is one quote; a UTF-8 byte order mark at the start (Excel
// writes one); blank lines (skipped); a missing final line break.
// Refused, with the line number: a quote inside an unquoted field, anything but a separator
// after a closing quote, an unterminated quoted field, a bare CR, a record whose field count
// differs from the first record's, bytes that are not UTF-8 (e.g. a GBK export).
// Line numbers are 1-based physical lines; a record's line is the line it starts on.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "anju/status.h"

namespace anju::server {

struct CsvRecord {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// All records of `text` (the header, if any, is the first record). invalidArgument naming the
/// line on any of the problems above; no partial result.
Result<std::vector<CsvRecord>> parseCsv(std::string_view text);

/// The line (1-based) of the first byte that is not valid UTF-8, or 0 when all of it is.
std::size_t firstInvalidUtf8Line(std::string_view text);

}  // namespace anju::server
