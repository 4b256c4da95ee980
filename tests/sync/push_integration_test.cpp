// Push rules against the real server: idempotency, conflicts, rejections, limits, gzip.
#include <zlib.h>

#include "anju/record_codec.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using PushApi = SyncServerTest;
using Outcome = v1::ChangeResult;

std::string gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::size_t countRecord(const std::vector<v1::PulledChange>& changes, const std::string& id) {
  std::size_t n = 0;
  for (const v1::PulledChange& c : changes) n += c.record_id() == id;
  return n;
}

TEST_P(PushApi, ResendingAppliedChangeIsDuplicateNotCopy) {
  const Inspection in = makeInspection(ownBuilding().record_id());
  const v1::PushRequest request = makePush({makeChange(in, 1000, 0)});
  const v1::PushResponse first = client().push(m_demoToken, request);
  ASSERT_EQ(first.results_size(), 1);
  EXPECT_EQ(first.results(0).outcome(), Outcome::APPLIED) << first.results(0).reason();
  EXPECT_EQ(first.results(0).server_version(), 1000u);

  const v1::PushResponse second = client().push(m_demoToken, request);
  ASSERT_EQ(second.results_size(), 1);
  EXPECT_EQ(second.results(0).outcome(), Outcome::DUPLICATE);
  EXPECT_EQ(second.results(0).change_id(), request.changes(0).change_id());
  EXPECT_EQ(second.results(0).server_version(), 1000u);

  EXPECT_EQ(countRecord(client().pullAll(m_demoToken), in.id), 1u);
}

TEST_P(PushApi, StaleBaseVersionIsConflictAndBothVersionsAreKept) {
  Inspection in = makeInspection(ownBuilding().record_id());
  ASSERT_EQ(client().push(m_demoToken, makePush({makeChange(in, 1000, 0)})).results(0).outcome(),
            Outcome::APPLIED);
  Inspection tabletA = in;
  tabletA.findings[0].note = "tablet A";
  ASSERT_EQ(
      client().push(m_demoToken, makePush({makeChange(tabletA, 2000, 1000)})).results(0).outcome(),
      Outcome::APPLIED);

  Inspection tabletB = in;  // edited offline on top of version 1000 too
  tabletB.findings[0].note = "tablet B";
  const v1::Change losing = makeChange(tabletB, 1500, 1000);
  const v1::PushResponse response = client().push(m_demoToken, makePush({losing}));
  ASSERT_EQ(response.results_size(), 1);
  const v1::ChangeResult& r = response.results(0);
  EXPECT_EQ(r.outcome(), Outcome::CONFLICT);
  EXPECT_EQ(r.server_version(), 2000u);
  EXPECT_EQ(r.server_record().inspection().findings(0).note(), "tablet A");
  EXPECT_FALSE(r.reason().empty());

  // The server's version is what pull hands out...
  for (const v1::PulledChange& c : client().pullAll(m_demoToken)) {
    if (c.record_id() == in.id) {
      EXPECT_EQ(c.record().inspection().findings(0).note(), "tablet A");
    }
  }
  // ...and the losing version is kept whole.
  const CliResult conflicts = runCli({"conflicts", in.id, "--data", dataDir()});
  ASSERT_EQ(conflicts.exitCode, 0) << conflicts.err;
  EXPECT_NE(conflicts.out.find("1 conflict(s)"), std::string::npos) << conflicts.out;
  EXPECT_NE(conflicts.out.find(losing.change_id()), std::string::npos) << conflicts.out;
  EXPECT_NE(conflicts.out.find("incoming 1500, server 2000"), std::string::npos) << conflicts.out;

  // Resending the conflicting change is a duplicate, not a second conflict row.
  EXPECT_EQ(client().push(m_demoToken, makePush({losing})).results(0).outcome(),
            Outcome::DUPLICATE);
  EXPECT_NE(runCli({"conflicts", in.id, "--data", dataDir()}).out.find("1 conflict(s)"),
            std::string::npos);
}

