#include "session.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QQmlEngine>

#include "anju/data_dir.h"
#include "sync_service.h"

namespace anju::app {
namespace {
Session* s_instance = nullptr;
}

Session::Session(QObject* parent) : QObject(parent) {
  // Chinese is the default language; a missing catalogue leaves the English source strings.
  if (m_translator.load(QStringLiteral(":/i18n/anju_zh_CN.qm")))
    QCoreApplication::installTranslator(&m_translator);
}

Session::~Session() {
  QCoreApplication::removeTranslator(&m_translator);
  if (s_instance == this) s_instance = nullptr;
}

void Session::setInstance(Session* session) { s_instance = session; }
Session* Session::instance() { return s_instance; }

Session* Session::create(QQmlEngine* qmlEngine, QJSEngine*) {
  Q_ASSERT(s_instance);
  QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
  s_instance->setEngine(qmlEngine);
  return s_instance;
}

bool Session::open(const QString& databasePath, const QString& dataDir) {
  const QString dir = dataDir.isEmpty() ? QString::fromStdString(anju::shippedDataDir()) : dataDir;
  // Every shipped version (an inspection keeps the version it was made with), oldest first.
  std::vector<ChecklistTemplate> templates;
  for (int version = 1; version <= kChecklistVersions; ++version) {
    auto tmpl = loadChecklistTemplate(
        toStdString(dir + QStringLiteral("/checklists/self_built_house.v%1.yaml").arg(version)));
    if (!tmpl) {
      setErrorString(statusMessage(tmpl.status(), lang()));
      return false;
    }
    templates.push_back(std::move(*tmpl));
  }
  auto rules = loadPreliminaryRules(
      toStdString(dir + QStringLiteral("/rules/preliminary_judgment.v1.yaml")));
  if (!rules) {
    setErrorString(statusMessage(rules.status(), lang()));
    return false;
  }
  StoreOptions options;
  options.deviceId = toStdString(QStringLiteral("tablet"));
  auto store = Store::open(toStdString(databasePath), options);
  if (!store) {
    setErrorString(tr("Cannot open the database %1: %2")
                       .arg(databasePath, statusMessage(store.status(), lang())));
    return false;
  }
  auto photos = PhotoLibrary::open(PhotoLibrary::folderForDatabase(toStdString(databasePath)));
  if (!photos) {
    setErrorString(statusMessage(photos.status(), lang()));
    return false;
  }
  m_templates = std::move(templates);
  // The deployment's words for the judgments (the rule file's vocabulary) in every label the
  // app shows; the session opens on the GUI thread before any worker reads labels.
  applyJudgmentVocabulary(rules->vocabulary);
  m_rules = std::move(*rules);
  m_store = std::move(*store);
  m_photos = std::make_unique<PhotoLibrary>(std::move(*photos));
  m_databasePath = QFileInfo(databasePath).absoluteFilePath();
  setErrorString(QString());
  emit readyChanged();
  emit storeChanged();
  return true;
}

void Session::setLanguage(const QString& language) {
  const QString normalized = language == QStringLiteral("en") ? language : QStringLiteral("zh_CN");
  if (normalized == m_language) return;
  m_language = normalized;
  QCoreApplication::removeTranslator(&m_translator);
  if (m_translator.load(QStringLiteral(":/i18n/anju_%1.qm").arg(m_language)))
    QCoreApplication::installTranslator(&m_translator);
  if (m_engine) m_engine->retranslate();
  emit languageChanged();
}

void Session::setUserName(const QString& userName) {
  if (userName == m_userName) return;
  m_userName = userName;
  emit userNameChanged();
}

QString Session::templateTitle() const { return pick(checklist().title, lang()); }

const ChecklistTemplate& Session::checklist() const {
  static const ChecklistTemplate kNone;  // before open()
  return m_templates.empty() ? kNone : m_templates.back();
}

const ChecklistTemplate& Session::checklist(int version) const {
  for (const ChecklistTemplate& t : m_templates)
    if (t.version == version) return t;
  return checklist();
}

QString Session::photoDirectory() const {
  return m_photos ? toQString(m_photos->folder()) : QString();
}

void Session::setSyncService(std::unique_ptr<SyncService> service) {
  m_syncService = std::move(service);
  // A sync writes through its own connection to the database file (pulled houses, sent changes,
  // even when it failed half-way): lists and counts reload.
  if (m_syncService)
    connect(m_syncService.get(), &SyncService::syncFinished, this, &Session::storeChanged);
}

void Session::setErrorString(const QString& error) {
  if (error == m_errorString) return;
  m_errorString = error;
  emit errorStringChanged();
}

}  // namespace anju::app
