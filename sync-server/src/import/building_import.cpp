#include "import/building_import.h"

#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "anju/enum_codes.h"
#include "anju/record_codec.h"
#include "anju/uuid.h"
#include "anju/validation.h"
#include "import/csv_reader.h"

namespace anju::server {
namespace {

const std::set<std::string> kRequired = {"区", "街道", "社区", "地址"};
const std::set<std::string> kOptional = {"产权人",   "联系电话", "建成年份", "地上层数",
                                         "地下层数", "结构类型", "建筑面积", "用途",
                                         "房屋编码", "纬度",     "经度"};

std::string trim(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

template <typename E, std::size_t N>
std::optional<E> parseCodeOrLabel(const std::string& text,
                                  std::optional<E> (*parse)(std::string_view), const E (&all)[N]) {
  if (auto byCode = parse(text)) return byCode;
  for (E e : all)
    if (label(e).zh == text) return e;
  return std::nullopt;
}

constexpr StructureType kStructures[] = {StructureType::kBrickConcrete, StructureType::kBrickTimber,
                                         StructureType::kFrame,         StructureType::kEarthTimber,
                                         StructureType::kStoneTimber,   StructureType::kTimber,
                                         StructureType::kSteel,         StructureType::kOther};
constexpr BuildingUse kUses[] = {BuildingUse::kOwnerOccupied, BuildingUse::kRented,
                                 BuildingUse::kBusiness,      BuildingUse::kProduction,
                                 BuildingUse::kThreeInOne,    BuildingUse::kOther};

template <typename T>
bool parseNumber(const std::string& text, T& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// One row -> Building; problems are appended as "column: message".
Building rowToBuilding(const std::map<std::string, std::string>& row,
                       std::vector<std::string>& problems) {
  auto get = [&](const char* column) {
    const auto it = row.find(column);
    return it == row.end() ? std::string() : trim(it->second);
  };
  Building b;
  b.id = newUuid();
  b.region = {get("区"), get("街道"), get("社区")};
  b.address = get("地址");
  b.ownerName = get("产权人");
  b.ownerContact = get("联系电话");
  b.buildingCode = get("房屋编码");
  if (const std::string year = get("建成年份"); !year.empty()) {
    int y = 0;
    if (parseNumber(year, y))
      b.yearBuilt = y;
    else
      problems.push_back("建成年份: 不是整数 / not a whole number: " + year);
  }
  for (auto [column, target, fallback] :
       {std::tuple{"地上层数", &b.storeysAbove, 1}, std::tuple{"地下层数", &b.storeysBelow, 0}}) {
    const std::string text = get(column);
    if (text.empty())
      *target = fallback;
    else if (!parseNumber(text, *target))
      problems.push_back(std::string(column) + ": 不是整数 / not a whole number: " + text);
  }
  if (const std::string area = get("建筑面积"); !area.empty()) {
    double a = 0;
    if (parseNumber(area, a))
      b.floorAreaM2 = a;
    else
      problems.push_back("建筑面积: 不是数字 / not a number: " + area);
  }
  if (const std::string s = get("结构类型"); !s.empty()) {
    if (auto t = parseCodeOrLabel(s, &parseStructureType, kStructures))
      b.structure = *t;
    else
      problems.push_back("结构类型: 未知 / unknown structure type: " + s);
  }
  if (const std::string u = get("用途"); !u.empty()) {
    if (auto t = parseCodeOrLabel(u, &parseBuildingUse, kUses))
      b.use = *t;
    else
      problems.push_back("用途: 未知 / unknown use: " + u);
  }
  const std::string lat = get("纬度"), lon = get("经度");
  if (!lat.empty() || !lon.empty()) {
    GeoPoint p;
    if (parseNumber(lat, p.latitude) && parseNumber(lon, p.longitude))
      b.location = p;
    else
      problems.push_back("纬度/经度: 须同时填写数字 / both must be numbers");
  }
  return b;
}

}  // namespace

Result<ParsedRegister> parseBuildingRegister(std::string_view csvText, TimestampMs nowMs) {
  Result<std::vector<CsvRecord>> records = parseCsv(csvText);
  if (!records) return records.status();
  if (records->empty()) return Status::invalidArgument("文件为空 / the file is empty");

  ParsedRegister out;
  const std::vector<std::string>& header = records->front().fields;
  std::set<std::string> seen;
  for (const std::string& raw : header) {
    const std::string name = trim(raw);
    if (!seen.insert(name).second)
      return Status::invalidArgument("第 1 行 / line 1: 列名重复 / duplicate column " + name);
    if (!kRequired.count(name) && !kOptional.count(name)) out.ignoredColumns.push_back(name);
  }
  std::string missing;
  for (const std::string& name : kRequired)
    if (!seen.count(name)) missing += " " + name;
  if (!missing.empty())
    return Status::invalidArgument("第 1 行 / line 1: 缺少列 / missing columns:" + missing);

  std::vector<FieldError> errors;
  std::map<std::string, std::size_t> addresses;  // same house twice in one file is a mistake
  for (std::size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& rec = (*records)[r];
    std::map<std::string, std::string> row;
    for (std::size_t c = 0; c < header.size(); ++c) row[trim(header[c])] = rec.fields[c];
    std::vector<std::string> problems;
    Building b = rowToBuilding(row, problems);
    const Status valid = validateBuilding(b, nowMs);
    for (const FieldError& f : valid.fieldErrors()) problems.push_back(f.field + ": " + f.message);
    const std::string key =
        b.region.district + "/" + b.region.street + "/" + b.region.community + "/" + b.address;
    if (auto [it, fresh] = addresses.emplace(key, rec.line); !fresh)
      problems.push_back("地址与第 " + std::to_string(it->second) +
                         " 行重复 / same address as line " + std::to_string(it->second));
    const std::string where = "line " + std::to_string(rec.line);
    for (const std::string& p : problems) errors.push_back({where, p});
    if (problems.empty()) out.buildings.push_back(std::move(b));
  }
  if (!errors.empty()) {
    std::string msg = "导入失败,未导入任何房屋 / import failed, nothing imported:";
    for (const FieldError& e : errors) msg += "\n  " + e.field + ": " + e.message;
    return Status::invalidArgument(msg, errors);
  }
  return out;
}

Result<std::size_t> storeBuildings(ServerStorage& storage, HybridLogicalClock& hlc,
                                   const std::vector<Building>& buildings,
                                   const std::string& source) {
  Result<std::unique_ptr<SyncTransaction>> tx = storage.beginTransaction();
  if (!tx) return tx.status();
  const TimestampMs now = systemNowMs();
  for (const Building& b : buildings) {
    RecordWrite write;
    write.record.kind = "building";
    write.record.id = b.id;
    write.record.region = b.region;
    write.record.version = hlc.now();
    write.record.payload = encodeRecord(b);
    write.source = source;
    write.writtenAt = now;
    if (Result<std::int64_t> seq = (*tx)->putRecord(write); !seq) return seq.status();
  }
  if (Status s = (*tx)->commit(); !s) return s;
  return buildings.size();
}

}  // namespace anju::server
