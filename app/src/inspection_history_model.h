// InspectionHistoryModel: the inspections of one building, newest first
// (Store::inspectionsOfBuilding), for the house page.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <vector>

#include "anju/model.h"
#include "building_history_model.h"

namespace anju::app {

class InspectionHistoryModel : public BuildingHistoryModel {
  Q_OBJECT
  QML_ELEMENT
  /// Whether the newest inspection is still the inspector's to edit (draft or returned).
  Q_PROPERTY(bool hasOpenInspection READ hasOpenInspection NOTIFY countChanged)

 public:
  enum Role {
    IdRole = Qt::UserRole,
    StartedRole,  // "yyyy-MM-dd HH:mm"
    InspectorRole,
    ReviewRole,  // review state code
    ReviewLabelRole,
    JudgmentRole,  // effective judgment code or ""
    JudgmentLabelRole,
    OverriddenRole,  // bool
    FindingCountRole,
    ReviewCommentRole,
  };
  Q_ENUM(Role)

  explicit InspectionHistoryModel(QObject* parent = nullptr);

  bool hasOpenInspection() const;

  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

 private:
  Status loadRows(Store& store, const std::string& buildingId) override;
  void clearRows() override { m_rows.clear(); }
  int loadedCount() const override { return static_cast<int>(m_rows.size()); }

  std::vector<Inspection> m_rows;
};

}  // namespace anju::app
