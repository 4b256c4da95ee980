#include "console/console_api.h"

#include <algorithm>
#include <charconv>

#include "anju/enum_codes.h"
#include "console/console_assets.h"
#include "console/dossier_json.h"
#include "console/map_json.h"
#include "http/api_error.h"
#include "http/http_edge.h"
#include "util/log.h"

namespace anju::server {
namespace {

using nlohmann::json;
using Req = const web::Request&;
using Res = web::Response&;

constexpr std::size_t kMaxJsonBody = 64u << 10;
constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kUuid = "([0-9a-f-]{36})";

// Never throws: a string that is not valid UTF-8 (an error message quoting a client's bytes,
// say) is written with U+FFFD in place of the bad bytes instead of dump() throwing mid-request.
void sendJson(Res res, const json& body, int status = 200) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), kJson);
}

void sendJsonError(Res res, const Status& status) {
  const ApiError e = ApiError::fromStatus(status);
  if (e.httpStatus >= 500) logError("console: " + status.toString());
  if (e.retryAfterSeconds > 0) res.set_header("Retry-After", std::to_string(e.retryAfterSeconds));
  // Worded in the language the console asked for (Accept-Language); the id and parameters go
  // along so a page can tell errors apart without reading words.
  const Locale locale = requestLocale();
  json fields = json::array();
  for (const FieldError& f : e.fields)
    fields.push_back({{"field", f.field}, {"message", fieldText(f, locale)}, {"id", f.text.id}});
  json params = json::object();
  for (const MessageParam& p : e.message.params) params[p.name] = p.value;
  sendJson(res,
           {{"error",
             {{"code", e.code},
              {"message", e.text(locale)},
              {"id", e.message.id},
              {"params", params},
              {"fields", fields}}}},
           e.httpStatus);
}

// The body as a JSON object; invalidArgument when it is not one.
Result<json> jsonBody(Req req) {
  if (req.body.size() > kMaxJsonBody)
    return Status::invalidArgument(msg("http.request_body_too_large"));
  json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object())
    return Status::invalidArgument(msg("console.body_must_json_object"));
  return body;
}

std::string stringField(const json& body, const char* name) {
  auto it = body.find(name);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t intParam(Req req, const char* name, std::int64_t fallback) {
  const std::string text = req.get_param_value(name);
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return fallback;
  return v;
}

// The page key in `after`: none when absent, invalidArgument naming the field when malformed.
template <typename Key>
Result<std::optional<Key>> pageKey(Req req, std::optional<Key> (*decode)(std::string_view)) {
  const std::string token = req.get_param_value("after");
  if (token.empty()) return std::optional<Key>();
  std::optional<Key> key = decode(token);
  if (!key) return Status::invalidArgument(msg("console.malformed_page_key"), {{"after", token}});
  return key;
}

json userJson(const User& user) {
  json regions = json::array();
  for (const RegionPath& r : user.regions) regions.push_back(regionJson(r));
  return {{"name", user.name},
          {"role", roleCode(user.role)},
          {"display_name", user.displayName},
          {"regions", regions}};
}

/// The words this deployment shows for each judgment (the rule file's vocabulary):
/// [[code, zh, en], ...] as the console's CODES tables hold them.
json vocabularyJson() {
  json judgment = json::array();
  for (PreliminaryJudgment j :
       {PreliminaryJudgment::kNoneFound, PreliminaryJudgment::kSome, PreliminaryJudgment::kSerious})
    judgment.push_back({label(j).code, label(j).zh, label(j).en});
  return {{"judgment", judgment}};
}

RectificationInput rectificationInput(const json& body) {
  return {stringField(body, "family"),
          stringField(body, "measure"),
          stringField(body, "status"),
          stringField(body, "deadline"),
          stringField(body, "responsible_party"),
          stringField(body, "note"),
          stringField(body, "inspection_id"),
          stringField(body, "finding_id")};
}

json writtenJson(const RectificationResult& done) {
  return {{"id", done.id},
          {"version", std::to_string(done.written.version)},
          {"seq", done.written.seq}};
}

// The query string as parseRegisterFilter wants it (the exports read the same parameters).
std::map<std::string, std::string> queryParams(Req req) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : req.params) out[k] = v;
  return out;
}

