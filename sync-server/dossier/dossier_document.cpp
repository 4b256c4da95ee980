#include "dossier_document.h"

#include <QImage>
#include <QImageReader>
#include <QPageLayout>
#include <QPageSize>
#include <algorithm>
#include <variant>

#include "anju/china_time.h"
#include "anju/enum_codes.h"
#include "anju/record_codec.h"
#include "dossier_fonts.h"
#include "dossier_labels.h"

namespace anju::dossier {
namespace {

constexpr int kDpi = 300;
constexpr double kGap = 0.6;  // mm between blocks

QString q(std::string_view s) {
  return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
double mm(double v) { return v * kDpi / 25.4; }

template <typename E>
QString zh(E value) {
  return q(label(value).zh);
}

QString orDash(const std::string& s) { return s.empty() ? QStringLiteral("—") : q(s); }
QString orDash(const QString& s) { return s.isEmpty() ? QStringLiteral("—") : s; }

// Under a photo: 标注副本 for an annotated copy, its category, caption and capture time.
QString photoCaption(const PhotoRecord& p) {
  QString words = p.annotatedFrom.empty() ? QString() : QStringLiteral("标注副本 ");
  if (p.category) words += zh(*p.category) + QLatin1Char(' ');
  return words + orDash(p.caption) + "  " + q(formatChinaTime(p.capturedAt));
}

}  // namespace

DossierDocument::DossierDocument(const std::string& path, const DossierHeader& header,
                                 const QString& family)
    : m_header(header), m_family(family) {
  m_writer = std::make_unique<QPdfWriter>(QString::fromStdString(path));
  m_writer->setResolution(kDpi);
  m_writer->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                      QMarginsF(15, 15, 15, 18), QPageLayout::Millimeter));
  m_writer->setTitle(q(header.title) + (header.subtitle.empty() ? "" : " " + q(header.subtitle)));
  m_writer->setCreator(QStringLiteral("Anju 安居"));
  m_painter = std::make_unique<QPainter>();
  m_ok = m_painter->begin(m_writer.get());
  m_pageHeight = m_writer->pageLayout().paintRectPixels(kDpi).height();
  m_page = 1;
}

DossierDocument::~DossierDocument() {
  if (m_painter && m_painter->isActive()) m_painter->end();
}

double DossierDocument::width() const {
  return m_writer->pageLayout().paintRectPixels(kDpi).width();
}

void DossierDocument::footer() {
  const QFont f = dossierFont(m_family, 8);
  m_painter->setFont(f);
  m_painter->setPen(Qt::darkGray);
  const QString text = q(m_header.title) + "  " + q(m_header.subtitle) + "    第 " +
                       QString::number(m_page) + " 页    生成于 " + q(m_header.generated);
  m_painter->drawText(QRectF(0, m_pageHeight + mm(4), width(), mm(6)), Qt::AlignCenter, text);
  m_painter->setPen(Qt::black);
}

void DossierDocument::newPage() {
  footer();
  m_writer->newPage();
  ++m_page;
  m_y = 0;
  m_photoRowH = 0;
}

void DossierDocument::ensure(double height) {
  if (m_y + height > m_pageHeight && m_y > 0) newPage();
}

void DossierDocument::heading(const QString& text, double points, bool rule) {
  const QFont f = dossierFont(m_family, points, true);
  m_painter->setFont(f);
  const QRectF box =
      m_painter->boundingRect(QRectF(0, 0, width(), m_pageHeight), Qt::TextWordWrap, text);
  ensure(box.height() + mm(8));  // never a heading alone at the foot of a page
  m_y += mm(kGap * 2);
  m_painter->drawText(QRectF(0, m_y, width(), box.height()), Qt::TextWordWrap, text);
  m_y += box.height();
  if (rule) {
    m_painter->drawLine(QPointF(0, m_y + mm(0.5)), QPointF(width(), m_y + mm(0.5)));
    m_y += mm(1);
  }
  m_y += mm(kGap);
}

