#include "inspection_findings.h"

#include <QHash>
#include <algorithm>
#include <utility>

#include "anju/crack_monitoring.h"
#include "anju/enum_codes.h"
#include "anju/uuid.h"
#include "anju/validation.h"
#include "crack_settings.h"
#include "inspection_controller.h"

namespace anju::app {

InspectionFindings::InspectionFindings(InspectionController& inspection)
    : QObject(&inspection), m_inspection(inspection), m_model(new FindingListModel(this)) {}

QVariantList InspectionFindings::componentOptions() const {
  using C = Component;
  return enumOptions(
      {C::kFoundation, C::kLoadBearingWall, C::kSelfBearingWall, C::kColumn, C::kBeam, C::kSlab,
       C::kRoof, C::kRoofTruss, C::kPurlin, C::kCantilever, C::kEnvelope, C::kOther},
      m_inspection.lang());
}

QVariantList InspectionFindings::hazardOptions() const {
  using H = HazardKind;
  return enumOptions({H::kSettlement, H::kWallCrack, H::kBeamCrack, H::kSlabCrack, H::kColumnCrack,
                      H::kTilt, H::kDeflection, H::kWeathering, H::kRot, H::kRoofLeak,
                      H::kSaggingPurlin, H::kUnlicensedAlteration, H::kFireSafety, H::kOther},
                     m_inspection.lang());
}

void InspectionFindings::refresh() {
  const InspectionController& c = m_inspection;
  const bool open = c.m_open;
  // Thumbnails of the findings' photos (written at import; a pulled photo has none).
  QHash<QString, QString> thumbnails;
  if (open && c.m_session && c.m_session->store()) {
    for (const Finding& f : c.m_inspection.findings)
      for (const Uuid& id : f.photoIds)
        if (const QString url = c.m_photos->thumbnailUrl(id); !url.isEmpty())
          thumbnails.insert(toQString(id), url);
  }
  // A crack seen at earlier inspections: its width history and whether it grew.
  QHash<QString, CrackTrend> cracks;
  if (open) {
    const CrackGrowthRule rule = configuredCrackGrowthRule();
    for (const Finding& f : c.m_inspection.findings)
      if (isMonitoredCrack(f))
        cracks.insert(toQString(f.id), crackTrend(f, c.m_inspection.startedAt, m_history, rule));
  }
  m_model->update(open ? c.m_inspection.findings : std::vector<Finding>{},
                  c.m_session ? &c.m_session->rules() : nullptr, c.lang(), c.m_typed, thumbnails,
                  cracks);
}

void InspectionFindings::openTriggered(const ChecklistItem& item, const AnswerValue& answer) {
  // The template says which finding a hazard answer opens; open it once, for the inspector to
  // complete (location, measurements, photos). Changing the answer back leaves it for the
  // inspector to remove, so nothing they typed disappears behind their back.
  if (!item.finding || !triggersFinding(item, answer)) return;
  std::vector<Finding>& findings = m_inspection.m_inspection.findings;
  const FindingTrigger& t = *item.finding;
  const bool exists = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
    return f.component == t.component && f.hazard == t.hazard;
  });
  if (exists) return;
  Finding f;
  f.id = newUuid();
  f.component = t.component;
  f.hazard = t.hazard;
  f.severity = Severity::kSome;
  findings.push_back(std::move(f));
  // Measurements answered before the finding opened (an answer changed back and forth).
  const ChecklistTemplate& checklist = m_inspection.checklist();
  for (const ChecklistSection& section : checklist.sections)
    for (const ChecklistItem& other : section.items)
      if (!other.findingMeasurement.empty() && findingSourceOf(checklist, other) == &item)
        copyMeasurement(other);
}

Finding* InspectionFindings::findingOf(const ChecklistItem& item) {
  const ChecklistItem* source = findingSourceOf(m_inspection.checklist(), item);
  if (!source) return nullptr;
  std::vector<Finding>& findings = m_inspection.m_inspection.findings;
  const FindingTrigger& t = *source->finding;
  const auto it = std::find_if(findings.begin(), findings.end(), [&](const Finding& f) {
    return f.component == t.component && f.hazard == t.hazard;
  });
  return it == findings.end() ? nullptr : &*it;
}

