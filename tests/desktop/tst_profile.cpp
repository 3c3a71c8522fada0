// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/apiclient.h"
#include "desktop/core/profile.h"
#include "desktop/core/workspace.h"
#include "shared/uuid.h"
#include "tests/support/testfiles.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace quire::desktop;

Q_DECLARE_METATYPE(std::optional<QString>)

namespace {
const QString kPinned = QStringLiteral("AA:BB");
const QString kOtherPin = QStringLiteral("CC:DD");
} // namespace

// A profile keeps one user's settings and replica apart from every other.
class TestProfile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void createsAndRemembers()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p"));
        QString clientId;
        {
            auto p = Profile::open(path);
            QVERIFY(p.ok());
            QCOMPARE((*p)->directory(), path);
            clientId = (*p)->clientId();
            QVERIFY(quire::shared::Uuid::isV7(clientId));
            QCOMPARE((*p)->clientId(), clientId);
            (*p)->setServer(QUrl(QStringLiteral("https://quire.example.org:8443")), QStringLiteral("AA:BB"));
        }
        auto p = Profile::open(path);
        QVERIFY(p.ok());
        QCOMPARE((*p)->clientId(), clientId);
        QCOMPARE((*p)->serverUrl(), QUrl(QStringLiteral("https://quire.example.org:8443")));
        QCOMPARE((*p)->pinnedFingerprint(), QStringLiteral("AA:BB"));
        QCOMPARE((*p)->replicaPath(), path + QStringLiteral("/replica.db"));
        (*p)->forgetServer();
        QVERIFY(!(*p)->serverUrl().isValid());
        QVERIFY((*p)->pinnedFingerprint().isEmpty());
    }

    void siteNameIsTheServersOrItsHost()
    {
        QTemporaryDir dir;
        auto p = Profile::open(dir.filePath(QStringLiteral("p")));
        QVERIFY(p.ok());
        QVERIFY((*p)->siteName().isEmpty()); // no server, no site
        const QUrl server(QStringLiteral("https://guides.example.org:8443"));
        (*p)->setServer(server, QString());
        QCOMPARE((*p)->siteName(), QStringLiteral("guides.example.org")); // never heard from it yet
        (*p)->setSiteName(QStringLiteral("Kaffee & Kuchen"));
        QCOMPARE((*p)->siteName(), QStringLiteral("Kaffee & Kuchen"));
        (*p)->setServer(server, QStringLiteral("AA:BB")); // the same server, a new certificate
        QCOMPARE((*p)->siteName(), QStringLiteral("Kaffee & Kuchen"));
        {
            auto again = Profile::open(dir.filePath(QStringLiteral("p")));
            QVERIFY(again.ok());
            QCOMPARE((*again)->siteName(), QStringLiteral("Kaffee & Kuchen")); // known offline
        }
        (*p)->setServer(QUrl(QStringLiteral("https://other.example.org")), QString());
        QCOMPARE((*p)->siteName(), QStringLiteral("other.example.org")); // not the old server's name
        (*p)->setSiteName(QStringLiteral("Other"));
        (*p)->forgetServer();
        QVERIFY((*p)->siteName().isEmpty());
    }

    void startNamingAServerKeepsItsPin_data()
    {
        QTest::addColumn<QString>("remembered"); // the server pinned to kPinned before; empty: none
        QTest::addColumn<QString>("named"); // what the start's --server says
        QTest::addColumn<std::optional<QString>>("fingerprint"); // its --trust-fingerprint, if any
        QTest::addColumn<QString>("expectedPin");
        const QString server = QStringLiteral("https://quire.example.org:8443");
        const std::optional<QString> none;
        QTest::newRow("same server, no fingerprint") << server << server << none << kPinned;
        QTest::newRow("same server written otherwise")
            << server << QStringLiteral("quire.example.org:8443/") << none << kPinned;
        QTest::newRow("same server, the same fingerprint")
            << server << server << std::optional<QString>(kPinned) << kPinned;
        QTest::newRow("same server, a new fingerprint")
            << server << server << std::optional<QString>(kOtherPin) << kOtherPin;
        QTest::newRow("another port, no fingerprint")
            << server << QStringLiteral("https://quire.example.org:9443") << none << QString();
        QTest::newRow("another server, no fingerprint")
            << server << QStringLiteral("https://other.example.org") << none << QString();
        QTest::newRow("another server, its fingerprint")
            << server << QStringLiteral("https://other.example.org") << std::optional<QString>(kOtherPin) << kOtherPin;
        QTest::newRow("first server, no fingerprint") << QString() << server << none << QString();
        QTest::newRow("first server, its fingerprint")
            << QString() << server << std::optional<QString>(kPinned) << kPinned;
    }

    // `quire --server URL` after `quire --server URL --trust-fingerprint FP`
    // wrote an empty pin over FP: the app was offline and signed out.
    void startNamingAServerKeepsItsPin()
    {
        QFETCH(QString, remembered);
        QFETCH(QString, named);
        QFETCH(std::optional<QString>, fingerprint);
        QFETCH(QString, expectedPin);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p"));
        if (!remembered.isEmpty()) {
            auto p = Profile::open(path);
            QVERIFY(p.ok());
            (*p)->setServer(QUrl(remembered), kPinned);
        }
        const quire::shared::Result<QUrl> url = ApiClient::parseServerUrl(named);
        QVERIFY(url.ok());
        {
            auto ws = Workspace::open(path);
            QVERIFY(ws.ok());
            (*ws)->useServerKeepingPin(*url, fingerprint);
            QCOMPARE((*ws)->profile().serverUrl(), *url);
            QCOMPARE((*ws)->profile().pinnedFingerprint(), expectedPin);
            QCOMPARE((*ws)->api().pinnedFingerprint(), expectedPin);
        }
        auto again = Workspace::open(path); // the next start
        QVERIFY(again.ok());
        QCOMPARE((*again)->api().server(), *url);
        QCOMPARE((*again)->api().pinnedFingerprint(), expectedPin);
    }

    void pinBelongsToItsServer()
    {
        QTemporaryDir dir;
        auto p = Profile::open(dir.filePath(QStringLiteral("p")));
        QVERIFY(p.ok());
        const QUrl server(QStringLiteral("https://quire.example.org:8443"));
        QVERIFY((*p)->pinFor(server).isEmpty());
        (*p)->setServer(server, kPinned);
        QCOMPARE((*p)->pinFor(server), kPinned);
        QVERIFY((*p)->pinFor(QUrl(QStringLiteral("https://quire.example.org"))).isEmpty());
        QVERIFY((*p)->pinFor(QUrl(QStringLiteral("https://other.example.org:8443"))).isEmpty());
        (*p)->forgetServer();
        QVERIFY((*p)->pinFor(server).isEmpty());
    }

    void defaultLivesInAppData()
    {
        auto p = Profile::open();
        QVERIFY(p.ok());
        QVERIFY((*p)->directory().startsWith(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                || (*p)->directory() == QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    }

    void refusesAFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("f"));
        QVERIFY(quire::test::writeFile(file));
        auto p = Profile::open(file);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, QStringLiteral("profile_invalid"));
        auto q = Profile::open(file + QStringLiteral("/sub"));
        QVERIFY(!q.ok());
        QCOMPARE(q.error().code, QStringLiteral("profile_unwritable"));
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
