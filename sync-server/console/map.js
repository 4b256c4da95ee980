// The map (#/map?…filters…): the houses of the table's filters as points coloured by preliminary
// judgment, or, when more than the server's point limit are in view, as clusters the server
// counted on a grid (GET /console/api/map; docs/console.md "Map"). Community outlines are the
// hulls of their houses. Leaflet is Debian's, served by anju-server (/console/vendor/leaflet/);
// tiles only when the server has a tile URL (map_tiles), else points and outlines on white.
"use strict";

const JUDGMENT_COLOURS = { none_found: "#1e7b34", some: "#d98a00", serious: "#c62828", "": "#8a8f98" };
const JUDGMENT_ORDER = ["serious", "some", "none_found", ""];

function judgmentLabel(code) { return code ? codeLabel("judgment", code) : t("mapNoJudgment"); }

function mapLegend() {
  return h("div", { class: "map-legend", id: "map-legend" },
    h("strong", {}, t("judgment")),
    JUDGMENT_ORDER.map((code) => h("span", { class: "legend-item" },
      h("span", { class: `legend-dot legend-${code || "none"}` }), judgmentLabel(code))));
}

// A cluster: a ring split by judgment (conic gradient set through the style object, which the
// page's Content-Security-Policy allows) around the number of houses.
function clusterIcon(cluster) {
  let from = 0;
  const stops = [];
  for (const code of JUDGMENT_ORDER) {
    const n = cluster.judgment[code] || 0;
    if (!n) continue;
    const to = from + (360 * n) / cluster.houses;
    stops.push(`${JUDGMENT_COLOURS[code]} ${from}deg ${to}deg`);
    from = to;
  }
  const size = Math.round(30 + 10 * Math.log10(cluster.houses));
  const el = h("div", { class: "map-cluster-ring" }, h("span", {}, cluster.houses.toLocaleString("zh-CN")));
  el.style.background = `conic-gradient(${stops.join(", ")})`;
  el.style.width = el.style.height = `${size}px`;
  return L.divIcon({ html: el, className: "map-cluster", iconSize: [size, size] });
}

function clampedBox(map) {
  const b = map.getBounds();
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
          clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(6)).join(",");
}

function drawMap(map, layer, data, info) {
  layer.clearLayers();
  for (const o of data.outlines) {
    L.polygon(o.ring, { color: "#3b5b92", weight: 1.5, dashArray: "4 3", fillOpacity: 0.03, className: "map-outline" })
      .bindTooltip(regionText(o.community), { sticky: true }).addTo(layer);
  }
  for (const c of data.clusters) {
    L.marker(c.at, { icon: clusterIcon(c), title: `${c.houses}` })
      .on("click", () => map.setView(c.at, Math.min(map.getZoom() + 2, map.getMaxZoom())))
      .addTo(layer);
  }
  for (const p of data.points) {
    const marker = L.circleMarker(p.at, {
      radius: 6, color: "#fff", weight: 1.5, fillColor: JUDGMENT_COLOURS[p.judgment] || JUDGMENT_COLOURS[""],
      fillOpacity: 0.95, className: "map-house",
    }).bindTooltip(`${p.address} · ${judgmentLabel(p.judgment)}`)
      .on("click", () => { location.hash = `#/house/${p.id}`; })
      .addTo(layer);
    marker.getElement().setAttribute("data-building", p.id);
  }
  info.textContent = [
    t("mapInView").replace("{n}", data.houses_in_view.toLocaleString("zh-CN")),
    data.clusters.length ? t("mapClustered").replace("{n}", data.point_limit) : null,
    data.without_location ? t("mapWithoutLocation").replace("{n}", data.without_location) : null,
  ].filter(Boolean).join(" · ");
  const el = document.getElementById("map");
  if (el && !el.dataset.drawn) performance.mark("anju-map-first-draw");  // read by tests/console/bench.mjs
  el?.setAttribute("data-drawn", data.clusters.length ? "clusters" : "points");
}

// The first request sends the map's size: the server fits the view to the filtered houses and
// answers their points or clusters at once, so the page paints after one request.
async function startMap(el, info, params) {
  const q = filterQuery(params);
  q.set("size", `${el.clientWidth}x${el.clientHeight}`);
  const first = await api("GET", `/map?${q}`);
  if (!el.isConnected) return;
  const map = L.map(el, { attributionControl: Boolean(first.tiles), maxZoom: 19 });
  if (first.tiles) {
    map.attributionControl.setPrefix(false);
    L.tileLayer(first.tiles, { maxZoom: 19 }).addTo(map);
  }
  const layer = L.layerGroup().addTo(map);
  if (first.view) {
    map.setView(first.view.center, first.view.zoom);
    drawMap(map, layer, first, info);
  } else {
    map.setView([35, 105], 4);  // China, when no filtered house has a position
    drawMap(map, layer, first, info);
  }
  // Only the newest answer is drawn: panning fast sends several requests.
  let latest = 0;
  map.on("moveend", async () => {
    const ticket = ++latest;
    const q = filterQuery(params);
    q.set("bbox", clampedBox(map));
    q.set("zoom", String(map.getZoom()));
    try {
      const data = await api("GET", `/map?${q}`);
      if (ticket === latest && el.isConnected) drawMap(map, layer, data, info);
    } catch (e) {
      if (ticket === latest) flash(e.message, true);
    }
  });
}

async function renderMap(main, params) {
  // The filter bar fills in when the reviewer's communities are known; the map does not wait.
  const filters = h("div", {});
  knownCommunities().then((communities) => filters.replaceWith(filterForm(params, communities, "map")))
    .catch((e) => flash(e.message, true));
  const el = h("div", { id: "map", class: "map" });
  const info = h("p", { class: "muted map-info", id: "map-info" });
  main.append(filters, h("div", { class: "map-bar" }, mapLegend(), info), el);
  // Leaflet measures its container: start once the page is on screen (render() puts it there
  // after this returns); a page replaced meanwhile never starts.
  setTimeout(() => {
    if (el.isConnected) startMap(el, info, params).catch((e) => flash(e.message, true));
  }, 0);
}
