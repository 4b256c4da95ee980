// The one message catalogue (core/src/messages/): every entry words its message in Chinese and
// in English with the same placeholders, every id the code uses is in it, and rendering fills
// parameters in the language asked for.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "anju/message.h"
#include "anju/record_kind.h"
#include "anju/status.h"
#include "source_tree.h"

namespace anju {
namespace {

// The placeholders of a text, with a language's own version of a value ("{label_zh}" and
// "{label_en}", "{zh}" and "{en}": data the code words in both languages) counted as one.
std::set<std::string> placeholdersOf(std::string_view text) {
  std::set<std::string> out;
  static const std::regex kPlaceholder(R"(\{([a-z_]+)\})");
  static const std::regex kLanguageSuffix(R"((^|_)(zh|en)$)");
  const std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), kPlaceholder);
       it != std::sregex_iterator(); ++it)
    out.insert(std::regex_replace((*it)[1].str(), kLanguageSuffix, ""));
  return out;
}

std::string withoutPlaceholders(std::string_view text) {
  static const std::regex kPlaceholder(R"(\{[a-z_]+\})");
  return std::regex_replace(std::string(text), kPlaceholder, "");
}

bool hasAsciiLetter(std::string_view text) {
  for (char c : text)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return false;
}

TEST(MessageCatalogue, IdsAreUniqueAndWellFormed) {
  const std::regex kId(R"([a-z]+\.[a-z0-9_]+)");
  std::set<std::string_view> seen;
  for (const MessageText& m : messageCatalogue()) {
    EXPECT_TRUE(seen.insert(m.id).second) << "id used twice: " << m.id;
    EXPECT_TRUE(std::regex_match(std::string(m.id), kId)) << "malformed id: " << m.id;
  }
  EXPECT_GT(seen.size(), 100u);
}

// The Chinese UI shows no English message: every entry's Chinese text is Chinese (or only
// placeholders and symbols, e.g. "{value}"), and its English text is not empty.
TEST(MessageCatalogue, EveryMessageHasChineseAndEnglishText) {
  for (const MessageText& m : messageCatalogue()) {
    const std::string zh = withoutPlaceholders(m.zh);
    EXPECT_FALSE(m.zh.empty()) << m.id;
    EXPECT_TRUE(containsHan(zh) || !hasAsciiLetter(zh))
        << m.id << ": the Chinese text is not Chinese: " << m.zh;
    EXPECT_FALSE(m.en.empty()) << m.id;
    EXPECT_TRUE(hasAsciiLetter(withoutPlaceholders(m.en)) || !containsHan(m.en))
        << m.id << ": the English text is not English: " << m.en;
    EXPECT_EQ(placeholdersOf(m.zh), placeholdersOf(m.en))
        << m.id << ": the two languages use different placeholders";
  }
}

// Every id the code names — msg("…"), messageRef(…, "…") — is in the catalogue, so no error the
// server or core can produce shows up as a bare id.
TEST(MessageCatalogue, EveryIdUsedInTheCodeIsInTheCatalogue) {
  const std::regex kUse(R"re((?:msg|messageRef)\((?:"[a-z_]+",\s*)?"([a-z]+\.[a-z0-9_]+)")re");
  int uses = 0;
  for (const std::filesystem::path& file : sourceFiles({"core", "sync-server/src", "app/src"})) {
    const std::string text = readFile(file);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kUse);
         it != std::sregex_iterator(); ++it) {
      ++uses;
      EXPECT_NE(findMessage((*it)[1].str()), nullptr)
          << relativeName(file) << " uses an id missing from the catalogue: " << (*it)[1];
    }
  }
  EXPECT_GT(uses, 200);
}

