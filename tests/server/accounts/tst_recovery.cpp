// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/tlscredentials.h"
#include "shared/database.h"
#include "tests/server/accounts/accountfixture.h"
#include "tests/server/accounts/outbox.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::test;

namespace {
const QString kPassword = QStringLiteral("a long enough passphrase");
const QString kNewPassword = QStringLiteral("the new passphrase here");

QByteArray json(const nlohmann::json &j)
{
    return QByteArray::fromStdString(j.dump());
}

using Outbox::Mail;

std::optional<Mail> waitForMail(const QString &dir, int count)
{
    return Outbox::waitFor(dir, count);
}

QString tokenIn(const QString &text)
{
    return Outbox::tokenIn(text);
}
} // namespace

// Forgot and reset password, email verification, and mail through the
// outbox and through a real SMTP peer with STARTTLS and AUTH.
class TestRecovery : public QObject
{
    Q_OBJECT
private:
    AccountFixture m_fx;
    QString m_outbox;

    HttpResult forgot(const QString &email, const QList<QPair<QByteArray, QByteArray>> &extra = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers { { "Content-Type", "application/json" } };
        headers += extra;
        return m_fx.http().request("POST", QStringLiteral("/api/v1/auth/forgot-password"),
                                   json({ { "email", email.toStdString() } }), headers);
    }

    HttpResult reset(const QString &token, const QString &password)
    {
        return m_fx.http().postJson(QStringLiteral("/api/v1/auth/reset-password"),
                                    json({ { "token", token.toStdString() }, { "password", password.toStdString() } }));
    }

private Q_SLOTS:
    void initTestCase()
    {
        ServerProcess::Options options;
        options.extraArgs = { QStringLiteral("--public-url"),       QStringLiteral("https://docs.example.test"),
                              QStringLiteral("--registration"),     QStringLiteral("open"),
                              QStringLiteral("--rate-limit-scale"), QStringLiteral("1000000") };
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
        m_outbox = m_fx.server().dataDir() + QStringLiteral("/outbox");
        QVERIFY(m_fx.createUser(QStringLiteral("forgetful@example.org"), QStringLiteral("author"), kPassword));
    }

    void sameAnswerWhetherOrNotTheAccountExists()
    {
        const HttpResult known = forgot(QStringLiteral("forgetful@example.org"), { { "Host", "evil.example" } });
        const HttpResult unknown = forgot(QStringLiteral("stranger@example.org"));
        QCOMPARE(known.status, 202);
        QCOMPARE(unknown.status, 202);
        QCOMPARE(known.body, unknown.body);
        QCOMPARE(m_fx.http().postJson(QStringLiteral("/api/v1/auth/forgot-password"), json({ { "mail", "x" } })).status,
                 400);
    }

