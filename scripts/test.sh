#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs dependencies (Debian packages), builds everything
# with AddressSanitizer + UndefinedBehaviorSanitizer, and runs every test through ctest.
# Tests that need a server (the sync server, PostgreSQL) start it themselves on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

"./scripts/install-deps.sh"
# One style for the whole tree (.clang-format): an unformatted file fails the run before the build.
"./scripts/check-format.sh"
# The server's layers (docs/architecture.md): no include reaches up a layer.
"./scripts/check-layers.sh"
# The console's browser test drives Debian's Chromium; npm brings only the driver (locked).
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix tests/console --no-audit --no-fund

build_dir="${ANJU_TEST_BUILD_DIR:-build/asan}"
jobs="$(nproc)"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DANJU_SANITIZE=ON -DANJU_BUILD_TESTS=ON
cmake --build "$build_dir" -j "$jobs"

# halt_on_error: the first finding fails the test; UBSan prints a stack so the finding is usable.
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
ctest --test-dir "$build_dir" --output-on-failure --timeout 600 -j "$jobs"

# A short fuzzing run of every libFuzzer target on its committed corpus (docs/fuzzing.md).
"./scripts/fuzz.sh" --ci
