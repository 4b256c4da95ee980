#include "import/csv_reader.h"

#include <gtest/gtest.h>

namespace anju::server {
namespace {

std::vector<std::vector<std::string>> fieldsOf(std::string_view text) {
  Result<std::vector<CsvRecord>> records = parseCsv(text);
  EXPECT_TRUE(records.isOk()) << records.status().toString();
  std::vector<std::vector<std::string>> out;
  if (records)
    for (const CsvRecord& r : *records) out.push_back(r.fields);
  return out;
}

std::string errorOf(std::string_view text) {
  Result<std::vector<CsvRecord>> records = parseCsv(text);
  EXPECT_FALSE(records.isOk());
  return records ? "" : describe(records.status(), Locale::kEnglish);
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReader, PlainFieldsAndLfOrCrlfLineEnds) {
  EXPECT_EQ(fieldsOf("a,b\n1,2\n"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(fieldsOf("a,b\r\n1,2\r\n"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(fieldsOf("a,b\r\n1,2"), (Rows{{"a", "b"}, {"1", "2"}}));  // no final line break
}

TEST(CsvReader, EmptyFieldsAreKept) {
  EXPECT_EQ(fieldsOf("a,,c\n,,\n"), (Rows{{"a", "", "c"}, {"", "", ""}}));
}

TEST(CsvReader, QuotedFieldsHoldCommasQuotesAndNewlines) {
  EXPECT_EQ(fieldsOf("地址,备注\n\"幸福路12号,东侧\",\"他说\"\"危险\"\"\"\n"),
            (Rows{{"地址", "备注"}, {"幸福路12号,东侧", "他说\"危险\""}}));
  EXPECT_EQ(fieldsOf("a,b\n\"line1\nline2\",x\r\n"), (Rows{{"a", "b"}, {"line1\nline2", "x"}}));
  EXPECT_EQ(fieldsOf("a\n\"\"\n"), (Rows{{"a"}, {""}}));
}

TEST(CsvReader, Utf8ByteOrderMarkIsSkipped) {
  EXPECT_EQ(fieldsOf("\xEF\xBB\xBF区,街道\n城关区,幸福街道\n"),
            (Rows{{"区", "街道"}, {"城关区", "幸福街道"}}));
}

TEST(CsvReader, BlankLinesAreSkipped) {
  EXPECT_EQ(fieldsOf("a,b\n\n1,2\n\r\n"), (Rows{{"a", "b"}, {"1", "2"}}));
}

TEST(CsvReader, RecordLineNumbersCountEmbeddedNewlines) {
  Result<std::vector<CsvRecord>> records = parseCsv("a,b\n\"x\ny\",1\n\nz,2\n");
  ASSERT_TRUE(records.isOk());
  ASSERT_EQ(records->size(), 3u);
  EXPECT_EQ((*records)[0].line, 1u);
  EXPECT_EQ((*records)[1].line, 2u);
  EXPECT_EQ((*records)[2].line, 5u);
}

TEST(CsvReader, QuoteInsideUnquotedFieldIsAnErrorWithLine) {
  const std::string msg = errorOf("a,b\n1,2\nab\"c,3\n");
  EXPECT_NE(msg.find("line 3"), std::string::npos) << msg;
}

TEST(CsvReader, TextAfterClosingQuoteIsAnError) {
  EXPECT_NE(errorOf("a,b\n\"x\"y,1\n").find("line 2"), std::string::npos);
}

TEST(CsvReader, UnterminatedQuoteReportsWhereItStarted) {
  const std::string msg = errorOf("a,b\n1,2\n\"open,3\n4,5\n");
  EXPECT_NE(msg.find("line 3"), std::string::npos) << msg;
}

TEST(CsvReader, WrongFieldCountIsAnErrorWithLine) {
  const std::string msg = errorOf("a,b,c\n1,2,3\n1,2\n");
  EXPECT_NE(msg.find("line 3"), std::string::npos) << msg;
  EXPECT_NE(msg.find("expected 3"), std::string::npos) << msg;
}

TEST(CsvReader, BareCarriageReturnIsAnError) {
  EXPECT_NE(errorOf("a,b\r1,2\n").find("line 1"), std::string::npos);
}

TEST(CsvReader, GbkBytesAreRefusedAsNotUtf8) {
  // "城关区" in GBK.
  const std::string msg = errorOf("a\n\xB3\xC7\xB9\xD8\xC7\xF8\n");
  EXPECT_NE(msg.find("line 2"), std::string::npos) << msg;
  EXPECT_NE(msg.find("UTF-8"), std::string::npos) << msg;
}

TEST(CsvReader, Utf8ValidatorRejectsOverlongAndSurrogates) {
  EXPECT_EQ(firstInvalidUtf8Line("幸福路"), 0u);
  EXPECT_EQ(firstInvalidUtf8Line("ok\n\xC0\xAF"), 2u);      // overlong '/'
  EXPECT_EQ(firstInvalidUtf8Line("\xED\xA0\x80"), 1u);      // UTF-16 surrogate
  EXPECT_EQ(firstInvalidUtf8Line("\xF4\x90\x80\x80"), 1u);  // above U+10FFFF
  EXPECT_EQ(firstInvalidUtf8Line("\xE5\xB9"), 1u);          // truncated
}

TEST(CsvReader, EmptyInputHasNoRecords) {
  Result<std::vector<CsvRecord>> records = parseCsv("");
  ASSERT_TRUE(records.isOk());
  EXPECT_TRUE(records->empty());
}

}  // namespace
}  // namespace anju::server
