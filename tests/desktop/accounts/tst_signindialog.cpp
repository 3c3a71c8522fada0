// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/widgets/choosepassworddialog.h"
#include "desktop/accounts/widgets/profiledialog.h"
#include "desktop/accounts/widgets/signindialog.h"
#include "desktop/core/authsession.h"
#include "desktop/core/replica.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/mainwindow.h"
#include "tests/desktop/serverprofile.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "tests/support/widgetfinder.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace quire;
using quire::test::ServerProcess;

namespace {
const QString kEmail = QStringLiteral("writer@example.org");
const QString kPassword = QStringLiteral("desktop passphrase one");
} // namespace

// Signing in from the desktop, driven through the real widgets under
// offscreen against the real server over TLS.
class TestSignInDialog : public QObject
{
    Q_OBJECT
private:
    quire::test::ServerProfile m_fx;

    template<typename T> static T *child(QWidget &w, const char *name) { return quire::test::findNamed<T>(w, name); }

    QString accountText() const
    {
        return m_fx.window->statusBar()->findChild<QLabel *>(QStringLiteral("accountIndicator"))->text();
    }

    // A link of the dialog, shown as one and opened with a click on it.
    static void clickLink(QWidget &dialog, const char *name, const QString &text)
    {
        auto *link = child<QLabel>(dialog, name);
        QVERIFY(link->isVisible());
        QCOMPARE(link->textFormat(), Qt::RichText);
        QVERIFY2(link->text().startsWith(QStringLiteral("<a href=")) && link->text().contains(text),
                 qPrintable(link->text()));
        QVERIFY(link->textInteractionFlags().testFlag(Qt::LinksAccessibleByKeyboard));
        QTest::mouseClick(link, Qt::LeftButton, {}, QPoint(link->width() / 2, link->height() / 2));
    }

