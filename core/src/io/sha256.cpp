#include "anju/sha256.h"

#include <openssl/evp.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "anju/message.h"

namespace anju {

struct Sha256::State {
  EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256() : m_state(std::make_unique<State>()) {
  m_state->ctx = EVP_MD_CTX_new();
  // Only fails when OpenSSL cannot allocate; nothing sensible is left to do then.
  if (!m_state->ctx || EVP_DigestInit_ex(m_state->ctx, EVP_sha256(), nullptr) != 1) std::abort();
}

Sha256::~Sha256() { EVP_MD_CTX_free(m_state->ctx); }

void Sha256::update(std::string_view bytes) {
  EVP_DigestUpdate(m_state->ctx, bytes.data(), bytes.size());
}

std::string Sha256::finishHex() {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int len = 0;
  EVP_DigestFinal_ex(m_state->ctx, digest.data(), &len);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xf]);
  }
  return out;
}

std::string sha256Hex(std::string_view bytes) {
  Sha256 h;
  h.update(bytes);
  return h.finishHex();
}

Result<std::string> sha256OfFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Status::ioError(
        msg("sync.cannot_read", {{"path", path}, {"detail", std::strerror(errno)}}));
  Sha256 h;
  std::array<char, 64 * 1024> block{};
  while (in) {
    in.read(block.data(), block.size());
    h.update(std::string_view(block.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad())
    return Status::ioError(
        msg("sync.reading_failed", {{"path", path}, {"detail", std::strerror(errno)}}));
  return h.finishHex();
}

}  // namespace anju
