// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/cachedanswers.h"
#include "server/http/httpworker.h"
#include "server/http/listensockets.h"
#include "server/http/middleware.h"
#include "server/http/router.h"
#include "server/http/workerapplication.h"
#include "tests/support/testhttpclient.h"

#include <QMutex>
#include <QTest>
#include <QThread>

using namespace quire::server;
using quire::test::HttpResult;
using quire::test::TestHttpClient;

namespace quire::server {
// This test links the transport alone (quire_http), no feature: its
// application is the few lines below, and WorkerServices is its own.
class WorkerServices
{
};
} // namespace quire::server

namespace {

// What the steps, the handlers and the cache did, in order; written from
// the worker's thread, read from the test's.
class Trace
{
public:
    void add(const QString &entry)
    {
        QMutexLocker lock(&m_mutex);
        m_entries << entry;
    }
    QStringList take()
    {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_entries, {});
    }

private:
    QMutex m_mutex;
    QStringList m_entries;
};

// A step that writes down each call. Step "a" answers preflights on
// arrival, refuses /refused and signs the caller in as "u1"; every step
// marks each answer with its header.
class Step final : public Middleware
{
public:
    Step(QString name, Trace &trace)
        : m_name(std::move(name))
        , m_trace(trace)
    { }

    std::optional<HttpResponse> arrive(const HttpRequest &request) override
    {
        m_trace.add(m_name + QStringLiteral(".arrive"));
        if (m_name == QLatin1String("a") && request.method == QLatin1String("OPTIONS"))
            return HttpResponse::noContent();
        return std::nullopt;
    }
    std::optional<HttpResponse> before(HttpRequest &request, const Router::Route &) override
    {
        m_trace.add(m_name + QStringLiteral(".before"));
        if (m_name != QLatin1String("a"))
            return std::nullopt;
        if (request.path == QLatin1String("/refused"))
            return HttpResponse::error(403, QStringLiteral("refused"), QStringLiteral("Step a says no."));
        Principal who;
        who.userId = QStringLiteral("u1");
        who.emailVerified = true;
        request.principal = who;
        return std::nullopt;
    }
    void after(const HttpRequest &, HttpResponse &response) const override
    {
        m_trace.add(m_name + QStringLiteral(".after"));
        response.headers.append({ "X-Step-" + m_name.toLatin1(), QByteArrayLiteral("1") });
    }

private:
    QString m_name;
    Trace &m_trace;
};

// Keeps one page, /cached.
class Pages final : public CachedAnswers
{
public:
    explicit Pages(Trace &trace)
        : m_trace(trace)
    { }
    quint64 generation() const override { return 1; }
    bool answer(const HttpRequest &request, HttpResponse &response) const override
    {
        if (request.path != QLatin1String("/cached"))
            return false;
        m_trace.add(QStringLiteral("cache"));
        response.contentType = QByteArrayLiteral("text/plain");
        response.body = QByteArrayLiteral("kept");
        return true;
    }

private:
    Trace &m_trace;
};

class Application final : public WorkerApplication
{
public:
    explicit Application(Trace &trace)
        : m_a(QStringLiteral("a"), trace)
        , m_b(QStringLiteral("b"), trace)
        , m_chain { &m_a, &m_b }
    { }
    WorkerServices &services() override { return m_services; }
    const std::vector<Middleware *> &middleware() const override { return m_chain; }

private:
    WorkerServices m_services;
    Step m_a;
    Step m_b;
    std::vector<Middleware *> m_chain;
};

} // namespace

// The transport runs the application's middleware chain as the Middleware
// contract says (order, answers that end the chain, `after` on every
// answer) and serves CachedAnswers before routing, with no feature linked.
class TestMiddleware : public QObject
{
    Q_OBJECT
private:
    Trace m_trace;
    Pages m_pages { m_trace };
    Router m_router;
    std::unique_ptr<HttpWorker> m_worker;
    QThread m_thread;
    std::unique_ptr<TestHttpClient> m_client;

