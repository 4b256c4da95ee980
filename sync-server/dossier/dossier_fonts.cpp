#include "dossier_fonts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFontDatabase>

namespace anju::dossier {

std::optional<QString> loadDossierFonts(QString* error) {
  const QString configured = qEnvironmentVariable("ANJU_DOSSIER_FONT_DIR");
  const QDir dir(configured.isEmpty()
                     ? QCoreApplication::applicationDirPath() + QStringLiteral("/dossier-fonts")
                     : configured);
  const QString family = QString::fromLatin1(kDossierFontFamily);
  for (const char* file : {"AnjuSansCJKsc-Regular.otf", "AnjuSansCJKsc-Bold.otf"}) {
    const QString path = dir.filePath(QString::fromLatin1(file));
    const int id = QFontDatabase::addApplicationFont(path);
    if (id < 0 || !QFontDatabase::applicationFontFamilies(id).contains(family)) {
      *error = QStringLiteral(
                   "PDF font missing or unreadable: %1 (built with anju-dossier by "
                   "derive_pdf_font.py; set ANJU_DOSSIER_FONT_DIR to its folder)")
                   .arg(path);
      return std::nullopt;
    }
  }
  return family;
}

QFont dossierFont(const QString& family, double points, bool bold) {
  QFont font(family);
  font.setPointSizeF(points);
  font.setBold(bold);
  font.setStyleStrategy(QFont::PreferNoShaping);
  return font;
}

}  // namespace anju::dossier
