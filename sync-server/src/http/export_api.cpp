#include "http/export_api.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <memory>

#include "export/export_files.h"
#include "http/api_error.h"
#include "http/http_edge.h"
#include "util/log.h"

namespace anju::server {
namespace {

std::map<std::string, std::string> queryParams(const web::Request& req) {
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : req.params) out[key] = value;  // last one wins
  return out;
}

/// "登记册-临江区-城南街道" for a filtered register, "登记册" for everything.
std::string baseName(const char* what, const RegisterFilter& f) {
  std::string name = what;
  for (const std::string* level : {&f.district, &f.street, &f.community})
    if (!level->empty()) name += "-" + *level;
  return name;
}

/// Fault injection for tests (docs/fault-testing.md): with ANJU_FAULT_EXPORT_FAIL_AFTER_BYTES=N
/// in the server's environment every export fails once N bytes of its body are out, the way a
/// storage or disk error in the middle of an export would. Unset (production): no limit.
std::size_t exportFaultAfterBytes() {
  static const std::size_t limit = [] {
    const char* env = std::getenv("ANJU_FAULT_EXPORT_FAIL_AFTER_BYTES");
    return env && *env ? static_cast<std::size_t>(std::strtoull(env, nullptr, 10))
                       : std::numeric_limits<std::size_t>::max();
  }();
  return limit;
}

/// The response body of a streamed export as an ExportSink (false: the export stops).
ExportSink bodySink(web::DataSink& sink) {
  return [&sink, sent = std::size_t{0}](std::string_view bytes) mutable {
    const std::size_t room = exportFaultAfterBytes() - sent;
    if (bytes.size() > room) {
      sink.write(bytes.data(), room);
      return false;  // injected failure
    }
    sent += bytes.size();
    return sink.write(bytes.data(), bytes.size());
  };
}

/// A body produced while it is written (chunked) by `produce(sink)`. A failure after the headers
/// went out is logged and ends the body without its last chunk, closing the connection: the
/// client sees a failed transfer, never a short file that looks complete.
void streamBody(web::Response& res, const char* contentType, const std::string& what,
                std::function<Status(const ExportSink&)> produce) {
  res.set_chunked_content_provider(
      contentType, [produce = std::move(produce), what](std::size_t, web::DataSink& sink) {
        if (Status s = produce(bodySink(sink)); !s) {
          logError(what + " export failed: " + s.toString());
          return false;
        }
        sink.done();
        return true;
      });
}

/// Sends the file at `path` (owned by `scratch`, kept alive until the body is sent).
void sendFile(web::Response& res, std::shared_ptr<ExportScratch> scratch, const std::string& path,
              const char* contentType, const std::string& disposition) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return sendError(res, ApiError::fromStatus(Status::ioError("export file vanished")));
  auto file = std::make_shared<std::ifstream>(path, std::ios::binary);
  res.set_header("Content-Disposition", disposition);
  res.set_content_provider(
      static_cast<std::size_t>(size), contentType,
      [file](std::size_t offset, std::size_t length, web::DataSink& sink) {
        char buffer[64 * 1024];
        if (offset >= exportFaultAfterBytes()) return false;  // injected: the file vanished
        file->seekg(static_cast<std::streamoff>(offset));
        const auto n = std::min({length, sizeof buffer, exportFaultAfterBytes() - offset});
        file->read(buffer, static_cast<std::streamsize>(n));
        const auto got = static_cast<std::size_t>(file->gcount());
        return got > 0 && sink.write(buffer, got);
      },
      [scratch, file](bool) { file->close(); });
}

}  // namespace

