// Message: what went wrong, for people, as a stable id from the one message catalogue plus named
// parameters — never as finished text. Each surface turns the id into words of its language:
// core and the server with render() below, the app through the same catalogue (localized.h), the
// review console through /console/api/messages (docs/messages.md).
//
// Catalogue texts use "{name}" placeholders, e.g. id "validation.year_built_future" is
// "建成年份不能晚于今年 ({year})" / "year built cannot be after this year ({year})". All functions
// here are thread-safe; the catalogue is immutable after its first use.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace anju {

struct MessageParam {
  std::string name;
  std::string value;
  /// When set, `value` is the id of another catalogue message (without parameters), rendered in
  /// the same language: msg("sync.server_refused", {messageRef("action", "sync.push")}).
  bool isMessageId = false;
  bool operator==(const MessageParam&) const = default;
};

inline MessageParam messageRef(std::string name, std::string id) {
  return MessageParam{std::move(name), std::move(id), true};
}

struct Message {
  std::string id;  // catalogue id, "area.what", e.g. "validation.latitude_range"; empty = none
  std::vector<MessageParam> params;
  bool empty() const { return id.empty(); }
  bool operator==(const Message&) const = default;
};

/// A message with parameters: msg("push.unknown_building", {{"id", buildingId}}).
inline Message msg(std::string id, std::vector<MessageParam> params = {}) {
  return Message{std::move(id), std::move(params)};
}

enum class Locale { kChinese, kEnglish };

/// One catalogue entry: the id and its text in both languages, with the same placeholders.
struct MessageText {
  std::string_view id;
  std::string_view zh;
  std::string_view en;
};

/// The entry for `id`, or nullptr when the catalogue has no such id.
const MessageText* findMessage(std::string_view id);
/// Every entry, sorted by id (for tests, the console's catalogue and docs).
const std::vector<MessageText>& messageCatalogue();

/// The text of `message` in `locale` with its parameters filled in. An id missing from the
/// catalogue renders as the id followed by its parameters, so nothing is silently dropped.
std::string render(const Message& message, Locale locale);
/// Fills "{name}" placeholders of `pattern` from `params` in `locale`; unknown placeholders stay
/// as written.
std::string fillPlaceholders(std::string_view pattern, const std::vector<MessageParam>& params,
                             Locale locale);

/// The language an HTTP Accept-Language header asks for: English when an "en" range has a
/// higher weight than any "zh" range, Chinese otherwise (also for an empty or unreadable header).
Locale localeFromAcceptLanguage(std::string_view header);

/// The language for command-line tools: English when LC_ALL, LC_MESSAGES or LANG (the first one
/// set) starts with "en", Chinese otherwise.
Locale terminalLocale();

}  // namespace anju
