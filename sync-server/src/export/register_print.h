// The printable register (台账) a bureau head signs: sheet "台账" of the register workbook, laid
// out for paper. Landscape A4, fitted to the page width (no column ever runs onto a second
// sheet of paper), a title row (区划 + 房屋安全隐患排查登记台账 + date), 序号, the header row
// repeated on every page, "第 N 页 共 M 页" in the footer, and the signature lines
// (填报人、审核人、负责人、 日期) after the last house.
//
// Columns are those of the bureau's register: the register index's and the ones read from the
// stored records at export time (register_details.h). Written row by row in libxlsxwriter's
// constant_memory mode, like the data sheet: begin(), row() per house in register order, end().
//
// Not thread-safe: one sheet, one writer.
#pragma once

#include <xlsxwriter.h>

#include <cstdint>
#include <string>

#include "anju/model.h"
#include "export/register_details.h"
#include "register/register_query.h"

namespace anju::server {

/// "临江区城南街道" for a filter narrowed to a street, "临江区" for a district, the caller's single
/// granted region when not narrowed, "" for several regions or everything.
std::string registerRegionTitle(const RegisterFilter& filter);

class RegisterPrintSheet {
 public:
  /// Adds sheet "台账" to `workbook` (borrowed; outlives this), titled for `filter`, dated `now`.
  RegisterPrintSheet(lxw_workbook* workbook, const RegisterFilter& filter, TimestampMs now);

  /// Page setup, title and header rows. LXW_NO_ERROR on success.
  lxw_error begin();
  /// One house; the 序号 counts from 1.
  lxw_error row(const RegisterRow& house, const RegisterDetails& details);
  /// The signature lines after the last house.
  lxw_error end();

  /// The title as printed in the first row.
  const std::string& title() const { return m_title; }

 private:
  lxw_workbook* m_workbook;
  lxw_worksheet* m_sheet = nullptr;
  lxw_format* m_titleFormat = nullptr;
  lxw_format* m_headerFormat = nullptr;
  lxw_format* m_cellFormat = nullptr;
  lxw_format* m_plainFormat = nullptr;
  std::string m_title;
  std::string m_date;
  lxw_row_t m_next = 0;
  std::int64_t m_count = 0;
};

}  // namespace anju::server
