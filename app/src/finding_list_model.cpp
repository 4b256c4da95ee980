#include "finding_list_model.h"

#include <QVariantMap>
#include <algorithm>

#include "anju/checklist.h"
#include "anju/china_time.h"
#include "anju/enum_codes.h"
#include "anju/explanation.h"  // formatNumber

namespace anju::app {

namespace {

QString millimetres(double mm, Language language) {
  const QString n = toQString(formatNumber(mm, 2));
  return language == Language::kEnglish ? n + QStringLiteral(" mm") : n + QStringLiteral(" 毫米");
}

}  // namespace

QString crackHistoryText(const CrackTrend& trend, Language language) {
  if (trend.earlier.empty()) return {};
  const bool en = language == Language::kEnglish;
  QStringList steps;
  for (const CrackReading& r : trend.earlier)
    steps.append(toQString(formatChinaTime(r.at)).left(10) + QLatin1Char(' ') +
                 millimetres(r.widthMm, language));
  if (trend.widthMm)
    steps.append((en ? QStringLiteral("now ") : QStringLiteral("本次 ")) +
                 millimetres(*trend.widthMm, language));
  QString text = (en ? QStringLiteral("Width history: ") : QStringLiteral("宽度记录：")) +
                 steps.join(QStringLiteral(" → "));
  if (trend.growthMm && *trend.growthMm > 0)
    text += en ? QStringLiteral(" (+%1)").arg(millimetres(*trend.growthMm, language))
               : QStringLiteral("（扩展 %1）").arg(millimetres(*trend.growthMm, language));
  return text;
}

FindingListModel::FindingListModel(QObject* parent) : QAbstractListModel(parent) {}

void FindingListModel::update(const std::vector<Finding>& findings, const PreliminaryRules* rules,
                              Language language, const QHash<QString, QString>& typed,
                              const QHash<QString, QString>& thumbnails,
                              const QHash<QString, CrackTrend>& cracks) {
  const bool sameRows = findings.size() == m_findings.size() &&
                        std::equal(findings.begin(), findings.end(), m_findings.begin(),
                                   [](const Finding& a, const Finding& b) { return a.id == b.id; });
  if (sameRows) {
    const QList<int> roles = roleNames().keys();
    std::vector<QVariantList> before;
    for (int row = 0; row < count(); ++row) {
      QVariantList values;
      for (int role : roles) values.append(data(index(row), role));
      before.push_back(std::move(values));
    }
    m_rules = rules;
    m_language = language;
    m_typed = typed;
    m_thumbnails = thumbnails;
    m_cracks = cracks;
    m_findings = findings;
    for (int row = 0; row < count(); ++row) {
      QList<int> changed;
      for (qsizetype r = 0; r < roles.size(); ++r)
        if (data(index(row), roles[r]) != before[static_cast<std::size_t>(row)][r])
          changed.append(roles[r]);
      if (!changed.isEmpty()) emit dataChanged(index(row), index(row), changed);
    }
    return;
  }
  m_rules = rules;
  m_language = language;
  m_typed = typed;
  m_thumbnails = thumbnails;
  m_cracks = cracks;
  beginResetModel();
  m_findings = findings;
  endResetModel();
  emit countChanged();
}

int FindingListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : count();
}

QVariant FindingListModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const Finding& f = m_findings[static_cast<std::size_t>(index.row())];
  switch (role) {
    case FindingIdRole:
      return toQString(f.id);
    case ComponentRole:
      return toQString(toCode(f.component));
    case ComponentLabelRole:
      return pick(label(f.component), m_language);
    case HazardRole:
      return toQString(toCode(f.hazard));
    case Qt::DisplayRole:
    case HazardLabelRole:
      return pick(label(f.hazard), m_language);
    case LocationRole:
      return m_typed.value(QStringLiteral("finding:%1:location").arg(toQString(f.id)),
                           toQString(f.location));
    case SeverityRole:
      return toQString(toCode(f.severity));
    case SeverityLabelRole:
      return pick(label(f.severity), m_language);
    case NoteRole:
      return m_typed.value(QStringLiteral("finding:%1:note").arg(toQString(f.id)),
                           toQString(f.note));
    case MeasurementsRole: {
      QVariantList out;
      if (!m_rules) return out;
      for (const MeasurementDefinition& def : m_rules->measurements) {
        QString value;
        for (const Measurement& m : f.measurements)
          if (m.name == def.name) value = QString::number(m.value);
        value = m_typed.value(
            QStringLiteral("measure:%1:%2").arg(toQString(f.id), toQString(def.name)), value);
        const MeasurementUnit* unit = findMeasurementUnit(def.unit);
        out.append(QVariantMap{
            {QStringLiteral("name"), toQString(def.name)},
            {QStringLiteral("label"), pick(def.label, m_language)},
            {QStringLiteral("unit"),
             unit ? toQString(m_language == Language::kEnglish ? unit->en : unit->zh) : QString()},
            {QStringLiteral("value"), value}});
      }
      return out;
    }
    case PhotoCountRole:
      return static_cast<int>(f.photoIds.size());
    case ThumbnailsRole:
    case ThumbnailIdsRole: {
      QStringList out;
      for (const Uuid& id : f.photoIds)
        if (const auto it = m_thumbnails.constFind(toQString(id)); it != m_thumbnails.cend())
          out.append(role == ThumbnailsRole ? *it : toQString(id));
      return out;
    }
    case CrackHistoryRole:
      return crackHistoryText(m_cracks.value(toQString(f.id)), m_language);
    case CrackGrowingRole:
      return m_cracks.value(toQString(f.id)).flagged;
    default:
      return {};
  }
}

QHash<int, QByteArray> FindingListModel::roleNames() const {
  return {{FindingIdRole, "findingId"},
          {ComponentRole, "component"},
          {ComponentLabelRole, "componentLabel"},
          {HazardRole, "hazard"},
          {HazardLabelRole, "hazardLabel"},
          {LocationRole, "location"},
          {SeverityRole, "severity"},
          {SeverityLabelRole, "severityLabel"},
          {NoteRole, "note"},
          {MeasurementsRole, "measurements"},
          {PhotoCountRole, "photoCount"},
          {ThumbnailsRole, "thumbnails"},
          {ThumbnailIdsRole, "thumbnailIds"},
          {CrackHistoryRole, "crackHistory"},
          {CrackGrowingRole, "crackGrowing"}};
}

}  // namespace anju::app
