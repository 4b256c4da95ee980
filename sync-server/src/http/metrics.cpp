#include "http/metrics.h"

#include <sstream>

namespace anju::server {

void Metrics::countRequest(const std::string& route, int status, double seconds) {
  std::lock_guard lock(m_mutex);
  ++m_requests[{route, status}];
  Timing& t = m_timings[route];
  ++t.count;
  t.seconds += seconds;
}

void Metrics::addRequestBytes(std::uint64_t n) {
  std::lock_guard lock(m_mutex);
  m_requestBytes += n;
}

void Metrics::addResponseBytes(std::uint64_t n) {
  std::lock_guard lock(m_mutex);
  m_responseBytes += n;
}

void Metrics::addPhotoBytes(std::uint64_t n) {
  std::lock_guard lock(m_mutex);
  m_photoBytes += n;
}

void Metrics::countPushOutcome(const std::string& outcome, std::uint64_t n) {
  std::lock_guard lock(m_mutex);
  m_pushOutcomes[outcome] += n;
}

std::string Metrics::render() const {
  std::lock_guard lock(m_mutex);
  std::ostringstream out;
  out << "# HELP anju_http_requests_total HTTP requests by route and status.\n"
      << "# TYPE anju_http_requests_total counter\n";
  for (const auto& [key, n] : m_requests)
    out << "anju_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second
        << "\"} " << n << "\n";
  out << "# HELP anju_http_request_duration_seconds Time spent handling requests.\n"
      << "# TYPE anju_http_request_duration_seconds summary\n";
  for (const auto& [route, t] : m_timings) {
    out << "anju_http_request_duration_seconds_sum{route=\"" << route << "\"} " << t.seconds
        << "\n";
    out << "anju_http_request_duration_seconds_count{route=\"" << route << "\"} " << t.count
        << "\n";
  }
  out << "# HELP anju_push_changes_total Pushed changes by outcome.\n"
      << "# TYPE anju_push_changes_total counter\n";
  for (const char* outcome : {"applied", "duplicate", "conflict", "rejected"}) {
    const auto it = m_pushOutcomes.find(outcome);
    out << "anju_push_changes_total{outcome=\"" << outcome << "\"} "
        << (it == m_pushOutcomes.end() ? 0 : it->second) << "\n";
  }
  out << "# HELP anju_http_request_bytes_total Request body bytes received (after decompression).\n"
      << "# TYPE anju_http_request_bytes_total counter\n"
      << "anju_http_request_bytes_total " << m_requestBytes << "\n"
      << "# HELP anju_http_response_bytes_total Response body bytes sent.\n"
      << "# TYPE anju_http_response_bytes_total counter\n"
      << "anju_http_response_bytes_total " << m_responseBytes << "\n"
      << "# HELP anju_photo_bytes_received_total Photo bytes stored.\n"
      << "# TYPE anju_photo_bytes_received_total counter\n"
      << "anju_photo_bytes_received_total " << m_photoBytes << "\n";
  return out.str();
}

std::string routeOf(const std::string& path) {
  static const char* kExact[] = {"/healthz", "/metrics", "/v1/auth/login", "/v1/sync/push",
                                 "/v1/sync/pull"};
  for (const char* route : kExact)
    if (path == route) return route;
  if (path.rfind("/v1/photos/", 0) == 0) return "/v1/photos/{sha256}";
  if (path.rfind("/console/api/", 0) == 0) return "/console/api";
  if (path.rfind("/console", 0) == 0) return "/console";
  return "other";
}

}  // namespace anju::server
