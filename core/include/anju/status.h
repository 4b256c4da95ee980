// Status and Result<T>: expected failures as values, never exceptions.
//
// A Status is ok or carries a code and a Message: an id from the message catalogue with parameters
// (anju/message.h), which each surface puts into words of its own language. message() is the
// Chinese text, for logs and tests. The factories taking a std::string are the older form (free
// text, no id) and remain only for code not yet converted (docs/messages.md). Result<T> holds
// either a T or a non-ok Status. Both are cheap to move and are
// not thread-safe to mutate concurrently (plain values).
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "anju/message.h"

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

/// One problem with one field: fieldError("year_built", msg("validation.year_built_future", …)).
struct FieldError {
  std::string field;
  std::string message;  // the Chinese text of `text`, or free text from unconverted code
  Message text = {};    // catalogue id and parameters; empty for free text
  bool operator==(const FieldError&) const = default;
};

/// A field problem from a catalogue message.
FieldError fieldError(std::string field, Message text);

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

  static Status invalidArgument(Message text, std::vector<FieldError> fields = {}) {
    Status s(StatusCode::kInvalidArgument, std::move(text));
    s.m_fieldErrors = std::move(fields);
    return s;
  }
  static Status notFound(Message text) { return {StatusCode::kNotFound, std::move(text)}; }
  static Status alreadyExists(Message text) {
    return {StatusCode::kAlreadyExists, std::move(text)};
  }
  static Status conflict(Message text) { return {StatusCode::kConflict, std::move(text)}; }
  static Status corruption(Message text) { return {StatusCode::kCorruption, std::move(text)}; }
  static Status ioError(Message text) { return {StatusCode::kIoError, std::move(text)}; }
  static Status permissionDenied(Message text) {
    return {StatusCode::kPermissionDenied, std::move(text)};
  }
  static Status unauthenticated(Message text) {
    return {StatusCode::kUnauthenticated, std::move(text)};
  }
  static Status unavailable(Message text) { return {StatusCode::kUnavailable, std::move(text)}; }
  static Status internal(Message text) { return {StatusCode::kInternal, std::move(text)}; }

  bool isOk() const { return m_code == StatusCode::kOk; }
  explicit operator bool() const { return isOk(); }
  StatusCode code() const { return m_code; }
  /// The Chinese text (rendered from text() when the status has an id).
  const std::string& message() const { return m_message; }
  /// The catalogue id and parameters; empty for a status made from free text.
  const Message& text() const { return m_text; }
  /// Per-field details of an invalidArgument status (empty otherwise).
  const std::vector<FieldError>& fieldErrors() const { return m_fieldErrors; }

  /// "invalid argument: 建成年份… (validation.building) [year_built: …]" — for logs and test
  /// failure messages.
  std::string toString() const;

 private:
  Status(StatusCode code, std::string msg) : m_code(code), m_message(std::move(msg)) {}
  Status(StatusCode code, Message text);

  StatusCode m_code = StatusCode::kOk;
  std::string m_message;
  Message m_text;
  std::vector<FieldError> m_fieldErrors;
};

const char* statusCodeName(StatusCode code);

/// The words of `status` for people in `locale`: its message followed by its field problems,
/// "房屋信息有误：缺少街道；缺少社区". Free-text statuses (no id) give their text unchanged.
std::string describe(const Status& status, Locale locale);

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