json registerRowJson(const RegisterRow& r) {
  return {{"building_id", r.buildingId},
          {"region", regionJson(r.region)},
          {"address", r.address},
          {"owner_name", r.ownerName},
          {"owner_contact", r.ownerContact},
          {"building_code", r.buildingCode},
          {"structure", enumJson("structure", r.structure)},
          {"inspection_id", r.inspectionId},
          {"inspected_at", r.inspectedAt},
          {"inspector", r.inspector},
          {"judgment", enumJson("judgment", r.judgment)},
          {"judgment_overridden", r.judgmentOverridden},
          {"appraisal_grade", enumJson("grade", r.appraisalGrade)},
          {"review", enumJson("review", r.review)},
          {"finding_count", r.findingCount},
          {"rectification", enumJson("rectification", r.rectification)},
          {"rectification_deadline", r.rectificationDeadline},
          {"hazard_count", r.hazardCount},
          {"hazards_closed", r.hazardsClosed},
          {"closure", r.closure()},
          {"photo_count", r.photoCount},
          {"in_progress", r.inProgress},
          {"visit_count", r.visitCount},
          {"nobody_home_count", r.nobodyHomeCount},
          {"refused_count", r.refusedCount},
          {"last_visit_outcome", enumJson("visit_outcome", r.lastVisitOutcome)},
          {"last_visited_at", r.lastVisitedAt}};
}

json countsJson(const RegisterCounts& c) {
  return {{"community", regionJson(c.community)},
          {"houses", c.houses},
          {"not_visited", c.notVisited},
          {"judgment", c.byJudgment},
          {"review", c.byReview},
          {"rectification", c.byRectification},
          {"closure",
           {{"open", c.openHouses},
            {"closed", c.closedHouses},
            {"hazards", c.hazards},
            {"hazards_closed", c.hazardsClosed}}}};
}

}  // namespace

void ConsoleApi::install(web::Router& server) {
  server.Post(
      "/console/api/login", [this](Req q, Res s) { login(q, s); }, web::Lane::kPasswordHashing);
  server.Get("/console/api/me", [this](Req q, Res s) { me(q, s); });
  server.Get(std::string("/console/api/houses/") + kUuid, [this](Req q, Res s) { house(q, s); });
  server.Get(std::string("/console/api/photos/") + kUuid, [this](Req q, Res s) { photo(q, s); });
  server.Post(std::string("/console/api/inspections/") + kUuid + "/(approve|return|appraisal)",
              [this](Req q, Res s) { reviewAction(q, s); });
  server.Post(std::string("/console/api/houses/") + kUuid + "/rectifications",
              [this](Req q, Res s) { createRectification(q, s); });
  server.Post(std::string("/console/api/rectifications/") + kUuid,
              [this](Req q, Res s) { updateRectification(q, s); });
  server.Post(std::string("/console/api/rectifications/") + kUuid + "/photos",
              [this](Req q, Res s) { rectificationPhoto(q, s); });
  server.Post(std::string("/console/api/rectifications/") + kUuid + "/(complete|accept|close)",
              [this](Req q, Res s) { rectificationStep(q, s); });
  server.Get("/console/api/audit", [this](Req q, Res s) { audit(q, s); });
  server.Get("/console/api/houses", [this](Req q, Res s) { houses(q, s); });
  server.Get("/console/api/dashboard", [this](Req q, Res s) { dashboard(q, s); });
  server.Get("/console/api/inbox", [this](Req q, Res s) { inbox(q, s); });
  server.Get("/console/api/inbox/count", [this](Req q, Res s) { inboxCount(q, s); });
  server.Post("/console/api/assignments", [this](Req q, Res s) { dispatch(q, s); });
  server.Get("/console/api/assignments", [this](Req q, Res s) { assignments(q, s); });
  server.Get("/console/api/inspectors", [this](Req q, Res s) { inspectors(q, s); });
  server.Get("/console/api/progress", [this](Req q, Res s) { progress(q, s); });
  server.Get("/console/api/map", [this](Req q, Res s) { map(q, s); });
  // The pages last: the router tries routes in registration order, and this pattern would also
  // match every GET /console/api/... above.
  server.Get("/console", [](Req, Res res) { res.set_redirect("/console/"); });
  // Map tiles, when configured, are the one image source besides our own.
  const std::string imageSources =
      "'self' blob:" + (m_mapTiles.empty() ? "" : " " + tileSource(m_mapTiles).value_or(""));
  server.Get("/console/(.*)", [imageSources](Req req, Res res) {
    const std::string name = req.matches[1].str().empty() ? "index.html" : req.matches[1].str();
    const ConsoleAsset* asset = findConsoleAsset(name);
    if (!asset)
      return sendJsonError(res, Status::notFound(msg("console.no_such_page", {{"page", name}})));
    res.set_header("Cache-Control", "no-cache");
    // Only our own files may run or be framed; photos are shown from blob: URLs.
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src " + imageSources + "; frame-ancestors 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content(std::string(asset->bytes), std::string(asset->contentType));
  });
}

