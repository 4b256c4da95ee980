#!/usr/bin/env bash
# The main job: installs every dependency (Debian packages), builds a release, creates the demo
# district the first time, runs the sync server on its embedded SQLite on 127.0.0.1, and opens
# the tablet app pointed at it. Without a display the app renders its sign-in page offscreen to
# var/app-signin.png instead, and the server keeps running until Ctrl-C.
#   ANJU_DATA  data folder (default var/demo)      ANJU_PORT  port (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."

"./scripts/install-deps.sh"

build_dir="build/release"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DANJU_BUILD_TESTS=OFF
cmake --build "$build_dir" -j "$(nproc)"

server="$build_dir/sync-server/anju-server"
app="$build_dir/app/anju-app"
data="${ANJU_DATA:-var/demo}"
port="${ANJU_PORT:-8080}"
url="http://127.0.0.1:$port"

if [ ! -e "$data/anju.db" ]; then
  mkdir -p "$data"
  "$server" demo --data "$data"
fi

"$server" serve --data "$data" --listen 127.0.0.1 --port "$port" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null' EXIT INT TERM
for _ in $(seq 100); do
  curl -fsS "$url/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "the sync server did not start" >&2; exit 1; }
  sleep 0.1
done

echo
echo "安居 sync server: $url   demo inspector: demo / demo1234   reviewer: reviewer / review1234"
echo "审核台 review console: $url/console/   (sign in as reviewer / review1234)"
tablet_db="var/tablet.db"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "opening the tablet app (sign in with demo / demo1234, then 同步 to pull the houses)"
  "$app" --db "$tablet_db" --server "$url"
else
  QT_QPA_PLATFORM=offscreen "$app" --db "$tablet_db" --server "$url" --page signin \
    --screenshot var/app-signin.png
  echo "no display: the app's sign-in page, pointed at $url, is rendered to var/app-signin.png"
  echo "the server keeps running; Ctrl-C stops it"
  wait "$server_pid"
fi
