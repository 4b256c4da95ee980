#!/usr/bin/env bash
# Installs every build, run and test dependency of Anju from Debian 12's own packages.
# Idempotent: a machine that already has them spends a few seconds in apt-get and moves on.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ca-certificates curl clang-format
  # openssl CLI: the HTTPS test makes its test CA with it
  openssl
  # core
  libsqlite3-dev sqlite3 libyaml-cpp-dev uuid-dev libssl-dev zlib1g-dev
  # proto + sync
  libprotobuf-dev protobuf-compiler libcpp-httplib-dev libcurl4-openssl-dev libsodium-dev
  libpq-dev postgresql
  # the sync server's HTTP engine (Boost.Beast/Asio, header-only)
  libboost-dev
  # review console: JSON API, headless browser for its end-to-end test (driven by playwright-core
  # from npm, see tests/console/package.json)
  nlohmann-json3-dev chromium nodejs
  # review console map page: Debian's Leaflet, compiled into anju-server (sync-server/CMakeLists.txt)
  libjs-leaflet
  # exports: XLSX writer, JSON; the tools the export tests open the files with
  libxlsxwriter-dev gdal-bin libreoffice-calc-nogui poppler-utils
  # the photo ZIP: libarchive's zip writer; unzip/zipinfo list it in its test
  libarchive-dev unzip
  # dossier PDF: its font is derived from fonts-noto-cjk at build time (sync-server/dossier/
  # derive_pdf_font.py) so the PDF text layer reads back what was drawn
  python3-fonttools
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # benchmarks (scripts/bench.sh): report writer, peak memory, the PouchDB peer (npm ci)
  python3 time
  # fuzzing (scripts/fuzz.sh): clang 14 with libFuzzer and its sanitizer runtimes
  clang-14 libfuzzer-14-dev libclang-rt-14-dev
  # tablet app (Qt 6.4 Quick): build, QML runtime modules, Qt Quick Test, translations, CJK fonts
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-qpa-plugins libgl-dev
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtquick-dialogs
  qml6-module-qttest qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools fonts-noto-cjk
  # the file picker (QtQuick.Dialogs' non-native FileDialog, loaded when it opens) lists files with
  # Qt.labs.folderlistmodel; without it picking a photo killed the app (issue 10). Every QML import
  # is checked against this list by scripts/check-qml-deps.py.
  qml6-module-qt-labs-folderlistmodel
  # tablet app: camera page (Qt Multimedia) and GPS stamp (Qt Positioning)
  qt6-multimedia-dev qml6-module-qtmultimedia qt6-positioning-dev qml6-module-qtpositioning
  # tablet app: the owner notice's PDF font is made from fonts-noto-cjk (app/fonts/)
  python3-fonttools
)


if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: run as root (apt-get needs it)" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# npm: Debian's package on a fresh machine; a nodejs that bundles its own npm needs no other.
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
