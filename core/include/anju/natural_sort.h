// The natural sort key of a text: addresses and house numbers sort as a person reads them
// (光明街1号, 光明街2号, 光明街12号), not byte by byte (1号, 12号, 2号). The key is itself a string
// compared byte by byte, so it can be stored in a column and ordered by SQLite's BINARY or
// PostgreSQL's COLLATE "C" and used in keyset paging; the app's house list, the server's register
// (console and every export) all order by this one function.
//
// Thread-safe (a pure function).
#pragma once

#include <string>
#include <string_view>

namespace anju {

/// A byte string whose byte order is the natural order of `text`: every run of digits (ASCII
/// 0-9 or fullwidth ０-９) compares by its numeric value, everything else byte by byte as before.
/// Numbers equal in value ("7" and "007") compare equal; the rest of the text then decides. The
/// key is valid UTF-8 when `text` is, and contains no NUL byte unless `text` does.
std::string naturalSortKey(std::string_view text);

}  // namespace anju
