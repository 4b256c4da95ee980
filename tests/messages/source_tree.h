// Reading the repository's own source files, for tests that check the code itself.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace anju {

/// The repository's root (ANJU_SOURCE_DIR, set by tests/messages/CMakeLists.txt).
std::filesystem::path sourceRoot();
/// C++, JavaScript, QML and HTML files under `folders` (relative to the root), sorted.
std::vector<std::filesystem::path> sourceFiles(const std::vector<std::string>& folders);
std::string readFile(const std::filesystem::path& file);
/// `file` relative to the root, "core/src/validation.cpp".
std::string relativeName(const std::filesystem::path& file);
/// True when `text` (UTF-8) holds a CJK unified ideograph (U+4E00..U+9FFF).
bool containsHan(std::string_view text);

}  // namespace anju
