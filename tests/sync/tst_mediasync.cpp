// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/workspace.h"
#include "desktop/media/core/medialibrary.h"
#include "tests/support/testhttpclient.h"
#include "tests/support/testimages.h"
#include "tests/sync/syncpeer.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace quire::test;
using quire::desktop::MediaLibrary;
using quire::desktop::SyncEngine;

// Images between two replicas through a real server: imported on A, uploaded
// by A's sync before the article that shows them, fetched by B; refused
// files are reported once and not sent again; bad files never enter.
class TestMediaSync : public QObject
{
    Q_OBJECT
private:
    ReplicaPair m_pair;

private Q_SLOTS:
    void initTestCase()
    {
        // A small server limit, so a file the desktop accepts can be refused there.
        const QString problem = m_pair.start({ { QStringLiteral("a@example.org"), QStringLiteral("author") },
                                               { QStringLiteral("b@example.org"), QStringLiteral("editor") } },
                                             { QStringLiteral("--media-max-bytes"), QStringLiteral("65536") });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void anImageTravelsWithItsArticle()
    {
        MediaLibrary &a = m_pair.a->ws().media();
        const QByteArray png = TestImages::png(7, 3);
        auto sha = a.import(png);
        QVERIFY(sha);
        QCOMPARE(a.import(png).value(), *sha); // the same image twice is one image
        QCOMPARE(a.pendingCount().value(), 1);
        const QString id
            = m_pair.a->create(QStringLiteral("With a picture"),
                               QStringLiteral("Look:\n\n![A red box](%1)\n").arg(MediaLibrary::urlOf(*sha)));
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_pair.a->sync(), SyncEngine::State::Idle);
        QCOMPARE(a.pendingCount().value(), 0);

        TestHttpClient http(m_pair.server.url(), m_pair.server.fingerprint());
        const HttpResult served = http.get(MediaLibrary::urlOf(*sha));
        QCOMPARE(served.status, 200);
        QCOMPARE(served.body, png);

        MediaLibrary &b = m_pair.b->ws().media();
        QCOMPARE(m_pair.b->sync(), SyncEngine::State::Idle);
        QVERIFY(fieldOf(m_pair.b->row(id), "body").contains(*sha));
        QVERIFY(b.resolve(MediaLibrary::urlOf(*sha)).isEmpty()); // not here yet: fetched now
        QSignalSpy fetched(&b, &MediaLibrary::fetched);
        QVERIFY(fetched.wait(10000));
        const QString path = b.resolve(MediaLibrary::urlOf(*sha));
        QVERIFY(!path.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), png);
        QCOMPARE(b.pendingCount().value(), 0); // fetched images are not sent back
    }

    void refusedImagesAreNotSentForever()
    {
        MediaLibrary &a = m_pair.a->ws().media();
        const QByteArray big = TestImages::noisePng(200, 200);
        QVERIFY(big.size() > 65536 && big.size() < MediaLibrary::kMaxBytes);
        auto sha = a.import(big);
        QVERIFY(sha);
        const QString id = m_pair.a->create(QStringLiteral("Too big"), QStringLiteral("![](/media/%1)\n").arg(*sha));
        QCOMPARE(m_pair.a->sync(), SyncEngine::State::Idle);
        QCOMPARE(a.pendingCount().value(), 0);
        QVERIFY(m_pair.a->row(id).has_value()); // the article synced all the same
        TestHttpClient http(m_pair.server.url(), m_pair.server.fingerprint());
        QCOMPARE(http.get(MediaLibrary::urlOf(*sha)).status, 404);
    }

    void badFilesNeverEnter()
    {
        MediaLibrary &a = m_pair.a->ws().media();
        auto svg = a.import(QByteArray("<svg xmlns='http://www.w3.org/2000/svg'/>"));
        QVERIFY(!svg);
        QVERIFY(svg.error().message.contains(QStringLiteral("SVG")));
        QVERIFY(!a.import(QByteArray()));
        QVERIFY(!a.importFile(QStringLiteral("/nonexistent/picture.png")));
        QCOMPARE(a.pendingCount().value(), 0);
    }
};

QTEST_MAIN(TestMediaSync)
#include "tst_mediasync.moc"
