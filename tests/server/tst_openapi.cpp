// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/apidocs/apireference.h"
#include "server/apidocs/openapidocument.h"
#include "server/http/router.h"
#include "server/serverroutes.h"
#include "shared/jsonqt.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QSet>
#include <QTest>

using namespace quire;
using namespace quire::server;
using quire::test::ServerProcess;
using quire::test::TestHttpClient;

namespace {

bool anyContains(const QStringList &problems, const QString &part)
{
    for (const QString &p : problems) {
        if (p.contains(part))
            return true;
    }
    return false;
}

} // namespace

// The API's description against the router's real table, both ways, on the
// real server; its structure; and the reference page made from it.
class TestOpenApi : public QObject
{
    Q_OBJECT
private:
    ServerProcess m_server;
    std::unique_ptr<TestHttpClient> m_http;
    Router m_router;
    nlohmann::json m_operations;
    nlohmann::json m_base;
    nlohmann::json m_served;

private Q_SLOTS:
    void initTestCase()
    {
        ServerRoutes::installAll(m_router);
        shared::Result<nlohmann::json> operations = OpenApiDocument::builtinOperations();
        QVERIFY2(operations, qPrintable(operations ? QString() : operations.error().message));
        m_operations = *operations;
        shared::Result<nlohmann::json> base = OpenApiDocument::builtinBase();
        QVERIFY2(base, qPrintable(base ? QString() : base.error().message));
        m_base = *base;
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_http = std::make_unique<TestHttpClient>(m_server.url(), m_server.fingerprint());
        const quire::test::HttpResult r = m_http->get(QLatin1String(ApiReference::kDocumentPath));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
        m_served = r.json();
        QVERIFY(m_served.is_object());
    }

