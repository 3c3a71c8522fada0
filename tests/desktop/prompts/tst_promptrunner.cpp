// SPDX-License-Identifier: GPL-3.0-or-later
// PromptRunner, the desktop's Run: the profile's own provider (against the
// local fake, which checks the request's shape and key), the server's run
// when /health says so, and "not available" otherwise; the key is kept in
// the credential store, never in the profile's settings.
#include "desktop/core/authsession.h"
#include "desktop/core/profile.h"
#include "desktop/core/workspace.h"
#include "desktop/prompts/core/promptrunner.h"
#include "shared/protocol.h"
#include "shared/uuid.h"
#include "tests/server/accounts/accountfixture.h"
#include "tests/support/fakechatprovider.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using quire::desktop::PromptRunner;
using quire::shared::Result;
using quire::test::FakeChatProvider;
using json = nlohmann::json;

namespace {

const QByteArray kKey = QByteArrayLiteral("sk-desktop-test-9876543210");
const QString kPassword = QStringLiteral("correct horse battery staple 42");
constexpr int kTimeoutMs = 20000;

PromptRunner::Run greeting()
{
    PromptRunner::Run run;
    run.promptId = quire::shared::Uuid::createV7();
    run.values.insert(QStringLiteral("name"), QStringLiteral("Ada"));
    run.rendered.messages = { { QStringLiteral("user"), QStringLiteral("Say hello to Ada.") } };
    return run;
}

// Runs and waits; checks that the answer never comes inside run().
Result<PromptRunner::Answer> runAndWait(PromptRunner &runner, const PromptRunner::Run &run)
{
    std::optional<Result<PromptRunner::Answer>> got;
    runner.run(run, [&got](Result<PromptRunner::Answer> r) { got = std::move(r); });
    if (got)
        return quire::shared::Error::make(QStringLiteral("test"), QStringLiteral("answered inside run()"));
    if (!QTest::qWaitFor([&got] { return got.has_value(); }, kTimeoutMs))
        return quire::shared::Error::make(QStringLiteral("test"), QStringLiteral("no answer"));
    return *got;
}

} // namespace