    gui::SignInDialog *openDialog()
    {
        m_fx.window->findChild<QAction *>(QStringLiteral("signInAction"))->trigger();
        return m_fx.window->findChild<gui::SignInDialog *>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fx.start({ QStringLiteral("--registration"), QStringLiteral("open") }));
        QVERIFY(m_fx.createUser(kEmail, QStringLiteral("author"), kPassword));
        QVERIFY(m_fx.openProfile());
        QVERIFY(m_fx.showWindow());
    }

    void wrongPasswordIsExplained()
    {
        QCOMPARE(accountText(), QStringLiteral("Not signed in"));
        gui::SignInDialog *dialog = openDialog();
        QVERIFY(dialog);
        QTest::keyClicks(child<QLineEdit>(*dialog, "email"), kEmail);
        QTest::keyClicks(child<QLineEdit>(*dialog, "password"), QStringLiteral("not my password at all"));
        QTest::mouseClick(child<QPushButton>(*dialog, "signInButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(*dialog, "statusLabel")->text(),
                                  QStringLiteral("The email address or the password is wrong."), 20000);
        QVERIFY(dialog->isVisible());
        QVERIFY(!m_fx.workspace->session().isSignedIn());
    }

    void signInWithTheKeyboard()
    {
        // QPointer: on success the dialog closes and deletes itself.
        QPointer<gui::SignInDialog> dialog = m_fx.window->findChild<gui::SignInDialog *>();
        QVERIFY2(dialog, "the sign-in dialog closed by itself");
        QLineEdit *password = child<QLineEdit>(*dialog, "password");
        password->clear();
        QTest::keyClicks(password, kPassword);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(m_fx.workspace->session().isSignedIn(), 20000);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(accountText(), QStringLiteral("Signed in as %1").arg(kEmail));
        QCOMPARE(m_fx.workspace->session().role(), QStringLiteral("author"));
        QVERIFY(!m_fx.window->findChild<QAction *>(QStringLiteral("signInAction"))->isEnabled());
    }

    void profileNameAndPassword()
    {
        m_fx.window->findChild<QAction *>(QStringLiteral("profileAction"))->trigger();
        auto *dialog = m_fx.window->findChild<gui::ProfileDialog *>();
        QVERIFY(dialog);
        QLineEdit *name = child<QLineEdit>(*dialog, "profileName");
        QTRY_VERIFY_WITH_TIMEOUT(!name->text().isEmpty(), 20000); // loaded from the server
        name->clear();
        QTest::keyClicks(name, QStringLiteral("Wri Ter"));
        QTest::keyClicks(child<QLineEdit>(*dialog, "profileAvatar"), QStringLiteral("http://not-secure.example/a.png"));
        QTest::mouseClick(child<QPushButton>(*dialog, "saveProfileButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(*dialog, "profileStatus")->text().contains(QStringLiteral("https://")),
                                 20000);
        child<QLineEdit>(*dialog, "profileAvatar")->clear();
        QTest::mouseClick(child<QPushButton>(*dialog, "saveProfileButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(*dialog, "profileStatus")->text(), QStringLiteral("Profile saved."),
                                  20000);

        QTest::keyClicks(child<QLineEdit>(*dialog, "currentPassword"), QStringLiteral("not the current one"));
        QTest::keyClicks(child<QLineEdit>(*dialog, "newPassword"), QStringLiteral("desktop passphrase two"));
        QTest::mouseClick(child<QPushButton>(*dialog, "changePasswordButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(*dialog, "profileStatus")->text().contains(QStringLiteral("not right")),
                                 20000);
        child<QLineEdit>(*dialog, "currentPassword")->clear();
        QTest::keyClicks(child<QLineEdit>(*dialog, "currentPassword"), kPassword);
        QTest::mouseClick(child<QPushButton>(*dialog, "changePasswordButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(*dialog, "profileStatus")->text().startsWith(QStringLiteral("Password changed")), 20000);
        dialog->close();
        // Back to the first password for the tests that follow.
        bool done = false;
        m_fx.workspace->session().call(QStringLiteral("PUT"), QStringLiteral("/api/v1/users/me/password"),
                                       nlohmann::json { { "current_password", "desktop passphrase two" },
                                                        { "new_password", kPassword.toStdString() } },
                                       [&](const desktop::ApiReply &r) {
                                           QVERIFY(r.ok());
                                           done = true;
                                       });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    }

    void silentSignInOnNextStart()
    {
        // A second start of the same profile signs in with the stored refresh token.
        auto reopened = desktop::Workspace::open(m_fx.dir.filePath(QStringLiteral("profile")));
        QVERIFY(reopened.ok());
        bool done = false, ok = false;
        (*reopened)->session().restore([&](const desktop::ApiReply &r) {
            done = true;
            ok = r.ok();
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QVERIFY(ok);
        QCOMPARE((*reopened)->session().email(), kEmail);
    }

    void endedSessionAsksToSignInAndKeepsLocalWork()
    {
        QVERIFY(m_fx.workspace->replica().setMeta(QStringLiteral("unsynced_marker"), QStringLiteral("kept")).ok());
        // Elsewhere the user signs out everywhere: this desktop's session ends on the server.
        quire::test::TestHttpClient http(m_fx.server.url(), m_fx.server.fingerprint());
        const auto login = http.postJson(
            QStringLiteral("/api/v1/auth/login"),
            QByteArray::fromStdString(
                nlohmann::json { { "email", kEmail.toStdString() }, { "password", kPassword.toStdString() } }.dump()));
        QCOMPARE(login.status, 200);
        const QByteArray token = QByteArray::fromStdString(login.json()["access_token"]);
        QCOMPARE(http.request("POST", QStringLiteral("/api/v1/auth/logout-all"), {},
                              { { "Authorization", "Bearer " + token } })
                     .status,
                 204);
        QSignalSpy required(&m_fx.workspace->session(), &desktop::AuthSession::signInRequired);
        bool done = false;
        int status = 0;
        m_fx.workspace->session().call(QStringLiteral("GET"), QStringLiteral("/api/v1/users/me"), std::nullopt,
                                       [&](const desktop::ApiReply &r) {
                                           done = true;
                                           status = r.status;
                                       });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QCOMPARE(status, 401);
        QCOMPARE(required.count(), 1);
        QTRY_VERIFY(m_fx.window->findChild<gui::SignInDialog *>()
                    && m_fx.window->findChild<gui::SignInDialog *>()->isVisible());
        QCOMPARE(accountText(), QStringLiteral("Not signed in"));
        QCOMPARE(m_fx.workspace->replica().meta(QStringLiteral("unsynced_marker")).value(), QStringLiteral("kept"));
    }

    void registerFromTheDialog()
    {
        gui::SignInDialog *dialog = openDialog();
        QVERIFY(dialog);
        clickLink(*dialog, "toRegisterLink", QStringLiteral("Create an account"));
        QTest::keyClicks(child<QLineEdit>(*dialog, "registerName"), QStringLiteral("New Writer"));
        QLineEdit *email = child<QLineEdit>(*dialog, "registerEmail");
        email->clear();
        QTest::keyClicks(email, QStringLiteral("newwriter@example.org"));
        QTest::keyClicks(child<QLineEdit>(*dialog, "registerPassword"), QStringLiteral("short"));
        QTest::mouseClick(child<QPushButton>(*dialog, "registerButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(*dialog, "statusLabel")->text().contains(QStringLiteral("12 to 256 characters")), 20000);
        child<QLineEdit>(*dialog, "registerPassword")->clear();
        QTest::keyClicks(child<QLineEdit>(*dialog, "registerPassword"), QStringLiteral("a new writer's passphrase"));
        QTest::mouseClick(child<QPushButton>(*dialog, "registerButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(*dialog, "statusLabel")->text().startsWith(QStringLiteral("Account created")), 20000);
        // Back on the sign-in page with the new account filled in.
        QCOMPARE(child<QLineEdit>(*dialog, "email")->text(), QStringLiteral("newwriter@example.org"));
        QTest::mouseClick(child<QPushButton>(*dialog, "signInButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(accountText(), QStringLiteral("Signed in as newwriter@example.org"), 20000);
    }

    void forgotPasswordAndSignOut()
    {
        m_fx.window->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
        QTRY_COMPARE(accountText(), QStringLiteral("Not signed in"));
        gui::SignInDialog *dialog = openDialog();
        QVERIFY(dialog);
        clickLink(*dialog, "toForgotLink", QStringLiteral("Forgot your password?"));
        QLineEdit *email = child<QLineEdit>(*dialog, "forgotEmail");
        email->clear();
        QTest::keyClicks(email, kEmail);
        QTest::mouseClick(child<QPushButton>(*dialog, "sendResetButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(*dialog, "statusLabel")->text().contains(QStringLiteral("reset link is on its way")), 20000);
    }

    void cancelCloses()
    {
        gui::SignInDialog *dialog = openDialog();
        QVERIFY(dialog);
        QPointer<gui::SignInDialog> open(dialog);
        QTest::mouseClick(child<QPushButton>(*dialog, "cancelButton"), Qt::LeftButton);
        QTRY_VERIFY(!open || !open->isVisible());
    }

    // Closing the dialog while its request is out: the answer arrives for a
    // dialog that is gone and must be dropped, not written into freed labels
    // (the suite crashed so when a failed check left a request pending).
    void cancelWhileTheServerAnswers()
    {
        gui::SignInDialog *dialog = openDialog();
        QVERIFY(dialog);
        clickLink(*dialog, "toForgotLink", QStringLiteral("Forgot your password?"));
        QLineEdit *email = child<QLineEdit>(*dialog, "forgotEmail");
        email->clear();
        QTest::keyClicks(email, kEmail);
        QTest::mouseClick(child<QPushButton>(*dialog, "sendResetButton"), Qt::LeftButton);
        QVERIFY(!child<QPushButton>(*dialog, "sendResetButton")->isEnabled()); // still out
        delete dialog;
        QTest::qWait(1500); // the answer comes and goes to nobody
        QVERIFY(openDialog());
    }

    // The first admin of ./quire.sh run signs in with the password shown in
    // the terminal and is asked to choose their own right away.
    void oneTimePasswordAsksForANewOne()
    {
        m_fx.window->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
        QTRY_COMPARE(accountText(), QStringLiteral("Not signed in"));
        const QString admin = QStringLiteral("first-admin@example.org");
        const auto created = ServerProcess::run({ QStringLiteral("create-user"), QStringLiteral("--data-dir"),
                                                  m_fx.server.dataDir(), QStringLiteral("--email"), admin,
                                                  QStringLiteral("--role"), QStringLiteral("admin") },
                                                60000, {}, QByteArray()); // no password given: one is generated
        QCOMPARE(created.exitCode, 0);
        const QByteArray shown = created.out.mid(created.out.indexOf("password: ") + 10).split(' ').value(0);
        QVERIFY2(shown.size() >= 20, created.out.constData());

        gui::SignInDialog *dialog = openDialog();
        QVERIFY(dialog);
        QLineEdit *email = child<QLineEdit>(*dialog, "email");
        email->clear();
        QTest::keyClicks(email, admin);
        child<QLineEdit>(*dialog, "password")->clear();
        QTest::keyClicks(child<QLineEdit>(*dialog, "password"), QString::fromLatin1(shown));
        QTest::mouseClick(child<QPushButton>(*dialog, "signInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_fx.window->findChild<gui::ChoosePasswordDialog *>(), 20000);
        auto *choose = m_fx.window->findChild<gui::ChoosePasswordDialog *>();
        QTRY_VERIFY(choose->isVisible());
        QCOMPARE(accountText(), QStringLiteral("Signed in as %1").arg(admin));

        const QString own = QStringLiteral("the first admin's own words");
        QTest::keyClicks(child<QLineEdit>(*choose, "choosePassword"), own);
        QTest::keyClicks(child<QLineEdit>(*choose, "repeatPassword"), own + QStringLiteral("!"));
        QTest::mouseClick(child<QPushButton>(*choose, "savePasswordButton"), Qt::LeftButton);
        QCOMPARE(child<QLabel>(*choose, "statusLabel")->text(),
                 QStringLiteral("The two passwords differ. Type the same one twice."));
        child<QLineEdit>(*choose, "repeatPassword")->clear();
        QTest::keyClicks(child<QLineEdit>(*choose, "repeatPassword"), own);
        QPointer<gui::ChoosePasswordDialog> open(choose);
        QTest::mouseClick(child<QPushButton>(*choose, "savePasswordButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!open || !open->isVisible(), 20000);

        // The one-time password is spent; the chosen one signs in and asks nothing.
        quire::test::TestHttpClient http(m_fx.server.url(), m_fx.server.fingerprint());
        const auto login = [&](const QString &password) {
            return http.postJson(QStringLiteral("/api/v1/auth/login"),
                                 QByteArray::fromStdString(nlohmann::json { { "email", admin.toStdString() },
                                                                            { "password", password.toStdString() } }
                                                               .dump()));
        };
        QCOMPARE(login(QString::fromLatin1(shown)).status, 401);
        const auto again = login(own);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value("password_change_required", true), false);
    }
};

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
