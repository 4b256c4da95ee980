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
const std::set<std::string> kOptional = {
    "产权人",   "联系电话", "建成年份", "地上层数", "地下层数",   "结构类型",
    "建筑面积", "用途",     "房屋编码", "纬度",     "经度",       "业态",
    "土地性质", "许可证照", "地质灾害", "消防隐患", "自建房编号", "普查房屋编号"};

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

// One of the platform's codes by its code or its Chinese label.
template <typename E>
std::optional<E> parsePlatformCode(const std::string& text,
                                   std::optional<E> (*parse)(std::string_view)) {
  if (auto byCode = parse(text)) return byCode;
  for (E e : allValues<E>())
    if (label(e).zh == text) return e;
  return std::nullopt;
}

// "a、b；c" -> {"a", "b", "c"}: the separators people type between options (、；; ,，|).
std::vector<std::string> splitOptions(const std::string& text) {
  static const char* const kSeparators[] = {"、", "；", "，", ";", ",", "|"};
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < text.size();) {
    bool separator = false;
    for (const char* sep : kSeparators) {
      const std::string_view s(sep);
      if (text.compare(i, s.size(), s) == 0) {
        out.push_back(trim(current));
        current.clear();
        i += s.size();
        separator = true;
        break;
      }
    }
    if (!separator) current += text[i++];
  }
  out.push_back(trim(current));
  std::erase(out, std::string());
  return out;
}

template <typename E>
void parseOptionList(const std::string& column, const std::string& text,
                     std::optional<E> (*parse)(std::string_view), std::vector<E>& out,
                     std::vector<std::pair<std::string, Message>>& problems) {
  for (const std::string& item : splitOptions(text)) {
    if (auto e = parsePlatformCode(item, parse))
      out.push_back(*e);
    else
      problems.push_back({column, msg("import.unknown_option", {{"value", item}})});
  }
}

// 许可证照: "规划许可：有；施工许可：无" (labels or codes; ：or : between permit and status).
void parsePermits(const std::string& text, std::vector<PermitStatus>& out,
                  std::vector<std::pair<std::string, Message>>& problems) {
  static const char* const kPairSeparators[] = {"：", ":"};
  for (const std::string& item : splitOptions(text)) {
    std::size_t at = std::string::npos, width = 0;
    for (const char* sep : kPairSeparators)
      if (std::size_t found = item.find(sep); found != std::string::npos) {
        at = found;
        width = std::string_view(sep).size();
        break;
      }
    if (at == std::string::npos) {
      problems.push_back({"许可证照", msg("import.permit_format", {{"value", item}})});
      continue;
    }
    const std::string permit = trim(item.substr(0, at)), state = trim(item.substr(at + width));
    auto p = parsePlatformCode(permit, &parsePermit);
    auto st = parsePlatformCode(state, &parsePermitState);
    if (!p) problems.push_back({"许可证照", msg("import.unknown_option", {{"value", permit}})});
    if (!st) problems.push_back({"许可证照", msg("import.unknown_option", {{"value", state}})});
    if (p && st) out.push_back({*p, *st});
  }
}

