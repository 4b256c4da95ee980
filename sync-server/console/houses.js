// The houses table: filters in the hash (#/houses?community=…&judgment=…&after=…), keyset
// paging (the server hands out the key of the next page; "previous" walks a stack of keys kept
// in the hash), and the export buttons, which download with the same filters.
"use strict";

const FILTER_KEYS = ["q", "district", "street", "community", "judgment", "review", "rectification", "from", "to"];

function filterQuery(params) {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (!v) continue;
    // "Not visited" is a review-state choice for the reviewer, a flag for the register.
    if (k === "review" && v === "not_visited") q.set("not_visited", "1");
    else q.set(k, v);
  }
  return q;
}

function selectFor(name, kind, value) {
  return h("select", { name, id: `filter-${name}` },
    h("option", { value: "" }, t("any")),
    CODES[kind].map(([code]) => h("option", { value: code, selected: code === value }, codeLabel(kind, code))));
}

// The communities the reviewer may see (from the dashboard's counts), cached for the session:
// the 区/街道/社区 choices cascade so a filter always names a real path.
async function knownCommunities() {
  const cached = sessionStorage.getItem("anju.communities");
  if (cached) return JSON.parse(cached);
  const summary = await api("GET", "/dashboard");
  const list = summary.communities.map((c) => c.community);
  sessionStorage.setItem("anju.communities", JSON.stringify(list));
  return list;
}

function regionSelects(communities, params) {
  const uniq = (xs) => [...new Set(xs)];
  const make = (name) => h("select", { name, id: `filter-${name}` });
  const district = make("district"), street = make("street"), community = make("community");
  const fill = (select, values, current) => {
    select.replaceChildren(h("option", { value: "" }, t("any")),
      ...values.map((v) => h("option", { value: v, selected: v === current }, v)));
    select.disabled = values.length === 0;
  };
  const refresh = (d, s, c) => {
    fill(district, uniq(communities.map((x) => x.district)), d);
    fill(street, d ? uniq(communities.filter((x) => x.district === d).map((x) => x.street)) : [], s);
    fill(community, d && s ? uniq(communities.filter((x) => x.district === d && x.street === s).map((x) => x.community)) : [], c);
  };
  refresh(params.get("district") || "", params.get("street") || "", params.get("community") || "");
  district.addEventListener("change", () => refresh(district.value, "", ""));
  street.addEventListener("change", () => refresh(district.value, street.value, ""));
  return [
    h("label", {}, t("district"), district),
    h("label", {}, t("street"), street),
    h("label", {}, t("community"), community),
  ];
}

// `route`: the page the filters apply to (houses or map); both read the same parameters.
function filterForm(params, communities, route = "houses") {
  const input = (name, type) => h("input", { name, id: `filter-${name}`, type: type || "text", value: params.get(name) || "" });
  const form = h("form", { class: "filters", id: "filters" },
    h("label", { class: "search-box" }, t("searchBox"),
      h("input", { name: "q", id: "filter-q", type: "search", value: params.get("q") || "", placeholder: t("searchPlaceholder") })),
    regionSelects(communities, params),
    h("label", {}, t("judgment"), selectFor("judgment", "judgment", params.get("judgment"))),
    h("label", {}, t("review"), selectFor("review", "review", params.get("review"))),
    h("label", {}, t("rectification"), selectFor("rectification", "rectification", params.get("rectification"))),
    h("label", {}, t("dateFrom"), input("from", "date")),
    h("label", {}, t("dateTo"), input("to", "date")),
    h("div", { class: "buttons" },
      h("button", { type: "submit", class: "primary", id: "search" }, t("search")),
      h("button", { type: "button", onclick: () => { location.hash = `#/${route}`; } }, t("reset")),
      h("a", { class: "switch-view", id: route === "map" ? "to-table" : "to-map", href: `#/${route === "map" ? "houses" : "map"}?${filterQuery(params)}` },
        t(route === "map" ? "asTable" : "onMap"))));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) q.set(k, v);
    location.hash = `#/${route}?${q}`;
  });
  return form;
}

