#include "export/register_csv.h"

#include <cstdio>

#include "export/register_columns.h"

namespace anju::server {
namespace {

std::string numberText(double v) {
  char out[32];
  std::snprintf(out, sizeof out, "%.15g", v);
  return out;
}

}  // namespace

std::string csvField(std::string_view value) {
  // A text cell starting like a formula would run as one when the file is opened in Excel
  // (OWASP "CSV injection"): a leading single quote makes it plain text. Numbers never come
  // here (the writer prints them itself), so numeric columns stay numeric.
  std::string text;
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
    text = "'";
  text += value;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

Result<std::int64_t> writeRegisterCsv(RegisterIndex& index, RegisterDetailSource& details,
                                      const RegisterFilter& filter, const ExportSink& sink) {
  BufferedSink out(sink);
  std::string line = "\xEF\xBB\xBF";  // UTF-8 BOM
  bool first = true;
  for (const RegisterColumn& c : registerColumns()) {
    if (!first) line += ',';
    line += csvField(c.zh);
    first = false;
  }
  line += "\r\n";
  if (Status s = out.write(line); !s) return s;
  std::int64_t rows = 0;
  Status walked = forEachDetailedRow(
      index, details, filter, [&](const RegisterRow& row, const RegisterDetails& more) {
        line.clear();
        bool firstCell = true;
        for (const RegisterCell& cell : registerCells(row, more)) {
          if (!firstCell) line += ',';
          line += cell.number ? numberText(*cell.number) : csvField(cell.text);
          firstCell = false;
        }
        line += "\r\n";
        ++rows;
        return out.write(line);
      });
  if (!walked) return walked;
  if (Status s = out.flush(); !s) return s;
  return rows;
}

}  // namespace anju::server
