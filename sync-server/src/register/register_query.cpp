#include "register/register_query.h"

#include <charconv>
#include <chrono>

#include "anju/enum_codes.h"
#include "anju/message.h"
#include "anju/status.h"
#include "util/utf8_text.h"

namespace anju::server {
namespace {

constexpr char kKeySeparator = '\x1f';  // cannot occur in a region name, address or id

// The parameters parseRegisterFilter reads.
constexpr const char* kFilterParams[] = {"district",    "street",        "community", "judgment",
                                         "review",      "rectification", "from",      "to",
                                         "not_visited", "closure",       "q"};

// The search box takes a name, a phone number, a code or part of an address, not a document.
constexpr std::size_t kMaxSearchBytes = 200;
constexpr std::size_t kMaxSearchTerms = 8;

std::optional<std::int64_t> parseInt(std::string_view text) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

/// "YYYY-MM-DD" as UTC ms at the start of that day in China Standard Time (UTC+8, where the
/// registers are kept and the times shown); or plain UTC ms.
std::optional<TimestampMs> parseDay(std::string_view text, bool endOfDay) {
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    auto y = parseInt(text.substr(0, 4)), m = parseInt(text.substr(5, 2)),
         d = parseInt(text.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    const std::chrono::year_month_day day{std::chrono::year(static_cast<int>(*y)),
                                          std::chrono::month(static_cast<unsigned>(*m)),
                                          std::chrono::day(static_cast<unsigned>(*d))};
    if (!day.ok()) return std::nullopt;
    auto start =
        std::chrono::sys_days(day) + std::chrono::days(endOfDay ? 1 : 0) - std::chrono::hours(8);
    return std::chrono::duration_cast<std::chrono::milliseconds>(start.time_since_epoch()).count();
  }
  return parseInt(text);
}

}  // namespace

std::vector<std::string> searchTerms(std::string_view text) {
  static constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  std::vector<std::string> terms(1);
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (text.substr(i, kIdeographicSpace.size()) == kIdeographicSpace) {
      i += kIdeographicSpace.size();
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
               c == '%' || c == '_' || c == '\\') {
      ++i;
    } else {
      terms.back() += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      ++i;
      continue;
    }
    if (!terms.back().empty()) terms.emplace_back();
  }
  if (terms.back().empty()) terms.pop_back();
  return terms;
}

std::string encodeInboxKey(const InboxKey& key) {
  return std::to_string(key.inspectedAt) + "." + key.buildingId;
}

std::optional<InboxKey> decodeInboxKey(std::string_view token) {
  const std::size_t dot = token.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::optional<std::int64_t> at = parseInt(token.substr(0, dot));
  const std::string_view id = token.substr(dot + 1);
  // Made only from stored ids: anything else was forged or damaged (see decodeRegisterKey).
  if (!at || id.empty() || !isCleanUtf8Text(id)) return std::nullopt;
  return InboxKey{*at, std::string(id)};
}

RegisterKey keyOf(const RegisterRow& row) { return {row.region, row.address, row.buildingId}; }

std::string encodeRegisterKey(const RegisterKey& key) {
  const std::string joined = key.region.district + kKeySeparator + key.region.street +
                             kKeySeparator + key.region.community + kKeySeparator + key.address +
                             kKeySeparator + key.buildingId;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(joined.size() * 2);
  for (unsigned char c : joined) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

std::optional<RegisterKey> decodeRegisterKey(std::string_view token) {
  if (token.empty() || token.size() % 2 != 0) return std::nullopt;
  std::string bytes;
  for (std::size_t i = 0; i < token.size(); i += 2) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(token.data() + i, token.data() + i + 2, value, 16);
    if (ec != std::errc() || end != token.data() + i + 2) return std::nullopt;
    bytes += static_cast<char>(value);
  }
  // A token is only ever made from stored text, so anything else was forged or damaged; passed
  // on, invalid UTF-8 makes PostgreSQL fail the query and a NUL would cut the text short.
  if (!isCleanUtf8Text(bytes)) return std::nullopt;
  std::vector<std::string> parts(1);
  for (char c : bytes) {
    if (c == kKeySeparator)
      parts.emplace_back();
    else
      parts.back() += c;
  }
  if (parts.size() != 5 || parts[4].empty()) return std::nullopt;
  return RegisterKey{{parts[0], parts[1], parts[2]}, parts[3], parts[4]};
}

