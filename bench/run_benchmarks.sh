#!/usr/bin/env bash
# Runs every Anju benchmark against servers it starts on 127.0.0.1, and leaves the figures as
# JSON/text in --out: core.json, sync.json (Google Benchmark), curl.json (raw photo PUTs),
# peer.json (PouchDB → pouchdb-server), export.txt (anju_export_bench, when that target exists).
# scripts/bench.sh calls it on the release build and turns the output into docs/benchmarks.md;
# the bench_smoke ctest calls it with --smoke (tiny sizes, one repetition) to prove it still runs.
#
#   run_benchmarks.sh --build-dir DIR --out DIR [--smoke] [--no-peer] [--only PART]...
# --only (core, sync, http, curl, peer, export; repeatable) runs just those parts, for working on
# one figure; ANJU_BENCH_FILTER is passed to the Google Benchmark programs as --benchmark_filter.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

build_dir="" out="" smoke=0 peer=1 only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build_dir="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --smoke) smoke=1; shift ;;
    --no-peer) peer=0; shift ;;
    --only) only="$only $2 "; shift 2 ;;
    *) echo "usage: $0 --build-dir DIR --out DIR [--smoke] [--no-peer] [--only PART]..." >&2; exit 2 ;;
  esac
done
[ -n "$build_dir" ] && [ -n "$out" ] || { echo "usage: $0 --build-dir DIR --out DIR [--smoke] [--no-peer] [--only PART]..." >&2; exit 2; }
wanted() { [ -z "$only" ] || [[ "$only" == *" $1 "* ]]; }
build_dir="$(cd "$build_dir" && pwd)"

# Sizes: the issue's figures, or a few seconds' worth for the smoke test.
if [ "$smoke" = 1 ]; then
  export ANJU_BENCH_REPS=1 ANJU_BENCH_HOUSES=2000 ANJU_BENCH_INSPECTIONS=20 ANJU_BENCH_GRADE=2000
  export ANJU_BENCH_RECORDS=200 ANJU_BENCH_PHOTOS=2 ANJU_BENCH_PHOTO_BYTES=262144
  export ANJU_BENCH_PULL_HOUSES=2000 ANJU_BENCH_TABLETS=4 ANJU_BENCH_ROUNDS=2 ANJU_BENCH_PER_ROUND=3
  export_sizes=2000
  min_time=0.01
else
  export ANJU_BENCH_REPS="${ANJU_BENCH_REPS:-3}" ANJU_BENCH_HOUSES=100000 ANJU_BENCH_INSPECTIONS=1000
  export ANJU_BENCH_GRADE=100000 ANJU_BENCH_RECORDS=10000 ANJU_BENCH_PHOTOS=20
  export ANJU_BENCH_PHOTO_BYTES=2097152 ANJU_BENCH_PULL_HOUSES=100000
  export ANJU_BENCH_TABLETS="${ANJU_BENCH_TABLETS:-500}" ANJU_BENCH_ROUNDS=3 ANJU_BENCH_PER_ROUND=10
  export_sizes=10000,100000
  min_time=0.5
fi
export ANJU_BENCH_PASSWORD="bench-password-1"

rm -rf "$out"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$out/work"
mkdir -p "$work"
server_bin="$build_dir/sync-server/anju-server"
core_bench="$build_dir/bench/anju_core_bench"
sync_bench="$build_dir/bench/anju_sync_bench"
http_bench="$build_dir/bench/anju_http_bench"
tablet_bin="$build_dir/core/anju_tablet"
for f in "$server_bin" "$core_bench" "$sync_bench" "$http_bench" "$tablet_bin"; do
  [ -x "$f" ] || { echo "run_benchmarks: $f is missing; build it first" >&2; exit 1; }
done

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

# What the report says about the run: when, on what, how loaded, how dear an fsync is here.
started="$(date -u '+%Y-%m-%d %H:%M')"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
fsync_ms="$(python3 - "$work" <<'PY'
import os, sys, time
path = os.path.join(sys.argv[1], "fsync-probe")
fd = os.open(path, os.O_CREAT | os.O_WRONLY)
start = time.perf_counter()
for _ in range(50):
    os.write(fd, b"x" * 4096)
    os.fsync(fd)
print(f"{(time.perf_counter() - start) / 50 * 1000:.1f}")
os.close(fd)
os.unlink(path)
PY
)"

# A free TCP port on 127.0.0.1 (the kernel picks it; a tiny race with other programs is fine).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_for_http() {  # URL PID NAME
  for _ in $(seq 300); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "run_benchmarks: $3 exited during start-up" >&2; return 1; }
    sleep 0.1
  done
  echo "run_benchmarks: $3 did not answer at $1" >&2
  return 1
}

