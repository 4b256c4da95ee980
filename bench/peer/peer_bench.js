// The peer in docs/benchmarks.md: the same records and photos as anju_sync_bench, replicated the
// way a PouchDB app does it — written one by one into a local PouchDB (LevelDB on disk), then
// PouchDB.replicate.to(pouchdb-server) over HTTP on 127.0.0.1 with PouchDB's default batching.
// Only the replication is timed. One warm-up replication, then ANJU_BENCH_REPS repetitions;
// prints JSON with every repetition's seconds.
//
// Environment: PEER_URL (pouchdb-server), PEER_WORK (folder for the local databases), and the
// sizes of bench/run_benchmarks.sh: ANJU_BENCH_RECORDS, ANJU_BENCH_PHOTOS, ANJU_BENCH_PHOTO_BYTES,
// ANJU_BENCH_REPS.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const PouchDB = require('pouchdb-node');

const remoteBase = process.env.PEER_URL;
const work = process.env.PEER_WORK;
const records = Number(process.env.ANJU_BENCH_RECORDS || 10000);
const photos = Number(process.env.ANJU_BENCH_PHOTOS || 20);
const photoBytes = Number(process.env.ANJU_BENCH_PHOTO_BYTES || 2 * 1024 * 1024);
const reps = Number(process.env.ANJU_BENCH_REPS || 3);
if (!remoteBase || !work) {
  console.error('peer_bench: set PEER_URL and PEER_WORK');
  process.exit(2);
}
fs.mkdirSync(work, { recursive: true });

// An inspection as a JSON document of about 1 KB, like anju's encoded record (the same fields:
// building, inspector, answers, three findings with measurements, padded notes).
function inspectionDoc(i) {
  const doc = {
    _id: crypto.randomUUID(),
    type: 'inspection',
    building_id: crypto.randomUUID(),
    inspector: 'bench',
    started_at: Date.now(),
    submitted_at: Date.now(),
    template_id: 'self_built_house',
    template_version: 1,
    answers: { wall_cracks: true, wall_crack_width: 0.1 * (i % 40), roof_leak: i % 3 === 0 },
    findings: [
      { id: crypto.randomUUID(), component: 'load_bearing_wall', hazard: 'wall_crack',
        location: '一层北侧承重墙', measurements: [{ name: 'width', value: 0.1 * (i % 40), unit: 'mm' }],
        severity: 'some', note: '窗角斜裂缝，贯通墙厚' },
      { id: crypto.randomUUID(), component: 'roof', hazard: 'roof_leak', location: '屋面东侧',
        severity: 'some', note: '雨后渗水，檩条潮湿' },
    ],
    review: 'submitted',
  };
  while (Buffer.byteLength(JSON.stringify(doc)) < 1024) doc.findings[1].note += '住户反映雨季墙体返潮，建议复查。';
  return doc;
}

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
let serial = 0;

async function replicateOnce(fill, check) {
  const name = `bench-${process.pid}-${++serial}`;
  const local = new PouchDB(path.join(work, name));
  const bytes = await fill(local);
  const remote = new PouchDB(`${remoteBase}/${name}`);
  const start = process.hrtime.bigint();
  const result = await local.replicate.to(remote);
  const took = seconds(start);
  if (!result.ok || result.doc_write_failures > 0) throw new Error(`replication failed: ${JSON.stringify(result)}`);
  await check(remote);
  await local.destroy();
  await remote.destroy();
  return { seconds: took, bytes };
}

async function fillRecords(local, n) {
  let bytes = 0;
  for (let i = 0; i < n; ++i) {  // one write per record, as an app saves them
    const doc = inspectionDoc(i);
    bytes += Buffer.byteLength(JSON.stringify(doc));
    await local.put(doc);
  }
  return bytes;
}

async function fillPhotos(local, n) {
  for (let i = 0; i < n; ++i)
    await local.put({
      _id: crypto.randomUUID(), type: 'photo', caption: `外墙 ${i + 1}`,
      _attachments: { 'photo.jpg': { content_type: 'image/jpeg', data: crypto.randomBytes(photoBytes) } },
    });
  return n * photoBytes;
}

async function expectDocs(remote, n, withAttachments) {
  const info = await remote.info();
  if (info.doc_count !== n) throw new Error(`pouchdb-server holds ${info.doc_count} documents, expected ${n}`);
  if (withAttachments) {
    const all = await remote.allDocs({ include_docs: true });
    const stubs = all.rows.filter((r) => r.doc._attachments && r.doc._attachments['photo.jpg'] &&
                                        r.doc._attachments['photo.jpg'].length === photoBytes);
    if (stubs.length !== n) throw new Error(`only ${stubs.length} of ${n} attachments arrived whole`);
  }
}

async function main() {
  const out = { pouchdb_version: PouchDB.version, records: { count: records, seconds: [], json_bytes: 0 },
                photos: { count: photos, photo_bytes: photoBytes, seconds: [] } };
  // Warm-up: a small replication of each kind (connections, LevelDB, the server's code paths).
  await replicateOnce((db) => fillRecords(db, 100), (r) => expectDocs(r, 100, false));
  await replicateOnce((db) => fillPhotos(db, 1), (r) => expectDocs(r, 1, true));
  for (let rep = 0; rep < reps; ++rep) {
    const r = await replicateOnce((db) => fillRecords(db, records), (remote) => expectDocs(remote, records, false));
    out.records.seconds.push(r.seconds);
    out.records.json_bytes = r.bytes;
    const p = await replicateOnce((db) => fillPhotos(db, photos), (remote) => expectDocs(remote, photos, true));
    out.photos.seconds.push(p.seconds);
  }
  process.stdout.write(JSON.stringify(out, null, 1) + '\n');
}

main().catch((e) => {
  console.error('peer_bench:', e && e.stack ? e.stack : e);
  process.exit(1);
});
