#include "export/dossier_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "anju/enum_codes.h"
#include "anju/hlc.h"
#include "blob/blob_store.h"
#include "export/register_columns.h"
#include "util/log.h"

extern char** environ;

namespace anju::server {
namespace {

using Clock = std::chrono::steady_clock;

std::string defaultRenderer() {
  if (const char* env = std::getenv("ANJU_DOSSIER_BIN"); env && *env) return env;
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "anju-dossier";
  return (self.parent_path() / "anju-dossier").string();
}

/// Writes all of `bytes` to the non-blocking `fd` before `deadline`; false when the reader is
/// gone (EPIPE), too slow, or another error happened (errno-style text in *why).
bool writeAll(int fd, std::string_view bytes, Clock::time_point deadline, std::string* why) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n > 0) {
      bytes.remove_prefix(static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN) {
      *why = std::strerror(errno);
      return false;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      *why = "time limit";
      return false;
    }
    pollfd p{fd, POLLOUT, 0};
    ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
  }
  return true;
}

/// SIGPIPE blocked on this thread while we write to the child, and any pending one consumed
/// after, so a renderer that dies early never kills the server.
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigemptyset(&m_set);
    sigaddset(&m_set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &m_set, &m_old);
  }
  ~SigpipeGuard() {
    timespec zero{0, 0};
    while (sigtimedwait(&m_set, nullptr, &zero) > 0) {
    }
    pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
  }

 private:
  sigset_t m_set;
  sigset_t m_old;
};

std::string readTail(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  if (s.size() > 2000) s = s.substr(s.size() - 2000);
  return s;
}

std::string nowText() { return formatChinaTime(systemNowMs()); }

/// The judgment words this server shows (label(), set from the rule file's vocabulary).
std::vector<std::string> judgmentWords() {
  std::vector<std::string> words;
  for (PreliminaryJudgment j :
       {PreliminaryJudgment::kNoneFound, PreliminaryJudgment::kSome, PreliminaryJudgment::kSerious})
    words.emplace_back(label(j).zh);
  return words;
}

}  // namespace

DossierRunner::DossierRunner(ServerStorage& storage, RegisterIndex& index, BlobStore& blobs,
                             std::string rendererPath, std::chrono::seconds timeLimit)
    : m_storage(storage),
      m_index(index),
      m_blobs(blobs),
      m_renderer(rendererPath.empty() ? defaultRenderer() : std::move(rendererPath)),
      m_timeLimit(timeLimit) {}

Result<dossier::DossierHouse> DossierRunner::loadHouse(const Uuid& buildingId,
                                                       const std::string& spoolDir,
                                                       const RegionCodeBook& regionCodes) {
  Result<std::vector<StoredRecord>> records = m_storage.houseRecords(buildingId);
  if (!records) return records.status();
  dossier::DossierHouse house;
  bool hasBuilding = false;
  for (const StoredRecord& r : *records) {
    if (r.kind == RecordKind::kBuilding) {
      hasBuilding = true;
      house.regionCode = regionCodes.nearestCodeOf(r.region);
    }
    house.records.push_back(r.payload);
    if (r.kind != RecordKind::kPhoto || r.sha256.empty() || house.photos.count(r.sha256)) continue;
    if (std::optional<std::string> file = m_blobs.completeFile(r.sha256)) {
      house.photos[r.sha256] = *file;
      continue;
    }
    // A store without files (the database): a scratch copy, streamed a piece at a time. A photo
    // whose bytes have not all arrived is left out, as with the folder store.
    Result<std::optional<std::int64_t>> size = m_blobs.completeSize(r.sha256);
    if (!size) return size.status();
    if (!size->has_value()) continue;
    const std::string copy = spoolDir + "/" + r.sha256;
    std::error_code ec;
    if (!std::filesystem::exists(copy, ec)) {
      std::filesystem::create_directories(spoolDir, ec);
      if (Status s = m_blobs.copyCompleteToFile(r.sha256, copy); !s) return s;
    }
    house.photos[r.sha256] = copy;
  }
  if (!hasBuilding) return Status::notFound(msg("access.no_such_building", {{"id", buildingId}}));
  return house;
}

