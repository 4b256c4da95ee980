#!/usr/bin/env python3
"""Checks that every QML module the app imports comes from a Debian package scripts/install-deps.sh
installs (issue 10: the file picker needed qml6-module-qt-labs-folderlistmodel, which was missing,
and picking a photo killed the app on a clean install).

For every `import X` in app/qml and app/tests/qml, and for what those modules import in turn at
run time (RUNTIME_IMPORTS, read from Qt 6.4's own QML files), the module is mapped to its Debian 12
package (KNOWN_PACKAGES); the check fails when a module has no known package or its package is not
in install-deps.sh. It needs nothing installed, so it runs on a clean machine; the test
app_qml_modules_installed (app/tests/tst_qml_modules.cpp) is its run-time counterpart, creating
every QML file and opening every dialog on the machine itself.

Usage: scripts/check-qml-deps.py [repo root]   (exit 0: all found; 1: something is missing)
"""
import pathlib
import re
import sys

# Debian 12 (Qt 6.4) package of each QML module; a module not listed inherits the package of its
# longest listed prefix (QtQuick.Controls.Material -> qml6-module-qtquick-controls).
KNOWN_PACKAGES = {
    "QtQml": "qml6-module-qtqml",
    "QtQml.Models": "qml6-module-qtqml-models",
    "QtQml.WorkerScript": "qml6-module-qtqml-workerscript",
    "QtQuick": "qml6-module-qtquick",
    "QtQuick.Controls": "qml6-module-qtquick-controls",
    "QtQuick.Templates": "qml6-module-qtquick-templates",
    "QtQuick.Layouts": "qml6-module-qtquick-layouts",
    "QtQuick.Window": "qml6-module-qtquick-window",
    "QtQuick.Dialogs": "qml6-module-qtquick-dialogs",
    "QtQuick.Shapes": "qml6-module-qtquick-shapes",
    "QtQuick.LocalStorage": "qml6-module-qtquick-localstorage",
    "QtQuick.Particles": "qml6-module-qtquick-particles",
    "QtQuick.VirtualKeyboard": "qml6-module-qtquick-virtualkeyboard",
    "Qt.labs.folderlistmodel": "qml6-module-qt-labs-folderlistmodel",
    "Qt.labs.settings": "qml6-module-qt-labs-settings",
    "Qt.labs.platform": "qml6-module-qt-labs-platform",
    "Qt.labs.qmlmodels": "qml6-module-qt-labs-qmlmodels",
    "Qt5Compat.GraphicalEffects": "qml6-module-qt5compat-graphicaleffects",
    "QtMultimedia": "qml6-module-qtmultimedia",
    "QtPositioning": "qml6-module-qtpositioning",
    "QtSensors": "qml6-module-qtsensors",
    "QtTest": "qml6-module-qttest",
}

# Modules whose own QML imports more at run time than the app's files show (from the imports of
# their QML files in Qt 6.4). Qt 6.4's non-native dialogs (QtQuick/Dialogs/quickimpl/qml) are
# loaded only when a dialog opens; FileDialog and FolderDialog list files with
# Qt.labs.folderlistmodel.
RUNTIME_IMPORTS = {
    "QtQuick.Dialogs": ["Qt.labs.folderlistmodel", "QtQuick.Controls", "QtQuick.Layouts",
                        "QtQuick.Templates"],
    "QtQuick.Controls": ["QtQuick.Templates", "QtQuick.Window"],
}

OWN_MODULES = {"Anju"}
IMPORT = re.compile(r"^\s*import\s+([A-Za-z_][\w.]*)", re.MULTILINE)
COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)


def package_of(module):
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if prefix in KNOWN_PACKAGES:
            return KNOWN_PACKAGES[prefix]
    return None


def imports_in(files):
    found = {}
    for f in files:
        for module in IMPORT.findall(COMMENT.sub("", f.read_text(encoding="utf-8"))):
            found.setdefault(module, f)
    return found


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent)
    deps_text = (root / "scripts" / "install-deps.sh").read_text(encoding="utf-8")
    # The words of the packages=( … ) array, comments left out.
    array = re.search(r"^packages=\((.*?)^\)", deps_text, re.MULTILINE | re.DOTALL)
    if not array:
        print("check-qml-deps: no packages=( … ) array in scripts/install-deps.sh", file=sys.stderr)
        return 1
    listed = set(re.sub(r"#[^\n]*", "", array.group(1)).split())
    qml_files = sorted((root / "app" / "qml").glob("*.qml")) + sorted(
        (root / "app" / "tests" / "qml").glob("*.qml"))
    pending = {m: str(f.relative_to(root)) for m, f in imports_in(qml_files).items()}
    seen = {}
    while pending:
        module, why = pending.popitem()
        if module in seen or module in OWN_MODULES:
            continue
        seen[module] = why
        for m in RUNTIME_IMPORTS.get(module, []):
            if m not in seen:
                pending.setdefault(m, f"{why} -> {module}")
    problems = []
    for module, why in sorted(seen.items()):
        package = package_of(module)
        if package is None:
            problems.append(f"{module} (imported by {why}): no known Debian package; add it to "
                            "KNOWN_PACKAGES in scripts/check-qml-deps.py")
        elif package not in listed:
            problems.append(f"{module} (imported by {why}): package {package} is not in "
                            "scripts/install-deps.sh")
    for p in problems:
        print(f"check-qml-deps: {p}", file=sys.stderr)
    if not problems:
        print(f"check-qml-deps: {len(seen)} QML modules, every package in install-deps.sh")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
