#include "source_tree.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace anju {

std::filesystem::path sourceRoot() { return ANJU_SOURCE_DIR; }

std::vector<std::filesystem::path> sourceFiles(const std::vector<std::string>& folders) {
  std::vector<std::filesystem::path> out;
  for (const std::string& folder : folders) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(sourceRoot() / folder)) {
      if (!entry.is_regular_file()) continue;
      const std::string ext = entry.path().extension().string();
      if (ext == ".cpp" || ext == ".h" || ext == ".js" || ext == ".qml" || ext == ".html")
        out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string relativeName(const std::filesystem::path& file) {
  return std::filesystem::relative(file, sourceRoot()).generic_string();
}

bool containsHan(std::string_view text) {
  // U+4E00..U+9FFF is E4 B8 80 .. E9 BF BF in UTF-8: a lead byte E4..E9 (with the E4 range
  // starting at B8) followed by two continuation bytes.
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    if (b0 >= 0xE4 && b0 <= 0xE9 && (b0 != 0xE4 || b1 >= 0xB8) && (b1 & 0xC0) == 0x80) return true;
  }
  return false;
}

}  // namespace anju
