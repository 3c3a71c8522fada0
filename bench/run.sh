#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every benchmark against the build in $1 and prints a Markdown table.
# Each compares quire-server with a reference measured in the same run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: bench/run.sh BUILD_DIR}
"$here/../scripts/install-deps.sh" "$here/../scripts/bench-packages.txt"
"$here/http_health.sh" "$build"
