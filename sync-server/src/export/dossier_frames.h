// The stream the server sends to the anju-dossier renderer on its stdin: length-prefixed CBOR
// frames (4-byte big-endian length, then the CBOR bytes). The first frame is the document
// header, each further frame one house. Header-only so the renderer (which links Qt, not the
// server library) and the server share one definition.
//
//   header: {"title": text, "subtitle": text, "generated": text}
//   house:  {"records": [bytes of anju.v1.Record, ...], "photos": {sha256: file path, ...}}
//
// Record payloads travel as the stored protobuf bytes, photos as paths into the blob store that
// the renderer reads itself, so no photo byte crosses the pipe.
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace anju::dossier {

struct DossierHeader {
  std::string title;
  std::string subtitle;
  std::string generated;
  /// The deployment's words for none_found, some, serious (Chinese; the rule file's vocabulary),
  /// so the renderer, which reads no rule file, prints what the server shows. Empty: built-in.
  std::vector<std::string> judgmentWords;
};

struct DossierHouse {
  std::vector<std::string> records;           // serialised anju.v1.Record
  std::map<std::string, std::string> photos;  // sha256 -> readable file with the bytes
  std::string regionCode;  // 区划代码: the community's, else the street's or district's; "" none
};

inline std::string frame(const nlohmann::json& value) {
  const std::vector<std::uint8_t> cbor = nlohmann::json::to_cbor(value);
  std::string out(4, '\0');
  const auto n = static_cast<std::uint32_t>(cbor.size());
  out[0] = static_cast<char>(n >> 24);
  out[1] = static_cast<char>(n >> 16);
  out[2] = static_cast<char>(n >> 8);
  out[3] = static_cast<char>(n);
  out.append(cbor.begin(), cbor.end());
  return out;
}

inline std::string headerFrame(const DossierHeader& h) {
  return frame({{"title", h.title},
                {"subtitle", h.subtitle},
                {"generated", h.generated},
                {"judgment_words", h.judgmentWords}});
}

inline std::string houseFrame(const DossierHouse& house) {
  nlohmann::json records = nlohmann::json::array();
  for (const std::string& r : house.records)
    records.push_back(nlohmann::json::binary(std::vector<std::uint8_t>(r.begin(), r.end())));
  return frame({{"records", records}, {"photos", house.photos}, {"region_code", house.regionCode}});
}

/// Reads one frame; nullopt at a clean end of input, throws nlohmann::json::exception or
/// std::runtime_error for a damaged stream.
inline std::optional<nlohmann::json> readFrame(std::FILE* in) {
  unsigned char len[4];
  const std::size_t got = std::fread(len, 1, 4, in);
  if (got == 0) return std::nullopt;
  if (got != 4) throw std::runtime_error("truncated frame length");
  const std::uint32_t n = (std::uint32_t{len[0]} << 24) | (std::uint32_t{len[1]} << 16) |
                          (std::uint32_t{len[2]} << 8) | std::uint32_t{len[3]};
  if (n > (256u << 20)) throw std::runtime_error("frame too large");
  std::vector<std::uint8_t> bytes(n);
  if (std::fread(bytes.data(), 1, n, in) != n) throw std::runtime_error("truncated frame");
  return nlohmann::json::from_cbor(bytes);
}

inline DossierHeader parseHeader(const nlohmann::json& j) {
  return {j.value("title", ""), j.value("subtitle", ""), j.value("generated", ""),
          j.value("judgment_words", std::vector<std::string>{})};
}

inline DossierHouse parseHouse(const nlohmann::json& j) {
  DossierHouse house;
  for (const auto& r : j.at("records")) {
    const auto& bin = r.get_binary();
    house.records.emplace_back(bin.begin(), bin.end());
  }
  house.photos = j.at("photos").get<std::map<std::string, std::string>>();
  house.regionCode = j.value("region_code", "");
  return house;
}

}  // namespace anju::dossier