Result<User> ConsoleApi::reviewer(Req req) {
  const std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0)
    return Status::unauthenticated(msg("http.missing_bearer_token"));
  Result<User> user = m_services.auth.authenticate(header.substr(kBearer.size()));
  if (!user) return user;
  noteRequestUser(user->name);
  if (user->role == Role::kInspector)
    return Status::permissionDenied(msg("console.review_console_reviewers"));
  return user;
}

void ConsoleApi::login(Req req, Res res) {
  Result<json> body = jsonBody(req);
  if (!body) return sendJsonError(res, body.status());
  const std::string name = stringField(*body, "username");
  noteRequestUser(name);
  Result<LoginResult> login =
      m_services.auth.login(name, stringField(*body, "password"), "console", req.remote_addr);
  if (!login) {
    logWarn("console login failed for '" + name + "': " + login.status().message());
    return sendJsonError(res, login.status());
  }
  if (login->user.role == Role::kInspector)
    return sendJsonError(res, Status::permissionDenied(msg("console.review_console_reviewers")));
  sendJson(res, {{"token", login->token},
                 {"expires_at", login->expiresAt},
                 {"user", userJson(login->user)},
                 {"vocabulary", vocabularyJson()}});
}

void ConsoleApi::me(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  json me = userJson(*user);
  me["vocabulary"] = vocabularyJson();
  sendJson(res, me);
}

void ConsoleApi::house(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<HouseView> house = m_services.houses.house(*user, req.matches[1]);
  if (!house) return sendJsonError(res, house.status());
  Result<json> dossier =
      dossierJson(house->building, house->records, house->completePhotoHashes, &m_checklists);
  if (!dossier) return sendJsonError(res, dossier.status());
  json audit = json::array();
  for (const AuditEntry& e : house->audit) audit.push_back(auditJson(e));
  (*dossier)["audit"] = audit;
  (*dossier)["building"]["region_codes"] = regionJson(house->regionCodes);
  sendJson(res, *dossier);
}

void ConsoleApi::photo(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<PhotoFile> photo = m_services.houses.photo(*user, req.matches[1]);
  if (!photo) return sendJsonError(res, photo.status());
  // Photos are immutable (content-addressed), so the browser may keep them.
  res.set_header("Cache-Control", "private, max-age=86400, immutable");
  // Streamed a piece at a time; a read that fails midway closes the connection (the browser
  // sees a broken image, never a short one that looks whole).
  res.set_content_provider(
      static_cast<std::size_t>(photo->size), photo->mimeType,
      [read = photo->read](std::size_t offset, std::size_t length, web::DataSink& sink) {
        const Status s = read(
            static_cast<std::int64_t>(offset),
            static_cast<std::int64_t>(std::min(length, static_cast<std::size_t>(kBlobReadPiece))),
            [&](std::string_view piece) {
              return sink.write(piece.data(), piece.size()) ? Status::ok()
                                                            : Status::unavailable("client gone");
            });
        if (!s) logWarn("console photo: " + s.toString());
        return static_cast<bool>(s);
      });
}

void ConsoleApi::reviewAction(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<json> body = req.body.empty() ? Result<json>(json::object()) : jsonBody(req);
  if (!body) return sendJsonError(res, body.status());
  const Uuid id = req.matches[1];
  const std::string action = req.matches[2];
  const Reviewer who(user->name, regionFilterFor(*user));
  Result<ReviewResult> done =
      action == "approve" ? m_services.review.approveInspection(id, who)
      : action == "return"
          ? m_services.review.returnInspection(id, stringField(*body, "comment"), who)
          : m_services.review.setAppraisalGrade(id, stringField(*body, "grade"), who);
  if (!done) return sendJsonError(res, done.status());
  logInfo("console " + action + " inspection " + id + " by " + user->name);
  sendJson(res, {{"id", id}, {"version", std::to_string(done->version)}, {"seq", done->seq}});
}

void ConsoleApi::createRectification(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<json> body = jsonBody(req);
  if (!body) return sendJsonError(res, body.status());
  Result<RectificationResult> done = m_services.rectifications.create(
      req.matches[1], rectificationInput(*body), Reviewer(user->name, regionFilterFor(*user)));
  if (!done) return sendJsonError(res, done.status());
  sendJson(res, writtenJson(*done), 201);
}

void ConsoleApi::updateRectification(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<json> body = jsonBody(req);
  if (!body) return sendJsonError(res, body.status());
  Result<RectificationResult> done = m_services.rectifications.update(
      req.matches[1], rectificationInput(*body), Reviewer(user->name, regionFilterFor(*user)));
  if (!done) return sendJsonError(res, done.status());
  sendJson(res, writtenJson(*done));
}

