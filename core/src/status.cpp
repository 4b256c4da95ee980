#include "anju/status.h"

namespace anju {

const char* statusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid argument";
    case StatusCode::kNotFound:
      return "not found";
    case StatusCode::kAlreadyExists:
      return "already exists";
    case StatusCode::kConflict:
      return "conflict";
    case StatusCode::kCorruption:
      return "corruption";
    case StatusCode::kIoError:
      return "I/O error";
    case StatusCode::kPermissionDenied:
      return "permission denied";
    case StatusCode::kUnauthenticated:
      return "unauthenticated";
    case StatusCode::kUnavailable:
      return "unavailable";
    case StatusCode::kInternal:
      return "internal error";
  }
  return "unknown";
}

Status::Status(StatusCode code, Message text)
    : m_code(code), m_message(render(text, Locale::kChinese)), m_text(std::move(text)) {}

FieldError fieldError(std::string field, Message text) {
  std::string message = render(text, Locale::kChinese);
  return FieldError{std::move(field), std::move(message), std::move(text)};
}

std::string describe(const Status& status, Locale locale) {
  if (status.isOk()) return std::string();
  const bool english = locale == Locale::kEnglish;
  std::string out = status.text().empty() ? status.message() : render(status.text(), locale);
  const std::vector<FieldError>& fields = status.fieldErrors();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out += i == 0 ? (english ? ": " : "：") : (english ? "; " : "；");
    out += fields[i].text.empty() ? fields[i].message : render(fields[i].text, locale);
  }
  return out;
}

std::string Status::toString() const {
  if (isOk()) return "ok";
  std::string out = statusCodeName(m_code);
  out += ": ";
  out += m_message;
  if (!m_text.empty()) out += " (" + m_text.id + ")";
  for (const FieldError& f : m_fieldErrors) {
    out += " [";
    out += f.field;
    out += ": ";
    out += f.message;
    out += "]";
  }
  return out;
}

}  // namespace anju