void InspectionFindings::copyMeasurement(const ChecklistItem& item) {
  if (item.findingMeasurement.empty()) return;
  const ChecklistAnswers& answers = m_inspection.m_inspection.answers;
  const auto answer = answers.find(item.id);
  if (answer == answers.end()) return;
  // A measurement's number, or a choice's option value (裂缝数量 多条 -> count 2).
  const std::optional<double> number = findingMeasurementValue(item, answer->second);
  if (!number) return;
  Finding* finding = findingOf(item);
  const auto& defs = m_inspection.m_session->rules().measurements;
  const auto def = std::find_if(defs.begin(), defs.end(), [&](const MeasurementDefinition& d) {
    return d.name == item.findingMeasurement;
  });
  if (!finding || def == defs.end()) return;
  const auto value = convertMeasurement(*number, item.unit, def->unit);
  if (!value) return;
  std::erase_if(finding->measurements, [&](const Measurement& m) { return m.name == def->name; });
  finding->measurements.push_back({def->name, *value, def->unit});
  m_inspection.m_typed.remove(
      QStringLiteral("measure:%1:%2").arg(toQString(finding->id), toQString(def->name)));
}

bool InspectionFindings::add(const QString& componentCode, const QString& hazardCode) {
  if (!m_inspection.isEditable()) return false;
  const auto component = parseComponent(toStdString(componentCode));
  const auto hazard = parseHazardKind(toStdString(hazardCode));
  if (!component || !hazard) return false;
  Finding f;
  f.id = newUuid();
  f.component = *component;
  f.hazard = *hazard;
  m_inspection.m_inspection.findings.push_back(std::move(f));
  const bool saved = m_inspection.saveDraft();
  refresh();
  emit m_inspection.inspectionChanged();
  return saved;
}

bool InspectionFindings::setField(int row, const QString& field, const QString& value) {
  std::vector<Finding>& findings = m_inspection.m_inspection.findings;
  if (!m_inspection.isEditable() || row < 0 || row >= static_cast<int>(findings.size()))
    return false;
  Finding& f = findings[static_cast<std::size_t>(row)];
  const std::string v = toStdString(value);
  if (field == QStringLiteral("component")) {
    if (auto c = parseComponent(v))
      f.component = *c;
    else
      return false;
  } else if (field == QStringLiteral("hazard")) {
    if (auto h = parseHazardKind(v))
      f.hazard = *h;
    else
      return false;
  } else if (field == QStringLiteral("severity")) {
    if (auto s = parseSeverity(v))
      f.severity = *s;
    else
      return false;
  } else if (field == QStringLiteral("location")) {
    f.location = v;
  } else if (field == QStringLiteral("note")) {
    f.note = v;
  } else {
    return false;
  }
  const bool saved = m_inspection.saveDraft();
  refresh();
  return saved;
}

bool InspectionFindings::setMeasurement(int row, const QString& name, const QString& text) {
  std::vector<Finding>& findings = m_inspection.m_inspection.findings;
  if (!m_inspection.isEditable() || row < 0 || row >= static_cast<int>(findings.size()))
    return false;
  const auto& defs = m_inspection.m_session->rules().measurements;
  const auto def = std::find_if(defs.begin(), defs.end(), [&](const MeasurementDefinition& d) {
    return toQString(d.name) == name;
  });
  if (def == defs.end()) return false;
  Finding& f = findings[static_cast<std::size_t>(row)];
  std::erase_if(f.measurements, [&](const Measurement& m) { return m.name == def->name; });
  const QString trimmed = text.trimmed();
  if (!trimmed.isEmpty()) {
    bool ok = false;
    const double value = QString(trimmed).replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
    if (!ok) {
      m_inspection.setErrorString(
          tr("%1: enter a number.").arg(pick(def->label, m_inspection.lang())));
      return false;
    }
    f.measurements.push_back({def->name, value, def->unit});
  }
  if (const Status st = validateFinding(f); !st) {
    m_inspection.setErrorString(statusMessage(st, m_inspection.lang()));
    return false;
  }
  const bool saved = m_inspection.saveDraft();
  refresh();
  return saved;
}

bool InspectionFindings::remove(int row) {
  std::vector<Finding>& findings = m_inspection.m_inspection.findings;
  if (!m_inspection.isEditable() || row < 0 || row >= static_cast<int>(findings.size()))
    return false;
  findings.erase(findings.begin() + row);
  const bool saved = m_inspection.saveDraft();
  refresh();
  emit m_inspection.inspectionChanged();
  return saved;
}

void InspectionFindings::typeText(int row, const QString& field, const QString& text) {
  const std::vector<Finding>& findings = m_inspection.m_inspection.findings;
  if (!m_inspection.isEditable() || row < 0 || row >= static_cast<int>(findings.size())) return;
  const QString findingId = toQString(findings[static_cast<std::size_t>(row)].id);
  if (field == QStringLiteral("location") || field == QStringLiteral("note"))
    m_inspection.typeText(QStringLiteral("finding:%1:%2").arg(findingId, field), text);
  else if (field.startsWith(QStringLiteral("measure:")))
    m_inspection.typeText(QStringLiteral("measure:%1:%2").arg(findingId, field.mid(8)), text);
}

}  // namespace anju::app
