// anju-server export: the register, the GeoJSON, dossiers and the photo ZIP to files, as an
// administrator (every region). The same writers as the HTTP endpoints; files appear only when
// complete.
#include <cstdio>
#include <filesystem>

#include "blob/blob_store.h"
#include "cli/commands.h"
#include "export/dossier_runner.h"
#include "export/export_files.h"
#include "export/houses_geojson.h"
#include "export/photo_zip.h"
#include "export/register_csv.h"
#include "export/register_xlsx.h"
#include "export/statistics_xlsx.h"

namespace anju::server {
namespace {

constexpr const char* kExportUsage =
    "export register --format xlsx|csv --out FILE [filters] --data DIR\n"
    "       anju-server export statistics --out FILE [filters] --data DIR\n"
    "       anju-server export geojson --out FILE [filters] --data DIR\n"
    "       anju-server export dossier (--building ID | --community 区/街道/社区) --out FILE "
    "--data DIR\n"
    "       anju-server export photos --out FILE.zip [filters] --data DIR\n"
    "  filters: --district T --street T --community T --judgment none_found|some|serious\n"
    "           --review draft|submitted|approved|returned\n"
    "           --rectification pending|in_progress|done|none --from YYYY-MM-DD --to YYYY-MM-DD\n"
    "           --not-visited";

int usage() {
  std::fprintf(stderr, "%s\n",
               render(msg("cli.usage", {{"usage", kExportUsage}}), terminalLocale()).c_str());
  return 2;
}

Result<RegisterFilter> filterFromArgs(const CliArgs& args) {
  std::map<std::string, std::string> params;
  for (const char* name :
       {"district", "street", "community", "judgment", "review", "rectification", "from", "to"}) {
    if (auto v = args.option(name)) params[name] = *v;
  }
  if (args.has("not-visited")) params["not_visited"] = "1";
  return parseRegisterFilter(params, RegionFilter::everything());
}

/// A stdio sink into `path`, closed (and checked) before returning.
Status writeStream(const std::string& path,
                   const std::function<Status(const ExportSink&)>& produce) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return Status::ioError(msg("export.cannot_write", {{"path", path}, {"detail", ""}}));
  Status s = produce(fileSink(f));
  if (std::fclose(f) != 0 && s)
    s = Status::ioError(msg("export.cannot_write", {{"path", path}, {"detail", ""}}));
  return s;
}

int exportDossier(const CliArgs& args, IndexedStorage& storage, const ServerConfig& config,
                  const std::string& out) {
  if (args.has("building") == args.has("community")) return usage();
  if (effectivePhotoStore(config) == PhotoStoreKind::kFiles && config.dataDir.empty())
    return fail(Status::invalidArgument(msg("cli.dossier_needs_data_dir")));
  Result<std::unique_ptr<BlobStore>> blobs = openConfiguredBlobs(config, storage);
  if (!blobs) return fail(blobs.status());
  DossierRunner runner(storage, storage, **blobs);
  Status s = writeFileAtomically(out, [&](const std::string& partial) {
    if (auto building = args.option("building")) return runner.renderHouse(*building, partial);
    const std::string community = *args.option("community");
    const std::optional<RegionPath> region = parseRegion(community);
    if (!region || region->community.empty())
      return Status::invalidArgument(msg("access.community_path"));
    RegisterFilter filter;
    filter.district = region->district;
    filter.street = region->street;
    filter.community = region->community;
    return runner.renderHouses(filter, community, partial);
  });
  if (!s) return fail(s);
  std::printf("dossier written to %s\n", out.c_str());
  return 0;
}

int exportPhotos(IndexedStorage& storage, const ServerConfig& config, const RegisterFilter& filter,
                 const std::string& out) {
  if (effectivePhotoStore(config) == PhotoStoreKind::kFiles && config.dataDir.empty())
    return fail(Status::invalidArgument(msg("cli.photos_need_data_dir")));
  Result<std::unique_ptr<BlobStore>> blobs = openConfiguredBlobs(config, storage);
  if (!blobs) return fail(blobs.status());
  PhotoZipResult result;
  Status s = writeFileAtomically(out, [&](const std::string& partial) {
    return writeStream(partial, [&](const ExportSink& sink) -> Status {
      Result<PhotoZipResult> r = writePhotoZip(storage, storage, **blobs, filter, sink);
      if (r) result = *r;
      return r.status();
    });
  });
  if (!s) return fail(s);
  std::printf("%lld photos of %lld houses written to %s (%lld still uploading, left out)\n",
              static_cast<long long>(result.photos), static_cast<long long>(result.houses),
              out.c_str(), static_cast<long long>(result.incomplete));
  return 0;
}

}  // namespace

int runExport(const CliArgs& args) {
  const auto& pos = args.positional();
  const std::optional<std::string> out = args.option("out");
  if (pos.size() != 1 || !out) return usage();
  Result<ServerConfig> config = resolveConfig(args);
  if (!config) return fail(config.status());
  if (Status s = applyDeploymentRules(*config); !s) return fail(s);
  Result<std::unique_ptr<IndexedStorage>> opened = openConfiguredStorage(*config);
  if (!opened) return fail(opened.status());
  IndexedStorage& storage = **opened;
  if (pos[0] == "dossier") return exportDossier(args, storage, *config, *out);

  Result<RegisterFilter> filter = filterFromArgs(args);
  if (!filter) return fail(filter.status());
  std::int64_t rows = 0;
  Status s = Status::ok();
  if (pos[0] == "register") {
    StoredRegisterDetails details(storage);
    const std::string format = args.option("format").value_or("");
    if (format != "xlsx" && format != "csv") return usage();
    s = writeFileAtomically(*out, [&](const std::string& partial) -> Status {
      if (format == "xlsx") {
        Result<XlsxExportResult> r = writeRegisterXlsx(storage, details, *filter, partial);
        if (r) rows = r->rows;
        return r.status();
      }
      return writeStream(partial, [&](const ExportSink& sink) -> Status {
        Result<std::int64_t> r = writeRegisterCsv(storage, details, *filter, sink);
        if (r) rows = *r;
        return r.status();
      });
    });
  } else if (pos[0] == "photos") {
    return exportPhotos(storage, *config, *filter, *out);
  } else if (pos[0] == "statistics") {
    Result<std::vector<RegionCode>> codes = storage.regionCodes();
    if (!codes) return fail(codes.status());
    const RegionCodeBook book(*codes);
    s = writeFileAtomically(*out, [&](const std::string& partial) -> Status {
      Result<std::int64_t> r = writeStatisticsXlsx(storage, book, *filter, partial);
      if (r) rows = *r;
      return r.status();
    });
    if (!s) return fail(s);
    std::printf("%lld communities written to %s\n", static_cast<long long>(rows), out->c_str());
    return 0;
  } else if (pos[0] == "geojson") {
    s = writeFileAtomically(*out, [&](const std::string& partial) {
      return writeStream(partial, [&](const ExportSink& sink) -> Status {
        Result<std::int64_t> r = writeHousesGeoJson(storage, *filter, sink);
        if (r) rows = *r;
        return r.status();
      });
    });
  } else {
    return usage();
  }
  if (!s) return fail(s);
  std::printf("%lld houses written to %s\n", static_cast<long long>(rows), out->c_str());
  return 0;
}

}  // namespace anju::server
