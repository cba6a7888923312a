#!/bin/bash
# Build Hearth for macOS: dist/Hearth.app (PyInstaller spec BUNDLE) and, with make_dmg.sh,
# dist/Hearth-<version>.dmg. For a macOS CI runner (e.g. GitHub Actions macos-14) with
# Python 3.11+. The app is built for the runner's architecture (arm64 on Apple silicon).
# NOT RUN on the Linux machine the project is developed on; see packaging/README.md.
#
#   packaging/macos/build_app.sh [python]
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${1:-python3}

"$PY" -m pip install --quiet -e ".[package]"
"$PY" packaging/build.py --no-deb
APP=dist/Hearth.app
[ -x "$APP/Contents/MacOS/kitchen-ui" ] || { echo "build_app.sh: $APP was not built" >&2; exit 1; }

# smoke test: the same checks the Linux test makes, on the bundled executable
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$APP/Contents/MacOS/kitchen-ui" --version
"$APP/Contents/MacOS/kitchen-ui" recipes list --db "$tmp/kitchen.sqlite3" >/dev/null
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/kitchen-ui" --screenshot "$tmp/shot.png" --run-for 0.5
[ -s "$tmp/shot.png" ] || { echo "build_app.sh: the app did not write its screenshot" >&2; exit 1; }

# Signing: ad hoc by default (runs on the machine that built it); set MACOS_SIGN_IDENTITY to a
# "Developer ID Application: ..." identity for distribution, then notarise the .dmg.
codesign --force --deep --options runtime --sign "${MACOS_SIGN_IDENTITY:--}" "$APP"
codesign --verify --deep --strict "$APP"
echo "built $APP"
