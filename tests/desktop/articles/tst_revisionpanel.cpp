// SPDX-License-Identifier: GPL-3.0-or-later
// The History tab against the real server: one row per editing session
// saying who, when and how much changed, and "Save version".
#include "desktop/core/authsession.h"
#include "desktop/core/datetext.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/revisionpanel.h"
#include "tests/desktop/serverprofile.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "tests/support/widgetfinder.h"

#include <QListWidget>
#include <QPushButton>
#include <QTest>

using namespace quire;

namespace {
const QString kPassword = QStringLiteral("revision panel passphrase");
}

class TestRevisionPanel : public QObject
{
    Q_OBJECT
private:
    quire::test::ServerProfile m_fx;
    std::unique_ptr<quire::test::TestHttpClient> m_http;
    QByteArray m_token;

    test::HttpResult call(const QByteArray &method, const QString &path, const nlohmann::json &body = {})
    {
        return m_http->request(method, path, body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump()),
                               { { "Authorization", "Bearer " + m_token }, { "Content-Type", "application/json" } });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fx.start());
        QVERIFY(m_fx.createUser(QStringLiteral("ed@example.org"), QStringLiteral("editor"), kPassword));
        m_http = std::make_unique<quire::test::TestHttpClient>(m_fx.server.url(), m_fx.server.fingerprint());
        const auto login = m_http->postJson(
            QStringLiteral("/api/v1/auth/login"),
            QByteArray::fromStdString(
                nlohmann::json { { "email", "ed@example.org" }, { "password", kPassword.toStdString() } }.dump()));
        m_token = QByteArray::fromStdString(login.json()["access_token"]);
        QVERIFY(!m_token.isEmpty());
        QVERIFY(m_fx.openProfile());
        QVERIFY(m_fx.signIn(QStringLiteral("ed@example.org"), kPassword));
    }

    void sessionsAndSaveVersion()
    {
        test::HttpResult r
            = call("POST", QStringLiteral("/api/v1/guides"), { { "title", "History" }, { "body", "one two three\n" } });
        QVERIFY2(r.status == 201, r.body.constData());
        const QString id = QString::fromStdString(r.json()["id"].get<std::string>());
        const QString base = QStringLiteral("/api/v1/guides/") + id;
        // Three autosaves seconds apart.
        QCOMPARE(call("PATCH", base, { { "body", "one two three four\n" } }).status, 200);
        QCOMPARE(call("PATCH", base, { { "body", "one two three four five\n" } }).status, 200);

        gui::RevisionPanel panel(*m_fx.workspace);
        panel.show();
        auto *list = test::findNamed<QListWidget>(panel, "revisionList");
        auto *save = test::findNamed<QPushButton>(panel, "saveVersionButton");
        QVERIFY(!save->isEnabled()); // no article yet
        panel.showArticle(QStringLiteral("guide"), id);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, 20000);
        const QString row = list->item(0)->text();
        QVERIFY2(row.contains(QStringLiteral("+5 −0")), qPrintable(row));
        const nlohmann::json newest = call("GET", base + QStringLiteral("/revisions")).json()["items"][0];
        QVERIFY2(row.startsWith(desktop::DateText::full(QString::fromStdString(newest["created_at"]))),
                 qPrintable(row));
        QVERIFY2(row.contains(QString::fromStdString(newest["author"]["name"].get<std::string>())), qPrintable(row));

        // "Save version" syncs, then keeps the latest revision: the next
        // edit, seconds later, is a session of its own.
        bool asked = false;
        panel.setBeforeSaveVersion([&] {
            asked = true;
            return true;
        });
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(asked);
        QTRY_VERIFY_WITH_TIMEOUT(list->count() == 1 && list->item(0)->text().contains(QStringLiteral("saved version")),
                                 20000);
        QCOMPARE(call("PATCH", base, { { "body", "one 2 three four five\n" } }).status, 200);
        panel.reload();
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 2, 20000);
        QVERIFY2(list->item(0)->text().contains(QStringLiteral("+1 −1")), qPrintable(list->item(0)->text()));
        QVERIFY(!list->item(0)->text().contains(QStringLiteral("saved version")));
        QVERIFY(list->item(1)->text().contains(QStringLiteral("saved version")));
    }
};

QTEST_MAIN(TestRevisionPanel)
#include "tst_revisionpanel.moc"
