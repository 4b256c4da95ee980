// The whole of an inspection's checklist for the review console: every question of its template,
// section by section, with the inspector's answer in words (是/否, the chosen option, the number
// with its unit, the text, the photo) and the previous inspection's answer beside it, so a
// reviewer sees what was asked and answered, not only the findings the answers produced.
#pragma once

#include <nlohmann/json.hpp>

#include "anju/checklist.h"
#include "anju/model.h"

namespace anju::server {

/// {"template_known", "sections": [{"id", "title": {zh, en}, "items": [{"id", "type",
/// "label": {zh, en}, "answer", "previous", "changed", "hazard"}]}], "unlisted": [{"id",
/// "answer", "previous"}]}. An answer is null when not given, else {"zh", "en"} plus "photo_id"
/// for a photo item. Items shown: those that apply to this inspection's answers, and any item
/// either inspection answered. `tmpl` null (unknown template): every answer is in "unlisted".
/// `previous` null: no earlier inspection of the house to compare with.
nlohmann::json answersJson(const ChecklistTemplate* tmpl, const ChecklistAnswers& answers,
                           const ChecklistAnswers* previous);

}  // namespace anju::server
