#!/usr/bin/env bash
# Installs every build, run and test dependency of Anju from Debian 12's own packages.
# Idempotent: a machine that already has them spends a few seconds in apt-get and moves on.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ca-certificates curl
  # core
  libsqlite3-dev sqlite3 libyaml-cpp-dev uuid-dev libssl-dev zlib1g-dev
  # proto + sync
  libprotobuf-dev protobuf-compiler libcpp-httplib-dev libcurl4-openssl-dev libsodium-dev
  libpq-dev postgresql
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # tablet app (Qt 6.4 Quick): build, QML runtime modules, Qt Quick Test, translations, CJK fonts
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-qpa-plugins libgl-dev
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtquick-dialogs
  qml6-module-qttest qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools fonts-noto-cjk
  # tablet app: camera page (Qt Multimedia) and GPS stamp (Qt Positioning)
  qt6-multimedia-dev qml6-module-qtmultimedia qt6-positioning-dev qml6-module-qtpositioning
)

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: run as root (apt-get needs it)" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