    // A request as written; `cookie` makes it one Qt parses (the front door
    // answers only simple requests, which carry no cookie).
    HttpResult send(const QByteArray &method, const QByteArray &path, bool cookie)
    {
        QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: localhost\r\n";
        if (cookie)
            request += "Cookie: a=b\r\n";
        return m_client->raw(request + "\r\n");
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_router.add(QStringLiteral("GET"), QStringLiteral("/hello"), [this](HttpRequest &request, WorkerServices &) {
            m_trace.add(QStringLiteral("handler"));
            return HttpResponse::json(
                200, { { "user", request.principal ? request.principal->userId.toStdString() : std::string() } });
        });
        m_router.add(QStringLiteral("GET"), QStringLiteral("/refused"), [this](HttpRequest &, WorkerServices &) {
            m_trace.add(QStringLiteral("handler"));
            return HttpResponse::noContent();
        });
        quire::shared::Result<ListenSockets> sockets = ListenSockets::open(QHostAddress::LocalHost, 0, 1);
        QVERIFY(sockets);
        HttpWorker::Settings settings;
        settings.router = &m_router;
        settings.idleMs = 30'000;
        settings.maxBody = 1024;
        settings.cache = &m_pages;
        const quint16 port = sockets->port();
        m_worker = std::make_unique<HttpWorker>(
            settings,
            [this](const WorkerApplication::Host &) -> quire::shared::Result<std::unique_ptr<WorkerApplication>> {
                return std::unique_ptr<WorkerApplication>(std::make_unique<Application>(m_trace));
            },
            sockets->release().front(), std::nullopt);
        m_worker->moveToThread(&m_thread);
        m_thread.start();
        quire::shared::VoidResult started;
        HttpWorker *worker = m_worker.get();
        QMetaObject::invokeMethod(
            worker, [worker, &started] { started = worker->start(); }, Qt::BlockingQueuedConnection);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        m_client = std::make_unique<TestHttpClient>(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), QString());
    }

    void cleanupTestCase()
    {
        if (HttpWorker *worker = m_worker.get()) {
            QMetaObject::invokeMethod(
                worker, [worker] { worker->stopAccepting(); }, Qt::BlockingQueuedConnection);
            QMetaObject::invokeMethod(
                worker, [worker] { worker->drainAndClose(1000); }, Qt::BlockingQueuedConnection);
        }
        m_thread.quit();
        m_thread.wait();
        m_worker.reset();
    }

    void init() { m_trace.take(); }

    void chain_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<bool>("cookie");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("trace");
        const QStringList after { QStringLiteral("a.after"), QStringLiteral("b.after") };
        const QStringList arrive { QStringLiteral("a.arrive"), QStringLiteral("b.arrive") };
        const QStringList handled
            = QStringList { QStringLiteral("a.before"), QStringLiteral("b.before"), QStringLiteral("handler") } + after;
        QTest::newRow("simple request, front door")
            << QByteArray("GET") << QByteArray("/hello") << false << 200 << handled;
        QTest::newRow("through Qt: arrive first")
            << QByteArray("GET") << QByteArray("/hello") << true << 200 << arrive + handled;
        QTest::newRow("a refuses: b and the handler never run")
            << QByteArray("GET") << QByteArray("/refused") << true << 403
            << arrive + QStringList { QStringLiteral("a.before") } + after;
        QTest::newRow("arrive answers before routing") << QByteArray("OPTIONS") << QByteArray("/nowhere") << true << 204
                                                       << QStringList { QStringLiteral("a.arrive") } + after;
        QTest::newRow("the transport's own 404 goes through after")
            << QByteArray("GET") << QByteArray("/nowhere") << false << 404 << after;
    }
    void chain()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(bool, cookie);
        QFETCH(int, status);
        QFETCH(QStringList, trace);
        const HttpResult r = send(method, path, cookie);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.status, status);
        QCOMPARE(m_trace.take(), trace);
        // Every answer, whoever made it, carries both steps' marks.
        QCOMPARE(r.header("X-Step-a"), QByteArray("1"));
        QCOMPARE(r.header("X-Step-b"), QByteArray("1"));
        if (status == 200)
            QCOMPARE(r.json().value("user", ""), "u1"); // what step a filled in reached the handler
    }

    void cachedAnswersSkipTheChain()
    {
        const HttpResult first = send("GET", "/cached", false);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.body, QByteArray("kept"));
        // Served before routing: no `before`, but `after` marks it.
        QCOMPARE(m_trace.take(),
                 (QStringList { QStringLiteral("cache"), QStringLiteral("a.after"), QStringLiteral("b.after") }));
        QCOMPARE(first.header("X-Step-a"), QByteArray("1"));
        // The assembled answer is reused for the same generation, marks included.
        const HttpResult again = send("GET", "/cached", false);
        QCOMPARE(again.body, QByteArray("kept"));
        QCOMPARE(again.header("X-Step-b"), QByteArray("1"));
        QCOMPARE(m_trace.take(), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestMiddleware)
#include "tst_middleware.moc"
