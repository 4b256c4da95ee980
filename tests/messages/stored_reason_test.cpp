// The reason of a rejected change as the tablet keeps it: ids, worded when shown.
#include "anju/stored_reason.h"

#include <gtest/gtest.h>

namespace anju {
namespace {

TEST(StoredReason, IsWordedInTheLanguageAskedWhenShown) {
  const std::string stored = encodeStoredReason(
      {msg("push.forbidden_region"),
       "不在您负责的区域",
       {fieldError("region", msg("push.outside_regions", {{"region", "临江区/城北街道"}}))}});
  EXPECT_EQ(reasonText(stored, Locale::kChinese),
            "不在您负责的区域; region: 不在您负责的区域：临江区/城北街道");
  EXPECT_EQ(reasonText(stored, Locale::kEnglish),
            "forbidden region; region: outside your assigned regions: 临江区/城北街道");
}

TEST(StoredReason, AnIdThisBuildDoesNotKnowShowsTheServersWords) {
  const std::string stored = encodeStoredReason({msg("push.from_a_newer_server"), "新的原因", {}});
  EXPECT_EQ(reasonText(stored, Locale::kEnglish), "新的原因");
}

TEST(StoredReason, AnOlderFreeTextReasonIsShownAsWritten) {
  EXPECT_EQ(reasonText("户主电话格式不正确", Locale::kEnglish), "户主电话格式不正确");
  EXPECT_EQ(reasonText("{not json", Locale::kChinese), "{not json");
}

}  // namespace
}  // namespace anju
