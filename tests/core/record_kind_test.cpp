// RecordKind: the one mapping between the kinds of record and their stored/wire codes.
#include "anju/record_kind.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "anju/record_codec.h"

namespace anju::testing {
namespace {

TEST(RecordKind, EveryKindRoundTripsThroughItsCode) {
  for (RecordKind kind : kRecordKinds) {
    const std::optional<RecordKind> back = parseRecordKind(recordKindCode(kind));
    ASSERT_TRUE(back.has_value()) << recordKindCode(kind);
    EXPECT_EQ(*back, kind) << recordKindCode(kind);
  }
}

// The codes are what the databases and the protocol already hold: they must not change.
TEST(RecordKind, CodesAreTheStoredAndSyncedOnes) {
  EXPECT_EQ(recordKindCode(RecordKind::kBuilding), "building");
  EXPECT_EQ(recordKindCode(RecordKind::kInspection), "inspection");
  EXPECT_EQ(recordKindCode(RecordKind::kPhoto), "photo");
  EXPECT_EQ(recordKindCode(RecordKind::kRectification), "rectification");
  EXPECT_EQ(recordKindCode(RecordKind::kVisit), "visit");
}

TEST(RecordKind, CodesAndLabelsAreDistinct) {
  std::set<std::string> codes;
  std::set<std::string> labels;
  for (RecordKind kind : kRecordKinds) {
    codes.insert(std::string(recordKindCode(kind)));
    labels.insert(std::string(recordKindLabelId(kind)));
  }
  EXPECT_EQ(codes.size(), kRecordKinds.size());
  EXPECT_EQ(labels.size(), kRecordKinds.size());
}

TEST(RecordKind, AnUnknownCodeIsRefused) {
  for (const char* code :
       {"", "Building", "buildings", " photo", "photo ", "user", "kind.photo", "finding", "visits"})
    EXPECT_FALSE(parseRecordKind(code).has_value()) << "'" << code << "'";
}

TEST(RecordKind, TheLabelParameterNamesTheKindsCatalogueEntry) {
  const MessageParam p = recordKindParam(RecordKind::kRectification);
  EXPECT_EQ(p.name, "kind");
  EXPECT_EQ(p.value, "kind.rectification");
  EXPECT_TRUE(p.isMessageId);
}

TEST(RecordKind, EachRecordTypeHasItsKind) {
  EXPECT_EQ(recordKind(AnyRecord(Building{})), RecordKind::kBuilding);
  EXPECT_EQ(recordKind(AnyRecord(Inspection{})), RecordKind::kInspection);
  EXPECT_EQ(recordKind(AnyRecord(PhotoRecord{})), RecordKind::kPhoto);
  EXPECT_EQ(recordKind(AnyRecord(Rectification{})), RecordKind::kRectification);
  EXPECT_EQ(recordKind(AnyRecord(Visit{})), RecordKind::kVisit);
}

}  // namespace
}  // namespace anju::testing
