// What the printed register (台账), the data sheet and the CSV show beyond the register index:
// facts read at export time from the stored records of a page of houses — the building record,
// the inspection the register row points at, the house's hazard ledger and measures, the audit
// log's approval and appraisal, and the accounts' real names. Looked up per page of rows (one
// query per kind of fact for up to 1000 houses), never one query per house.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "anju/model.h"
#include "register/region_code_book.h"
#include "register/register_query.h"
#include "storage/server_storage.h"

namespace anju::server {

/// One house's export-time facts, as text ready for a cell ("" when unknown or not applicable).
struct RegisterDetails {
  std::optional<double> floorAreaM2;
  std::string alterations;  // 改扩建: "加层、扩建", "无"; "" without a building record
  std::string design;       // 设计情况
  std::vector<std::string> hazards;  // 隐患描述: one line per hazard, "承重墙 墙体裂缝（一层北侧）"
  std::vector<std::string> controlMeasures;  // 处置建议/管控措施: management family measures
  std::vector<std::string> worksMeasures;    // 整治措施: engineering and enforcement measures
  std::string responsible;    // 责任人, the measures' responsible parties joined by 、
  std::string completedOn;    // 完成日期: the last completion, when every measure is completed
  std::string closed;         // 是否销号: 是 / 否, "" when the house has no hazard
  std::string closedOn;       // the last 销号 date when closed
  std::string inspectorName;  // the inspector's real name (display name), else the account
  std::string reviewer;       // 审核人: who approved the inspection shown (real name)
  std::string reviewedOn;     // 审核日期
  std::string appraisedOn;    // the date the appraisal grade was set
  // The national platform's house fields (from the building record) and the region's code.
  std::string regionCode;    // 区划代码: the community's, else the street's or district's
  std::string businessUse;   // 经营性用途: 是 / 否
  std::string businessType;  // 业态
  std::string landType;      // 土地性质
  std::string permits;       // 许可证照: "规划许可：有；施工许可：无"
  std::string geoHazards;    // 地质灾害: "切坡建房、洪涝"
  std::string fireHazards;   // 消防隐患
  std::string platformHouseNumber;  // 自建房编号, as given
  std::string censusHouseNumber;    // 普查房屋编号, as given

  bool operator==(const RegisterDetails&) const = default;
};

/// Supplies the details of a page of rows, by building id.
class RegisterDetailSource {
 public:
  virtual ~RegisterDetailSource() = default;
  virtual Result<std::map<Uuid, RegisterDetails>> detailsOf(
      const std::vector<RegisterRow>& rows) = 0;
};

/// The details from the storage's records, audit log and accounts: three queries per page plus
/// one for the names and one for the region codes (each read once per export).
class StoredRegisterDetails final : public RegisterDetailSource {
 public:
  explicit StoredRegisterDetails(ServerStorage& storage) : m_storage(storage) {}
  Result<std::map<Uuid, RegisterDetails>> detailsOf(const std::vector<RegisterRow>& rows) override;

 private:
  ServerStorage& m_storage;
  std::optional<std::map<std::string, std::string>> m_names;
  std::optional<RegionCodeBook> m_regionCodes;
};

/// No details (every cell from the index only); for tests of the writers.
class NoRegisterDetails final : public RegisterDetailSource {
 public:
  Result<std::map<Uuid, RegisterDetails>> detailsOf(const std::vector<RegisterRow>&) override {
    return std::map<Uuid, RegisterDetails>();
  }
};

/// The details of one house from its records (building, inspections, rectifications), audit
/// entries (approve/appraisal, oldest first) and the accounts' names. Pure.
RegisterDetails registerDetails(const RegisterRow& row, const std::vector<StoredRecord>& records,
                                const std::vector<AuditEntry>& audit,
                                const std::map<std::string, std::string>& names);

/// forEachRegisterRow with the details: reads `pageSize` (<= 1000) rows, looks their details up
/// in one batch, then calls `fn` for each. A house missing from the details gets empty ones.
Status forEachDetailedRow(
    RegisterIndex& index, RegisterDetailSource& details, const RegisterFilter& filter,
    const std::function<Status(const RegisterRow&, const RegisterDetails&)>& fn,
    int pageSize = 1000);

}  // namespace anju::server
