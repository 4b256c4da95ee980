// The register as CSV: UTF-8 with a byte order mark (so Excel on Chinese Windows opens it as
// UTF-8), RFC 4180 quoting, CRLF line ends, the same columns as the XLSX. Streams: memory does
// not grow with the number of rows.
#pragma once

#include "export/export_sink.h"
#include "export/register_details.h"
#include "register/register_query.h"

namespace anju::server {

/// Writes the header and every row matching `filter`; returns how many rows were written.
Result<std::int64_t> writeRegisterCsv(RegisterIndex& index, RegisterDetailSource& details,
                                      const RegisterFilter& filter, const ExportSink& sink);

/// One CSV text field, quoted when it holds a comma, quote, CR or LF (quotes doubled); text
/// starting with = + - @ TAB or CR gets a leading ' so a spreadsheet does not run it as a formula.
std::string csvField(std::string_view value);

}  // namespace anju::server
