#include "store/search_index.h"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace anju::store {
namespace {

bool isUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t characterCount(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !isUtf8Continuation(c); }));
}

// Splits on ASCII whitespace and U+3000 (the ideographic space a Chinese IME types).
std::vector<std::string> splitTerms(std::string_view query) {
  static constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  std::vector<std::string> terms;
  std::string current;
  for (std::size_t i = 0; i < query.size();) {
    if (query.substr(i, kIdeographicSpace.size()) == kIdeographicSpace) {
      i += kIdeographicSpace.size();
    } else if (std::isspace(static_cast<unsigned char>(query[i]))) {
      ++i;
    } else {
      current += query[i++];
      continue;
    }
    if (!current.empty()) terms.push_back(std::move(current));
    current.clear();
  }
  if (!current.empty()) terms.push_back(std::move(current));
  return terms;
}

// An FTS5 string: double quotes around, inner quotes doubled, so user input is never parsed as
// query syntax (AND, *, NEAR, column filters …).
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

// The per-character index drops punctuation, so a short term made only of ASCII punctuation has
// no token and would match nothing; it is ignored instead.
bool hasToken(std::string_view term) {
  return std::any_of(term.begin(), term.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u);
  });
}

void appendAnd(std::string& expression, const std::string& term) {
  if (!expression.empty()) expression += " AND ";
  expression += term;
}

}  // namespace

std::string spacedCharacters(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (i + 1 == text.size() || !isUtf8Continuation(text[i + 1])) out += ' ';
  }
  return out;
}

namespace {

// Regular (content-storing) FTS5 tables: a row is replaced by rowid without having to repeat
// its old text, which keeps updates simple and safe; addresses are short, the copy is small.
Status replaceIndexedText(Database& db, std::int64_t rowNo, const std::string& text) {
  for (const char* sql : {"DELETE FROM building_trigram WHERE rowid = ?1",
                          "DELETE FROM building_chars WHERE rowid = ?1"}) {
    Result<StatementUse> del = db.cached(sql);
    if (!del) return del.status();
    if (Status s = (*del)->bindInt(1, rowNo).run(); !s) return s;
  }
  Result<StatementUse> tri =
      db.cached("INSERT INTO building_trigram (rowid, text) VALUES (?1, ?2)");
  if (!tri) return tri.status();
  if (Status s = (*tri)->bindInt(1, rowNo).bindText(2, text).run(); !s) return s;
  Result<StatementUse> chars =
      db.cached("INSERT INTO building_chars (rowid, text) VALUES (?1, ?2)");
  if (!chars) return chars.status();
  return (*chars)->bindInt(1, rowNo).bindText(2, spacedCharacters(text)).run();
}

}  // namespace

void SearchIndexBatch::add(std::int64_t rowNo, const RegionPath& region, std::string_view address) {
  m_texts.emplace_back(rowNo, region.district + " " + region.street + " " + region.community + " " +
                                  std::string(address));
}

Status SearchIndexBatch::write(Database& db, const Transaction&) {
  const std::vector<std::pair<std::int64_t, std::string>> texts = std::exchange(m_texts, {});
  for (const auto& [rowNo, text] : texts)
    if (Status s = replaceIndexedText(db, rowNo, text); !s) return s;
  return Status::ok();
}

SearchPlan planSearch(std::string_view query) {
  SearchPlan plan;
  for (const std::string& term : splitTerms(query)) {
    if (characterCount(term) >= 3) {
      appendAnd(plan.trigramMatch, quoted(term));
    } else if (hasToken(term)) {
      // Inside the quotes the spaced characters form a phrase: adjacent, in order.
      std::string spaced = spacedCharacters(term);
      spaced.pop_back();
      appendAnd(plan.charsMatch, quoted(spaced));
    }
  }
  return plan;
}

}  // namespace anju::store
