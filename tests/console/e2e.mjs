// End-to-end test of the review console: the real anju-server on 127.0.0.1 with the demo
// district, a headless tablet (anju_tablet, core's SyncClient) that submits inspections, and
// Debian's Chromium driven by playwright-core. A reviewer signs in, filters the table, opens a
// house, returns the inspection with a comment; the tablet syncs and must hold the comment.
// Another house is approved and each of its hazards rectified to 销号 (closure). Then campaign
// dispatch: two houses assigned to the inspector reach the tablet, and the progress page moves
// when the tablet hands one in.
//
//   node e2e.mjs SERVER_BINARY TABLET_BINARY [SCREENSHOT_DIR]
//
// Exit status 0 when every check passed; any failed check throws and exits 1. Bounded: the
// whole run is cut off after 240 s.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const [serverBin, tabletBin, shotDir] = process.argv.slice(2);
if (!serverBin || !tabletBin) {
  console.error("usage: node e2e.mjs SERVER_BINARY TABLET_BINARY [SCREENSHOT_DIR]");
  process.exit(2);
}
const COMMENT = "请补拍北墙裂缝全景照片，并注明裂缝长度";
const work = mkdtempSync(join(tmpdir(), "anju-console-e2e-"));
const dataDir = join(work, "data");
const tabletDb = join(work, "tablet.db");
let server = null;
let browser = null;
let failureHook = null;
let serverLog = () => "";

const watchdog = setTimeout(() => { console.error("e2e: timed out after 240 s"); cleanup(); process.exit(1); }, 240_000);

function cleanup() {
  if (server && server.exitCode === null) server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}

const toolEnv = { ...process.env };

function tablet(...args) {
  return execFileSync(tabletBin, ["--db", tabletDb, ...args], { env: toolEnv, encoding: "utf8", timeout: 60_000 });
}

// Region codes (区划代码, issue 11 §3) for the district, 城南街道 and 幸福社区, loaded by the CLI.
const REGION_CODES = "区,街道,社区,区划代码\n临江区,,,420106\n临江区,城南街道,,420106001000\n" +
  "临江区,城南街道,幸福社区,420106001001\n";