Result<RegisterFilter> parseRegisterFilter(const std::map<std::string, std::string>& params,
                                           RegionFilter scope) {
  RegisterFilter filter;
  filter.scope = std::move(scope);
  std::vector<FieldError> errors;
  // Checked first, so no message below quotes bytes that cannot be shown, and no database is
  // asked to match them (PostgreSQL fails on invalid UTF-8; a NUL would cut the text short).
  for (const char* name : kFilterParams) {
    auto it = params.find(name);
    if (it != params.end() && !isCleanUtf8Text(it->second))
      errors.push_back(fieldError(name, msg("query.text_not_clean")));
  }
  if (!errors.empty())
    return Status::invalidArgument(msg("query.invalid_filter"), std::move(errors));
  auto value = [&](const char* name) -> std::optional<std::string> {
    auto it = params.find(name);
    if (it == params.end() || it->second.empty()) return std::nullopt;
    return it->second;
  };
  filter.district = value("district").value_or("");
  filter.street = value("street").value_or("");
  filter.community = value("community").value_or("");
  if ((!filter.street.empty() && filter.district.empty()) ||
      (!filter.community.empty() && filter.street.empty()))
    errors.push_back(fieldError("community", msg("query.region_needs_parent")));
  if (auto j = value("judgment")) {
    if (parsePreliminaryJudgment(*j))
      filter.judgment = *j;
    else
      errors.push_back(fieldError("judgment", msg("query.unknown_judgment", {{"value", *j}})));
  }
  if (auto r = value("review")) {
    if (parseReviewState(*r))
      filter.review = *r;
    else
      errors.push_back(fieldError("review", msg("query.unknown_review_state", {{"value", *r}})));
  }
  if (auto r = value("rectification")) {
    if (*r == "none" || parseRectificationStatus(*r))
      filter.rectification = *r;
    else
      errors.push_back(
          fieldError("rectification", msg("query.unknown_rectification_status", {{"value", *r}})));
  }
  if (auto from = value("from")) {
    filter.inspectedFrom = parseDay(*from, false);
    if (!filter.inspectedFrom) errors.push_back(fieldError("from", msg("query.bad_date")));
  }
  if (auto to = value("to")) {
    filter.inspectedTo = parseDay(*to, true);  // a day "to" includes that whole day
    if (!filter.inspectedTo) errors.push_back(fieldError("to", msg("query.bad_date")));
  }
  if (auto nv = value("not_visited")) {
    if (*nv == "1" || *nv == "true")
      filter.notVisitedOnly = true;
    else if (*nv != "0" && *nv != "false")
      errors.push_back(fieldError("not_visited", msg("query.must_be_flag")));
  }
  if (auto c = value("closure")) {
    if (*c == "open" || *c == "closed")
      filter.closure = *c;
    else
      errors.push_back(fieldError("closure", msg("query.unknown_closure", {{"value", *c}})));
  }
  if (auto q = value("q")) {
    filter.searchTerms = searchTerms(*q);
    if (q->size() > kMaxSearchBytes || filter.searchTerms.size() > kMaxSearchTerms)
      errors.push_back(fieldError(
          "q", msg("query.search_too_long", {{"max_terms", std::to_string(kMaxSearchTerms)}})));
  }
  if (!errors.empty())
    return Status::invalidArgument(msg("query.invalid_filter"), std::move(errors));
  return filter;
}

Status forEachRegisterRow(RegisterIndex& index, const RegisterFilter& filter,
                          const std::function<Status(const RegisterRow&)>& fn, int pageSize) {
  std::optional<RegisterKey> after;
  while (true) {
    Result<RegisterPage> page = index.queryRegister(filter, after, pageSize);
    if (!page) return page.status();
    for (const RegisterRow& row : page->rows) {
      if (Status s = fn(row); !s) return s;
    }
    if (!page->nextKey) return Status::ok();
    after = std::move(page->nextKey);
  }
}

}  // namespace anju::server
