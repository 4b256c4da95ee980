#include "export/register_print.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>

#include "anju/china_time.h"
#include "export/register_columns.h"

namespace anju::server {
namespace {

struct PrintColumn {
  const char* zh;
  double width;  // characters; the widths add up to what fits a landscape A4 page at ~75 %
};

// The bureau's register (NATIONAL-PRACTICE.md): the index's columns and those read from the
// stored records at export time (register_details.h). A "\n" in a header breaks it where a
// person would; every other header fits its column on one line.
constexpr std::array<PrintColumn, 26> kPrintColumns = {{
    {"序号", 4.5},
    {"房屋编码", 12},
    {"地址", 16},
    {"产权人", 7},
    {"联系电话", 11},
    {"建筑面积\n(㎡)", 8},
    {"层数", 5},
    {"结构", 6},
    {"建成年份", 8},
    {"用途", 6},
    {"改扩建", 7},
    {"设计情况", 8},
    {"隐患描述", 22},
    {"初步判定", 10},
    {"处置建议/\n管控措施", 12},
    {"鉴定等级\n(机构/日期)", 10},
    {"整治措施", 14},
    {"责任人", 7},
    {"整治期限", 9},
    {"完成日期", 9},
    {"是否销号", 8},
    {"排查人", 7},
    {"排查时间", 9},
    {"审核人", 7},
    {"审核日期", 9},
    {"备注", 10},
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

std::string areaText(const std::optional<double>& m2) {
  if (!m2) return "";
  char out[32];
  std::snprintf(out, sizeof out, "%.1f", *m2);
  return out;
}

/// 鉴定等级 with the date it was set; the appraisal agency is not recorded yet (docs/exports.md).
std::string appraisalText(const RegisterRow& r, const RegisterDetails& d) {
  if (r.appraisalGrade.empty()) return "";
  std::string text = r.appraisalGrade + "级";
  if (!d.appraisedOn.empty()) text += "\n" + d.appraisedOn;
  return text;
}

std::string closureText(const RegisterDetails& d) {
  if (d.closed == "是" && !d.closedOn.empty()) return "是\n" + d.closedOn;
  return d.closed;
}

/// How many lines `text` takes in a column `width` characters wide once wrapped: LibreOffice
/// and Excel keep a row's stored height, so the writer sets it. A CJK character (3 UTF-8 bytes)
/// counts as ~1.8 characters of the 9-point font, anything else as one.
int linesOf(const std::string& text, double width) {
  int lines = 1;
  double used = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++lines;
      used = 0;
      continue;
    }
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte
    const double w = c >= 0xE0 ? 1.8 : 1.0;
    if (used > 0 && used + w > width - 1) {
      ++lines;
      used = 0;
    }
    used += w;
  }
  return lines;
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
  worksheet_set_row(m_sheet, 1, 26, nullptr);  // two lines: the headers broken by "\n"
  m_next = 2;
  return LXW_NO_ERROR;
}

lxw_error RegisterPrintSheet::row(const RegisterRow& r, const RegisterDetails& d) {
  if (m_next >= LXW_ROW_MAX - 4) return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
  ++m_count;
  const std::string address = r.region.street + r.region.community + r.address;
  const std::array<std::string, kPrintColumns.size()> cells = {
      std::to_string(m_count),
      r.buildingCode,
      address,
      r.ownerName,
      r.ownerContact,
      areaText(d.floorAreaM2),
      storeysText(r),
      structureLabel(r.structure),
      r.yearBuilt ? std::to_string(*r.yearBuilt) : std::string(),
      useLabel(r.use),
      d.alterations,
      d.design,
      joinLines(d.hazards, "\n"),
      r.visited() ? judgmentLabel(r.judgment) : std::string("未排查"),
      joinLines(d.controlMeasures, "\n"),
      appraisalText(r, d),
      joinLines(d.worksMeasures, "\n"),
      d.responsible,
      r.rectificationDeadline,
      d.completedOn,
      closureText(d),
      d.inspectorName.empty() ? r.inspector : d.inspectorName,
      formatChinaTime(r.inspectedAt).substr(0, 10),
      d.reviewer,
      d.reviewedOn,
      std::string(),
  };
  int lines = 1;
  for (std::size_t c = 0; c < cells.size(); ++c)
    lines = std::max(lines, linesOf(cells[c], kPrintColumns[c].width));
  worksheet_set_row(m_sheet, m_next, 12.0 * lines + 2, nullptr);
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
      {8, "审核人：____________"},
      {14, "负责人：____________"},
      {20, "日期：______年____月____日"},
  }};
  for (const auto& [col, text] : signatures)
    if (lxw_error e = worksheet_write_string(m_sheet, at, col, text, m_plainFormat);
        e != LXW_NO_ERROR)
      return e;
  return LXW_NO_ERROR;
}

}  // namespace anju::server
