// Presentation helpers: turn core's bilingual values (LocalizedText, enum labels) and its
// messages (catalogue ids with parameters, anju/message.h) into the QString of the current
// language. No rules here, only choosing words.
#pragma once

#include <QString>
#include <QVariantList>
#include <span>
#include <string>
#include <string_view>

#include "anju/enum_codes.h"
#include "anju/explanation.h"
#include "anju/status.h"

namespace anju::app {

enum class Language { kChinese, kEnglish };

QString toQString(std::string_view text);
std::string toStdString(const QString& text);

QString pick(const LocalizedText& text, Language language);
QString pick(const EnumLabel& label, Language language);
Locale toLocale(Language language);
/// A catalogue message in `language` (docs/messages.md).
QString messageText(const Message& message, Language language);
/// A field problem in `language`: its message, or its free text from unconverted code.
QString fieldErrorText(const FieldError& field, Language language);
/// The words of a Status for people: its message and its field problems (anju::describe).
QString statusMessage(const Status& status, Language language);

/// [{code, label}] for each of `values`, in that order, for a QML ComboBox.
template <typename Enum>
QVariantList enumOptions(std::span<const Enum> values, Language language);
template <typename Enum>
QVariantList enumOptions(std::initializer_list<Enum> values, Language language) {
  return enumOptions(std::span<const Enum>(values.begin(), values.size()), language);
}

}  // namespace anju::app

#include <QVariantMap>

template <typename Enum>
QVariantList anju::app::enumOptions(std::span<const Enum> values, Language language) {
  QVariantList out;
  for (Enum v : values) {
    const EnumLabel& l = label(v);
    out.append(QVariantMap{{QStringLiteral("code"), toQString(l.code)},
                           {QStringLiteral("label"), pick(l, language)}});
  }
  return out;
}
