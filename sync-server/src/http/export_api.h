// ExportApi: the export endpoints (docs/exports.md). Bearer token, reviewer/admin only, scoped to
// the caller's regions (ExportService); errors as anju.v1.Error like every other endpoint.
//
//   GET /v1/exports/register.xlsx | statistics.xlsx | register.csv | houses.geojson
//   ?district=&street=&community=
//       &judgment=&review=&rectification=&from=&to=&not_visited=
//   GET /v1/exports/dossier/{building_id}.pdf
//   GET /v1/exports/dossier.pdf?community=区/街道/社区
//   GET /v1/exports/weekly.xlsx?week=YYYY-MM-DD&<the register filters>  (周报)
//   GET /v1/exports/photos.zip?<the register filters>  (照片打包, streamed as it is read)
//
// Bodies stream: CSV, GeoJSON and the photo ZIP are produced chunk by chunk as the response is
// written; XLSX and PDF are built in a scratch directory (flat memory) and then sent from the file.
//
// Thread-safe: handlers run concurrently on the HTTP engine's workers.
#pragma once

#include "export/dossier_runner.h"
#include "service/auth_service.h"
#include "service/campaign_service.h"
#include "service/export_service.h"
#include "web/router.h"

namespace anju::server {

class ExportApi {
 public:
  /// All borrowed; they outlive the api.
  /// Without `campaign` there is no weekly report route.
  ExportApi(AuthService& auth, ExportService& exports, DossierRunner& dossiers,
            CampaignService* campaign = nullptr)
      : m_auth(auth), m_exports(exports), m_dossiers(dossiers), m_campaign(campaign) {}

  /// Registers the routes on `server` (the edge handlers are SyncApi's).
  void install(web::Router& server);

 private:
  Result<User> authenticate(const web::Request& req);
  Result<RegisterFilter> filterFor(const web::Request& req);
  void registerCsv(const web::Request& req, web::Response& res);
  void registerXlsx(const web::Request& req, web::Response& res);
  void statisticsXlsx(const web::Request& req, web::Response& res);
  void housesGeoJson(const web::Request& req, web::Response& res);
  void houseDossier(const web::Request& req, web::Response& res);
  void communityDossier(const web::Request& req, web::Response& res);
  void weeklyReport(const web::Request& req, web::Response& res);
  void photoZip(const web::Request& req, web::Response& res);

  AuthService& m_auth;
  ExportService& m_exports;
  DossierRunner& m_dossiers;
  CampaignService* m_campaign;
};

/// `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded utf8>` (RFC 6266/5987).
std::string contentDisposition(const std::string& asciiFallback, const std::string& utf8Name);

}  // namespace anju::server
