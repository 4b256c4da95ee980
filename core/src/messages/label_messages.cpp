// Message catalogue: Labels of codes shown to people: record kinds, rule ids, audit actions.
// One line per id: {id, Chinese, English}; both texts use the same {placeholders}.
// See docs/messages.md for how to add one.
#include "messages/catalogue.h"

namespace anju::messages {
namespace {

constexpr MessageText kMessages[] = {
    {"kind.building", "房屋", "building"},
    {"kind.inspection", "排查记录", "inspection"},
    {"kind.photo", "照片", "photo"},
    {"kind.rectification", "整治记录", "rectification"},
};

}  // namespace

std::span<const MessageText> labelMessages() { return kMessages; }

}  // namespace anju::messages
