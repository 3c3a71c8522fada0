// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes every route of quire-server that takes a JSON body, through the
// real route table and handlers over a real (temporary) SQLite database,
// as an admin. The input is a first line that picks the route, then the
// body. The line is "METHOD /pattern N" (as in fuzz/corpus/fuzz_jsonroutes,
// so seeds keep their route when routes are added); any other line picks a
// route and the path parameters by its hash. N picks the value of the path
// parameters: an existing user or article, an unknown id, junk. The body
// goes through the worker's intake (size limit, JSON parsing) and then the
// route's handler. A finding is any exception that escapes, a 500, an
// answer that never comes, or an error that is not the API's JSON envelope.
// GET /api/v1/sync/pull, the other half of sync, is in the table too, with
// the body as its query.
//
// Every input starts from the same database (a copy of one prepared at
// start-up), so a finding replays alone.
#include "server/accounts/accountstore.h"
#include "server/accounts/passwordhasher.h"
#include "server/accounts/ratelimiter.h"
#include "server/http/httpmessage.h"
#include "server/http/requestscope.h"
#include "server/http/router.h"
#include "server/mail/mailer.h"
#include "server/servercontext.h"
#include "server/servermigrations.h"
#include "server/serverroutes.h"
#include "server/site/pagecache.h"
#include "server/sync/changefeed.h"
#include "shared/apierror.h"
#include "shared/database.h"
#include "shared/declaredschema.h"
#include "shared/migrator.h"
#include "shared/strictjson.h"
#include "shared/uuid.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

using namespace quire::server;
using quire::shared::Database;

// How long an asynchronous route (sign-in, password change) may take.
constexpr int kAnswerMs = 10'000;

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "fuzz_jsonroutes: %s\n", qPrintable(what));
    std::abort();
}

template<typename T> T check(quire::shared::Result<T> result, const char *what)
{
    if (!result)
        fail(QStringLiteral("setup: %1: %2").arg(QLatin1String(what), result.error().message));
    return std::move(*result);
}

// Mail is handed over and dropped: the fuzzer is about the requests.
class DiscardTransport final : public MailTransport
{
public:
    quire::shared::VoidResult deliver(const QString &, const QString &, const QByteArray &) override
    {
        return quire::shared::VoidResult::success();
    }
};

// A route to fuzz, and where the input goes.
struct Target
{
    const Router::Route *route = nullptr;
    bool queryFromInput = false; // the pull route: the input is its query
};

class Harness
{
public:
    Harness();

    void run(const std::uint8_t *data, std::size_t size);

private:
    std::unique_ptr<Database> freshDatabase();
    HttpResponse call(const Router::Route &route, HttpRequest &request, WorkerServices &services);
    // The worker's intake for a JSON body: the size limit, then the parser.
    std::optional<HttpResponse> intake(HttpRequest &request) const;

    QTemporaryDir m_dir;
    QString m_pristine;
    Router m_router;
    PasswordHasher m_hasher { PasswordHasher::Params { 1, 8192 } };
    RateLimiter m_limiter { 1e6 }; // limits are tested elsewhere; here they would hide the handlers
    ChangeFeed m_changes;
    PageCache m_pages;
    Mailer m_mailer { QStringLiteral("Quire <quire@localhost>"), std::make_unique<DiscardTransport>() };
    ServerContext m_context;
    QObject m_thread;
    QList<Target> m_targets;
    QStringList m_ids; // path parameter values
    Principal m_admin;
};