Status DossierRunner::renderHouse(const Uuid& buildingId, const std::string& outPath) {
  Result<std::vector<StoredRecord>> first = m_storage.houseRecords(buildingId);
  if (!first) return first.status();
  if (std::none_of(first->begin(), first->end(),
                   [](const StoredRecord& r) { return r.kind == RecordKind::kBuilding; }))
    return Status::notFound(msg("access.no_such_building", {{"id", buildingId}}));
  dossier::DossierHeader header{"房屋安全排查档案（一户一档）", "", nowText(), judgmentWords()};
  return run(
      header, [&](const std::function<Status(const Uuid&)>& feed) { return feed(buildingId); },
      outPath);
}

Status DossierRunner::renderHouses(const RegisterFilter& filter, const std::string& title,
                                   const std::string& outPath) {
  Result<RegisterPage> any = m_index.queryRegister(filter, std::nullopt, 1);
  if (!any) return any.status();
  if (any->rows.empty()) return Status::notFound(msg("export.no_house_matches"));
  dossier::DossierHeader header{"房屋安全排查档案（一户一档）", title, nowText(), judgmentWords()};
  return run(
      header,
      [&](const std::function<Status(const Uuid&)>& feed) {
        return forEachRegisterRow(m_index, filter,
                                  [&](const RegisterRow& row) { return feed(row.buildingId); });
      },
      outPath);
}

Status DossierRunner::run(
    const dossier::DossierHeader& header,
    const std::function<Status(const std::function<Status(const Uuid&)>&)>& produce,
    const std::string& outPath) {
  const auto deadline = Clock::now() + m_timeLimit;
  const std::string logPath = outPath + ".log";
  const std::string spoolDir = outPath + ".photos";
  // The scratch copies go when the run ends, however it ends.
  struct SpoolRemover {
    std::string dir;
    ~SpoolRemover() {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
  } spoolRemover{spoolDir};
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    return Status::ioError("pipe: " + std::string(std::strerror(errno)));

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
  posix_spawn_file_actions_addopen(&actions, 1, logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  // Nothing else of the server's (listening socket, database files) leaks into the renderer.
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  std::vector<std::string> args = {m_renderer, "--out", outPath};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int spawned =
      posix_spawn(&pid, m_renderer.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[0]);
  if (spawned != 0) {
    ::close(fds[1]);
    return Status::unavailable(msg("export.renderer_not_started",
                                   {{"program", m_renderer}, {"detail", std::strerror(spawned)}}));
  }
  ::fcntl(fds[1], F_SETFL, O_NONBLOCK);

  Status fed = Status::ok();
  {
    SigpipeGuard guard;
    std::string why;
    auto send = [&](const std::string& bytes) -> Status {
      if (writeAll(fds[1], bytes, deadline, &why)) return Status::ok();
      return Status::unavailable(msg("export.renderer_stopped_reading", {{"detail", why}}));
    };
    fed = send(dossier::headerFrame(header));
    Result<std::vector<RegionCode>> codes = m_storage.regionCodes();
    if (fed && !codes) fed = codes.status();
    const RegionCodeBook regionCodes(codes ? *codes : std::vector<RegionCode>());
    if (fed) {
      fed = produce([&](const Uuid& id) -> Status {
        Result<dossier::DossierHouse> house = loadHouse(id, spoolDir, regionCodes);
        if (!house) return house.status();
        return send(dossier::houseFrame(*house));
      });
    }
    ::close(fds[1]);  // end of input: the renderer finishes the document
  }

  int status = 0;
  bool exited = false;
  while (true) {
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) {
      exited = true;
      break;
    }
    if (r < 0 && errno != EINTR) break;
    if (Clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const std::string log = readTail(logPath);
  std::error_code ec;
  std::filesystem::remove(logPath, ec);
  if (!fed) return fed;
  if (!exited) return Status::unavailable(msg("export.dossier_renderer_exceeded_time"));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    logError("anju-dossier failed (status " + std::to_string(status) + "): " + log);
    return Status::internal(msg("export.renderer_failed", {{"detail", log}}));
  }
  return Status::ok();
}

}  // namespace anju::server
