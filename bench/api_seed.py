#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The data of bench/http_api.sh, written straight into each server's SQLite file.

The same generator (same seed) feeds both, so Quire and Directus hold the same
articles, users and categories:

  api_seed.py quire QUIRE_DB [ROWS]      after quire-server created its schema
  api_seed.py directus DIRECTUS_DB [ROWS] after Directus created `articles`
  api_seed.py facts                       what the scenarios filter and search for, as shell lines
  api_seed.py postgres QUIRE_DB URL       the rows seeded into QUIRE_DB copied into quire-server's
                                          PostgreSQL database at URL (after its schema exists)

Articles: about 60 % published, three in four guides, one category of 20, one
to four of 50 tags, an author of 1,000 users, 2-4 KiB of Markdown. One in a
hundred mentions SEARCH_WORD, a word no other text contains.
"""
import json
import random
import sqlite3
import subprocess
import sys
import uuid
from datetime import datetime, timedelta, timezone

ROWS = 100_000
USERS = 1000
SEED = 13
SEARCH_WORD = "lighthouse"
TAG = "tag-07"
CATEGORY_INDEX = 3  # the filtered list's category
START = datetime(2023, 1, 1, tzinfo=timezone.utc)

WORDS = """able about above account across action actually add address after again against agree
almost already although always among amount analysis another answer anyone appear apply approach
area argue around article artist assume attention audience author available avoid away balance
base beautiful become before begin behavior behind believe benefit better between beyond bill
board body book both break bring budget build business call camera campaign capital card care
career carry case catch cause center central century certain chair challenge chance change
character check choice choose church citizen clear close coach collection college color common
community company compare computer concern condition consider contain continue control cost
could country couple course court cover create crime cultural culture current customer cut dark
data daughter deal debate decade decide deep defense degree describe design detail determine
develop difference different difficult dinner direction discover discuss disease draft drive
early east easy economic edge editor education effect effort eight either election else
employee energy enjoy enough enter entire environment especially establish evening event
evidence exactly example executive exist expect experience expert explain factor family
feature federal feeling field figure final finally financial finger finish focus follow foot
force foreign forget form former forward free friend front full future garden general
generation glass goal great green ground group grow growth guess guide happen hard health heart
heavy help history hold home hope hospital hotel house however huge human idea identify image
imagine impact important improve include increase indeed indicate industry information inside
instead interest interview involve issue item itself join just keep kitchen know knowledge land
language large later laugh lawyer leader learn least leave legal less letter level light likely
line list listen little local long look lose loss machine magazine maintain major manage market
material matter maybe measure media medical meeting member memory mention message method middle
might military million mind minute miss mission model modern moment money month morning most
mother mouth move movie much music myself nation natural nature near nearly necessary network
never news next night none north note nothing notice number occur offer office often once only
open operation option order organization other outside owner page paper parent part partner
party pass past patient pattern peace people perform perhaps period person phone physical
picture piece place plan plant player point police policy political poor popular population
position positive possible power practice prepare present president pressure pretty prevent
price private probably problem process produce product professional program project property
protect prove provide public purpose push quality question quickly quite race radio raise range
rather reach read ready real reason receive recent record reduce reflect region relate remain
remember report represent require research resource respond result return reveal right rise
risk road rock role room rule safe same save scene school science score season seat second
section security seek sell send senior sense series serious serve service seven several share
shoulder show side sign similar simple simply since single sister site situation size skill
small social society soldier someone something sometimes song soon sort sound source south
space speak special specific speech spend sport spring staff stage stand standard star start
state station stay step still stock stop store story strategy street strong structure student
study stuff style subject success suddenly suffer suggest summer support sure surface system
table take talk task teach teacher team technology television tend term test thank theory
thing think third those though thought thousand threat three through throughout throw thus
today together tonight total tough toward town trade traditional training travel treat
treatment tree trial trip trouble true truth try turn type under understand unit until upon
usually value various very victim view visit voice vote wait walk wall want watch water weapon
wear week weight west western whatever whether which while white whole whose wide wife window
wish within without woman wonder word work worker world worry write writer wrong yard yeah year
young yourself""".split()
FIRST = "Ada Ben Cleo Dan Eva Finn Gus Hana Ivo Jana Kai Lena Milo Nora Otto Pia Quin Rosa Sami Tove".split()
LAST = "Abel Brandt Costa Dahl Egger Falk Gruber Holm Ito Jensen Kovac Lind Moreau Nagy Ortiz Petit".split()


def ts(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def directus_ms(moment):
    # Directus keeps its dateTime fields in SQLite as milliseconds since 1970.
    return int(moment.timestamp() * 1000)


def make_id(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def sentence(rng, lo, hi):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return " ".join(words).capitalize() + "."


class Data:
    def __init__(self, rows):
        rng = random.Random(SEED)
        base = START - timedelta(days=400)
        self.users = [
            {
                "id": make_id(rng),
                "first": FIRST[i % len(FIRST)],
                "last": "%s %d" % (LAST[(i // len(FIRST)) % len(LAST)], i),
                "email": "author%04d@example.com" % i,
                "created_at": base + timedelta(minutes=i),
            }
            for i in range(USERS)
        ]
        self.categories = [
            {"id": make_id(rng), "name": "Category %02d" % i, "slug": "category-%02d" % i} for i in range(20)
        ]
        self.tags = ["tag-%02d" % i for i in range(1, 51)]
        # Bodies are drawn from a pool of paragraphs: generating every word of
        # 300 MB of text would take longer than the benchmark.
        self.paragraphs = [" ".join(sentence(rng, 6, 14) for _ in range(rng.randint(3, 5))) for _ in range(3000)]
        self.rows = rows

    def articles(self):
        rng = random.Random(SEED + 1)
        others = ["draft", "in_review", "scheduled", "archived"]
        for i in range(self.rows):
            title = sentence(rng, 3, 7)[:-1]
            paras = rng.sample(self.paragraphs, rng.randint(8, 13))
            if i % 100 == 42:
                paras[0] = "The %s stands at the end of the pier. " % SEARCH_WORD + paras[0]
            body = "## %s\n\n%s\n\n- %s\n- %s\n- %s\n" % (
                sentence(rng, 2, 5)[:-1],
                "\n\n".join(paras),
                sentence(rng, 3, 6),
                sentence(rng, 3, 6),
                sentence(rng, 3, 6),
            )
            created = START + timedelta(minutes=15 * i + rng.randint(0, 14))
            status = "published" if rng.random() < 0.6 else rng.choice(others)
            published = created + timedelta(hours=rng.randint(1, 72)) if status == "published" else None
            updated = (published or created) + timedelta(hours=rng.randint(0, 500))
            yield {
                "id": make_id(rng),
                "title": title,
                "slug": "%s-%d" % ("-".join(title.lower().split()[:5]), i),
                "summary": sentence(rng, 12, 24),
                "body": body,
                "status": status,
                "kind": "guide" if rng.random() < 0.75 else "case_study",
                "category": self.categories[rng.randrange(len(self.categories))]["id"],
                "tags": sorted(rng.sample(self.tags, rng.randint(1, 4))),
                "author": self.users[rng.randrange(len(self.users))]["id"],
                "created_at": created,
                "published_at": published,
                "updated_at": updated,
            }


def seed_quire(path, data):
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA busy_timeout = 10000")
    db.execute("PRAGMA synchronous = OFF")
    table = "articles"
    columns = {r[1]: r for r in db.execute("PRAGMA table_info(%s)" % table)}
    db.execute("BEGIN")
    seq = db.execute("SELECT seq FROM sync_state").fetchone()[0]
    db.executemany(
        "INSERT INTO users(id, email, name, role, password_hash, created_at, updated_at) "
        "VALUES (?, ?, ?, 'author', '!', ?, ?)",
        [
            (u["id"], u["email"], "%s %s" % (u["first"], u["last"]), ts(u["created_at"]), ts(u["created_at"]))
            for u in data.users
        ],
    )
    owner = data.users[0]["id"]
    rows = []
    for c in data.categories:
        seq += 1
        rows.append((c["id"], c["name"], c["slug"], owner, ts(START), ts(START), seq))
    db.executemany(
        "INSERT INTO categories(id, name, slug, owner_id, created_at, updated_at, rev) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )

    def values(a):
        v = {
            "id": a["id"],
            "title": a["title"],
            "body": a["body"],
            "status": a["status"],
            "owner_id": a["author"],
            "created_at": ts(a["created_at"]),
            "updated_at": ts(a["updated_at"]),
            "kind": a["kind"],
            "slug": a["slug"],
            "summary": a["summary"],
            # Far ahead, so the scheduler publishes nothing during the run.
            "publish_at": "2099-01-01T00:00:00.000Z" if a["status"] == "scheduled" else "",
            "published_at": ts(a["published_at"]) if a["published_at"] else "",
            "categories": json.dumps([a["category"]]),
            "tags": json.dumps(a["tags"]),
        }
        return {k: x for k, x in v.items() if k in columns}

    names = None
    batch, revisions = [], []
    for a in data.articles():
        seq += 1
        v = values(a)
        if names is None:
            missing = [c for c, r in columns.items() if r[3] and r[4] is None and c not in v and c != "rev"]
            if missing:
                sys.exit("api_seed: %s has required columns this seed does not know: %s" % (table, missing))
            names = list(v) + ["rev"]
            insert = "INSERT INTO %s(%s) VALUES (%s)" % (table, ", ".join(names), ", ".join("?" * len(names)))
        batch.append(tuple(v[n] for n in names[:-1]) + (seq,))
        # Every change the API makes leaves its revision; the dashboard reads them.
        revisions.append((table, a["id"], seq, json.dumps(v), v["updated_at"], a["author"], "bench-seed"))
        if len(batch) == 5000:
            db.executemany(insert, batch)
            db.executemany("INSERT INTO sync_revisions(tbl, row_id, rev, data, created_at, user_id, client_id) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)", revisions)
            batch, revisions = [], []
    if batch:
        db.executemany(insert, batch)
        db.executemany("INSERT INTO sync_revisions(tbl, row_id, rev, data, created_at, user_id, client_id) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", revisions)
    db.execute("UPDATE sync_state SET seq = ?", (seq,))
    db.execute("COMMIT")
    db.close()


def seed_directus(path, data):
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA busy_timeout = 10000")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO directus_users(id, first_name, last_name, email, status, provider) "
        "VALUES (?, ?, ?, ?, 'active', 'default')",
        [(u["id"], u["first"], u["last"], u["email"]) for u in data.users],
    )
    insert = (
        "INSERT INTO articles(id, title, slug, summary, body, status, kind, category, tags, author, "
        "published_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    batch = []
    for a in data.articles():
        batch.append(
            (
                a["id"], a["title"], a["slug"], a["summary"], a["body"], a["status"], a["kind"], a["category"],
                json.dumps(a["tags"]), a["author"],
                directus_ms(a["published_at"]) if a["published_at"] else None, directus_ms(a["updated_at"]),
            )
        )
        if len(batch) == 5000:
            db.executemany(insert, batch)
            batch = []
    if batch:
        db.executemany(insert, batch)
    # Directus creates no index but the key; this is the one on the date field.
    db.execute("CREATE INDEX articles_published_at ON articles(published_at)")
    db.execute("COMMIT")
    db.close()


def copy_text(value):
    # One field of COPY's text format: NULL is \N, and backslash, tab and line ends are escaped.
    if value is None:
        return "\\N"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def copy_to_postgres(path, url):
    """The seeded rows of a Quire SQLite file, the very same, into quire-server's PostgreSQL database.

    Only what seed_quire wrote is copied (the console's admin exists on both
    sides already); PostgreSQL's triggers fill the search index and the counts
    as the rows arrive."""
    db = sqlite3.connect(path)
    pg_columns = {}
    listing = subprocess.run(
        ["psql", "-X", "-qAt", "-v", "ON_ERROR_STOP=1", "-d", url, "-c",
         "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"],
        check=True, capture_output=True, text=True).stdout
    for line in listing.splitlines():
        table, column = line.split("|")
        pg_columns.setdefault(table, set()).add(column)
    selections = [
        ("users", "password_hash = '!'"),
        ("categories", "1 = 1"),
        ("articles", "1 = 1"),
        ("sync_revisions", "client_id = 'bench-seed'"),
    ]
    psql = subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url], stdin=subprocess.PIPE, text=True)
    out = psql.stdin
    out.write("BEGIN;\n")
    for table, where in selections:
        columns = [r[1] for r in db.execute("PRAGMA table_info(%s)" % table) if r[1] in pg_columns.get(table, ())]
        out.write("COPY %s(%s) FROM STDIN;\n" % (table, ", ".join(columns)))
        for row in db.execute("SELECT %s FROM %s WHERE %s" % (", ".join(columns), table, where)):
            out.write("\t".join(copy_text(v) for v in row) + "\n")
        out.write("\\.\n")
    seq = db.execute("SELECT seq FROM sync_state").fetchone()[0]
    out.write("UPDATE sync_state SET seq = %d;\nCOMMIT;\nANALYZE;\n" % seq)
    out.close()
    if psql.wait() != 0:
        sys.exit("api_seed: copying into PostgreSQL failed")
    db.close()


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("quire", "directus", "facts", "postgres"):
        sys.exit(__doc__)
    if sys.argv[1] == "postgres":
        copy_to_postgres(sys.argv[2], sys.argv[3])
        return
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else ROWS
    data = Data(rows)
    if sys.argv[1] == "facts":
        print("search_word=%s" % SEARCH_WORD)
        print("tag=%s" % TAG)
        print("category=%s" % data.categories[CATEGORY_INDEX]["id"])
    elif sys.argv[1] == "quire":
        seed_quire(sys.argv[2], data)
    else:
        seed_directus(sys.argv[2], data)


if __name__ == "__main__":
    main()
