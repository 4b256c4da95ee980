#include "import/region_code_import.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "import/csv_reader.h"
#include "register/region_code_book.h"

namespace anju::server {
namespace {

const char* const kColumns[] = {"区", "街道", "社区", "区划代码"};
constexpr const char* kCodeColumn = "区划代码";

std::string trim(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

using PathKey = std::tuple<std::string, std::string, std::string>;
PathKey keyOf(const RegionPath& r) { return {r.district, r.street, r.community}; }

struct Entry {
  RegionCode code;
  std::size_t line = 0;  // 0: stored, not in the file
};

// The problems found, reported in line order whichever check found them.
class Problems {
 public:
  void add(std::size_t line, const char* column, Message text) {
    m_errors.push_back(
        {line, fieldError("line " + std::to_string(line) + ": " + column, std::move(text))});
  }
  bool empty() const { return m_errors.empty(); }
  Status status() const {
    std::vector<std::pair<std::size_t, FieldError>> sorted = m_errors;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<FieldError> errors;
    for (auto& [line, error] : sorted) errors.push_back(std::move(error));
    return Status::invalidArgument(msg("regioncode.nothing_imported"), std::move(errors));
  }

 private:
  std::vector<std::pair<std::size_t, FieldError>> m_errors;
};

}  // namespace

Result<std::vector<RegionCode>> parseRegionCodes(std::string_view csvText,
                                                 const std::vector<RegionCode>& stored) {
  Result<std::vector<CsvRecord>> records = parseCsv(csvText);
  if (!records) return records.status();
  if (records->empty()) return Status::invalidArgument(msg("import.file_empty"));
  std::map<std::string, std::size_t> column;
  const std::vector<std::string>& header = records->front().fields;
  for (std::size_t c = 0; c < header.size(); ++c)
    if (!column.emplace(trim(header[c]), c).second)
      return Status::invalidArgument(msg("import.duplicate_column", {{"column", trim(header[c])}}));
  std::string missing;
  for (const char* name : kColumns)
    if (!column.count(name)) missing += std::string(" ") + name;
  if (!missing.empty())
    return Status::invalidArgument(msg("import.missing_columns", {{"columns", missing}}));

  // The file's rows, each checked on its own.
  Problems problems;
  std::vector<Entry> fromFile;
  std::map<PathKey, std::size_t> lineOf;
  for (std::size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& rec = (*records)[r];
    auto get = [&](const char* name) { return trim(rec.fields[column.at(name)]); };
    Entry e{{{get("区"), get("街道"), get("社区")}, get(kCodeColumn)}, rec.line};
    const RegionPath& path = e.code.region;
    if (path.district.empty()) {
      problems.add(rec.line, "区", msg("validation.district_missing"));
      continue;
    }
    if (path.street.empty() && !path.community.empty()) {
      problems.add(rec.line, "街道", msg("regioncode.community_without_street"));
      continue;
    }
    if (auto [it, fresh] = lineOf.emplace(keyOf(path), rec.line); !fresh) {
      problems.add(rec.line, kCodeColumn,
                   msg("regioncode.region_twice", {{"line", std::to_string(it->second)}}));
      continue;
    }
    if (auto bad = regionCodeFormatProblem(regionLevel(path), e.code.code)) {
      problems.add(rec.line, kCodeColumn, std::move(*bad));
      continue;
    }
    fromFile.push_back(std::move(e));
  }

  // The codes as they would be after the import: stored ones, replaced by the file's.
  std::map<PathKey, Entry> merged;
  for (const RegionCode& c : stored) merged[keyOf(c.region)] = Entry{c, 0};
  for (const Entry& e : fromFile) merged[keyOf(e.code.region)] = e;

  // Each code whose check involves the file: its prefix against its parent's.
  for (const auto& [key, e] : merged) {
    const RegionLevel level = regionLevel(e.code.region);
    if (level == RegionLevel::kDistrict) continue;
    const RegionPath parentPath = parentRegion(e.code.region);
    auto parent = merged.find(keyOf(parentPath));
    if (parent == merged.end()) {
      if (e.line != 0)
        problems.add(e.line, kCodeColumn,
                     msg("regioncode.no_parent_code", {{"parent", regionPathText(parentPath)}}));
      continue;
    }
    const std::size_t n = parentPrefixLength(level);
    const std::string& parentCode = parent->second.code.code;
    if (e.code.code.compare(0, n, parentCode, 0, n) == 0) continue;
    if (e.line != 0)
      problems.add(e.line, kCodeColumn,
                   msg("regioncode.prefix_mismatch", {{"code", e.code.code},
                                                      {"parent", regionPathText(parentPath)},
                                                      {"parent_code", parentCode},
                                                      {"prefix", parentCode.substr(0, n)}}));
    else if (parent->second.line != 0)  // a stored child the file's new parent code orphans
      problems.add(parent->second.line, kCodeColumn,
                   msg("regioncode.child_mismatch",
                       {{"child", regionPathText(e.code.region)}, {"code", e.code.code}}));
  }
  // No code names two regions.
  std::map<std::string, const Entry*> holder;
  for (const auto& [key, e] : merged) {
    auto [it, fresh] = holder.emplace(e.code.code, &e);
    if (fresh) continue;
    const Entry& other = *it->second;
    const Entry& inFile = e.line != 0 ? e : other;
    const Entry& clash = e.line != 0 ? other : e;
    problems.add(inFile.line, kCodeColumn,
                 msg("regioncode.code_taken",
                     {{"code", e.code.code}, {"region", regionPathText(clash.code.region)}}));
  }
  if (!problems.empty()) return problems.status();
  std::vector<RegionCode> out;
  out.reserve(fromFile.size());
  for (Entry& e : fromFile) out.push_back(std::move(e.code));
  return out;
}

}  // namespace anju::server
