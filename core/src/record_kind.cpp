#include "anju/record_kind.h"

#include <cstddef>

namespace anju {
namespace {

struct KindRow {
  RecordKind kind;
  std::string_view code;
  std::string_view labelId;  // catalogue entry in messages/label_messages.cpp
};

// Indexed by the enumerator's value; the static_asserts keep the two in step.
constexpr std::array<KindRow, kRecordKinds.size()> kTable = {{
    {RecordKind::kBuilding, "building", "kind.building"},
    {RecordKind::kInspection, "inspection", "kind.inspection"},
    {RecordKind::kPhoto, "photo", "kind.photo"},
    {RecordKind::kRectification, "rectification", "kind.rectification"},
    {RecordKind::kVisit, "visit", "kind.visit"},
}};

constexpr bool rowsInEnumOrder() {
  for (std::size_t i = 0; i < kTable.size(); ++i) {
    if (kTable[i].kind != kRecordKinds[i] || static_cast<std::size_t>(kTable[i].kind) != i)
      return false;
  }
  return true;
}
static_assert(rowsInEnumOrder());
static_assert(static_cast<std::size_t>(RecordKind::kVisit) + 1 == kTable.size());

const KindRow& rowOf(RecordKind kind) { return kTable.at(static_cast<std::size_t>(kind)); }

}  // namespace

std::string_view recordKindCode(RecordKind kind) { return rowOf(kind).code; }

std::optional<RecordKind> parseRecordKind(std::string_view code) {
  for (const KindRow& row : kTable) {
    if (row.code == code) return row.kind;
  }
  return std::nullopt;
}

std::string_view recordKindLabelId(RecordKind kind) { return rowOf(kind).labelId; }

}  // namespace anju
