// Status and Result<T>: expected failures as values, never exceptions.
//
// A Status is ok or carries a code and a human-readable message (Chinese or English, whatever the
// producer wrote). Result<T> holds either a T or a non-ok Status. Both are cheap to move and are
// not thread-safe to mutate concurrently (plain values).
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace anju {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input from a user or a file; nothing was changed
  kNotFound,
  kAlreadyExists,
  kConflict,    // a stale version, or a state transition that is not allowed
  kCorruption,  // a file that is not ours or is damaged
  kIoError,     // disk, network, SQLite I/O
  kPermissionDenied,
  kUnauthenticated,
  kUnavailable,  // transient: retry may help
  kInternal,
};

/// One problem with one field, e.g. {"year_built", "建成年份不能晚于今年 (2026)"}.
struct FieldError {
  std::string field;
  std::string message;
  bool operator==(const FieldError&) const = default;
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok

  static Status ok() { return Status(); }
  static Status invalidArgument(std::string msg, std::vector<FieldError> fields = {}) {
    Status s(StatusCode::kInvalidArgument, std::move(msg));
    s.m_fieldErrors = std::move(fields);
    return s;
  }
  static Status notFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status alreadyExists(std::string msg) {
    return {StatusCode::kAlreadyExists, std::move(msg)};
  }
  static Status conflict(std::string msg) { return {StatusCode::kConflict, std::move(msg)}; }
  static Status corruption(std::string msg) { return {StatusCode::kCorruption, std::move(msg)}; }
  static Status ioError(std::string msg) { return {StatusCode::kIoError, std::move(msg)}; }
  static Status permissionDenied(std::string msg) {
    return {StatusCode::kPermissionDenied, std::move(msg)};
  }
  static Status unauthenticated(std::string msg) {
    return {StatusCode::kUnauthenticated, std::move(msg)};
  }
  static Status unavailable(std::string msg) { return {StatusCode::kUnavailable, std::move(msg)}; }
  static Status internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

  bool isOk() const { return m_code == StatusCode::kOk; }
  explicit operator bool() const { return isOk(); }
  StatusCode code() const { return m_code; }
  const std::string& message() const { return m_message; }
  /// Per-field details of an invalidArgument status (empty otherwise).
  const std::vector<FieldError>& fieldErrors() const { return m_fieldErrors; }

  /// "invalid argument: 建成年份… [year_built: …]" — for logs and test failure messages.
  std::string toString() const;

 private:
  Status(StatusCode code, std::string msg) : m_code(code), m_message(std::move(msg)) {}

  StatusCode m_code = StatusCode::kOk;
  std::string m_message;
  std::vector<FieldError> m_fieldErrors;
};

const char* statusCodeName(StatusCode code);

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_value(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : m_value(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(m_value).isOk() && "Result<T> needs a value or an error");
  }

  bool isOk() const { return std::holds_alternative<T>(m_value); }
  explicit operator bool() const { return isOk(); }

  const T& value() const& { return std::get<T>(m_value); }
  T& value() & { return std::get<T>(m_value); }
  T&& value() && { return std::get<T>(std::move(m_value)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  /// The error; Status::ok() when a value is held.
  Status status() const { return isOk() ? Status::ok() : std::get<Status>(m_value); }

 private:
  std::variant<T, Status> m_value;
};

}  // namespace anju
