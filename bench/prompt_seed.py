#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The prompts of bench/promptfetch.sh, written straight into quire-server's SQLite file.

  prompt_seed.py QUIRE_DB OWNER_ID [ROWS]   after quire-server created its schema

ROWS prompts (default 100,000) of one owner, named prompt-000000 …, each with
one to four versions (numbered 1, 2, …) and a production label on one of them;
one in four is a chat. Prints the name the benchmark fetches and its
production version.
"""
import json
import random
import sqlite3
import sys
import uuid
from datetime import datetime, timedelta, timezone

SEED = 17
START = datetime(2024, 1, 1, tzinfo=timezone.utc)


def ts(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (moment.microsecond // 1000)


def make_id(rng, moment):
    # A UUIDv7 (the server's synced ids: its first 48 bits the time in ms),
    # as the server checks when it writes a row that points at this one.
    ms = int(moment.timestamp() * 1000)
    bits = (ms << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) | (0b10 << 62) | rng.getrandbits(62)
    return str(uuid.UUID(int=bits))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    path, owner = sys.argv[1], sys.argv[2]
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    rng = random.Random(SEED)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA busy_timeout = 10000")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("BEGIN")
    seq = db.execute("SELECT seq FROM sync_state").fetchone()[0]
    tables = {t: {r[1]: r for r in db.execute("PRAGMA table_info(%s)" % t)}
              for t in ("prompts", "prompt_versions", "prompt_labels")}
    inserts, batches = {}, {t: [] for t in tables}

    def add(table, values):
        nonlocal seq
        seq += 1
        columns = tables[table]
        values = {k: v for k, v in values.items() if k in columns}
        # Columns this seed does not fill get their declared default, or ''.
        for c, r in columns.items():
            if c not in values and c not in ("rev", "deleted", "deleted_at") and r[3] and r[4] is None:
                values[c] = ""
        values["rev"] = seq
        names = sorted(values)
        inserts.setdefault(table, "INSERT INTO %s(%s) VALUES (%s)" % (table, ", ".join(names), ", ".join("?" * len(names))))
        batches[table].append(tuple(values[n] for n in names))

    def flush():
        for t, b in batches.items():
            if b:
                db.executemany(inserts[t], b)
                b.clear()

    target = None
    for i in range(rows):
        created = START + timedelta(minutes=5 * i)
        prompt_id = make_id(rng, created)
        name = "prompt-%06d" % i
        chat = rng.random() < 0.25
        versions = rng.randint(1, 4)
        base = {"owner_id": owner, "kind": "chat" if chat else "text", "model": "gpt-4o-mini",
                "temperature": "0.%d" % rng.randint(0, 9), "max_tokens": str(rng.choice([256, 512, 1024]))}

        def body(n):
            text = "Version %d of %s: answer {{question}} for {{audience}} in a %s tone. " % (
                n, name, rng.choice(["friendly", "formal", "brief"])) * rng.randint(2, 8)
            if chat:
                return {"messages": json.dumps([{"role": "system", "content": "You are helpful."},
                                                {"role": "user", "content": text}]), "content": ""}
            return {"content": text, "messages": "[]"}

        add("prompts", dict(base, id=prompt_id, title="Prompt %d" % i, name=name, description="",
                            category="bench", tags="[]", created_at=ts(created), updated_at=ts(created),
                            **body(versions)))
        version_ids = []
        for n in range(1, versions + 1):
            at_moment = created + timedelta(seconds=n)
            vid = make_id(rng, at_moment)
            version_ids.append(vid)
            at = ts(at_moment)
            add("prompt_versions", dict(base, id=vid, prompt_id=prompt_id, number=str(n), message="",
                                        created_at=at, updated_at=at, **body(n)))
        production = rng.randint(1, versions)
        add("prompt_labels", {"id": make_id(rng, created), "prompt_id": prompt_id, "name": "production",
                              "version_id": version_ids[production - 1], "owner_id": owner,
                              "created_at": ts(created), "updated_at": ts(created)})
        if i == rows // 2:
            target = (name, production)
        if i % 5000 == 4999:
            flush()
    flush()
    db.execute("UPDATE sync_state SET seq = ?", (seq,))
    db.execute("COMMIT")
    db.close()
    print("name=%s production=%d" % target)


if __name__ == "__main__":
    main()
