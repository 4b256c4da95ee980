#include "owner_notice_controller.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QPainter>
#include <QPainterPath>
#include <QStandardPaths>
#include <QUrl>
#include <QUuid>

#include "anju/china_time.h"
#include "anju/enum_codes.h"
#include "anju/hlc.h"
#include "anju/photo_library.h"
#include "localized.h"

namespace anju::app {
namespace {

constexpr double kStrokeBoxWidth = 1000;  // strokesText units
constexpr int kSignatureWidthPx = 600;

QString chinaTime(TimestampMs ms) { return toQString(formatChinaTime(ms)); }

QPointF pointOf(const QVariant& v) {
  if (v.canConvert<QPointF>() && v.typeId() != QMetaType::QVariantMap) return v.toPointF();
  const QVariantMap m = v.toMap();
  return {m.value(QStringLiteral("x")).toDouble(), m.value(QStringLiteral("y")).toDouble()};
}

// "一层北侧承重墙 承重墙 墙体裂缝，宽度 1.5 mm（严重）": a finding in words for the owner.
QString findingInWords(const Finding& f, const PreliminaryRules& rules) {
  QString text = f.location.empty() ? QString() : toQString(f.location) + QStringLiteral(" ");
  text += pick(label(f.component), Language::kChinese) + QStringLiteral(" ") +
          pick(label(f.hazard), Language::kChinese);
  QStringList measured;
  for (const Measurement& m : f.measurements) {
    QString name = toQString(m.name);
    for (const MeasurementDefinition& d : rules.measurements)
      if (d.name == m.name) name = pick(d.label, Language::kChinese);
    // "ratio" is a plain number; other units (mm, ‰, %) are written after the value.
    const QString unit = m.unit == "ratio" ? QString() : QStringLiteral(" ") + toQString(m.unit);
    measured.append(QStringLiteral("%1 %2%3").arg(name).arg(m.value).arg(unit));
  }
  if (!measured.isEmpty()) text += QStringLiteral("，") + measured.join(QStringLiteral("，"));
  text += QStringLiteral("（") + pick(label(f.severity), Language::kChinese) + QStringLiteral("）");
  if (!f.note.empty()) text += QStringLiteral("；") + toQString(f.note);
  return text;
}

QByteArray pngBytes(const QImage& image) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  return bytes;
}

}  // namespace

OwnerNoticeController::OwnerNoticeController(QObject* parent) : QObject(parent) {}

void OwnerNoticeController::setInspection(InspectionController* inspection) {
  if (m_inspection == inspection) return;
  if (m_inspection) {
    disconnect(m_inspection, nullptr, this, nullptr);
    disconnect(m_inspection->judgment(), nullptr, this, nullptr);
  }
  m_inspection = inspection;
  if (m_inspection) {
    connect(m_inspection, &InspectionController::inspectionChanged, this,
            &OwnerNoticeController::refresh);
    connect(m_inspection->judgment(), &InspectionJudgment::changed, this,
            &OwnerNoticeController::refresh);
  }
  emit inspectionChanged();
  refresh();
}

QString OwnerNoticeController::state() const {
  if (!m_inspection || !m_inspection->inspection().ownerNotice) return QStringLiteral("unsigned");
  return m_inspection->inspection().ownerNotice->refused ? QStringLiteral("refused")
                                                         : QStringLiteral("signed");
}

QString OwnerNoticeController::pdfPath() const {
  const QString sha = pdfSha256();
  if (sha.isEmpty() || !m_inspection || !m_inspection->session()) return {};
  return toQString(m_inspection->session()->photos()->pathOf(toStdString(sha)));
}

QString OwnerNoticeController::pdfSha256() const {
  if (!m_inspection || !m_inspection->inspection().ownerNotice) return {};
  return toQString(m_inspection->inspection().ownerNotice->pdfSha256);
}

QString OwnerNoticeController::signatureSha256() const {
  if (!m_inspection || !m_inspection->inspection().ownerNotice) return {};
  return toQString(m_inspection->inspection().ownerNotice->signatureSha256);
}

