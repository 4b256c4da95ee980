// InspectionController: one inspection of one building, driven by the checklist template — which
// house and inspection are open, one section per screen, conditional items appearing as answers
// change, the previous inspection's answers beside each question, typed text, submit. Its parts,
// each with a job of its own and exposed as a CONSTANT property:
//   findings  (InspectionFindings, inspection_findings.h): the findings list and its edits;
//   judgment  (InspectionJudgment, inspection_judgment.h): the preliminary judgment computed by
//             core (gradeInspection), its explanation, an override that needs a reason;
//   photos    (InspectionPhotos, inspection_photos.h): photo import, captures, the GPS stamp,
//             the owner notice's files.
// The record itself (Inspection) lives here; the parts change it through this controller, which
// saves every change.
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
#include <QVariant>
#include <optional>

#include "anju/model.h"
#include "checklist_item_model.h"
#include "inspection_findings.h"
#include "inspection_judgment.h"
#include "inspection_photos.h"
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

  /// The parts (children, for the controller's life).
  Q_PROPERTY(anju::app::InspectionFindings* findings READ findings CONSTANT)
  Q_PROPERTY(anju::app::InspectionJudgment* judgment READ judgment CONSTANT)
  Q_PROPERTY(anju::app::InspectionPhotos* photos READ photos CONSTANT)

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
  InspectionFindings* findings() const { return m_findings; }
  InspectionJudgment* judgment() const { return m_judgment; }
  InspectionPhotos* photos() const { return m_photos; }
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

  /// Per-keystroke text (text and measurement items here, a finding's location / note /
  /// measurement through findings.typeText): written to the typing journal (typing_journal.h) at
  /// once, committed to the record after kTypingCommitMs without a keystroke, or by
  /// flushTyping(). The field keeps showing the text as typed.
  Q_INVOKABLE void typeAnswer(const QString& itemId, const QString& text);
  /// Commits what is typed but not yet in the record (leaving a field, a section or the page,
  /// closing the app). Returns false when something could not be committed (its error shows).
  Q_INVOKABLE bool flushTyping();
  static constexpr int kTypingCommitMs = 400;

  /// Checks the answers for submission, grades and submits. Emits submitted(ok, errorString).
  Q_INVOKABLE bool submit();

  /// The record as it stands (for tests and the screenshot mode).
  const Inspection& inspection() const { return m_inspection; }
  const Building& building() const { return m_building; }

  /// Links the owner notice into the draft and saves it; false (errorString) when refused.
  /// Its files are stored by photos()->importDocument().
  bool attachOwnerNotice(OwnerNotice notice);

 signals:
  void sessionChanged();
  void buildingIdChanged();
  void inspectionChanged();
  void sectionChanged();
  void submitErrorsChanged();
  void savedAtChanged();
  void errorStringChanged();
  void submitted(bool ok, const QString& errorString);

 private:
  // The parts read and change the record through the members below (the record is one; each
  // part owns its own state).
  friend class InspectionFindings;
  friend class InspectionJudgment;
  friend class InspectionPhotos;

  void open();
  bool saveDraft();
  void typeText(const QString& key, const QString& text);
  bool commitTyped(const QString& key, const QString& text);
  void writeJournal();
  QHash<QString, QString> typedAnswers() const;
  void refreshItems();
  Language lang() const;
  /// The checklist version m_inspection is made with (the session's newest for a new one).
  const ChecklistTemplate& checklist() const;
  bool ready() const;
  void setErrorString(const QString& error);
  void setSubmitErrors(const QStringList& errors);

  QPointer<Session> m_session;
  QString m_buildingId;
  Building m_building;
  Inspection m_inspection;
  // The house's latest inspection handed in (submitted or approved) before this one: what a
  // re-inspection is compared with.
  std::optional<Inspection> m_previous;
  bool m_open = false;
  bool m_stored = false;  // m_inspection is in the store (see `stored`)
  int m_sectionIndex = 0;
  QHash<QString, QString> m_itemErrors;
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
  ChecklistItemModel* m_items;     // child
  InspectionPhotos* m_photos;      // child
  InspectionFindings* m_findings;  // child
  InspectionJudgment* m_judgment;  // child
};

}  // namespace anju::app