void DossierDocument::paragraph(const QString& text, double points, bool bold) {
  const QFont f = dossierFont(m_family, points, bold);
  m_painter->setFont(f);
  const QRectF box =
      m_painter->boundingRect(QRectF(0, 0, width(), m_pageHeight), Qt::TextWordWrap, text);
  ensure(box.height());
  m_painter->drawText(QRectF(0, m_y, width(), box.height()), Qt::TextWordWrap, text);
  m_y += box.height() + mm(kGap);
}

void DossierDocument::keyValues(const std::vector<std::pair<QString, QString>>& rows) {
  std::vector<std::vector<QString>> cells;
  for (const auto& [k, v] : rows) cells.push_back({k, v});
  table({}, {0.22, 0.78}, cells);
}

void DossierDocument::table(const std::vector<QString>& headers,
                            const std::vector<double>& fractions,
                            const std::vector<std::vector<QString>>& rows) {
  const QFont f = dossierFont(m_family, 9);
  const QFont bold = dossierFont(m_family, 9, true);
  const double pad = mm(1.2);
  auto drawRow = [&](const std::vector<QString>& cells, bool header) {
    m_painter->setFont(header ? bold : f);
    double height = 0;
    std::vector<double> widths;
    for (std::size_t c = 0; c < fractions.size(); ++c) {
      widths.push_back(width() * fractions[c]);
      const QRectF box =
          m_painter->boundingRect(QRectF(0, 0, widths[c] - 2 * pad, m_pageHeight), Qt::TextWordWrap,
                                  c < cells.size() ? cells[c] : QString());
      height = std::max(height, box.height() + 2 * pad);
    }
    ensure(height);
    double x = 0;
    for (std::size_t c = 0; c < fractions.size(); ++c) {
      const QRectF cell(x, m_y, widths[c], height);
      if (header || (headers.empty() && c == 0))
        m_painter->fillRect(cell, QColor(0xEE, 0xF3, 0xFA));
      m_painter->drawRect(cell);
      m_painter->setFont(header || (headers.empty() && c == 0) ? bold : f);
      m_painter->drawText(cell.adjusted(pad, pad, -pad, -pad), Qt::TextWordWrap,
                          c < cells.size() ? cells[c] : QString());
      x += widths[c];
    }
    m_y += height;
  };
  if (!headers.empty()) drawRow(headers, true);
  for (const auto& r : rows) drawRow(r, false);
  m_y += mm(kGap * 2);
}