NoticeContent OwnerNoticeController::contentNow() const {
  NoticeContent c;
  if (!m_inspection || !m_inspection->session() || m_inspection->inspectionId().isEmpty()) return c;
  const Session& session = *m_inspection->session();
  const Building& b = m_inspection->building();
  Inspection in = m_inspection->inspection();
  // Graded afresh, so an unsaved grade() does not leave the notice behind the checklist.
  const PreliminaryAssessment assessment = gradeInspection(in, b, session.rules());
  const PreliminaryJudgment judgment = in.override ? in.override->judgment : assessment.judgment;
  const PreliminaryRules& rules = session.rules();
  const LocalizedText& advice = judgment == PreliminaryJudgment::kSerious ? rules.disposalSerious
                                : judgment == PreliminaryJudgment::kSome  ? rules.disposalSome
                                                                          : rules.disposalNone;
  const TimestampMs issued = in.ownerNotice ? in.ownerNotice->issuedAt : systemNowMs();
  c.number = in.ownerNotice ? toQString(in.ownerNotice->number)
                            : QStringLiteral("AJ-%1-%2")
                                  .arg(chinaTime(issued).left(10).remove(QLatin1Char('-')),
                                       toQString(in.id).left(8).toUpper());
  c.address = toQString(b.region.district + b.region.street + b.region.community + " " + b.address);
  c.owner = toQString(b.ownerName) +
            (b.ownerContact.empty()
                 ? QString()
                 : QStringLiteral("（") + toQString(b.ownerContact) + QStringLiteral("）"));
  c.inspectedAt = chinaTime(in.startedAt);
  c.judgment = pick(label(judgment), Language::kChinese);
  for (const Finding& f : in.findings) c.findings.append(findingInWords(f, rules));
  c.advice = pick(advice, Language::kChinese);
  c.inspector = toQString(in.inspector);
  c.issuedAt = chinaTime(issued);
  if (in.ownerNotice) {
    const OwnerNotice& n = *in.ownerNotice;
    c.refused = n.refused;
    c.refusalNote = toQString(n.refusalNote);
    c.signedAt = chinaTime(n.signedAt);
    c.signatureSha256 = toQString(n.signatureSha256);
    c.strokesSha256 = toQString(n.strokesSha256);
  }
  return c;
}

void OwnerNoticeController::refresh() {
  m_content = contentNow();
  QImage signature;
  if (m_inspection && m_inspection->inspection().ownerNotice &&
      !m_inspection->inspection().ownerNotice->refused) {
    const OwnerNotice& n = *m_inspection->inspection().ownerNotice;
    signature.load(toQString(m_inspection->session()->photos()->pathOf(n.signatureSha256)), "PNG");
  }
  QString url;
  if (!m_content.number.isEmpty()) {
    // A fresh file name each time, so the Image reloads instead of showing its cached copy.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
    const QString path = dir + QStringLiteral("/anju-notice-preview-%1.png")
                                   .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (renderNoticeImage(m_content, signature, 1190).save(path, "PNG")) {
      if (!m_previewPath.isEmpty()) QFile::remove(m_previewPath);
      m_previewPath = path;
      url = QUrl::fromLocalFile(path).toString();
    }
  }
  m_previewUrl = url;
  emit noticeChanged();
}

QString OwnerNoticeController::strokesText(const QVariantList& strokes, double padWidth, double) {
  if (padWidth <= 0) return {};
  const double scale = kStrokeBoxWidth / padWidth;
  QStringList out;
  for (const QVariant& stroke : strokes) {
    QStringList points;
    for (const QVariant& v : stroke.toList()) {
      const QPointF p = pointOf(v);
      points.append(QStringLiteral("%1,%2").arg(qRound(p.x() * scale)).arg(qRound(p.y() * scale)));
    }
    if (points.size() >= 2) out.append(points.join(QLatin1Char(' ')));
  }
  return out.join(QLatin1Char(';'));
}

