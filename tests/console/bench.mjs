// Console API speed at district scale: imports N houses (default 100 000) into a fresh SQLite
// data dir with `anju-server import-buildings`, starts the server, signs in as a reviewer and
// prints the median and worst time of the table, a deep page, filtered pages, the dashboard and
// a house page; then the map (issue 11 §4): its API for the whole district and for one street
// (clusters counted on the server), and the map page's first paint in headless Chromium (from
// navigation to the first clusters drawn; SCREENSHOT, when given, is where a picture of it goes).
// Not a test (no thresholds): run it once and read the figures.
//
//   node bench.mjs SERVER_BINARY [N] [SCREENSHOT]
//
// ANJU_BENCH_DATA=DIR reuses a data dir a previous run imported (copy it while that run is at
// the browser step; the import of 100 000 houses takes minutes) and leaves it in place.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [serverBin, nArg, screenshot] = process.argv.slice(2);
const N = Number(nArg || 100000);
const work = mkdtempSync(join(tmpdir(), "anju-console-bench-"));
const dataDir = process.env.ANJU_BENCH_DATA || join(work, "data");
const env = { ...process.env, ASAN_OPTIONS: `${process.env.ASAN_OPTIONS || ""}:detect_leaks=0` };
let server = null;

function csv() {
  const lines = ["区,街道,社区,地址,产权人,建成年份,地上层数,结构类型,用途,纬度,经度"];
  const streets = ["城南街道", "城北街道", "江口镇", "东湖街道", "西山街道"];
  for (let i = 0; i < N; i++) {
    const street = streets[i % 5];
    const c = Math.floor(i / 5) % 20;
    const community = `${street.slice(0, 2)}第${c + 1}社区`;
    // Each community a patch about 1 km across on a 10 x 10 grid of patches (a district ~15 km).
    const patch = (i % 5) * 20 + c;
    const lat = 30.55 + Math.floor(patch / 10) * 0.014 + ((i * 7919) % 1000) / 100000;
    const lon = 114.25 + (patch % 10) * 0.016 + ((i * 104729) % 1000) / 90000;
    lines.push(`临江区,${street},${community},${community}${i}号,户主${i},${1970 + (i % 50)},${1 + (i % 4)},砖混,自住,${lat.toFixed(6)},${lon.toFixed(6)}`);
  }
  const file = join(work, "houses.csv");
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

async function timed(label, fn, runs = 20) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} median ${times[runs >> 1].toFixed(1)} ms   worst ${times[runs - 1].toFixed(1)} ms`);
  return result;
}

try {
  if (!process.env.ANJU_BENCH_DATA) {
    const file = csv();
    execFileSync(serverBin, ["demo", "--data", dataDir], { env });
    const t0 = performance.now();
    execFileSync(serverBin, ["import-buildings", file, "--data", dataDir], { env, maxBuffer: 1 << 26 });
    console.log(`import of ${N} houses: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  server = spawn(serverBin, ["serve", "--data", dataDir, "--port", "0"], { env, stdio: ["ignore", "pipe", "ignore"] });
  const port = await new Promise((resolve) => {
    let out = "";
    server.stdout.on("data", (d) => { out += d; const m = /:(\d+)\n/.exec(out); if (m) resolve(Number(m[1])); });
  });
  const base = `http://127.0.0.1:${port}/console/api`;
  const login = await (await fetch(`${base}/login`, { method: "POST", body: JSON.stringify({ username: "reviewer", password: "review1234" }) })).json();
  const get = async (path) => {
    const res = await fetch(base + path, { headers: { Authorization: `Bearer ${login.token}` } });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json();
  };
  const first = await timed("houses, first page (50)", () => get("/houses?limit=50"));
  // Walk 150 pages of 500 ahead once to get a deep key, then time that page.
  let key = first.next;
  for (let i = 0; i < 150 && key; i++) key = (await get(`/houses?limit=500&after=${key}`)).next;
  await timed("houses, page after 75 000 rows", () => get(`/houses?limit=50&after=${key}`));
  const q = new URLSearchParams({ district: "临江区", street: "城南街道", community: "城南第7社区" });
  await timed("houses, one community", () => get(`/houses?limit=50&${q}`));
  await timed("houses, judgment=serious (none match)", () => get("/houses?limit=50&judgment=serious"));
  await timed("houses, not visited", () => get("/houses?limit=50&not_visited=1"));
  await timed("dashboard, whole district", () => get("/dashboard"), 5);
  await timed("house page", () => get(`/houses/${first.rows[0].building_id}`));
  await timed("audit view", () => get("/audit?limit=50"));

  // The map: the extent, then the whole district and one street in view as clusters.
  const whole = await timed("map, extent of the filter (no box)", () => get("/map"));
  await timed("map, first view (extent fitted to 1360x620)", () => get("/map?size=1360x620"));
  const [s, w, n, e] = whole.extent;
  const box = `bbox=${w},${s},${e},${n}`;
  const z12 = await timed("map, whole district, zoom 12 (clusters)", () => get(`/map?${box}&zoom=12`));
  console.log(`  ${z12.clusters.length} clusters, ${z12.houses_in_view} houses, ${z12.outlines.length} outlines`);
  await timed("map, whole district, zoom 15 (clusters)", () => get(`/map?${box}&zoom=15`));
  const street = new URLSearchParams({ district: "临江区", street: "城南街道" });
  await timed("map, one street (20 000 houses), zoom 12", () => get(`/map?${street}&${box}&zoom=12`));
  const corner = `bbox=${w},${s},${w + 0.01},${s + 0.008}`;
  const few = await timed("map, a corner at zoom 17 (points)", () => get(`/map?${corner}&zoom=17`));
  console.log(`  ${few.points.length} points`);

  // First paint in headless Chromium: a new tab signed in (the token in sessionStorage, as after
  // the login form) opens #/map; timed from navigation start to the first houses drawn.
  const browser = await chromium.launch({ executablePath: process.env.ANJU_CHROMIUM || "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
  try {
    const paints = [];
    for (let i = 0; i < 7; i++) {
      const tab = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: "zh-CN" });
      await tab.addInitScript((s) => sessionStorage.setItem("anju.session", s), JSON.stringify(login));
      await tab.goto(`http://127.0.0.1:${port}/console/#/map`);
      await tab.waitForSelector("#map[data-drawn]", { timeout: 30000 });
      paints.push(await tab.evaluate(() => performance.getEntriesByName("anju-map-first-draw")[0].startTime));
      if (i === 6 && screenshot) await tab.screenshot({ path: screenshot });
      await tab.close();
    }
    paints.sort((a, b) => a - b);
    console.log(`${"map page first paint (Chromium, new tab)".padEnd(44)} median ${paints[3].toFixed(1)} ms   worst ${paints[6].toFixed(1)} ms`);
  } finally {
    await browser.close();
  }
} finally {
  if (server) server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
