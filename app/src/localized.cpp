#include "localized.h"

namespace anju::app {

QString toQString(std::string_view text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

std::string toStdString(const QString& text) { return text.toStdString(); }

QString pick(const LocalizedText& text, Language language) {
  const std::string& s = language == Language::kEnglish && !text.en.empty() ? text.en : text.zh;
  return toQString(s);
}

QString pick(const EnumLabel& label, Language language) {
  return toQString(language == Language::kEnglish ? label.en : label.zh);
}

Locale toLocale(Language language) {
  return language == Language::kEnglish ? Locale::kEnglish : Locale::kChinese;
}

QString messageText(const Message& message, Language language) {
  return toQString(render(message, toLocale(language)));
}

QString fieldErrorText(const FieldError& field, Language language) {
  return field.text.empty() ? toQString(field.message) : messageText(field.text, language);
}

QString statusMessage(const Status& status, Language language) {
  return toQString(describe(status, toLocale(language)));
}

}  // namespace anju::app
