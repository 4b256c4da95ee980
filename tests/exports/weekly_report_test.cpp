// The weekly progress report (周报, issue 11 §4) from the real server, opened with LibreOffice:
// one row per community of the caller's filter and a 合计 row, the week's figures and the
// cumulative ones up to the week's end, title and signature lines; a bad week is 400 naming
// the field; an inspector gets 403.
#include <httplib.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "export_tools.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

constexpr TimestampMs kDay = 24LL * 3600 * 1000;
constexpr TimestampMs kMonday = 1780272000000;  // 2026-06-01 08:00 in China, a Monday

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  // LibreOffice quotes text cells; the checks read the values.
  for (std::string line; std::getline(in, line);) {
    line.erase(std::remove(line.begin(), line.end(), '"'), line.end());
    out.push_back(line);
  }
  return out;
}

class WeeklyReport : public SyncServerTest {
 protected:
  Reply fetch(const std::string& path, const std::string& token) {
    httplib::Client c("127.0.0.1", server().port());
    c.set_read_timeout(std::chrono::seconds(120));
    c.set_keep_alive(false);
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    auto res = c.Get(path.c_str(), headers);
    if (!res) return {};
    return {res->status, res->body, res->get_header_value("Content-Type"), ""};
  }

  void handIn(const std::string& house, TimestampMs at) {
    Inspection in = makeInspection(house);
    in.startedAt = at - 3600000;
    in.submittedAt = at;
    const v1::PushResponse pushed = client().push(m_demoToken, makePush({makeChange(in, 1, 0)}));
    ASSERT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED) << pushed.results(0).reason();
  }
};

TEST_P(WeeklyReport, OpensInLibreOfficeWithTheWeekAndCumulativeFiguresPerCommunity) {
  const std::string missing = missingTool("soffice", "libreoffice-calc-nogui");
  ASSERT_TRUE(missing.empty()) << missing;
  const std::string reviewer = client().consoleLogin("reviewer", "review1234");
  ASSERT_FALSE(reviewer.empty());
  const v1::RegionPath& region = ownBuilding(0).record().building().region();
  std::vector<std::string> h;
  for (std::size_t i = 0; i < ownBuildingCount(); ++i)
    if (ownBuilding(i).record().building().region().community() == region.community())
      h.push_back(ownBuilding(i).record_id());
  ASSERT_GE(h.size(), 3u);
  // Week 1 (from 06-01): two houses inspected; week 2 (from 06-08): one more.
  handIn(h[0], kMonday + kDay);
  handIn(h[1], kMonday + 2 * kDay);
  handIn(h[2], kMonday + 8 * kDay);
  const Reply assigned = client().post(
      "/console/api/assignments",
      nlohmann::json{
          {"building_ids", {h[0], h[1]}}, {"inspector", "demo"}, {"due_date", "2026-06-30"}}
          .dump(),
      reviewer);
  ASSERT_EQ(assigned.status, 200) << assigned.body;

  const std::string street = "district=" + httplib::detail::encode_query_param(region.district()) +
                             "&street=" + httplib::detail::encode_query_param(region.street());
  const Reply xlsx = fetch("/v1/exports/weekly.xlsx?week=2026-06-10&" + street, reviewer);
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.contentType, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const std::string path = dataDir() + "/weekly.xlsx";
  writeFile(path, xlsx.body);
  const std::string outDir = dataDir() + "/lo-out";
  const ToolRun convert = runTool("soffice -env:UserInstallation=file://" + dataDir() +
                                  "/lo-profile --headless --convert-to " +
                                  shellQuote("csv:Text - txt - csv (StarCalc):44,34,76,1") +
                                  " --outdir " + shellQuote(outDir) + " " + shellQuote(path));
  ASSERT_EQ(convert.exitCode, 0) << convert.out;
  const std::vector<std::string> rows = lines(readFile(outDir + "/weekly.csv"));
  ASSERT_GE(rows.size(), 6u) << readFile(outDir + "/weekly.csv");
  EXPECT_NE(rows[0].find("自建房安全排查整治工作周报"), std::string::npos) << rows[0];
  EXPECT_NE(rows[0].find(region.street()), std::string::npos) << rows[0];
  EXPECT_NE(rows[1].find("统计周期：2026-06-08 至 2026-06-14"), std::string::npos) << rows[1];
  EXPECT_EQ(rows[2].rfind("序号,区,街道,社区,房屋数,本周", 0), 0u) << rows[2];
  EXPECT_NE(rows[3].find("分派,走访,完成排查"), std::string::npos) << rows[3];

  // The community's row: week 2 has one inspection; cumulative three, two of them assigned
  // (today, after the week: not in the cumulative figures up to 06-14).
  std::string communityRow, totalRow;
  int communityRows = 0;
  for (std::size_t i = 4; i < rows.size(); ++i) {
    if (rows[i].rfind("合计", 0) == 0)
      totalRow = rows[i];
    else if (!rows[i].empty() && std::isdigit(static_cast<unsigned char>(rows[i][0]))) {
      ++communityRows;
      if (rows[i].find("," + region.community() + ",") != std::string::npos) communityRow = rows[i];
    }
  }
  EXPECT_GE(communityRows, 1);
  ASSERT_FALSE(communityRow.empty());
  // 本周: 分派 0, 走访 1, 完成排查 1, 未入户 0, 待审核 1, 通过 0, 退回 0;
  // 累计: 分派 0, 走访 3, 完成排查 3, 未入户 0, 待审核 3, 通过 0, 退回 0.
  EXPECT_NE(communityRow.find("," + std::to_string(h.size()) + ",0,1,1,0,1,0,0,0,3,3,0,3,0,0"),
            std::string::npos)
      << communityRow;
  ASSERT_FALSE(totalRow.empty());
  EXPECT_NE(totalRow.find(",0,1,1,0,1,0,0,0,3,3,0,3,0,0"), std::string::npos) << totalRow;
  bool signatures = false;
  for (const std::string& r : rows)
    signatures = signatures ||
                 (r.find("填报人") != std::string::npos && r.find("审核人") != std::string::npos &&
                  r.find("负责人") != std::string::npos);
  EXPECT_TRUE(signatures);

  // A bad week names the field; an inspector may not export.
  const Reply bad = fetch("/v1/exports/weekly.xlsx?week=2026-02-30", reviewer);
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(fetch("/v1/exports/weekly.xlsx?week=2026-06-10", m_demoToken).status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, WeeklyReport, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