# --- anju-server (SQLite backend) with the bench users and the pull region ----------------------
data="$work/anju-server"
mkdir -p "$data"
cli() { "$server_bin" "$@" --data "$data" >/dev/null; }
add_user() {  # NAME REGION
  printf '%s\n' "$ANJU_BENCH_PASSWORD" | "$server_bin" user add "$1" --role inspector --password-stdin --data "$data" >/dev/null
  cli assign "$1" --region "$2"
}
log "setting up anju-server in $data"
add_user bench_push 基准区/推送街道
add_user bench_pull 基准区/拉取街道
# The pull region: a register CSV the server imports in one transaction.
awk -v n="$ANJU_BENCH_PULL_HOUSES" 'BEGIN {
  split("幸福路 人民路 解放路 中山路 建设路 和平路 友谊路 长江路 黄河路 新华路", road, " ");
  split("砖混 砖木 框架 土木", structure, " ");
  print "区,街道,社区,地址,产权人,建成年份,地上层数,结构类型";
  for (i = 0; i < n; i++)
    printf "基准区,拉取街道,第%d社区,%s%d号,户主%d,%d,%d,%s\n", i % 40 + 1, road[int(i / 40) % 10 + 1],
           int(i / 400) + 1, i, 1980 + i % 40, 1 + i % 4, structure[i % 4 + 1];
}' >"$work/pull-region.csv"
cli import-buildings "$work/pull-region.csv"
# One user per simulated tablet, each with a community of its own (two at a time: Argon2id).
seq 1 "$ANJU_BENCH_TABLETS" | xargs -P 2 -I{} bash -c '
  name=$(printf "tablet%03d" {}); community=$(printf "社区%03d" {})
  printf "%s\n" "$ANJU_BENCH_PASSWORD" | "$0" user add "$name" --role inspector --password-stdin --data "$1" >/dev/null
  "$0" assign "$name" --region "基准区/并发街道/$community" --data "$1" >/dev/null' "$server_bin" "$data"

"$server_bin" serve --data "$data" --listen 127.0.0.1 --port 0 >"$work/anju-server.out" 2>"$work/anju-server.log" &
pids+=($!)
for _ in $(seq 300); do grep -q "listening on" "$work/anju-server.out" 2>/dev/null && break; sleep 0.1; done
port="$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$work/anju-server.out")"
[ -n "$port" ] || { echo "run_benchmarks: anju-server did not start; log:" >&2; cat "$work/anju-server.log" >&2; exit 1; }
export ANJU_BENCH_URL="http://127.0.0.1:$port"
wait_for_http "$ANJU_BENCH_URL/healthz" "${pids[-1]}" anju-server
log "anju-server at $ANJU_BENCH_URL"

failed=0
# Google Benchmark exits 0 even when a benchmark reported an error (e.g. the loss check): look.
gbench() {  # PROGRAM NAME
  wanted "$2" || return 0
  ANJU_BENCH_DIR="$work/$2" "$1" --benchmark_min_time="$min_time" \
    --benchmark_filter="${ANJU_BENCH_FILTER:-.}" --benchmark_out="$out/$2.json" --benchmark_out_format=json
  if ! python3 - "$out/$2.json" <<'PY'
import json, sys
errors = [f"{b['name']}: {b.get('error_message')}" for b in json.load(open(sys.argv[1]))["benchmarks"]
          if b.get("error_occurred")]
print("\n".join(errors), file=sys.stderr)
sys.exit(1 if errors else 0)
PY
  then
    echo "run_benchmarks: $2 benchmarks reported errors (above)" >&2
    failed=1
  fi
}

# --- core -------------------------------------------------------------------------------------
log "core benchmarks"
gbench "$core_bench" core

# --- sync through SyncClient ----------------------------------------------------------------------
log "sync benchmarks"
gbench "$sync_bench" sync

# --- a crowd at once: new connections, then logins (Argon2id) ----------------------------------
if wanted http; then
  log "connection burst and login storm"
  ANJU_BENCH_USER=bench_push ANJU_BENCH_CONCURRENCY="$([ "$smoke" = 1 ] && echo 20 || echo 200)" \
    "$http_bench" >"$out/http.json" || { echo "run_benchmarks: anju_http_bench saw failures" >&2; failed=1; }
fi

