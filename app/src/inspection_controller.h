// InspectionController: one inspection of one building, driven by the checklist template — one
// section per screen, conditional items appearing as answers change, findings and photos, the
// preliminary judgment computed by core (gradeInspection) with its explanation, an optional
// override that needs a reason, and submit.
//
// Every accepted change is written to the store at once as a draft (Store::putInspection), so
// killing the app loses nothing; `savedAt` tells when the last write happened. An answer core
// rejects (validateAnswer: wrong type, out of range…) is not stored and shows as the item's error.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <optional>

#include "anju/grading.h"
#include "anju/model.h"
#include "checklist_item_model.h"
#include "finding_list_model.h"
#include "position_stamp.h"
#include "session.h"

namespace anju::app {

class InspectionController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(anju::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
  /// Setting it opens the building's open draft (or returned inspection), or starts a new one.
  Q_PROPERTY(QString buildingId READ buildingId WRITE setBuildingId NOTIFY buildingIdChanged)
  Q_PROPERTY(QString inspectionId READ inspectionId NOTIFY inspectionChanged)
  Q_PROPERTY(QString address READ address NOTIFY inspectionChanged)
  Q_PROPERTY(bool editable READ isEditable NOTIFY inspectionChanged)
  /// When the house's previous handed-in inspection was made (China time, "YYYY-MM-DD HH:MM"),
  /// "" when there is none; its answers show beside each question (items' "previousAnswer").
  Q_PROPERTY(QString previousInspectedAt READ previousInspectedAt NOTIFY inspectionChanged)
  Q_PROPERTY(QString review READ review NOTIFY inspectionChanged)
  Q_PROPERTY(QString reviewComment READ reviewComment NOTIFY inspectionChanged)

  Q_PROPERTY(int sectionIndex READ sectionIndex WRITE setSectionIndex NOTIFY sectionChanged)
  Q_PROPERTY(int sectionCount READ sectionCount NOTIFY inspectionChanged)
  Q_PROPERTY(QString sectionTitle READ sectionTitle NOTIFY sectionChanged)
  Q_PROPERTY(QStringList sectionTitles READ sectionTitles NOTIFY sectionChanged)
  Q_PROPERTY(anju::app::ChecklistItemModel* items READ items CONSTANT)
  Q_PROPERTY(anju::app::FindingListModel* findings READ findings CONSTANT)
  Q_PROPERTY(int photoCount READ photoCount NOTIFY inspectionChanged)
  Q_PROPERTY(QVariantList componentOptions READ componentOptions NOTIFY sectionChanged)
  Q_PROPERTY(QVariantList hazardOptions READ hazardOptions NOTIFY sectionChanged)
  Q_PROPERTY(QVariantList judgmentOptions READ judgmentOptions NOTIFY sectionChanged)

  /// Judgment (after grade()): codes "serious" / "some" / "none_found", "" before grading.
  Q_PROPERTY(QString computedJudgment READ computedJudgment NOTIFY judgmentChanged)
  Q_PROPERTY(QString computedJudgmentLabel READ computedJudgmentLabel NOTIFY judgmentChanged)
  Q_PROPERTY(QString effectiveJudgment READ effectiveJudgment NOTIFY judgmentChanged)
  Q_PROPERTY(QString effectiveJudgmentLabel READ effectiveJudgmentLabel NOTIFY judgmentChanged)
  Q_PROPERTY(QString explanation READ explanation NOTIFY judgmentChanged)
  Q_PROPERTY(QString disposal READ disposal NOTIFY judgmentChanged)
  Q_PROPERTY(QString overrideJudgment READ overrideJudgment NOTIFY judgmentChanged)
  Q_PROPERTY(QString overrideReason READ overrideReason NOTIFY judgmentChanged)
  Q_PROPERTY(QString overrideError READ overrideError NOTIFY overrideErrorChanged)
  /// What stops a submit, one line per problem (empty when nothing does, or before submit()).
  Q_PROPERTY(QStringList submitErrors READ submitErrors NOTIFY submitErrorsChanged)

  Q_PROPERTY(QString savedAt READ savedAt NOTIFY savedAtChanged)
  /// A new inspection is kept in memory only until the inspector records something (an answer,
  /// a finding, a photo, typed text, an override): false until then. Opening 开始排查 and
  /// leaving without recording anything leaves no draft behind, so an untouched draft can never
  /// reach the server as a judged record.
  Q_PROPERTY(bool stored READ isStored NOTIFY savedAtChanged)
  Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

 public:
  explicit InspectionController(QObject* parent = nullptr);
  /// Commits typed text still waiting (the page is closing).
  ~InspectionController() override;

  Session* session() const { return m_session; }
  void setSession(Session* session);
  QString buildingId() const { return m_buildingId; }
  void setBuildingId(const QString& id);
  QString inspectionId() const;
  QString address() const;
  bool isEditable() const;
  QString review() const;
  QString reviewComment() const;
  int sectionIndex() const { return m_sectionIndex; }
  void setSectionIndex(int index);
  int sectionCount() const;
  QString sectionTitle() const;
  QStringList sectionTitles() const;
  ChecklistItemModel* items() const { return m_items; }
  FindingListModel* findings() const { return m_findings; }
  int photoCount() const;
  QVariantList componentOptions() const;
  QVariantList hazardOptions() const;
  QVariantList judgmentOptions() const;
  QString computedJudgment() const;
  QString computedJudgmentLabel() const;
  QString effectiveJudgment() const;
  QString effectiveJudgmentLabel() const;
  QString explanation() const;
  QString disposal() const;
  QString overrideJudgment() const;
  QString overrideReason() const;
  QString overrideError() const { return m_overrideError; }
  QStringList submitErrors() const { return m_submitErrors; }
  QString savedAt() const { return m_savedAt; }
  QString previousInspectedAt() const;
  bool isStored() const { return m_stored; }
  QString errorString() const { return m_errorString; }

  /// Answers an item of the current section: a bool (yes_no), an option id (choice), a number or
  /// the text as typed (measurement), a string (text). Returns whether it was accepted and saved.
  Q_INVOKABLE bool setAnswer(const QString& itemId, const QVariant& value);
  Q_INVOKABLE bool clearAnswer(const QString& itemId);
  /// '本节全部正常': records every unanswered hazard question of the current section as no hazard
  /// (core's noHazardAnswers) in one save. Returns how many answers it recorded (0: none to give).
  Q_INVOKABLE int recordSectionNoHazard();

  /// Per-keystroke text (text and measurement items, a finding's location / note / measurement):
  /// written to the typing journal (typing_journal.h) at once, committed to the record after
  /// kTypingCommitMs without a keystroke, or by flushTyping(). The field keeps showing the text as
  /// typed. `field` of typeFindingText: "location", "note" or "measure:<name>".
  Q_INVOKABLE void typeAnswer(const QString& itemId, const QString& text);
  Q_INVOKABLE void typeFindingText(int row, const QString& field, const QString& text);
  /// Commits what is typed but not yet in the record (leaving a field, a section or the page,
  /// closing the app). Returns false when something could not be committed (its error shows).
  Q_INVOKABLE bool flushTyping();
  static constexpr int kTypingCommitMs = 400;

  Q_INVOKABLE bool addFinding(const QString& componentCode, const QString& hazardCode);
  /// field: "component", "hazard", "location", "note", "severity".
  Q_INVOKABLE bool setFindingField(int row, const QString& field, const QString& value);
  /// `text` empty removes the measurement.
  Q_INVOKABLE bool setFindingMeasurement(int row, const QString& name, const QString& text);
  Q_INVOKABLE bool removeFinding(int row);

  /// Imports a picture file (resized, hashed, stored) and links it: to the photo item `itemId`
  /// when given, else to finding `findingRow` when >= 0, else to the inspection.
  Q_INVOKABLE bool addPhoto(const QUrl& file, const QString& itemId, int findingRow);

  /// Imports a picture the camera page captured (a file in captureDirectory()) like addPhoto,
  /// then deletes the capture file (the library keeps the resized copy).
  Q_INVOKABLE bool addCapturedPhoto(const QString& path, const QString& itemId, int findingRow);
  /// Where the camera page writes captures before they are imported.
  Q_INVOKABLE QString captureDirectory() const;
  /// Sets the position stamp by hand (tests; a position source does it in the app).
  Q_INVOKABLE void setPosition(double latitude, double longitude, double accuracyMeters);
  /// "lat, lon" of the current stamp, "" when there is none.
  Q_PROPERTY(QString positionText READ positionText NOTIFY positionChanged)
  QString positionText() const;

  /// Runs core's grading on the current answers and findings, and saves the result.
  Q_INVOKABLE bool grade();
  /// Overrides the computed judgment; a blank reason is refused (overrideError says so).
  Q_INVOKABLE bool setOverride(const QString& judgmentCode, const QString& reason);
  Q_INVOKABLE bool clearOverride();
  /// Checks the answers for submission, grades and submits. Emits submitted(ok, errorString).
  Q_INVOKABLE bool submit();

  /// The record as it stands (for tests and the screenshot mode).
  const Inspection& inspection() const { return m_inspection; }
  const Building& building() const { return m_building; }

  /// The owner notice's files (inspection_controller_notice.cpp): stores `bytes` in the photo
  /// library as a document of this inspection (PhotoRecord::document), queued for upload.
  Result<PhotoRecord> importDocument(const QByteArray& bytes, const char* document,
                                     const char* mimeType);
  /// Links the owner notice into the draft and saves it; false (errorString) when refused.
  bool attachOwnerNotice(OwnerNotice notice);

 signals:
  void sessionChanged();
  void buildingIdChanged();
  void inspectionChanged();
  void sectionChanged();
  void judgmentChanged();
  void overrideErrorChanged();
  void submitErrorsChanged();
  void savedAtChanged();
  void errorStringChanged();
  void submitted(bool ok, const QString& errorString);
  void positionChanged();

 private:
  void open();
  bool saveDraft();
  void typeText(const QString& key, const QString& text);
  bool commitTyped(const QString& key, const QString& text);
  void writeJournal();
  QHash<QString, QString> typedAnswers() const;
  void refreshItems();
  void refreshFindings();
  void openTriggeredFinding(const ChecklistItem& item, const AnswerValue& answer);
  /// The open finding a checklist item belongs to (core's findingSourceOf), or null.
  Finding* findingOf(const ChecklistItem& item);
  /// Copies a measurement answer into its finding (template `finding_measurement:`), converted to
  /// the grading rules' unit, so the judgment sees what was measured.
  void copyMeasurementToFinding(const ChecklistItem& item);
  /// Submit problems: answers that need a photo beside them and have none.
  QStringList missingPhotos() const;
  Language lang() const;
  /// The checklist version m_inspection is made with (the session's newest for a new one).
  const ChecklistTemplate& checklist() const;
  bool ready() const;
  void setErrorString(const QString& error);
  void setOverrideError(const QString& error);
  void setSubmitErrors(const QStringList& errors);

  QPointer<Session> m_session;
  QString m_buildingId;
  Building m_building;
  Inspection m_inspection;
  // The house's latest inspection handed in (submitted or approved) before this one: what a
  // re-inspection is compared with.
  std::optional<Inspection> m_previous;
  std::vector<Inspection> m_history;  // the house's inspections when opened (crack monitoring)
  bool m_open = false;
  bool m_stored = false;  // m_inspection is in the store (see `stored`)
  int m_sectionIndex = 0;
  QHash<QString, QString> m_itemErrors;
  std::optional<PreliminaryAssessment> m_assessment;
  QString m_overrideError;
  QStringList m_submitErrors;
  QString m_savedAt;
  QString m_errorString;
  // Typed text: m_typed is what the fields show (kept for the controller's life, so a committed
  // "1." is not redrawn as "1" under the cursor); m_pending is not yet in the record; m_journal is
  // what the store's typing journal holds (pending + entries whose commit was refused).
  QHash<QString, QString> m_typed;
  QMap<QString, QString> m_pending;
  QMap<QString, QString> m_journal;
  QTimer m_typingTimer;
  QHash<QString, QString> m_thumbnailCache;  // photo id -> thumbnail URL (photos are immutable)
  PositionStamp* m_positions;                // child
  std::optional<GeoPoint> m_position;        // the stamp for the next photo (m_positions' last fix)
  ChecklistItemModel* m_items;               // child
  FindingListModel* m_findings;              // child
};

}  // namespace anju::app
