// InspectionJudgment: the preliminary judgment of the open inspection
// (InspectionController.judgment) — computed by core's gradeInspection on the current answers and
// findings, its explanation (rules fired, numbers against thresholds) and disposal advice, and an
// override of it that needs a reason (core's validateInspection refuses a blank one).
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QVariantList>
#include <optional>

#include "anju/grading.h"

namespace anju::app {

class InspectionController;

class InspectionJudgment : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by InspectionController.judgment")
  /// Codes "serious" / "some" / "none_found", "" before grading.
  Q_PROPERTY(QString computed READ computed NOTIFY changed)
  Q_PROPERTY(QString computedLabel READ computedLabel NOTIFY changed)
  /// The override when there is one, else the computed judgment.
  Q_PROPERTY(QString effective READ effective NOTIFY changed)
  Q_PROPERTY(QString effectiveLabel READ effectiveLabel NOTIFY changed)
  Q_PROPERTY(QString explanation READ explanation NOTIFY changed)
  Q_PROPERTY(QString disposal READ disposal NOTIFY changed)
  Q_PROPERTY(QString overrideJudgment READ overrideJudgment NOTIFY changed)
  Q_PROPERTY(QString overrideReason READ overrideReason NOTIFY changed)
  Q_PROPERTY(QString overrideError READ overrideError NOTIFY overrideErrorChanged)
  /// The judgments an override may choose ({code, label}).
  Q_PROPERTY(QVariantList options READ options NOTIFY changed)

 public:
  /// `inspection` owns this part (its parent) and the record it judges.
  explicit InspectionJudgment(InspectionController& inspection);

  QString computed() const;
  QString computedLabel() const;
  QString effective() const;
  QString effectiveLabel() const;
  QString explanation() const;
  QString disposal() const;
  QString overrideJudgment() const;
  QString overrideReason() const;
  QString overrideError() const { return m_overrideError; }
  QVariantList options() const;

  /// Runs core's grading on the current answers and findings, and saves the result (not for an
  /// inspection with nothing recorded: see InspectionController.stored).
  Q_INVOKABLE bool grade();
  /// Overrides the computed judgment; a blank reason is refused (overrideError says so).
  Q_INVOKABLE bool setOverride(const QString& judgmentCode, const QString& reason);
  Q_INVOKABLE bool clearOverride();

  // For the controller:
  /// Forgets the last grading and override error (another inspection opens).
  void reset();
  /// The grading the submitted record was made with.
  void setAssessment(PreliminaryAssessment assessment);

 signals:
  void changed();
  void overrideErrorChanged();

 private:
  void setOverrideError(const QString& error);

  InspectionController& m_inspection;  // the parent
  std::optional<PreliminaryAssessment> m_assessment;
  QString m_overrideError;
};

}  // namespace anju::app
