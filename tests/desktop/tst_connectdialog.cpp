// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/connectionmonitor.h"
#include "desktop/core/profile.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/connectdialog.h"
#include "tests/support/serverprocess.h"
#include "tests/support/widgetfinder.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using quire::test::ServerProcess;

// Connecting to a server the way a person does: type, click, compare the
// fingerprint, trust. Against the real server over TLS.
class TestConnectDialog : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<desktop::Workspace> m_workspace;

    template<typename T> static T *child(QWidget &w, const char *name) { return quire::test::findNamed<T>(w, name); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ServerProcess::Options o;
        o.dataDir = m_dir.filePath(QStringLiteral("server"));
        QVERIFY2(m_server.start(o), qPrintable(m_server.errorString()));
        auto ws = desktop::Workspace::open(m_dir.filePath(QStringLiteral("profile")));
        QVERIFY(ws.ok());
        m_workspace = std::move(ws.value());
    }

    void refusesAnAddressThatIsNotOne()
    {
        gui::ConnectDialog dialog(*m_workspace);
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(dialog, "serverUrl"), QStringLiteral("http://quire.example.org"));
        QTest::mouseClick(child<QPushButton>(dialog, "connectButton"), Qt::LeftButton);
        QVERIFY(child<QLabel>(dialog, "statusLabel")->text().contains(QStringLiteral("https://")));
        QVERIFY(dialog.isVisible());
        QVERIFY(!m_workspace->profile().serverUrl().isValid());
    }

    void trustOnFirstUse()
    {
        gui::ConnectDialog dialog(*m_workspace);
        dialog.show();
        QLineEdit *url = child<QLineEdit>(dialog, "serverUrl");
        url->clear();
        QTest::keyClicks(url, m_server.url().toString());
        QTest::mouseClick(child<QPushButton>(dialog, "connectButton"), Qt::LeftButton);
        QWidget *trustBox = child<QWidget>(dialog, "trustBox");
        QTRY_VERIFY_WITH_TIMEOUT(trustBox->isVisible(), 20000);
        // The user sees the whole fingerprint to compare with the one the
        // server printed: wrapped, every line inside the dialog, selectable.
        auto *fingerprint = child<QLabel>(dialog, "fingerprintLabel");
        QCOMPARE(fingerprint->text().remove(QLatin1Char('\n')), m_server.fingerprint());
        QCOMPARE(fingerprint->text().count(QLatin1Char('\n')), 1);
        QVERIFY(fingerprint->isVisible());
        QVERIFY2(fingerprint->sizeHint().width() <= fingerprint->width()
                     && fingerprint->mapTo(&dialog, QPoint(fingerprint->width(), 0)).x() <= dialog.width(),
                 "the fingerprint is cut off");
        QVERIFY(fingerprint->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
        QVERIFY(fingerprint->textInteractionFlags().testFlag(Qt::TextSelectableByKeyboard));
        QCOMPARE(child<QPushButton>(dialog, "trustButton")->text(), QStringLiteral("&Trust this certificate"));
        QVERIFY(!m_workspace->profile().serverUrl().isValid()); // nothing stored before consent

        QTest::mouseClick(child<QPushButton>(dialog, "trustButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 20000);
        QCOMPARE(m_workspace->profile().serverUrl(), m_server.url());
        QCOMPARE(m_workspace->profile().pinnedFingerprint(), m_server.fingerprint());
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->connection().state(), desktop::ConnectionMonitor::State::Online, 20000);
        // The server's answers name its site; the profile keeps the name for
        // the preview, offline too.
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->connection().siteName(), QStringLiteral("Quire"), 20000);
        QCOMPARE(m_workspace->profile().siteName(), QStringLiteral("Quire")); // not the host, 127.0.0.1
    }

    void changedCertificateIsNotSilentlyTrusted()
    {
        // The server comes back on the same address with a new certificate.
        const quint16 port = m_server.port();
        const QString oldPin = m_server.fingerprint();
        QVERIFY(m_server.stop());
        QVERIFY(QDir(m_server.dataDir() + QStringLiteral("/tls")).removeRecursively());
        ServerProcess::Options o;
        o.dataDir = m_server.dataDir();
        o.extraArgs = { QStringLiteral("--port"), QString::number(port) };
        QVERIFY2(m_server.start(o), qPrintable(m_server.errorString()));
        QVERIFY(m_server.fingerprint() != oldPin);

        m_workspace->connection().checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->connection().state(), desktop::ConnectionMonitor::State::Offline, 20000);

        gui::ConnectDialog dialog(*m_workspace);
        dialog.show();
        QCOMPARE(child<QLineEdit>(dialog, "serverUrl")->text(), m_server.url().toString()); // remembered
        QTest::mouseClick(child<QPushButton>(dialog, "connectButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(dialog, "trustBox")->isVisible(), 20000);
        QVERIFY(child<QLabel>(dialog, "statusLabel")->text().contains(QStringLiteral("different certificate")));
        QCOMPARE(child<QLabel>(dialog, "fingerprintLabel")->text().remove(QLatin1Char('\n')), m_server.fingerprint());
        QCOMPARE(m_workspace->profile().pinnedFingerprint(), oldPin); // unchanged until the user decides

        QTest::mouseClick(child<QPushButton>(dialog, "trustButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 20000);
        QCOMPARE(m_workspace->profile().pinnedFingerprint(), m_server.fingerprint());
    }
};

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
