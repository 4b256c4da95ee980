// The deployment's judgment vocabulary (rule file `vocabulary`, docs/grading-rules.md) as the
// real server and CLI use it: a rules file choosing the 倒塌风险 wording changes what the
// register export and the console API show, the stored code stays; a vocabulary name the file
// does not define stops `serve` and `export` at start with the file's line.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "anju/data_dir.h"
#include "export_tools.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

/// The shipped rule file with `vocabulary: <name>`, written into `dir`.
std::string rulesChoosing(const std::string& dir, const std::string& name) {
  std::string text = readFile(anju::shippedDataDir() + "/rules/preliminary_judgment.v1.yaml");
  const std::string from = "vocabulary: three_tier";
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos);
  if (at != std::string::npos) text.replace(at, from.size(), "vocabulary: " + name);
  const std::string path = dir + "/rules-" + name + ".yaml";
  writeFile(path, text);
  return path;
}

class JudgmentVocabulary : public SyncServerTest {};

TEST_P(JudgmentVocabulary, CollapseRiskRulesChangeRegisterAndConsoleWordsNotCodes) {
  const Inspection in = makeInspection(ownBuilding(0).record_id());  // computed: serious
  const v1::PushResponse pushed = client().push(m_demoToken, makePush({makeChange(in, 100, 0)}));
  ASSERT_EQ(pushed.results_size(), 1);
  ASSERT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED);

  // The shipped rules: the 3-tier words.
  const std::string reviewer = client().login("reviewer", "review1234");
  const Reply shipped = client().get("/v1/exports/register.csv", reviewer);
  ASSERT_EQ(shipped.status, 200);
  EXPECT_NE(shipped.body.find("存在严重安全隐患"), std::string::npos);

  // A second server on the same data, its rules choosing collapse_risk.
  std::vector<std::string> args = storageArgs();
  args.push_back("--rules");
  args.push_back(rulesChoosing(dataDir(), "collapse_risk"));
  ServerProcess other(dataDir(), args, "collapse-server.log");
  std::string error;
  ASSERT_TRUE(other.start(&error)) << error;
  ProtocolClient otherClient(other.port());
  const std::string token = otherClient.login("reviewer", "review1234");
  const Reply csv = otherClient.get("/v1/exports/register.csv", token);
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("存在倒塌风险"), std::string::npos);
  EXPECT_EQ(csv.body.find("存在严重安全隐患"), std::string::npos);

  const std::string console = otherClient.consoleLogin("reviewer", "review1234");
  ASSERT_FALSE(console.empty());
  const Reply houses =
      otherClient.get("/console/api/houses?judgment=serious", console);  // the code is unchanged
  ASSERT_EQ(houses.status, 200) << houses.body;
  const nlohmann::json page = nlohmann::json::parse(houses.body);
  ASSERT_EQ(page.at("rows").size(), 1u) << houses.body;
  const nlohmann::json& judgment = page["rows"][0].at("judgment");
  EXPECT_EQ(judgment.at("code"), "serious");
  EXPECT_EQ(judgment.at("zh"), "存在倒塌风险");
  EXPECT_EQ(judgment.at("en"), "collapse risk");
  const Reply me = otherClient.get("/console/api/me", console);
  ASSERT_EQ(me.status, 200);
  const nlohmann::json words = nlohmann::json::parse(me.body).at("vocabulary").at("judgment");
  EXPECT_EQ(words, nlohmann::json::parse(R"([["none_found","未发现安全隐患","no hazard found"],)"
                                         R"(["some","存在一般安全隐患","general safety hazard"],)"
                                         R"(["serious","存在倒塌风险","collapse risk"]])"));
  EXPECT_EQ(other.stop(), 0);

  // The CLI's export reads the same key.
  const std::string out = dataDir() + "/collapse.csv";
  std::vector<std::string> cli = {
      "export", "register", "--format", "csv",     "--out",
      out,      "--data",   dataDir(),  "--rules", rulesChoosing(dataDir(), "collapse_risk")};
  const CliResult exported = runCli(cli);
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  EXPECT_NE(readFile(out).find("存在倒塌风险"), std::string::npos);
}

TEST_P(JudgmentVocabulary, UnknownVocabularyNameStopsServeAndExportAtLoad) {
  const std::string bad = rulesChoosing(dataDir(), "collapse");
  std::vector<std::string> serve = {"serve", "--data", dataDir(), "--port", "0", "--rules", bad};
  const CliResult refused = runCli(serve);
  EXPECT_EQ(refused.exitCode, 1);
  EXPECT_NE(refused.err.find("'collapse'"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("rules-collapse.yaml:"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("three_tier"), std::string::npos) << refused.err;
  const std::string out = dataDir() + "/never.csv";
  const CliResult exported = runCli(
      {"export", "register", "--format", "csv", "--out", out, "--data", dataDir(), "--rules", bad});
  EXPECT_EQ(exported.exitCode, 1);
  EXPECT_NE(exported.err.find("'collapse'"), std::string::npos) << exported.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

INSTANTIATE_TEST_SUITE_P(Backends, JudgmentVocabulary, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
