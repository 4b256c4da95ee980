// The columns of an exported register (登记造册), shared by the XLSX and CSV writers so both
// files read the same: Chinese headers, enum codes shown as their Chinese labels, times in
// China Standard Time (UTC+8, where the district is).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "anju/china_time.h"  // formatChinaTime, used with these cells
#include "anju/model.h"
#include "export/register_details.h"
#include "register/register_row.h"

namespace anju::server {

struct RegisterColumn {
  const char* zh;  // the header people see
  double width;    // XLSX column width in characters
};

/// One cell: text, or a number when the column is numeric and the value is known.
struct RegisterCell {
  std::string text;
  std::optional<double> number;
};

std::span<const RegisterColumn> registerColumns();
/// The cells of `row` with its export-time `details`, one per registerColumns() entry.
std::vector<RegisterCell> registerCells(const RegisterRow& row, const RegisterDetails& details);
/// `lines` joined with `separator` between them.
std::string joinLines(const std::vector<std::string>& lines, const char* separator);

/// Chinese labels for stored codes; the code itself when unknown (never an empty cell for data).
std::string judgmentLabel(const std::string& code);
std::string reviewLabel(const std::string& code);
std::string rectificationLabel(const std::string& code);
std::string structureLabel(const std::string& code);
std::string useLabel(const std::string& code);
std::string visitOutcomeLabel(const std::string& code);

}  // namespace anju::server
