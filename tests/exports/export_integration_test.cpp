// The export endpoints and CLI against the real server, each file opened with the tool a person
// or a GIS would use: LibreOffice (XLSX), ogrinfo (GeoJSON), poppler (PDF). Access: reviewers
// and admins only, scoped to their regions.
#include <httplib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <tuple>

#include "anju/sha256.h"
#include "anju/uuid.h"
#include "export_tools.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

struct Download {
  int status = 0;
  std::string body;
  std::string contentType;
  std::string disposition;
};

std::size_t countLines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

class ExportApiTest : public SyncServerTest {
 protected:
  void SetUp() override {
    SyncServerTest::SetUp();
    if (HasFatalFailure()) return;
    m_reviewerToken = client().login("reviewer", "review1234");
    ASSERT_FALSE(m_reviewerToken.empty());
    m_district = ownBuilding(0).record().building().region().district();
  }

  Download get(const std::string& path, const std::string& token) {
    httplib::Client c("127.0.0.1", server().port());
    c.set_read_timeout(std::chrono::seconds(120));
    c.set_keep_alive(false);
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    auto res = c.Get(path.c_str(), headers);
    if (!res) return {};
    return {res->status, res->body, res->get_header_value("Content-Type"),
            res->get_header_value("Content-Disposition")};
  }

  /// A file in this test's data dir holding `bytes`.
  std::string save(const std::string& name, const std::string& bytes) {
    const std::string path = dataDir() + "/" + name;
    writeFile(path, bytes);
    return path;
  }

  /// Pushes a serious inspection with one photo (bytes uploaded) of own building `i`.
  Inspection inspectWithPhoto(std::size_t i) {
    const Uuid building = ownBuilding(i).record_id();
    Inspection in = makeInspection(building);
    in.judgmentExplanation = "承重墙裂缝宽度 1.2 mm 超过 1 mm：存在严重安全隐患";
    const std::string jpeg = readFile(std::string(ANJU_EXPORT_TEST_DATA) + "/wall_crack.jpg");
    EXPECT_GT(jpeg.size(), 1000u);
    PhotoRecord photo = makePhoto(building, in.id, jpeg);
    photo.mimeType = "image/jpeg";
    photo.findingId = in.findings[0].id;
    in.findings[0].photoIds = {photo.id};
    const v1::PushResponse r =
        client().push(m_demoToken, makePush({makeChange(in, 100, 0), makeChange(photo, 101, 0)}));
    for (const auto& result : r.results()) EXPECT_EQ(result.outcome(), v1::ChangeResult::APPLIED);
    const Reply upload = client().put(
        "/v1/photos/" + photo.sha256 + "?offset=0&total=" + std::to_string(jpeg.size()), jpeg,
        m_demoToken);
    EXPECT_EQ(upload.status, 200) << upload.body;
    return in;
  }

  /// Approves `in` through the console, grades it C and gives its first hazard a control
  /// measure (整治中), as a reviewer would.
  void approveWithMeasure(const Inspection& in) {
    const std::string console = client().consoleLogin("reviewer", "review1234");
    ASSERT_FALSE(console.empty());
    const std::string inspection = "/console/api/inspections/" + in.id;
    ASSERT_EQ(client().post(inspection + "/approve", "{}", console).status, 200);
    ASSERT_EQ(client().post(inspection + "/appraisal", R"({"grade":"C"})", console).status, 200);
    const std::string measure =
        R"({"family":"management","measure":"停止使用","status":"in_progress",)"
        R"("deadline":"2026-12-31","responsible_party":"城南街道办","inspection_id":")" +
        in.id + R"(","finding_id":")" + in.findings[0].id + R"("})";
    const Reply created =
        client().post("/console/api/houses/" + in.buildingId + "/rectifications", measure, console);
    ASSERT_EQ(created.status, 201) << created.body;
  }

  /// `xlsx` converted by LibreOffice to CSV (the first sheet).
  std::string xlsxAsCsv(const std::string& name, const std::string& xlsx) {
    const std::string path = save(name + ".xlsx", xlsx);
    const std::string outDir = dataDir() + "/lo-" + name;
    const ToolRun convert = runTool(
        "soffice -env:UserInstallation=file://" + dataDir() +
        "/lo-profile --headless --convert-to " +
        shellQuote("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false") +
        " --outdir " + shellQuote(outDir) + " " + shellQuote(path));
    EXPECT_EQ(convert.exitCode, 0) << convert.out;
    return readFile(outDir + "/" + name + ".csv");
  }

  std::string streetReviewerToken() {
    const CliResult add = runCli({"user", "add", "street-reviewer", "--role", "reviewer",
                                  "--password-stdin", "--data", dataDir()},
                                 "street-pass-123\n");
    EXPECT_EQ(add.exitCode, 0) << add.err;
    const CliResult assign = runCli(
        {"assign", "street-reviewer", "--region", m_district + "/城南街道", "--data", dataDir()});
    EXPECT_EQ(assign.exitCode, 0) << assign.err;
    return client().login("street-reviewer", "street-pass-123");
  }

  std::string m_reviewerToken;
  std::string m_district;
};

