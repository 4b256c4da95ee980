// The owner notice (隐患告知书) as a page: drawn with QPainter onto a PDF (QPdfWriter, A4) for
// the record, and onto an image for the tablet to show. One drawing routine serves both, so what
// the owner sees on the screen is what the PDF holds.
//
// The text layer of the PDF must read back exactly as drawn (pdftotext, search, copy): the font is
// the notice font built from Noto Sans CJK SC without the radical code points (app/fonts/
// make_notice_font.py explains the Qt defect it avoids), and digit runs are drawn as runs of their
// own, because Qt 6.4 shapes digits inside Latin text to glyphs the PDF's ToUnicode map leaves out.
#pragma once

#include <QImage>
#include <QString>
#include <QStringList>

namespace anju::app {

/// What the notice says; all text already in the words the owner reads (Chinese).
struct NoticeContent {
  QString number;        // 告知书编号
  QString address;       // region and address
  QString owner;         // 产权人 (and phone)
  QString inspectedAt;   // 排查时间
  QString judgment;      // 初步判定, e.g. 存在严重安全隐患
  QStringList findings;  // one line per finding, in words
  QString advice;        // 处置建议 from the rule file
  QString inspector;     // 排查人员
  QString issuedAt;      // 告知时间
  bool refused = false;  // the owner refused to sign
  QString refusalNote;   // the inspector's note on the refusal
  QString signedAt;      // time of signing or refusal, empty while unsigned
  QString signatureSha256;
  QString strokesSha256;
};

/// The notice font's family, loading it on first use (ANJU_NOTICE_FONT, or the env variable
/// ANJU_NOTICE_FONT); empty when the file is missing (the caller refuses to write a PDF then).
QString noticeFontFamily();

/// Writes the notice as a one-page A4 PDF to `path`, with `signature` (may be null) in the
/// signature box. false with `error` set when the font or the file is not available.
bool writeNoticePdf(const QString& path, const NoticeContent& content, const QImage& signature,
                    QString* error);

/// The same page as an image `width` pixels wide (white background), for the tablet's preview.
QImage renderNoticeImage(const NoticeContent& content, const QImage& signature, int width);

}  // namespace anju::app