TEST_P(PushApi, InvalidRecordIsRejectedWhileRestOfBatchApplies) {
  const Inspection good1 = makeInspection(ownBuilding(0).record_id());
  Inspection invalid = makeInspection(ownBuilding(1).record_id());
  invalid.templateVersion = 0;  // breaks a core validation rule
  const Inspection unknownBuilding = makeInspection("00000000-0000-4000-8000-000000000000");
  v1::Change undecodable = makeChange(makeInspection(ownBuilding(2).record_id()), 1000, 0);
  undecodable.mutable_record()->mutable_inspection()->set_review("teleported");
  const Inspection good2 = makeInspection(ownBuilding(3).record_id());

  const v1::PushResponse response = client().push(
      m_demoToken,
      makePush({makeChange(good1, 1000, 0), makeChange(invalid, 1000, 0),
                makeChange(unknownBuilding, 1000, 0), undecodable, makeChange(good2, 1000, 0)}));
  ASSERT_EQ(response.results_size(), 5);
  EXPECT_EQ(response.results(0).outcome(), Outcome::APPLIED);
  EXPECT_EQ(response.results(1).outcome(), Outcome::REJECTED);
  ASSERT_GT(response.results(1).fields_size(), 0);
  EXPECT_EQ(response.results(1).fields(0).field(), "template_version");
  EXPECT_EQ(response.results(2).outcome(), Outcome::REJECTED);
  EXPECT_EQ(response.results(2).fields(0).field(), "building_id");
  EXPECT_EQ(response.results(3).outcome(), Outcome::REJECTED);
  ASSERT_GT(response.results(3).fields_size(), 0);
  EXPECT_NE(response.results(3).fields(0).message().find("teleported"), std::string::npos);
  EXPECT_EQ(response.results(4).outcome(), Outcome::APPLIED);

  const std::vector<v1::PulledChange> pulled = client().pullAll(m_demoToken);
  EXPECT_EQ(countRecord(pulled, good1.id), 1u);
  EXPECT_EQ(countRecord(pulled, good2.id), 1u);
  EXPECT_EQ(countRecord(pulled, invalid.id), 0u);
}

TEST_P(PushApi, ChangeInAnotherRegionIsRejectedAsForbiddenRegion) {
  const Inspection foreign = makeInspection(foreignBuilding().record_id());
  const Inspection own = makeInspection(ownBuilding().record_id());
  const v1::PushResponse response = client().push(
      m_demoToken, makePush({makeChange(foreign, 1000, 0), makeChange(own, 1000, 0)}));
  ASSERT_EQ(response.results_size(), 2);
  EXPECT_EQ(response.results(0).outcome(), Outcome::REJECTED);
  EXPECT_EQ(response.results(0).reason_id(), "push.forbidden_region");
  EXPECT_EQ(response.results(1).outcome(), Outcome::APPLIED);

  // Moving an own building into another street is just as forbidden.
  v1::Change move;
  move.set_change_id("7a0c0f5e-1111-4c3b-9a51-0d5b8c7e2f10");
  move.set_record_id(ownBuilding().record_id());
  move.set_kind("building");
  move.set_version(ownBuilding().version() + 1);
  move.set_base_version(ownBuilding().version());
  *move.mutable_record() = ownBuilding().record();
  move.mutable_record()->mutable_building()->mutable_region()->set_street("城北街道");
  EXPECT_EQ(client().push(m_demoToken, makePush({move})).results(0).reason_id(),
            "push.forbidden_region");
}

TEST_P(PushApi, DirectReadOfAnotherRegionsRecordIs403) {
  const Reply foreign =
      client().get("/v1/records/building/" + foreignBuilding().record_id(), m_demoToken);
  EXPECT_EQ(foreign.status, 403);
  v1::Error error;
  ASSERT_TRUE(error.ParseFromString(foreign.body));
  EXPECT_EQ(error.code(), "forbidden");
  EXPECT_EQ(client().get("/v1/records/building/" + ownBuilding().record_id(), m_demoToken).status,
            200);
}

// The change's kind is read at the edge: a code the server does not know is refused with the
// code it got, nothing of the change is kept (its id neither, so the tablet can send it again
// fixed), and the rest of the batch applies.
TEST_P(PushApi, UnknownKindIsRejectedAndNothingOfItIsKept) {
  const Inspection in = makeInspection(ownBuilding(0).record_id());
  const Inspection good = makeInspection(ownBuilding(1).record_id());
  v1::Change unknown = makeChange(in, 1000, 0);
  unknown.set_kind("barn");
  const v1::PushResponse response =
      client().push(m_demoToken, makePush({unknown, makeChange(good, 1000, 0)}));
  ASSERT_EQ(response.results_size(), 2);
  EXPECT_EQ(response.results(0).outcome(), Outcome::REJECTED);
  EXPECT_EQ(response.results(0).reason_id(), "push.unknown_kind");
  ASSERT_EQ(response.results(0).fields_size(), 1);
  EXPECT_EQ(response.results(0).fields(0).field(), "kind");
  EXPECT_NE(response.results(0).fields(0).message().find("barn"), std::string::npos);
  EXPECT_EQ(response.results(1).outcome(), Outcome::APPLIED);
  EXPECT_EQ(countRecord(client().pullAll(m_demoToken), in.id), 0u);

  unknown.set_kind("inspection");
  EXPECT_EQ(client().push(m_demoToken, makePush({unknown})).results(0).outcome(), Outcome::APPLIED);
}

// A known kind that is not the record's own is refused as before.
TEST_P(PushApi, KindThatDisagreesWithTheRecordIsRejected) {
  v1::Change change = makeChange(makeInspection(ownBuilding().record_id()), 1000, 0);
  change.set_kind("photo");
  const v1::PushResponse response = client().push(m_demoToken, makePush({change}));
  EXPECT_EQ(response.results(0).outcome(), Outcome::REJECTED);
  EXPECT_EQ(response.results(0).reason_id(), "push.kind_record_id_disagree");
}

