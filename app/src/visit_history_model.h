// VisitHistoryModel: every visit (走访) of one building, newest first (Store::visitsOfBuilding),
// for the house page's visit history.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <vector>

#include "anju/model.h"
#include "building_history_model.h"

namespace anju::app {

class VisitHistoryModel : public BuildingHistoryModel {
  Q_OBJECT
  QML_ELEMENT

 public:
  enum Role {
    IdRole = Qt::UserRole,
    VisitedAtRole,  // "yyyy-MM-dd HH:mm", local time
    OutcomeRole,    // VisitOutcome code
    OutcomeLabelRole,
    InspectorRole,
    NoteRole,
    HasLocationRole,  // bool: a GPS fix was recorded
  };
  Q_ENUM(Role)

  explicit VisitHistoryModel(QObject* parent = nullptr);

  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

 private:
  Status loadRows(Store& store, const std::string& buildingId) override;
  void clearRows() override { m_rows.clear(); }
  int loadedCount() const override { return static_cast<int>(m_rows.size()); }

  std::vector<Visit> m_rows;
};

}  // namespace anju::app
