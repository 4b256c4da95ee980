// The dossier's PDF fonts: "Anju Sans CJK SC", derived at build time from Noto Sans CJK SC by
// derive_pdf_font.py so that Qt's PDF writer maps every glyph back to the character drawn (the
// text layer: copy, search, pdftotext). They live in dossier-fonts/ next to anju-dossier, or in
// $ANJU_DOSSIER_FONT_DIR.
#pragma once

#include <QFont>
#include <QString>
#include <optional>

namespace anju::dossier {

/// The family name of the derived fonts.
inline constexpr const char* kDossierFontFamily = "Anju Sans CJK SC";

/// Registers the derived fonts with Qt (needs a QGuiApplication). nullopt, with *error saying
/// which directory lacked which font, when the regular or the bold face is missing: a dossier
/// drawn with another font would look right and read wrong, so none is drawn.
std::optional<QString> loadDossierFonts(QString* error);

/// A font of `family` for the PDF. Shaping is off: HarfBuzz substitutes digit glyphs in mixed
/// runs ("0a1b2c") with alternates no code point maps to, which the PDF writer then cannot name,
/// so the digits vanished from the text layer. Chinese and Latin need no shaping to render.
QFont dossierFont(const QString& family, double points, bool bold = false);

}  // namespace anju::dossier
