// DossierDocument: lays out dossiers (一户一档) into one PDF with QPdfWriter + QPainter. Each house
// starts on a new page: basic facts, rectification measures, then every inspection (newest
// first) with its judgment and explanation, findings with measurements, review state, and its
// photos (scaled to fit, with caption and capture time).
//
// Needs a QGuiApplication (fonts); the offscreen platform is enough. Not thread-safe: one
// document, one thread.
#pragma once

#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <memory>
#include <string>

#include "anju/model.h"
#include "export/dossier_frames.h"

namespace anju::dossier {

class DossierDocument {
 public:
  /// Opens `path` for writing, text in `family` (loadDossierFonts); check ok() before use.
  DossierDocument(const std::string& path, const DossierHeader& header, const QString& family);
  ~DossierDocument();

  bool ok() const { return m_ok; }
  /// Adds one house; false (with *error) when its records cannot be decoded.
  bool addHouse(const DossierHouse& house, std::string* error);
  /// Ends the document; false when the PDF could not be completed.
  bool finish();
  int pages() const { return m_page; }

 private:
  struct Cell;
  double width() const;
  void newPage();
  void ensure(double height);
  void heading(const QString& text, double points, bool rule);
  void paragraph(const QString& text, double points = 9.5, bool bold = false);
  void keyValues(const std::vector<std::pair<QString, QString>>& rows);
  void table(const std::vector<QString>& headers, const std::vector<double>& fractions,
             const std::vector<std::vector<QString>>& rows);
  void photo(const std::string& path, const QString& caption);
  /// The signed (or refused) owner notice of `inspection` on a page of its own
  /// (dossier_notice.cpp).
  void ownerNoticePage(const Inspection& inspection, const std::vector<PhotoRecord>& photos,
                       const DossierHouse& house);
  void footer();

  DossierHeader m_header;
  std::unique_ptr<QPdfWriter> m_writer;
  std::unique_ptr<QPainter> m_painter;
  QString m_family;
  double m_y = 0;
  double m_pageHeight = 0;
  int m_page = 0;
  int m_houses = 0;
  bool m_ok = false;
  double m_photoX = 0;     // next photo's x within the current photo row
  double m_photoRowH = 0;  // height of the current photo row (0: no row open)
};

}  // namespace anju::dossier
