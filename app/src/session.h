// Session: the app's one service object, created in main() (or a test's setup) with C++ ownership
// and handed to QML as the `Session` singleton. It owns the open store, the loaded checklist
// template and grading rules, the photo library, the inspector's name (the signed-in user), the
// UI language and the sync service.
// Pages create their own view models and give them this session as a property.
//
// Not thread-safe: lives on the GUI thread.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QTranslator>
#include <memory>

#include "anju/checklist.h"
#include "anju/grading.h"
#include "anju/photo_library.h"
#include "anju/store.h"
#include "localized.h"

class QQmlEngine;
class QJSEngine;

namespace anju::app {

class SyncService;

class Session : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  /// "zh_CN" (default) or "en". Changing it retranslates every qsTr() on the QML engine.
  Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
  Q_PROPERTY(QString userName READ userName WRITE setUserName NOTIFY userNameChanged)
  Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)
  Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
  Q_PROPERTY(QString templateTitle READ templateTitle NOTIFY languageChanged)

 public:
  /// No default argument on purpose: Qt 6.4 would then construct a second Session for QML
  /// instead of calling create().
  explicit Session(QObject* parent);
  ~Session() override;

  /// The instance QML gets; set by main() or a test before the QML engine first asks.
  static void setInstance(Session* session);
  static Session* instance();
  /// Shipped versions of the checklist: core/checklists/self_built_house.v1 … v<this>.yaml.
  static constexpr int kChecklistVersions = 2;
  /// QML singleton factory: returns the instance set above (C++ keeps ownership).
  static Session* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

  /// Opens (or creates) the database and loads the shipped checklist template and grading rules
  /// from `dataDir` (anju::shippedDataDir() by default). On failure errorString says why and ready
  /// stays false.
  bool open(const QString& databasePath, const QString& dataDir = QString());

  QString language() const { return m_language; }
  void setLanguage(const QString& language);
  Language lang() const {
    return m_language == QStringLiteral("en") ? Language::kEnglish : Language::kChinese;
  }
  QString userName() const { return m_userName; }
  void setUserName(const QString& userName);
  bool isReady() const { return m_store != nullptr; }
  QString errorString() const { return m_errorString; }
  QString templateTitle() const;

  /// Borrowed; null until open() succeeded.
  Store* store() const { return m_store.get(); }
  /// The newest shipped checklist: what a new inspection is made with.
  const ChecklistTemplate& checklist() const;
  /// The shipped version an inspection was made with (it is always shown and graded with that
  /// one); the newest when that version is not shipped.
  const ChecklistTemplate& checklist(int version) const;
  const PreliminaryRules& rules() const { return m_rules; }
  QString databasePath() const { return m_databasePath; }
  /// Where photo bytes are kept: core's PhotoLibrary folder "<database file>.photos", which
  /// the sync client uploads from.
  QString photoDirectory() const;
  /// The photo library over photoDirectory(); null until open() succeeded. Borrowed.
  PhotoLibrary* photos() const { return m_photos.get(); }

  /// The sync service (main() plugs in CoreSyncService), or null when none was set. Borrowed.
  SyncService* syncService() const { return m_syncService.get(); }
  void setSyncService(std::unique_ptr<SyncService> service);

  /// The engine whose strings to retranslate on a language change (set by create()).
  void setEngine(QQmlEngine* engine) { m_engine = engine; }

  /// View models call this after they wrote to the store, so other models reload.
  Q_INVOKABLE void notifyStoreChanged() { emit storeChanged(); }

 signals:
  void languageChanged();
  void userNameChanged();
  void readyChanged();
  void errorStringChanged();
  /// Something was written to the store; lists and counts should reload.
  void storeChanged();

 private:
  void setErrorString(const QString& error);

  std::unique_ptr<Store> m_store;
  std::unique_ptr<PhotoLibrary> m_photos;
  std::vector<ChecklistTemplate> m_templates;  // every shipped version, oldest first
  PreliminaryRules m_rules;
  QString m_databasePath;
  QString m_language = QStringLiteral("zh_CN");
  QString m_userName;
  QString m_errorString;
  QTranslator m_translator;
  QQmlEngine* m_engine = nullptr;  // borrowed
  std::unique_ptr<SyncService> m_syncService;
};

}  // namespace anju::app
