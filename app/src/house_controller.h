// HouseController: the house page's basic info. Loads one building, lets the page edit its fields
// one at a time (setField), validates after every edit with core's validateBuilding so errors show
// beside the field, and saves through Store::putBuilding.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QPointer>
#include <QVariantMap>

#include "anju/model.h"
#include "session.h"

namespace anju::app {

class HouseController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(anju::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
  Q_PROPERTY(QString buildingId READ buildingId WRITE setBuildingId NOTIFY buildingIdChanged)
  Q_PROPERTY(bool loaded READ isLoaded NOTIFY buildingChanged)
  Q_PROPERTY(QString address READ address NOTIFY buildingChanged)
  Q_PROPERTY(QString region READ region NOTIFY buildingChanged)
  /// Editable values by field name (the names core's validation uses): owner_name,
  /// owner_contact, year_built, storeys_above, storeys_below, floor_area, structure, design, use,
  /// alterations (list of codes), building_code, and the national platform's business_type,
  /// land_type (code, "" = not recorded), permits (map permit code -> state code), geo_hazards,
  /// fire_hazards (lists of codes), platform_house_number, census_house_number (text as typed,
  /// never parsed). Numbers are strings as typed ("" = unknown).
  Q_PROPERTY(QVariantMap fields READ fields NOTIFY buildingChanged)
  /// field name -> message in the UI language, for every field that is wrong right now.
  Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY fieldErrorsChanged)
  Q_PROPERTY(bool dirty READ isDirty NOTIFY dirtyChanged)
  Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
  Q_PROPERTY(QVariantList structureOptions READ structureOptions NOTIFY optionsChanged)
  Q_PROPERTY(QVariantList designOptions READ designOptions NOTIFY optionsChanged)
  Q_PROPERTY(QVariantList useOptions READ useOptions NOTIFY optionsChanged)
  Q_PROPERTY(QVariantList alterationOptions READ alterationOptions NOTIFY optionsChanged)
  /// The platform's code lists; the first entry of the single choices is {"", "not recorded"}.
  Q_PROPERTY(QVariantList businessTypeOptions READ businessTypeOptions NOTIFY optionsChanged)
  Q_PROPERTY(QVariantList landTypeOptions READ landTypeOptions NOTIFY optionsChanged)
  Q_PROPERTY(QVariantList permitOptions READ permitOptions NOTIFY optionsChanged)
  Q_PROPERTY(QVariantList permitStateOptions READ permitStateOptions NOTIFY optionsChanged)
  Q_PROPERTY(QVariantList geoHazardOptions READ geoHazardOptions NOTIFY optionsChanged)
  Q_PROPERTY(QVariantList fireHazardOptions READ fireHazardOptions NOTIFY optionsChanged)

 public:
  explicit HouseController(QObject* parent = nullptr);

  Session* session() const { return m_session; }
  void setSession(Session* session);
  QString buildingId() const { return m_buildingId; }
  void setBuildingId(const QString& id);
  bool isLoaded() const { return m_loaded; }
  QString address() const;
  QString region() const;
  QVariantMap fields() const { return m_fields; }
  QVariantMap fieldErrors() const { return m_fieldErrors; }
  bool isDirty() const { return m_dirty; }
  QString errorString() const { return m_errorString; }
  QVariantList structureOptions() const;
  QVariantList designOptions() const;
  QVariantList useOptions() const;
  QVariantList alterationOptions() const;
  QVariantList businessTypeOptions() const;
  QVariantList landTypeOptions() const;
  QVariantList permitOptions() const;
  QVariantList permitStateOptions() const;
  QVariantList geoHazardOptions() const;
  QVariantList fireHazardOptions() const;

  /// Sets one field (see `fields`) and re-validates. Text that is not a number where a number is
  /// expected is kept as typed and reported in fieldErrors.
  Q_INVOKABLE void setField(const QString& name, const QVariant& value);
  /// Saves the edited building. Emits saved(ok, errorString); on failure fieldErrors and
  /// errorString say why and nothing is written.
  Q_INVOKABLE bool save();
  /// Drops unsaved edits.
  Q_INVOKABLE void revert();

 signals:
  void sessionChanged();
  void buildingIdChanged();
  void buildingChanged();
  void fieldErrorsChanged();
  void dirtyChanged();
  void errorStringChanged();
  void optionsChanged();
  void saved(bool ok, const QString& errorString);

 private:
  void load();
  /// Builds a Building from m_building + m_fields; parse problems go to `errors`.
  Building edited(QVariantMap& errors) const;
  void validate();
  void setErrorString(const QString& error);
  void setDirty(bool dirty);
  /// Unsaved edits are kept on every change in the store's local sync state
  /// ("app.house_edit.<building id>", never synced), so a killed app shows them again as unsaved
  /// changes; a save or an undo clears them.
  void writeEditJournal();
  static std::string editJournalKey(const QString& buildingId);

  QPointer<Session> m_session;
  QString m_buildingId;
  bool m_loaded = false;
  Building m_building;
  QVariantMap m_fields;
  QVariantMap m_fieldErrors;
  bool m_dirty = false;
  QString m_errorString;
};

}  // namespace anju::app
