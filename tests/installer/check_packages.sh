#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb packages from the build directory $1 and checks that each
# holds what it must: binaries, desktop integration, unit, config, scripts.
set -euo pipefail
build=${1:?usage: check_packages.sh BUILD_DIR}
out="$build/packages"
rm -rf "$out"
cmake --build "$build" --target package >"$build/package.log" 2>&1 || { tail -n 30 "$build/package.log"; exit 1; }

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

desktop=$(ls "$out"/quire_*.deb 2>/dev/null | head -n1)
server=$(ls "$out"/quire-server_*.deb 2>/dev/null | head -n1)
[[ -f "$desktop" ]] || fail "no quire_*.deb in $out"
[[ -f "$server" ]] || fail "no quire-server_*.deb in $out"
pass "packages $(basename "$desktop") and $(basename "$server")"

[[ $(dpkg-deb -f "$desktop" Package) == quire ]] || fail "desktop package name"
[[ $(dpkg-deb -f "$server" Package) == quire-server ]] || fail "server package name"
pass "package names"

contains() { # deb path
    dpkg-deb -c "$1" | awk '{print $6}' | grep -qx "./$2" || fail "$(basename "$1") lacks $2"
    pass "$(basename "$1") has $2"
}
contains "$desktop" usr/bin/quire
contains "$desktop" usr/bin/quire-cli
contains "$desktop" usr/share/applications/org.quire.Quire.desktop
contains "$desktop" usr/share/metainfo/org.quire.Quire.metainfo.xml
contains "$desktop" usr/share/icons/hicolor/scalable/apps/org.quire.Quire.svg
contains "$server" usr/bin/quire-server
contains "$server" lib/systemd/system/quire-server.service
contains "$server" lib/systemd/system/quire-server-backup.service
contains "$server" lib/systemd/system/quire-server-backup.timer
contains "$server" etc/quire-server/quire-server.conf

if dpkg-deb -c "$server" | awk '{print $6}' | grep -q 'usr/bin/quire$'; then
    fail "the server package must not carry the desktop app"
fi
pass "server package carries no desktop binaries"

control=$(mktemp -d)
trap 'rm -rf "$control"' EXIT
dpkg-deb -e "$server" "$control"
grep -q 'adduser --system' "$control/postinst" || fail "postinst does not create the quire user"
grep -q 'enable quire-server-backup.timer' "$control/postinst" || fail "postinst does not enable the backup timer"
grep -qx '/etc/quire-server/quire-server.conf' "$control/conffiles" || fail "config is not a conffile"
pass "server maintainer scripts and conffiles"
dpkg-deb -f "$server" Depends | grep -q adduser || fail "server does not depend on adduser"
dpkg-deb -f "$desktop" Depends | grep -q 'libqt6widgets6' || fail "desktop Depends misses Qt (shlibdeps)"
pass "dependencies"
echo "packages ok"