function startServer() {
  execFileSync(serverBin, ["demo", "--data", dataDir], { env: toolEnv, timeout: 60_000 });
  writeFileSync(join(work, "codes.csv"), REGION_CODES);
  execFileSync(serverBin, ["region-codes", "import", join(work, "codes.csv"), "--data", dataDir], { env: toolEnv, timeout: 60_000 });
  server = spawn(serverBin, ["serve", "--data", dataDir, "--port", "0"], { env: toolEnv, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  server.stderr.on("data", (d) => { log += d; });
  serverLog = () => log;
  return new Promise((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (d) => {
      out += d;
      const m = /listening on [\d.]+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    server.on("exit", (code) => reject(new Error(`server exited (${code}): ${log}`)));
  });
}

// A photo of a cracked wall, drawn by the browser itself so the test needs no image file.
async function drawPhoto(page) {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement("canvas");
    c.width = 1024; c.height = 768;
    const g = c.getContext("2d");
    for (let y = 0; y < 768; y += 48) {
      for (let x = (y / 48) % 2 ? -48 : 0; x < 1024; x += 96) {
        g.fillStyle = `hsl(12, 45%, ${38 + ((x * 7 + y * 3) % 12)}%)`;
        g.fillRect(x + 2, y + 2, 92, 44);
      }
    }
    g.strokeStyle = "#1b1b1b"; g.lineWidth = 7; g.beginPath(); g.moveTo(300, 60);
    [[340, 180], [320, 300], [390, 420], [370, 560], [430, 700]].forEach(([x, y]) => g.lineTo(x, y));
    g.stroke();
    g.fillStyle = "#fff"; g.font = "28px sans-serif"; g.fillText("北墙斜裂缝 1.2 mm", 480, 720);
    return c.toDataURL("image/jpeg", 0.85);
  });
  const file = join(work, "crack.jpg");
  writeFileSync(file, Buffer.from(dataUrl.split(",")[1], "base64"));
  return file;
}

async function shot(page, name) {
  if (!shotDir) return;
  mkdirSync(shotDir, { recursive: true });
  await page.screenshot({ path: join(shotDir, name), fullPage: true });
}

// Clicks a download button (fetch with the token -> blob -> save) and returns what was saved.
async function downloaded(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

async function main() {
  const port = await startServer();
  const base = `http://127.0.0.1:${port}`;
  browser = await chromium.launch({ executablePath: process.env.ANJU_CHROMIUM || "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: "zh-CN" });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  failureHook = async () => {
    console.error("page errors:", pageErrors.join("\n") || "none");
    console.error("page text:", (await page.textContent("body").catch(() => "")).slice(0, 2000));
  };

  // The inspector's tablet: sign in, receive the houses, submit three inspections with a photo.
  tablet("login", base, "demo", "demo1234");
  tablet("sync");
  const photo = await drawPhoto(page);
  const listed = tablet("list-buildings", "4").trim().split("\n").map((l) => l.split(/\s+/)[0]);
  assert.equal(listed.length, 4);
  const houses = listed.slice(0, 3);
  // The inbox's oldest: a fourth house handed in before the other three.
  const oldestHouse = listed[3];
  const oldestInspection = /inspection ([0-9a-f-]{36})/.exec(tablet("import-demo-inspection", "--building", oldestHouse, photo))[1];
  tablet("sync");
  const inspections = houses.map((b) => /inspection ([0-9a-f-]{36})/.exec(tablet("import-demo-inspection", "--building", b, photo))[1]);
  tablet("sync");
  const [houseId] = houses;
  const [inspectionId] = inspections;

  // Sign in as the reviewer.
  await page.goto(`${base}/console/`);
  await page.fill("input[name=username]", "reviewer");
  await page.fill("input[name=password]", "review1234");
  await page.click("#login-form button[type=submit]");
  await page.waitForSelector("#houses-table");
  assert.match(await page.textContent("header"), /房屋列表/);
  // Signing in renders the list once: one filter bar, one table (two overlapping renders once
  // both appended theirs).
  await page.waitForLoadState("networkidle");
  assert.equal(await page.locator("form.filters").count(), 1, "one filter bar after sign-in");
  assert.equal(await page.locator("table.houses").count(), 1, "one house table after sign-in");

  // 待审核 inbox (issue 11): four handed-in inspections, the oldest first, counted in the
  // navigation; open the oldest, return it, and it leaves the inbox.
  await page.waitForFunction(() => document.getElementById("inbox-count").textContent === "4");
  await page.click("#nav-inbox");
  await page.waitForSelector("#inbox-table");
  const inboxIds = () => page.$$eval("#inbox-table tbody tr", (trs) => trs.map((tr) => tr.dataset.building));
  const inboxed = await inboxIds();
  assert.equal(inboxed.length, 4);
  assert.equal(inboxed[0], oldestHouse, "the oldest handed-in inspection comes first");
  assert.deepEqual(inboxed.slice(1).sort(), [...houses].sort());
  const firstRow = await page.textContent("#inbox-table tbody tr:first-child");
  assert.match(firstRow, /存在一定安全隐患/);
  assert.match(firstRow, /demo/);
  assert.match(firstRow, /城南街道/);
  await shot(page, "console-inbox.png");
  await page.click("#inbox-table tbody tr:first-child a.address");
  await page.waitForSelector(`#answers-${oldestInspection}`);
  const phone = (await page.$$eval("#building-info dd", (dds) => dds.map((d) => d.textContent)))
    .find((text) => /^1\d{10}$/.test(text));
  assert.ok(phone, "the house page shows the owner's phone");
  await page.fill(`#comment-${oldestInspection}`, "请补充檐口照片");
  await page.click(`#return-${oldestInspection}`);
  await page.waitForSelector(".status.ok");
  await page.waitForFunction(() => document.getElementById("inbox-count").textContent === "3");
  await page.click("#nav-inbox");
  await page.waitForFunction(() => document.querySelectorAll("#inbox-table tbody tr").length === 3);
  assert.ok(!(await inboxIds()).includes(oldestHouse), "a returned inspection leaves the inbox");

  // Search by phone from the houses page's one search box: that house and no other.
  await page.click("#nav-houses");
  await page.waitForSelector("#filter-q");
  await page.fill("#filter-q", phone);
  await page.click("#search");
  await page.waitForFunction(() => location.hash.includes("q="));
  await page.waitForFunction(() => document.querySelectorAll("#houses-table tbody tr").length === 1);
  assert.equal(await page.getAttribute("#houses-table tbody tr", "data-building"), oldestHouse);
  assert.ok((await page.textContent("#houses-table tbody tr")).includes(phone));
  await page.click("#nav-houses");
  await page.waitForFunction(() => document.querySelectorAll("#houses-table tbody tr").length === 50);

  // Filter: submitted inspections judged "some hazard", in 城南街道 (the region choices cascade).
  await page.selectOption("#filter-district", "临江区");
  await page.selectOption("#filter-street", "城南街道");
  assert.ok((await page.$$eval("#filter-community option", (os) => os.map((o) => o.value))).includes("光明社区"));
  await page.selectOption("#filter-judgment", "some");
  await page.selectOption("#filter-review", "submitted");
  await page.click("#search");
  await page.waitForFunction(() => location.hash.includes("judgment=some"));
  await page.waitForSelector("#houses-table tbody tr");
  const rows = await page.$$eval("#houses-table tbody tr", (trs) => trs.map((tr) => ({ id: tr.dataset.building, text: tr.textContent })));
  assert.equal(rows.length, 3, "the three submitted houses");
  for (const r of rows) {
    assert.match(r.text, /存在一定安全隐患/);
    assert.match(r.text, /已提交/);
  }
  assert.deepEqual(rows.map((r) => r.id).sort(), [...houses].sort());
  await shot(page, "console-table.png");

  // Exports with the same filters, downloaded with the bearer token.
  const csv = await downloaded(page, "#export-csv");
  assert.match(csv.name, /\.csv$/);
  const csvText = csv.bytes.toString("utf8");
  assert.equal(csvText.charCodeAt(0), 0xfeff, "CSV starts with a BOM for Excel");
  assert.equal(csvText.trim().split(/\r?\n/).length, 1 + 3, "header + the three filtered houses");
  const xlsx = await downloaded(page, "#export-xlsx");
  assert.equal(xlsx.bytes.subarray(0, 2).toString(), "PK");
  // The photos of the same houses as a ZIP, in 房屋编码/照片类别/ folders (issue 11 §3).
  const zip = await downloaded(page, "#export-photos");
  assert.match(zip.name, /\.zip$/);
  assert.equal(zip.bytes.subarray(0, 4).toString("latin1"), "PK\x03\x04", "a ZIP holding a photo");
  assert.ok(zip.bytes.includes(Buffer.from("/裂缝/")), "the crack photo in its category folder");
  // A download whose connection breaks says so; nothing is saved.
  await page.route("**/v1/exports/register.csv*", (route) => route.abort("connectionreset"));
  await page.click("#export-csv");
  await page.waitForFunction(() => /导出中断|broke off/.test(document.getElementById("status").textContent));
  await page.unroute("**/v1/exports/register.csv*");

  // A filter nothing matches shows the empty state, not stale rows.
  await page.selectOption("#filter-judgment", "serious");
  await page.click("#search");
  await page.waitForSelector("#no-rows");
  await page.selectOption("#filter-judgment", "some");
  await page.click("#search");
  await page.waitForSelector("#houses-table tbody tr");

  // Open the house: findings with measurements, judgment, photo thumbnail and full size.
  await page.click(`#houses-table tr[data-building="${houseId}"] a.address`);
  await page.waitForSelector(`#inspection-${inspectionId}`);
  const card = await page.textContent(`#inspection-${inspectionId}`);
  assert.match(card, /承重墙/);
  assert.match(card, /宽度 1\.2 mm/);
  assert.match(card, /存在一定安全隐患/);
  // The national platform's house fields and the region codes (issue 11 §3), exactly as stored.
  const stored = await page.evaluate(async (id) => {
    const res = await fetch(`/console/api/houses/${id}`, { headers: { Authorization: `Bearer ${session.token}` } });
    return (await res.json()).building;
  }, houseId);
  assert.match(stored.platform_house_number, /^YH420106\d{9}$/);
  const fact = (id) => page.textContent(`#${id}`);
  const codes = stored.region.community === "幸福社区" ? "420106 / 420106001000 / 420106001001" : "420106 / 420106001000";
  assert.equal(await fact("fact-region-codes"), codes);
  assert.equal(await fact("fact-platform-number"), stored.platform_house_number);
  assert.equal(await fact("fact-census-number"), "—");
  assert.equal(await fact("fact-business-use"), stored.business_use ? "是" : "否");
  assert.match(await fact("fact-land-type"), /^(国有土地（住宅）|集体土地（宅基地）)$/);
  assert.equal(await fact("fact-permits"), stored.permits.map((p) => `${p.permit.zh}：${p.state.zh}`).join("；"));
  assert.match(await fact("fact-permits"), /^规划许可：(有|无)；竣工验收：(有|无)/);
  assert.match(await fact("fact-geo-hazards"), /^(无|切坡建房)$/);
  assert.match(await fact("fact-fire-hazards"), /^(无|电气线路私拉乱接)$/);
  // Every answer under its question (issue 11): the crack question answered 是, its width in words.
  await page.waitForSelector(`#answers-${inspectionId} tr[data-item="wall_cracks"]`);
  assert.match(await page.textContent(`#answers-${inspectionId} tr[data-item="wall_cracks"]`), /是/);
  assert.match(await page.textContent(`#answers-${inspectionId} tr[data-item="wall_crack_width"]`), /1\.2 毫米/);
  await page.waitForFunction(() => [...document.querySelectorAll("img.thumb")].some((i) => i.complete && i.naturalWidth === 1024));
  // Under the photo: its category and caption as the inspector gave them (issue 10 §4).
  assert.match(await page.textContent(`#inspection-${inspectionId} figure.photo figcaption`), /裂缝 · 北墙斜裂缝 1\.2 mm/);
  await shot(page, "console-house.png");
  const pdf = await downloaded(page, "#export-dossier");
  assert.equal(pdf.bytes.subarray(0, 4).toString(), "%PDF");
  await page.click("img.thumb");
  await page.waitForSelector("#photo-overlay img");
  await page.click("#photo-overlay");

  // An empty comment is refused by the server and nothing changes.
  await page.click(`#return-${inspectionId}`);
  await page.waitForSelector(".status.error");
  assert.match(await page.textContent("#status"), /退回必须填写意见/);

  // Return with a comment.
  await page.fill(`#comment-${inspectionId}`, COMMENT);
  await page.click(`#return-${inspectionId}`);
  await page.waitForSelector(".status.ok");
  const after = await page.textContent(`#inspection-${inspectionId}`);
  assert.match(after, /已退回/);
  assert.ok(after.includes(COMMENT));
  const houseAudit = await page.textContent("#house-audit");
  assert.match(houseAudit, /退回/);
  // Audit details are worded (i18n.js "d.*"), not raw keys and codes.
  assert.match(houseAudit, /原为: 已提交/);
  assert.match(houseAudit, /意见: /);
  assert.doesNotMatch(houseAudit, /comment: |from: /);
  await shot(page, "console-house-returned.png");

  // The second house: appraisal grade and a rectification; the third: approved.
  await page.goto(`${base}/console/#/house/${houses[1]}`);
  await page.waitForSelector(`#inspection-${inspections[1]}`);
  await page.selectOption(`#grade-${inspections[1]}`, "B");
  await page.click(`#set-grade-${inspections[1]}`);
  await page.waitForSelector(".status.ok");
  assert.match(await page.textContent(`#inspection-${inspections[1]}`), /B级/);
  await page.selectOption("#rect-new select[name=family]", "engineering");
  await page.fill("#rect-new input[name=measure]", "加固承重墙");
  await page.selectOption("#rect-new select[name=status]", "in_progress");
  await page.fill("#rect-new input[name=deadline]", "2026-12-31");
  await page.fill("#rect-new input[name=responsible_party]", "城南街道办事处");
  await page.click("#rect-new button[type=submit]");
  await page.waitForSelector("#rectifications .rectification");
  assert.match(await page.textContent("#rectifications"), /整治中/);
  await page.goto(`${base}/console/#/house/${houses[2]}`);
  await page.waitForSelector(`#approve-${inspections[2]}`);
  await page.click(`#approve-${inspections[2]}`);
  await page.waitForSelector(".status.ok");
  assert.match(await page.textContent(`#inspection-${inspections[2]}`), /已通过/);

  // Rectification per hazard to 销号 (issue 11 §2, 一隐患一记录): each hazard of the approved
  // inspection gets a measure, a completion photo, acceptance and closure, only in that order;
  // when every hazard is closed the house is 已销号.
  await page.waitForSelector("#hazards .hazard");
  const hazardIds = await page.$$eval("#hazards .hazard", (ds) => ds.map((d) => d.id.slice("hazard-".length)));
  assert.equal(hazardIds.length, 2, "the demo inspection's two hazards (wall crack, roof leak)");
  assert.match(await page.textContent("#house-closure"), /未销号/);
  const closedMeasures = [];
  for (const [i, finding] of hazardIds.entries()) {
    const form = `#add-measure-${finding}`;
    await page.selectOption(`${form} select[name=family]`, "engineering");
    await page.fill(`${form} input[name=measure]`, i ? "修复屋面防水层" : "加固北侧承重墙");
    await page.fill(`${form} input[name=responsible_party]`, "产权人 王建国");
    await page.fill(`${form} input[name=deadline]`, "2026-12-31");
    await page.click(`${form} button[type=submit]`);
    await page.waitForSelector(`#hazard-${finding} .measure`);
    const measureId = (await page.getAttribute(`#hazard-${finding} .measure`, "id")).slice("measure-".length);
    // Completion before a photo is refused, saying why; the measure stays open.
    await page.click(`#complete-${measureId}`);
    await page.waitForSelector(".status.error");
    assert.match(await page.textContent("#status"), /请先上传整改完成照片/);
    assert.match(await page.textContent(`#measure-${measureId}`), /待完成/);
    await page.setInputFiles(`#photo-file-${measureId}`, photo);
    await page.fill(`#photo-caption-${measureId}`, "整改后");
    await page.click(`#upload-photo-${measureId}`);
    await page.waitForSelector(`#measure-${measureId} img.thumb`);
    await page.fill(`#completion-note-${measureId}`, i ? "屋面已重做防水" : "已加设构造柱和圈梁");
    await page.click(`#complete-${measureId}`);
    await page.waitForSelector(`#accept-${measureId}`);
    assert.match(await page.textContent(`#measure-${measureId}`), /已完成待验收/);
    await page.fill(`#acceptance-note-${measureId}`, "验收合格");
    await page.click(`#accept-${measureId}`);
    await page.waitForSelector(`#close-${measureId}`);
    if (i === 1) {
      // The section mid-way: one hazard closed, the other accepted and waiting for 销号.
      await page.waitForFunction(() => [...document.querySelectorAll("#hazards img.thumb")].every((img) => img.complete && img.naturalWidth > 0));
      if (shotDir) { mkdirSync(shotDir, { recursive: true }); await page.locator("#hazards").screenshot({ path: join(shotDir, "console-rectification.png") }); }
    }
    await page.click(`#close-${measureId}`);
    await page.waitForSelector(`#measure-${measureId}.measure-closed`);
    closedMeasures.push(measureId);
  }
  assert.match(await page.textContent("#house-closure"), /^已销号$/);
  const rectAudit = await page.textContent("#house-audit");
  for (const step of ["上传整改照片", "整改完成", "验收", "销号"]) assert.ok(rectAudit.includes(step), `audited: ${step}`);

  // Dashboard and audit view.
  await page.click("#nav-dashboard");
  await page.waitForSelector("#dashboard-table");
  const counts = await page.$$eval("#dashboard-table tr.total td", (tds) => tds.map((td) => td.textContent));
  // 合计 | houses | not visited | none/some/serious | submitted/approved/returned | pending/in progress/done
  // (the inbox's oldest was returned above: four inspected, two returned)
  assert.deepEqual(counts.slice(0, 3), ["合计", "200", "196"]);
  assert.deepEqual(counts.slice(3, 6), ["0", "4", "0"]);
  assert.deepEqual(counts.slice(6, 9), ["1", "1", "2"]);
  assert.deepEqual(counts.slice(9, 12), ["0", "1", "1"]);
  // 销号 | open, closed: the third house has every hazard closed.
  assert.deepEqual(counts.slice(12, 14), ["0", "1"]);
  await shot(page, "console-dashboard.png");
  await page.click("#nav-audit");
  await page.waitForSelector("#audit-table");
  assert.ok((await page.textContent("#audit-table")).includes(COMMENT));

  // The map (issue 11 §4): the 200 demo houses as points coloured by judgment under a Chinese
  // legend, with community outlines; filtered like the table; a point opens the house page.
  await page.click("#nav-map");
  await page.waitForSelector("#map[data-drawn=points] path.map-house");
  assert.equal(await page.locator("path.map-house").count(), 200, "every demo house is a point");
  assert.match(await page.textContent("#map-info"), /视野内 200 户/);
  const legend = await page.textContent("#map-legend");
  for (const word of ["未发现安全隐患", "存在一定安全隐患", "存在严重安全隐患", "未排查或未判定"]) assert.ok(legend.includes(word), `legend: ${word}`);
  assert.ok(await page.locator("path.map-outline").count() >= 6, "community outlines");
  const fill = (id) => page.getAttribute(`path.map-house[data-building="${id}"]`, "fill");
  assert.equal(await fill(houses[2]), "#d98a00", "a house judged 存在一定安全隐患 is orange");
  const fills = await page.$$eval("path.map-house", (ps) => ps.map((p) => p.getAttribute("fill")));
  assert.equal(fills.filter((f) => f === "#8a8f98").length, 196, "houses without a judgment are grey");
  // Leaflet and its stylesheet come from anju-server itself (no CDN).
  assert.equal((await page.request.get(`${base}/console/vendor/leaflet/leaflet.js`)).status(), 200);
  await page.waitForTimeout(300);  // let the outline fade-in settle before the screenshot
  await shot(page, "console-map.png");
  await page.selectOption("#filter-judgment", "some");
  await page.click("#search");
  await page.waitForFunction(() => location.hash.startsWith("#/map?") && location.hash.includes("judgment=some"));
  await page.waitForFunction(() => document.querySelectorAll("path.map-house").length === 4);
  await page.click(`path.map-house[data-building="${houses[2]}"]`);
  await page.waitForSelector(`#inspection-${inspections[2]}`);
  assert.equal(await page.evaluate(() => location.hash), `#/house/${houses[2]}`);

  // English switch.
  await page.click("#lang");
  await page.waitForFunction(() => document.querySelector("header").textContent.includes("Audit log"));
  await page.click("#nav-houses");
  await page.waitForSelector("#houses-table");
  assert.match(await page.textContent("#houses-table thead"), /Preliminary judgment/);
  await shot(page, "console-table-en.png");

  // Keyset paging: 200 houses, 50 a page; next and back again.
  const firstIds = () => page.$$eval("#houses-table tbody tr", (trs) => trs.map((tr) => tr.dataset.building));
  const page1 = await firstIds();
  assert.equal(page1.length, 50);
  await page.click("#next-page");
  await page.waitForFunction(() => location.hash.includes("after="));
  await page.waitForSelector("#prev-page");
  const page2 = await firstIds();
  assert.equal(page2.length, 50);
  assert.ok(!page2.some((id) => page1.includes(id)), "page 2 holds other houses");
  await page.click("#prev-page");
  await page.waitForFunction(() => !location.hash.includes("after="));
  await page.waitForSelector("#next-page");
  assert.deepEqual(await firstIds(), page1);

  // One community: its house numbers in natural order (1号, 4号, 5号, ... 12号, not 1号, 12号, 13号),
  // and its dossiers as one PDF (the button sends the community's whole path 区/街道/社区).
  await page.goto(`${base}/console/#/houses?${new URLSearchParams({ district: "临江区", street: "城南街道", community: "光明社区" })}`);
  await page.waitForSelector("#export-dossiers");
  await page.waitForSelector("#houses-table tbody tr");
  const addresses = await page.$$eval("#houses-table a.address", (as) => as.map((a) => a.textContent));
  assert.equal(addresses.length, 30, "光明社区 has 30 houses");
  const numbers = addresses.map((a) => Number(/^光明街(\d+)号$/.exec(a)[1]));
  assert.deepEqual(numbers, [...numbers].sort((x, y) => x - y), `natural order: ${addresses.join(" ")}`);
  const dossiers = await downloaded(page, "#export-dossiers");
  assert.equal(dossiers.bytes.subarray(0, 4).toString(), "%PDF", "the community dossier is a PDF");
  const dossierFile = join(work, "community.pdf");
  writeFileSync(dossierFile, dossiers.bytes);
  const dossierText = execFileSync("pdftotext", [dossierFile, "-"], { encoding: "utf8" });
  assert.ok(dossierText.includes("光明街1号") && dossierText.includes("光明街60号"), "every house of 光明社区 is in the PDF");
  assert.ok(!dossierText.includes("幸福路"), "no house of another community");

  // The tablet's next sync brings the comment to the inspector.
  tablet("sync");
  const shown = tablet("show-inspection", inspectionId);
  assert.match(shown, /^review: returned$/m);
  assert.ok(shown.includes(`review_comment: ${COMMENT}`), shown);
  const graded = tablet("show-inspection", inspections[1]);
  assert.match(graded, /^review: submitted$/m);
  assert.match(graded, /^appraisal_grade: B$/m);
  assert.match(graded, /^rectification: [0-9a-f-]{36} in_progress 加固承重墙 2026-12-31$/m);
  const approved = tablet("show-inspection", inspections[2]);
  assert.match(approved, /^review: approved$/m);
  // The tablet holds each hazard's measure, closed (销号), as the console left it.
  for (const id of closedMeasures) assert.match(approved, new RegExp(`^rectification_hazard: ${id} [0-9a-f-]{36} closed$`, "m"));
  // Campaign dispatch (issue 11 §4): tick two not-yet-visited houses of 光明社区, assign them to
  // the demo inspector with a due date; the tablet's next sync lists them as 分派给我 with that
  // date; the progress page counts them, and moves when the tablet hands one in.
  await page.click("#lang");  // back to Chinese
  await page.goto(`${base}/console/#/houses?${new URLSearchParams({ district: "临江区", street: "城南街道", community: "光明社区" })}`);
  await page.waitForSelector("#dispatch-bar");
  await page.waitForSelector("#houses-table tbody tr");
  const fresh = await page.$$eval("#houses-table tbody tr", (trs) => trs.filter((tr) => tr.textContent.includes("未排查")).map((tr) => tr.dataset.building));
  assert.ok(fresh.length >= 2, "two houses of 光明社区 not visited yet");
  const assigned = fresh.slice(0, 2);
  await page.goto(`${base}/console/#/progress`);
  await page.waitForSelector("#progress-communities");
  const tile = async (k) => Number(await page.textContent(`#progress-${k}`));
  const inspectedBefore = await tile("inspected");
  assert.equal(await tile("assigned"), 0, "nothing assigned yet");
  await page.goto(`${base}/console/#/houses?${new URLSearchParams({ district: "临江区", street: "城南街道", community: "光明社区" })}`);
  await page.waitForSelector("#houses-table tbody tr");
  for (const id of assigned) await page.check(`#houses-table tr[data-building="${id}"] input.pick`);
  await page.selectOption("#dispatch-inspector", "demo");
  await page.fill("#dispatch-due", "2026-12-31");
  await page.click("#dispatch-selected");
  await page.waitForSelector(".status.ok");
  assert.match(await page.textContent("#status"), /新分派 2/);
  await shot(page, "console-dispatch.png");
  await page.click("#nav-dispatch");
  await page.waitForSelector("#assignments-table");
  assert.deepEqual((await page.$$eval("#assignments-table tbody tr", (trs) => trs.map((tr) => tr.dataset.building))).sort(), [...assigned].sort());

  tablet("sync");
  const mine = tablet("list-assigned").trim().split("\n").map((l) => l.split(" "));
  assert.deepEqual(mine.map((l) => l[0]).sort(), [...assigned].sort(), "the tablet holds its assignments");
  for (const l of mine) assert.equal(l[1], "2026-12-31", "with the due date");

  await page.click("#nav-progress");
  await page.waitForSelector("#progress-communities");
  assert.equal(await tile("assigned"), 2);
  const gmAssigned = await page.$$eval("#progress-communities tbody tr", (trs) =>
    trs.filter((tr) => tr.textContent.includes("光明社区")).map((tr) => tr.querySelector('td[data-col="assigned"]').textContent));
  assert.deepEqual(gmAssigned, ["2"], "光明社区's row counts both");
  tablet("import-demo-inspection", "--building", assigned[0], photo);
  tablet("sync");
  await page.reload();
  await page.waitForSelector("#progress-communities");
  assert.equal(await tile("inspected"), inspectedBefore + 1, "the dashboard moves after the tablet hands in");
  const demoRow = await page.$$eval("#progress-inspectors tbody tr", (trs) => trs.map((tr) => tr.textContent).find((t) => t.startsWith("demo")));
  assert.ok(demoRow, "the demo inspector has a row");
  // Every heading sits on the same side as the figures under it (they were right-aligned
  // under left-aligned headings).
  for (const table of ["#progress-communities", "#progress-inspectors", "#progress-series"]) {
    const sides = await page.$eval(table, (t) => {
      const heads = [...t.querySelectorAll("thead tr:last-child th")];
      const first = t.querySelector("tbody tr");
      return heads.map((th, i) => [th.textContent, getComputedStyle(th).textAlign,
        first ? getComputedStyle(first.children[i]).textAlign : getComputedStyle(th).textAlign]);
    });
    for (const [label, head, body] of sides) assert.equal(head, body, `${table} ${label}: heading ${head}, figures ${body}`);
  }
  await shot(page, "console-progress.png");
  const weekly = await downloaded(page, "#export-weekly");
  assert.equal(weekly.bytes.subarray(0, 2).toString(), "PK", "the 周报 is an XLSX (zip)");

  // The server stops cleanly (under ASan this also means: no leak, no sanitizer finding).
  const exited = new Promise((resolve) => server.on("exit", (code, signal) => resolve({ code, signal })));
  server.kill("SIGTERM");
  assert.deepEqual(await exited, { code: 0, signal: null }, `server exit; log:\n${serverLog().slice(-3000)}`);
  console.log("e2e: console review round trip passed");
}

try {
  await main();
} catch (e) {
  console.error("e2e FAILED:", e.stack || e);
  if (failureHook) await failureHook();
  process.exitCode = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
  cleanup();
  clearTimeout(watchdog);
}
