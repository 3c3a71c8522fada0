#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The prompts of bench/promptsearch.sh, the same rows into quire-server and Directus.

  promptsearch_seed.py quire QUIRE_DB OWNER_ID [ROWS]   after quire-server created its schema
  promptsearch_seed.py directus DIRECTUS_DB [ROWS]       after Directus created `prompts`
  promptsearch_seed.py facts                             the queries, as shell lines

ROWS text prompts (default 100,000) of one owner that read like a prompt
library: a title "<task> <subject> for <audience>", a description of 10-16
words, one of 12 categories, one to three of 24 tags, and 400-900 bytes of
template (a role, the task, `{{variables}}`, instructions). Words follow the
everyday vocabulary of bench/api_seed.py; one prompt in a thousand also
mentions one of 20 rare words (RARE_WORD among them), and NO_MATCH is in none.
"""
import json
import random
import sqlite3
import sys
import uuid
from datetime import datetime, timedelta, timezone

from api_seed import WORDS

ROWS = 100_000
SEED = 23
START = datetime(2024, 1, 1, tzinfo=timezone.utc)

TASKS = ("summarize", "translate", "rewrite", "classify", "extract", "draft", "review", "explain",
         "generate", "critique", "outline", "answer", "proofread", "compare", "plan", "brainstorm")
SUBJECTS = ("customer email", "meeting notes", "pull request", "product description", "support ticket",
            "legal contract", "job posting", "research paper", "release notes", "sales call",
            "bug report", "blog post", "press release", "survey answers", "invoice", "user story",
            "marketing copy", "error log", "onboarding guide", "quarterly report")
AUDIENCES = ("managers", "engineers", "customers", "new hires", "lawyers", "children", "investors",
             "the sales team", "a general audience", "doctors")
ROLES = ("an experienced editor", "a senior software engineer", "a patient teacher", "a careful analyst",
         "a friendly support agent", "a marketing specialist", "a technical writer", "a legal assistant")
CATEGORIES = ("writing", "coding", "support", "marketing", "sales", "legal", "research", "education",
              "operations", "finance", "hr", "product")
TAGS = ("email", "summary", "translation", "code", "review", "tone", "seo", "json", "classification",
        "extraction", "chat", "agent", "rag", "few-shot", "support", "refund", "onboarding", "social",
        "report", "meeting", "bugfix", "contract", "pricing", "feedback")
RARE = ("haiku", "kubernetes", "mortgage", "photosynthesis", "sonnet", "blockchain", "vegan", "origami",
        "astronomy", "calligraphy", "beekeeping", "chess", "volcano", "saxophone", "glacier", "falconry",
        "tapestry", "marathon", "espresso", "lighthouse")

COMMON_WORD = "customer"
RARE_WORD = "haiku"
TWO_WORDS = "translate email"
PREFIX = "summ"
TAG = "refund"
TAG_WORD = "ticket"
NO_MATCH = "zyzzogeton"


def ts(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (moment.microsecond // 1000)


def make_id(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def words(rng, lo, hi):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def prompts(rows):
    rng = random.Random(SEED)
    for i in range(rows):
        task, subject, audience = rng.choice(TASKS), rng.choice(SUBJECTS), rng.choice(AUDIENCES)
        rare = " Mention %s once." % rng.choice(RARE) if rng.random() < 0.001 else ""
        content = ("You are %s. %s the %s below for %s. %s.\n\n{{input}}\n\nKeep it under {{length}} words. "
                   "%s. %s.%s" % (rng.choice(ROLES), task.capitalize(), subject, audience,
                                  words(rng, 20, 50).capitalize(), words(rng, 15, 40).capitalize(),
                                  words(rng, 8, 20).capitalize(), rare))
        updated = START + timedelta(minutes=5 * i, seconds=rng.randint(0, 299))
        yield {
            "id": make_id(rng),
            "title": "%s %s for %s" % (task.capitalize(), subject, audience),
            "name": "prompt-%06d" % i,
            "description": words(rng, 10, 16).capitalize() + ".",
            "category": rng.choice(CATEGORIES),
            "tags": rng.sample(TAGS, rng.randint(1, 3)),
            "content": content,
            "created_at": updated - timedelta(days=rng.randint(0, 30)),
            "updated_at": updated,
        }


def seed_quire(path, owner, rows):
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA busy_timeout = 10000")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("BEGIN")
    seq = db.execute("SELECT seq FROM sync_state").fetchone()[0]
    columns = {r[1]: r for r in db.execute("PRAGMA table_info(prompts)")}
    insert, batch = None, []
    for p in prompts(rows):
        seq += 1
        values = dict(p, tags=json.dumps(p["tags"]), created_at=ts(p["created_at"]),
                      updated_at=ts(p["updated_at"]), owner_id=owner, kind="text", messages="[]", rev=seq)
        # Columns this seed does not fill get their declared default, or ''.
        for c, r in columns.items():
            if c not in values and c not in ("deleted", "deleted_at") and r[3] and r[4] is None:
                values[c] = ""
        names = sorted(values)
        insert = insert or "INSERT INTO prompts(%s) VALUES (%s)" % (", ".join(names), ", ".join("?" * len(names)))
        batch.append(tuple(values[n] for n in names))
        if len(batch) == 5000:
            db.executemany(insert, batch)
            batch = []
    if batch:
        db.executemany(insert, batch)
    db.execute("UPDATE sync_state SET seq = ?", (seq,))
    db.execute("COMMIT")
    db.close()


def seed_directus(path, rows):
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA busy_timeout = 10000")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("BEGIN")
    insert = ("INSERT INTO prompts(id, title, name, description, category, tags, content, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    batch = []
    for p in prompts(rows):
        # Directus keeps its dateTime fields in SQLite as milliseconds since 1970.
        batch.append((p["id"], p["title"], p["name"], p["description"], p["category"], json.dumps(p["tags"]),
                      p["content"], int(p["updated_at"].timestamp() * 1000)))
        if len(batch) == 5000:
            db.executemany(insert, batch)
            batch = []
    if batch:
        db.executemany(insert, batch)
    # Directus creates no index but the key; this one serves its sort.
    db.execute("CREATE INDEX prompts_updated_at ON prompts(updated_at)")
    db.execute("COMMIT")
    db.close()


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("quire", "directus", "facts"):
        sys.exit(__doc__)
    if sys.argv[1] == "facts":
        for name in ("COMMON_WORD", "RARE_WORD", "TWO_WORDS", "PREFIX", "TAG", "TAG_WORD", "NO_MATCH"):
            print("%s='%s'" % (name.lower(), globals()[name]))
    elif sys.argv[1] == "quire":
        seed_quire(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else ROWS)
    else:
        seed_directus(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else ROWS)


if __name__ == "__main__":
    main()
