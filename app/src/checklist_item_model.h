// ChecklistItemModel: the items of one checklist section that apply to the current answers
// (core's applicableItems), with their answers and inline errors. When an answer changes, rows of
// conditional items are inserted or removed individually (not a reset), so the field being typed
// in keeps its focus. Owned and fed by InspectionController.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QHash>
#include <QSet>
#include <vector>

#include "anju/checklist.h"
#include "localized.h"

namespace anju::app {

class ChecklistItemModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by InspectionController.items")
  Q_PROPERTY(int count READ count NOTIFY countChanged)

 public:
  enum Role {
    ItemIdRole = Qt::UserRole,
    TypeRole,  // "yes_no", "choice", "measurement", "text", "photo"
    LabelRole,
    HelpRole,
    RequiredRole,
    PhotoRequiredRole,
    OptionsRole,  // [{id, label}] for choice items
    UnitRole,     // unit label ("mm", "‰", "年") for measurement items
    MinRole,      // number or undefined
    MaxRole,
    IntegerRole,
    AnsweredRole,
    AnswerRole,           // bool / option id / number / text / photo id; undefined when unanswered
    AnswerTextRole,       // the answer as text for fields ("" when unanswered)
    ErrorRole,            // inline error in the UI language, "" when fine
    TriggersFindingRole,  // the current answer opens a finding
    NeedsPhotoRole,       // the current answer needs a photo beside it (core's itemsNeedingPhotos)
    PreviousAnswerRole,   // the house's previous inspection's answer in words, "" when none
    PreviousDiffersRole,  // answered this time, differently from the previous answer
  };
  Q_ENUM(Role)

  explicit ChecklistItemModel(QObject* parent = nullptr);

  /// Shows the applicable items of `section`. `tmpl` and `section` are borrowed and must outlive
  /// the next update(). `errors` maps item id -> message.
  /// `previous` (may be null) are the answers of the house's previous handed-in inspection, shown
  /// beside each question (a re-inspection compares with what was found last time).
  void update(const ChecklistTemplate* tmpl, const ChecklistSection* section,
              const ChecklistAnswers& answers, const QHash<QString, QString>& errors,
              Language language, const QHash<QString, QString>& typed = {},
              const ChecklistAnswers* previous = nullptr);

  int count() const { return static_cast<int>(m_items.size()); }
  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  Q_INVOKABLE int rowOf(const QString& itemId) const;

 signals:
  void countChanged();

 private:
  std::vector<const ChecklistItem*> m_items;  // borrowed from the template
  ChecklistAnswers m_answers;
  ChecklistAnswers m_previous;
  QHash<QString, QString> m_errors;
  QHash<QString, QString> m_typed;
  QSet<QString>
      m_needPhotos;  // item ids  // item id -> text as typed (shown instead of the stored value)
  Language m_language = Language::kChinese;
};

}  // namespace anju::app
