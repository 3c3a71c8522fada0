// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/profile.h"
#include "shared/uuid.h"
#include "tests/support/testfiles.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::desktop;

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
