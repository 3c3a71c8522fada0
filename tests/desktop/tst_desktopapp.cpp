// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/widgets/signindialog.h"
#include "desktop/core/authsession.h"
#include "desktop/core/connectionmonitor.h"
#include "desktop/core/corelogging.h"
#include "desktop/core/profile.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/desktopapp.h"
#include "desktop/widgets/mainwindow.h"
#include "tests/support/serverprocess.h"

#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using quire::test::ServerProcess;
using State = desktop::ConnectionMonitor::State;

namespace {
const QString kEmail = QStringLiteral("admin@example.org");
const QString kPassword = QStringLiteral("restart passphrase one");
// A well-formed fingerprint no certificate here has.
const QString kWrongFingerprint = QString(QStringLiteral("AB:")).repeated(31) + QStringLiteral("AB");
constexpr int kTimeoutMs = 60000;
} // namespace

// The app as `quire --profile DIR [--server URL [--trust-fingerprint FP]]`
// starts it (DesktopApp's own option handling and start-up), stopped and
// started again against the real server, offscreen: trust and the session
// survive restarts however the app is started.
class TestDesktopApp : public QObject
{
    Q_OBJECT
private:
    ServerProcess m_server;
    QTemporaryDir m_dir;
    int m_profiles = 0;
    std::unique_ptr<desktop::Workspace> m_workspace;
    std::unique_ptr<gui::MainWindow> m_window;

    QString newProfile() { return m_dir.filePath(QStringLiteral("profile%1").arg(++m_profiles)); }

    // `options` may say URL and FP for the server's address and fingerprint.
    bool startApp(const QString &profile, const QStringList &options)
    {
        QStringList arguments { QStringLiteral("quire"), QStringLiteral("--profile"), profile };
        for (const QString &option : options) {
            if (option == QLatin1String("URL"))
                arguments << m_server.url().toString();
            else if (option == QLatin1String("FP"))
                arguments << m_server.fingerprint();
            else
                arguments << option;
        }
        gui::DesktopApp::Opened opened = gui::DesktopApp::open(arguments);
        if (!opened.workspace) {
            qWarning() << "the app did not start:" << opened.error;
            return false;
        }
        m_workspace = std::move(opened.workspace);
        m_window = std::make_unique<gui::MainWindow>(*m_workspace);
        gui::DesktopApp::start(*m_workspace, *m_window, opened.signInEmail);
        return QTest::qWaitForWindowExposed(m_window.get());
    }

    void quitApp()
    {
        m_window.reset(); // the window uses the workspace
        m_workspace.reset();
    }

    bool signIn()
    {
        bool done = false;
        m_workspace->session().signIn(kEmail, kPassword, [&done](const desktop::ApiReply &) { done = true; });
        return QTest::qWaitFor([&done] { return done; }, kTimeoutMs) && m_workspace->session().isSignedIn();
    }

    QString accountText() const
    {
        return m_window->statusBar()->findChild<QLabel *>(QStringLiteral("accountIndicator"))->text();
    }

    QString pinInSettings(const QString &profile) const
    {
        return QSettings(profile + QStringLiteral("/settings.ini"), QSettings::IniFormat)
            .value(QStringLiteral("server/fingerprint"))
            .toString();
    }

