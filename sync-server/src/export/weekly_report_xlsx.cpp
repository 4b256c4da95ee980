#include "export/weekly_report_xlsx.h"

#include <xlsxwriter.h>

#include <iterator>
#include <limits>
#include <memory>
#include <vector>

#include "anju/china_time.h"
#include "anju/message.h"
#include "export/xlsx_workbook.h"

namespace anju::server {
namespace {

// The figures of each block, in column order.
struct Figure {
  const char* label;
  std::int64_t (*of)(const ProgressCounts&);
};
const Figure kFigures[] = {
    {"分派", [](const ProgressCounts& c) { return c.assigned; }},
    {"走访", [](const ProgressCounts& c) { return c.visited; }},
    {"完成排查", [](const ProgressCounts& c) { return c.inspected; }},
    {"未入户(无人在家/拒绝入户)", [](const ProgressCounts& c) { return c.notReached(); }},
    {"待审核", [](const ProgressCounts& c) { return c.submitted; }},
    {"审核通过", [](const ProgressCounts& c) { return c.approved; }},
    {"退回修改", [](const ProgressCounts& c) { return c.returned; }},
};
constexpr lxw_col_t kFigureCount = static_cast<lxw_col_t>(std::size(kFigures));

ProgressCounts sumDays(const ProgressGroup& g, BeijingDay from, BeijingDay to) {
  ProgressCounts out;
  for (const auto& [day, counts] : g.byDay)
    if (day >= from && day <= to) out.add(counts);
  return out;
}

}  // namespace

Status writeWeeklyReportXlsx(const ProgressReport& report, BeijingDay monday,
                             const std::string& regionTitle, TimestampMs now,
                             const std::string& path, const std::string& tmpDir) {
  // Not constant_memory: the header merges span two rows, and there is one row per community.
  Result<Workbook> opened = openWorkbook(path, tmpDir, /*constantMemory=*/false);
  if (!opened) return opened.status();
  Workbook wb = std::move(opened).value();
  lxw_worksheet* ws = workbook_add_worksheet(wb.get(), "周报");
  if (!ws) return Status::internal("cannot add the worksheet");

  lxw_format* title = workbook_add_format(wb.get());
  format_set_bold(title);
  format_set_font_size(title, 16);
  format_set_align(title, LXW_ALIGN_CENTER);
  lxw_format* head = workbook_add_format(wb.get());
  format_set_bold(head);
  format_set_bg_color(head, 0xDDEBF7);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_align(head, LXW_ALIGN_CENTER);
  format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(head);
  lxw_format* cell = workbook_add_format(wb.get());
  format_set_border(cell, LXW_BORDER_THIN);
  lxw_format* total = workbook_add_format(wb.get());
  format_set_bold(total);
  format_set_border(total, LXW_BORDER_THIN);
  format_set_bg_color(total, 0xF2F2F2);

  const BeijingDay sunday = monday + 6;
  // 序号, 区, 街道, 社区, 房屋数, then 本周 and 累计 blocks.
  const lxw_col_t firstFigure = 5;
  const lxw_col_t lastCol = firstFigure + 2 * kFigureCount - 1;
  lxw_row_t row = 0;
  const std::string heading =
      (regionTitle.empty() ? std::string() : regionTitle) + "自建房安全排查整治工作周报";
  worksheet_merge_range(ws, row, 0, row, lastCol, heading.c_str(), title);
  ++row;
  const std::string period = "统计周期：" + beijingDate(monday) + " 至 " + beijingDate(sunday) +
                             "（北京时间）    制表时间：" + formatChinaTime(now);
  worksheet_merge_range(ws, row, 0, row, lastCol, period.c_str(), nullptr);
  ++row;
  const lxw_row_t headTop = row;
  const char* fixed[] = {"序号", "区", "街道", "社区", "房屋数"};
  for (lxw_col_t c = 0; c < firstFigure; ++c)
    worksheet_merge_range(ws, headTop, c, headTop + 1, c, fixed[c], head);
  worksheet_merge_range(ws, headTop, firstFigure, headTop, firstFigure + kFigureCount - 1, "本周",
                        head);
  worksheet_merge_range(ws, headTop, firstFigure + kFigureCount, headTop, lastCol,
                        "累计（截至本周末）", head);
  for (lxw_col_t f = 0; f < kFigureCount; ++f) {
    worksheet_write_string(ws, headTop + 1, firstFigure + f, kFigures[f].label, head);
    worksheet_write_string(ws, headTop + 1, firstFigure + kFigureCount + f, kFigures[f].label,
                           head);
  }
  row = headTop + 2;

  auto writeRow = [&](const std::string& number, const RegionPath& region, const ProgressGroup& g,
                      lxw_format* format) {
    worksheet_write_string(ws, row, 0, number.c_str(), format);
    worksheet_write_string(ws, row, 1, region.district.c_str(), format);
    worksheet_write_string(ws, row, 2, region.street.c_str(), format);
    worksheet_write_string(ws, row, 3, region.community.c_str(), format);
    worksheet_write_number(ws, row, 4, static_cast<double>(g.total.houses), format);
    const ProgressCounts week = sumDays(g, monday, sunday);
    const ProgressCounts sofar = sumDays(g, std::numeric_limits<BeijingDay>::min(), sunday);
    for (lxw_col_t f = 0; f < kFigureCount; ++f) {
      worksheet_write_number(ws, row, firstFigure + f, static_cast<double>(kFigures[f].of(week)),
                             format);
      worksheet_write_number(ws, row, firstFigure + kFigureCount + f,
                             static_cast<double>(kFigures[f].of(sofar)), format);
    }
    ++row;
  };
  int n = 0;
  for (const ProgressGroup& g : report.communities)
    writeRow(std::to_string(++n), g.community, g, cell);
  writeRow("合计", {}, report.total, total);

  row += 1;
  worksheet_write_string(ws, row, 0, "填报人：", nullptr);
  worksheet_write_string(ws, row, 4, "审核人：", nullptr);
  worksheet_write_string(ws, row, 8, "负责人：", nullptr);
  worksheet_write_string(ws, row, 13, "日期：", nullptr);

  worksheet_set_column(ws, 0, 0, 6, nullptr);
  worksheet_set_column(ws, 1, 3, 14, nullptr);
  worksheet_set_column(ws, 4, 4, 8, nullptr);
  worksheet_set_column(ws, firstFigure, lastCol, 9, nullptr);
  worksheet_set_row(ws, headTop + 1, 45, nullptr);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, headTop, headTop + 1);
  worksheet_set_footer(ws, "&C第 &P 页 共 &N 页");

  return closeWorkbook(std::move(wb), path);
}

}  // namespace anju::server
