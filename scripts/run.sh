#!/usr/bin/env bash
# The main job: installs every dependency (Debian packages), builds a release, creates the demo
# district the first time, and runs the sync server on its embedded SQLite on 127.0.0.1.
#   ANJU_DATA  data folder (default var/demo)      ANJU_PORT  port (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."

"./scripts/install-deps.sh"

build_dir="build/release"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DANJU_BUILD_TESTS=OFF
cmake --build "$build_dir" -j "$(nproc)"

server="$build_dir/sync-server/anju-server"
data="${ANJU_DATA:-var/demo}"
port="${ANJU_PORT:-8080}"

if [ ! -e "$data/anju.db" ]; then
  mkdir -p "$data"
  "$server" demo --data "$data"
fi

echo
echo "安居 sync server: http://127.0.0.1:$port  (demo inspector: demo / demo1234; Ctrl-C stops it)"
exec "$server" serve --data "$data" --listen 127.0.0.1 --port "$port"
