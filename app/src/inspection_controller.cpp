#include "inspection_controller.h"

#include <QDateTime>
#include <algorithm>
#include <utility>
#include <variant>

#include "anju/china_time.h"
#include "anju/enum_codes.h"
#include "anju/evidence_digest.h"
#include "anju/hlc.h"
#include "anju/uuid.h"
#include "anju/validation.h"
#include "anju/visits.h"
#include "typing_journal.h"

namespace anju::app {
namespace {

// The house's latest inspection handed in (submitted or approved) that started before `current`:
// the one a re-inspection shows beside each question. A returned inspection is being reworked
// and a draft is unfinished, so neither counts.
std::optional<Inspection> previousHandedIn(const std::vector<Inspection>& history,
                                           const Inspection& current) {
  const Inspection* best = nullptr;
  for (const Inspection& i : history) {
    if (i.id == current.id || i.startedAt >= current.startedAt) continue;
    if (i.review != ReviewState::kSubmitted && i.review != ReviewState::kApproved) continue;
    if (!best || i.startedAt > best->startedAt) best = &i;
  }
  return best ? std::optional<Inspection>(*best) : std::nullopt;
}

}  // namespace

InspectionController::InspectionController(QObject* parent)
    : QObject(parent),
      m_items(new ChecklistItemModel(this)),
      m_photos(new InspectionPhotos(*this)),
      m_findings(new InspectionFindings(*this)),
      m_judgment(new InspectionJudgment(*this)) {
  m_typingTimer.setSingleShot(true);
  m_typingTimer.setInterval(kTypingCommitMs);
  connect(&m_typingTimer, &QTimer::timeout, this, &InspectionController::flushTyping);
}

InspectionController::~InspectionController() {
  if (!m_pending.isEmpty()) flushTyping();
}

void InspectionController::setSession(Session* session) {
  if (session == m_session) return;
  if (m_session) disconnect(m_session, nullptr, this, nullptr);
  m_session = session;
  if (m_session) {
    connect(m_session, &Session::languageChanged, this, [this] {
      refreshItems();
      m_findings->refresh();
      emit sectionChanged();
      emit m_findings->optionsChanged();
      emit m_judgment->changed();
    });
  }
  emit sessionChanged();
  open();
}

void InspectionController::setBuildingId(const QString& id) {
  if (id == m_buildingId) return;
  m_buildingId = id;
  emit buildingIdChanged();
  open();
}

const ChecklistTemplate& InspectionController::checklist() const {
  return m_session->checklist(m_inspection.templateVersion);
}

QString InspectionController::previousInspectedAt() const {
  if (!m_previous) return {};
  return toQString(
      formatChinaTime(m_previous->submittedAt ? m_previous->submittedAt : m_previous->startedAt));
}

Language InspectionController::lang() const {
  return m_session ? m_session->lang() : Language::kChinese;
}

bool InspectionController::ready() const { return m_open && m_session && m_session->store(); }

void InspectionController::open() {
  if (!m_pending.isEmpty()) flushTyping();
  m_typed.clear();
  m_journal.clear();
  m_open = false;
  m_stored = false;
  m_itemErrors.clear();
  m_sectionIndex = 0;
  setSubmitErrors({});
  m_judgment->reset();
  if (!m_session || !m_session->store() || m_buildingId.isEmpty()) return;
  Store& store = *m_session->store();
  auto building = store.building(toStdString(m_buildingId));
  if (!building) {
    setErrorString(statusMessage(building.status(), lang()));
    return;
  }
  m_building = std::move(*building);
  auto history = store.inspectionsOfBuilding(m_building.id);
  if (!history) {
    setErrorString(statusMessage(history.status(), lang()));
    return;
  }
  m_previous.reset();
  m_findings->setHistory(*history);
  // Resume the newest inspection still on the inspector's side (draft, or returned by a
  // reviewer); otherwise start a new one.
  const auto resumable = std::find_if(history->begin(), history->end(), [](const Inspection& i) {
    return i.review == ReviewState::kDraft || i.review == ReviewState::kReturned;
  });
  if (resumable != history->end()) {
    m_inspection = *resumable;
    m_open = true;
    m_stored = true;
  } else {
    if (m_session->userName().trimmed().isEmpty()) {
      setErrorString(tr("Sign in first: an inspection records who made it."));
      emit inspectionChanged();
      return;
    }
    Inspection fresh;
    fresh.id = newUuid();
    fresh.buildingId = m_building.id;
    fresh.inspector = toStdString(m_session->userName());
    fresh.startedAt = systemNowMs();
    // A new inspection is made with the newest checklist.
    fresh.templateId = m_session->checklist().id;
    fresh.templateVersion = m_session->checklist().version;
    // What the house page already holds (year, storeys, structure, use, design) is not asked
    // again: it starts answered, for the inspector to correct if the house says otherwise.
    fresh.answers = answersFromBuilding(m_session->checklist(), m_building);
    m_inspection = std::move(fresh);
    m_open = true;
    // Not stored yet: the first thing the inspector records stores it (saveDraft).
    m_stored = false;
    emit savedAtChanged();
  }
  if (m_open) {
    setErrorString({});
    m_previous = previousHandedIn(*history, m_inspection);
  }
  // Text typed before the app was killed: commit it now (what was refused stays journalled and
  // shows its error).
  if (m_open) {
    if (auto left = readTypingJournal(store, toQString(m_inspection.id));
        left && !left->isEmpty()) {
      for (auto it = left->cbegin(); it != left->cend(); ++it) m_typed.insert(it.key(), it.value());
      m_pending = *left;
      flushTyping();
    }
  }
  refreshItems();
  m_findings->refresh();
  emit inspectionChanged();
  emit sectionChanged();
  emit m_findings->optionsChanged();
  emit m_judgment->changed();
}

bool InspectionController::saveDraft() {
  if (!m_session || !m_session->store()) return false;
  auto written =
      m_session->store()->putInspection(m_inspection, toStdString(m_session->userName()));
  if (!written) {
    setErrorString(tr("Not saved: %1").arg(statusMessage(written.status(), lang())));
    return false;
  }
  setErrorString({});
  m_stored = true;
  m_savedAt = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
  emit savedAtChanged();
  m_session->notifyStoreChanged();
  return true;
}

void InspectionController::refreshItems() {
  const ChecklistTemplate* tmpl = m_session ? &checklist() : nullptr;
  const ChecklistSection* section = nullptr;
  if (ready() && m_sectionIndex >= 0 && m_sectionIndex < sectionCount())
    section = &tmpl->sections[static_cast<std::size_t>(m_sectionIndex)];
  m_items->update(tmpl, section, m_inspection.answers, m_itemErrors, lang(), typedAnswers(),
                  m_previous ? &m_previous->answers : nullptr);
}

QString InspectionController::inspectionId() const {
  return m_open ? toQString(m_inspection.id) : QString();
}
QString InspectionController::address() const {
  return m_open ? toQString(m_building.address) : QString();
}
bool InspectionController::isEditable() const {
  return m_open && (m_inspection.review == ReviewState::kDraft ||
                    m_inspection.review == ReviewState::kReturned);
}
QString InspectionController::review() const {
  return m_open ? toQString(toCode(m_inspection.review)) : QString();
}
QString InspectionController::reviewComment() const {
  return m_open ? toQString(m_inspection.reviewComment) : QString();
}

void InspectionController::setSectionIndex(int index) {
  if (index < 0 || index >= sectionCount() || index == m_sectionIndex) return;
  flushTyping();
  m_sectionIndex = index;
  refreshItems();
  emit sectionChanged();
}

int InspectionController::sectionCount() const {
  return m_session ? static_cast<int>(checklist().sections.size()) : 0;
}

QString InspectionController::sectionTitle() const {
  if (m_sectionIndex < 0 || m_sectionIndex >= sectionCount()) return {};
  return pick(checklist().sections[static_cast<std::size_t>(m_sectionIndex)].title, lang());
}

QStringList InspectionController::sectionTitles() const {
  QStringList out;
  if (!m_session) return out;
  for (const ChecklistSection& s : checklist().sections) out.append(pick(s.title, lang()));
  return out;
}

bool InspectionController::setAnswer(const QString& itemId, const QVariant& value) {
  if (!isEditable()) return false;
  const ChecklistItem* item = checklist().findItem(toStdString(itemId));
  if (!item) return false;
  AnswerValue answer;
  switch (item->type) {
    case ItemType::kYesNo:
      answer = value.toBool();
      break;
    case ItemType::kMeasurement: {
      bool ok = false;
      const double number =
          value.typeId() == QMetaType::QString
              ? value.toString().trimmed().replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok)
              : value.toDouble(&ok);
      if (!ok) {
        m_itemErrors.insert(itemId, tr("Enter a number."));
        refreshItems();
        return false;
      }
      answer = number;
      break;
    }
    default:
      answer = toStdString(value.toString());
      break;
  }
  if (const Status st = validateAnswer(*item, answer); !st) {
    const QString msg = st.fieldErrors().empty() ? statusMessage(st, lang())
                                                 : fieldErrorText(st.fieldErrors().front(), lang());
    m_itemErrors.insert(itemId, msg);
    refreshItems();
    return false;
  }
  m_itemErrors.remove(itemId);
  m_inspection.answers[item->id] = answer;
  m_findings->openTriggered(*item, answer);
  m_findings->copyMeasurement(*item);
  const bool saved = saveDraft();
  refreshItems();
  m_findings->refresh();
  emit inspectionChanged();
  return saved;
}

