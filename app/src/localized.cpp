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

QString pickMessage(std::string_view message, Language language) {
  const QString all = toQString(message);
  // Several messages may be joined with "; " — split each one.
  QStringList out;
  for (const QString& part : all.split(QStringLiteral("; "))) {
    const qsizetype slash = part.indexOf(QStringLiteral(" / "));
    if (slash < 0) {
      out.append(part);
    } else {
      out.append(language == Language::kEnglish ? part.mid(slash + 3) : part.left(slash));
    }
  }
  return out.join(language == Language::kEnglish ? QStringLiteral("; ") : QStringLiteral("；"));
}

QString statusMessage(const Status& status, Language language) {
  return pickMessage(status.message(), language);
}

}  // namespace anju::app