template <typename T>
bool parseNumber(const std::string& text, T& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// One row -> Building; problems are appended as (column, message).
Building rowToBuilding(const std::map<std::string, std::string>& row,
                       std::vector<std::pair<std::string, Message>>& problems) {
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
      problems.push_back({"建成年份", msg("import.not_whole_number", {{"value", year}})});
  }
  for (auto [column, target, fallback] :
       {std::tuple{"地上层数", &b.storeysAbove, 1}, std::tuple{"地下层数", &b.storeysBelow, 0}}) {
    const std::string text = get(column);
    if (text.empty())
      *target = fallback;
    else if (!parseNumber(text, *target))
      problems.push_back({column, msg("import.not_whole_number", {{"value", text}})});
  }
  if (const std::string area = get("建筑面积"); !area.empty()) {
    double a = 0;
    if (parseNumber(area, a))
      b.floorAreaM2 = a;
    else
      problems.push_back({"建筑面积", msg("import.not_number", {{"value", area}})});
  }
  if (const std::string s = get("结构类型"); !s.empty()) {
    if (auto t = parseCodeOrLabel(s, &parseStructureType, kStructures))
      b.structure = *t;
    else
      problems.push_back({"结构类型", msg("import.unknown_structure", {{"value", s}})});
  }
  if (const std::string u = get("用途"); !u.empty()) {
    if (auto t = parseCodeOrLabel(u, &parseBuildingUse, kUses))
      b.use = *t;
    else
      problems.push_back({"用途", msg("import.unknown_use", {{"value", u}})});
  }
  if (const std::string t = get("业态"); !t.empty()) {
    if (auto v = parsePlatformCode(t, &parseBusinessType))
      b.businessType = *v;
    else
      problems.push_back({"业态", msg("import.unknown_option", {{"value", t}})});
  }
  if (const std::string t = get("土地性质"); !t.empty()) {
    if (auto v = parsePlatformCode(t, &parseLandType))
      b.landType = *v;
    else
      problems.push_back({"土地性质", msg("import.unknown_option", {{"value", t}})});
  }
  parsePermits(get("许可证照"), b.permits, problems);
  parseOptionList("地质灾害", get("地质灾害"), &parseGeoHazard, b.geoHazards, problems);
  parseOptionList("消防隐患", get("消防隐患"), &parseFireHazard, b.fireHazards, problems);
  // The platform's numbers as given, never parsed.
  b.platformHouseNumber = get("自建房编号");
  b.censusHouseNumber = get("普查房屋编号");
  const std::string lat = get("纬度"), lon = get("经度");
  if (!lat.empty() || !lon.empty()) {
    GeoPoint p;
    if (parseNumber(lat, p.latitude) && parseNumber(lon, p.longitude))
      b.location = p;
    else
      problems.push_back({"纬度/经度", msg("import.both_must_numbers")});
  }
  return b;
}

}  // namespace

Result<ParsedRegister> parseBuildingRegister(std::string_view csvText, TimestampMs nowMs) {
  Result<std::vector<CsvRecord>> records = parseCsv(csvText);
  if (!records) return records.status();
  if (records->empty()) return Status::invalidArgument(msg("import.file_empty"));

  ParsedRegister out;
  const std::vector<std::string>& header = records->front().fields;
  std::set<std::string> seen;
  for (const std::string& raw : header) {
    const std::string name = trim(raw);
    if (!seen.insert(name).second)
      return Status::invalidArgument(msg("import.duplicate_column", {{"column", name}}));
    if (!kRequired.count(name) && !kOptional.count(name)) out.ignoredColumns.push_back(name);
  }
  std::string missing;
  for (const std::string& name : kRequired)
    if (!seen.count(name)) missing += " " + name;
  if (!missing.empty())
    return Status::invalidArgument(msg("import.missing_columns", {{"columns", missing}}));

  std::vector<FieldError> errors;
  std::map<std::string, std::size_t> addresses;  // same house twice in one file is a mistake
  for (std::size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& rec = (*records)[r];
    std::map<std::string, std::string> row;
    for (std::size_t c = 0; c < header.size(); ++c) row[trim(header[c])] = rec.fields[c];
    std::vector<std::pair<std::string, Message>> problems;
    Building b = rowToBuilding(row, problems);
    const Status valid = validateBuilding(b, nowMs);
    for (const FieldError& f : valid.fieldErrors()) problems.push_back({f.field, f.text});
    const std::string key =
        b.region.district + "/" + b.region.street + "/" + b.region.community + "/" + b.address;
    if (auto [it, fresh] = addresses.emplace(key, rec.line); !fresh)
      problems.push_back(
          {"地址", msg("import.same_address", {{"line", std::to_string(it->second)}})});
    // The field names the row and column: "line 3: 社区".
    const std::string where = "line " + std::to_string(rec.line);
    for (auto& [column, text] : problems) errors.push_back(fieldError(where + ": " + column, text));
    if (problems.empty()) out.buildings.push_back(std::move(b));
  }
  if (!errors.empty()) {
    return Status::invalidArgument(msg("import.nothing_imported"), errors);
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
    write.record.kind = RecordKind::kBuilding;
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