class TestPromptRunner : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    FakeChatProvider m_fake { kKey };
    int m_profiles = 0;

    std::unique_ptr<quire::desktop::Workspace> workspace()
    {
        auto ws = quire::desktop::Workspace::open(m_dir.filePath(QStringLiteral("profile%1").arg(++m_profiles)));
        return ws ? std::move(ws.value()) : nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_fake.start());
    }

    void notAvailableWithoutAnyProvider()
    {
        auto ws = workspace();
        QVERIFY(ws);
        PromptRunner runner(*ws);
        QCOMPARE(runner.way(), PromptRunner::Way::NotAvailable);
        QVERIFY(!runner.isAvailable());
        const Result<PromptRunner::Answer> r = runAndWait(runner, greeting());
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("provider_not_configured"));
    }

    void ownProvider_data()
    {
        QTest::addColumn<FakeChatProvider::Reply>("reply");
        QTest::addColumn<QString>("code"); // empty: an answer
        QTest::newRow("ok") << FakeChatProvider::Reply::Ok << QString();
        QTest::newRow("500") << FakeChatProvider::Reply::ServerError << QStringLiteral("provider_error");
        QTest::newRow("401") << FakeChatProvider::Reply::Unauthorized << QStringLiteral("provider_error");
        QTest::newRow("garbage") << FakeChatProvider::Reply::Garbage << QStringLiteral("provider_bad_answer");
    }

    void ownProvider()
    {
        QFETCH(FakeChatProvider::Reply, reply);
        QFETCH(QString, code);
        auto ws = workspace();
        QVERIFY(ws);
        PromptRunner runner(*ws);
        QSignalSpy available(&runner, &PromptRunner::availabilityChanged);
        const auto set
            = runner.setOwnProvider(m_fake.baseUrl(), QStringLiteral("own-model"), QString::fromLatin1(kKey));
        QVERIFY2(set.ok(), set.ok() ? "" : qPrintable(set.error().message));
        QCOMPARE(runner.way(), PromptRunner::Way::OwnProvider);
        QCOMPARE(available.size(), 1);

        m_fake.setReply(reply);
        m_fake.setAnswer(QStringLiteral("Hello, Ada."));
        const qsizetype before = m_fake.received().size();
        const Result<PromptRunner::Answer> r = runAndWait(runner, greeting());
        m_fake.setReply(FakeChatProvider::Reply::Ok);
        QVERIFY2(m_fake.problems().isEmpty(), qPrintable(m_fake.problems().join(QStringLiteral("; "))));
        QCOMPARE(m_fake.received().size(), before + 1);
        QVERIFY(m_fake.received().last().body["model"] == "own-model");
        QVERIFY(m_fake.received().last().body["messages"][0]["content"] == "Say hello to Ada.");
        if (code.isEmpty()) {
            QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
            QCOMPARE(r->output, QStringLiteral("Hello, Ada."));
            QCOMPARE(r->way, PromptRunner::Way::OwnProvider);
            QVERIFY(r->usageId.isEmpty()); // the caller records the use
            QCOMPARE(r->promptTokens, 12);
        } else {
            QVERIFY(!r);
            QCOMPARE(r.error().code, code);
            QVERIFY(!r.error().message.contains(QString::fromLatin1(kKey)));
        }
    }

    void keyKeptOutOfTheSettings()
    {
        auto ws = workspace();
        QVERIFY(ws);
        PromptRunner runner(*ws);
        QVERIFY(runner.setOwnProvider(m_fake.baseUrl(), QStringLiteral("m"), QString::fromLatin1(kKey)).ok());
        QCOMPARE(runner.ownProvider().key, QString::fromLatin1(kKey));
        QFile settings(ws->profile().settings().fileName());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray text = settings.readAll();
        QVERIFY(text.contains("provider"));
        QVERIFY(!text.contains(kKey));

        // Removing it hides Run again (this profile has no server).
        QSignalSpy available(&runner, &PromptRunner::availabilityChanged);
        QVERIFY(runner.clearOwnProvider().ok());
        QCOMPARE(runner.way(), PromptRunner::Way::NotAvailable);
        QCOMPARE(available.size(), 1);
        QVERIFY(runner.ownProvider().key.isEmpty());
    }

    void refusesBadSettings_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("field");
        QTest::newRow("http to another host")
            << QStringLiteral("http://llm.example.org/v1") << QStringLiteral("m") << QStringLiteral("url");
        QTest::newRow("not a url") << QStringLiteral("api.openai.com") << QStringLiteral("m") << QStringLiteral("url");
        QTest::newRow("no model") << QStringLiteral("https://api.example.org/v1") << QStringLiteral(" ")
                                  << QStringLiteral("model");
    }

    void refusesBadSettings()
    {
        QFETCH(QString, url);
        QFETCH(QString, model);
        QFETCH(QString, field);
        auto ws = workspace();
        QVERIFY(ws);
        PromptRunner runner(*ws);
        const auto r = runner.setOwnProvider(QUrl(url, QUrl::StrictMode), model, QStringLiteral("k"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().fields.contains(field), qPrintable(r.error().message));
        QCOMPARE(runner.way(), PromptRunner::Way::NotAvailable);
    }

    // Without an own provider, the server's run when /health says so.
    void serverRun_data()
    {
        QTest::addColumn<bool>("serverHasProvider");
        QTest::newRow("server with a provider") << true;
        QTest::newRow("server without") << false;
    }

    void serverRun()
    {
        QFETCH(bool, serverHasProvider);
        quire::test::AccountFixture fx;
        quire::test::ServerProcess::Options options;
        if (serverHasProvider) {
            options.extraArgs = { QStringLiteral("--provider-url"), m_fake.baseUrl().toString(),
                                  QStringLiteral("--provider-model"), QStringLiteral("server-model") };
            options.env.insert(QStringLiteral("QUIRE_PROVIDER_KEY"), QString::fromLatin1(kKey));
        }
        QVERIFY(fx.start(options));
        QVERIFY(fx.createUser(QStringLiteral("writer@example.org"), QStringLiteral("author"), kPassword));
        const QByteArray token = fx.token(QStringLiteral("writer@example.org"), kPassword);
        const QString promptId = quire::shared::Uuid::createV7();
        const json push { { "client_id", quire::shared::Uuid::createV7().toStdString() },
                          { "schema_version", quire::shared::Protocol::kSchemaVersion },
                          { "acked", 0 },
                          { "mutations",
                            { { { "id", 1 },
                                { "table", "prompts" },
                                { "row_id", promptId.toStdString() },
                                { "op", "upsert" },
                                { "fields", { { "title", "Greeting" }, { "content", "Say hello to {{name}}." } } },
                                { "base_rev", 0 },
                                { "base", json::object() } } } } };
        QCOMPARE(
            fx.call("POST", QStringLiteral("/api/v1/sync/push"), token, QByteArray::fromStdString(push.dump())).status,
            200);

        auto ws = workspace();
        QVERIFY(ws);
        PromptRunner runner(*ws);
        QSignalSpy available(&runner, &PromptRunner::availabilityChanged);
        ws->useServer(fx.server().url(), fx.server().fingerprint());
        bool signedIn = false;
        ws->session().signIn(QStringLiteral("writer@example.org"), kPassword,
                             [&signedIn](const quire::desktop::ApiReply &r) { signedIn = r.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(signedIn, kTimeoutMs);
        runner.checkServer();
        if (!serverHasProvider) {
            // Asked twice by now (online, and above); neither made Run available.
            QTest::qWait(500);
            QCOMPARE(runner.way(), PromptRunner::Way::NotAvailable);
            QCOMPARE(available.size(), 0);
            return;
        }
        QTRY_COMPARE_WITH_TIMEOUT(runner.way(), PromptRunner::Way::Server, kTimeoutMs);
        QCOMPARE(available.size(), 1);

        m_fake.setReply(FakeChatProvider::Reply::Ok);
        m_fake.setAnswer(QStringLiteral("Hi Bo, from the server."));
        PromptRunner::Run run = greeting();
        run.promptId = promptId;
        run.values.insert(QStringLiteral("name"), QStringLiteral("Bo"));
        const Result<PromptRunner::Answer> r = runAndWait(runner, run);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->output, QStringLiteral("Hi Bo, from the server."));
        QCOMPARE(r->model, QStringLiteral("server-model"));
        QCOMPARE(r->way, PromptRunner::Way::Server);
        QVERIFY(!r->usageId.isEmpty()); // the server kept the use
        // The server rendered it (with the values, not the replica's text).
        QVERIFY(m_fake.received().last().body["messages"][0]["content"] == "Say hello to Bo.");
    }
};

QTEST_GUILESS_MAIN(TestPromptRunner)
#include "tst_promptrunner.moc"