    // A first start as ./quire.sh run makes it, signed in; then the app is quit.
    void firstStartSignedIn(const QString &profile)
    {
        QVERIFY(startApp(profile,
                         { QStringLiteral("--server"), QStringLiteral("URL"), QStringLiteral("--trust-fingerprint"),
                           QStringLiteral("FP") }));
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->connection().state(), State::Online, kTimeoutMs);
        QVERIFY(signIn());
        quitApp();
        QCOMPARE(pinInSettings(profile), m_server.fingerprint());
    }

    void verifyTrustedAndSignedIn(const QString &profile)
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->connection().state(), State::Online, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->session().isSignedIn(), kTimeoutMs);
        QCOMPARE(m_workspace->session().email(), kEmail);
        QCOMPARE(accountText(), QStringLiteral("Signed in as %1").arg(kEmail));
        QCOMPARE(m_workspace->api().pinnedFingerprint(), m_server.fingerprint());
        QCOMPARE(pinInSettings(profile), m_server.fingerprint());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        ServerProcess::Options o;
        o.extraArgs = { QStringLiteral("--rate-limit-scale"), QStringLiteral("1000000") };
        QVERIFY2(m_server.start(o), qPrintable(m_server.errorString()));
        const auto created = ServerProcess::run({ QStringLiteral("create-user"), QStringLiteral("--data-dir"),
                                                  m_server.dataDir(), QStringLiteral("--email"), kEmail,
                                                  QStringLiteral("--role"), QStringLiteral("admin") },
                                                60000, {}, kPassword.toUtf8() + '\n');
        QCOMPARE(created.exitCode, 0);
    }

    void cleanup() { quitApp(); }

    void restartKeepsTrustAndSession_data()
    {
        QTest::addColumn<QStringList>("options");
        const QString server = QStringLiteral("--server");
        const QString fingerprint = QStringLiteral("--trust-fingerprint");
        // The start that lost both: the same server, no fingerprint.
        QTest::newRow("--server URL") << QStringList { server, QStringLiteral("URL") };
        QTest::newRow("as ./quire.sh run starts it")
            << QStringList { server, QStringLiteral("URL"), fingerprint, QStringLiteral("FP") };
        QTest::newRow("no options") << QStringList {};
    }

    void restartKeepsTrustAndSession()
    {
        QFETCH(QStringList, options);
        const QString profile = newProfile();
        firstStartSignedIn(profile);
        for (int start = 2; start <= 3; ++start) { // started twice
            QVERIFY(startApp(profile, options));
            verifyTrustedAndSignedIn(profile);
            quitApp();
        }
    }

    void serverNamedOtherwiseIsTheSameServer()
    {
        const QString profile = newProfile();
        firstStartSignedIn(profile);
        // What a person types: no scheme, a trailing slash.
        const QString typed = QStringLiteral("%1:%2/").arg(m_server.url().host()).arg(m_server.port());
        QVERIFY(startApp(profile, { QStringLiteral("--server"), typed }));
        verifyTrustedAndSignedIn(profile);
    }

    // An explicit fingerprint replaces the pin (README: a pinned server that
    // shows another certificate is refused, never silently re-trusted); the
    // session is only out of reach, and back with the right fingerprint.
    void anotherFingerprintIsRefusedNotForgotten()
    {
        const QString profile = newProfile();
        firstStartSignedIn(profile);
        QVERIFY(startApp(profile,
                         { QStringLiteral("--server"), QStringLiteral("URL"), QStringLiteral("--trust-fingerprint"),
                           kWrongFingerprint }));
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->connection().state(), State::Offline, kTimeoutMs);
        QVERIFY(!m_workspace->session().isSignedIn());
        QCOMPARE(accountText(), QStringLiteral("Not signed in"));
        QCOMPARE(pinInSettings(profile), kWrongFingerprint);
        quitApp();
        QVERIFY(startApp(profile,
                         { QStringLiteral("--server"), QStringLiteral("URL"), QStringLiteral("--trust-fingerprint"),
                           QStringLiteral("FP") }));
        verifyTrustedAndSignedIn(profile);
    }

    // Started before its server (./quire.sh run racing it, a laptop waking
    // up offline): signed in as soon as the server answers.
    void startedBeforeTheServerSignsInWhenItAnswers()
    {
        const QString profile = newProfile();
        firstStartSignedIn(profile);
        const quint16 port = m_server.port();
        const QString dataDir = m_server.dataDir();
        QVERIFY(m_server.stop());
        QVERIFY(startApp(profile, { QStringLiteral("--server"), QStringLiteral("URL") }));
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->connection().state(), State::Offline, kTimeoutMs);
        QVERIFY(!m_workspace->session().isSignedIn());
        ServerProcess::Options o;
        o.extraArgs = { QStringLiteral("--rate-limit-scale"), QStringLiteral("1000000") };
        o.dataDir = dataDir;
        o.port = port;
        QVERIFY2(m_server.start(o), qPrintable(m_server.errorString()));
        verifyTrustedAndSignedIn(profile);
    }

    // A first run as ./quire.sh run starts it: the app asks to sign in by
    // itself, the address filled in; the next start has a session and asks
    // nothing.
    void firstStartAsksToSignIn()
    {
        const QString profile = newProfile();
        QVERIFY(startApp(profile,
                         { QStringLiteral("--server"), QStringLiteral("URL"), QStringLiteral("--trust-fingerprint"),
                           QStringLiteral("FP"), QStringLiteral("--email"), kEmail }));
        QTRY_VERIFY(m_window->findChild<gui::SignInDialog *>()
                    && m_window->findChild<gui::SignInDialog *>()->isVisible());
        auto *dialog = m_window->findChild<gui::SignInDialog *>();
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("email"))->text(), kEmail);
        QLineEdit *password = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
        QTest::keyClicks(password, kPassword);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->session().isSignedIn(), kTimeoutMs);
        quitApp();

        QVERIFY(startApp(profile, { QStringLiteral("--server"), QStringLiteral("URL") }));
        verifyTrustedAndSignedIn(profile);
        QVERIFY(!m_window->findChild<gui::SignInDialog *>());
        // Signed out, the next start asks again, with the last account's address.
        bool done = false;
        m_workspace->session().signOut([&done](const desktop::ApiReply &) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, kTimeoutMs);
        quitApp();
        QVERIFY(startApp(profile, {}));
        QTRY_VERIFY(m_window->findChild<gui::SignInDialog *>()
                    && m_window->findChild<gui::SignInDialog *>()->isVisible());
        QCOMPARE(m_window->findChild<gui::SignInDialog *>()->findChild<QLineEdit *>(QStringLiteral("email"))->text(),
                 kEmail);
    }

    // The terminal stays quiet unless asked.
    void quietUnlessAsked()
    {
        const QByteArray rules = qgetenv("QT_LOGGING_RULES");
        qunsetenv("QT_LOGGING_RULES");
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(lcNet().isInfoEnabled()); // what the categories say by themselves
        gui::DesktopApp::quietLogging();
        QVERIFY(!lcNet().isInfoEnabled());
        QVERIFY(!lcSync().isInfoEnabled());
        QVERIFY(lcNet().isWarningEnabled());
        // Asked for: the rules say what shows.
        QLoggingCategory::setFilterRules(QString());
        qputenv("QT_LOGGING_RULES", "quire.net.info=true");
        gui::DesktopApp::quietLogging();
        QVERIFY(lcNet().isInfoEnabled());
        qputenv("QT_LOGGING_RULES", rules);
    }
};

QTEST_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
