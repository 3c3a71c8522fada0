// SPDX-License-Identifier: GPL-3.0-or-later
// POST /api/v1/prompts/:id/run against the real server configured to a
// local fake provider (tests/support/fakechatprovider.h): the rendered
// prompt reaches the provider in the right shape, the answer is kept in the
// usage history, render errors never reach the provider, the provider's
// failures come back as clear 502/504 errors, a server without a provider
// says so in /health and with 404, and the key is in no log and no answer.
#include "shared/prompttables.h"
#include "shared/uuid.h"
#include "tests/server/accounts/accountfixture.h"
#include "tests/support/fakechatprovider.h"

#include <QTcpServer>
#include <QTest>

using quire::test::AccountFixture;
using quire::test::FakeChatProvider;
using quire::test::HttpResult;
using json = nlohmann::json;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple 42");
const QByteArray kKey = QByteArrayLiteral("sk-quire-test-0123456789abcdef");

QByteArray body(const json &j)
{
    return QByteArray::fromStdString(j.dump());
}

QString runPath(const QString &promptId)
{
    return QStringLiteral("/api/v1/prompts/%1/run").arg(promptId);
}

QString codeOf(const HttpResult &r)
{
    return QString::fromStdString(r.json()["error"].value("code", std::string()));
}

} // namespace

class TestPromptRun : public QObject
{
    Q_OBJECT
private:
    FakeChatProvider m_fake { kKey };
    AccountFixture m_fx;
    QByteArray m_token;
    QByteArray m_otherToken;
    QHash<QString, QString> m_prompts; // by name: text, chat, labelled, others

    // A replica's push of one upsert as `token`; true when applied.
    bool push(const QByteArray &token, const QString &table, const QString &rowId, const json &fields)
    {
        const HttpResult r = m_fx.pushUpsert(token, table, rowId, fields);
        if (r.status != 200 || r.json()["results"][0]["outcome"] != "applied") {
            qWarning("push to %s failed: %d %s", qPrintable(table), r.status, r.body.constData());
            return false;
        }
        return true;
    }

    QString addPrompt(const QByteArray &token, const json &fields)
    {
        const QString id = quire::shared::Uuid::createV7();
        return push(token, quire::shared::promptsTable(), id, fields) ? id : QString();
    }

    HttpResult run(const QString &promptId, const json &request, const QByteArray &token = {})
    {
        return m_fx.call("POST", runPath(promptId), token.isEmpty() ? m_token : token, body(request));
    }