    // The hand-kept entries and the table agree, both ways: a new route
    // without an entry, or an entry whose route went, fails here.
    void everyRouteDocumentedAndEveryEntryRouted()
    {
        const QStringList problems = OpenApiDocument::check(m_router.routes(), m_operations, m_base);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // What the running server serves has exactly the table's API routes.
    void servedDocumentIsTheRouteTable()
    {
        QSet<QString> fromRoutes;
        for (const Router::Route &route : m_router.routes()) {
            if (OpenApiDocument::isApiRoute(route))
                fromRoutes.insert(route.method.toLower() + QLatin1Char(' ') + OpenApiDocument::openApiPath(route));
        }
        QSet<QString> served;
        for (auto path = m_served["paths"].begin(); path != m_served["paths"].end(); ++path) {
            for (auto op = path->begin(); op != path->end(); ++op)
                served.insert(QString::fromStdString(op.key() + ' ' + path.key()));
        }
        QVERIFY(fromRoutes.size() > 150);
        QCOMPARE(served - fromRoutes, QSet<QString>());
        QCOMPARE(fromRoutes - served, QSet<QString>());
        QVERIFY(served.contains(QStringLiteral("get /api/v1/prompts/{id}")));
        QVERIFY(!served.contains(QStringLiteral("get /guides/{slug}"))); // the site is not the API
        // The guard is read from the table, not written twice.
        const nlohmann::json &fetch = m_served["paths"]["/api/v1/prompts/by-name/{name}"]["get"];
        QCOMPARE(fetch["x-quire-api-key-scope"].get<QString>(), QStringLiteral("prompts:read"));
        QCOMPARE(fetch["security"].size(), 2u);
        QVERIFY(m_served["paths"]["/health"]["get"]["security"].empty());
    }

    // `quire-server routes` lists the same table the tests build.
    void routesCommandListsTheTable()
    {
        const ServerProcess::RunResult run = ServerProcess::run({ QStringLiteral("routes") });
        QCOMPARE(run.exitCode, 0);
        QStringList expected;
        for (const Router::Route &route : m_router.routes())
            expected << route.method + QLatin1Char(' ') + QString::fromLatin1(route.pattern);
        QCOMPARE(QString::fromUtf8(run.out).trimmed().split(QLatin1Char('\n')), expected);
    }

    void servedDocumentIsStructurallySound()
    {
        const QStringList problems = OpenApiDocument::structuralProblems(m_served);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(m_served["openapi"].get<QString>(), QStringLiteral("3.1.0"));
        // Every error code a client can meet is in the Error schema's enum.
        const nlohmann::json &codes
            = m_served["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"];
        QVERIFY(std::find(codes.begin(), codes.end(), "rev_mismatch") != codes.end());
        // A branch merge's clash is a declared code, documented with its 409.
        QVERIFY(std::find(codes.begin(), codes.end(), "merge_conflict") != codes.end());
        QVERIFY(m_served["paths"]["/api/v1/prompts/{id}/merge"]["post"]["responses"].contains("409"));
    }

    // The checks themselves: each kind of drift is named.
    void checkFindsDrift_data()
    {
        QTest::addColumn<QString>("drift");
        QTest::addColumn<QString>("named");
        QTest::newRow("route without an entry") << "route"
                                                << "undocumented route: GET /api/v1/not-described";
        QTest::newRow("entry without a route") << "entry"
                                               << "documented route that does not exist: GET /api/v1/gone";
        QTest::newRow("unknown error code") << "code"
                                            << "unknown error code \"no_such_code\"";
        QTest::newRow("unknown query parameter") << "query"
                                                 << "unknown query parameter \"nope\"";
        QTest::newRow("JSON body without a schema") << "request"
                                                    << "a request schema is missing";
        QTest::newRow("unknown schema") << "schema"
                                        << "no schema Nothing";
    }
    void checkFindsDrift()
    {
        QFETCH(QString, drift);
        QFETCH(QString, named);
        Router router;
        ServerRoutes::installAll(router);
        nlohmann::json operations = m_operations;
        if (drift == QLatin1String("route"))
            router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/not-described"),
                       [](HttpRequest &, WorkerServices &) { return HttpResponse::noContent(); });
        else if (drift == QLatin1String("entry"))
            operations["GET /api/v1/gone"] = { { "id", "gone" }, { "tag", "System" }, { "summary", "Gone" } };
        else if (drift == QLatin1String("code"))
            operations["GET /api/v1/prompts/:id"]["errors"] = { "no_such_code" };
        else if (drift == QLatin1String("query"))
            operations["GET /api/v1/prompts"]["query"] = { "nope" };
        else if (drift == QLatin1String("request"))
            operations["POST /api/v1/prompts"].erase("request");
        else
            operations["GET /api/v1/prompts/:id"]["response"] = "Nothing";
        const QStringList problems = OpenApiDocument::check(router.routes(), operations, m_base);
        QVERIFY2(anyContains(problems, named), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void structuralCheckFindsFaults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("named");
        QTest::newRow("version") << "version"
                                 << "openapi is not";
        QTest::newRow("dangling $ref") << "ref"
                                       << "unresolved $ref #/components/schemas/Missing";
        QTest::newRow("operationId twice") << "id"
                                           << "used twice";
        QTest::newRow("no responses") << "responses"
                                      << "no responses";
        QTest::newRow("empty path item") << "empty"
                                         << "/api/v1/empty: no operations";
        QTest::newRow("undeclared path parameter") << "param"
                                                   << "path parameter {id} not declared";
    }
    void structuralCheckFindsFaults()
    {
        QFETCH(QString, fault);
        QFETCH(QString, named);
        nlohmann::json doc = m_served;
        nlohmann::json &prompt = doc["paths"]["/api/v1/prompts/{id}"];
        if (fault == QLatin1String("version"))
            doc["openapi"] = "3.0.3";
        else if (fault == QLatin1String("ref"))
            prompt["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
                = "#/components/schemas/Missing";
        else if (fault == QLatin1String("id"))
            prompt["put"]["operationId"] = prompt["get"]["operationId"];
        else if (fault == QLatin1String("responses"))
            prompt["get"]["responses"] = nlohmann::json::object();
        else if (fault == QLatin1String("empty"))
            doc["paths"]["/api/v1/empty"] = nlohmann::json::object();
        else
            prompt["get"]["parameters"] = nlohmann::json::array();
        QVERIFY(OpenApiDocument::structuralProblems(m_served).isEmpty());
        const QStringList problems = OpenApiDocument::structuralProblems(doc);
        QVERIFY2(anyContains(problems, named), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // The page lists every operation, with no script, in the site's style.
    void referencePageListsEveryOperation()
    {
        const quire::test::HttpResult r = m_http->get(QLatin1String(ApiReference::kPagePath));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
        QVERIFY(!r.body.contains("<script"));
        QVERIFY(r.body.contains("/assets/site.css"));
        int operations = 0;
        for (auto path = m_served["paths"].begin(); path != m_served["paths"].end(); ++path) {
            for (auto op = path->begin(); op != path->end(); ++op) {
                ++operations;
                const QByteArray anchor = "id=\"" + QByteArray::fromStdString(op->value("operationId", "")) + '"';
                QVERIFY2(r.body.contains(anchor), anchor.constData());
                const QByteArray line = QString::fromStdString(op.key() + ' ' + path.key()).toUpper().toUtf8();
                QVERIFY2(r.body.contains(QByteArray::fromStdString(path.key())), line.constData());
            }
        }
        QCOMPARE(r.body.count("<dt id="), operations);
        QVERIFY(r.body.contains(QByteArray::number(operations) + " operations"));
    }

    // Words in the document are text on the page, never markup.
    void referencePageEscapes()
    {
        nlohmann::json doc = m_served;
        doc["info"]["title"] = "<b>Title</b>";
        doc["paths"]["/api/v1/prompts/{id}"]["get"]["summary"] = "<script>alert(1)</script> & more";
        const shared::Result<QByteArray> html = ApiReference::renderPage(doc, QStringLiteral("Site <i>"));
        QVERIFY(html);
        QVERIFY(!html->contains("<script>"));
        QVERIFY(!html->contains("<b>Title"));
        QVERIFY(!html->contains("Site <i>"));
        QVERIFY(html->contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
