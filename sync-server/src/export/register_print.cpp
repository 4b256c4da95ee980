#include "export/register_print.h"

#include <array>

#include "anju/china_time.h"
#include "export/register_columns.h"

namespace anju::server {
namespace {

struct PrintColumn {
  const char* zh;
  double width;  // characters; the widths add up to what fits a landscape A4 page at ~75 %
};

constexpr std::array<PrintColumn, 16> kPrintColumns = {{
    {"序号", 5},
    {"房屋编码", 14},
    {"地址", 26},
    {"产权人", 8},
    {"层数", 6},
    {"结构", 9},
    {"建成年份", 7},
    {"用途", 8},
    {"初步判定", 14},
    {"鉴定等级", 6},
    {"整治状态", 7},
    {"整治期限", 10},
    {"排查人", 8},
    {"排查时间", 11},
    {"审核状态", 7},
    {"备注", 14},
}};

constexpr lxw_col_t kLastColumn = static_cast<lxw_col_t>(kPrintColumns.size() - 1);

lxw_format* cellFormat(lxw_workbook* wb, bool border, bool wrap) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_size(f, 9);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  if (wrap) format_set_text_wrap(f);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  return f;
}

std::string storeysText(const RegisterRow& r) {
  std::string s = std::to_string(r.storeysAbove);
  if (r.storeysBelow > 0) s += "/-" + std::to_string(r.storeysBelow);
  return s;
}

}  // namespace

std::string registerRegionTitle(const RegisterFilter& f) {
  if (!f.district.empty()) return f.district + f.street + f.community;
  if (!f.scope.unrestricted() && f.scope.grants().size() == 1) {
    const RegionPath& g = f.scope.grants().front();
    return g.district + g.street + g.community;
  }
  return "";
}

RegisterPrintSheet::RegisterPrintSheet(lxw_workbook* workbook, const RegisterFilter& filter,
                                       TimestampMs now)
    : m_workbook(workbook),
      m_title(registerRegionTitle(filter) + "房屋安全隐患排查登记台账"),
      m_date(formatChinaTime(now).substr(0, 10)) {}

lxw_error RegisterPrintSheet::begin() {
  m_sheet = workbook_add_worksheet(m_workbook, "台账");
  if (!m_sheet) return LXW_ERROR_MEMORY_MALLOC_FAILED;
  m_titleFormat = workbook_add_format(m_workbook);
  format_set_bold(m_titleFormat);
  format_set_font_size(m_titleFormat, 14);
  format_set_align(m_titleFormat, LXW_ALIGN_CENTER);
  format_set_align(m_titleFormat, LXW_ALIGN_VERTICAL_CENTER);
  m_headerFormat = cellFormat(m_workbook, true, true);
  format_set_bold(m_headerFormat);
  format_set_align(m_headerFormat, LXW_ALIGN_CENTER);
  format_set_bg_color(m_headerFormat, 0xDDEBF7);
  m_cellFormat = cellFormat(m_workbook, true, true);
  m_plainFormat = cellFormat(m_workbook, false, false);

  // Paper: landscape A4 (paper code 9), one page wide and as many tall as it takes, the header
  // row on every page, page numbers in the footer, centred between narrow margins.
  worksheet_set_landscape(m_sheet);
  worksheet_set_paper(m_sheet, 9);
  worksheet_fit_to_pages(m_sheet, 1, 0);
  worksheet_set_margins(m_sheet, 0.4, 0.4, 0.6, 0.6);
  worksheet_center_horizontally(m_sheet);
  worksheet_repeat_rows(m_sheet, 1, 1);
  worksheet_set_footer(m_sheet, "&C第 &P 页 共 &N 页");
  for (lxw_col_t c = 0; c <= kLastColumn; ++c)
    worksheet_set_column(m_sheet, c, c, kPrintColumns[c].width, nullptr);

  const std::string title = m_title + "（" + m_date + "）";
  worksheet_set_row(m_sheet, 0, 28, nullptr);
  if (lxw_error e =
          worksheet_merge_range(m_sheet, 0, 0, 0, kLastColumn, title.c_str(), m_titleFormat);
      e != LXW_NO_ERROR)
    return e;
  for (lxw_col_t c = 0; c <= kLastColumn; ++c)
    if (lxw_error e = worksheet_write_string(m_sheet, 1, c, kPrintColumns[c].zh, m_headerFormat);
        e != LXW_NO_ERROR)
      return e;
  m_next = 2;
  return LXW_NO_ERROR;
}

lxw_error RegisterPrintSheet::row(const RegisterRow& r) {
  if (m_next >= LXW_ROW_MAX - 4) return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
  ++m_count;
  const std::string address = r.region.street + r.region.community + r.address;
  const std::array<std::string, 16> cells = {
      std::to_string(m_count),
      r.buildingCode,
      address,
      r.ownerName,
      storeysText(r),
      structureLabel(r.structure),
      r.yearBuilt ? std::to_string(*r.yearBuilt) : std::string(),
      useLabel(r.use),
      r.visited() ? judgmentLabel(r.judgment) : std::string("未排查"),
      r.appraisalGrade.empty() ? std::string() : r.appraisalGrade + "级",
      r.rectification.empty() ? std::string("无") : rectificationLabel(r.rectification),
      r.rectificationDeadline,
      r.inspector,
      formatChinaTime(r.inspectedAt).substr(0, 10),
      reviewLabel(r.review),
      std::string(),
  };
  for (lxw_col_t c = 0; c <= kLastColumn; ++c) {
    // Every cell is written, empty ones as blanks, so the grid prints whole.
    const lxw_error e = cells[c].empty() ? worksheet_write_blank(m_sheet, m_next, c, m_cellFormat)
                                         : worksheet_write_string(m_sheet, m_next, c,
                                                                  cells[c].c_str(), m_cellFormat);
    if (e != LXW_NO_ERROR) return e;
  }
  ++m_next;
  return LXW_NO_ERROR;
}

lxw_error RegisterPrintSheet::end() {
  // One blank line, then the four signatures spread over the page width.
  const lxw_row_t at = m_next + 1;
  worksheet_set_row(m_sheet, at, 30, nullptr);
  const std::array<std::pair<lxw_col_t, const char*>, 4> signatures = {{
      {0, "填报人：____________"},
      {4, "审核人：____________"},
      {8, "负责人：____________"},
      {12, "日期：______年____月____日"},
  }};
  for (const auto& [col, text] : signatures)
    if (lxw_error e = worksheet_write_string(m_sheet, at, col, text, m_plainFormat);
        e != LXW_NO_ERROR)
      return e;
  return LXW_NO_ERROR;
}

}  // namespace anju::server
