#!/usr/bin/env bash
# Wrap dist/GroupKeeper.app (from `pyinstaller build.spec`) in a compressed disk image.
#
# Usage (macOS, repository root):  packaging/make-dmg.sh [VERSION]
# Output: dist/GroupKeeper-<VERSION>.dmg
#
# Uses only hdiutil (part of macOS). Signing and notarisation are release steps: when
# CODESIGN_IDENTITY is set, the app is signed (hardened runtime) before packing and the
# dmg after; notarise the dmg with `xcrun notarytool submit --wait` and staple it.
set -euo pipefail

VERSION="${1:-0.1.0}"
cd "$(dirname "$0")/.."
APP="dist/GroupKeeper.app"
DMG="dist/GroupKeeper-${VERSION}.dmg"

if [ ! -d "$APP" ]; then
  echo "error: $APP not found; run 'pyinstaller build.spec --noconfirm' first" >&2
  exit 1
fi

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
fi

STAGING="$(mktemp -d)"
trap 'rm -rf "$STAGING"' EXIT
cp -R "$APP" "$STAGING/"
ln -s /Applications "$STAGING/Applications"

rm -f "$DMG"
hdiutil create -volname "GroupKeeper" -srcfolder "$STAGING" -fs HFS+ -format UDZO -ov "$DMG"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$CODESIGN_IDENTITY" "$DMG"
fi
echo "wrote $DMG ($(du -h "$DMG" | cut -f1))"
