// CurlTransport: one libcurl easy handle, reset before each request (curl_easy_reset keeps the
// live connections, so requests of one sync reuse a connection).
#include "anju/curl_transport.h"

#include <curl/curl.h>

#include <mutex>

namespace anju {
namespace {

// curl_global_init is not thread-safe and must run once before any handle exists.
bool initCurlOnce() {
  static std::once_flag once;
  static CURLcode rc = CURLE_OK;
  std::call_once(once, [] { rc = curl_global_init(CURL_GLOBAL_DEFAULT); });
  return rc == CURLE_OK;
}

struct Transfer {
  const std::atomic<bool>* cancel = nullptr;
  std::string body;
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<Transfer*>(user)->body.append(data, size * count);
  return size * count;
}

// Called frequently during a transfer and about once a second while nothing moves, so a cancel
// is noticed within a second even on a stalled connection. Non-zero aborts the transfer.
int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const Transfer* t = static_cast<const Transfer*>(user);
  return t->cancel && t->cancel->load() ? 1 : 0;
}

Status transferError(CURLcode rc, const char* detail, const std::string& url) {
  const std::string why = std::string(curl_easy_strerror(rc)) + (*detail ? ": " : "") + detail;
  switch (rc) {
    case CURLE_ABORTED_BY_CALLBACK:
      return Status::unavailable(msg("sync.cancelled"));
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return Status::invalidArgument(
          msg("sync.server_address_invalid", {{"url", url}, {"detail", why}}));
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      return Status::permissionDenied(msg("sync.certificate_untrusted", {{"detail", why}}));
    default:
      // Cannot resolve or connect, cut, timed out, stalled: the network may come back.
      return Status::unavailable(msg("sync.server_unreachable", {{"url", url}, {"detail", why}}));
  }
}

}  // namespace

Result<std::unique_ptr<CurlTransport>> CurlTransport::create(CurlOptions options) {
  const std::string& url = options.baseUrl;
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
    return Status::invalidArgument(msg("sync.server_address_scheme", {{"url", url}}));
  while (!options.baseUrl.empty() && options.baseUrl.back() == '/') options.baseUrl.pop_back();
  if (!initCurlOnce()) return Status::internal(msg("sync.libcurl_failed_initialise"));
  CURL* handle = curl_easy_init();
  if (!handle) return Status::internal(msg("sync.libcurl_failed_initialise"));
  return std::unique_ptr<CurlTransport>(new CurlTransport(std::move(options), handle));
}

CurlTransport::CurlTransport(CurlOptions options, void* handle)
    : m_options(std::move(options)), m_handle(handle) {}

CurlTransport::~CurlTransport() { curl_easy_cleanup(static_cast<CURL*>(m_handle)); }

Result<HttpResponse> CurlTransport::send(const HttpRequest& request,
                                         const std::atomic<bool>* cancel) {
  if (cancel && cancel->load()) return Status::unavailable(msg("sync.cancelled"));
  CURL* curl = static_cast<CURL*>(m_handle);
  curl_easy_reset(curl);
  const std::string url = m_options.baseUrl + request.target;
  Transfer transfer{cancel, {}};
  char errorText[CURL_ERROR_SIZE] = {};

  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers)
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  // No "Expect: 100-continue" round trip before big bodies (a photo chunk): it only costs time.
  headers = curl_slist_append(headers, "Expect:");

  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM, safe in threads
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorText);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(m_options.connectTimeout.count()));
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, m_options.lowSpeedBytesPerSecond);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(m_options.lowSpeedTime.count()));
  // TLS: libcurl verifies the peer and the host name by default; say so explicitly.
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!m_options.caBundlePath.empty())
    curl_easy_setopt(curl, CURLOPT_CAINFO, m_options.caBundlePath.c_str());

  if (request.method == "GET") {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
  }

  const CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (rc != CURLE_OK) return transferError(rc, errorText, url);

  // A connection closed mid-answer can still end "successfully" for libcurl; a body shorter
  // than its Content-Length is a cut, not an answer.
  curl_off_t announced = -1;
  if (curl_easy_getinfo(curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &announced) == CURLE_OK &&
      announced >= 0 && static_cast<std::size_t>(announced) != transfer.body.size())
    return Status::unavailable(msg("sync.answer_cut_short", {{"url", url}}));

  HttpResponse response;
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  char* contentType = nullptr;
  if (curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &contentType) == CURLE_OK && contentType)
    response.contentType = contentType;
  response.body = std::move(transfer.body);
  return response;
}

}  // namespace anju
