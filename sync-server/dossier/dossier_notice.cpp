// DossierDocument, part: the owner notice (隐患告知书) of an inspection, on a page of its own —
// what was handed over, when, and the owner's signature as captured on the tablet (or the
// recorded refusal with the inspector's note), with the SHA-256 of the stored files so the page
// can be checked against the originals the server keeps.
#include <QImageReader>
#include <algorithm>

#include "anju/china_time.h"
#include "dossier_document.h"

namespace anju::dossier {
namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

void DossierDocument::ownerNoticePage(const Inspection& in, const std::vector<PhotoRecord>& photos,
                                      const DossierHouse& house) {
  const OwnerNotice& n = *in.ownerNotice;
  newPage();
  heading(QStringLiteral("房屋安全隐患告知书"), 13, true);
  std::vector<std::pair<QString, QString>> facts = {
      {QStringLiteral("告知书编号"), text(n.number)},
      {QStringLiteral("告知时间"), text(formatChinaTime(n.issuedAt))},
      {QStringLiteral("排查人员"), text(in.inspector)},
      {QStringLiteral("签收情况"),
       n.refused ? QStringLiteral("产权人拒绝签字") : QStringLiteral("产权人已签字")},
      {n.refused ? QStringLiteral("拒签记录时间") : QStringLiteral("签字时间"),
       text(formatChinaTime(n.signedAt))},
  };
  if (n.refused) facts.push_back({QStringLiteral("排查人员说明"), text(n.refusalNote)});
  facts.push_back({QStringLiteral("告知书 PDF SHA-256"), text(n.pdfSha256)});
  if (!n.refused) {
    facts.push_back({QStringLiteral("签名图像 SHA-256"), text(n.signatureSha256)});
    facts.push_back({QStringLiteral("签名笔迹 SHA-256"), text(n.strokesSha256)});
  }
  keyValues(facts);
  const bool pdfOnServer = std::any_of(photos.begin(), photos.end(), [&](const PhotoRecord& p) {
    return p.id == n.pdfPhotoId && house.photos.count(p.sha256);
  });
  paragraph(pdfOnServer ? QStringLiteral("告知书原件（PDF）已存于服务器，可按上述哈希核对。")
                        : QStringLiteral("告知书原件（PDF）尚未上传到服务器。"));
  if (n.refused) return;
  paragraph(QStringLiteral("产权人签名"), 9.5, true);
  const auto file = house.photos.find(n.signatureSha256);
  photo(file == house.photos.end() ? "" : file->second,
        QStringLiteral("签名  ") + text(formatChinaTime(n.signedAt)));
  m_y += m_photoRowH;
  m_photoRowH = 0;
}

}  // namespace anju::dossier
