// Metrics: counters for GET /metrics in the Prometheus text format (version 0.0.4).
// Route labels are route templates ("/v1/photos/{sha256}"), never raw paths, so the number of
// series stays bounded. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace anju::server {

class Metrics {
 public:
  void countRequest(const std::string& route, int status, double seconds);
  void addRequestBytes(std::uint64_t n);
  void addResponseBytes(std::uint64_t n);
  void addPhotoBytes(std::uint64_t n);
  void countPushOutcome(const std::string& outcome, std::uint64_t n);

  std::string render() const;

 private:
  struct Timing {
    std::uint64_t count = 0;
    double seconds = 0;
  };
  mutable std::mutex m_mutex;
  std::map<std::pair<std::string, int>, std::uint64_t> m_requests;
  std::map<std::string, Timing> m_timings;
  std::map<std::string, std::uint64_t> m_pushOutcomes;
  std::uint64_t m_requestBytes = 0;
  std::uint64_t m_responseBytes = 0;
  std::uint64_t m_photoBytes = 0;
};

/// The route template a request path belongs to, for labels and logs.
std::string routeOf(const std::string& path);

}  // namespace anju::server