    // Starts a server of its own with `extraArgs` and one user; its token.
    static QByteArray startOther(AccountFixture &fx, const QStringList &extraArgs)
    {
        quire::test::ServerProcess::Options options;
        options.extraArgs = extraArgs;
        if (!fx.start(options)
            || !fx.createUser(QStringLiteral("solo@example.org"), QStringLiteral("author"), kPassword))
            return {};
        return fx.token(QStringLiteral("solo@example.org"), kPassword);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_fake.start());
        quire::test::ServerProcess::Options options;
        options.extraArgs = { QStringLiteral("--provider-url"),
                              m_fake.baseUrl().toString(),
                              QStringLiteral("--provider-model"),
                              QStringLiteral("fake-default"),
                              QStringLiteral("--provider-timeout-seconds"),
                              QStringLiteral("1") };
        options.env.insert(QStringLiteral("QUIRE_PROVIDER_KEY"), QString::fromLatin1(kKey));
        // Every log line the server has, so "the key is in no log" means something.
        options.env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("quire.*=true"));
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
        QVERIFY(m_fx.createUser(QStringLiteral("author@example.org"), QStringLiteral("author"), kPassword));
        QVERIFY(m_fx.createUser(QStringLiteral("other@example.org"), QStringLiteral("author"), kPassword));
        m_token = m_fx.token(QStringLiteral("author@example.org"), kPassword);
        m_otherToken = m_fx.token(QStringLiteral("other@example.org"), kPassword);
        QVERIFY(!m_token.isEmpty() && !m_otherToken.isEmpty());

        m_prompts[QStringLiteral("text")]
            = addPrompt(m_token, { { "title", "Greeting" }, { "content", "Say hello to {{name}}." } });
        const json messages = json::array({ { { "role", "system" }, { "content", "You are terse." } },
                                            { { "role", "user" }, { "content", "Summarise {{topic}}." } } });
        m_prompts[QStringLiteral("chat")] = addPrompt(m_token,
                                                      { { "title", "Summary" },
                                                        { "kind", "chat" },
                                                        { "messages", messages.dump() },
                                                        { "model", "chat-model" },
                                                        { "temperature", "0.5" },
                                                        { "max_tokens", "50" } });
        // Includes resolve among the caller's prompts by name.
        QVERIFY(!addPrompt(m_token, { { "title", "Signature" }, { "name", "sig" }, { "content", "-- {{author}}" } })
                     .isEmpty());
        m_prompts[QStringLiteral("including")]
            = addPrompt(m_token, { { "title", "Letter" }, { "content", "Dear {{name}},\n{{> sig}}" } });
        m_prompts[QStringLiteral("broken include")]
            = addPrompt(m_token, { { "title", "Broken" }, { "content", "{{> nowhere}}" } });
        m_prompts[QStringLiteral("others")]
            = addPrompt(m_otherToken, { { "title", "Not yours" }, { "content", "Secret plan" } });
        // A prompt whose production label points at a version with other text.
        const QString labelled = addPrompt(m_token, { { "title", "Labelled" }, { "content", "Draft text" } });
        const QString version = quire::shared::Uuid::createV7();
        QVERIFY(push(m_token, quire::shared::promptVersionsTable(), version,
                     { { "prompt_id", labelled.toStdString() }, { "content", "Released text for {{name}}" } }));
        QVERIFY(push(m_token, quire::shared::promptLabelsTable(), quire::shared::Uuid::createV7(),
                     { { "prompt_id", labelled.toStdString() },
                       { "name", "production" },
                       { "version_id", version.toStdString() } }));
        m_prompts[QStringLiteral("labelled")] = labelled;
        m_prompts[QStringLiteral("labelled-version")] = version;
        for (const QString &id : m_prompts)
            QVERIFY(!id.isEmpty());
    }

    void healthSaysRun()
    {
        const HttpResult r = m_fx.http().get(QStringLiteral("/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("run", false), true);
    }

    void runs_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("sentMessages");
        QTest::addColumn<QString>("sentModel");
        QTest::addColumn<QString>("versionId");

        QTest::newRow("text prompt: one user message, the server's model")
            << QStringLiteral("text") << body({ { "variables", { { "name", "Ada" } } } })
            << body(json::array({ { { "role", "user" }, { "content", "Say hello to Ada." } } }))
            << QStringLiteral("fake-default") << QString();
        QTest::newRow("chat prompt: its messages and its model")
            << QStringLiteral("chat") << body({ { "variables", { { "topic", "sync" } } } })
            << body(json::array({ { { "role", "system" }, { "content", "You are terse." } },
                                  { { "role", "user" }, { "content", "Summarise sync." } } }))
            << QStringLiteral("chat-model") << QString();
        QTest::newRow("include: one set of variables for the tree")
            << QStringLiteral("including") << body({ { "variables", { { "name", "Ed" }, { "author", "Fay" } } } })
            << body(json::array({ { { "role", "user" }, { "content", "Dear Ed,\n-- Fay" } } }))
            << QStringLiteral("fake-default") << QString();
        QTest::newRow("label: the version it points at")
            << QStringLiteral("labelled") << body({ { "label", "production" }, { "variables", { { "name", "Bo" } } } })
            << body(json::array({ { { "role", "user" }, { "content", "Released text for Bo" } } }))
            << QStringLiteral("fake-default") << m_prompts.value(QStringLiteral("labelled-version"));
    }

    void runs()
    {
        QFETCH(QString, prompt);
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, sentMessages);
        QFETCH(QString, sentModel);
        QFETCH(QString, versionId);
        m_fake.setReply(FakeChatProvider::Reply::Ok);
        m_fake.setAnswer(QStringLiteral("An answer for %1.").arg(prompt));
        const qsizetype before = m_fake.received().size();

        const HttpResult r = run(m_prompts.value(prompt), json::parse(request.toStdString()));
        QCOMPARE(r.status, 200);
        QVERIFY2(m_fake.problems().isEmpty(), qPrintable(m_fake.problems().join(QStringLiteral("; "))));
        QCOMPARE(m_fake.received().size(), before + 1);
        const json sent = m_fake.received().last().body;
        QVERIFY2(sent["messages"] == json::parse(sentMessages.toStdString()), sent.dump().c_str());
        QCOMPARE(QString::fromStdString(sent["model"].get<std::string>()), sentModel);
        if (prompt == QLatin1String("chat")) {
            QCOMPARE(sent["temperature"].get<double>(), 0.5);
            QCOMPARE(sent["max_tokens"].get<int>(), 50);
        } else {
            QVERIFY(!sent.contains("temperature") && !sent.contains("max_tokens"));
        }

        const json answer = r.json();
        QCOMPARE(QString::fromStdString(answer["output"].get<std::string>()),
                 QStringLiteral("An answer for %1.").arg(prompt));
        QCOMPARE(QString::fromStdString(answer["model"].get<std::string>()), sentModel);
        QCOMPARE(answer["usage"]["prompt_tokens"].get<int>(), 12);
        QCOMPARE(answer["usage"]["completion_tokens"].get<int>(), 5);

        // The answer is kept with the usage record (variables are not: the
        // user has not opted in).
        const QString usageId = QString::fromStdString(answer["usage_id"].get<std::string>());
        const HttpResult usage = m_fx.call("GET", QStringLiteral("/api/v1/prompt-usage/") + usageId, m_token);
        QCOMPARE(usage.status, 200);
        const json row = usage.json();
        QVERIFY2(row["use"] == "run", row.dump().c_str());
        QCOMPARE(QString::fromStdString(row["output"].get<std::string>()),
                 QStringLiteral("An answer for %1.").arg(prompt));
        QCOMPARE(QString::fromStdString(row["prompt_id"].get<std::string>()), m_prompts.value(prompt));
        QCOMPARE(QString::fromStdString(row.value("version_id", json()).is_string()
                                            ? row["version_id"].get<std::string>()
                                            : std::string()),
                 versionId);
        QVERIFY2(row["variables"] == "{}", row.dump().c_str());
        // Only its user sees it.
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/prompt-usage/") + usageId, m_otherToken).status, 404);
    }

    void keepsVariablesWhenAsked()
    {
        QVERIFY(push(m_token, quire::shared::promptPreferencesTable(), quire::shared::Uuid::createV7(),
                     { { "keep_variables", "true" } }));
        m_fake.setReply(FakeChatProvider::Reply::Ok);
        const HttpResult r = run(m_prompts.value(QStringLiteral("text")), { { "variables", { { "name", "Cy" } } } });
        QCOMPARE(r.status, 200);
        const QString usageId = QString::fromStdString(r.json()["usage_id"].get<std::string>());
        const json row = m_fx.call("GET", QStringLiteral("/api/v1/prompt-usage/") + usageId, m_token).json();
        QVERIFY2(json::parse(row["variables"].get<std::string>()) == json({ { "name", "Cy" } }), row.dump().c_str());
    }

    void refusedBeforeTheProvider_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");

        QTest::newRow("missing variable")
            << QStringLiteral("text") << body({ { "variables", json::object() } }) << 422 << QStringLiteral("name");
        QTest::newRow("missing include") << QStringLiteral("broken include") << body(json::object()) << 422
                                         << QStringLiteral("nowhere");
        QTest::newRow("variable neither text nor number")
            << QStringLiteral("text") << body({ { "variables", { { "name", json::array() } } } }) << 400
            << QStringLiteral("variables.name");
        QTest::newRow("missing chat variable")
            << QStringLiteral("chat") << body({ { "variables", { { "other", "x" } } } }) << 422
            << QStringLiteral("topic");
        QTest::newRow("version and label")
            << QStringLiteral("text") << body({ { "version", 1 }, { "label", "production" } }) << 400
            << QStringLiteral("label");
        QTest::newRow("unknown field") << QStringLiteral("text") << body({ { "model", "x" } }) << 400
                                       << QStringLiteral("model");
        QTest::newRow("unknown label") << QStringLiteral("labelled") << body({ { "label", "staging" } }) << 404
                                       << QString();
        QTest::newRow("another user's prompt") << QStringLiteral("others") << body(json::object()) << 404 << QString();
        QTest::newRow("no such prompt") << QStringLiteral("none") << body(json::object()) << 404 << QString();
    }

    void refusedBeforeTheProvider()
    {
        QFETCH(QString, prompt);
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, field);
        const qsizetype before = m_fake.received().size();
        const QString id = m_prompts.value(prompt, quire::shared::Uuid::createV7());
        const HttpResult r = run(id, json::parse(request.toStdString()));
        QCOMPARE(r.status, status);
        if (!field.isEmpty())
            QVERIFY2(r.json()["error"]["fields"].contains(field.toStdString()), r.body.constData());
        if (status == 422) // every problem, with its code, as the render route lists them
            QVERIFY2(r.json()["error"]["problems"].size() == 1, r.body.constData());
        QCOMPARE(m_fake.received().size(), before);
    }

    void providerFailures_data()
    {
        QTest::addColumn<FakeChatProvider::Reply>("reply");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("says");

        QTest::newRow("slow") << FakeChatProvider::Reply::Slow << 504 << QStringLiteral("provider_timeout")
                              << QStringLiteral("did not answer within 1 s");
        QTest::newRow("500") << FakeChatProvider::Reply::ServerError << 502 << QStringLiteral("provider_error")
                             << QStringLiteral("HTTP 500: The fake is overloaded.");
        QTest::newRow("401 echoing the key")
            << FakeChatProvider::Reply::Unauthorized << 502 << QStringLiteral("provider_error")
            << QStringLiteral("HTTP 401: Incorrect API key provided: [key].");
        QTest::newRow("garbage") << FakeChatProvider::Reply::Garbage << 502 << QStringLiteral("provider_bad_answer")
                                 << QStringLiteral("not JSON");
    }

    void providerFailures()
    {
        QFETCH(FakeChatProvider::Reply, reply);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, says);
        m_fake.setReply(reply);
        const HttpResult usageBefore = m_fx.call("GET", QStringLiteral("/api/v1/prompt-usage"), m_token);
        const HttpResult r = run(m_prompts.value(QStringLiteral("text")), { { "variables", { { "name", "Di" } } } });
        m_fake.setReply(FakeChatProvider::Reply::Ok);
        QCOMPARE(r.status, status);
        QCOMPARE(codeOf(r), code);
        const QString message = QString::fromStdString(r.json()["error"]["message"].get<std::string>());
        QVERIFY2(message.contains(says), qPrintable(message));
        QVERIFY(!r.body.contains(kKey));
        // A failed run keeps no usage record.
        const HttpResult usageAfter = m_fx.call("GET", QStringLiteral("/api/v1/prompt-usage"), m_token);
        QVERIFY2(usageAfter.json()["total"] == usageBefore.json()["total"], usageAfter.body.constData());
    }

    void unreachableProvider()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        AccountFixture fx;
        const QByteArray token
            = startOther(fx,
                         { QStringLiteral("--provider-url"), QStringLiteral("http://127.0.0.1:%1/v1").arg(port),
                           QStringLiteral("--provider-model"), QStringLiteral("m") });
        QVERIFY(!token.isEmpty());
        const QString id = quire::shared::Uuid::createV7();
        QCOMPARE(
            fx.pushUpsert(token, quire::shared::promptsTable(), id, { { "title", "T" }, { "content", "Hi" } }).status,
            200);
        const HttpResult r = fx.call("POST", runPath(id), token, body(json::object()));
        QCOMPARE(r.status, 502);
        QCOMPARE(codeOf(r), QStringLiteral("provider_unavailable"));
        QVERIFY2(r.json()["error"]["message"].get<std::string>().find("could not be reached") != std::string::npos,
                 r.body.constData());
    }

    void noProvider()
    {
        AccountFixture fx;
        const QByteArray token = startOther(fx, {});
        QVERIFY(!token.isEmpty());
        const HttpResult health = fx.http().get(QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value("run", true), false);
        const HttpResult r = fx.call("POST", runPath(quire::shared::Uuid::createV7()), token, body(json::object()));
        QCOMPARE(r.status, 404);
        QCOMPARE(codeOf(r), QStringLiteral("provider_not_configured"));
    }

    // Last: every run above has been logged by now.
    void keyInNoLog()
    {
        const QByteArray log = m_fx.server().standardError();
        QVERIFY(log.contains("/run")); // the log is the server's, with the runs in it
        QVERIFY(!log.contains(kKey));
        QVERIFY(!m_fx.http().get(QStringLiteral("/health")).body.contains(kKey));
    }
};

QTEST_GUILESS_MAIN(TestPromptRun)
#include "tst_promptrun.moc"
