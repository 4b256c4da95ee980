#include "checklist_item_model.h"

#include <QVariantMap>
#include <algorithm>

namespace anju::app {

ChecklistItemModel::ChecklistItemModel(QObject* parent) : QAbstractListModel(parent) {}

void ChecklistItemModel::update(const ChecklistTemplate* tmpl, const ChecklistSection* section,
                                const ChecklistAnswers& answers,
                                const QHash<QString, QString>& errors, Language language,
                                const QHash<QString, QString>& typed,
                                const ChecklistAnswers* previous) {
  std::vector<const ChecklistItem*> next;
  if (tmpl && section) next = applicableItems(*tmpl, *section, answers);
  const bool sameSection =
      !m_items.empty() && !next.empty() && section &&
      std::any_of(section->items.begin(), section->items.end(),
                  [&](const ChecklistItem& i) { return &i == m_items.front(); });
  const int before = count();
  m_answers = answers;
  m_previous = previous ? *previous : ChecklistAnswers{};
  m_errors = errors;
  m_typed = typed;
  m_needPhotos.clear();
  if (tmpl)
    for (const ChecklistItem* need : itemsNeedingPhotos(*tmpl, answers))
      m_needPhotos.insert(toQString(need->id));
  m_language = language;
  if (!sameSection) {
    beginResetModel();
    m_items = std::move(next);
    endResetModel();
  } else {
    // Both lists are subsequences of the section's item order: remove the rows that left, then
    // insert the rows that came, one by one.
    for (int row = count() - 1; row >= 0; --row) {
      if (std::find(next.begin(), next.end(), m_items[static_cast<std::size_t>(row)]) ==
          next.end()) {
        beginRemoveRows({}, row, row);
        m_items.erase(m_items.begin() + row);
        endRemoveRows();
      }
    }
    for (std::size_t i = 0; i < next.size(); ++i) {
      if (i >= m_items.size() || m_items[i] != next[i]) {
        beginInsertRows({}, static_cast<int>(i), static_cast<int>(i));
        m_items.insert(m_items.begin() + static_cast<std::ptrdiff_t>(i), next[i]);
        endInsertRows();
      }
    }
    if (!m_items.empty()) emit dataChanged(index(0), index(count() - 1));
  }
  if (count() != before) emit countChanged();
}

int ChecklistItemModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : count();
}

int ChecklistItemModel::rowOf(const QString& itemId) const {
  for (int i = 0; i < count(); ++i)
    if (toQString(m_items[static_cast<std::size_t>(i)]->id) == itemId) return i;
  return -1;
}

QVariant ChecklistItemModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const ChecklistItem& item = *m_items[static_cast<std::size_t>(index.row())];
  const auto answer = m_answers.find(item.id);
  const bool answered = answer != m_answers.end();
  switch (role) {
    case ItemIdRole:
      return toQString(item.id);
    case TypeRole:
      return toQString(toCode(item.type));
    case Qt::DisplayRole:
    case LabelRole:
      return pick(item.label, m_language);
    case HelpRole:
      return item.help ? pick(*item.help, m_language) : QString();
    case RequiredRole:
      return item.required;
    case PhotoRequiredRole:
      return item.photoRequired;
    case OptionsRole: {
      QVariantList options;
      for (const ChoiceOption& o : item.options)
        options.append(QVariantMap{{QStringLiteral("id"), toQString(o.id)},
                                   {QStringLiteral("label"), pick(o.label, m_language)}});
      return options;
    }
    case UnitRole: {
      const MeasurementUnit* unit = findMeasurementUnit(item.unit);
      if (!unit) return QString();
      return toQString(m_language == Language::kEnglish ? unit->en : unit->zh);
    }
    case MinRole:
      return item.min ? QVariant(*item.min) : QVariant();
    case MaxRole:
      return item.max ? QVariant(*item.max) : QVariant();
    case IntegerRole:
      return item.integer;
    case AnsweredRole:
      return answered;
    case AnswerRole:
      if (!answered) return {};
      return std::visit(
          [](const auto& v) -> QVariant {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::string>)
              return toQString(v);
            else
              return QVariant(v);
          },
          answer->second);
    case AnswerTextRole:
      if (const auto typed = m_typed.constFind(toQString(item.id)); typed != m_typed.cend())
        return *typed;
      if (!answered) return QString();
      return std::visit(
          [](const auto& v) -> QString {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::string>)
              return toQString(v);
            else if constexpr (std::is_same_v<T, bool>)
              return v ? QStringLiteral("true") : QStringLiteral("false");
            else
              return QString::number(v);
          },
          answer->second);
    case ErrorRole:
      return m_errors.value(toQString(item.id));
    case TriggersFindingRole:
      return answered && triggersFinding(item, answer->second);
    case NeedsPhotoRole:
      return m_needPhotos.contains(toQString(item.id));
    case PreviousAnswerRole: {
      const auto before = m_previous.find(item.id);
      return before == m_previous.end() ? QString()
                                        : pick(describeAnswer(item, before->second), m_language);
    }
    case PreviousDiffersRole: {
      const auto before = m_previous.find(item.id);
      return before != m_previous.end() && answered && answer->second != before->second;
    }
    default:
      return {};
  }
}

QHash<int, QByteArray> ChecklistItemModel::roleNames() const {
  return {{ItemIdRole, "itemId"},
          {TypeRole, "type"},
          {LabelRole, "label"},
          {HelpRole, "help"},
          {RequiredRole, "required"},
          {PhotoRequiredRole, "photoRequired"},
          {OptionsRole, "options"},
          {UnitRole, "unit"},
          {MinRole, "minValue"},
          {MaxRole, "maxValue"},
          {IntegerRole, "integer"},
          {AnsweredRole, "answered"},
          {AnswerRole, "answer"},
          {AnswerTextRole, "answerText"},
          {ErrorRole, "error"},
          {TriggersFindingRole, "triggersFinding"},
          {NeedsPhotoRole, "needsPhoto"},
          {PreviousAnswerRole, "previousAnswer"},
          {PreviousDiffersRole, "previousDiffers"}};
}

}  // namespace anju::app
