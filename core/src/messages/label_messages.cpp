// Message catalogue: Labels of codes shown to people: record kinds, rule ids, audit actions.
// One line per id: {id, Chinese, English}; both texts use the same {placeholders}.
// See docs/messages.md for how to add one.
#include "messages/catalogue.h"

namespace anju::messages {
namespace {

// One entry per line, as in the other tables (clang-format would pack these short ones).
// clang-format off
constexpr MessageText kMessages[] = {
    // Record kinds (recordKindParam in anju/record_kind.h), one per RecordKind.
    {"kind.building", "房屋", "building"},
    {"kind.inspection", "排查记录", "inspection"},
    {"kind.photo", "照片", "photo"},
    {"kind.rectification", "整治记录", "rectification"},
    {"kind.visit", "走访记录", "visit"},
};
// clang-format on

}  // namespace

std::span<const MessageText> labelMessages() { return kMessages; }

}  // namespace anju::messages
