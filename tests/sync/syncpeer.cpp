// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sync/syncpeer.h"

#include "desktop/core/authsession.h"
#include "desktop/core/contentstore.h"
#include "shared/database.h"
#include "shared/timestamp.h"
#include "shared/uuid.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"

#include <QEventLoop>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <algorithm>

namespace quire::test {

using desktop::ContentStore;
using desktop::SyncEngine;

SyncPeer::SyncPeer(const QString &profileDir)
    : m_profileDir(profileDir)
{
    auto ws = desktop::Workspace::open(profileDir);
    if (ws)
        m_ws = std::move(ws.value());
    else
        qWarning("cannot open profile %s: %s", qPrintable(profileDir), qPrintable(ws.error().message));
}

SyncPeer::~SyncPeer() = default;

void SyncPeer::connectTo(const ServerProcess &server)
{
    m_ws->useServer(server.url(), server.fingerprint());
}

void SyncPeer::reopen(const ServerProcess &server)
{
    m_ws.reset();
    auto ws = desktop::Workspace::open(m_profileDir);
    if (!ws) {
        qWarning("cannot reopen profile %s: %s", qPrintable(m_profileDir), qPrintable(ws.error().message));
        return;
    }
    m_ws = std::move(ws.value());
    connectTo(server);
    // As the app does on start: signed in again from the stored token.
    QEventLoop loop;
    m_ws->session().restore([&loop](const desktop::ApiReply &) { loop.quit(); });
    loop.exec();
}

bool SyncPeer::signIn(const QString &email, const QString &password)
{
    QEventLoop loop;
    bool ok = false;
    m_ws->session().signIn(email, password, [&](const desktop::ApiReply &reply) {
        ok = reply.ok();
        loop.quit();
    });
    loop.exec();
    return ok;
}

SyncEngine::State SyncPeer::sync(int timeoutMs)
{
    SyncEngine &engine = m_ws->sync();
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::roundFinished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    engine.syncNow();
    if (engine.state() == SyncEngine::State::Syncing)
        loop.exec();
    return engine.state();
}

QString SyncPeer::create(const QString &title, const QString &body)
{
    const nlohmann::json fields { { "title", title.toStdString() }, { "body", body.toStdString() } };
    shared::Result<QString> id = m_ws->content().create(ContentStore::articles(), fields, m_ws->accountId());
    if (!id) {
        qWarning("create failed: %s", qPrintable(id.error().message));
        return {};
    }
    return *id;
}

bool SyncPeer::edit(const QString &id, const nlohmann::json &fields)
{
    shared::VoidResult r = m_ws->content().update(ContentStore::articles(), id, fields);
    if (!r)
        qWarning("edit failed: %s", qPrintable(r.error().message));
    return r.ok();
}

bool SyncPeer::remove(const QString &id)
{
    return m_ws->content().remove(ContentStore::articles(), id).ok();
}

std::optional<nlohmann::json> SyncPeer::row(const QString &id)
{
    shared::Result<std::optional<nlohmann::json>> r = m_ws->content().get(ContentStore::articles(), id);
    return r ? *r : std::nullopt;
}

qint64 SyncPeer::count()
{
    shared::Result<QList<nlohmann::json>> rows
        = m_ws->content().list(ContentStore::articles(), { QStringLiteral("title") });
    return rows ? rows->size() : -1;
}

desktop::SyncStore::Status SyncPeer::status()
{
    shared::Result<desktop::SyncStore::Status> s = m_ws->syncStore().status();
    return s ? *s : desktop::SyncStore::Status {};
}

QList<desktop::SyncRecords::StoredConflict> SyncPeer::conflicts()
{
    auto c = m_ws->syncRecords().conflicts(false);
    return c ? *c : QList<desktop::SyncRecords::StoredConflict> {};
}

QString SyncPeer::lastError() const
{
    const auto e = m_ws->sync().lastError();
    return e ? e->code + QStringLiteral(": ") + e->message : QString();
}

QString fieldOf(const std::optional<nlohmann::json> &row, const char *field)
{
    return row ? QString::fromStdString(row->value(field, std::string())) : QString();
}

QString ReplicaPair::start(const QList<QPair<QString, QString>> &accounts, const QStringList &serverArgs)
{
    const QString data = dir.filePath(QStringLiteral("server"));
    for (const auto &[email, role] : accounts) {
        if (!createUser(data, email, role, kSyncTestPassword))
            return QStringLiteral("cannot create %1").arg(email);
    }
    ServerProcess::Options options;
    options.dataDir = data;
    options.extraArgs = serverArgs;
    if (!server.start(options))
        return server.errorString();
    a = std::make_unique<SyncPeer>(dir.filePath(QStringLiteral("a")));
    b = std::make_unique<SyncPeer>(dir.filePath(QStringLiteral("b")));
    a->connectTo(server);
    b->connectTo(server);
    if (!a->signIn(accounts.first().first, kSyncTestPassword) || !b->signIn(accounts.last().first, kSyncTestPassword))
        return QStringLiteral("sign-in failed");
    return {};
}

bool createUser(const QString &dataDir, const QString &email, const QString &role, const QString &password)
{
    const ServerProcess::RunResult r
        = ServerProcess::run({ QStringLiteral("create-user"), QStringLiteral("--data-dir"), dataDir,
                               QStringLiteral("--email"), email, QStringLiteral("--role"), role },
                             30'000, {}, password.toUtf8() + '\n');
    if (r.exitCode != 0)
        qWarning("create-user failed: %s", r.err.constData());
    return r.exitCode == 0;
}

} // namespace quire::test

namespace quire::test {

QString seedWord(int n)
{
    static const char *const syllables[] = { "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "pa" };
    QString word;
    for (int i = 0; i < 4; ++i, n /= 10)
        word += QLatin1String(syllables[n % 10]);
    return word + QLatin1String(syllables[n % 10]).left(1);
}

bool seedGuides(const QString &dataDir, const QString &ownerEmail, int count, int bodyBytes, bool published)
{
    auto db = TestDatabase::openDataDir(dataDir);
    if (!db)
        return false;
    shared::Database &d = **db;
    shared::Result<QVariant> owner = d.scalar(QStringLiteral("SELECT id FROM users WHERE email = ?"), { ownerEmail });
    if (!owner || owner->isNull())
        return false;
    quint32 state = 12345; // a fixed linear congruential sequence: the same corpus every run
    const auto next = [&state] { return (state = state * 1664525u + 1013904223u) >> 8; };
    const auto makeBody = [&] {
        QString body;
        body.reserve(bodyBytes + 16);
        while (body.size() < bodyBytes)
            body += seedWord(int(next() % 20'000)) + (next() % 12 == 0 ? QStringLiteral(".\n\n") : QStringLiteral(" "));
        return body;
    };
    const QString now = shared::Timestamp::format(QDateTime::currentDateTimeUtc());
    shared::VoidResult done = d.transaction([&]() -> shared::VoidResult {
        shared::Result<QVariant> head = d.scalar(QStringLiteral("SELECT seq FROM sync_state WHERE id = 1"));
        if (!head)
            return head.error();
        qint64 seq = head->toLongLong();
        // Many rows a statement: one round trip per row would take minutes
        // to a PostgreSQL server.
        constexpr int kRowsPerInsert = 100;
        const auto insertOf = [](int rows) {
            QStringList values;
            for (int r = 0; r < rows; ++r)
                values << QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            return QStringLiteral("INSERT INTO articles(id, title, body, status, owner_id, created_at, updated_at, "
                                  "rev, slug, published_at) VALUES ")
                + values.join(QStringLiteral(", "));
        };
        QSqlQuery full(d.handle());
        if (!full.prepare(insertOf(kRowsPerInsert)))
            return shared::Error::make(QStringLiteral("seed"), full.lastError().text());
        for (int first = 0; first < count; first += kRowsPerInsert) {
            const int rows = std::min(kRowsPerInsert, count - first);
            QVariantList binds;
            for (int i = first; i < first + rows; ++i) {
                binds << shared::Uuid::createV7()
                      << QStringLiteral("Seeded guide %1 %2").arg(i).arg(seedWord(int(next() % 20'000))) << makeBody()
                      << (published ? QStringLiteral("published") : QStringLiteral("draft")) << owner->toString() << now
                      << now << ++seq << QStringLiteral("seeded-%1").arg(i) << (published ? now : QStringLiteral(""));
            }
            if (rows < kRowsPerInsert) {
                if (shared::VoidResult r = d.run(insertOf(rows), binds); !r)
                    return r.error();
                continue;
            }
            for (qsizetype b = 0; b < binds.size(); ++b)
                full.bindValue(int(b), d.forBinding(binds[b]));
            if (!full.exec())
                return shared::Error::make(QStringLiteral("seed"), full.lastError().text());
        }
        return d.run(QStringLiteral("UPDATE sync_state SET seq = ? WHERE id = 1"), { seq });
    });
    return done.ok();
}

} // namespace quire::test
