// ConsoleApi: the JSON API and the static pages of the bureau's review console
// (docs/console.md), served by anju-server next to the sync protocol.
//
// Auth: the same users, passwords and bearer tokens as /v1. POST /console/api/login answers
// the token in JSON; the page keeps it in sessionStorage and sends `Authorization: Bearer` on
// every call (no cookie, so no CSRF surface). Only reviewers and admins may use the console:
// an inspector's token gets 403 on every /console/api route. Each read and each action is
// scoped to the caller's regions (403 outside them); every action is audited by the services.
//
// Errors: the status ApiError maps from the service Status, body
// {"error": {"code", "message", "fields": [{"field", "message"}]}}.
//
// Thread-safe: handlers run on the HTTP engine's worker threads; the services are thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "register/register_query.h"
#include "service/auth_service.h"
#include "service/campaign_service.h"
#include "service/checklist_catalog.h"
#include "service/house_map_service.h"
#include "service/house_service.h"
#include "service/rectification_service.h"
#include "service/review_service.h"
#include "web/router.h"

namespace anju::server {

struct ConsoleServices {
  AuthService& auth;
  ReviewService& review;
  RectificationService& rectifications;
  HouseService& houses;
  CampaignService& campaign;
  HouseMapService& map;
};

class ConsoleApi {
 public:
  /// Services are borrowed and outlive the api.
  /// `mapTiles`: the map's tile URL template (map_tiles, validated by tileSource in
  /// console/map_json.h); empty: no tiles, points and outlines only.
  explicit ConsoleApi(ConsoleServices services, std::string mapTiles = {})
      : m_services(services), m_mapTiles(std::move(mapTiles)) {}

  /// Registers the /console routes. Call after SyncApi::install (which sets the edge handlers).
  void install(web::Router& server);

 private:
  /// The signed-in reviewer or admin; unauthenticated / permissionDenied otherwise.
  Result<User> reviewer(const web::Request& req);

  void login(const web::Request& req, web::Response& res);
  void me(const web::Request& req, web::Response& res);
  void house(const web::Request& req, web::Response& res);
  void photo(const web::Request& req, web::Response& res);
  void reviewAction(const web::Request& req, web::Response& res);
  void createRectification(const web::Request& req, web::Response& res);
  void updateRectification(const web::Request& req, web::Response& res);
  void rectificationPhoto(const web::Request& req, web::Response& res);
  void rectificationStep(const web::Request& req, web::Response& res);
  void audit(const web::Request& req, web::Response& res);
  void houses(const web::Request& req, web::Response& res);
  void dashboard(const web::Request& req, web::Response& res);
  void inbox(const web::Request& req, web::Response& res);
  void inboxCount(const web::Request& req, web::Response& res);
  void dispatch(const web::Request& req, web::Response& res);
  void assignments(const web::Request& req, web::Response& res);
  void inspectors(const web::Request& req, web::Response& res);
  void progress(const web::Request& req, web::Response& res);
  void map(const web::Request& req, web::Response& res);

  ConsoleServices m_services;
  std::string m_mapTiles;
  ChecklistCatalog m_checklists;  // the house page shows every answer under its question
};

}  // namespace anju::server
