#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The first admin of a data directory, and how to sign in as it:
#   scripts/first-admin.sh QUIRE_SERVER DATA_DIR EMAIL
# On an empty database it creates EMAIL as admin with a generated one-time
# password and keeps that password in DATA_DIR/first-admin-password (mode 600,
# beside the database that already holds everything), so that a later run
# shows it again; it is shown only while it still signs in (quire-server
# check-password). Once the admin chose their own, it says how to get a new one.
# Prints two or three lines for ./quire.sh run to frame.
set -euo pipefail
server=$1
data=$2
email=$3
kept="$data/first-admin-password"

created=$("$server" create-user --data-dir "$data" --email "$email" --role admin --name Admin \
    --only-if-none </dev/null)
password=$(sed -n 's/^password: \([^ ]*\).*$/\1/p' <<<"$created")
if [[ -n "$password" ]]; then
    (umask 077 && printf '%s\n' "$password" >"$kept")
fi

echo "email:     $email"
if [[ -f "$kept" ]] && "$server" check-password --data-dir "$data" --email "$email" <"$kept" 2>/dev/null; then
    echo "password:  $(cat "$kept")   (one-time: you choose your own at the first sign-in)"
else
    rm -f "$kept"
    echo "password:  the one you chose. Forgot it? \"Forgot your password?\" in the sign-in dialog;"
    echo "           without a mail server the mail with the link is in ${data%/}/outbox/"
fi