std::string contentDisposition(const std::string& asciiFallback, const std::string& utf8Name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : utf8Name) {
    // RFC 5987 attr-char, spelled out: std::isalnum depends on the locale.
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (plain || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''" + encoded;
}

void ExportApi::install(web::Router& server) {
  using Req = const web::Request&;
  using Res = web::Response&;
  server.Get("/v1/exports/register.csv", [this](Req q, Res s) { registerCsv(q, s); });
  server.Get("/v1/exports/register.xlsx", [this](Req q, Res s) { registerXlsx(q, s); });
  server.Get("/v1/exports/statistics.xlsx", [this](Req q, Res s) { statisticsXlsx(q, s); });
  server.Get("/v1/exports/houses.geojson", [this](Req q, Res s) { housesGeoJson(q, s); });
  server.Get("/v1/exports/photos.zip", [this](Req q, Res s) { photoZip(q, s); });
  server.Get("/v1/exports/dossier.pdf", [this](Req q, Res s) { communityDossier(q, s); });
  server.Get(R"(/v1/exports/dossier/([^/]+)\.pdf)", [this](Req q, Res s) { houseDossier(q, s); });
  if (m_campaign)
    server.Get("/v1/exports/weekly.xlsx", [this](Req q, Res s) { weeklyReport(q, s); });
}

Result<User> ExportApi::authenticate(const web::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0)
    return Status::unauthenticated(msg("http.missing_bearer_token"));
  Result<User> user = m_auth.authenticate(header.substr(kBearer.size()));
  if (user) noteRequestUser(user->name);
  return user;
}

Result<RegisterFilter> ExportApi::filterFor(const web::Request& req) {
  Result<User> user = authenticate(req);
  if (!user) return user.status();
  return m_exports.registerFilter(*user, queryParams(req));
}

void ExportApi::registerCsv(const web::Request& req, web::Response& res) {
  Result<RegisterFilter> filter = filterFor(req);
  if (!filter) return sendError(res, ApiError::fromStatus(filter.status()));
  res.set_header("Content-Disposition",
                 contentDisposition("register.csv", baseName("登记册", *filter) + ".csv"));
  ExportService& exports = m_exports;
  streamBody(res, "text/csv; charset=utf-8", "register.csv",
             [&exports, f = *filter](const ExportSink& sink) {
               return exports.registerCsv(f, sink).status();
             });
}

void ExportApi::housesGeoJson(const web::Request& req, web::Response& res) {
  Result<RegisterFilter> filter = filterFor(req);
  if (!filter) return sendError(res, ApiError::fromStatus(filter.status()));
  res.set_header("Content-Disposition",
                 contentDisposition("houses.geojson", baseName("房屋", *filter) + ".geojson"));
  ExportService& exports = m_exports;
  streamBody(res, "application/geo+json", "houses.geojson",
             [&exports, f = *filter](const ExportSink& sink) {
               return exports.housesGeoJson(f, sink).status();
             });
}

void ExportApi::registerXlsx(const web::Request& req, web::Response& res) {
  Result<RegisterFilter> filter = filterFor(req);
  if (!filter) return sendError(res, ApiError::fromStatus(filter.status()));
  Result<std::shared_ptr<ExportScratch>> scratch = ExportScratch::create();
  if (!scratch) return sendError(res, ApiError::fromStatus(scratch.status()));
  const std::string path = (*scratch)->file("register.xlsx");
  Result<XlsxExportResult> written = m_exports.registerXlsx(*filter, path, (*scratch)->dir());
  if (!written) {
    logError("register.xlsx export failed: " + written.status().toString());
    return sendError(res, ApiError::fromStatus(written.status()));
  }
  sendFile(res, *scratch, path, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           contentDisposition("register.xlsx", baseName("登记册", *filter) + ".xlsx"));
}

