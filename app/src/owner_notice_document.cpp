#include "owner_notice_document.h"

#include <QCoreApplication>
#include <QFile>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBoundaryFinder>

namespace anju::app {
namespace {

// The page is laid out in PDF points (A4: 595 x 842); the image render scales it.
constexpr qreal kPageWidth = 595;
constexpr qreal kPageHeight = 842;
constexpr qreal kMargin = 56;
constexpr qreal kTextWidth = kPageWidth - 2 * kMargin;

// Draws `text` on one line from `at` (baseline), each digit run as a run of its own (see header).
void drawRuns(QPainter& p, QPointF at, const QString& text) {
  const QFontMetricsF metrics(p.font());
  qsizetype i = 0;
  while (i < text.size()) {
    const bool digit = text[i].isDigit();
    qsizetype j = i;
    while (j < text.size() && text[j].isDigit() == digit) ++j;
    const QString run = text.mid(i, j - i);
    p.drawText(at, run);
    at.rx() += metrics.horizontalAdvance(run);
    i = j;
  }
}

// Splits `text` into lines no wider than `width` at Unicode line-break opportunities (Chinese
// may break between any two characters, Latin words stay whole unless longer than a line).
QStringList wrap(const QString& text, const QFont& font, qreal width) {
  const QFontMetricsF metrics(font);
  QStringList lines;
  QString line;
  QTextBoundaryFinder breaks(QTextBoundaryFinder::Line, text);
  qsizetype start = 0;
  while (start < text.size()) {
    qsizetype end = breaks.toNextBoundary();
    if (end < 0) end = text.size();
    const QString piece = text.mid(start, end - start);
    if (!line.isEmpty() && metrics.horizontalAdvance(line + piece.trimmed()) > width) {
      lines.append(line.trimmed());
      line.clear();
    }
    line += piece;
    // A piece longer than a line (a long hash) is cut by characters.
    while (metrics.horizontalAdvance(line) > width && line.size() > 1) {
      qsizetype fit = line.size() - 1;
      while (fit > 1 && metrics.horizontalAdvance(line.left(fit)) > width) --fit;
      lines.append(line.left(fit));
      line = line.mid(fit);
    }
    start = end;
  }
  if (!line.trimmed().isEmpty()) lines.append(line.trimmed());
  return lines;
}

class PageWriter {
 public:
  PageWriter(QPainter& painter, const QString& family) : m_p(painter), m_family(family) {}

  void title(const QString& text) {
    setSize(20);
    const qreal w = QFontMetricsF(m_p.font()).horizontalAdvance(text);
    m_y += 24;
    drawRuns(m_p, QPointF((kPageWidth - w) / 2, m_y), text);
    m_y += 18;
  }
  // "label：value", the value wrapped under itself.
  void field(const QString& label, const QString& value) {
    setSize(11);
    const QString head = label + QStringLiteral("：");
    const qreal indent = QFontMetricsF(m_p.font()).horizontalAdvance(head);
    const QStringList lines =
        wrap(value.isEmpty() ? QStringLiteral("—") : value, m_p.font(), kTextWidth - indent);
    m_y += 18;
    drawRuns(m_p, QPointF(kMargin, m_y), head);
    for (qsizetype i = 0; i < lines.size(); ++i) {
      if (i) m_y += 16;
      drawRuns(m_p, QPointF(kMargin + indent, m_y), lines[i]);
    }
  }
  void paragraph(const QString& text, qreal size = 11) {
    setSize(size);
    for (const QString& line : wrap(text, m_p.font(), kTextWidth)) {
      m_y += size + 5;
      drawRuns(m_p, QPointF(kMargin, m_y), line);
    }
  }
  void gap(qreal points) { m_y += points; }
  qreal y() const { return m_y; }

 private:
  void setSize(qreal points) {
    QFont f(m_family);
    f.setPointSizeF(points);
    f.setStyleStrategy(QFont::NoFontMerging);  // every glyph from the notice font (see header)
    m_p.setFont(f);
  }