    void resetThroughTheMailedLink()
    {
        const QByteArray session = m_fx.token(QStringLiteral("forgetful@example.org"), kPassword);
        const std::optional<Mail> mail = waitForMail(m_outbox, 1); // from the test above
        QVERIFY(mail);
        QVERIFY(mail->headers.contains("To: forgetful@example.org"));
        QVERIFY(mail->headers.contains("Subject: Reset your Quire password"));
        // The link uses the configured address, never the request's Host header.
        QVERIFY2(mail->text.contains(QStringLiteral("https://docs.example.test/reset-password?token=qt_")),
                 qPrintable(mail->text));
        QVERIFY(!mail->text.contains(QStringLiteral("evil.example")));
        QCOMPARE(QDir(m_outbox).entryList({ QStringLiteral("*.eml") }).size(), 1); // nothing for the stranger
        const QString token = tokenIn(mail->text);

        QCOMPARE(reset(token, QStringLiteral("short")).status, 400); // the policy holds here too
        const HttpResult ok = reset(token, kNewPassword);
        QCOMPARE(ok.status, 204);
        QVERIFY(!ok.body.contains("access_token")); // no sign-in from a mailed link
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), session).status, 401); // every session ended
        QCOMPARE(m_fx.login(QStringLiteral("forgetful@example.org"), kPassword).status, 401);
        QCOMPARE(m_fx.login(QStringLiteral("forgetful@example.org"), kNewPassword).status, 200);

        const HttpResult again = reset(token, QStringLiteral("yet another passphrase"));
        QCOMPARE(again.status, 400); // single use
        QVERIFY(again.json()["error"]["code"] == "invalid_token");

        const std::optional<Mail> notice = waitForMail(m_outbox, 2);
        QVERIFY(notice);
        QVERIFY(notice->text.contains(QStringLiteral("was just reset")));
    }

    void newerRequestVoidsTheOlderLink()
    {
        QVERIFY(forgot(QStringLiteral("forgetful@example.org")).status == 202);
        const QString first = tokenIn(waitForMail(m_outbox, 3)->text);
        QVERIFY(forgot(QStringLiteral("forgetful@example.org")).status == 202);
        const QString second = tokenIn(waitForMail(m_outbox, 4)->text);
        QVERIFY(first != second);
        QCOMPARE(reset(first, QStringLiteral("superseded passphrase")).status, 400);
        QCOMPARE(reset(second, QStringLiteral("the second passphrase")).status, 204);
    }

    void expiredLinkIsRefused()
    {
        QVERIFY(forgot(QStringLiteral("forgetful@example.org")).status == 202);
        const std::optional<Mail> mail = waitForMail(m_outbox, 6); // 5 was the notice
        QVERIFY(mail);
        const QString token = tokenIn(mail->text);
        {
            // Thirty minutes pass (the server's database is shared with us in WAL mode).
            auto db = quire::test::TestDatabase::open(m_fx.server());
            QVERIFY(db.ok());
            QVERIFY((*db)
                        ->run(QStringLiteral(
                            "UPDATE email_tokens SET expires_at = '2000-01-01T00:00:00.000Z' WHERE used_at IS NULL"))
                        .ok());
        }
        QCOMPARE(reset(token, QStringLiteral("too late passphrase")).status, 400);
    }

    void registrationMailsAVerificationLink()
    {
        const int before = QDir(m_outbox).entryList({ QStringLiteral("*.eml") }).size();
        const HttpResult r = m_fx.http().postJson(
            QStringLiteral("/api/v1/auth/register"),
            json({ { "email", "new@example.org" }, { "password", kPassword.toStdString() }, { "name", "Neu" } }));
        QCOMPARE(r.status, 201);
        const std::optional<Mail> mail = waitForMail(m_outbox, before + 1);
        QVERIFY(mail);
        QVERIFY(mail->text.contains(QStringLiteral("https://docs.example.test/verify-email?token=qt_")));
        const QByteArray session = m_fx.token(QStringLiteral("new@example.org"), kPassword); // unverified may sign in
        QVERIFY(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), session).json()["email_verified"] == false);
        const HttpResult verified = m_fx.http().postJson(QStringLiteral("/api/v1/auth/verify-email"),
                                                         json({ { "token", tokenIn(mail->text).toStdString() } }));
        QCOMPARE(verified.status, 200);
        QVERIFY(verified.json()["user"]["email_verified"] == true);
        QCOMPARE(m_fx.http()
                     .postJson(QStringLiteral("/api/v1/auth/verify-email"),
                               json({ { "token", tokenIn(mail->text).toStdString() } }))
                     .status,
                 400);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/auth/resend-verification"), session).status, 409);
    }

    void changingTheEmailNeedsPasswordAndTheNewAddress()
    {
        QVERIFY(m_fx.createUser(QStringLiteral("mover@example.org"), QStringLiteral("author"), kPassword));
        const QByteArray token = m_fx.token(QStringLiteral("mover@example.org"), kPassword);
        const QString path = QStringLiteral("/api/v1/users/me/email");
        QCOMPARE(m_fx.call("PUT", path, token,
                           json({ { "password", "not my password!" }, { "new_email", "moved@example.org" } }))
                     .status,
                 403);
        QCOMPARE(m_fx.call("PUT", path, token,
                           json({ { "password", kPassword.toStdString() }, { "new_email", "forgetful@example.org" } }))
                     .status,
                 409);
        QCOMPARE(m_fx.call("PUT", path, token,
                           json({ { "password", kPassword.toStdString() }, { "new_email", "no-at-sign" } }))
                     .status,
                 400);
        const int before = QDir(m_outbox).entryList({ QStringLiteral("*.eml") }).size();
        QCOMPARE(m_fx.call("PUT", path, token,
                           json({ { "password", kPassword.toStdString() }, { "new_email", "Moved@Example.org" } }))
                     .status,
                 202);
        const std::optional<Mail> mail = waitForMail(m_outbox, before + 1);
        QVERIFY(mail);
        QVERIFY(mail->headers.contains("To: moved@example.org")); // to the new address
        // Until confirmed, the old address stays.
        QCOMPARE(m_fx.login(QStringLiteral("mover@example.org"), kPassword).status, 200);
        const HttpResult confirmed = m_fx.http().postJson(QStringLiteral("/api/v1/auth/verify-email"),
                                                          json({ { "token", tokenIn(mail->text).toStdString() } }));
        QCOMPARE(confirmed.status, 200);
        QVERIFY(confirmed.json()["user"]["email"] == "moved@example.org");
        QCOMPARE(m_fx.login(QStringLiteral("moved@example.org"), kPassword).status, 200);
        QCOMPARE(m_fx.login(QStringLiteral("mover@example.org"), kPassword).status, 401);
    }

    void mailThroughSmtpWithStartTlsAndAuth()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("sink-cert.pem")),
                      key = dir.filePath(QStringLiteral("sink-key.pem"));
        QVERIFY(quire::server::TlsCredentials::generate(cert, key, { QStringLiteral("127.0.0.1") }).ok());
        const QString inbox = dir.filePath(QStringLiteral("inbox"));
        QVERIFY(QDir().mkpath(inbox));
        QProcess sink;
        sink.start(
            qEnvironmentVariable("QUIRE_SMTP_SINK_BINARY"),
            { QStringLiteral("0"), cert, key, QStringLiteral("relay-user"), QStringLiteral("relay secret"), inbox });
        QVERIFY(sink.waitForReadyRead(10000));
        const QByteArray port = sink.readLine().trimmed().split(' ').last();

        for (const QString &password : { QStringLiteral("wrong secret"), QStringLiteral("relay secret") }) {
            AccountFixture fx;
            ServerProcess::Options options;
            options.extraArgs = { QStringLiteral("--smtp-host"),    QStringLiteral("127.0.0.1"),
                                  QStringLiteral("--smtp-port"),    QString::fromLatin1(port),
                                  QStringLiteral("--smtp-user"),    QStringLiteral("relay-user"),
                                  QStringLiteral("--smtp-ca-file"), cert,
                                  QStringLiteral("--mail-from"),    QStringLiteral("Quire <quire@docs.example.test>") };
            options.env = { { QStringLiteral("QUIRE_SMTP_PASSWORD"), password } };
            QVERIFY2(fx.start(options), qPrintable(fx.server().errorString()));
            QVERIFY(fx.createUser(QStringLiteral("smtp@example.org"), QStringLiteral("reader"), kPassword));
            const HttpResult r = fx.http().postJson(QStringLiteral("/api/v1/auth/forgot-password"),
                                                    json({ { "email", "smtp@example.org" } }));
            QCOMPARE(r.status, 202); // the answer never waits for, or depends on, delivery
            QVERIFY(fx.server().stop()); // shutdown waits for the mail in flight
            const QByteArray log = fx.server().standardError();
            if (password == QLatin1String("wrong secret")) {
                QVERIFY2(log.contains("SMTP AUTH failed"), log.right(600).constData());
                QVERIFY(!log.contains("wrong secret")); // secrets never logged
                QVERIFY(QDir(inbox).entryList({ QStringLiteral("*.eml") }).isEmpty());
            } else {
                const std::optional<Mail> mail = waitForMail(inbox, 1);
                QVERIFY2(mail, log.right(600).constData());
                QVERIFY(mail->headers.contains("X-Envelope-From: <quire@docs.example.test>"));
                QVERIFY(mail->headers.contains("X-Envelope-To: <smtp@example.org>"));
                QVERIFY(mail->headers.contains("From: Quire <quire@docs.example.test>"));
                QVERIFY(mail->text.contains(QStringLiteral("/reset-password?token=qt_")));
            }
        }
        sink.kill();
        sink.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"
