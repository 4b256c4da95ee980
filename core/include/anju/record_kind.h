// RecordKind: the five kinds of record the tablet and the server keep and sync.
//
// Each kind has one stable code ("building", "inspection", "photo", "rectification", "visit"),
// the text the databases' kind columns and the sync protocol's `kind` fields carry; it never
// changes meaning. This file is the only place that spells them: code that holds a kind holds a
// RecordKind, and text becomes one only through parseRecordKind, which refuses a code this build
// does not know (nullopt) so each boundary can report it instead of guessing.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "anju/message.h"

namespace anju {

enum class RecordKind { kBuilding, kInspection, kPhoto, kRectification, kVisit };

/// Every kind, in declaration order (for tests and tables that cover them all).
inline constexpr std::array<RecordKind, 5> kRecordKinds = {
    RecordKind::kBuilding, RecordKind::kInspection, RecordKind::kPhoto, RecordKind::kRectification,
    RecordKind::kVisit};

/// The kind's code as stored and sent.
std::string_view recordKindCode(RecordKind kind);
/// The kind of `code`; nullopt for anything else (case, spaces and unknown codes included).
std::optional<RecordKind> parseRecordKind(std::string_view code);
/// The message id of the kind's name for people ("kind.photo"), for messageRef (message.h).
std::string_view recordKindLabelId(RecordKind kind);
/// The message parameter {kind} naming the kind in the reader's language:
/// msg("store.no_record", {recordKindParam(kind), {"id", id}}).
inline MessageParam recordKindParam(RecordKind kind) {
  return messageRef("kind", std::string(recordKindLabelId(kind)));
}

}  // namespace anju
