#include "anju/natural_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace anju {
namespace {

std::vector<std::string> sortedNaturally(std::vector<std::string> texts) {
  std::sort(texts.begin(), texts.end(), [](const std::string& a, const std::string& b) {
    return naturalSortKey(a) < naturalSortKey(b);
  });
  return texts;
}

TEST(NaturalSort, HouseNumbersSortByValue) {
  EXPECT_EQ(sortedNaturally({"光明街12号", "光明街13号", "光明街1号", "光明街20号", "光明街2号"}),
            (std::vector<std::string>{"光明街1号", "光明街2号", "光明街12号", "光明街13号",
                                      "光明街20号"}));
}

TEST(NaturalSort, EveryNumberInTheAddressCounts) {
  EXPECT_EQ(sortedNaturally({"幸福路10号3栋", "幸福路2号10栋", "幸福路2号9栋", "幸福路10号12栋"}),
            (std::vector<std::string>{"幸福路2号9栋", "幸福路2号10栋", "幸福路10号3栋",
                                      "幸福路10号12栋"}));
}

TEST(NaturalSort, TextBeforeAndAroundNumbersKeepsByteOrder) {
  // Roads still group by name; a number sorts where its first digit did against other text.
  EXPECT_EQ(sortedNaturally({"和平巷3号", "光明街10号", "和平巷1号", "光明街9号"}),
            (std::vector<std::string>{"光明街9号", "光明街10号", "和平巷1号", "和平巷3号"}));
  EXPECT_EQ(sortedNaturally({"A10", "A-1", "A9", "AB"}),
            (std::vector<std::string>{"A-1", "A9", "A10", "AB"}));
}

TEST(NaturalSort, FullwidthDigitsCountAsDigits) {
  EXPECT_EQ(naturalSortKey("光明街１２号"), naturalSortKey("光明街12号"));
  EXPECT_EQ(sortedNaturally({"光明街１２号", "光明街3号"}),
            (std::vector<std::string>{"光明街3号", "光明街１２号"}));
}

TEST(NaturalSort, LeadingZerosDoNotChangeTheValue) {
  EXPECT_EQ(naturalSortKey("7号"), naturalSortKey("007号"));
  EXPECT_LT(naturalSortKey("0号"), naturalSortKey("1号"));
  EXPECT_LT(naturalSortKey("09号"), naturalSortKey("10号"));
}

TEST(NaturalSort, VeryLongNumbersStayOrderedAndBounded) {
  const std::string a(150, '1');
  const std::string b = std::string(149, '1') + "2";
  EXPECT_LT(naturalSortKey(a), naturalSortKey(b));
  EXPECT_LT(naturalSortKey("9"), naturalSortKey(a));
}

TEST(NaturalSort, EmptyAndPlainTextAreUnchanged) {
  EXPECT_EQ(naturalSortKey(""), "");
  EXPECT_EQ(naturalSortKey("光明街"), "光明街");
  EXPECT_EQ(naturalSortKey("12"), "0212");
}

}  // namespace
}  // namespace anju
