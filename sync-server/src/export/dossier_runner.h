// Renders dossiers (一户一档) to PDF by running the anju-dossier renderer as a child process.
//
// Why a child process and not Qt inside the server: the renderer decodes photo bytes that
// tablets uploaded (untrusted input) with Qt's image plugins and lays out CJK text with
// fontconfig; in a child, a crash or a memory spike there costs one export, not the server and
// every tablet's sync. Qt (and a QGuiApplication, which wants to own the main thread) stays out
// of the server's process entirely; the child is killed when it exceeds its time limit.
// The cost, a process start per dossier (~0.1–0.3 s), is small next to rendering photos.
//
// Thread-safe: each render() has its own child, pipe and files.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "export/dossier_frames.h"
#include "register/region_code_book.h"
#include "register/register_query.h"
#include "storage/server_storage.h"

namespace anju::server {

class BlobStore;

class DossierRunner {
 public:
  /// `blobs` is borrowed. Photos are handed to the renderer as files: the folder store's own, or
  /// copies a database store streams into a scratch folder next to the output (<out>.photos/,
  /// removed when the run ends). `rendererPath` empty: $ANJU_DOSSIER_BIN, else anju-dossier next
  /// to the running executable.
  DossierRunner(ServerStorage& storage, RegisterIndex& index, BlobStore& blobs,
                std::string rendererPath = "",
                std::chrono::seconds timeLimit = std::chrono::seconds(600));

  /// One house. notFound when no building record is stored under `buildingId`.
  Status renderHouse(const Uuid& buildingId, const std::string& outPath);
  /// Every house matching `filter` (a community), in register order; the header names it.
  /// notFound when no house matches.
  Status renderHouses(const RegisterFilter& filter, const std::string& title,
                      const std::string& outPath);

 private:
  /// One house's records and photo files; copies go into `spoolDir` (created when needed).
  Result<dossier::DossierHouse> loadHouse(const Uuid& buildingId, const std::string& spoolDir,
                                          const RegionCodeBook& regionCodes);
  /// Starts the renderer, feeds it the header and the houses `produce` hands over, waits.
  Status run(const dossier::DossierHeader& header,
             const std::function<Status(const std::function<Status(const Uuid&)>&)>& produce,
             const std::string& outPath);

  ServerStorage& m_storage;
  RegisterIndex& m_index;
  BlobStore& m_blobs;
  std::string m_renderer;
  std::chrono::seconds m_timeLimit;
};

}  // namespace anju::server
