// OwnerNoticeController: the owner notice (隐患告知书) page of one inspection — the notice drawn
// from the inspection (house, owner, findings in words, judgment, the rule file's advice,
// inspector, time, a notice number), shown on the tablet, then signed by the owner on the
// signature pad or recorded as refused with the inspector's note.
//
// Signing stores, as content-addressed files next to the photos (core PhotoLibrary, queued for
// the resumable photo upload like any photo): the signature as a PNG rendered from the strokes,
// and the notice PDF with that signature in it. The inspection then carries an OwnerNotice with
// both files' ids and SHA-256, the strokes as vector text and their SHA-256 (model.h), saved as
// part of the draft (InspectionController::attachOwnerNotice), and bound by the evidence digest
// at submit.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QPointer>
#include <QVariantList>

#include "inspection_controller.h"
#include "owner_notice_document.h"

namespace anju::app {

class OwnerNoticeController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  /// Borrowed: the page's inspection.
  Q_PROPERTY(anju::app::InspectionController* inspection READ inspection WRITE setInspection NOTIFY
                 inspectionChanged)
  Q_PROPERTY(QString number READ number NOTIFY noticeChanged)
  /// "unsigned", "signed" or "refused".
  Q_PROPERTY(QString state READ state NOTIFY noticeChanged)
  /// file: URL of the notice page as an image (the preview the owner reads).
  Q_PROPERTY(QString previewUrl READ previewUrl NOTIFY noticeChanged)
  /// Local path of the stored PDF once signed or refused.
  Q_PROPERTY(QString pdfPath READ pdfPath NOTIFY noticeChanged)
  Q_PROPERTY(QString pdfSha256 READ pdfSha256 NOTIFY noticeChanged)
  Q_PROPERTY(QString signatureSha256 READ signatureSha256 NOTIFY noticeChanged)
  Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

 public:
  explicit OwnerNoticeController(QObject* parent = nullptr);

  InspectionController* inspection() const { return m_inspection; }
  void setInspection(InspectionController* inspection);
  QString number() const { return m_content.number; }
  QString state() const;
  QString previewUrl() const { return m_previewUrl; }
  QString pdfPath() const;
  QString pdfSha256() const;
  QString signatureSha256() const;
  QString errorString() const { return m_errorString; }

  /// Signs with `strokes` drawn on a pad of `padWidth` x `padHeight`: a list of strokes, each a
  /// list of points (Qt.point or {x, y}). Refused (false, errorString) when the pad is empty or
  /// the inspection cannot change any more.
  Q_INVOKABLE bool sign(const QVariantList& strokes, double padWidth, double padHeight);
  /// Records that the owner refused to sign; `note` (what happened) is required.
  Q_INVOKABLE bool refuse(const QString& note);

  /// The strokes as the vector text stored in OwnerNotice::signatureStrokes: strokes separated by
  /// ";", points "x,y" separated by " ", in a box 1000 units wide (integers), "" when empty.
  static QString strokesText(const QVariantList& strokes, double padWidth, double padHeight);
  /// The PNG of the signature drawn from strokesText (black on white, 600 px wide).
  static QImage renderSignature(const QString& strokes, double aspect);

 signals:
  void inspectionChanged();
  void noticeChanged();
  void errorStringChanged();

 private:
  void refresh();
  NoticeContent contentNow() const;
  bool finish(NoticeContent content, OwnerNotice notice, const QImage& signature);
  void setErrorString(const QString& error);

  QPointer<InspectionController> m_inspection;
  NoticeContent m_content;
  QString m_previewUrl;
  QString m_previewPath;
  QString m_errorString;
};

}  // namespace anju::app
