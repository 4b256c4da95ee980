// The export writers' small parts: CSV quoting, Content-Disposition, China time.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "anju/record_codec.h"
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

TEST(CsvField, DefusesTextThatASpreadsheetWouldRunAsAFormula) {
  EXPECT_EQ(csvField("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csvField("+86 138"), "'+86 138");
  EXPECT_EQ(csvField("-2+3"), "'-2+3");
  EXPECT_EQ(csvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csvField("\t=1"), "'\t=1");
  EXPECT_EQ(csvField("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(csvField("=1,2"), "\"'=1,2\"");
  // Only the first character counts; ordinary text and empty cells are left alone.
  EXPECT_EQ(csvField("幸福路-12号"), "幸福路-12号");
  EXPECT_EQ(csvField("2026-06-01 08:00"), "2026-06-01 08:00");
  EXPECT_EQ(csvField(""), "");
}

// One page of given rows, whatever the filter.
class FixedRegister : public RegisterIndex {
 public:
  explicit FixedRegister(std::vector<RegisterRow> rows) : m_rows(std::move(rows)) {}
  Result<RegisterPage> queryRegister(const RegisterFilter&, const std::optional<RegisterKey>& after,
                                     int) override {
    RegisterPage page;
    if (!after) page.rows = m_rows;
    return page;
  }
  Result<RegisterSummary> countRegister(const RegisterFilter&) override {
    return RegisterSummary{};
  }
  Result<InboxPage> queryByInspectionTime(const RegisterFilter&, const std::optional<InboxKey>&,
                                          int) override {
    return InboxPage{};
  }
  Result<std::int64_t> countRows(const RegisterFilter&) override {
    return static_cast<std::int64_t>(m_rows.size());
  }

 private:
  std::vector<RegisterRow> m_rows;
};

TEST(RegisterCsv, FormulaLikeTextIsDefusedButNumbersStayNumbers) {
  RegisterRow row;
  row.buildingId = "b1";
  row.region = {"临江区", "城南街道", "和平社区"};
  row.address = "=HYPERLINK(\"http://evil\",\"幸福路12号\")";
  row.location = GeoPoint{-33.5, -70.25, std::nullopt};
  row.ownerName = "@张三";
  row.storeysBelow = -1;  // not a real value, but a number must stay one whatever its sign
  std::string csv;
  FixedRegister index({row});
  NoRegisterDetails details;
  Result<std::int64_t> rows =
      writeRegisterCsv(index, details, RegisterFilter{}, [&](std::string_view b) {
        csv += b;
        return true;
      });
  ASSERT_TRUE(rows.isOk()) << rows.status().toString();
  EXPECT_EQ(*rows, 1);
  const std::string expected =
      "\r\nb1,临江区,城南街道,和平社区,\"'=HYPERLINK(\"\"http://evil\"\",\"\"幸福路12号\"\")\","
      "-33.5,-70.25,'@张三,,0,-1,";
  EXPECT_NE(csv.find(expected), std::string::npos) << csv;
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
  const auto cells = registerCells(row, RegisterDetails{});
  ASSERT_EQ(cells.size(), registerColumns().size());
  EXPECT_EQ(cells[11].text, "砖混");
  EXPECT_EQ(cells[17].text, "未排查");
  EXPECT_EQ(cells[22].text, "无");
  EXPECT_EQ(cells[25].text, "");  // 排查进行中: no re-inspection under way
  EXPECT_EQ(cells[29].text, "未走访");
}

TEST(RegisterCells, VisitCountsAndLastOutcomeInChinese) {
  RegisterRow row;
  row.visitCount = 3;
  row.nobodyHomeCount = 3;
  row.lastVisitOutcome = "nobody_home";
  row.lastVisitedAt = 1780272000000;
  const auto cells = registerCells(row, RegisterDetails{});
  ASSERT_EQ(cells.size(), registerColumns().size());
  // After 照片数 (24) and 排查进行中 (25): 走访次数, 无人在家次数, 拒绝入户次数, 最近走访结果,
  // 最近走访时间.
  EXPECT_EQ(cells[26].number, 3.0);
  EXPECT_EQ(cells[27].number, 3.0);
  EXPECT_EQ(cells[28].number, 0.0);
  EXPECT_EQ(cells[29].text, "无人在家");
  EXPECT_EQ(cells[30].text, "2026-06-01 08:00");
}

StoredRecord stored(const AnyRecord& record, RecordKind kind, const Uuid& id,
                    const Uuid& buildingId) {
  StoredRecord s;
  s.kind = kind;
  s.id = id;
  s.buildingId = buildingId;
  s.payload = encodeRecord(record);
  return s;
}

// Issue 11 §3: the columns the register index does not hold come from the stored records.
TEST(RegisterDetails, FromTheBuildingTheInspectionTheLedgerTheAuditAndTheNames) {
  Building b;
  b.id = "b1";
  b.floorAreaM2 = 126.5;
  b.design = DesignStatus::kNoFormalDesign;
  b.alterations = {Alteration::kAddedStorey, Alteration::kExtension};
  Inspection in;
  in.id = "i1";
  in.buildingId = "b1";
  in.inspector = "zhang";
  in.review = ReviewState::kApproved;
  in.submittedAt = 1780272000000;
  Finding crack;
  crack.id = "f1";
  crack.component = Component::kLoadBearingWall;
  crack.hazard = HazardKind::kWallCrack;
  crack.location = "一层北侧";
  Finding tilt;
  tilt.id = "f2";
  tilt.component = Component::kColumn;
  tilt.hazard = HazardKind::kTilt;
  in.findings = {crack, tilt};
  Rectification stop;
  stop.id = "r1";
  stop.buildingId = "b1";
  stop.family = MeasureFamily::kManagement;
  stop.measure = "停止使用";
  stop.responsibleParty = "李四";
  stop.inspectionId = "i1";
  stop.findingId = "f1";
  stop.completedAt = 1780272000000;
  stop.acceptedAt = 1780272000000;
  stop.closedAt = 1780358400000;  // 2026-06-02 08:00 China time
  Rectification repair = stop;
  repair.id = "r2";
  repair.family = MeasureFamily::kEngineering;
  repair.measure = "加固";
  repair.deadline = "2026-07-01";
  repair.findingId = "f2";
  repair.completedAt = 1780444800000;  // 2026-06-03
  repair.acceptedAt = 0;
  repair.closedAt = 0;
  RegisterRow row;
  row.buildingId = "b1";
  row.inspectionId = "i1";
  row.inspector = "zhang";
  row.review = "approved";
  row.appraisalGrade = "C";
  const std::vector<StoredRecord> records = {
      stored(b, RecordKind::kBuilding, "b1", ""), stored(in, RecordKind::kInspection, "i1", "b1"),
      stored(stop, RecordKind::kRectification, "r1", "b1"),
      stored(repair, RecordKind::kRectification, "r2", "b1")};
  AuditEntry approve{1, 1780272000000, "wang", "approve", "inspection", "i1", "b1", {}, "{}"};
  AuditEntry appraisal{2, 1780358400000, "wang", "appraisal", "inspection", "i1", "b1", {}, "{}"};
  const std::map<std::string, std::string> names = {{"zhang", "张三"}, {"wang", "王五"}};

  RegisterDetails d = registerDetails(row, records, {approve, appraisal}, names);
  EXPECT_EQ(d.floorAreaM2, 126.5);
  EXPECT_EQ(d.alterations, "加层、扩建");
  EXPECT_EQ(d.design, "未经正规设计");
  ASSERT_EQ(d.hazards.size(), 2u);
  EXPECT_EQ(d.hazards[0], "承重墙 墙体裂缝（一层北侧）");
  EXPECT_EQ(d.hazards[1], "柱 倾斜");
  EXPECT_EQ(d.controlMeasures, std::vector<std::string>{"停止使用"});
  EXPECT_EQ(d.worksMeasures, std::vector<std::string>{"加固（期限 2026-07-01）"});
  EXPECT_EQ(d.responsible, "李四");
  EXPECT_EQ(d.completedOn, "2026-06-03");
  EXPECT_EQ(d.closed, "否");  // the repair is completed, not yet closed
  EXPECT_EQ(d.inspectorName, "张三");
  EXPECT_EQ(d.reviewer, "王五");
  EXPECT_EQ(d.reviewedOn, "2026-06-01");
  EXPECT_EQ(d.appraisedOn, "2026-06-02");

  repair.acceptedAt = repair.closedAt = 1780444800000;
  const std::vector<StoredRecord> closed = {records[0], records[1], records[2],
                                            stored(repair, RecordKind::kRectification, "r2", "b1")};
  d = registerDetails(row, closed, {}, {});
  EXPECT_EQ(d.closed, "是");
  EXPECT_EQ(d.closedOn, "2026-06-03");
  EXPECT_EQ(d.inspectorName, "zhang");  // no display name: the account
  EXPECT_EQ(d.reviewer, "");            // no approval in the audit log

  const auto cells = registerCells(row, d);
  ASSERT_EQ(cells.size(), registerColumns().size());
  EXPECT_EQ(cells[31].text, "停止使用");
  EXPECT_EQ(cells[32].text, "加固（期限 2026-07-01）");
  EXPECT_EQ(cells[33].text, "李四");
  EXPECT_EQ(cells[34].text, "2026-06-03");
  EXPECT_EQ(cells[35].text, "是");
}

// Issue 11 §3: the data sheet's national platform columns, after 是否销号, from the building.
TEST(RegisterDetails, ThePlatformFieldsInTheDataSheetsWords) {
  Building b;
  b.id = "b1";
  b.use = BuildingUse::kRented;
  b.businessType = BusinessType::kRentalHousing;
  b.landType = LandType::kStateOther;
  b.permits = {{Permit::kRuralPlanning, PermitState::kHeld},
               {Permit::kFireSafetyInspection, PermitState::kNotHeld}};
  b.geoHazards = {GeoHazard::kNone};
  b.fireHazards = {FireHazard::kFlammableMaterials, FireHazard::kBarredWindows};
  b.platformHouseNumber = "YH500230000064653";
  b.censusHouseNumber = "P-1";
  RegisterRow row;
  row.buildingId = "b1";
  RegisterDetails d = registerDetails(row, {stored(b, RecordKind::kBuilding, "b1", "")}, {}, {});
  d.regionCode = "500230101201";  // set by the detail source from the stored region codes
  const auto cells = registerCells(row, d);
  ASSERT_EQ(cells.size(), registerColumns().size());
  ASSERT_EQ(registerColumns().size(), 45u);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"区划代码", "500230101201"},
      {"经营性用途", "是"},
      {"业态", "出租居住"},
      {"土地性质", "国有土地（其他）"},
      {"许可证照", "乡村建设规划许可：有；消防安全检查：无"},
      {"地质灾害", "无"},
      {"消防隐患", "易燃可燃材料、防盗窗封堵逃生口"},
      {"自建房编号", "YH500230000064653"},
      {"普查房屋编号", "P-1"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(registerColumns()[36 + i].zh, expected[i].first);
    EXPECT_EQ(cells[36 + i].text, expected[i].second) << expected[i].first;
  }
  // A building without them: not a business, nothing else recorded.
  Building plain;
  plain.id = "b2";
  row.buildingId = "b2";
  const RegisterDetails none =
      registerDetails(row, {stored(plain, RecordKind::kBuilding, "b2", "")}, {}, {});
  EXPECT_EQ(none.businessUse, "否");
  EXPECT_EQ(none.businessType, "");
  EXPECT_EQ(none.permits, "");
}

}  // namespace
}  // namespace anju::server