TEST_P(ExportApiTest, RegisterXlsxOpensInLibreOfficeWithChineseAndOneRowPerHouse) {
  const std::string missing = missingTool("soffice", "libreoffice-calc-nogui");
  ASSERT_TRUE(missing.empty()) << missing;
  inspectWithPhoto(0);
  const Download xlsx = get("/v1/exports/register.xlsx", m_reviewerToken);
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.contentType, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  // httplib's client percent-decodes header values; the encoding itself is checked in
  // export_writers_test.cpp.
  EXPECT_NE(xlsx.disposition.find("filename*=UTF-8''登记册.xlsx"), std::string::npos)
      << xlsx.disposition;
  const std::string path = save("register.xlsx", xlsx.body);
  // Its own LibreOffice profile, so parallel tests and a user's profile never interfere.
  // Filter options: comma, quote, 76 = UTF-8, …, -1 = every sheet to its own file.
  const std::string outDir = dataDir() + "/lo-out";
  const ToolRun convert = runTool(
      "soffice -env:UserInstallation=file://" + dataDir() +
      "/lo-profile --headless "
      "--convert-to " +
      shellQuote("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1") +
      " --outdir " + shellQuote(outDir) + " " + shellQuote(path));
  ASSERT_EQ(convert.exitCode, 0) << convert.out;
  const std::string csv = readFile(outDir + "/register-登记册.csv");
  const std::string summary = readFile(outDir + "/register-汇总.csv");
  ASSERT_FALSE(csv.empty()) << convert.out;
  // Header + one row per house of the reviewer's district (the demo district: all houses).
  const Download all = get("/v1/exports/register.csv", m_reviewerToken);
  const std::size_t houses = countLines(all.body) - 1;
  EXPECT_GT(houses, 100u);
  EXPECT_EQ(countLines(csv), houses + 1);
  EXPECT_EQ(csv.rfind("房屋编号,区,街道,社区,详细地址", 0), 0u) << csv.substr(0, 200);
  EXPECT_NE(csv.find("城南街道"), std::string::npos);
  EXPECT_NE(csv.find("存在严重安全隐患"), std::string::npos);
  EXPECT_NE(csv.find("未排查"), std::string::npos);
  // The summary sheet counts the one serious house and the rest as not visited.
  EXPECT_NE(summary.find("存在严重安全隐患,1,"), std::string::npos) << summary;
  EXPECT_NE(summary.find("未排查," + std::to_string(houses - 1) + ","), std::string::npos)
      << summary;
  EXPECT_NE(summary.find("合计," + std::to_string(houses) + ","), std::string::npos) << summary;
}

TEST_P(ExportApiTest, RegisterFiltersApplyToXlsxAndCsvAlike) {
  const Inspection in = inspectWithPhoto(1);
  const Download csv = get("/v1/exports/register.csv?judgment=serious", m_reviewerToken);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.contentType, "text/csv; charset=utf-8");
  ASSERT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 BOM first";
  EXPECT_EQ(countLines(csv.body), 2u);
  EXPECT_NE(csv.body.find("\r\n"), std::string::npos);
  EXPECT_NE(csv.body.find(in.id), std::string::npos);
  // 照片数 1, 排查进行中 empty (the house is not being re-inspected), then the visit columns
  // (走访次数, 无人在家次数, 拒绝入户次数, 最近走访结果, 最近走访时间), then the measures, 责任人,
  // 完成日期 and 是否销号, empty before a review (the hazards are the approved inspection's), then
  // the platform's fields: no region code imported, 经营性用途 否, then the demo house's own.
  EXPECT_NE(csv.body.find(",1,,0,0,0,未走访,,,,,,,,否,"), std::string::npos)
      << "one photo, no visit: " << csv.body;

  const Download bad = get("/v1/exports/register.csv?judgment=awful", m_reviewerToken);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(get("/v1/exports/register.csv?district=%FF", m_reviewerToken).status, 400);
  EXPECT_EQ(get("/v1/exports/register.csv?district=%E4%B8%B4%E6%B1%9F%E5%8C%BA%00", m_reviewerToken)
                .status,
            400);
  const Download notVisited = get("/v1/exports/register.csv?not_visited=1&from=", m_reviewerToken);
  ASSERT_EQ(notVisited.status, 200);
  const Download everything = get("/v1/exports/register.csv", m_reviewerToken);
  EXPECT_EQ(countLines(notVisited.body), countLines(everything.body) - 1);
}