void DossierDocument::photo(const std::string& path, const QString& caption) {
  const double boxW = (width() - mm(6)) / 2;  // two photos per row
  const double imageH = mm(62);
  const double captionH = mm(9);
  if (m_photoRowH == 0 || m_photoX + boxW > width() + 1) {
    if (m_photoRowH > 0) m_y += m_photoRowH + mm(2);
    ensure(imageH + captionH);
    m_photoX = 0;
    m_photoRowH = imageH + captionH;
  }
  const QRectF frame(m_photoX, m_y, boxW, imageH);
  QImage image;
  if (!path.empty()) {
    QImageReader reader(QString::fromStdString(path));
    reader.setAutoTransform(true);  // honour EXIF orientation from the tablet's camera
    image = reader.read();
  }
  if (image.isNull()) {
    m_painter->drawRect(frame);
    const QFont f = dossierFont(m_family, 9);
    m_painter->setFont(f);
    m_painter->drawText(
        frame, Qt::AlignCenter,
        path.empty() ? QStringLiteral("照片尚未上传") : QStringLiteral("照片无法读取"));
  } else {
    // Fit the frame at print resolution. A larger image is scaled down (no full-size camera
    // files in the PDF); a smaller one (a 300 x 100 signature) keeps its pixels and is drawn
    // enlarged, so the PDF holds the image as captured rather than an upscaled copy.
    const QSize fit = image.size().scaled(frame.size().toSize(), Qt::KeepAspectRatio);
    const QImage pixels = image.width() > fit.width()
                              ? image.scaled(fit, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                              : image;
    const QRectF target(frame.x() + (frame.width() - fit.width()) / 2, frame.y(), fit.width(),
                        fit.height());
    m_painter->drawImage(target, pixels);
  }
  const QFont f = dossierFont(m_family, 8);
  m_painter->setFont(f);
  m_painter->drawText(QRectF(m_photoX, m_y + imageH + mm(1), boxW, captionH - mm(1)),
                      Qt::TextWordWrap | Qt::AlignHCenter, caption);
  m_photoX += boxW + mm(6);
}

bool DossierDocument::addHouse(const DossierHouse& house, std::string* error) {
  std::optional<Building> building;
  std::vector<Inspection> inspections;
  std::vector<PhotoRecord> photos;
  std::vector<Rectification> rectifications;
  for (const std::string& bytes : house.records) {
    Result<AnyRecord> r = decodeRecord(bytes);
    if (!r) {
      *error = "undecodable record: " + r.status().toString();
      return false;
    }
    std::visit(
        [&](auto&& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, Building>)
            building = v;
          else if constexpr (std::is_same_v<T, Inspection>)
            inspections.push_back(v);
          else if constexpr (std::is_same_v<T, PhotoRecord>)
            photos.push_back(v);
          else if constexpr (std::is_same_v<T, Rectification>)
            rectifications.push_back(v);
          // Visits (走访) are not printed in the dossier yet; the register counts them.
        },
        *r);
  }
  if (!building) {
    *error = "house without a building record";
    return false;
  }
  if (m_houses++ > 0) newPage();
  const Building& b = *building;

  heading(q(m_header.title), 15, false);
  heading(
      q(b.region.district + " " + b.region.street + " " + b.region.community + "  " + b.address),
      12, true);
  QString storeys = QString::number(b.storeysAbove) + " 层";
  if (b.storeysBelow > 0) storeys += "，地下 " + QString::number(b.storeysBelow) + " 层";
  QStringList alterations;
  for (Alteration a : b.alterations) alterations << zh(a);
  QStringList permits, geoHazards, fireHazards;
  for (const PermitStatus& p : b.permits) permits << zh(p.permit) + "：" + zh(p.state);
  for (GeoHazard g : b.geoHazards) geoHazards << zh(g);
  for (FireHazard f : b.fireHazards) fireHazards << zh(f);
  keyValues({
      {"房屋编号", q(b.id)},
      {"区划", q(b.region.district + " / " + b.region.street + " / " + b.region.community)},
      {"详细地址", q(b.address)},
      {"GPS 坐标", q(gpsText(b.location))},
      {"产权人",
       orDash(b.ownerName) + (b.ownerContact.empty() ? "" : "（" + q(b.ownerContact) + "）")},
      {"建成年份", b.yearBuilt ? QString::number(*b.yearBuilt) : QStringLiteral("不详")},
      {"层数", storeys},
      {"建筑面积",
       b.floorAreaM2 ? QString::number(*b.floorAreaM2, 'f', 1) + " m²" : QStringLiteral("—")},
      {"结构类型", zh(b.structure)},
      {"设计情况", zh(b.design)},
      {"改扩建", alterations.isEmpty() ? QStringLiteral("无") : alterations.join("、")},
      {"房屋用途", zh(b.use)},
      {"房屋编码", orDash(b.buildingCode)},
      // The national platform's blocks (issue 11 §3); the numbers exactly as stored.
      {"区划代码", orDash(house.regionCode)},
      {"经营性用途", b.businessUse() ? QStringLiteral("是") : QStringLiteral("否")},
      {"业态", b.businessType ? zh(*b.businessType) : QStringLiteral("—")},
      {"土地性质", b.landType ? zh(*b.landType) : QStringLiteral("—")},
      {"许可证照", orDash(permits.join("；"))},
      {"地质灾害", orDash(geoHazards.join("、"))},
      {"消防隐患", orDash(fireHazards.join("、"))},
      {"自建房编号", orDash(b.platformHouseNumber)},
      {"普查房屋编号", orDash(b.censusHouseNumber)},
  });

  heading("整治情况", 11, false);
  if (rectifications.empty()) {
    paragraph("无整治措施。");
  } else {
    std::vector<std::vector<QString>> rows;
    for (const Rectification& r : rectifications)
      rows.push_back({zh(r.family), q(r.measure), zh(r.status), orDash(r.deadline),
                      orDash(r.responsibleParty), q(r.note)});
    table({"措施类别", "措施", "状态", "期限", "责任方", "备注"},
          {0.15, 0.2, 0.1, 0.14, 0.16, 0.25}, rows);
  }

  std::sort(inspections.begin(), inspections.end(), [](const Inspection& a, const Inspection& b) {
    const auto ta = a.submittedAt ? a.submittedAt : a.startedAt;
    const auto tb = b.submittedAt ? b.submittedAt : b.startedAt;
    return ta != tb ? ta > tb : a.id > b.id;
  });
  if (inspections.empty()) {
    heading("排查记录", 11, false);
    paragraph("尚未排查。");
  }
  int n = 0;
  for (const Inspection& in : inspections) {
    ++n;
    heading("排查记录 " + QString::number(n) + "：" +
                q(formatChinaTime(in.submittedAt ? in.submittedAt : in.startedAt)) + "  排查人员 " +
                q(in.inspector),
            11, true);
    QString judgment =
        in.effectiveJudgment() ? zh(*in.effectiveJudgment()) : QStringLiteral("未判定");
    std::vector<std::pair<QString, QString>> facts = {
        {"初步判定", judgment},
        {"系统计算判定", in.computedJudgment ? zh(*in.computedJudgment) : QStringLiteral("—")},
    };
    if (in.override)
      facts.push_back(
          {"人工修正", zh(in.override->judgment) + "；理由：" + q(in.override->reason)});
    facts.push_back({"判定依据", orDash(in.judgmentExplanation)});
    facts.push_back(
        {"鉴定等级", in.appraisalGrade ? zh(*in.appraisalGrade) : QStringLiteral("未鉴定")});
    facts.push_back(
        {"审核状态",
         zh(in.review) + (in.reviewComment.empty() ? "" : "；意见：" + q(in.reviewComment))});
    facts.push_back({"检查表", q(in.templateId) + " v" + QString::number(in.templateVersion)});
    facts.push_back({"排查记录编号", q(in.id)});
    keyValues(facts);

    if (!in.findings.empty()) {
      std::vector<std::vector<QString>> rows;
      for (const Finding& f : in.findings) {
        QStringList measures;
        for (const Measurement& m : f.measurements) measures << q(measurementText(m));
        rows.push_back({zh(f.component), zh(f.hazard), q(f.location), measures.join("；"),
                        zh(f.severity), q(f.note)});
      }
      paragraph("隐患（" + QString::number(in.findings.size()) + " 项）", 9.5, true);
      table({"部位", "隐患类型", "位置", "测量值", "程度", "说明"},
            {0.14, 0.15, 0.2, 0.19, 0.12, 0.2}, rows);
    } else {
      paragraph("未记录隐患。");
    }

    std::vector<const PhotoRecord*> own;
    for (const PhotoRecord& p : photos)
      if (p.inspectionId == in.id && p.document.empty() && !p.deleted) own.push_back(&p);
    if (!own.empty()) {
      ensure(mm(80));  // the caption stays with the first row of photos
      paragraph("照片（" + QString::number(own.size()) + " 张）", 9.5, true);
      for (const PhotoRecord* p : own) {
        auto file = house.photos.find(p->sha256);
        photo(file == house.photos.end() ? "" : file->second, photoCaption(*p));
      }
      m_y += m_photoRowH + mm(2);
      m_photoRowH = 0;
    }
    if (in.ownerNotice) ownerNoticePage(in, photos, house);  // dossier_notice.cpp
  }
  // Photos of the house not tied to an inspection.
  std::vector<const PhotoRecord*> loose;
  for (const PhotoRecord& p : photos) {
    const bool known = std::any_of(inspections.begin(), inspections.end(),
                                   [&](const Inspection& in) { return in.id == p.inspectionId; });
    if (!known && p.document.empty() && !p.deleted) loose.push_back(&p);
  }
  if (!loose.empty()) {
    ensure(mm(85));
    heading("房屋照片", 11, false);
    for (const PhotoRecord* p : loose) {
      auto file = house.photos.find(p->sha256);
      photo(file == house.photos.end() ? "" : file->second, photoCaption(*p));
    }
    m_y += m_photoRowH + mm(2);
    m_photoRowH = 0;
  }
  return true;
}

bool DossierDocument::finish() {
  if (!m_ok) return false;
  footer();
  return m_painter->end();
}

}  // namespace anju::dossier