bool InspectionController::clearAnswer(const QString& itemId) {
  if (!isEditable()) return false;
  m_itemErrors.remove(itemId);
  const bool had = m_inspection.answers.erase(toStdString(itemId)) > 0;
  const bool saved = !had || saveDraft();
  refreshItems();
  emit inspectionChanged();
  return saved;
}

bool InspectionController::submit() {
  if (!isEditable()) {
    emit submitted(false, tr("This inspection cannot be changed any more."));
    return false;
  }
  if (!flushTyping()) {
    const QString msg = tr("A typed value could not be saved; correct it first.");
    emit submitted(false, msg);
    return false;
  }
  const ChecklistTemplate& tmpl = checklist();
  QStringList problems;
  if (const Status st = validateAnswers(tmpl, m_inspection.answers, /*forSubmit=*/true); !st) {
    for (const FieldError& fe : st.fieldErrors()) {
      const ChecklistItem* item = tmpl.findItem(fe.field);
      problems.append((item ? pick(item->label, lang()) + QStringLiteral(": ") : QString()) +
                      fieldErrorText(fe, lang()));
    }
  }
  problems.append(m_photos->missing());
  setSubmitErrors(problems);
  if (!problems.isEmpty()) {
    const QString msg = tr("%n item(s) still need an answer or a correction.", nullptr,
                           static_cast<int>(problems.size()));
    setErrorString(msg);
    emit submitted(false, msg);
    return false;
  }
  Inspection candidate = m_inspection;
  candidate.answers = applicableAnswers(tmpl, candidate.answers);
  PreliminaryAssessment assessment =
      gradeInspection(candidate, m_building, checklist(), m_session->rules());
  // The first submission is made at the door: it is also the visit that reached the house
  // (已排查), written in the same transaction. A resubmission after a return is not a new visit.
  const bool firstSubmission = m_inspection.review == ReviewState::kDraft;
  candidate.review = ReviewState::kSubmitted;
  candidate.submittedAt = systemNowMs();
  // The evidence digest binds the record to its photos' hashes, GPS and times (evidence_digest.h).
  if (const Status sealed = sealEvidence(*m_session->store(), candidate); !sealed) {
    const QString msg = tr("Not submitted: %1").arg(statusMessage(sealed, lang()));
    setErrorString(msg);
    emit submitted(false, msg);
    return false;
  }
  const std::string actor = toStdString(m_session->userName());
  auto written = firstSubmission ? m_session->store()->putInspectionWithVisit(
                                       candidate, visitForSubmission(candidate, newUuid()), actor)
                                 : m_session->store()->putInspection(candidate, actor);
  if (!written) {
    const QString msg = tr("Not submitted: %1").arg(statusMessage(written.status(), lang()));
    setErrorString(msg);
    emit submitted(false, msg);
    return false;
  }
  m_inspection = std::move(candidate);
  m_judgment->setAssessment(std::move(assessment));
  setErrorString({});
  m_session->notifyStoreChanged();
  refreshItems();
  m_findings->refresh();
  emit inspectionChanged();
  emit m_judgment->changed();
  emit submitted(true, QString());
  return true;
}

bool InspectionController::attachOwnerNotice(OwnerNotice notice) {
  if (!isEditable()) {
    setErrorString(tr("This inspection cannot be changed any more."));
    return false;
  }
  const std::optional<OwnerNotice> before = m_inspection.ownerNotice;
  m_inspection.ownerNotice = std::move(notice);
  if (!saveDraft()) {
    m_inspection.ownerNotice = before;  // nothing half-linked: the draft keeps what it had
    return false;
  }
  emit inspectionChanged();
  return true;
}

void InspectionController::setErrorString(const QString& error) {
  if (error == m_errorString) return;
  m_errorString = error;
  emit errorStringChanged();
}

void InspectionController::setSubmitErrors(const QStringList& errors) {
  if (errors == m_submitErrors) return;
  m_submitErrors = errors;
  emit submitErrorsChanged();
}

}  // namespace anju::app
