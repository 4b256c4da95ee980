// The export writers' small parts: CSV quoting, Content-Disposition, China time.
#include <gtest/gtest.h>

#include "export/register_columns.h"
#include "export/register_csv.h"
#include "http/export_api.h"

namespace anju::server {
namespace {

TEST(CsvField, QuotesOnlyWhenNeededAndDoublesQuotes) {
  EXPECT_EQ(csvField("幸福路12号"), "幸福路12号");
  EXPECT_EQ(csvField("a,b"), "\"a,b\"");
  EXPECT_EQ(csvField("他说\"危房\""), "\"他说\"\"危房\"\"\"");
  EXPECT_EQ(csvField("两行\r\n说明"), "\"两行\r\n说明\"");
}

TEST(ContentDisposition, CarriesAsciiFallbackAndPercentEncodedUtf8) {
  EXPECT_EQ(contentDisposition("register.csv", "登记册.csv"),
            "attachment; filename=\"register.csv\"; "
            "filename*=UTF-8''%E7%99%BB%E8%AE%B0%E5%86%8C.csv");
}

TEST(ChinaTime, IsUtcPlusEight) {
  EXPECT_EQ(formatChinaTime(0), "");
  EXPECT_EQ(formatChinaTime(1780272000000), "2026-06-01 08:00");
}

TEST(RegisterCells, OneCellPerColumnAndUnvisitedSaysSo) {
  RegisterRow row;
  row.buildingId = "b1";
  row.structure = "brick_concrete";
  const auto cells = registerCells(row);
  ASSERT_EQ(cells.size(), registerColumns().size());
  EXPECT_EQ(cells[11].text, "砖混");
  EXPECT_EQ(cells[17].text, "未排查");
  EXPECT_EQ(cells[22].text, "无");
}

}  // namespace
}  // namespace anju::server