// The body is the image itself (what a file input holds); the caption comes in the query.
void ConsoleApi::rectificationPhoto(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<RectificationResult> done =
      m_services.rectifications.addPhoto(req.matches[1], {req.body, req.get_param_value("caption")},
                                         Reviewer(user->name, regionFilterFor(*user)));
  if (!done) return sendJsonError(res, done.status());
  logInfo("console completion photo " + done->id + " of rectification " + req.matches[1].str() +
          " by " + user->name);
  sendJson(res, writtenJson(*done), 201);
}

// 整改完成, 验收, 销号: one step each, in that order (RectificationService).
void ConsoleApi::rectificationStep(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<json> body = req.body.empty() ? Result<json>(json::object()) : jsonBody(req);
  if (!body) return sendJsonError(res, body.status());
  const Uuid id = req.matches[1];
  const std::string step = req.matches[2];
  const Reviewer who(user->name, regionFilterFor(*user));
  const std::string note = stringField(*body, "note");
  Result<RectificationResult> done =
      step == "complete" ? m_services.rectifications.complete(id, note, who)
      : step == "accept" ? m_services.rectifications.accept(id, note, who)
                         : m_services.rectifications.close(id, who);
  if (!done) return sendJsonError(res, done.status());
  logInfo("console rectification " + step + " " + id + " by " + user->name);
  sendJson(res, writtenJson(*done));
}

void ConsoleApi::audit(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  const int limit = static_cast<int>(std::clamp<std::int64_t>(intParam(req, "limit", 50), 1, 500));
  Result<std::vector<AuditEntry>> log = m_services.houses.auditLog(
      *user, req.get_param_value("building"), intParam(req, "before", 0), limit);
  if (!log) return sendJsonError(res, log.status());
  json entries = json::array();
  for (const AuditEntry& e : *log) entries.push_back(auditJson(e));
  json out = {{"entries", entries}, {"next_before", nullptr}};
  if (static_cast<int>(log->size()) == limit) out["next_before"] = log->back().id;
  sendJson(res, out);
}

void ConsoleApi::houses(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<RegisterFilter> filter = m_services.houses.registerFilter(*user, queryParams(req));
  if (!filter) return sendJsonError(res, filter.status());
  Result<std::optional<RegisterKey>> after = pageKey(req, decodeRegisterKey);
  if (!after) return sendJsonError(res, after.status());
  const int limit = static_cast<int>(std::clamp<std::int64_t>(intParam(req, "limit", 50), 1, 500));
  Result<RegisterPage> page = m_services.houses.registerPage(*filter, *after, limit);
  if (!page) return sendJsonError(res, page.status());
  json rows = json::array();
  for (const RegisterRow& r : page->rows) rows.push_back(registerRowJson(r));
  sendJson(res, {{"rows", rows},
                 {"next", page->nextKey ? json(encodeRegisterKey(*page->nextKey)) : json()}});
}

void ConsoleApi::dashboard(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<RegisterFilter> filter = m_services.houses.registerFilter(*user, queryParams(req));
  if (!filter) return sendJsonError(res, filter.status());
  Result<RegisterSummary> summary = m_services.houses.registerCounts(*filter);
  if (!summary) return sendJsonError(res, summary.status());
  json communities = json::array();
  for (const RegisterCounts& c : summary->communities) communities.push_back(countsJson(c));
  sendJson(res, {{"communities", communities}, {"total", countsJson(summary->total)}});
}

}  // namespace anju::server

