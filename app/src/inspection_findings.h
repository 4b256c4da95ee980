// InspectionFindings: the findings of the open inspection (InspectionController.findings) — the
// list the inspector completes (component, hazard, location, note, severity, the measurements the
// grading rules know, photos), the finding a hazard answer opens (template `finding:`), the
// measurements answers copy into their finding, and each monitored crack's width history across
// the house's earlier inspections.
//
// Every change goes into the controller's record and is saved as a draft at once; typed text goes
// through the controller's typing journal like an answer's.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QVariantList>
#include <vector>

#include "anju/model.h"
#include "finding_list_model.h"

namespace anju::app {

class InspectionController;

class InspectionFindings : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by InspectionController.findings")
  Q_PROPERTY(anju::app::FindingListModel* model READ model CONSTANT)
  Q_PROPERTY(QVariantList componentOptions READ componentOptions NOTIFY optionsChanged)
  Q_PROPERTY(QVariantList hazardOptions READ hazardOptions NOTIFY optionsChanged)

 public:
  /// `inspection` owns this part (its parent) and the record it edits.
  explicit InspectionFindings(InspectionController& inspection);

  FindingListModel* model() const { return m_model; }
  QVariantList componentOptions() const;
  QVariantList hazardOptions() const;

  Q_INVOKABLE bool add(const QString& componentCode, const QString& hazardCode);
  /// field: "component", "hazard", "location", "note", "severity".
  Q_INVOKABLE bool setField(int row, const QString& field, const QString& value);
  /// `text` empty removes the measurement.
  Q_INVOKABLE bool setMeasurement(int row, const QString& name, const QString& text);
  Q_INVOKABLE bool remove(int row);
  /// Per-keystroke text of a finding (InspectionController::typeAnswer says how it is kept);
  /// `field`: "location", "note" or "measure:<name>".
  Q_INVOKABLE void typeText(int row, const QString& field, const QString& text);

  // For the controller:
  /// The house's inspections when opened: the crack history is drawn from them.
  void setHistory(std::vector<Inspection> history) { m_history = std::move(history); }
  /// Redraws the list from the record (after a change, a language change, an open).
  void refresh();
  /// Opens the finding a hazard answer triggers (once), for the inspector to complete.
  void openTriggered(const ChecklistItem& item, const AnswerValue& answer);
  /// Copies a measurement answer into its finding (template `finding_measurement:`), converted to
  /// the grading rules' unit, so the judgment sees what was measured.
  void copyMeasurement(const ChecklistItem& item);
  /// The open finding a checklist item belongs to (core's findingSourceOf), or null.
  Finding* findingOf(const ChecklistItem& item);

 signals:
  void optionsChanged();

 private:
  InspectionController& m_inspection;  // the parent
  std::vector<Inspection> m_history;   // the house's inspections when opened (crack monitoring)
  FindingListModel* m_model;           // child
};

}  // namespace anju::app
