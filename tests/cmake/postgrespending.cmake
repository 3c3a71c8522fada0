# SPDX-License-Identifier: GPL-3.0-or-later
# The integration tests whose PostgreSQL variant (<name>_pg) does not pass yet:
# registered DISABLED, so the suite stays green and this list is the work
# list of the port (first errors in PGSTATUS.md). Remove a name once its _pg passes.
set(QUIRE_POSTGRES_PENDING
    # Stays SQLite-only: it turns a database back into what the build before
    # migration 12 (guides renamed to articles) left by rewriting SQLite's
    # catalogue (sqlite_master, FTS5 shadow tables). No PostgreSQL site
    # predates that migration (PostgreSQL came with issue 16), so there is no
    # such update to prove there.
    tst_articlestable
)
