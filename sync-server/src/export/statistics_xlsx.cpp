#include "export/statistics_xlsx.h"

#include <xlsxwriter.h>

#include <array>

#include "anju/china_time.h"
#include "anju/enum_codes.h"
#include "anju/hlc.h"
#include "anju/message.h"
#include "export/register_print.h"
#include "export/xlsx_workbook.h"

namespace anju::server {
namespace {

// nullptr: a judgment column (serious, some, none), headed in the deployment's words.
constexpr std::array<const char*, 16> kHeaders = {
    "区",    "街道",  "社区",  "区划代码", "房屋总数", "已排查", "未入户", "未走访",
    nullptr, nullptr, nullptr, "已鉴定",   "待整治",   "整治中", "已整治", "已销号"};
constexpr std::size_t kFirstJudgmentColumn = 8;

/// Column `c`'s header; the three judgment columns in the deployment's vocabulary.
std::string headerText(std::size_t c) {
  if (kHeaders[c]) return kHeaders[c];
  constexpr std::array<PreliminaryJudgment, 3> kJudgmentColumns = {
      PreliminaryJudgment::kSerious, PreliminaryJudgment::kSome, PreliminaryJudgment::kNoneFound};
  return std::string(label(kJudgmentColumns.at(c - kFirstJudgmentColumn)).zh);
}

}  // namespace

Result<std::int64_t> writeStatisticsXlsx(RegisterStatistics& statistics,
                                         const RegionCodeBook& codes, const RegisterFilter& filter,
                                         const std::string& path, const std::string& tmpDir) {
  Result<std::vector<DivisionCounts>> communities = statistics.divisionCounts(filter);
  if (!communities) return communities.status();
  const std::vector<StatisticsLine> lines = statisticsLines(*communities);

  Result<Workbook> opened = openWorkbook(path, tmpDir, /*constantMemory=*/false);
  if (!opened) return opened.status();
  Workbook owned = std::move(opened).value();
  lxw_workbook* wb = owned.get();
  lxw_worksheet* ws = workbook_add_worksheet(wb, "统计台账");
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  format_set_align(title, LXW_ALIGN_CENTER);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_CENTER);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color(header, 0xDDEBF7);
  lxw_format* cell = workbook_add_format(wb);
  format_set_border(cell, LXW_BORDER_THIN);
  lxw_format* subtotal = workbook_add_format(wb);
  format_set_border(subtotal, LXW_BORDER_THIN);
  format_set_bold(subtotal);
  format_set_bg_color(subtotal, 0xF2F2F2);

  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 1, 1);
  worksheet_set_footer(ws, "&C第 &P 页 共 &N 页");
  worksheet_set_column(ws, 0, 2, 14, nullptr);
  worksheet_set_column(ws, 3, 3, 14, nullptr);
  worksheet_set_column(ws, 4, static_cast<lxw_col_t>(kHeaders.size() - 1), 10, nullptr);
  const std::string heading = registerRegionTitle(filter) + "房屋安全隐患排查整治统计表（" +
                              formatChinaTime(systemNowMs()).substr(0, 10) + "）";
  worksheet_merge_range(ws, 0, 0, 0, static_cast<lxw_col_t>(kHeaders.size() - 1), heading.c_str(),
                        title);
  worksheet_set_row(ws, 1, 30, nullptr);
  for (std::size_t c = 0; c < kHeaders.size(); ++c)
    worksheet_write_string(ws, 1, static_cast<lxw_col_t>(c), headerText(c).c_str(), header);
  worksheet_freeze_panes(ws, 2, 4);

  lxw_row_t row = 2;
  for (const StatisticsLine& line : lines) {
    using Kind = StatisticsLine::Kind;
    const DivisionCounts& k = line.counts;
    lxw_format* f = line.kind == Kind::kCommunity ? cell : subtotal;
    const std::array<std::string, 3> names = {
        line.kind == Kind::kTotal ? std::string("总计") : k.region.district,
        line.kind == Kind::kDistrict ? std::string("合计")
        : line.kind == Kind::kTotal  ? std::string()
                                     : k.region.street,
        line.kind == Kind::kStreet ? std::string("小计") : k.region.community};
    for (lxw_col_t c = 0; c < 3; ++c) worksheet_write_string(ws, row, c, names[c].c_str(), f);
    // The division's own code: a community line's, a street subtotal's, a district total's.
    const RegionPath division =
        line.kind == Kind::kTotal      ? RegionPath{}
        : line.kind == Kind::kDistrict ? RegionPath{k.region.district, "", ""}
        : line.kind == Kind::kStreet   ? RegionPath{k.region.district, k.region.street, ""}
                                       : k.region;
    const std::string code = division.district.empty() ? std::string() : codes.codeOf(division);
    worksheet_write_string(ws, row, 3, code.c_str(), f);
    const std::array<std::int64_t, 12> values = {
        k.houses,    k.inspected, k.notReached, k.notVisited, k.serious, k.some,
        k.noneFound, k.appraised, k.pending,    k.inProgress, k.done,    k.closed};
    for (std::size_t c = 0; c < values.size(); ++c)
      if (lxw_error e = worksheet_write_number(ws, row, static_cast<lxw_col_t>(c + 4),
                                               static_cast<double>(values[c]), f);
          e != LXW_NO_ERROR)
        return xlsxError(e, "统计台账");
    ++row;
  }
  if (Status closed = closeWorkbook(std::move(owned), path); !closed) return closed;
  return static_cast<std::int64_t>(communities->size());
}

}  // namespace anju::server
