// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/widgets/adminview.h"
#include "desktop/core/authsession.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/mainwindow.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "tests/support/widgetfinder.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using quire::test::ServerProcess;

namespace {
const QString kPassword = QStringLiteral("admin view passphrase");
}

// The Admin section clicked through as an administrator against the real server.
class TestAdminView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<desktop::Workspace> m_workspace;
    std::unique_ptr<gui::MainWindow> m_window;
    gui::AdminView *m_view = nullptr;

    template<typename T> T *child(const char *name) { return quire::test::findNamed<T>(*m_view, name); }

    bool createUser(const QString &email, const QString &role)
    {
        return ServerProcess::run({ QStringLiteral("create-user"), QStringLiteral("--data-dir"), m_server.dataDir(),
                                    QStringLiteral("--email"), email, QStringLiteral("--role"), role },
                                  60000, {}, kPassword.toUtf8() + '\n')
                   .exitCode
            == 0;
    }

    nlohmann::json serverUser(const QString &query)
    {
        quire::test::TestHttpClient http(m_server.url(), m_server.fingerprint());
        const auto login = http.postJson(
            QStringLiteral("/api/v1/auth/login"),
            QByteArray::fromStdString(
                nlohmann::json { { "email", "boss@example.org" }, { "password", kPassword.toStdString() } }.dump()));
        const QByteArray token = QByteArray::fromStdString(login.json()["access_token"]);
        return http
            .request("GET", QStringLiteral("/api/v1/admin/users?q=") + query, {},
                     { { "Authorization", "Bearer " + token } })
            .json()["users"][0];
    }

    void clickTab(int index)
    {
        QTabBar *bar = child<QTabWidget>("adminTabs")->tabBar();
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(index).center());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ServerProcess::Options o;
        o.extraArgs = { QStringLiteral("--rate-limit-scale"), QStringLiteral("1000000") };
        QVERIFY2(m_server.start(o), qPrintable(m_server.errorString()));
        QVERIFY(createUser(QStringLiteral("boss@example.org"), QStringLiteral("admin")));
        QVERIFY(createUser(QStringLiteral("reader@example.org"), QStringLiteral("reader")));
        auto ws = desktop::Workspace::open(m_dir.filePath(QStringLiteral("profile")));
        QVERIFY(ws.ok());
        m_workspace = std::move(ws.value());
        m_workspace->useServer(m_server.url(), m_server.fingerprint());
        m_window = std::make_unique<gui::MainWindow>(*m_workspace);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_view = m_window->findChild<gui::AdminView *>();
        QVERIFY(m_view);
        auto *nav = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
        const int adminRow = int(m_window->sectionIds().indexOf(QStringLiteral("admin")));
        QVERIFY(adminRow >= 0);
        QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, nav->visualItemRect(nav->item(adminRow)).center());
        QVERIFY(child<QLabel>("adminNotice")->isVisible());

        bool done = false;
        m_workspace->session().signIn(QStringLiteral("boss@example.org"), kPassword, [&](const desktop::ApiReply &r) {
            QVERIFY(r.ok());
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    }

    void listsAndSearchesUsers()
    {
        QTableWidget *users = child<QTableWidget>("userTable");
        QTRY_COMPARE_WITH_TIMEOUT(users->rowCount(), 2, 20000);
        QTest::keyClicks(child<QLineEdit>("userSearch"), QStringLiteral("reader"));
        QTest::keyClick(child<QLineEdit>("userSearch"), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(users->rowCount(), 1, 20000);
        QCOMPARE(users->item(0, 1)->text(), QStringLiteral("reader@example.org"));
    }

    void changesARoleAndDisables()
    {
        QTableWidget *users = child<QTableWidget>("userTable");
        QTest::mouseClick(users->viewport(), Qt::LeftButton, {}, users->visualItemRect(users->item(0, 1)).center());
        QComboBox *role = child<QComboBox>("roleBox");
        QCOMPARE(role->currentData().toString(), QStringLiteral("reader"));
        role->setFocus();
        QTest::keyClick(role, Qt::Key_Down); // reader -> creator
        QCOMPARE(role->currentData().toString(), QStringLiteral("creator"));
        QTest::mouseClick(child<QPushButton>("setRoleButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("adminStatus")->text().contains(QStringLiteral("Saved changes")), 20000);
        QVERIFY(serverUser(QStringLiteral("reader"))["role"] == "creator");

        QTRY_COMPARE_WITH_TIMEOUT(users->rowCount(), 1, 20000);
        QTest::mouseClick(users->viewport(), Qt::LeftButton, {}, users->visualItemRect(users->item(0, 1)).center());
        QTest::mouseClick(child<QPushButton>("toggleDisabledButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(serverUser(QStringLiteral("reader"))["disabled"] == true, 20000);
    }

    void theLastAdminIsProtectedInTheView()
    {
        QTableWidget *users = child<QTableWidget>("userTable");
        child<QLineEdit>("userSearch")->clear();
        QTest::keyClicks(child<QLineEdit>("userSearch"), QStringLiteral("boss"));
        QTest::keyClick(child<QLineEdit>("userSearch"), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            users->rowCount() == 1 && users->item(0, 1)->text() == QStringLiteral("boss@example.org"), 20000);
        QTest::mouseClick(users->viewport(), Qt::LeftButton, {}, users->visualItemRect(users->item(0, 1)).center());
        QTest::mouseClick(child<QPushButton>("toggleDisabledButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>("adminStatus")->text().contains(QStringLiteral("last active administrator")), 20000);
    }

    void createsAnInvite()
    {
        clickTab(1);
        QTest::mouseClick(child<QPushButton>("createInviteButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLineEdit>("inviteCode")->text().startsWith(QStringLiteral("qi_")), 20000);
    }

    void showsAndFiltersTheAuditLog()
    {
        clickTab(2);
        QTableWidget *audit = child<QTableWidget>("auditTable");
        QTRY_VERIFY_WITH_TIMEOUT(audit->rowCount() >= 3, 20000);
        QComboBox *filter = child<QComboBox>("auditActionBox");
        filter->setCurrentIndex(filter->findData(QStringLiteral("role_change")));
        QTRY_COMPARE_WITH_TIMEOUT(audit->rowCount(), 1, 20000);
        QCOMPARE(audit->item(0, 1)->text(), QStringLiteral("role_change"));
    }

    void showsOneUsersEvents()
    {
        QComboBox *filter = child<QComboBox>("auditActionBox");
        filter->setCurrentIndex(0); // all events
        clickTab(0);
        QTableWidget *users = child<QTableWidget>("userTable");
        QTRY_VERIFY_WITH_TIMEOUT(users->rowCount() == 1, 20000); // still filtered to boss@
        QTest::mouseClick(users->viewport(), Qt::LeftButton, {}, users->visualItemRect(users->item(0, 1)).center());
        QTest::mouseClick(child<QPushButton>("userEventsButton"), Qt::LeftButton);
        QTableWidget *audit = child<QTableWidget>("auditTable");
        QVERIFY(child<QLabel>("auditActorLabel")->text().contains(QStringLiteral("boss@example.org")));
        QTRY_VERIFY_WITH_TIMEOUT(audit->rowCount() >= 1, 20000);
        const QString bossId = users->item(0, 0)->data(Qt::UserRole).toString();
        for (int row = 0; row < audit->rowCount(); ++row)
            QCOMPARE(audit->item(row, 2)->text(), bossId);
        QTest::mouseClick(child<QPushButton>("auditEveryoneButton"), Qt::LeftButton);
        QTRY_VERIFY(child<QLabel>("auditActorLabel")->text().contains(QStringLiteral("everyone")));
    }
};

QTEST_MAIN(TestAdminView)
#include "tst_adminview.moc"
