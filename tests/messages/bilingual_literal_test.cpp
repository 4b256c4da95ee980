// No source file words a message as one "中文 / English" literal any more: messages are catalogue
// ids (docs/messages.md). This test scans the tree's string literals and fails on any such
// literal, including the split forms ("…中文 / " + "English…", "“x” / review cannot …").
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "source_tree.h"

namespace anju {
namespace {

struct Literal {
  std::size_t offset;
  std::string text;
};

// The string literals of C++, JavaScript and QML source, outside comments.
std::vector<Literal> literalsOf(const std::string& src) {
  std::vector<Literal> out;
  std::size_t i = 0;
  while (i < src.size()) {
    const char c = src[i];
    if (c == '/' && i + 1 < src.size() && src[i + 1] == '/') {
      i = src.find('\n', i);
      if (i == std::string::npos) break;
    } else if (c == '/' && i + 1 < src.size() && src[i + 1] == '*') {
      i = src.find("*/", i + 2);
      if (i == std::string::npos) break;
      i += 2;
    } else if (c == '"' || c == '\'' || c == '`') {
      std::size_t j = i + 1;
      std::string text;
      while (j < src.size() && src[j] != c && (c == '`' || src[j] != '\n')) {
        if (src[j] == '\\' && j + 1 < src.size()) text += src[j++];
        text += src[j++];
      }
      out.push_back({i, text});
      i = j + 1;
    } else {
      ++i;
    }
  }
  return out;
}

// " / English" after Chinese in one literal; a literal that opens with "/ English" right after
// a Chinese literal; or a Chinese literal that ends in " / " (English follows in the next one).
bool isBilingual(const Literal& lit, const Literal* previous) {
  // A slash after a space or closing Chinese punctuation, then Latin: not a path or "a/b".
  static const std::regex kSlashThenLatin(R"((?:\s|）|”|」)/\s?[A-Za-z])");
  static const std::regex kOpensWithSlash(R"(^[^A-Za-z0-9/]*/ [A-Za-z])");
  static const std::regex kEndsWithSlash(R"(\s/\s?$)");
  std::smatch m;
  if (std::regex_search(lit.text, m, kSlashThenLatin) &&
      containsHan(lit.text.substr(0, static_cast<std::size_t>(m.position(0)))))
    return true;
  if (containsHan(lit.text) && std::regex_search(lit.text, kEndsWithSlash)) return true;
  return previous && containsHan(previous->text) && lit.offset - previous->offset < 240 &&
         std::regex_search(lit.text, kOpensWithSlash);
}

std::vector<std::string> bilingualLiteralsIn(const std::string& src) {
  std::vector<std::string> found;
  const std::vector<Literal> literals = literalsOf(src);
  for (std::size_t k = 0; k < literals.size(); ++k)
    if (isBilingual(literals[k], k ? &literals[k - 1] : nullptr)) found.push_back(literals[k].text);
  return found;
}

TEST(BilingualLiteralScan, FindsEveryShapeOfABilingualLiteral) {
  EXPECT_EQ(bilingualLiteralsIn(R"(f("缺少街道 / street is missing");)").size(), 1u);
  EXPECT_EQ(bilingualLiteralsIn(R"(f("构件数无效（危险 " + n + "）/ invalid counts");)").size(),
            1u);
  EXPECT_EQ(bilingualLiteralsIn(R"(f("状态不能从“" + a + "” / review cannot move");)").size(), 1u);
  EXPECT_EQ(bilingualLiteralsIn(R"(f("未导入任何房屋 / " + "building #" + n);)").size(), 1u);
  EXPECT_EQ(bilingualLiteralsIn("const t = '没有此页面 / no such page';").size(), 1u);
}

TEST(BilingualLiteralScan, LeavesOrdinaryTextAlone) {
  EXPECT_TRUE(bilingualLiteralsIn(R"(f("加权危险构件 / 加权构件 = "); g("a / b");)").empty());
  EXPECT_TRUE(bilingualLiteralsIn(R"(f("区/街道/社区"); h("http://x/y");)").empty());
  EXPECT_TRUE(bilingualLiteralsIn("// 注释 / a comment\nint x; /* 中文 / English */").empty());
  EXPECT_TRUE(bilingualLiteralsIn(R"(f("房屋", "building"); g("（serious / some）");)").empty());
}

TEST(BilingualLiteralScan, NoSourceFileHoldsAChineseSlashEnglishLiteral) {
  int scanned = 0;
  for (const std::filesystem::path& file :
       sourceFiles({"core", "sync-server", "app/src", "app/qml", "app/tests", "tests", "bench"})) {
    // Every folder is scanned: the last exempted ones (sync-server/src/storage/ and register/,
    // rewritten into one SQL layer when the catalogue arrived) now use catalogue ids too.
    const std::string name = relativeName(file);
    // This test's own samples are bilingual on purpose.
    if (name == "tests/messages/bilingual_literal_test.cpp") continue;
    ++scanned;
    for (const std::string& text : bilingualLiteralsIn(readFile(file)))
      ADD_FAILURE() << name << ": \"" << text
                    << "\" — use a message id (docs/messages.md) instead of \"中文 / English\"";
  }
  EXPECT_GT(scanned, 100);
}

}  // namespace
}  // namespace anju