  QPainter& m_p;
  QString m_family;
  qreal m_y = kMargin;
};

void paintNotice(QPainter& p, const QString& family, const NoticeContent& c,
                 const QImage& signature) {
  PageWriter page(p, family);
  page.title(QStringLiteral("房屋安全隐患告知书"));
  page.field(QStringLiteral("编号"), c.number);
  page.gap(6);
  page.field(QStringLiteral("房屋地址"), c.address);
  page.field(QStringLiteral("产权人"), c.owner);
  page.field(QStringLiteral("排查时间"), c.inspectedAt);
  page.field(QStringLiteral("初步判定"), c.judgment);
  page.gap(6);
  page.paragraph(QStringLiteral("经排查，您的房屋存在以下安全隐患："));
  if (c.findings.isEmpty()) page.paragraph(QStringLiteral("（无具体隐患记录）"));
  for (qsizetype i = 0; i < c.findings.size(); ++i)
    page.paragraph(QStringLiteral("%1. %2").arg(i + 1).arg(c.findings[i]));
  page.gap(6);
  page.field(QStringLiteral("处置建议"), c.advice);
  page.paragraph(QStringLiteral("请您按上述建议采取管控措施，并配合后续鉴定与整治。"));
  page.gap(6);
  page.field(QStringLiteral("排查人员"), c.inspector);
  page.field(QStringLiteral("告知时间"), c.issuedAt);
  page.gap(14);

  // The signature box: the owner's signature, or the recorded refusal.
  const QRectF box(kMargin, page.y(), kTextWidth, 150);
  p.setPen(QPen(Qt::black, 0.8));
  p.drawRect(box);
  PageWriter inBox(p, family);
  inBox.gap(box.top() - kMargin);
  if (c.refused) {
    inBox.field(QStringLiteral("  产权人签字"), QStringLiteral("拒绝签字"));
    inBox.field(QStringLiteral("  排查人员说明"), c.refusalNote);
    inBox.field(QStringLiteral("  记录时间"), c.signedAt);
  } else {
    inBox.field(QStringLiteral("  产权人签字"), c.signedAt.isEmpty()
                                                    ? QStringLiteral("（待签字）")
                                                    : QStringLiteral("（签名如下）"));
    if (!signature.isNull()) {
      const QRectF target(box.left() + 90, box.top() + 20, 300, 100);
      const QSizeF fitted = QSizeF(signature.size()).scaled(target.size(), Qt::KeepAspectRatio);
      p.drawImage(QRectF(target.topLeft(), fitted), signature);
    }
    if (!c.signedAt.isEmpty()) {
      PageWriter when(p, family);
      when.gap(box.bottom() - kMargin - 22);
      when.field(QStringLiteral("  签字时间"), c.signedAt);
    }
  }
  PageWriter footer(p, family);
  footer.gap(box.bottom() - kMargin + 10);
  if (!c.signatureSha256.isEmpty())
    footer.paragraph(QStringLiteral("签名图像 SHA-256：") + c.signatureSha256, 7);
  if (!c.strokesSha256.isEmpty())
    footer.paragraph(QStringLiteral("签名笔迹 SHA-256：") + c.strokesSha256, 7);
  footer.paragraph(QStringLiteral("本告知书一式两份，产权人与排查单位各执一份。"), 9);
}

}  // namespace

QString noticeFontFamily() {
  static const QString family = [] {
    QString path = qEnvironmentVariable("ANJU_NOTICE_FONT");
#ifdef ANJU_NOTICE_FONT
    if (path.isEmpty()) path = QStringLiteral(ANJU_NOTICE_FONT);
#endif
    if (path.isEmpty() || !QFile::exists(path)) return QString();
    const int id = QFontDatabase::addApplicationFont(path);
    return id < 0 ? QString() : QFontDatabase::applicationFontFamilies(id).value(0);
  }();
  return family;
}

bool writeNoticePdf(const QString& path, const NoticeContent& content, const QImage& signature,
                    QString* error) {
  const QString family = noticeFontFamily();
  if (family.isEmpty()) {
    if (error)
      *error = QCoreApplication::translate("OwnerNoticeDocument", "The notice font is missing.");
    return false;
  }
  {
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(72);  // one device unit = one PDF point
    writer.setTitle(QStringLiteral("房屋安全隐患告知书 ") + content.number);
    writer.setCreator(QStringLiteral("Anju"));
    QPainter painter;
    if (!painter.begin(&writer)) {
      if (error)
        *error = QCoreApplication::translate("OwnerNoticeDocument", "Cannot write the notice: %1")
                     .arg(path);
      return false;
    }
    paintNotice(painter, family, content, signature);
  }
  if (QFile(path).size() <= 0) {
    if (error)
      *error = QCoreApplication::translate("OwnerNoticeDocument", "The notice file is empty: %1")
                   .arg(path);
    return false;
  }
  return true;
}

QImage renderNoticeImage(const NoticeContent& content, const QImage& signature, int width) {
  const qreal scale = width / kPageWidth;
  QImage image(width, qRound(kPageHeight * scale), QImage::Format_RGB32);
  image.fill(Qt::white);
  // 72 dpi, like the PDF: a point size then means the same number of page units on both.
  image.setDotsPerMeterX(2835);
  image.setDotsPerMeterY(2835);
  const QString family = noticeFontFamily();
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  painter.scale(scale, scale);
  paintNotice(painter, family.isEmpty() ? QStringLiteral("Noto Sans CJK SC") : family, content,
              signature);
  return image;
}

}  // namespace anju::app