# --- raw curl PUT of the same photo sizes: the physical reference for photo throughput ----------
if wanted curl; then
  log "raw curl photo uploads"
  "$tablet_bin" --db "$work/curl-tablet.db" login "$ANJU_BENCH_URL" bench_push "$ANJU_BENCH_PASSWORD" >/dev/null
  token="$(sqlite3 "$work/curl-tablet.db" "SELECT value FROM sync_state WHERE key = 'auth_token'")"
  curl_times=()
  for rep in $(seq 0 "$ANJU_BENCH_REPS"); do  # rep 0 is the warm-up
    photos="$work/curl-photos"
    rm -rf "$photos" && mkdir -p "$photos"
    args=()
    for i in $(seq 1 "$ANJU_BENCH_PHOTOS"); do
      head -c "$ANJU_BENCH_PHOTO_BYTES" /dev/urandom >"$photos/$i.jpg"
      sha="$(sha256sum "$photos/$i.jpg" | cut -d' ' -f1)"
      args+=(-o /dev/null -T "$photos/$i.jpg" "$ANJU_BENCH_URL/v1/photos/$sha?offset=0&total=$ANJU_BENCH_PHOTO_BYTES")
    done
    start=$(date +%s.%N)
    # One curl process, one keep-alive connection, each photo in one PUT.
    codes="$(curl -sS -w '%{http_code}\n' -H "Authorization: Bearer $token" \
               -H 'Content-Type: application/octet-stream' "${args[@]}")"
    end=$(date +%s.%N)
    if [ "$(grep -c '^200$' <<<"$codes")" != "$ANJU_BENCH_PHOTOS" ]; then
      echo "run_benchmarks: a raw photo PUT failed: $codes" >&2
      exit 1
    fi
    [ "$rep" = 0 ] || curl_times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')")
  done
  printf '{"photos": %d, "photo_bytes": %d, "seconds": [%s]}\n' "$ANJU_BENCH_PHOTOS" \
    "$ANJU_BENCH_PHOTO_BYTES" "$(IFS=,; echo "${curl_times[*]}")" >"$out/curl.json"
fi

# --- peer: PouchDB replicating into pouchdb-server -------------------------------------------------
if [ "$peer" = 1 ] && wanted peer; then
  peer_dir="$here/peer"
  [ -d "$peer_dir/node_modules" ] || { echo "run_benchmarks: run 'npm ci' in $peer_dir first (scripts/bench.sh does)" >&2; exit 1; }
  pport="$(free_port)"
  mkdir -p "$work/pouchdb-server"
  (cd "$work/pouchdb-server" && exec node "$peer_dir/node_modules/pouchdb-server/bin/pouchdb-server" \
     --host 127.0.0.1 --port "$pport" --dir "$work/pouchdb-server" --no-stdout-logs) \
     >"$work/pouchdb-server.log" 2>&1 &
  pids+=($!)
  wait_for_http "http://127.0.0.1:$pport/" "${pids[-1]}" pouchdb-server
  log "pouchdb-server at http://127.0.0.1:$pport"
  PEER_URL="http://127.0.0.1:$pport" PEER_WORK="$work/pouchdb-client" node "$peer_dir/peer_bench.js" >"$out/peer.json"
fi

# --- export of a 100k-house register (the exports branch provides anju_export_bench) -------------
export_bench="$(find "$build_dir" -type f -name anju_export_bench -perm -u+x 2>/dev/null | head -1)"
if [ -n "$export_bench" ] && wanted export; then
  log "export benchmark ($export_bench)"
  mkdir -p "$work/export"
  ANJU_BENCH_DIR="$work/export" /usr/bin/time -f 'peak_rss_kib %M\nwall_s %e' -o "$out/export-time.txt" \
    "$export_bench" --houses "$export_sizes" >"$out/export.txt" 2>&1 || { echo "anju_export_bench failed (exit $?)" >>"$out/export.txt"; failed=1; }
else
  log "anju_export_bench not built: the export row stays empty"
fi
# What the server saw, for the report's reading of the client retries.
server_log="$work/anju-server.log"
server_non2xx="$(awk '$3 == "127.0.0.1" && $6 !~ /^2/ {n++} END {print n + 0}' "$server_log")"
server_duplicates="$(grep -o 'duplicate=[0-9]*' "$server_log" | awk -F= '{n += $2} END {print n + 0}')"
python3 - "$out/meta.json" <<PY
import json, os, subprocess, sys
def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
env = os.environ
json.dump({
    "started": "$started", "finished": sh("date -u '+%Y-%m-%d %H:%M'"),
    "load_start": "$load_start", "load_end": sh("cut -d' ' -f1-3 /proc/loadavg"),
    "fsync_ms": "$fsync_ms", "commit": sh("git -C '$here' rev-parse --short HEAD"),
    "compiler": sh("c++ --version | head -1"), "gbench": sh("dpkg-query -W libbenchmark-dev | cut -f2"),
    "node": sh("node --version"),
    "pouchdb_server": (json.load(open("$here/peer/node_modules/pouchdb-server/package.json"))["version"]
                       if os.path.exists("$here/peer/node_modules/pouchdb-server/package.json") else "–"),
    "houses": env["ANJU_BENCH_HOUSES"], "inspections": env["ANJU_BENCH_INSPECTIONS"],
    "graded": env["ANJU_BENCH_GRADE"], "records": env["ANJU_BENCH_RECORDS"],
    "photos": env["ANJU_BENCH_PHOTOS"], "photo_bytes": env["ANJU_BENCH_PHOTO_BYTES"],
    "pull_houses": env["ANJU_BENCH_PULL_HOUSES"], "tablets": env["ANJU_BENCH_TABLETS"],
    "rounds": env["ANJU_BENCH_ROUNDS"], "per_round": env["ANJU_BENCH_PER_ROUND"],
    "server_non2xx": "$server_non2xx", "server_duplicates": "$server_duplicates",
}, open(sys.argv[1], "w"), indent=1)
PY
log "done: $out"
exit "$failed"
