// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/core/auditactions.h"
#include "desktop/accounts/widgets/adduserdialog.h"
#include "desktop/accounts/widgets/adminview.h"
#include "desktop/core/authsession.h"
#include "desktop/core/datetext.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/mainwindow.h"
#include "shared/timestamp.h"
#include "tests/desktop/serverprofile.h"
#include "tests/server/accounts/outbox.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "tests/support/widgetfinder.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace quire;

namespace {
const QString kPassword = QStringLiteral("admin view passphrase");
}

// The Admin section clicked through as an administrator against the real server.
class TestAdminView : public QObject
{
    Q_OBJECT
private:
    quire::test::ServerProfile m_fx;
    gui::AdminView *m_view = nullptr;

    template<typename T> T *child(const char *name) { return quire::test::findNamed<T>(*m_view, name); }

    bool createUser(const QString &email, const QString &role) { return m_fx.createUser(email, role, kPassword); }

    nlohmann::json serverUser(const QString &query)
    {
        quire::test::TestHttpClient http(m_fx.server.url(), m_fx.server.fingerprint());
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

    // Selects the only row a search for `query` leaves.
    void selectOnly(const QString &query)
    {
        QTableWidget *users = child<QTableWidget>("userTable");
        child<QLineEdit>("userSearch")->clear();
        QTest::keyClicks(child<QLineEdit>("userSearch"), query);
        QTest::keyClick(child<QLineEdit>("userSearch"), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(users->rowCount() == 1 && users->item(0, 1)->text().startsWith(query), 20000);
        QTest::mouseClick(users->viewport(), Qt::LeftButton, {}, users->visualItemRect(users->item(0, 1)).center());
    }

    // The question asked before disabling, while it is open.
    QMessageBox *openConfirmation()
    {
        for (QMessageBox *box : m_view->findChildren<QMessageBox *>(QStringLiteral("confirmDisable")))
            if (box->isVisible())
                return box;
        return nullptr;
    }

    // The question, once it opens (null if it never does).
    QMessageBox *confirmation()
    {
        return QTest::qWaitFor([&] { return openConfirmation() != nullptr; }, 5000) ? openConfirmation() : nullptr;
    }

    void clickTab(int index)
    {
        QTabBar *bar = child<QTabWidget>("adminTabs")->tabBar();
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(index).center());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fx.start());
        QVERIFY(createUser(QStringLiteral("boss@example.org"), QStringLiteral("admin")));
        QVERIFY(createUser(QStringLiteral("reader@example.org"), QStringLiteral("reader")));
        QVERIFY(m_fx.openProfile());
        QVERIFY(m_fx.showWindow(QSize(1280, 800)));
        m_view = m_fx.window->findChild<gui::AdminView *>();
        QVERIFY(m_view);
        auto *nav = m_fx.window->findChild<QListWidget *>(QStringLiteral("navigation"));
        const int adminRow = int(m_fx.window->sectionIds().indexOf(QStringLiteral("admin")));
        QVERIFY(adminRow >= 0);
        QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, nav->visualItemRect(nav->item(adminRow)).center());
        QVERIFY(child<QLabel>("adminNotice")->isVisible());

        QVERIFY(m_fx.signIn(QStringLiteral("boss@example.org"), kPassword));
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
        auto *toggle = child<QPushButton>("toggleDisabledButton");
        QCOMPARE(toggle->text().remove(QLatin1Char('&')), QStringLiteral("Disable Account"));
        // Asked first, naming the user; Cancel changes nothing.
        QTest::mouseClick(toggle, Qt::LeftButton);
        QMessageBox *ask = confirmation();
        QVERIFY(ask);
        QVERIFY2(ask->text().contains(QStringLiteral("reader@example.org")), qPrintable(ask->text()));
        QTest::mouseClick(ask->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!openConfirmation());
        QVERIFY(serverUser(QStringLiteral("reader"))["disabled"] == false);