namespace anju::server {

void ConsoleApi::inbox(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<std::optional<InboxKey>> after = pageKey(req, decodeInboxKey);
  if (!after) return sendJsonError(res, after.status());
  const int limit = static_cast<int>(std::clamp<std::int64_t>(intParam(req, "limit", 50), 1, 500));
  Result<InboxPage> page = m_services.houses.inbox(*user, *after, limit);
  if (!page) return sendJsonError(res, page.status());
  Result<std::int64_t> total = m_services.houses.inboxCount(*user);
  if (!total) return sendJsonError(res, total.status());
  json rows = json::array();
  for (const RegisterRow& r : page->rows) rows.push_back(registerRowJson(r));
  sendJson(res, {{"rows", rows},
                 {"next", page->nextKey ? json(encodeInboxKey(*page->nextKey)) : json()},
                 {"total", *total}});
}

void ConsoleApi::inboxCount(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<std::int64_t> total = m_services.houses.inboxCount(*user);
  if (!total) return sendJsonError(res, total.status());
  sendJson(res, {{"count", *total}});
}

// Campaign dispatch (issue 11 §4, docs/console.md "分派").
void ConsoleApi::dispatch(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<json> body = jsonBody(req);
  if (!body) return sendJsonError(res, body.status());
  DispatchRequest request;
  if (auto ids = body->find("building_ids"); ids != body->end() && ids->is_array()) {
    for (const json& id : *ids) {
      if (!id.is_string())
        return sendJsonError(res, Status::invalidArgument(msg("console.body_must_json_object")));
      request.buildingIds.push_back(id.get<std::string>());
    }
  }
  request.community = stringField(*body, "community");
  request.inspector = stringField(*body, "inspector");
  request.dueDate = stringField(*body, "due_date");
  Result<DispatchResult> done =
      m_services.campaign.dispatch(request, Reviewer(user->name, regionFilterFor(*user)));
  if (!done) return sendJsonError(res, done.status());
  logInfo("console dispatch to " + request.inspector + " by " + user->name + ": " +
          std::to_string(done->assigned) + " assigned, " + std::to_string(done->reassigned) +
          " reassigned");
  sendJson(res, {{"assigned", done->assigned},
                 {"reassigned", done->reassigned},
                 {"unchanged", done->unchanged}});
}

void ConsoleApi::assignments(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<std::vector<Assignment>> list = m_services.campaign.assignments(
      Reviewer(user->name, regionFilterFor(*user)), req.get_param_value("inspector"),
      req.get_param_value("community"));
  if (!list) return sendJsonError(res, list.status());
  json rows = json::array();
  for (const Assignment& a : *list)
    rows.push_back({{"building_id", a.buildingId},
                    {"inspector", a.inspector},
                    {"due_date", a.dueDate},
                    {"assigned_by", a.assignedBy},
                    {"assigned_at", a.assignedAt},
                    {"region", regionJson(a.region)}});
  sendJson(res, {{"assignments", rows}});
}

void ConsoleApi::inspectors(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<std::vector<User>> list =
      m_services.campaign.inspectors(Reviewer(user->name, regionFilterFor(*user)));
  if (!list) return sendJsonError(res, list.status());
  json rows = json::array();
  for (const User& u : *list) rows.push_back(userJson(u));
  sendJson(res, {{"inspectors", rows}});
}

namespace {

json progressCountsJson(const ProgressCounts& c) {
  return {
      {"houses", c.houses},       {"assigned", c.assigned},        {"visited", c.visited},
      {"inspected", c.inspected}, {"not_reached", c.notReached()}, {"nobody_home", c.nobodyHome},
      {"refused", c.refused},     {"submitted", c.submitted},      {"approved", c.approved},
      {"returned", c.returned}};
}

json progressGroupJson(const ProgressGroup& g) {
  json days = json::array(), weeks = json::array();
  for (const auto& [day, counts] : g.byDay) {
    json row = progressCountsJson(counts);
    row.erase("houses");
    row["date"] = beijingDate(day);
    days.push_back(row);
  }
  for (const auto& [week, counts] : perWeek(g.byDay)) {
    json row = progressCountsJson(counts);
    row.erase("houses");
    row["week_start"] = beijingDate(week);
    row["week_end"] = beijingDate(week + 6);
    weeks.push_back(row);
  }
  return {{"total", progressCountsJson(g.total)}, {"days", days}, {"weeks", weeks}};
}

}  // namespace

// Campaign progress (docs/console.md "进度"): the register's filters, scoped to the caller.
void ConsoleApi::progress(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<RegisterFilter> filter = m_services.houses.registerFilter(*user, queryParams(req));
  if (!filter) return sendJsonError(res, filter.status());
  Result<ProgressReport> report = m_services.campaign.progress(*filter);
  if (!report) return sendJsonError(res, report.status());
  json communities = json::array(), inspectors = json::array();
  for (const ProgressGroup& g : report->communities) {
    json row = progressGroupJson(g);
    row["community"] = regionJson(g.community);
    communities.push_back(row);
  }
  for (const ProgressGroup& g : report->inspectors) {
    json row = progressGroupJson(g);
    row["inspector"] = g.inspector;
    inspectors.push_back(row);
  }
  json total = progressGroupJson(report->total);
  sendJson(res, {{"communities", communities}, {"inspectors", inspectors}, {"total", total}});
}

void ConsoleApi::map(Req req, Res res) {
  Result<User> user = reviewer(req);
  if (!user) return sendJsonError(res, user.status());
  Result<HouseMap> map = m_services.map.map(*user, queryParams(req));
  if (!map) return sendJsonError(res, map.status());
  sendJson(res, houseMapJson(*map, m_mapTiles));
}

}  // namespace anju::server
