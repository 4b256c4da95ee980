// The register as an XLSX workbook (what the housing bureau works in), written with
// libxlsxwriter in constant_memory mode: each row goes to a temporary file as it is written, so
// memory stays flat however many houses there are. Sheet "台账": the printable register a
// bureau head signs (export/register_print.h). Sheet "登记册": one row per house, every column,
// Chinese headers, frozen header row, autofilter. Sheet "汇总": houses by judgment and per
// community. Every sheet prints one page wide on landscape A4.
#pragma once

#include <string>

#include "export/register_details.h"
#include "register/register_query.h"

namespace anju::server {

struct XlsxExportResult {
  std::int64_t rows = 0;
};

/// Writes the workbook to `path` (replaced). `tmpDir` holds libxlsxwriter's temporary files
/// (empty: the system default). ioError when the file cannot be written.
Result<XlsxExportResult> writeRegisterXlsx(RegisterIndex& index, RegisterDetailSource& details,
                                           const RegisterFilter& filter, const std::string& path,
                                           const std::string& tmpDir = "");

}  // namespace anju::server