TEST_P(ExportApiTest, HousesGeoJsonLoadsInOgrinfoWithEveryHouse) {
  const std::string missing = missingTool("ogrinfo", "gdal-bin");
  ASSERT_TRUE(missing.empty()) << missing;
  const Download geo = get("/v1/exports/houses.geojson", m_reviewerToken);
  ASSERT_EQ(geo.status, 200) << geo.body;
  EXPECT_EQ(geo.contentType, "application/geo+json");
  const std::string path = save("houses.geojson", geo.body);
  const ToolRun info = runTool("ogrinfo -ro -so -al " + shellQuote(path));
  ASSERT_EQ(info.exitCode, 0) << info.out;
  const Download csv = get("/v1/exports/register.csv", m_reviewerToken);
  const std::size_t houses = countLines(csv.body) - 1;
  EXPECT_NE(info.out.find("Feature Count: " + std::to_string(houses)), std::string::npos)
      << info.out;
  EXPECT_NE(info.out.find("Geometry: Point"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("judgment_zh: String"), std::string::npos) << info.out;
  // The Chinese survives: one feature read back by attribute.
  const ToolRun one = runTool("ogrinfo -ro -al -q -where " + shellQuote("street = '城南街道'") +
                              " " + shellQuote(path));
  ASSERT_EQ(one.exitCode, 0) << one.out;
  EXPECT_NE(one.out.find("城南街道"), std::string::npos);
  EXPECT_NE(one.out.find("POINT (114."), std::string::npos) << one.out.substr(0, 2000);
}

TEST_P(ExportApiTest, HouseDossierPdfShowsChineseFindingsAndThePhoto) {
  for (auto [tool, package] :
       {std::pair{"pdftotext", "poppler-utils"}, std::pair{"pdfimages", "poppler-utils"},
        std::pair{"pdftoppm", "poppler-utils"}}) {
    const std::string missing = missingTool(tool, package);
    ASSERT_TRUE(missing.empty()) << missing;
  }
  const Inspection in = inspectWithPhoto(2);
  const Uuid building = ownBuilding(2).record_id();
  const Download pdf = get("/v1/exports/dossier/" + building + ".pdf", m_reviewerToken);
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.contentType, "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf.disposition.find("filename*=UTF-8''"), std::string::npos);
  const std::string path = save("dossier.pdf", pdf.body);

  const ToolRun text = runTool("pdftotext -layout " + shellQuote(path) + " -");
  ASSERT_EQ(text.exitCode, 0) << text.out;
  const std::string address = ownBuilding(2).record().building().address();
  for (const std::string& expected :
       {std::string("房屋安全排查档案"), std::string("城南街道"), address,
        std::string("承重墙裂缝宽度"), std::string("北墙裂缝"), std::string("斜裂缝"),
        std::string("1.2 mm"), std::string("排查记录")})
    EXPECT_NE(text.out.find(expected), std::string::npos) << expected << "\n" << text.out;

  const ToolRun images = runTool("pdfimages -list " + shellQuote(path));
  ASSERT_EQ(images.exitCode, 0) << images.out;
  EXPECT_GE(countLines(images.out), 3u) << "header, rule, at least one image:\n" << images.out;
  EXPECT_NE(images.out.find("image"), std::string::npos) << images.out;

  const ToolRun png = runTool("pdftoppm -r 50 -png -f 1 -l 1 " + shellQuote(path) + " " +
                              shellQuote(dataDir() + "/page"));
  ASSERT_EQ(png.exitCode, 0) << png.out;
  EXPECT_GT(readFile(dataDir() + "/page-1.png").size(), 5000u);
  // For a person to look at: $ANJU_TEST_ARTIFACTS keeps the PDF (the temp dir goes away).
  if (const char* keep = std::getenv("ANJU_TEST_ARTIFACTS"); keep && *keep)
    writeFile(std::string(keep) + "/house-dossier.pdf", pdf.body);
}

TEST_P(ExportApiTest, CommunityDossierHasAPagePerHouseAtLeast) {
  const auto& b = ownBuilding(3).record().building();
  const std::string community =
      b.region().district() + "/" + b.region().street() + "/" + b.region().community();
  const Download pdf =
      get("/v1/exports/dossier.pdf?community=" + httplib::detail::encode_query_param(community),
          m_reviewerToken);
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  const std::string path = save("community.pdf", pdf.body);
  const ToolRun info = runTool("pdfinfo " + shellQuote(path));
  ASSERT_EQ(info.exitCode, 0) << info.out;
  const Download csv =
      get("/v1/exports/register.csv?district=" +
              httplib::detail::encode_query_param(b.region().district()) +
              "&street=" + httplib::detail::encode_query_param(b.region().street()) +
              "&community=" + httplib::detail::encode_query_param(b.region().community()),
          m_reviewerToken);
  const std::size_t houses = countLines(csv.body) - 1;
  ASSERT_GT(houses, 1u);
  const auto at = info.out.find("Pages:");
  ASSERT_NE(at, std::string::npos) << info.out;
  EXPECT_GE(std::stoul(info.out.substr(at + 6)), houses);

  EXPECT_EQ(get("/v1/exports/dossier.pdf?community=" +
                    httplib::detail::encode_query_param(b.region().district()),
                m_reviewerToken)
                .status,
            400)
      << "a community needs all three levels";
}

TEST_P(ExportApiTest, InspectorsAreRefusedEveryExport) {
  const Uuid own = ownBuilding(0).record_id();
  for (const std::string& path :
       {std::string("/v1/exports/register.xlsx"), std::string("/v1/exports/register.csv"),
        std::string("/v1/exports/houses.geojson"), "/v1/exports/dossier/" + own + ".pdf"}) {
    EXPECT_EQ(get(path, m_demoToken).status, 403) << path;
    EXPECT_EQ(get(path, "").status, 401) << path;
  }
}

TEST_P(ExportApiTest, AnotherRegionsHouseOrStreetIs403AndScopeLimitsTheRegister) {
  const std::string token = streetReviewerToken();
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(get("/v1/exports/dossier/" + foreignBuilding().record_id() + ".pdf", token).status,
            403);
  EXPECT_EQ(get("/v1/exports/dossier/" + ownBuilding(0).record_id() + ".pdf", token).status, 200);
  EXPECT_EQ(get("/v1/exports/dossier/" + newUuid() + ".pdf", token).status, 404);
  const std::string otherStreet = "?district=" + httplib::detail::encode_query_param(m_district) +
                                  "&street=" + httplib::detail::encode_query_param("城北街道");
  EXPECT_EQ(get("/v1/exports/register.csv" + otherStreet, token).status, 403);
  EXPECT_EQ(get("/v1/exports/houses.geojson" + otherStreet, token).status, 403);
  const Download mine = get("/v1/exports/register.csv", token);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(countLines(mine.body), ownBuildingCount() + 1);
  EXPECT_EQ(mine.body.find("城北街道"), std::string::npos);
}

TEST_P(ExportApiTest, CliWritesFilesAndRefusesBadFiltersWithoutAFile) {
  inspectWithPhoto(4);
  const std::string csv = dataDir() + "/cli.csv";
  CliResult r = runCli({"export", "register", "--format", "csv", "--judgment", "serious", "--out",
                        csv, "--data", dataDir()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(countLines(readFile(csv)), 2u);

  const std::string xlsx = dataDir() + "/cli.xlsx";
  r = runCli({"export", "register", "--format", "xlsx", "--out", xlsx, "--data", dataDir()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(readFile(xlsx).rfind("PK", 0), 0u);

  const std::string geo = dataDir() + "/cli.geojson";
  r = runCli({"export", "geojson", "--not-visited", "--out", geo, "--data", dataDir()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(readFile(geo).find("FeatureCollection"), std::string::npos);

  const std::string pdf = dataDir() + "/cli.pdf";
  r = runCli({"export", "dossier", "--building", ownBuilding(4).record_id(), "--out", pdf, "--data",
              dataDir()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(readFile(pdf).rfind("%PDF-", 0), 0u);

  const std::string bad = dataDir() + "/bad.csv";
  r = runCli({"export", "register", "--format", "csv", "--review", "maybe", "--out", bad, "--data",
              dataDir()});
  EXPECT_NE(r.exitCode, 0);
  // The terminal's language (Chinese here): the bad review state, named with its value.
  EXPECT_NE(r.err.find("未知审核状态「maybe」"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(bad));
  r = runCli({"export", "dossier", "--building", newUuid(), "--out", bad, "--data", dataDir()});
  EXPECT_NE(r.exitCode, 0);
  EXPECT_FALSE(std::filesystem::exists(bad));
}

// Issue 11: pdftotext gave Kangxi radicals for common characters (户 -> U+2F3E, 一 -> U+2F00,
// 面 -> U+2F6F, 页 -> U+2EDA), tabs for spaces, and dropped digits from ids, areas and versions,
// so a house id or 一户一档 could not be searched or copied. What the text layer says must be
// exactly what was drawn.
TEST_P(ExportApiTest, DossierTextLayerIsExactlyTheDrawnText) {
  const std::string missing = missingTool("pdftotext", "poppler-utils");
  ASSERT_TRUE(missing.empty()) << missing;
  const Inspection in = inspectWithPhoto(4);
  const auto& b = ownBuilding(4).record().building();
  const Uuid building = ownBuilding(4).record_id();
  const Download pdf = get("/v1/exports/dossier/" + building + ".pdf", m_reviewerToken);
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  const std::string path = save("text-layer.pdf", pdf.body);
  const ToolRun text = runTool("pdftotext " + shellQuote(path) + " -");
  ASSERT_EQ(text.exitCode, 0) << text.out;

  char area[32];
  std::snprintf(area, sizeof area, "%.1f m²", b.floor_area_m2());
  for (const std::string& drawn :
       {std::string("房屋安全排查档案（一户一档）"), building, in.id, b.address(),
        std::string(area), in.templateId + " v" + std::to_string(in.templateVersion),
        std::string("第 1 页"), std::string("建筑面积"),
        std::string("承重墙裂缝宽度 1.2 mm 超过 1 mm"),
        b.region().district() + " / " + b.region().street() + " / " + b.region().community()})
    EXPECT_NE(text.out.find(drawn), std::string::npos) << "not in the text layer: " << drawn << "\n"
                                                       << text.out;
  // No radical look-alikes (U+2E80..U+2FDF: UTF-8 E2 BA 80 .. E2 BF 9F) and no tab anywhere.
  for (std::size_t at = text.out.find('\xE2'); at != std::string::npos;
       at = text.out.find('\xE2', at + 1)) {
    const auto second = static_cast<unsigned char>(text.out[at + 1]);
    EXPECT_FALSE(second >= 0xBA && second <= 0xBF)
        << "radical code point at byte " << at << ": " << text.out.substr(at, 3);
  }
  EXPECT_EQ(text.out.find('\t'), std::string::npos) << "a space came out as a tab";
}

// Issue 11 §3: the register a bureau head prints and signs. LibreOffice prints the workbook to
// PDF; its first sheet (台账) carries the title, 序号 and the signature lines, and every one of its
// pages holds the whole header row, first column to last (repeated header rows, and no column
// pushed onto a page of its own), with its page number.
TEST_P(ExportApiTest, RegisterXlsxPrintsAsASignableRegister) {
  for (auto [tool, package] :
       {std::pair{"soffice", "libreoffice-calc-nogui"}, std::pair{"pdftotext", "poppler-utils"}}) {
    const std::string missing = missingTool(tool, package);
    ASSERT_TRUE(missing.empty()) << missing;
  }
  // One house with everything the register shows: an approved, appraised inspection by the demo
  // inspector (real name 演示排查员) whose hazard has a control measure.
  approveWithMeasure(inspectWithPhoto(0));
  if (HasFatalFailure()) return;

  const Download xlsx =
      get("/v1/exports/register.xlsx?district=" + httplib::detail::encode_query_param(m_district) +
              "&street=" + httplib::detail::encode_query_param("城南街道"),
          m_reviewerToken);
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  const std::string path = save("register.xlsx", xlsx.body);
  const std::string outDir = dataDir() + "/lo-pdf";
  const ToolRun convert = runTool("soffice -env:UserInstallation=file://" + dataDir() +
                                  "/lo-profile --headless --convert-to pdf --outdir " +
                                  shellQuote(outDir) + " " + shellQuote(path));
  ASSERT_EQ(convert.exitCode, 0) << convert.out;
  const std::string pdf = outDir + "/register.pdf";
  const ToolRun text = runTool("pdftotext -layout " + shellQuote(pdf) + " -");
  ASSERT_EQ(text.exitCode, 0) << text.out;
  if (const char* keep = std::getenv("ANJU_TEST_ARTIFACTS"); keep && *keep)
    writeFile(std::string(keep) + "/register-print.pdf", readFile(pdf));

  // pdftotext ends every page with a form feed.
  std::vector<std::string> pages;
  for (std::size_t start = 0, end; (end = text.out.find('\f', start)) != std::string::npos;
       start = end + 1)
    pages.push_back(text.out.substr(start, end - start));
  ASSERT_FALSE(pages.empty());
  EXPECT_NE(pages[0].find(m_district + "城南街道房屋安全隐患排查登记台账"), std::string::npos)
      << pages[0];
  std::size_t signed_ = pages.size();
  for (std::size_t i = 0; i < pages.size() && signed_ == pages.size(); ++i)
    if (pages[i].find("填报人") != std::string::npos) signed_ = i;
  ASSERT_LT(signed_, pages.size()) << "no signature lines:\n" << text.out;
  for (const char* line : {"审核人", "负责人", "日期"})
    EXPECT_NE(pages[signed_].find(line), std::string::npos) << line;
  EXPECT_GE(signed_, 1u) << "a street's houses take more than one page";
  // Every column of the bureau's register, on every page of the register (headers broken over
  // two lines are looked for by their parts).
  const std::vector<const char*> headers = {
      "序号",     "房屋编码", "地址",     "产权人",   "联系电话", "建筑面积", "层数",
      "结构",     "建成年份", "用途",     "改扩建",   "设计情况", "隐患描述", "初步判定",
      "处置建议", "管控措施", "鉴定等级", "整治措施", "责任人",   "整治期限", "完成日期",
      "是否销号", "排查人",   "排查时间", "审核人",   "审核日期", "备注"};
  for (std::size_t i = 0; i <= signed_; ++i) {
    for (const char* header : headers)
      EXPECT_NE(pages[i].find(header), std::string::npos)
          << "page " << i + 1 << " lacks column " << header << ":\n"
          << pages[i];
    // The footer "第 N 页 共 M 页" (pdftotext spaces it its own way).
    std::string compact = pages[i];
    std::erase(compact, ' ');
    EXPECT_NE(compact.find("第" + std::to_string(i + 1) + "页共"), std::string::npos)
        << "page number on page " << i + 1 << ":\n"
        << pages[i];
  }
  // The inspected house's row, from the stored records: real names, not accounts.
  std::string ledger;
  for (std::size_t i = 0; i <= signed_; ++i) ledger += pages[i];
  // (住建局审核员, six characters, wraps in its column: its first five are on one line.)
  for (const char* value :
       {"演示排查员", "住建局审核", "停止使用", "城南街道办", "C级", "墙体裂缝"})
    EXPECT_NE(ledger.find(value), std::string::npos) << value << " not printed:\n" << ledger;
  EXPECT_EQ(ledger.find("demo "), std::string::npos) << "the account name, not the real name";
  // Landscape A4 (841.89 x 595.28 pt) on every page: the grid is fitted to the page width.
  const ToolRun info =
      runTool("pdfinfo -f 1 -l " + std::to_string(signed_ + 1) + " " + shellQuote(pdf));
  std::size_t landscapeA4 = 0;
  for (std::size_t at = info.out.find("841.89 x 595.3"); at != std::string::npos;
       at = info.out.find("841.89 x 595.3", at + 1))
    ++landscapeA4;
  EXPECT_EQ(landscapeA4, signed_ + 1) << info.out;

  // 序号 runs 1..n over the street's houses: the last row printed starts with the house count.
  const Download csv =
      get("/v1/exports/register.csv?district=" + httplib::detail::encode_query_param(m_district) +
              "&street=" + httplib::detail::encode_query_param("城南街道"),
          m_reviewerToken);
  const std::size_t houses = countLines(csv.body) - 1;
  ASSERT_GT(houses, 40u);
  // The data sheet's CSV twin has the measure and 是否销号 (否: the hazard is not closed).
  EXPECT_NE(csv.body.find(",是否销号,区划代码,经营性用途,"), std::string::npos);
  EXPECT_NE(csv.body.find(",停止使用（期限 2026-12-31）,,城南街道办,,否,"), std::string::npos)
      << csv.body.substr(0, 2000);
  const std::string lastNumber = std::to_string(houses) + " ";
  bool lastNumberSeen = false;
  for (std::size_t start = 0, end; (end = text.out.find('\n', start)) != std::string::npos;
       start = end + 1) {
    const std::string line = text.out.substr(start, end - start);
    const std::size_t first = line.find_first_not_of(' ');
    if (first != std::string::npos && line.compare(first, lastNumber.size(), lastNumber) == 0)
      lastNumberSeen = true;
  }
  EXPECT_TRUE(lastNumberSeen) << "序号 " << houses << " not printed";
}

// Issue 11 §3: the statistics register per division, exact numbers: one house inspected
// (serious, approved, appraised, a measure under way), one visited with nobody home, the rest
// not visited; a line per community, a subtotal per street and district, the grand total.
TEST_P(ExportApiTest, StatisticsRegisterCountsEveryDivisionExactly) {
  const std::string missing = missingTool("soffice", "libreoffice-calc-nogui");
  ASSERT_TRUE(missing.empty()) << missing;
  const Inspection in = inspectWithPhoto(0);
  approveWithMeasure(in);
  if (HasFatalFailure()) return;
  Visit visit;
  visit.id = newUuid();
  visit.buildingId = ownBuilding(1).record_id();
  visit.inspector = "demo";
  visit.visitedAt = 1780272000000;
  visit.outcome = VisitOutcome::kNobodyHome;
  const v1::PushResponse pushed = client().push(m_demoToken, makePush({makeChange(visit, 300, 0)}));
  ASSERT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED) << pushed.results(0).reason();

  // The expected counts, from the houses the register CSV lists (an independent query).
  struct Expected {
    std::int64_t houses = 0, inspected = 0, notReached = 0, serious = 0, appraised = 0,
                 inProgress = 0;
  };
  using Key = std::tuple<std::string, std::string, std::string>;
  std::map<Key, Expected> communities;
  const Download csv = get("/v1/exports/register.csv", m_reviewerToken);
  std::size_t lineStart = csv.body.find('\n') + 1;
  for (std::size_t end; (end = csv.body.find('\n', lineStart)) != std::string::npos;
       lineStart = end + 1) {
    std::vector<std::string> f;
    const std::string line = csv.body.substr(lineStart, end - lineStart);
    for (std::size_t a = 0, b; f.size() < 4; a = b + 1) {
      b = line.find(',', a);
      f.push_back(line.substr(a, b - a));
    }
    ++communities[{f[1], f[2], f[3]}].houses;
  }
  auto regionOf = [&](std::size_t i) {
    const auto& r = ownBuilding(i).record().building().region();
    return Key{r.district(), r.street(), r.community()};
  };
  Expected& first = communities[regionOf(0)];
  first.inspected = first.serious = first.appraised = first.inProgress = 1;
  communities[regionOf(1)].notReached += 1;

  auto lineOf = [](const std::string& a, const std::string& b, const std::string& c,
                   const Expected& e) {
    const std::int64_t notVisited = e.houses - e.inspected - e.notReached;
    std::string s = a + "," + b + "," + c + ",";  // 区划代码: none loaded here
    for (std::int64_t v : {e.houses, e.inspected, e.notReached, notVisited, e.serious,
                           std::int64_t{0}, std::int64_t{0}, e.appraised, std::int64_t{0},
                           e.inProgress, std::int64_t{0}, std::int64_t{0}})
      s += "," + std::to_string(v);
    return s + "\n";
  };
  auto add = [](Expected& sum, const Expected& e) {
    sum.houses += e.houses;
    sum.inspected += e.inspected;
    sum.notReached += e.notReached;
    sum.serious += e.serious;
    sum.appraised += e.appraised;
    sum.inProgress += e.inProgress;
  };
  std::string expected =
      "区,街道,社区,区划代码,房屋总数,已排查,未入户,未走访,存在严重安全隐患,存在一定安全隐患,"
      "未发现安全隐患,已鉴定,待整治,整治中,已整治,已销号\n";
  Expected street, district, total;
  for (auto it = communities.begin(); it != communities.end(); ++it) {
    const auto& [d, s, c] = it->first;
    expected += lineOf(d, s, c, it->second);
    add(street, it->second);
    add(district, it->second);
    add(total, it->second);
    const auto next = std::next(it);
    if (next == communities.end() || std::get<1>(next->first) != s ||
        std::get<0>(next->first) != d) {
      expected += lineOf(d, s, "小计", street);
      street = {};
    }
    if (next == communities.end() || std::get<0>(next->first) != d) {
      expected += lineOf(d, "合计", "", district);
      district = {};
    }
  }
  expected += lineOf("总计", "", "", total);
  EXPECT_EQ(total.houses, static_cast<std::int64_t>(countLines(csv.body) - 1));
  EXPECT_GT(communities.size(), 3u);

  const Download stats = get("/v1/exports/statistics.xlsx", m_reviewerToken);
  ASSERT_EQ(stats.status, 200) << stats.body;
  EXPECT_NE(stats.disposition.find("统计台账"), std::string::npos) << stats.disposition;
  const std::string table = xlsxAsCsv("statistics", stats.body);
  const std::size_t headerAt = table.find("区,街道,社区");
  ASSERT_NE(headerAt, std::string::npos) << table;
  EXPECT_NE(table.find("房屋安全隐患排查整治统计表"), std::string::npos) << table;
  EXPECT_EQ(table.substr(headerAt), expected);

  // Scoped like every export: an inspector is refused, a street reviewer sees only the street.
  EXPECT_EQ(get("/v1/exports/statistics.xlsx", m_demoToken).status, 403);
  const std::string street_ = streetReviewerToken();
  const Download own = get("/v1/exports/statistics.xlsx", street_);
  ASSERT_EQ(own.status, 200);
  const std::string ownTable = xlsxAsCsv("street", own.body);
  EXPECT_EQ(ownTable.find("城北街道"), std::string::npos) << ownTable;
  EXPECT_NE(ownTable.find("城南街道,小计"), std::string::npos) << ownTable;
  EXPECT_EQ(get("/v1/exports/statistics.xlsx?district=" +
                    httplib::detail::encode_query_param(m_district) +
                    "&street=" + httplib::detail::encode_query_param("城北街道"),
                street_)
                .status,
            403);
  // The CLI writes the same file.
  const std::string out = dataDir() + "/cli-statistics.xlsx";
  std::vector<std::string> args = {"export", "statistics", "--out", out, "--data", dataDir()};
  const CliResult cli = runCli(args);
  ASSERT_EQ(cli.exitCode, 0) << cli.err;
  const std::string cliTable = xlsxAsCsv("cli", readFile(out));
  ASSERT_NE(cliTable.find("区,街道,社区"), std::string::npos);
  EXPECT_EQ(cliTable.substr(cliTable.find("区,街道,社区")), expected);
}

// Issue 11 §3: the region codes loaded by the CLI name each division of the statistics register,
// and the house dossier prints the national platform's fields with the house's region code.
TEST_P(ExportApiTest, StatisticsAndDossierCarryRegionCodesAndThePlatformFields) {
  const auto& region = ownBuilding(0).record().building().region();
  const std::string codes =
      save("codes.csv", "区,街道,社区,区划代码\n" + region.district() + ",,,420106\n" +
                            region.district() + "," + region.street() + ",,420106001000\n" +
                            region.district() + "," + region.street() + "," + region.community() +
                            ",420106001001\n");
  const CliResult loaded = runCli({"region-codes", "import", codes, "--data", dataDir()});
  ASSERT_EQ(loaded.exitCode, 0) << loaded.err;
  const v1::PushResponse pushed =
      client().push(m_demoToken, makePush({editOf(ownBuilding(0), [](v1::Record& r) {
                      v1::Building& b = *r.mutable_building();
                      b.set_use("business");
                      b.set_business_type("catering");
                      b.set_land_type("state_commercial");
                      b.clear_permits();
                      v1::PermitStatus* p = b.add_permits();
                      p->set_permit("business_licence");
                      p->set_state("held");
                      b.clear_geo_hazards();
                      b.add_geo_hazards("none");
                      b.clear_fire_hazards();
                      b.add_fire_hazards("ebike_charging");
                      b.set_platform_house_number("YH420106000000777");
                      b.set_census_house_number("C-0777");
                    })}));
  ASSERT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED) << pushed.results(0).reason();

  const Download stats = get("/v1/exports/statistics.xlsx", m_reviewerToken);
  ASSERT_EQ(stats.status, 200) << stats.body;
  const std::string table = xlsxAsCsv("coded", stats.body);
  const std::string d = region.district(), st = region.street(), c = region.community();
  for (const std::string& line :
       {d + "," + st + "," + c + ",420106001001,", d + "," + st + ",小计,420106001000,",
        d + ",合计,,420106,", std::string("总计,,,,")})
    EXPECT_NE(table.find("\n" + line), std::string::npos) << line << "\n" << table;

  const std::string missing = missingTool("pdftotext", "poppler-utils");
  ASSERT_TRUE(missing.empty()) << missing;
  const Download pdf =
      get("/v1/exports/dossier/" + ownBuilding(0).record_id() + ".pdf", m_reviewerToken);
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  const ToolRun text = runTool("pdftotext " + shellQuote(save("platform.pdf", pdf.body)) + " -");
  ASSERT_EQ(text.exitCode, 0) << text.out;
  for (const char* drawn :
       {"区划代码", "420106001001", "经营性用途", "餐饮饭店", "国有土地（商业）", "营业执照：有",
        "电动自行车违规充电", "自建房编号", "YH420106000000777", "普查房屋编号", "C-0777"})
    EXPECT_NE(text.out.find(drawn), std::string::npos) << "not in the dossier: " << drawn << "\n"
                                                       << text.out;
}

INSTANTIATE_TEST_SUITE_P(Backends, ExportApiTest, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
