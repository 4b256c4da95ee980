// FindingListModel: the findings of the inspection being edited, with one editable slot per
// measurement the grading rules know (width, length ratio, count, tilt, section loss — from the
// rule file, so a new measurement needs no app change). Owned and fed by InspectionController;
// edits go through the controller so they are saved.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <vector>

#include "anju/crack_monitoring.h"
#include "anju/grading.h"
#include "anju/model.h"
#include "localized.h"

namespace anju::app {

/// "宽度记录：2026-06-01 0.8 毫米 → 本次 1.3 毫米（扩展 0.5 毫米）" (or English); "" when the crack
/// was not seen before.
QString crackHistoryText(const CrackTrend& trend, Language language);

class FindingListModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by InspectionController.findings.model")
  Q_PROPERTY(int count READ count NOTIFY countChanged)

 public:
  enum Role {
    FindingIdRole = Qt::UserRole,
    ComponentRole,  // code
    ComponentLabelRole,
    HazardRole,  // code
    HazardLabelRole,
    LocationRole,
    SeverityRole,  // "none", "some", "serious"
    SeverityLabelRole,
    NoteRole,
    MeasurementsRole,  // [{name, label, unit, value ("" when not measured)}]
    PhotoCountRole,
    ThumbnailsRole,    // file URLs of the finding's photo thumbnails that exist
    ThumbnailIdsRole,  // the photo ids of those thumbnails, in the same order
    CrackHistoryRole,  // a crack's width at the house's earlier inspections and now; "" if none
    CrackGrowingRole,  // the crack grew by the configured threshold (or at all, once serious)
  };
  Q_ENUM(Role)

  explicit FindingListModel(QObject* parent = nullptr);

  /// `rules` is borrowed and must outlive the next update().
  /// `typed` (InspectionController's keys "finding:<id>:location|note", "measure:<id>:<name>")
  /// is shown instead of the stored value, so a committed "1." is not redrawn as "1" while typed.
  /// Only rows and roles whose shown value changed are signalled, so a field keeps its focus.
  void update(const std::vector<Finding>& findings, const PreliminaryRules* rules,
              Language language, const QHash<QString, QString>& typed = {},
              const QHash<QString, QString>& thumbnails = {},
              const QHash<QString, CrackTrend>& cracks = {});

  int count() const { return static_cast<int>(m_findings.size()); }
  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

 signals:
  void countChanged();

 private:
  std::vector<Finding> m_findings;
  const PreliminaryRules* m_rules = nullptr;
  Language m_language = Language::kChinese;
  QHash<QString, QString> m_typed;
  QHash<QString, QString> m_thumbnails;  // photo id -> thumbnail file URL
  QHash<QString, CrackTrend> m_cracks;   // finding id -> the crack's trend (monitored cracks)
};

}  // namespace anju::app
