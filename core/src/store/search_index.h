// The building address search index (schema 2): what text is indexed for a building, and how a
// user's query becomes FTS5 MATCH expressions. See migrations.cpp for why there are two indexes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "anju/model.h"
#include "store/database.h"

namespace anju::store {

/// Replaces the indexed text of building `rowNo` ("district street community address") in both
/// search indexes.
Status indexBuildingText(Database& db, const Transaction& tx, std::int64_t rowNo,
                         const RegionPath& region, std::string_view address);

/// A query split into terms (on ASCII and ideographic spaces): terms of three or more characters
/// go to the trigram index, shorter ones to the per-character index; a building matches when it
/// contains every term. An empty expression means "no term for that index".
struct SearchPlan {
  std::string trigramMatch;  // e.g. "幸福路" AND "12号"
  std::string charsMatch;    // e.g. "幸 福"
  bool empty() const { return trigramMatch.empty() && charsMatch.empty(); }
};
SearchPlan planSearch(std::string_view query);

/// "幸福路12号" -> "幸 福 路 1 2 号 ": one token per character for the unicode61 tokenizer.
std::string spacedCharacters(std::string_view text);

}  // namespace anju::store
