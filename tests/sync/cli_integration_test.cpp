// The admin CLI end to end: users, region grants and the building register import, checked
// through the running server.
#include <fstream>

#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using AdminCli = SyncServerTest;

void writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

TEST_P(AdminCli, CommunityInspectorSeesOnlyTheirCommunity) {
  CliResult add = runCli(
      {"user", "add", "wang", "--role", "inspector", "--password-stdin", "--data", dataDir()},
      "wang-secret-1\n");
  ASSERT_EQ(add.exitCode, 0) << add.err;
  CliResult assign =
      runCli({"assign", "wang", "--region", "临江区/城北街道/新华社区", "--data", dataDir()});
  ASSERT_EQ(assign.exitCode, 0) << assign.err;

  const std::string token = client().login("wang", "wang-secret-1");
  ASSERT_FALSE(token.empty());
  const std::vector<v1::PulledChange> changes = client().pullAll(token);
  EXPECT_EQ(changes.size(), 30u);
  for (const v1::PulledChange& c : changes)
    EXPECT_EQ(c.record().building().region().community(), "新华社区");
}

TEST_P(AdminCli, UserAddRefusesDuplicatesAndBadRoles) {
  EXPECT_NE(runCli({"user", "add", "demo", "--role", "inspector", "--password-stdin", "--data",
                    dataDir()},
                   "another-password\n")
                .exitCode,
            0);
  EXPECT_NE(runCli({"user", "add", "x", "--role", "boss", "--password-stdin", "--data", dataDir()},
                   "password123\n")
                .exitCode,
            0);
}

TEST_P(AdminCli, ImportWithABadRowImportsNothingAndNamesTheLine) {
  const std::string bad = dataDir() + "/bad.csv";
  writeFile(bad,
            "区,街道,社区,地址,建成年份\n"
            "临江区,城南街道,幸福社区,幸福路200号,1990\n"
            "临江区,城南街道,幸福社区,幸福路202号,明年\n");
  const CliResult result = runCli({"import-buildings", bad, "--data", dataDir()});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.err.find("line 3"), std::string::npos) << result.err;
  EXPECT_EQ(client().pullAll(m_adminToken).size(), 200u);
}

TEST_P(AdminCli, ImportedBuildingsAppearInPull) {
  const std::string good = dataDir() + "/good.csv";
  writeFile(good,
            "\xEF\xBB\xBF区,街道,社区,地址,产权人,联系电话,建成年份,地上层数,地下层数,结构类型\r\n"
            "临江区,城南街道,幸福社区,\"幸福路200号,后院\",李四,13900000000,1990,2,0,砖木\r\n"
            "临江区,城南街道,幸福社区,幸福路202号,赵六,,2001,3,1,框架\r\n");
  const CliResult result = runCli({"import-buildings", good, "--data", dataDir()});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("imported 2 buildings"), std::string::npos);
  std::size_t found = 0;
  for (const v1::PulledChange& c : client().pullAll(m_demoToken))
    found += c.record().building().address() == "幸福路200号,后院" ||
             c.record().building().address() == "幸福路202号";
  EXPECT_EQ(found, 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AdminCli, ::testing::ValuesIn(backendsUnderTest()), backendName);

}  // namespace
}  // namespace anju::server::testing