void ExportApi::statisticsXlsx(const web::Request& req, web::Response& res) {
  Result<RegisterFilter> filter = filterFor(req);
  if (!filter) return sendError(res, ApiError::fromStatus(filter.status()));
  Result<std::shared_ptr<ExportScratch>> scratch = ExportScratch::create();
  if (!scratch) return sendError(res, ApiError::fromStatus(scratch.status()));
  const std::string path = (*scratch)->file("statistics.xlsx");
  Result<std::int64_t> written = m_exports.statisticsXlsx(*filter, path, (*scratch)->dir());
  if (!written) {
    logError("statistics.xlsx export failed: " + written.status().toString());
    return sendError(res, ApiError::fromStatus(written.status()));
  }
  sendFile(res, *scratch, path, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           contentDisposition("statistics.xlsx", baseName("统计台账", *filter) + ".xlsx"));
}

void ExportApi::houseDossier(const web::Request& req, web::Response& res) {
  Result<User> user = authenticate(req);
  if (!user) return sendError(res, ApiError::fromStatus(user.status()));
  const Uuid buildingId = req.matches[1];
  if (Status s = m_exports.checkHouse(*user, buildingId); !s)
    return sendError(res, ApiError::fromStatus(s));
  Result<std::shared_ptr<ExportScratch>> scratch = ExportScratch::create();
  if (!scratch) return sendError(res, ApiError::fromStatus(scratch.status()));
  const std::string path = (*scratch)->file("dossier.pdf");
  if (Status s = m_dossiers.renderHouse(buildingId, path); !s)
    return sendError(res, ApiError::fromStatus(s));
  sendFile(res, *scratch, path, "application/pdf",
           contentDisposition("dossier-" + buildingId + ".pdf", "一户一档-" + buildingId + ".pdf"));
}

void ExportApi::communityDossier(const web::Request& req, web::Response& res) {
  Result<User> user = authenticate(req);
  if (!user) return sendError(res, ApiError::fromStatus(user.status()));
  const std::string community = req.get_param_value("community");
  Result<RegisterFilter> filter = m_exports.communityFilter(*user, community);
  if (!filter) return sendError(res, ApiError::fromStatus(filter.status()));
  Result<std::shared_ptr<ExportScratch>> scratch = ExportScratch::create();
  if (!scratch) return sendError(res, ApiError::fromStatus(scratch.status()));
  const std::string path = (*scratch)->file("dossier.pdf");
  if (Status s = m_dossiers.renderHouses(*filter, community, path); !s)
    return sendError(res, ApiError::fromStatus(s));
  sendFile(res, *scratch, path, "application/pdf",
           contentDisposition("dossier.pdf", baseName("一户一档", *filter) + ".pdf"));
}

void ExportApi::weeklyReport(const web::Request& req, web::Response& res) {
  Result<RegisterFilter> filter = filterFor(req);
  if (!filter) return sendError(res, ApiError::fromStatus(filter.status()));
  Result<std::shared_ptr<ExportScratch>> scratch = ExportScratch::create();
  if (!scratch) return sendError(res, ApiError::fromStatus(scratch.status()));
  const std::string path = (*scratch)->file("weekly.xlsx");
  const std::string week = req.get_param_value("week");
  if (Status s = m_campaign->weeklyReportXlsx(*filter, week, path, (*scratch)->dir()); !s) {
    if (s.code() != StatusCode::kInvalidArgument)
      logError("weekly.xlsx export failed: " + s.toString());
    return sendError(res, ApiError::fromStatus(s));
  }
  sendFile(res, *scratch, path, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           contentDisposition("weekly-" + week + ".xlsx",
                              baseName("周报", *filter) + "-" + week + ".xlsx"));
}

void ExportApi::photoZip(const web::Request& req, web::Response& res) {
  Result<RegisterFilter> filter = filterFor(req);
  if (!filter) return sendError(res, ApiError::fromStatus(filter.status()));
  res.set_header("Content-Disposition",
                 contentDisposition("photos.zip", baseName("照片", *filter) + ".zip"));
  ExportService& exports = m_exports;
  streamBody(res, "application/zip", "photos.zip", [&exports, f = *filter](const ExportSink& sink) {
    return exports.photoZip(f, sink).status();
  });
}

}  // namespace anju::server
