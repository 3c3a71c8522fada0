// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/router.h"

#include <QTest>

using namespace quire::server;

// Route matching: literals, parameters, 404 versus 405.
class TestRouter : public QObject
{
    Q_OBJECT
private:
    Router m_router;

    static Router::Handler tag(int n)
    {
        return [n](HttpRequest &, WorkerServices &) { return HttpResponse::json(200, { { "route", n } }); };
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_router.add(QStringLiteral("GET"), QStringLiteral("/health"), tag(1));
        m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/guides"), tag(2));
        m_router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/guides"), tag(3), Router::BodyKind::Json);
        m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/guides/:id"), tag(4));
        m_router.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/guides/:id"), tag(5));
        m_router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/guides/:id/publish"), tag(6));
    }

    void match_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("route"); // the matched route, empty: none
        QTest::addColumn<QString>("allowed");
        QTest::addColumn<QString>("id");
        auto row = [](const char *name, const char *method, const char *path, const char *route, const char *allowed,
                      const char *id) {
            QTest::newRow(name) << QString::fromLatin1(method) << QString::fromLatin1(path)
                                << QString::fromLatin1(route) << QString::fromLatin1(allowed)
                                << QString::fromLatin1(id);
        };
        row("health", "GET", "/health", "GET health", "", "");
        row("head uses get", "HEAD", "/health", "GET health", "", "");
        row("list", "GET", "/api/v1/guides", "GET api/v1/guides", "", "");
        row("create", "POST", "/api/v1/guides", "POST api/v1/guides", "", "");
        row("get one", "GET", "/api/v1/guides/abc", "GET api/v1/guides/:id", "", "abc");
        row("delete one", "DELETE", "/api/v1/guides/abc", "DELETE api/v1/guides/:id", "", "abc");
        row("publish", "POST", "/api/v1/guides/x1/publish", "POST api/v1/guides/:id/publish", "", "x1");
        row("wrong method", "PUT", "/api/v1/guides/abc", "", "GET, DELETE", "");
        row("wrong method list", "DELETE", "/api/v1/guides", "", "GET, POST", "");
        row("unknown", "GET", "/api/v1/nothing", "", "", "");
        row("too deep", "GET", "/api/v1/guides/a/b", "", "", "");
        row("prefix only", "GET", "/api", "", "", "");
    }

    void match()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, route);
        QFETCH(QString, allowed);
        QFETCH(QString, id);
        const Router::Match m = m_router.match(method, path);
        if (route.isEmpty()) {
            QVERIFY(!m.route);
            QCOMPARE(m.allowedMethods.join(QLatin1String(", ")), allowed);
            return;
        }
        QVERIFY(m.route);
        QCOMPARE(m.route->method + QLatin1Char(' ') + m.route->segments.join(QLatin1Char('/')), route);
        QCOMPARE(m.params.value(QStringLiteral("id")), id);
    }

    void jsonRoutesAreMarked()
    {
        QCOMPARE(m_router.match(QStringLiteral("POST"), QStringLiteral("/api/v1/guides")).route->body,
                 Router::BodyKind::Json);
        QCOMPARE(m_router.match(QStringLiteral("GET"), QStringLiteral("/api/v1/guides")).route->body,
                 Router::BodyKind::None);
    }

    // What a CORS preflight allows: every method of the table, once each.
    void methodsComeFromTheTable()
    {
        QCOMPARE(m_router.methods(),
                 QStringList({ QStringLiteral("DELETE"), QStringLiteral("GET"), QStringLiteral("POST") }));
        Router more;
        more.add(QStringLiteral("PATCH"), QStringLiteral("/api/v1/guides/:id"), tag(7));
        more.addAsync(QStringLiteral("PUT"), QStringLiteral("/api/v1/users/me"), {});
        QCOMPARE(more.methods(), QStringList({ QStringLiteral("PATCH"), QStringLiteral("PUT") }));
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
