#!/bin/bash
# Pack dist/Hearth.app into dist/Hearth-<version>.dmg (compressed, with an Applications link
# to drag it onto). Run after build_app.sh on macOS; uses hdiutil, part of macOS.
# NOT RUN on the Linux machine the project is developed on; see packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${1:-python3}
APP=dist/Hearth.app
[ -d "$APP" ] || { echo "make_dmg.sh: $APP is missing; run packaging/macos/build_app.sh first" >&2; exit 1; }
VERSION=$("$PY" -c "import sys; sys.path.insert(0, 'packaging'); from bundle_filter import app_version; from pathlib import Path; print(app_version(Path('.')))")
DMG="dist/Hearth-$VERSION.dmg"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$APP" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$DMG"
hdiutil create -volname "Hearth $VERSION" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$DMG"
hdiutil verify "$DMG"
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --sign "$MACOS_SIGN_IDENTITY" "$DMG"
    # notarise: xcrun notarytool submit "$DMG" --keychain-profile NAME --wait && xcrun stapler staple "$DMG"
fi
echo "built $DMG"
