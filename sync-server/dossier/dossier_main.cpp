// anju-dossier: renders dossiers to PDF. Reads the frames of export/dossier_frames.h on stdin
// (a header, then one frame per house) and writes the PDF to --out FILE. Exit 0 when the
// document is complete, 1 with a message on stderr otherwise. Started by anju-server's
// DossierRunner; headless (Qt's offscreen platform).
#include <QGuiApplication>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "anju/enum_codes.h"
#include "dossier_document.h"
#include "dossier_fonts.h"

int main(int argc, char** argv) {
  std::string out;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--out") == 0) out = argv[i + 1];
  if (out.empty()) {
    std::fputs("usage: anju-dossier --out FILE.pdf < frames\n", stderr);
    return 2;
  }
  // No display on a server: the offscreen platform gives fonts and painting without one.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  QString fontError;
  const std::optional<QString> family = anju::dossier::loadDossierFonts(&fontError);
  if (!family) {
    std::fprintf(stderr, "anju-dossier: %s\n", qPrintable(fontError));
    return 1;
  }
  try {
    std::optional<nlohmann::json> first = anju::dossier::readFrame(stdin);
    if (!first) {
      std::fputs("anju-dossier: no input\n", stderr);
      return 1;
    }
    const anju::dossier::DossierHeader header = anju::dossier::parseHeader(*first);
    // The server's judgment words (its rule file's vocabulary), for every label() below.
    if (header.judgmentWords.size() == 3) {
      int i = 0;
      for (anju::PreliminaryJudgment j :
           {anju::PreliminaryJudgment::kNoneFound, anju::PreliminaryJudgment::kSome,
            anju::PreliminaryJudgment::kSerious})
        anju::setJudgmentWords(j, header.judgmentWords[i++], std::string(anju::label(j).en));
    }
    anju::dossier::DossierDocument doc(out, header, *family);
    if (!doc.ok()) {
      std::fprintf(stderr, "anju-dossier: cannot write %s\n", out.c_str());
      return 1;
    }
    int houses = 0;
    while (std::optional<nlohmann::json> frame = anju::dossier::readFrame(stdin)) {
      std::string error;
      if (!doc.addHouse(anju::dossier::parseHouse(*frame), &error)) {
        std::fprintf(stderr, "anju-dossier: %s\n", error.c_str());
        return 1;
      }
      ++houses;
    }
    if (houses == 0) {
      std::fputs("anju-dossier: no house in the input\n", stderr);
      return 1;
    }
    if (!doc.finish()) {
      std::fprintf(stderr, "anju-dossier: cannot complete %s\n", out.c_str());
      return 1;
    }
    std::fprintf(stderr, "anju-dossier: %d houses, %d pages\n", houses, doc.pages());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "anju-dossier: damaged input: %s\n", e.what());
    return 1;
  }
}
