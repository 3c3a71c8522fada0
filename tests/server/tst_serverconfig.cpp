// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/servercommandline.h"
#include "server/serverconfig.h"
#include "tests/support/testfiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::server;
using Env = QMap<QString, QString>;
Q_DECLARE_METATYPE(Env)

// Where each setting comes from: flags over QUIRE_* over the file over defaults.
class TestServerConfig : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_file;

private Q_SLOTS:
    void initTestCase()
    {
        m_file = m_dir.filePath(QStringLiteral("quire-server.conf"));
        QVERIFY(quire::test::writeFile(
            m_file,
            "# comment\nport = 7000\nlisten = 127.0.0.2\nthreads=3\npublic_url = \"https://docs.example.org/\"\n"));
    }

    void precedence_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<Env>("env");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("listen");
        QTest::addColumn<int>("threads");
        const QString cfg = m_file;
        QTest::newRow("file only") << QStringList { QStringLiteral("--config"), cfg } << Env {} << 7000
                                   << QStringLiteral("127.0.0.2") << 3;
        QTest::newRow("env beats file") << QStringList { QStringLiteral("--config"), cfg }
                                        << Env { { QStringLiteral("QUIRE_PORT"), QStringLiteral("7100") } } << 7100
                                        << QStringLiteral("127.0.0.2") << 3;
        QTest::newRow("flag beats env") << QStringList { QStringLiteral("--config"), cfg, QStringLiteral("--port"),
                                                         QStringLiteral("7200") }
                                        << Env { { QStringLiteral("QUIRE_PORT"), QStringLiteral("7100") } } << 7200
                                        << QStringLiteral("127.0.0.2") << 3;
        QTest::newRow("flag=value form") << QStringList { QStringLiteral("--port=7300"), QStringLiteral("--threads=1") }
                                         << Env {} << 7300 << QStringLiteral("127.0.0.1") << 1;
        QTest::newRow("config from env") << QStringList {} << Env { { QStringLiteral("QUIRE_CONFIG"), cfg } } << 7000
                                         << QStringLiteral("127.0.0.2") << 3;
        QTest::newRow("defaults") << QStringList { QStringLiteral("--threads"), QStringLiteral("2") }
                                  << Env { { QStringLiteral("QUIRE_DATA_DIR"),
                                             m_dir.filePath(QStringLiteral("nothing-here")) } }
                                  << 8443 << QStringLiteral("127.0.0.1") << 2;
    }

    void precedence()
    {
        QFETCH(QStringList, args);
        QFETCH(Env, env);
        QFETCH(int, port);
        QFETCH(QString, listen);
        QFETCH(int, threads);
        auto c = ServerConfigLoader::load(args, env);
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
        QCOMPARE(int(c->port), port);
        QCOMPARE(c->listenAddress.toString(), listen);
        QCOMPARE(c->threads, threads);
    }

    void fileValuesAreCleaned()
    {
        auto c = ServerConfigLoader::load({ QStringLiteral("--config"), m_file }, {});
        QVERIFY(c.ok());
        QCOMPARE(c->publicUrl, QStringLiteral("https://docs.example.org"));
        QCOMPARE(c->configFile, m_file);
    }

    void switches()
    {
        QVERIFY(ServerConfigLoader::load({ QStringLiteral("--insecure-http") }, {})->insecureHttp);
        QVERIFY(ServerConfigLoader::load({}, { { QStringLiteral("QUIRE_INSECURE_HTTP"), QStringLiteral("yes") } })
                    ->insecureHttp);
        QVERIFY(!ServerConfigLoader::load({ QStringLiteral("--insecure-http=false") }, {})->insecureHttp);
        QCOMPARE(ServerConfigLoader::load({}, {})->maxBodyBytes, qint64(10 * 1024 * 1024));
        QCOMPARE(ServerConfigLoader::load({}, {})->idleTimeoutSeconds, 75);
        QCOMPARE(ServerConfigLoader::load({}, {})->refreshReuseGraceSeconds, 30);
        QCOMPARE(ServerConfigLoader::load(
                     {}, { { QStringLiteral("QUIRE_REFRESH_REUSE_GRACE_SECONDS"), QStringLiteral("0") } })
                     ->refreshReuseGraceSeconds,
                 0);
        QCOMPARE(ServerConfigLoader::load({}, {})->siteName, QStringLiteral("Quire"));
        QCOMPARE(
            ServerConfigLoader::load({ QStringLiteral("--site-name"), QStringLiteral("  Field Notes ") }, {})->siteName,
            QStringLiteral("Field Notes"));
        QCOMPARE(ServerConfigLoader::load({}, { { QStringLiteral("QUIRE_IDLE_TIMEOUT_SECONDS"), QStringLiteral("5") } })
                     ->idleTimeoutSeconds,
                 5);
    }

    void apiRateLimits()
    {
        auto c = ServerConfigLoader::load({}, {});
        QVERIFY(c.ok());
        QCOMPARE(c->apiRateLimitPerAddress, 600);
        QCOMPARE(c->apiRateLimitPerUser, 1200);
        QCOMPARE(c->apiRateLimitWindowSeconds, 60);
        c = ServerConfigLoader::load({ QStringLiteral("--api-rate-limit-address=0"),
                                       QStringLiteral("--api-rate-limit-user"), QStringLiteral("30") },
                                     { { QStringLiteral("QUIRE_API_RATE_LIMIT_WINDOW"), QStringLiteral("2") } });
        QVERIFY(c.ok());
        QCOMPARE(c->apiRateLimitPerAddress, 0);
        QCOMPARE(c->apiRateLimitPerUser, 30);
        QCOMPARE(c->apiRateLimitWindowSeconds, 2);
    }

    // The chat provider: off by default; URL, model, key (from the
    // environment or a file, first line) and timeout when set.
    void provider()
    {
        auto c = ServerConfigLoader::load({}, {});
        QVERIFY(c.ok());
        QVERIFY(!c->chatProvider().isConfigured());
        QCOMPARE(c->providerTimeoutSeconds, 60);

        const QString keyFile = m_dir.filePath(QStringLiteral("provider.key"));
        QVERIFY(quire::test::writeFile(keyFile, "sk-from-file\nignored\n"));
        c = ServerConfigLoader::load({ QStringLiteral("--provider-url=https://api.example.org/v1/"),
                                       QStringLiteral("--provider-key-file"), keyFile },
                                     { { QStringLiteral("QUIRE_PROVIDER_MODEL"), QStringLiteral("gpt-test") },
                                       { QStringLiteral("QUIRE_PROVIDER_TIMEOUT_SECONDS"), QStringLiteral("20") } });
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
        const quire::shared::ChatProviderSettings p = c->chatProvider();
        QVERIFY(p.isConfigured());
        QCOMPARE(p.baseUrl, QUrl(QStringLiteral("https://api.example.org/v1")));
        QCOMPARE(p.model, QStringLiteral("gpt-test"));
        QCOMPARE(p.key, QStringLiteral("sk-from-file"));
        QCOMPARE(p.timeoutMs, 20'000);

        // Plain http only to loopback; the key from the environment.
        c = ServerConfigLoader::load(
            { QStringLiteral("--provider-url=http://127.0.0.1:9999/v1"), QStringLiteral("--provider-model=m") },
            { { QStringLiteral("QUIRE_PROVIDER_KEY"), QStringLiteral("sk-env") } });
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
        QCOMPARE(c->chatProvider().key, QStringLiteral("sk-env"));
    }

    void refused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown flag") << QStringList { QStringLiteral("--prot"), QStringLiteral("1") }
                                      << QStringLiteral("--prot");
        QTest::newRow("port text") << QStringList { QStringLiteral("--port"), QStringLiteral("https") }
                                   << QStringLiteral("--port");
        QTest::newRow("port too big") << QStringList { QStringLiteral("--port"), QStringLiteral("70000") }
                                      << QStringLiteral("--port");
        QTest::newRow("missing value") << QStringList { QStringLiteral("--data-dir") } << QStringLiteral("--data-dir");
        QTest::newRow("bad address") << QStringList { QStringLiteral("--listen"), QStringLiteral("example.org") }
                                     << QStringLiteral("--listen");
        QTest::newRow("cert without key")
            << QStringList { QStringLiteral("--tls-cert"), QStringLiteral("/x.pem") } << QStringLiteral("--tls-key");
        QTest::newRow("zero threads") << QStringList { QStringLiteral("--threads"), QStringLiteral("0") }
                                      << QStringLiteral("--threads");
        QTest::newRow("tiny body limit") << QStringList { QStringLiteral("--max-body-bytes"), QStringLiteral("10") }
                                         << QStringLiteral("--max-body-bytes");
        QTest::newRow("bad public url") << QStringList { QStringLiteral("--public-url"), QStringLiteral("ftp://x") }
                                        << QStringLiteral("--public-url");
        QTest::newRow("bad switch value")
            << QStringList { QStringLiteral("--insecure-http=maybe") } << QStringLiteral("--insecure-http");
        QTest::newRow("empty site name") << QStringList { QStringLiteral("--site-name= ") }
                                         << QStringLiteral("--site-name");
        QTest::newRow("site name on two lines")
            << QStringList { QStringLiteral("--site-name"), QStringLiteral("Field\nNotes") }
            << QStringLiteral("--site-name");
        QTest::newRow("idle timeout zero")
            << QStringList { QStringLiteral("--idle-timeout-seconds=0") } << QStringLiteral("--idle-timeout-seconds");
        QTest::newRow("idle timeout text")
            << QStringList { QStringLiteral("--idle-timeout-seconds"), QStringLiteral("1m") } << QStringLiteral("1m");
        QTest::newRow("negative api budget")
            << QStringList { QStringLiteral("--api-rate-limit-user=-1") } << QStringLiteral("--api-rate-limit-user");
        QTest::newRow("zero api window") << QStringList { QStringLiteral("--api-rate-limit-window=0") }
                                         << QStringLiteral("--api-rate-limit-window");
        QTest::newRow("negative refresh grace") << QStringList { QStringLiteral("--refresh-reuse-grace-seconds=-1") }
                                                << QStringLiteral("--refresh-reuse-grace-seconds");
        QTest::newRow("refresh grace too long")
            << QStringList { QStringLiteral("--refresh-reuse-grace-seconds"), QStringLiteral("3600") }
            << QStringLiteral("--refresh-reuse-grace-seconds");
        const QString model = QStringLiteral("--provider-model=m");
        QTest::newRow("provider over plain http elsewhere")
            << QStringList { QStringLiteral("--provider-url=http://llm.example.org/v1"), model }
            << QStringLiteral("loopback");
        QTest::newRow("provider url not a url")
            << QStringList { QStringLiteral("--provider-url=api.openai.com"), model }
            << QStringLiteral("--provider-url");
        QTest::newRow("provider url with a password")
            << QStringList { QStringLiteral("--provider-url=https://u:secret@api.example.org/v1"), model }
            << QStringLiteral("user or password");
        QTest::newRow("provider without model")
            << QStringList { QStringLiteral("--provider-url=https://api.example.org/v1") }
            << QStringLiteral("--provider-model");
        QTest::newRow("provider timeout zero") << QStringList { QStringLiteral("--provider-timeout-seconds=0") }
                                               << QStringLiteral("--provider-timeout-seconds");
        QTest::newRow("provider timeout beyond the idle timeout")
            << QStringList { QStringLiteral("--provider-url=https://api.example.org/v1"), model,
                             QStringLiteral("--provider-timeout-seconds=80") }
            << QStringLiteral("--idle-timeout-seconds");
        QTest::newRow("provider key twice")
            << QStringList { QStringLiteral("--provider-key=k"), QStringLiteral("--provider-key-file=/x") }
            << QStringLiteral("one way");
        QTest::newRow("provider key file missing")
            << QStringList { QStringLiteral("--provider-key-file=/nonexistent/key") }
            << QStringLiteral("/nonexistent/key");
        QTest::newRow("stray argument") << QStringList { QStringLiteral("8443") } << QStringLiteral("8443");
        QTest::newRow("missing config file")
            << QStringList { QStringLiteral("--config"), QStringLiteral("/nonexistent/q.conf") }
            << QStringLiteral("/nonexistent/q.conf");
    }

    void refused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        auto c = ServerConfigLoader::load(args, {});
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, QStringLiteral("usage"));
        QVERIFY2(c.error().message.contains(mentions), qPrintable(c.error().message));
    }

    void badConfigFileLinesNamed()
    {
        const QString path = m_dir.filePath(QStringLiteral("bad.conf"));
        QVERIFY(quire::test::writeFile(path, "port = 1\nprot = 2\n"));
        auto c = ServerConfigLoader::load({ QStringLiteral("--config"), path }, {});
        QVERIFY(!c.ok());
        QVERIFY(c.error().message.contains(QStringLiteral(":2: unknown setting `prot`")));
    }

    // The instance's name: given by flag, environment or file, checked
    // (it goes into headers and log lines), or host name and pid.
    void instanceName_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<Env>("env");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("named");
        QTest::newRow("default") << QStringList {} << Env {} << true << false;
        QTest::newRow("flag") << QStringList { QStringLiteral("--instance-name"), QStringLiteral("quire-1") } << Env {}
                              << true << true;
        QTest::newRow("env") << QStringList {}
                             << Env { { QStringLiteral("QUIRE_INSTANCE_NAME"), QStringLiteral("a.b_c") } } << true
                             << true;
        QTest::newRow("space") << QStringList { QStringLiteral("--instance-name"), QStringLiteral("two words") }
                               << Env {} << false << false;
        QTest::newRow("header injection")
            << QStringList { QStringLiteral("--instance-name"), QStringLiteral("a\r\nSet-Cookie: x") } << Env {}
            << false << false;
        QTest::newRow("too long") << QStringList { QStringLiteral("--instance-name"), QString(65, QLatin1Char('x')) }
                                  << Env {} << false << false;
    }

    void instanceName()
    {
        QFETCH(QStringList, args);
        QFETCH(Env, env);
        QFETCH(bool, ok);
        QFETCH(bool, named);
        QTemporaryDir dir;
        auto c = ServerConfigLoader::load(QStringList { QStringLiteral("--data-dir"), dir.path() } + args, env);
        QCOMPARE(c.ok(), ok);
        if (!ok) {
            QVERIFY(c.error().message.contains(QStringLiteral("--instance-name")));
            return;
        }
        QCOMPARE(c->instanceNamed, named);
        if (named)
            QVERIFY(c->instanceName == args.value(1)
                    || c->instanceName == env.value(QStringLiteral("QUIRE_INSTANCE_NAME")));
        else
            QVERIFY(c->instanceName.endsWith(QLatin1Char('-') + QString::number(QCoreApplication::applicationPid())));
    }

    void mediaDirectory()
    {
        QTemporaryDir dir;
        auto c = ServerConfigLoader::load({ QStringLiteral("--data-dir"), dir.path() }, {});
        QVERIFY(c.ok());
        QCOMPARE(c->mediaDirectory(), dir.filePath(QStringLiteral("media")));
        c = ServerConfigLoader::load({ QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--media-dir"),
                                       QStringLiteral("/srv/shared/media") },
                                     {});
        QVERIFY(c.ok());
        QCOMPARE(c->mediaDirectory(), QStringLiteral("/srv/shared/media"));
    }

    void helpListsEveryOption()
    {
        const QString help = ServerConfigLoader::helpText();
        for (const ConfigOption &o : ServerConfigLoader::options()) {
            QVERIFY(help.contains(QStringLiteral("--") + o.flag));
            QVERIFY(help.contains(o.env));
        }
        for (const char *required :
             { "--data-dir", "--listen", "--port", "--tls-cert", "--tls-key", "--insecure-http", "--version" })
            QVERIFY2(help.contains(QLatin1String(required)), required);
    }

    // Options before or after the command, as git and systemctl take them.
    void commandAmongOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("commandArgs");
        const QString d = QStringLiteral("--data-dir");
        const QString dir = QStringLiteral("/srv/quire");
        const QString email = QStringLiteral("--email");
        const QString a = QStringLiteral("a@example.org");
        const QString create = QStringLiteral("create-user");
        QTest::newRow("create-user, options after")
            << QStringList { create, d, dir, email, a } << create << QStringList { d, dir, email, a };
        QTest::newRow("create-user, options before")
            << QStringList { d, dir, create, email, a } << create << QStringList { d, dir, email, a };
        QTest::newRow("create-user, a switch before")
            << QStringList { QStringLiteral("--only-if-none"), create, d, dir } << create
            << QStringList { QStringLiteral("--only-if-none"), d, dir };
        QTest::newRow("a value that is a command's name")
            << QStringList { QStringLiteral("--name"), QStringLiteral("backup"), create, d, dir } << create
            << QStringList { QStringLiteral("--name"), QStringLiteral("backup"), d, dir };
        QTest::newRow("--flag=value") << QStringList { QStringLiteral("--data-dir=/srv/quire"), create } << create
                                      << QStringList { d, dir };
        QTest::newRow("backup, options before")
            << QStringList { d, dir, QStringLiteral("--to"), QStringLiteral("b.db"), QStringLiteral("backup") }
            << QStringLiteral("backup") << QStringList { d, dir, QStringLiteral("--to"), QStringLiteral("b.db") };
        QTest::newRow("restore, options around")
            << QStringList { QStringLiteral("--end-sessions"), QStringLiteral("restore"), QStringLiteral("--from"),
                             QStringLiteral("b.db") }
            << QStringLiteral("restore")
            << QStringList { QStringLiteral("--end-sessions"), QStringLiteral("--from"), QStringLiteral("b.db") };
        QTest::newRow("audit, its word and options around")
            << QStringList { d, dir, QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--limit=3") }
            << QStringLiteral("audit")
            << QStringList { d, dir, QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("3") };
        QTest::newRow("serve named, options before")
            << QStringList { d, dir, QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("serve") }
            << QStringLiteral("serve") << QStringList { d, dir, QStringLiteral("--port"), QStringLiteral("0") };
        QTest::newRow("serve by default")
            << QStringList { d, dir, QStringLiteral("--insecure-http") } << QStringLiteral("serve")
            << QStringList { d, dir, QStringLiteral("--insecure-http") };
        QTest::newRow("nothing") << QStringList {} << QStringLiteral("serve") << QStringList {};
    }

    void commandAmongOptions()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, command);
        QFETCH(QStringList, commandArgs);
        const auto parsed = ServerCommandLine::parse(args);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->command, command);
        QCOMPARE(parsed->args, commandArgs);
    }

    void commandLineRefusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString d = QStringLiteral("--data-dir");
        const QString dir = QStringLiteral("/srv/quire");
        const QString create = QStringLiteral("create-user");
        const QString bogus = QStringLiteral("--bogus");
        QTest::newRow("unknown option before the command")
            << QStringList { bogus, create, d, dir } << QStringLiteral("unknown option --bogus (see --help)");
        QTest::newRow("unknown option after the command")
            << QStringList { create, d, dir, bogus }
            << QStringLiteral("create-user has no option --bogus (see --help)");
        QTest::newRow("unknown option, no command")
            << QStringList { d, dir, bogus } << QStringLiteral("unknown option --bogus (see --help)");
        QTest::newRow("another command's option before it")
            << QStringList { QStringLiteral("--to"), QStringLiteral("b.db"), create, d, dir }
            << QStringLiteral("create-user has no option --to (see --help)");
        QTest::newRow("serve's option after create-user")
            << QStringList { create, d, dir, QStringLiteral("--port"), QStringLiteral("1") }
            << QStringLiteral("create-user has no option --port (see --help)");
        QTest::newRow("unknown command after options") << QStringList { d, dir, QStringLiteral("frobnicate") }
                                                       << QStringLiteral("unknown command `frobnicate` (see --help)");
        QTest::newRow("value missing before the command")
            << QStringList { create, d } << QStringLiteral("--data-dir needs a value (see --help)");
    }

    void commandLineRefusals()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto parsed = ServerCommandLine::parse(args);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("usage"));
        QCOMPARE(parsed.error().message, message);
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
