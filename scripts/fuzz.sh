#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang 14, ASan + UBSan) in build/fuzz and runs each on its
# corpus (fuzz/corpus/<target>/). docs/fuzzing.md explains the targets and how to run longer.
#
#   scripts/fuzz.sh --ci            every target for ANJU_FUZZ_SECONDS (default 45) s; CI
#   scripts/fuzz.sh TARGET [ARGS]   one target until stopped, extra libFuzzer ARGS allowed
#
# New inputs found during a run go to build/fuzz/corpus/<target>/ (the committed seeds stay
# clean); a crash leaves build/fuzz/artifacts/<target>/crash-* and fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${ANJU_FUZZ_BUILD_DIR:-build/fuzz}"
targets=(fuzz_sync_api fuzz_checklist_template fuzz_building_import)

CC=clang-14 CXX=clang++-14 cmake -S . -B "$build_dir" -G Ninja -DANJU_FUZZ=ON \
  -DANJU_BUILD_TESTS=OFF -DANJU_BUILD_APP=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

run() {  # target seconds [libFuzzer args...]
  local target="$1" seconds="$2"
  shift 2
  local found="$build_dir/corpus/$target" artifacts="$build_dir/artifacts/$target/"
  mkdir -p "$found" "$artifacts"
  local limits=(-max_len=65536 -timeout=30 -rss_limit_mb=4096 -artifact_prefix="$artifacts")
  [ "$seconds" -gt 0 ] && limits+=(-max_total_time="$seconds")
  echo "fuzz: $target ${seconds}s (corpus fuzz/corpus/$target, new inputs in $found)"
  "$build_dir/fuzz/$target" "${limits[@]}" -print_final_stats=1 "$@" \
    "$found" "fuzz/corpus/$target"
}

if [ "${1:-}" = "--ci" ]; then
  for t in "${targets[@]}"; do run "$t" "${ANJU_FUZZ_SECONDS:-45}"; done
  echo "fuzz: all ${#targets[@]} targets ran without a finding"
elif [ $# -ge 1 ]; then
  target="$1"
  shift
  run "$target" 0 "$@"
else
  sed -n '2,10p' "$0"
  exit 2
fi
