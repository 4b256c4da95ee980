// SHA-256 through OpenSSL's EVP interface, as 64 lowercase hex digits: the one implementation the
// tablet (photo library, evidence digest) and the server (blob store, tokens, exports) share.
// Sha256 hashes a stream in pieces; one instance per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "anju/status.h"

namespace anju {

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

/// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string sha256Hex(std::string_view bytes);
/// SHA-256 of a file's contents, read in blocks (never loaded whole); ioError when it cannot be
/// read.
Result<std::string> sha256OfFile(const std::string& path);

}  // namespace anju
