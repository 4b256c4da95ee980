#include "finding_list_model.h"

#include <QVariantMap>

#include "anju/checklist.h"
#include "anju/enum_codes.h"

namespace anju::app {

FindingListModel::FindingListModel(QObject* parent) : QAbstractListModel(parent) {}

void FindingListModel::update(const std::vector<Finding>& findings, const PreliminaryRules* rules,
                              Language language) {
  m_rules = rules;
  m_language = language;
  if (findings.size() == m_findings.size()) {
    m_findings = findings;
    if (!m_findings.empty()) emit dataChanged(index(0), index(count() - 1));
    return;
  }
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
    case FindingIdRole: return toQString(f.id);
    case ComponentRole: return toQString(toCode(f.component));
    case ComponentLabelRole: return pick(label(f.component), m_language);
    case HazardRole: return toQString(toCode(f.hazard));
    case Qt::DisplayRole:
    case HazardLabelRole: return pick(label(f.hazard), m_language);
    case LocationRole: return toQString(f.location);
    case SeverityRole: return toQString(toCode(f.severity));
    case SeverityLabelRole: return pick(label(f.severity), m_language);
    case NoteRole: return toQString(f.note);
    case MeasurementsRole: {
      QVariantList out;
      if (!m_rules) return out;
      for (const MeasurementDefinition& def : m_rules->measurements) {
        QString value;
        for (const Measurement& m : f.measurements)
          if (m.name == def.name) value = QString::number(m.value);
        const MeasurementUnit* unit = findMeasurementUnit(def.unit);
        out.append(QVariantMap{
            {QStringLiteral("name"), toQString(def.name)},
            {QStringLiteral("label"), pick(def.label, m_language)},
            {QStringLiteral("unit"),
             unit ? toQString(m_language == Language::kEnglish ? unit->en : unit->zh)
                  : QString()},
            {QStringLiteral("value"), value}});
      }
      return out;
    }
    case PhotoCountRole: return static_cast<int>(f.photoIds.size());
    default: return {};
  }
}

QHash<int, QByteArray> FindingListModel::roleNames() const {
  return {{FindingIdRole, "findingId"},   {ComponentRole, "component"},
          {ComponentLabelRole, "componentLabel"}, {HazardRole, "hazard"},
          {HazardLabelRole, "hazardLabel"}, {LocationRole, "location"},
          {SeverityRole, "severity"},     {SeverityLabelRole, "severityLabel"},
          {NoteRole, "note"},             {MeasurementsRole, "measurements"},
          {PhotoCountRole, "photoCount"}};
}

}  // namespace anju::app
