#!/usr/bin/env bash
# The benchmarks, in one command: builds a release (build/release), installs the PouchDB peer
# (npm ci in bench/peer), starts anju-server and pouchdb-server on 127.0.0.1, runs every
# benchmark (bench/run_benchmarks.sh) and writes docs/benchmarks.md with the machine, the date and
# every figure (raw JSON in docs/benchmarks/). Takes about half an hour; not part of CI.
#   scripts/bench.sh           the full run (the committed figures)
#   scripts/bench.sh --smoke   the same programs at tiny sizes, in seconds; the report goes to
#                              build/release/bench-smoke/benchmarks.md, docs/ is left alone
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
case "${1:-}" in
  "") ;;
  --smoke) smoke=1 ;;
  *) echo "usage: scripts/bench.sh [--smoke]" >&2; exit 2 ;;
esac

"./scripts/install-deps.sh"

build_dir="build/release"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DANJU_BUILD_TESTS=OFF
targets=(anju_core_bench anju_sync_bench anju_http_bench anju-server anju_tablet)
# The exports branch adds anju_export_bench; measure it when this tree has it.
if cmake --build "$build_dir" --target help | grep -q '^anju_export_bench:'; then
  targets+=(anju_export_bench)
fi
cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]}"

# The peer's npm packages, exactly as locked (npm ci wipes node_modules, so only when the lock
# file changed since the last install).
if [ ! -f bench/peer/node_modules/.package-lock.json ] ||
   [ bench/peer/package-lock.json -nt bench/peer/node_modules/.package-lock.json ]; then
  (cd bench/peer && npm ci --no-audit --no-fund)
fi

if [ "$smoke" = 1 ]; then
  out="$build_dir/bench-smoke"
  bench/run_benchmarks.sh --smoke --build-dir "$build_dir" --out "$out"
  python3 bench/write_report.py "$out" "$out/benchmarks.md" --smoke
  echo "smoke run passed; report: $out/benchmarks.md"
  exit 0
fi

out="$build_dir/bench-results"
status=0
bench/run_benchmarks.sh --build-dir "$build_dir" --out "$out" || status=$?
# The page is written even when a benchmark failed: its row says so.
python3 bench/write_report.py "$out" docs/benchmarks.md
mkdir -p docs/benchmarks
for f in core.json sync.json http.json curl.json peer.json meta.json export.txt export-time.txt; do
  if [ -f "$out/$f" ]; then cp "$out/$f" docs/benchmarks/; else rm -f "docs/benchmarks/$f"; fi
done
echo "wrote docs/benchmarks.md"
exit "$status"