function exportButtons(params) {
  const q = filterQuery(params).toString();
  const buttons = [
    h("button", { id: "export-xlsx", onclick: () => download(`/v1/exports/register.xlsx?${q}`, "register.xlsx") }, t("exportXlsx")),
    h("button", { id: "export-statistics", onclick: () => download(`/v1/exports/statistics.xlsx?${q}`, "statistics.xlsx") }, t("exportStatistics")),
    h("button", { id: "export-csv", onclick: () => download(`/v1/exports/register.csv?${q}`, "register.csv") }, t("exportCsv")),
    h("button", { id: "export-geojson", onclick: () => download(`/v1/exports/houses.geojson?${q}`, "houses.geojson") }, t("exportGeojson")),
    h("button", { id: "export-photos", onclick: () => download(`/v1/exports/photos.zip?${q}`, "photos.zip") }, t("exportPhotos")),
  ];
  // A community's dossiers: the server wants the whole path 区/街道/社区 in one parameter (a
  // community name alone is not unique across streets), not the table's filter parameters.
  const [district, street, community] = ["district", "street", "community"].map((k) => params.get(k));
  if (district && street && community) {
    const path = new URLSearchParams({ community: `${district}/${street}/${community}` });
    buttons.push(h("button", { id: "export-dossiers", onclick: () => download(`/v1/exports/dossier.pdf?${path}`, "dossiers.pdf") }, t("exportDossiers")));
  }
  return h("div", { class: "exports" }, buttons);
}

function badge(value, kind) {
  return value ? h("span", { class: `badge ${kind}-${value.code}` }, labelOf(value)) : h("span", { class: "muted" }, "—");
}

async function renderHouses(main, params) {
  main.append(filterForm(params, await knownCommunities()), exportButtons(params), await dispatchBar(params));
  const q = filterQuery(params);
  if (params.get("after")) q.set("after", params.get("after"));
  q.set("limit", "50");
  const page = await api("GET", `/houses?${q}`);
  const table = h("table", { class: "houses", id: "houses-table" },
    h("thead", {}, h("tr", {}, pickAllCell(),
      [t("region"), t("address"), t("owner"), t("inspectedAt"), t("inspector"), t("judgment"), t("review"), t("appraisalGrade"), t("rectification"), t("visits"), ""]
        .map((c) => h("th", {}, c)))),
    h("tbody", {}, page.rows.map((r) => h("tr", { "data-building": r.building_id },
      pickCell(r.building_id),
      h("td", {}, regionText(r.region)),
      h("td", {}, h("a", { href: `#/house/${r.building_id}`, class: "address" }, r.address),
        r.building_code ? h("div", { class: "muted small" }, r.building_code) : null),
      h("td", {}, r.owner_name || "", r.owner_contact ? h("div", { class: "muted small" }, r.owner_contact) : null),
      h("td", {}, r.inspected_at ? fmtTime(r.inspected_at) : h("span", { class: "muted" }, t("notVisited"))),
      h("td", {}, r.inspector || ""),
      h("td", {}, badge(r.judgment, "judgment"), r.judgment_overridden ? h("span", { class: "muted", title: t("override") }, " *") : null),
      h("td", {}, badge(r.review, "review"),
        r.in_progress ? h("span", { class: "badge in-progress", title: t("inProgressTip") }, t("inProgress")) : null),
      h("td", {}, r.appraisal_grade ? labelOf(r.appraisal_grade) : ""),
      h("td", {}, badge(r.rectification, "rect"), r.rectification_deadline ? h("span", { class: "muted" }, ` ${r.rectification_deadline}`) : null,
        r.hazard_count ? " " : null, closureText(r)),
      h("td", {}, visitCell(r)),
      h("td", {}, h("a", { href: `#/house/${r.building_id}` }, t("open")))))));
  main.append(page.rows.length ? table : h("p", { class: "muted", id: "no-rows" }, t("noRows")));

  main.append(keysetPager("houses", params, page.next, "prev-page", "next-page"));
}