        QTest::mouseClick(toggle, Qt::LeftButton);
        ask = confirmation();
        QVERIFY(ask);
        QTest::mouseClick(ask->findChild<QPushButton *>(QStringLiteral("confirmDisableButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(serverUser(QStringLiteral("reader"))["disabled"] == true, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(users->rowCount() == 1 && users->item(0, 3)->text() == QStringLiteral("Disabled"),
                                 20000);
        QTest::mouseClick(users->viewport(), Qt::LeftButton, {}, users->visualItemRect(users->item(0, 1)).center());
        QCOMPARE(toggle->text().remove(QLatin1Char('&')), QStringLiteral("Enable Account"));
        // Enabling takes nothing away: no question.
        QTest::mouseClick(toggle, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(serverUser(QStringLiteral("reader"))["disabled"] == false, 20000);
        QVERIFY(!openConfirmation());
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
        QMessageBox *ask = confirmation();
        QVERIFY(ask);
        QTest::mouseClick(ask->findChild<QPushButton *>(QStringLiteral("confirmDisableButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>("adminStatus")->text().contains(QStringLiteral("last active administrator")), 20000);
    }

    void addsAUserWhoIsMailedALink()
    {
        clickTab(0);
        QTest::mouseClick(child<QPushButton>("addUserButton"), Qt::LeftButton);
        gui::AddUserDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_view->findChild<gui::AddUserDialog *>()) && dialog->isVisible());
        const auto field = [&](const char *name) { return quire::test::findNamed<QWidget>(*dialog, name); };
        auto *add = quire::test::findNamed<QPushButton>(*dialog, "addUserButton");
        // Empty: both fields say what they need, and nothing is sent.
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(field("nameError")->isVisible());
        QVERIFY(field("emailError")->isVisible());
        // A taken address is named beside the email field; the dialog stays.
        QTest::keyClicks(field("newUserName"), QStringLiteral("Boss Again"));
        QTest::keyClicks(field("newUserEmail"), QStringLiteral("boss@example.org"));
        QTest::mouseClick(add, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            quire::test::findNamed<QLabel>(*dialog, "emailError")->text().contains(QStringLiteral("exists")), 20000);
        QVERIFY(dialog->isVisible());
        QVERIFY(!field("nameError")->isVisible());

        const int mails = quire::test::Outbox::count(m_fx.server.dataDir() + QStringLiteral("/outbox"));
        auto *email = quire::test::findNamed<QLineEdit>(*dialog, "newUserEmail");
        email->selectAll();
        QTest::keyClicks(email, QStringLiteral("newcomer@example.org"));
        auto *role = quire::test::findNamed<QComboBox>(*dialog, "newUserRole");
        role->setCurrentIndex(role->findData(QStringLiteral("editor")));
        QTest::mouseClick(add, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->findChild<gui::AddUserDialog *>(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("adminStatus")->text().contains(QStringLiteral("newcomer@example.org")),
                                 20000);
        const nlohmann::json added = serverUser(QStringLiteral("newcomer"));
        QVERIFY(added["role"] == "editor");
        QVERIFY(added["name"] == "Boss Again");
        const auto mail = quire::test::Outbox::waitForMailTo(m_fx.server.dataDir() + QStringLiteral("/outbox"),
                                                             mails + 1, QStringLiteral("newcomer@example.org"));
        QVERIFY(mail);
        QVERIFY(!quire::test::Outbox::tokenIn(mail->text).isEmpty());
        // The list shows everyone again, the newcomer among them.
        QTableWidget *users = child<QTableWidget>("userTable");
        QTRY_VERIFY_WITH_TIMEOUT(!users->findItems(QStringLiteral("newcomer@example.org"), Qt::MatchExactly).isEmpty(),
                                 20000);
    }

    void columnsFitTheirContent()
    {
        QTableWidget *users = child<QTableWidget>("userTable");
        QTRY_VERIFY_WITH_TIMEOUT(users->rowCount() >= 3, 20000);
        QVERIFY(users->viewport()->width() > 600);
        QHeaderView *header = users->horizontalHeader();
        for (int column = 0; column < users->columnCount(); ++column) {
            int content = header->sectionSizeHint(column);
            for (int row = 0; row < users->rowCount(); ++row)
                content = qMax(content, users->sizeHintForIndex(users->model()->index(row, column)).width());
            // Nothing cut off, and no column stretched across the window (a
            // grid line's pixel aside).
            QVERIFY2(header->sectionSize(column) >= content, qPrintable(QString::number(column)));
            QVERIFY2(header->sectionSize(column) <= content + 2,
                     qPrintable(QStringLiteral("column %1: %2 px for %3 px of content")
                                    .arg(column)
                                    .arg(header->sectionSize(column))
                                    .arg(content)));
        }
    }

    void emptyListsSayWhatToDo()
    {
        QTableWidget *users = child<QTableWidget>("userTable");
        child<QLineEdit>("userSearch")->clear();
        QTest::keyClicks(child<QLineEdit>("userSearch"), QStringLiteral("nobody-by-this-name"));
        QTest::keyClick(child<QLineEdit>("userSearch"), Qt::Key_Return);
        auto *usersEmpty = child<QLabel>("usersEmpty");
        QTRY_VERIFY_WITH_TIMEOUT(usersEmpty->isVisible(), 20000);
        QVERIFY(!users->isVisible());
        QVERIFY(usersEmpty->text().contains(QStringLiteral("nobody-by-this-name")));
        QVERIFY(usersEmpty->text().contains(QStringLiteral("Add User")));
        child<QLineEdit>("userSearch")->clear();
        QTest::keyClick(child<QLineEdit>("userSearch"), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(users->isVisible() && users->rowCount() >= 3, 20000);
        QVERIFY(!usersEmpty->isVisible());

        // No invite code made yet: the page says how to make one.
        clickTab(1);
        QVERIFY(child<QLabel>("invitesEmpty")->isVisible());
        QVERIFY(child<QLabel>("invitesEmpty")->text().contains(QStringLiteral("Create Invite Code")));
        QVERIFY(!child<QLineEdit>("inviteCode")->isVisible());

        // A filter nothing matches: the log says how to see more.
        clickTab(2);
        QComboBox *filter = child<QComboBox>("auditActionBox");
        filter->setCurrentIndex(filter->findData(QStringLiteral("refresh_token_reuse")));
        auto *auditEmpty = child<QLabel>("auditEmpty");
        QTRY_VERIFY_WITH_TIMEOUT(auditEmpty->isVisible(), 20000);
        QVERIFY(!child<QTableWidget>("auditTable")->isVisible());
        QVERIFY(auditEmpty->text().contains(QStringLiteral("All events")));
        filter->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(child<QTableWidget>("auditTable")->isVisible(), 20000);
        QVERIFY(!auditEmpty->isVisible());
    }

    void createsAnInvite()
    {
        clickTab(1);
        QTest::mouseClick(child<QPushButton>("createInviteButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLineEdit>("inviteCode")->text().startsWith(QStringLiteral("qi_")), 20000);
        QVERIFY(child<QLineEdit>("inviteCode")->isVisible());
        QVERIFY(!child<QLabel>("invitesEmpty")->isVisible());
    }

    void showsAndFiltersTheAuditLog()
    {
        clickTab(0);
        child<QLineEdit>("userSearch")->clear();
        QTest::mouseClick(child<QPushButton>("searchButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("adminStatus")->text().contains(QStringLiteral("found")), 20000);
        clickTab(2);
        QTableWidget *audit = child<QTableWidget>("auditTable");
        QTRY_VERIFY_WITH_TIMEOUT(audit->rowCount() >= 3, 20000);
        // The users tab's count is not the log's.
        QVERIFY2(!child<QLabel>("adminStatus")->text().contains(QStringLiteral("found")),
                 qPrintable(child<QLabel>("adminStatus")->text()));
        QComboBox *filter = child<QComboBox>("auditActionBox");
        filter->setCurrentIndex(filter->findData(QStringLiteral("role_change")));
        QTRY_COMPARE_WITH_TIMEOUT(audit->rowCount(), 1, 20000);
        // Read as a person expects: the action in words, who and whom by
        // name and email (the ids only in the tooltip), the date in full
        // with the exact time in the tooltip.
        QCOMPARE(audit->item(0, 1)->text(), QStringLiteral("Changed role"));
        QCOMPARE(audit->item(0, 1)->data(Qt::UserRole).toString(), QStringLiteral("role_change"));
        QCOMPARE(audit->item(0, 2)->text(), QStringLiteral("boss (boss@example.org)"));
        QCOMPARE(audit->item(0, 3)->text(), QStringLiteral("reader (reader@example.org)"));
        QCOMPARE(audit->item(0, 3)->toolTip(), QString::fromStdString(serverUser(QStringLiteral("reader"))["id"]));
        const QString at = audit->item(0, 0)->data(Qt::UserRole).toString();
        QVERIFY(shared::Timestamp::parse(at));
        QCOMPARE(audit->item(0, 0)->text(), desktop::DateText::full(at));
        QCOMPARE(audit->item(0, 0)->toolTip(), desktop::DateText::exact(at));
        QVERIFY(audit->item(0, 0)->toolTip() != audit->item(0, 0)->text()); // to the second

        // The accounts the console made: by the server console, not by a blank.
        filter->setCurrentIndex(filter->findData(QStringLiteral("user_created")));
        QTRY_VERIFY_WITH_TIMEOUT(audit->rowCount() >= 2
                                     && !audit->findItems(QStringLiteral("Server console"), Qt::MatchExactly).isEmpty(),
                                 20000);
        for (int row = 0; row < audit->rowCount(); ++row) {
            QCOMPARE(audit->item(row, 1)->text(), QStringLiteral("Added account"));
            QVERIFY(!audit->item(row, 3)->text().isEmpty());
            if (audit->item(row, 2)->text() == QStringLiteral("Server console"))
                QVERIFY(audit->item(row, 4)->text().isEmpty()); // no "console" in the address column
        }
    }

    // Every action the server writes (AuditLog::record/note in
    // server/accounts) has words and is offered by the filter.
    void everyActionHasALabel_data()
    {
        QTest::addColumn<QString>("action");
        for (const char *action :
             { "login", "login_failed", "logout", "logout_all", "refresh_token_reuse", "register", "password_change",
               "password_reset_requested", "password_reset", "password_generated", "email_change_requested",
               "email_changed", "email_verified", "user_created", "role_change", "user_disabled", "user_enabled",
               "user_deleted", "invite_created" })
            QTest::newRow(action) << QString::fromLatin1(action);
    }

    void everyActionHasALabel()
    {
        QFETCH(QString, action);
        const QString label = desktop::AuditActions::label(action);
        QVERIFY(!label.isEmpty());
        QVERIFY2(label != action, qPrintable(label));
        QVERIFY(!label.contains(QLatin1Char('_')));
        QComboBox *filter = child<QComboBox>("auditActionBox");
        const int index = filter->findData(action);
        QVERIFY(index > 0);
        QCOMPARE(filter->itemText(index), label);
    }

    void usersShowWhenTheyWereAdded()
    {
        clickTab(0);
        selectOnly(QStringLiteral("reader@"));
        QTableWidget *users = child<QTableWidget>("userTable");
        const nlohmann::json reader = serverUser(QStringLiteral("reader"));
        const std::optional<QDateTime> created = shared::Timestamp::parse(QString::fromStdString(reader["created_at"]));
        QVERIFY(created);
        QCOMPARE(users->horizontalHeaderItem(4)->text(), QStringLiteral("Added"));
        QCOMPARE(users->item(0, 4)->text(), desktop::DateText::full(*created));
        QCOMPARE(users->item(0, 4)->toolTip(), desktop::DateText::exact(*created));
        clickTab(2);
    }

    void showsOneUsersEvents()
    {
        QComboBox *filter = child<QComboBox>("auditActionBox");
        filter->setCurrentIndex(0); // all events
        clickTab(0);
        QTableWidget *users = child<QTableWidget>("userTable");
        selectOnly(QStringLiteral("boss@"));
        QTest::mouseClick(child<QPushButton>("userEventsButton"), Qt::LeftButton);
        QTableWidget *audit = child<QTableWidget>("auditTable");
        QVERIFY(child<QLabel>("auditActorLabel")->text().contains(QStringLiteral("boss@example.org")));
        const QString bossId = users->item(0, 0)->data(Qt::UserRole).toString();
        // The table shows the whole log until the filtered answer comes.
        const auto onlyBoss = [&] {
            for (int row = 0; row < audit->rowCount(); ++row)
                if (audit->item(row, 2)->data(Qt::UserRole).toString() != bossId
                    || !audit->item(row, 2)->text().contains(QStringLiteral("boss@example.org")))
                    return false;
            return audit->rowCount() >= 1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(onlyBoss(), 20000);
        QTest::mouseClick(child<QPushButton>("auditEveryoneButton"), Qt::LeftButton);
        QTRY_VERIFY(child<QLabel>("auditActorLabel")->text().contains(QStringLiteral("everyone")));
    }
};

QTEST_MAIN(TestAdminView)
#include "tst_adminview.moc"
