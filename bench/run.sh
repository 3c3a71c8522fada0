#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every benchmark against the build in $1 and prints Markdown tables.
# HTTP figures compare quire-server with nginx (static bytes) and with
# Directus (the JSON API at 100,000 articles) measured in the same run;
# sync figures are set against the targets of the sync issue.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: bench/run.sh BUILD_DIR}
"$here/../scripts/install-deps.sh" "$here/../scripts/bench-packages.txt"
"$here/http_health.sh" "$build"
"$here/http_article.sh" "$build"
"$here/http_api.sh" "$build"
"$here/backends.sh" "$build"
"$here/promptfetch.sh" "$build"
"$here/promptsearch.sh" "$build"
echo
echo "Sync (bench/syncbench.cpp):"
echo
QUIRE_SERVER_BINARY="$build/server/quire-server" QT_LOGGING_RULES="quire.*.info=false" \
    "$build/bench/quire-bench-sync"
echo
echo "Search (bench/searchbench.cpp):"
echo
QUIRE_SERVER_BINARY="$build/server/quire-server" QT_LOGGING_RULES="quire.*.info=false" \
    "$build/bench/quire-bench-search"
echo
echo "Prompt library (bench/promptbench.cpp):"
echo
QUIRE_SERVER_BINARY="$build/server/quire-server" QT_LOGGING_RULES="quire.*.info=false" \
    "$build/bench/quire-bench-prompts"
echo
echo "Publishing punctuality (bench/publishbench.cpp), SQLite:"
echo
env -u QUIRE_TEST_POSTGRES -u QUIRE_TEST_POSTGRES_FILE QUIRE_SERVER_BINARY="$build/server/quire-server" \
    QT_LOGGING_RULES="quire.*.info=false" "$build/bench/quire-bench-publish"
# On PostgreSQL (a cluster named by QUIRE_TEST_POSTGRES, as the tests use):
# two named instances on one database share the work.
if [ -n "${QUIRE_TEST_POSTGRES:-}" ]; then
    echo
    echo "Publishing punctuality (bench/publishbench.cpp), PostgreSQL, two instances:"
    echo
    QUIRE_SERVER_BINARY="$build/server/quire-server" QT_LOGGING_RULES="quire.*.info=false" \
        "$build/bench/quire-bench-publish" --instances 2
fi
echo
echo "Editor (bench/editorbench.cpp):"
echo
QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="quire.*.info=false" "$build/bench/quire-bench-editor"
