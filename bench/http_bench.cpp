// anju_http_bench: how the server meets a crowd (issue 12 §1, §4). Against a running
// anju-server (ANJU_BENCH_URL), with libcurl's multi interface so every request really starts
// at the same moment, one connection each:
//   burst  — N new connections at once, each GET /healthz;
//   logins — N logins at once (POST /v1/auth/login, Argon2id on the server).
// Prints one JSON object: per scenario the count, the failures (no HTTP answer, or not 200) and
// the latency p50/p99/max in milliseconds, from the start of the burst to each answer.
//
//   ANJU_BENCH_URL=http://127.0.0.1:8080 ANJU_BENCH_USER=u ANJU_BENCH_PASSWORD=p
//   ANJU_BENCH_CONCURRENCY=200 anju_http_bench      (the environment, then the program)
#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "anju/v1/sync.pb.h"

namespace {

std::string env(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

struct Outcome {
  long status = 0;  // 0: no HTTP answer (refused, reset, timed out)
  double ms = 0;
  std::string error;
};

std::size_t discard(char*, std::size_t size, std::size_t n, void*) { return size * n; }

/// Starts `count` requests at once (each on its own new connection) and waits for all.
std::vector<Outcome> crowd(const std::string& url, int count, const std::string* postBody) {
  CURLM* multi = curl_multi_init();
  std::vector<CURL*> easies(static_cast<std::size_t>(count));
  std::vector<Outcome> outcomes(easies.size());
  std::vector<std::string> errors(easies.size(), std::string(CURL_ERROR_SIZE, '\0'));
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/x-protobuf");
  for (std::size_t i = 0; i < easies.size(); ++i) {
    CURL* e = curl_easy_init();
    curl_easy_setopt(e, CURLOPT_URL, url.c_str());
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, errors[i].data());
    curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
    curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
    curl_easy_setopt(e, CURLOPT_TIMEOUT, 600L);
    curl_easy_setopt(e, CURLOPT_PRIVATE, reinterpret_cast<char*>(i));
    if (postBody) {
      curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);
      curl_easy_setopt(e, CURLOPT_POSTFIELDS, postBody->data());
      curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, static_cast<long>(postBody->size()));
    }
    curl_multi_add_handle(multi, e);
    easies[i] = e;
  }
  // Every connection is its own: no multiplexing, no waiting for a connection to be reused.
  curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, 0L);
  const auto start = std::chrono::steady_clock::now();
  int running = 0;
  do {
    curl_multi_perform(multi, &running);
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      char* index = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &index);
      Outcome& o = outcomes[reinterpret_cast<std::size_t>(index)];
      o.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                 .count();
      if (msg->data.result == CURLE_OK)
        curl_easy_getinfo(msg->easy_handle, CURLINFO_RESPONSE_CODE, &o.status);
      else
        o.error = errors[reinterpret_cast<std::size_t>(index)].c_str();
    }
    if (running > 0) curl_multi_poll(multi, nullptr, 0, 100, nullptr);
  } while (running > 0);
  for (CURL* e : easies) {
    curl_multi_remove_handle(multi, e);
    curl_easy_cleanup(e);
  }
  curl_slist_free_all(headers);
  curl_multi_cleanup(multi);
  return outcomes;
}

double percentile(std::vector<double> sorted, double p) {
  if (sorted.empty()) return 0;
  const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(index, sorted.size() - 1)];
}

/// `"name": {...}` for one scenario; the first failure's message is included for the reader.
std::string report(const char* name, const std::vector<Outcome>& outcomes) {
  std::vector<double> ms;
  int failures = 0;
  std::string firstError;
  for (const Outcome& o : outcomes) {
    ms.push_back(o.ms);
    if (o.status != 200) {
      ++failures;
      if (firstError.empty()) firstError = o.status ? "HTTP " + std::to_string(o.status) : o.error;
    }
  }
  std::sort(ms.begin(), ms.end());
  char line[512];
  std::snprintf(line, sizeof line,
                "\"%s\": {\"count\": %zu, \"failures\": %d, \"p50_ms\": %.1f, \"p99_ms\": %.1f, "
                "\"max_ms\": %.1f, \"first_error\": \"%s\"}",
                name, outcomes.size(), failures, percentile(ms, 0.5), percentile(ms, 0.99),
                ms.empty() ? 0.0 : ms.back(), firstError.c_str());
  return line;
}

}  // namespace

int main() {
  const std::string url = env("ANJU_BENCH_URL", "http://127.0.0.1:8080");
  const int count = std::atoi(env("ANJU_BENCH_CONCURRENCY", "200").c_str());
  if (count <= 0) {
    std::fprintf(stderr, "anju_http_bench: ANJU_BENCH_CONCURRENCY must be > 0\n");
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  anju::v1::LoginRequest login;
  login.set_username(env("ANJU_BENCH_USER", "bench_push"));
  login.set_password(env("ANJU_BENCH_PASSWORD", ""));
  login.set_device_id("http-bench");
  const std::string loginBody = login.SerializeAsString();

  const std::vector<Outcome> burst = crowd(url + "/healthz", count, nullptr);
  const std::vector<Outcome> logins = crowd(url + "/v1/auth/login", count, &loginBody);
  std::printf("{%s,\n %s}\n", report("burst", burst).c_str(), report("logins", logins).c_str());
  curl_global_cleanup();
  int failed = 0;
  for (const auto* set : {&burst, &logins})
    for (const Outcome& o : *set) failed += o.status != 200;
  return failed == 0 ? 0 : 1;
}
