// The building address search index (schema 2): what text is indexed for a building, and how a
// user's query becomes FTS5 MATCH expressions. See migrations.cpp for why there are two indexes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "anju/model.h"
#include "store/database.h"

namespace anju::store {

/// The buildings whose searchable text ("district street community address") a transaction
/// wrote, put into both search indexes together as the transaction's last writes.
///
/// Why not row by row: FTS5 keeps new terms in memory until the transaction commits, but flushes
/// them into a new on-disk segment whenever a later statement of the same transaction opens a
/// savepoint, which the buildings upsert does. Indexing each building between the other writes
/// left one tiny segment per building for FTS5 to merge: a third of the time of pulling 100k
/// houses into a tablet (docs/benchmarks.md). Written last, a transaction makes one segment.
class SearchIndexBatch {
 public:
  /// Building `rowNo`'s text replaces whatever the indexes hold for it when write() runs.
  void add(std::int64_t rowNo, const RegionPath& region, std::string_view address);

  /// Writes what was added, then forgets it. Call after the transaction's other writes, right
  /// before it commits; a transaction that rolls back simply drops the batch.
  Status write(Database& db, const Transaction& tx);

 private:
  std::vector<std::pair<std::int64_t, std::string>> m_texts;
};

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
