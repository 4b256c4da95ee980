// Writes the seed corpus of fuzz_sync_api: one valid request of every kind against the fixtures
// of fuzz_server_harness.h (the fixed house, the two photos), plus a few classic bad ones.
//   fuzz_make_sync_seeds fuzz/corpus/fuzz_sync_api
#include <cstdio>
#include <fstream>
#include <string>

#include "anju/hlc.h"
#include "anju/record_codec.h"
#include "anju/sha256.h"
#include "anju/v1/sync.pb.h"
#include "fuzz_server_harness.h"
#include "sync/gzip.h"

namespace {

using namespace anju;

std::string dir;
int written = 0;

void seed(const std::string& name, unsigned char endpoint, unsigned char flags,
          const std::string& rest) {
  std::ofstream out(dir + "/" + name, std::ios::binary);
  out.put(static_cast<char>(endpoint));
  out.put(static_cast<char>(flags));
  out << rest;
  ++written;
}

std::string le32(std::uint32_t v) {
  std::string out(4, '\0');
  for (int i = 0; i < 4; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>(v >> (8 * i));
  return out;
}

v1::Change changeOf(const AnyRecord& record, std::uint64_t version, std::uint64_t base) {
  v1::Change change;
  change.set_change_id("11111111-2222-4333-8444-" + std::to_string(555555555555 + written));
  change.set_record_id(recordId(record));
  change.set_kind(std::string(recordKindCode(recordKind(record))));
  change.set_version(version);
  change.set_base_version(base);
  change.mutable_record()->ParseFromString(encodeRecord(record));
  return change;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_make_sync_seeds DIR\n");
    return 2;
  }
  dir = argv[1];
  using namespace anju::fuzz;

  v1::LoginRequest login;
  login.set_username("demo");
  login.set_password("wrong password");
  login.set_device_id("fuzz-tablet");
  seed("login_wrong_password", kLogin, 0, login.SerializeAsString());
  login.set_username("nobody");
  seed("login_unknown_user", kLogin, 1, login.SerializeAsString());

  Inspection in;
  in.id = "00000000-0000-4000-8000-0000000000a1";
  in.buildingId = kFuzzBuildingId;
  in.inspector = "demo";
  in.startedAt = 1780272000000;
  in.submittedAt = 1780275600000;
  in.templateId = "self_built_house";
  in.templateVersion = 1;
  in.answers = {{"wall_cracks", true}, {"wall_crack_width", 1.2}};
  in.findings.push_back({"00000000-0000-4000-8000-0000000000b1",
                         Component::kLoadBearingWall,
                         HazardKind::kWallCrack,
                         "一层北侧承重墙",
                         {{"width", 1.2, "mm"}},
                         Severity::kSerious,
                         "斜裂缝",
                         {}});
  in.computedJudgment = PreliminaryJudgment::kSerious;
  in.review = ReviewState::kSubmitted;
  const std::uint64_t v1 = 117665962031841280ull;
  PhotoRecord photo;
  photo.id = "00000000-0000-4000-8000-0000000000c1";
  photo.sha256 = sha256Hex(kCompletePhotoBytes);
  photo.byteSize = static_cast<std::int64_t>(std::string(kCompletePhotoBytes).size());
  photo.capturedAt = 1780272100000;
  photo.buildingId = kFuzzBuildingId;
  photo.inspectionId = in.id;
  photo.caption = "北墙裂缝";

  v1::PushRequest push;
  push.set_device_id("fuzz-tablet");
  *push.add_changes() = changeOf(in, v1, 0);
  seed("push_new_inspection", kPush, 0, push.SerializeAsString());
  *push.add_changes() = changeOf(photo, v1 + 1, 0);
  Inspection edited = in;
  edited.findings.front().note = "复查";
  *push.add_changes() = changeOf(edited, v1 + 2, v1);
  seed("push_inspection_photo_edit", kPush, 0, push.SerializeAsString());
  seed("push_without_token", kPush, 1, push.SerializeAsString());
  Result<std::string> gz = sync::gzipCompress(push.SerializeAsString());
  if (gz) seed("push_gzip", kPushGzip, 0, *gz);
  seed("push_gzip_not_gzip", kPushGzip, 0, push.SerializeAsString());

  v1::PullRequest pull;
  seed("pull_first", kPull, 0, pull.SerializeAsString());
  pull.set_limit(3);
  pull.set_cursor("v1:0:0");
  seed("pull_cursor", kPull, 0, pull.SerializeAsString());

  seed("photo_status_complete", kPhotoStatus, 0, "");
  seed("photo_status_partial", kPhotoStatus, 2, "");
  seed("photo_status_bad_hash", kPhotoStatus, 6, "not-a-hash");
  const std::string partial = kPartialPhotoBytes;
  seed("photo_upload_rest", kPhotoUpload, 2,
       le32(20) + le32(static_cast<std::uint32_t>(partial.size())) + partial.substr(20));
  seed("photo_upload_wrong_offset", kPhotoUpload, 2,
       le32(3) + le32(static_cast<std::uint32_t>(partial.size())) + partial.substr(3));
  seed("photo_upload_own_bytes", kPhotoUpload, 4, le32(0) + le32(11) + "hello photo");
  seed("photo_upload_complete_again", kPhotoUpload, 0, le32(0) + le32(20) + kCompletePhotoBytes);

  seed("record_building", kGetRecord, 0, std::string("building/") + kFuzzBuildingId);
  seed("record_inspection", kGetRecord, 0, "inspection/00000000-0000-4000-8000-0000000000a1");
  seed("record_bad_kind", kGetRecord, 0, "Building/x");
  seed("inspection_status", kInspectionStatus, 0, "00000000-0000-4000-8000-0000000000a1");
  seed("inspection_status_bad_id", kInspectionStatus, 0, "../../etc");
  std::printf("%d seeds written to %s\n", written, dir.c_str());
  return 0;
}