QImage OwnerNoticeController::renderSignature(const QString& strokes, double aspect) {
  const double scale = kSignatureWidthPx / kStrokeBoxWidth;
  const int height = qMax(1, qRound(kSignatureWidthPx * aspect));
  QImage image(kSignatureWidthPx, height, QImage::Format_RGB32);
  image.fill(Qt::white);
  QPainter p(&image);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(QPen(Qt::black, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  for (const QString& stroke : strokes.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
    QPainterPath path;
    const QStringList points = stroke.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < points.size(); ++i) {
      const QStringList xy = points[i].split(QLatin1Char(','));
      const QPointF at(xy.value(0).toDouble() * scale, xy.value(1).toDouble() * scale);
      if (i == 0)
        path.moveTo(at);
      else
        path.lineTo(at);
    }
    p.drawPath(path);
  }
  return image;
}

bool OwnerNoticeController::sign(const QVariantList& strokes, double padWidth, double padHeight) {
  if (!m_inspection || !m_inspection->isEditable()) {
    setErrorString(tr("This inspection cannot be changed any more."));
    return false;
  }
  const QString text = strokesText(strokes, padWidth, padHeight);
  if (text.isEmpty()) {
    setErrorString(tr("The signature pad is empty: ask the owner to sign, or record a refusal."));
    return false;
  }
  const QImage signature = renderSignature(text, padHeight / padWidth);
  const QByteArray png = pngBytes(signature);
  Result<PhotoRecord> stored =
      m_inspection->photos()->importDocument(png, kDocumentOwnerSignature, "image/png");
  if (!stored) {
    setErrorString(statusMessage(stored.status(), m_inspection->session()->lang()));
    return false;
  }
  OwnerNotice n;
  n.signaturePhotoId = stored->id;
  n.signatureSha256 = stored->sha256;
  n.signatureStrokes = toStdString(text);
  n.strokesSha256 = sha256Hex(n.signatureStrokes);
  n.signedAt = systemNowMs();
  return finish(contentNow(), std::move(n), signature);
}

bool OwnerNoticeController::refuse(const QString& note) {
  if (!m_inspection || !m_inspection->isEditable()) {
    setErrorString(tr("This inspection cannot be changed any more."));
    return false;
  }
  if (note.trimmed().isEmpty()) {
    setErrorString(tr("Write down what happened when the owner refused to sign."));
    return false;
  }
  OwnerNotice n;
  n.refused = true;
  n.refusalNote = toStdString(note.trimmed());
  n.signedAt = systemNowMs();
  return finish(contentNow(), std::move(n), QImage());
}

// Writes the PDF as handed over (with the signature or the refusal), stores it, and links the
// notice into the draft. The PDF is written to a temporary file first and imported from there.
bool OwnerNoticeController::finish(NoticeContent content, OwnerNotice n, const QImage& signature) {
  n.number = toStdString(content.number);
  n.issuedAt = systemNowMs();
  content.refused = n.refused;
  content.refusalNote = toQString(n.refusalNote);
  content.signedAt = chinaTime(n.signedAt);
  content.signatureSha256 = toQString(n.signatureSha256);
  content.strokesSha256 = toQString(n.strokesSha256);
  const QString tmp = QDir(m_inspection->photos()->captureDirectory())
                          .filePath(QStringLiteral("notice-%1.pdf").arg(content.number));
  QString error;
  if (!writeNoticePdf(tmp, content, signature, &error)) {
    setErrorString(error);
    return false;
  }
  QFile file(tmp);
  if (!file.open(QIODevice::ReadOnly)) {
    setErrorString(tr("The notice PDF could not be read back."));
    return false;
  }
  const QByteArray pdf = file.readAll();
  file.close();
  QFile::remove(tmp);
  Result<PhotoRecord> stored =
      m_inspection->photos()->importDocument(pdf, kDocumentOwnerNotice, "application/pdf");
  if (!stored) {
    setErrorString(statusMessage(stored.status(), m_inspection->session()->lang()));
    return false;
  }
  n.pdfPhotoId = stored->id;
  n.pdfSha256 = stored->sha256;
  if (!m_inspection->attachOwnerNotice(std::move(n))) {
    setErrorString(m_inspection->errorString());
    return false;
  }
  setErrorString({});
  refresh();
  return true;
}

void OwnerNoticeController::setErrorString(const QString& error) {
  if (error == m_errorString) return;
  m_errorString = error;
  emit errorStringChanged();
}

}  // namespace anju::app
