#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster for one test run, all of it inside DIR:
#   scripts/pgcluster.sh start DIR [--no-fsync]
#                                    initdb (once) and start; prints the URL
#   scripts/pgcluster.sh url DIR     prints the URL of the running cluster
#   scripts/pgcluster.sh stop DIR    stops it and removes DIR
# It listens on a Unix socket in DIR/socket only (listen_addresses=''), with
# trust authentication there, so nothing outside the machine's users can
# reach it; fsync stays on, as in production, unless --no-fsync: the test
# suite's cluster is thrown away at the end and no test crashes PostgreSQL
# itself (a killed quire-server loses nothing the kernel already has), so
# flushing every commit and every CREATE DATABASE to the disk only costs time. Run as root, the cluster runs
# as the postgres user (PostgreSQL refuses to run as root). The URL is also
# kept in DIR/url for tests (QUIRE_TEST_POSTGRES_FILE).
set -euo pipefail

usage() {
    echo "usage: $0 start DIR [--no-fsync] | stop DIR | url DIR" >&2
    exit 2
}
[ $# -eq 2 ] || [ $# -eq 3 ] || usage
action=$1
dir=$(realpath -m "$2")
durability="-c fsync=on"
if [ $# -eq 3 ]; then
    [ "$action" = start ] && [ "$3" = --no-fsync ] || usage
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi

bindir=${QUIRE_PG_BINDIR:-}
if [ -z "$bindir" ]; then
    for candidate in /usr/lib/postgresql/*/bin; do
        [ -x "$candidate/initdb" ] && bindir=$candidate
    done
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "$0: PostgreSQL is not installed (Debian: apt-get install postgresql)" >&2
    exit 1
fi

# Who owns and runs the cluster: ourselves, or postgres when we are root.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}
owner=$(id -un)
[ "$(id -u)" -eq 0 ] && owner=postgres

free_port() {
    # With no TCP listener the port only names the socket file, but a free
    # one keeps the cluster clear of any other PostgreSQL on the machine.
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 20000))
        if ! (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && [ ! -e "$dir/socket/.s.PGSQL.$port" ]; then
            echo "$port"
            return 0
        fi
    done
    echo "$0: no free port found" >&2
    return 1
}

case $action in
start)
    if [ -f "$dir/url" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        cat "$dir/url"
        exit 0
    fi
    mkdir -p "$dir/socket"
    # The postgres user must reach DIR: open the way for it, and only it owns the data.
    chmod 0755 "$dir"
    if [ "$owner" != "$(id -un)" ]; then
        chown "$owner" "$dir" "$dir/socket"
        parent=$dir
        while [ "$parent" != / ]; do
            parent=$(dirname "$parent")
            [ -x "$parent" ] || chmod o+x "$parent"
        done
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    port=$(free_port)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir/socket' -p $port $durability -c max_connections=300" \
        start >/dev/null || { cat "$dir/data/server.log" >&2; exit 1; }
    url="postgresql://postgres@:$port/postgres?host=$dir/socket"
    echo "$url" >"$dir/url"
    echo "$url"
    ;;
url)
    [ -f "$dir/url" ] || { echo "$0: no cluster in $dir" >&2; exit 1; }
    cat "$dir/url"
    ;;
stop)
    if [ -f "$dir/data/PG_VERSION" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*) usage ;;
esac