TEST_P(PushApi, DirectReadOfAnUnknownKindIs404) {
  const Reply reply = client().get("/v1/records/barn/" + ownBuilding().record_id(), m_demoToken);
  EXPECT_EQ(reply.status, 404);
  v1::Error error;
  ASSERT_TRUE(error.ParseFromString(reply.body));
  EXPECT_EQ(error.message_id(), "access.unknown_kind");
  EXPECT_NE(error.message().find("barn"), std::string::npos);
}

TEST_P(PushApi, InspectorCannotApproveTheirOwnInspection) {
  Inspection in = makeInspection(ownBuilding().record_id());
  in.review = ReviewState::kApproved;
  const v1::PushResponse response = client().push(m_demoToken, makePush({makeChange(in, 1000, 0)}));
  EXPECT_EQ(response.results(0).outcome(), Outcome::REJECTED);
}

TEST_P(PushApi, MalformedProtobufIs400AndServerKeepsServing) {
  const Reply reply =
      client().post("/v1/sync/push", std::string("\xff\xff\xff\xff garbage", 12), m_demoToken);
  EXPECT_EQ(reply.status, 400);
  v1::Error error;
  ASSERT_TRUE(error.ParseFromString(reply.body));
  EXPECT_EQ(error.code(), "bad_request");
  EXPECT_NE(error.message().find("PushRequest"), std::string::npos);
  EXPECT_EQ(client().get("/healthz").status, 200);
  EXPECT_EQ(client().pull(m_demoToken, "").epoch().empty(), false);
}

TEST_P(PushApi, OversizedBodyIs413) {
  const std::string huge(33u << 20, 'x');
  const Reply reply = client().post("/v1/sync/push", huge, m_demoToken);
  EXPECT_EQ(reply.status, 413);
  v1::Error error;
  ASSERT_TRUE(error.ParseFromString(reply.body));
  EXPECT_EQ(error.code(), "payload_too_large");
  EXPECT_EQ(client().get("/healthz").status, 200);
}

TEST_P(PushApi, GzipCompressedPushIsAccepted) {
  const Inspection in = makeInspection(ownBuilding().record_id());
  const std::string body = makePush({makeChange(in, 1000, 0)}).SerializeAsString();
  const Reply reply =
      client().post("/v1/sync/push", gzip(body), m_demoToken, {{"Content-Encoding", "gzip"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  v1::PushResponse response;
  ASSERT_TRUE(response.ParseFromString(reply.body));
  ASSERT_EQ(response.results_size(), 1);
  EXPECT_EQ(response.results(0).outcome(), Outcome::APPLIED);
}

TEST_P(PushApi, GzipBodyInflatingPastTheLimitIs413) {
  const std::string bomb = gzip(std::string(40u << 20, '\0'));  // ~40 KiB on the wire
  const Reply reply =
      client().post("/v1/sync/push", bomb, m_demoToken, {{"Content-Encoding", "gzip"}});
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(client().get("/healthz").status, 200);
}

TEST_P(PushApi, GzipBodyThatIsNotGzipIs400) {
  const Reply reply = client().post("/v1/sync/push", "definitely not gzip", m_demoToken,
                                    {{"Content-Encoding", "gzip"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(client().get("/healthz").status, 200);
}

TEST_P(PushApi, EncodingOtherThanGzipIs415) {
  const Reply reply =
      client().post("/v1/sync/push", "abc", m_demoToken, {{"Content-Encoding", "compress"}});
  EXPECT_EQ(reply.status, 415);
  v1::Error error;
  ASSERT_TRUE(error.ParseFromString(reply.body));
  EXPECT_EQ(error.code(), "unsupported_encoding");
}

TEST_P(PushApi, UnknownFieldsFromNewerClientsSurvive) {
  const Inspection in = makeInspection(ownBuilding().record_id());
  v1::Change change = makeChange(in, 1000, 0);
  // Field 999 does not exist in this proto: a newer client's addition (varint 42).
  change.mutable_record()
      ->mutable_inspection()
      ->GetReflection()
      ->MutableUnknownFields(change.mutable_record()->mutable_inspection())
      ->AddVarint(999, 42);
  ASSERT_EQ(client().push(m_demoToken, makePush({change})).results(0).outcome(), Outcome::APPLIED);
  bool found = false;
  for (const v1::PulledChange& c : client().pullAll(m_demoToken)) {
    if (c.record_id() != in.id) continue;
    found = true;
    const auto& unknown =
        c.record().inspection().GetReflection()->GetUnknownFields(c.record().inspection());
    ASSERT_EQ(unknown.field_count(), 1);
    EXPECT_EQ(unknown.field(0).number(), 999);
    EXPECT_EQ(unknown.field(0).varint(), 42u);
  }
  EXPECT_TRUE(found);
}

INSTANTIATE_TEST_SUITE_P(Backends, PushApi, ::testing::ValuesIn(backendsUnderTest()), backendName);

}  // namespace
}  // namespace anju::server::testing