// Ids built at run time: the label of each record kind (recordKindParam, record_kind.h).
TEST(MessageCatalogue, EveryRecordKindHasALabel) {
  for (const char* kind : {"building", "inspection", "photo", "rectification", "visit"})
    EXPECT_NE(findMessage(std::string("kind.") + kind), nullptr) << kind;
  for (RecordKind kind : kRecordKinds)
    EXPECT_NE(findMessage(std::string(recordKindLabelId(kind))), nullptr) << recordKindCode(kind);
}

TEST(MessageRender, FillsParametersInTheLanguageAsked) {
  const Message m = msg("validation.year_built_future", {{"year", "2026"}});
  EXPECT_EQ(render(m, Locale::kChinese), "建成年份不能晚于今年（2026）");
  EXPECT_EQ(render(m, Locale::kEnglish), "year built cannot be after this year (2026)");
}

TEST(MessageRender, AMessageRefParameterIsWordedInTheSameLanguage) {
  const Message m = msg("store.no_record", {messageRef("kind", "kind.photo"), {"id", "x1"}});
  EXPECT_EQ(render(m, Locale::kChinese), "记录不存在：照片 x1");
  EXPECT_EQ(render(m, Locale::kEnglish), "no photo with id x1");
}

TEST(MessageRender, AnUnknownIdShowsTheIdAndParametersRatherThanNothing) {
  EXPECT_EQ(render(msg("nope.missing", {{"a", "1"}}), Locale::kChinese), "nope.missing a=1");
}

TEST(MessageRender, AMissingParameterLeavesItsPlaceholder) {
  EXPECT_EQ(fillPlaceholders("a {x} b {y}", {{"x", "1"}}, Locale::kChinese), "a 1 b {y}");
}

TEST(StatusMessage, AnIdStatusKeepsItsIdAndReadsChineseAsMessage) {
  const Status s = Status::notFound(msg("access.no_such_building", {{"id", "b1"}}));
  EXPECT_EQ(s.text().id, "access.no_such_building");
  EXPECT_EQ(s.message(), "没有此房屋：b1");
  EXPECT_EQ(describe(s, Locale::kEnglish), "no such building: b1");
}

TEST(StatusMessage, DescribeJoinsTheFieldProblemsInTheLanguageAsked) {
  const Status s =
      Status::invalidArgument(msg("validation.invalid_building"),
                              {fieldError("region.street", msg("validation.street_missing")),
                               fieldError("address", msg("validation.address_missing"))});
  EXPECT_EQ(describe(s, Locale::kChinese), "房屋信息有误：缺少街道；缺少详细地址");
  EXPECT_EQ(describe(s, Locale::kEnglish),
            "invalid building: street is missing; address is missing");
}

TEST(StatusMessage, AFreeTextStatusIsDescribedAsWritten) {
  EXPECT_EQ(describe(Status::ioError("disk gone"), Locale::kEnglish), "disk gone");
}

TEST(AcceptLanguage, ChineseUnlessEnglishIsPreferred) {
  EXPECT_EQ(localeFromAcceptLanguage(""), Locale::kChinese);
  EXPECT_EQ(localeFromAcceptLanguage("en"), Locale::kEnglish);
  EXPECT_EQ(localeFromAcceptLanguage("en-US,en;q=0.9"), Locale::kEnglish);
  EXPECT_EQ(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"), Locale::kChinese);
  EXPECT_EQ(localeFromAcceptLanguage("en;q=0.5, zh-CN;q=0.8"), Locale::kChinese);
  EXPECT_EQ(localeFromAcceptLanguage("fr, EN-gb;q=0.7"), Locale::kEnglish);
  EXPECT_EQ(localeFromAcceptLanguage("de"), Locale::kChinese);
  EXPECT_EQ(localeFromAcceptLanguage("english"), Locale::kChinese);  // not a range "en"
  EXPECT_EQ(localeFromAcceptLanguage("en;q=0"), Locale::kChinese);   // q=0: not acceptable
  EXPECT_EQ(localeFromAcceptLanguage(";;,q=,en;q=abc"), Locale::kChinese);
}

}  // namespace
}  // namespace anju
