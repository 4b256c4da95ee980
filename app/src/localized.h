// Presentation helpers: turn core's bilingual values (LocalizedText, "中文 / English" messages,
// enum labels) into the QString of the current language. No rules here, only picking a half.
#pragma once

#include <QString>
#include <QVariantList>
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
/// Core messages are written "中文 / English"; returns the half for `language` (the whole text
/// when it has no " / ").
QString pickMessage(std::string_view message, Language language);
/// The message of a Status for people: pickMessage of its message.
QString statusMessage(const Status& status, Language language);

/// [{code, label}] for every value of an enum, in declaration order, for a QML ComboBox.
template <typename Enum>
QVariantList enumOptions(std::initializer_list<Enum> values, Language language);

}  // namespace anju::app

#include <QVariantMap>

template <typename Enum>
QVariantList anju::app::enumOptions(std::initializer_list<Enum> values, Language language) {
  QVariantList out;
  for (Enum v : values) {
    const EnumLabel& l = label(v);
    out.append(QVariantMap{{QStringLiteral("code"), toQString(l.code)},
                           {QStringLiteral("label"), pick(l, language)}});
  }
  return out;
}
