#include "anju/message.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>

#include "messages/catalogue.h"

namespace anju {
namespace {

std::vector<MessageText> joinCatalogue() {
  std::vector<MessageText> all;
  for (auto part :
       {messages::validationMessages(), messages::storeMessages(), messages::syncClientMessages(),
        messages::checklistMessages(), messages::serverMessages(), messages::serverAdminMessages(),
        messages::labelMessages()})
    all.insert(all.end(), part.begin(), part.end());
  std::sort(all.begin(), all.end(),
            [](const MessageText& a, const MessageText& b) { return a.id < b.id; });
  return all;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The weight of one Accept-Language element "range;q=0.8" (1 without q, 0 when unreadable).
double weightOf(std::string_view params) {
  const std::size_t q = params.find("q=");
  if (q == std::string_view::npos) return 1.0;
  std::string_view value = trim(params.substr(q + 2));
  double weight = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), weight);
  return ec == std::errc() ? weight : 0.0;
}

bool rangeIs(std::string_view range, std::string_view language) {
  if (range.size() < language.size()) return false;
  for (std::size_t i = 0; i < language.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(range[i])) != language[i]) return false;
  return range.size() == language.size() || range[language.size()] == '-';
}

}  // namespace

const std::vector<MessageText>& messageCatalogue() {
  static const std::vector<MessageText> catalogue = joinCatalogue();
  return catalogue;
}

const MessageText* findMessage(std::string_view id) {
  const std::vector<MessageText>& all = messageCatalogue();
  auto it = std::lower_bound(all.begin(), all.end(), id,
                             [](const MessageText& m, std::string_view key) { return m.id < key; });
  return it != all.end() && it->id == id ? &*it : nullptr;
}

std::string fillPlaceholders(std::string_view pattern, const std::vector<MessageParam>& params,
                             Locale locale) {
  std::string out;
  out.reserve(pattern.size());
  std::size_t i = 0;
  while (i < pattern.size()) {
    const std::size_t open = pattern.find('{', i);
    const std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(pattern.substr(i, open - i));
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    auto p = std::find_if(params.begin(), params.end(),
                          [&](const MessageParam& mp) { return mp.name == name; });
    if (p != params.end())
      out += p->isMessageId ? render(Message{p->value, {}}, locale) : p->value;
    else
      out.append(pattern.substr(open, close - open + 1));
    i = close + 1;
  }
  if (i < pattern.size()) out.append(pattern.substr(i));
  return out;
}

std::string render(const Message& message, Locale locale) {
  if (const MessageText* text = findMessage(message.id))
    return fillPlaceholders(locale == Locale::kEnglish ? text->en : text->zh, message.params,
                            locale);
  std::string out = message.id;
  for (const MessageParam& p : message.params) out += " " + p.name + "=" + p.value;
  return out;
}

Locale localeFromAcceptLanguage(std::string_view header) {
  double zh = -1;
  double en = -1;
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view element = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const std::size_t semi = element.find(';');
    const std::string_view range = trim(element.substr(0, semi));
    const double weight = semi == std::string_view::npos ? 1.0 : weightOf(element.substr(semi + 1));
    if (rangeIs(range, "zh")) zh = std::max(zh, weight);
    if (rangeIs(range, "en")) en = std::max(en, weight);
  }
  return en > 0 && en > zh ? Locale::kEnglish : Locale::kChinese;
}

Locale terminalLocale() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    return std::string_view(value).substr(0, 2) == "en" ? Locale::kEnglish : Locale::kChinese;
  }
  return Locale::kChinese;
}

}  // namespace anju