Harness::Harness()
    : m_dir(QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm/quire-fuzz-XXXXXX")
                                                      : QDir::temp().filePath(QStringLiteral("quire-fuzz-XXXXXX")))
{
    if (!m_dir.isValid())
        fail(QStringLiteral("setup: no temporary directory"));
    m_context.config.dataDir = m_dir.path();
    m_context.version = QStringLiteral("fuzz");
    m_context.siteName = QStringLiteral("Quire");
    m_context.publicBaseUrl = QStringLiteral("https://quire.invalid");
    m_context.hasher = &m_hasher;
    m_context.limiter = &m_limiter;
    m_context.mailer = &m_mailer;
    m_context.changes = &m_changes;
    m_context.pages = &m_pages;
    ServerRoutes::installAll(m_router);

    m_pristine = m_dir.filePath(QStringLiteral("pristine.db"));
    {
        std::unique_ptr<Database> db = check(Database::openSqlite(m_pristine), "open");
        quire::shared::Migrator migrator(*db, serverMigrations());
        check(migrator.migrate(), "migrate");
        // As the server opens its database: the numbered migrations, then
        // what the declared tables derive (their columns, indexes, items).
        if (quire::shared::VoidResult derived
            = quire::shared::DeclaredSchema(quire::shared::DeclaredSchema::Side::Server).apply(*db);
            !derived)
            fail(QStringLiteral("setup: declared schema: %1").arg(derived.error().message));
        m_context.epoch
            = check(db->scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'")), "epoch")
                  .toString();
        AccountStore accounts(*db);
        const QByteArray hash = check(m_hasher.hash("correct horse battery staple"), "hash");
        const StoredUser admin = check(accounts.insertUser(QStringLiteral("admin@quire.test"), QStringLiteral("Admin"),
                                                           quire::shared::Role::Admin, hash, true),
                                       "admin");
        const StoredUser author
            = check(accounts.insertUser(QStringLiteral("author@quire.test"), QStringLiteral("Author"),
                                        quire::shared::Role::Author, hash, true),
                    "author");
        const IssuedTokens tokens = check(
            accounts.createSession(admin.user.id, QStringLiteral("127.0.0.1"), QStringLiteral("fuzz")), "session");
        std::optional<Principal> principal = check(accounts.authenticate(tokens.accessToken), "authenticate");
        if (!principal)
            fail(QStringLiteral("setup: the admin's session does not authenticate"));
        m_admin = *principal;
        m_ids << admin.user.id << author.user.id;

        // One article of each kind, made through the routes themselves.
        WorkerServices services(m_context, *db, &m_thread, std::make_shared<AccountStore>(*db));
        for (const QString &kind : { QStringLiteral("guides"), QStringLiteral("case-studies") }) {
            HttpRequest request;
            request.method = QStringLiteral("POST");
            request.path = QStringLiteral("/api/v1/") + kind;
            request.json = { { "title", "Seed" }, { "body", "# Seed\n\nText.\n" } };
            request.principal = m_admin;
            const Router::Match match = m_router.match(request.method, request.path);
            if (!match.route)
                fail(QStringLiteral("setup: no route for %1").arg(request.path));
            const HttpResponse created = call(*match.route, request, services);
            if (created.status != 201)
                fail(QStringLiteral("setup: creating a seed article answered %1: %2")
                         .arg(created.status)
                         .arg(QString::fromUtf8(created.body)));
            m_ids << QString::fromStdString(nlohmann::json::parse(created.body.toStdString()).value("id", ""));
        }
    }
    m_ids << quire::shared::Uuid::createV7() << QStringLiteral("not-an-id") << QString();

    for (const Router::Route &route : m_router.routes()) {
        if (route.body == Router::BodyKind::Json)
            m_targets.append({ &route, false });
    }
    const Router::Match pull = m_router.match(QStringLiteral("GET"), QStringLiteral("/api/v1/sync/pull"));
    if (!pull.route)
        fail(QStringLiteral("setup: no pull route"));
    m_targets.append({ pull.route, true });
}

std::unique_ptr<Database> Harness::freshDatabase()
{
    const QString path = m_dir.filePath(QStringLiteral("quire.db"));
    for (const char *suffix : { "", "-wal", "-shm" })
        QFile::remove(path + QLatin1String(suffix));
    if (!QFile::copy(m_pristine, path))
        fail(QStringLiteral("cannot copy the database"));
    std::unique_ptr<Database> db = check(Database::openSqlite(path), "open copy");
    // Nothing here needs to survive a power cut; fsync would only slow the fuzzer.
    check(db->exec(QStringLiteral("PRAGMA synchronous=OFF")), "pragma");
    return db;
}

std::optional<HttpResponse> Harness::intake(HttpRequest &request) const
{
    if (request.body.size() > m_context.config.maxBodyBytes)
        return HttpResponse::error(413, QStringLiteral("payload_too_large"), QStringLiteral("too large"));
    // As HttpWorker::intake reads a JSON body.
    quire::shared::Result<nlohmann::json> json = quire::shared::StrictJson::parse(request.body);
    if (!json)
        return HttpResponse::error(400, json.error());
    request.json = std::move(json.value());
    return std::nullopt;
}

HttpResponse Harness::call(const Router::Route &route, HttpRequest &request, WorkerServices &services)
{
    // No try: an exception that escapes a handler is a finding. The worker
    // would answer 500; here it stops the fuzzer, also when it comes from
    // the hashing pool's callback, which reports it to the request's scope.
    const RequestScope scope([](const char *what) {
        fail(QStringLiteral("an exception escaped a handler: %1").arg(QString::fromUtf8(what)));
    });
    if (route.handler)
        return route.handler(request, services);
    std::optional<HttpResponse> answer;
    route.asyncHandler(request, services, [&answer](HttpResponse response) {
        if (answer)
            fail(QStringLiteral("a request was answered twice"));
        answer = std::move(response);
    });
    const QDeadlineTimer deadline(kAnswerMs);
    while (!answer && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    if (!answer)
        fail(QStringLiteral("%1 %2 never answered").arg(request.method, request.path));
    return std::move(*answer);
}

void Harness::run(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray selector = newline < 0 ? input : input.left(newline);
    const QByteArray rest = newline < 0 ? QByteArray() : input.mid(newline + 1);
    const QList<QByteArray> words = selector.split(' ');
    std::uint32_t pick = 2166136261u; // FNV-1a: the same on every run, unlike qHash
    for (const char c : selector)
        pick = (pick ^ std::uint8_t(c)) * 16777619u;
    const Target *found = &m_targets[pick % std::uint32_t(m_targets.size())];
    std::uint32_t idIndex = pick >> 8;
    for (const Target &target : m_targets) {
        if (words.size() >= 2 && target.route->method.toLatin1() == words[0]
            && QLatin1Char('/') + target.route->segments.join(QLatin1Char('/')) == QString::fromLatin1(words[1])) {
            found = &target;
            idIndex = words.value(2).toUInt();
        }
    }
    const Target &target = *found;
    const Router::Route &route = *target.route;
    const QString &id = m_ids[idIndex % std::uint32_t(m_ids.size())];

    HttpRequest request;
    request.method = route.method;
    QStringList segments;
    for (const QString &segment : route.segments) {
        if (segment.startsWith(QLatin1Char(':'))) {
            request.params.insert(segment.mid(1), id);
            segments << id;
        } else {
            segments << segment;
        }
    }
    request.path = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    request.headers = { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") },
                        { QByteArrayLiteral("User-Agent"), QByteArrayLiteral("fuzz") } };
    request.requestId = QStringLiteral("fuzz");
    request.remoteAddress = QHostAddress(QStringLiteral("127.0.0.1"));
    request.secure = true;
    request.principal = m_admin;

    std::unique_ptr<Database> db = freshDatabase();
    WorkerServices services(m_context, *db, &m_thread, std::make_shared<AccountStore>(*db));
    HttpResponse response;
    if (target.queryFromInput) {
        request.query = QUrlQuery(QString::fromUtf8(rest));
        response = call(route, request, services);
    } else {
        request.body = rest;
        std::optional<HttpResponse> early = intake(request);
        response = early ? std::move(*early) : call(route, request, services);
    }
    const QString said = QStringLiteral("%1 %2 answered %3: %4")
                             .arg(request.method, request.path)
                             .arg(response.status)
                             .arg(QString::fromUtf8(response.body.left(2000)));
    if (response.status >= 500)
        fail(said);
    if (response.status >= 400 && !quire::shared::ApiError::parse(response.body))
        fail(QStringLiteral("not the error envelope: ") + said);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    // Refusals are the normal case here; only critical lines are worth printing.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false\n*.warning=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static Harness harness;
    harness.run(data, size);
    return 0;
}
