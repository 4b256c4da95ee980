// Console API speed at district scale: imports N houses (default 100 000) into a fresh SQLite
// data dir with `anju-server import-buildings`, starts the server, signs in as a reviewer and
// prints the median and worst time of the table, a deep page, filtered pages, the dashboard and
// a house page. Not a test (no thresholds): run it once and read the figures.
//
//   node bench.mjs SERVER_BINARY [N]
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [serverBin, nArg] = process.argv.slice(2);
const N = Number(nArg || 100000);
const work = mkdtempSync(join(tmpdir(), "anju-console-bench-"));
const dataDir = join(work, "data");
const env = { ...process.env, ASAN_OPTIONS: `${process.env.ASAN_OPTIONS || ""}:detect_leaks=0` };
let server = null;

function csv() {
  const lines = ["区,街道,社区,地址,产权人,建成年份,地上层数,结构类型,用途"];
  const streets = ["城南街道", "城北街道", "江口镇", "东湖街道", "西山街道"];
  for (let i = 0; i < N; i++) {
    const street = streets[i % 5];
    const community = `${street.slice(0, 2)}第${Math.floor(i / 5) % 20 + 1}社区`;
    lines.push(`临江区,${street},${community},${community}${i}号,户主${i},${1970 + (i % 50)},${1 + (i % 4)},砖混,自住`);
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
  const file = csv();
  execFileSync(serverBin, ["demo", "--data", dataDir], { env });
  let t0 = performance.now();
  execFileSync(serverBin, ["import-buildings", file, "--data", dataDir], { env, maxBuffer: 1 << 26 });
  console.log(`import of ${N} houses: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
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
} finally {
  if (server) server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
