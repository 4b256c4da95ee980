// Text that must be valid UTF-8 before it goes into a protobuf `string` field: proto3 refuses to
// parse a string field with invalid UTF-8, so an error message that quotes a client's raw bytes
// (a path segment, a query value) would make the whole anju.v1.Error unreadable for the client.
// Found by fuzz_sync_api (docs/fuzzing.md).
#pragma once

#include <string>
#include <string_view>

namespace anju::server {

/// `text` with every byte that does not start a well-formed UTF-8 sequence (overlong forms,
/// surrogates and code points above U+10FFFF included) replaced by U+FFFD.
std::string toValidUtf8(std::string_view text);

/// Whether `text` is well-formed UTF-8 (the same rules as toValidUtf8) with no NUL byte: text a
/// client sends that is to be stored, matched in a database or quoted back must be this.
bool isCleanUtf8Text(std::string_view text);

}  // namespace anju::server
