#include "export/register_xlsx.h"

#include <xlsxwriter.h>

#include <memory>
#include <vector>

#include "anju/hlc.h"
#include "anju/message.h"
#include "export/register_columns.h"
#include "export/register_print.h"
#include "export/xlsx_workbook.h"

namespace anju::server {
namespace {

const char* const kJudgments[] = {"serious", "some", "none_found"};
const char* const kRectifications[] = {"pending", "in_progress", "done", "none"};

/// The summary sheet: totals by judgment, then one line per community.
lxw_error writeSummary(lxw_worksheet* ws, lxw_format* bold, const RegisterSummary& summary) {
  lxw_row_t row = 0;
  worksheet_write_string(ws, row, 0, "按初步判定统计", bold);
  ++row;
  worksheet_write_string(ws, row, 0, "初步判定", bold);
  worksheet_write_string(ws, row, 1, "房屋数", bold);
  ++row;
  auto countOf = [](const std::map<std::string, std::int64_t>& m, const std::string& k) {
    auto it = m.find(k);
    return it == m.end() ? 0.0 : static_cast<double>(it->second);
  };
  for (const char* j : kJudgments) {
    worksheet_write_string(ws, row, 0, judgmentLabel(j).c_str(), nullptr);
    worksheet_write_number(ws, row, 1, countOf(summary.total.byJudgment, j), nullptr);
    ++row;
  }
  worksheet_write_string(ws, row, 0, "未排查", nullptr);
  worksheet_write_number(ws, row, 1, static_cast<double>(summary.total.notVisited), nullptr);
  ++row;
  worksheet_write_string(ws, row, 0, "合计", bold);
  worksheet_write_number(ws, row, 1, static_cast<double>(summary.total.houses), bold);
  row += 2;

  worksheet_write_string(ws, row, 0, "按社区统计", bold);
  ++row;
  std::vector<std::string> headers = {"区", "街道", "社区", "房屋数", "未排查"};
  for (const char* j : kJudgments) headers.push_back(judgmentLabel(j));
  for (const char* r : kRectifications)
    headers.push_back(std::string(r) == "none" ? "无整治" : rectificationLabel(r));
  for (std::size_t c = 0; c < headers.size(); ++c)
    worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), headers[c].c_str(), bold);
  ++row;
  for (const RegisterCounts& k : summary.communities) {
    lxw_col_t c = 0;
    worksheet_write_string(ws, row, c++, k.community.district.c_str(), nullptr);
    worksheet_write_string(ws, row, c++, k.community.street.c_str(), nullptr);
    worksheet_write_string(ws, row, c++, k.community.community.c_str(), nullptr);
    worksheet_write_number(ws, row, c++, static_cast<double>(k.houses), nullptr);
    worksheet_write_number(ws, row, c++, static_cast<double>(k.notVisited), nullptr);
    for (const char* j : kJudgments)
      worksheet_write_number(ws, row, c++, countOf(k.byJudgment, j), nullptr);
    for (const char* r : kRectifications)
      worksheet_write_number(ws, row, c++, countOf(k.byRectification, r), nullptr);
    ++row;
  }
  worksheet_set_column(ws, 0, 2, 16, nullptr);
  return worksheet_set_column(ws, 3, static_cast<lxw_col_t>(headers.size()), 14, nullptr);
}

}  // namespace

Result<XlsxExportResult> writeRegisterXlsx(RegisterIndex& index, RegisterDetailSource& details,
                                           const RegisterFilter& filter, const std::string& path,
                                           const std::string& tmpDir) {
  Result<RegisterSummary> summary = index.countRegister(filter);
  if (!summary) return summary.status();

  Result<Workbook> opened = openWorkbook(path, tmpDir, /*constantMemory=*/true);
  if (!opened) return opened.status();
  Workbook wb = std::move(opened).value();
  // 台账 first: the sheet a person opens and prints; then the data sheet and the summary.
  RegisterPrintSheet print(wb.get(), filter, systemNowMs());
  if (lxw_error e = print.begin(); e != LXW_NO_ERROR) return xlsxError(e, "台账");
  lxw_worksheet* sheet = workbook_add_worksheet(wb.get(), "登记册");
  lxw_worksheet* summarySheet = workbook_add_worksheet(wb.get(), "汇总");
  if (!sheet || !summarySheet) return Status::internal("cannot add worksheets");
  lxw_format* bold = workbook_add_format(wb.get());
  format_set_bold(bold);
  format_set_bg_color(bold, 0xDDEBF7);
  format_set_border(bold, LXW_BORDER_THIN);

  const auto columns = registerColumns();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         columns[c].width, nullptr);
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), columns[c].zh, bold);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  // Printed, the wide data sheets also stay one page wide (small type, but no column cut off).
  for (lxw_worksheet* ws : {sheet, summarySheet}) {
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_fit_to_pages(ws, 1, 0);
  }
  worksheet_repeat_rows(sheet, 0, 0);

  XlsxExportResult result;
  Status walked = forEachDetailedRow(
      index, details, filter, [&](const RegisterRow& row, const RegisterDetails& more) {
        const lxw_row_t r = static_cast<lxw_row_t>(result.rows + 1);
        if (r >= LXW_ROW_MAX) return Status::invalidArgument(msg("export.too_many_rows_xlsx"));
        const std::vector<RegisterCell> cells = registerCells(row, more);
        for (std::size_t c = 0; c < cells.size(); ++c) {
          const auto col = static_cast<lxw_col_t>(c);
          lxw_error e =
              cells[c].number
                  ? worksheet_write_number(sheet, r, col, *cells[c].number, nullptr)
                  : (cells[c].text.empty()
                         ? LXW_NO_ERROR
                         : worksheet_write_string(sheet, r, col, cells[c].text.c_str(), nullptr));
          if (e != LXW_NO_ERROR) return xlsxError(e, "row " + std::to_string(r));
        }
        if (lxw_error e = print.row(row, more); e != LXW_NO_ERROR)
          return xlsxError(e, "台账 row " + std::to_string(r));
        ++result.rows;
        return Status::ok();
      });
  if (!walked) return walked;
  if (lxw_error e = print.end(); e != LXW_NO_ERROR) return xlsxError(e, "台账 signatures");
  worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(result.rows),
                       static_cast<lxw_col_t>(columns.size() - 1));
  if (lxw_error e = writeSummary(summarySheet, bold, *summary); e != LXW_NO_ERROR)
    return xlsxError(e, "summary");
  if (Status closed = closeWorkbook(std::move(wb), path); !closed) return closed;
  return result;
}

}  // namespace anju::server
