// SHA-256 through OpenSSL's EVP interface, as lowercase hex. Sha256 hashes a stream in pieces;
// one instance per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "anju/status.h"

namespace anju::server {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  /// The digest as 64 lowercase hex digits; the object is spent afterwards.
  std::string finishHex();

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

std::string sha256Hex(std::string_view bytes);
/// Hashes a whole file without loading it into memory.
Result<std::string> sha256HexOfFile(const std::string& path);

}  // namespace anju::server
