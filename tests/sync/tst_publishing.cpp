// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/widgets/articleeditor.h"
#include "desktop/articles/widgets/articlesview.h"
#include "desktop/core/connectionmonitor.h"
#include "desktop/core/profile.h"
#include "desktop/core/syncrecords.h"
#include "desktop/widgets/bodyeditor.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "tests/support/widgetfinder.h"
#include "tests/sync/syncpeer.h"

#include <QApplication>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::test;
using quire::desktop::SyncEngine;

// Publishing a guide from the real editor against a real server, as an
// editor would: the address follows the title until it is typed, the app
// and the server refuse to publish without one, and a published guide
// offers its page, which answers at that link once synced.
class TestPublishing : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<TestHttpClient> m_http;
    std::unique_ptr<SyncPeer> m_peer;
    std::unique_ptr<quire::gui::ArticlesView> m_view;
    QString m_guide;
    QList<QUrl> m_opened; // what the system browser was asked to open

    template<typename T> T *child(const char *name) { return findNamed<T>(*m_view, name); }
    QString stored(const QString &id, const char *field) { return fieldOf(m_peer->row(id), field); }
    quire::gui::ArticleEditor *editor() { return m_view->editor(); }
    void retypeTitle(const QString &title)
    {
        auto *edit = child<QLineEdit>("titleEdit");
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, title);
    }
    QString newGuide(const QString &title)
    {
        QTest::mouseClick(child<QPushButton>("newButton"), Qt::LeftButton);
        retypeTitle(title);
        return editor()->currentId();
    }

public Q_SLOTS:
    void openUrl(const QUrl &url) { m_opened.append(url); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString data = m_dir.filePath(QStringLiteral("server"));
        QVERIFY(createUser(data, QStringLiteral("editor@example.org"), QStringLiteral("editor"), kSyncTestPassword));
        ServerProcess::Options options;
        options.dataDir = data;
        QVERIFY2(m_server.start(options), qPrintable(m_server.errorString()));
        m_http = std::make_unique<TestHttpClient>(m_server.url(), m_server.fingerprint());
        m_peer = std::make_unique<SyncPeer>(m_dir.filePath(QStringLiteral("profile")));
        m_peer->connectTo(m_server);
        QVERIFY(m_peer->signIn(QStringLiteral("editor@example.org"), kSyncTestPassword));
        m_view = std::make_unique<quire::gui::ArticlesView>(m_peer->ws(), quire::shared::ArticleKind::Guide);
        m_view->resize(1200, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        // The app opens links with QDesktopServices; here they are caught.
        QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openUrl");
    }

    void theAddressFollowsTheTitle()
    {
        m_guide = newGuide(QStringLiteral("Brewing Good Coffee"));
        QVERIFY(!m_guide.isEmpty());
        auto *slug = child<QLineEdit>("slugEdit");
        QCOMPARE(slug->text(), QStringLiteral("brewing-good-coffee"));
        QTest::keyClicks(child<QLineEdit>("titleEdit"), QStringLiteral(" at Home!"));
        QCOMPARE(slug->text(), QStringLiteral("brewing-good-coffee-at-home"));
        // Typed into the editor, saved by itself.
        quire::gui::RichTextEdit *body = editor()->bodyEditor()->richEdit();
        body->setFocus();
        QTest::keyClicks(body, QStringLiteral("Grind the beans fresh."));
        QTRY_COMPARE_WITH_TIMEOUT(stored(m_guide, "slug"), QStringLiteral("brewing-good-coffee-at-home"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!editor()->hasUnsavedChanges(), 5000);
        QCOMPARE(stored(m_guide, "body"), QStringLiteral("Grind the beans fresh.\n"));
        // Opened again, an address still made from the title keeps following it.
        editor()->load(QString());
        editor()->load(m_guide);
        QTest::keyClicks(child<QLineEdit>("titleEdit"), QStringLiteral(" Today"));
        QCOMPARE(slug->text(), QStringLiteral("brewing-good-coffee-at-home-today"));
    }

    void aTypedAddressStaysPut()
    {
        auto *slug = child<QLineEdit>("slugEdit");
        slug->setFocus();
        slug->selectAll();
        QTest::keyClicks(slug, QStringLiteral("coffee-guide"));
        retypeTitle(QStringLiteral("Coffee, the Whole Story"));
        QCOMPARE(slug->text(), QStringLiteral("coffee-guide"));
        QVERIFY(editor()->saveNow());
        QCOMPARE(stored(m_guide, "slug"), QStringLiteral("coffee-guide"));
        QCOMPARE(stored(m_guide, "title"), QStringLiteral("Coffee, the Whole Story"));
        // Opened again it stays the user's: no longer what the title gives.
        editor()->load(QString());
        editor()->load(m_guide);
        retypeTitle(QStringLiteral("Coffee"));
        QCOMPARE(slug->text(), QStringLiteral("coffee-guide"));
        // Emptied by the user, it follows the title again.
        slug->setFocus();
        slug->selectAll();
        QTest::keyClick(slug, Qt::Key_Backspace);
        retypeTitle(QStringLiteral("Coffee Basics"));
        QCOMPARE(slug->text(), QStringLiteral("coffee-basics"));
        slug->setFocus();
        slug->selectAll();
        QTest::keyClicks(slug, QStringLiteral("coffee-guide"));
        QVERIFY(editor()->saveNow());
    }

    void publishingWithoutAnAddressIsRefusedBesideTheField()
    {
        const QString id = newGuide(QStringLiteral("???")); // a title that makes no address
        auto *slug = child<QLineEdit>("slugEdit");
        QCOMPARE(slug->text(), QString());
        auto *problem = child<QLabel>("slugProblemLabel");
        QVERIFY(!problem->isVisible());
        QVERIFY(child<QPushButton>("publishButton")->isVisible());
        QTest::mouseClick(child<QPushButton>("publishButton"), Qt::LeftButton);
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(QStringLiteral("address")), qPrintable(problem->text()));
        QCOMPARE(QApplication::focusWidget(), slug);
        QCOMPARE(stored(id, "status"), QStringLiteral("draft"));
        // Scheduling is refused the same way, before any dialog.
        problem->clear();
        QTest::mouseClick(child<QPushButton>("scheduleButton"), Qt::LeftButton);
        QVERIFY(!problem->text().isEmpty());
        QCOMPARE(stored(id, "status"), QStringLiteral("draft"));
        // Typing an address clears the message.
        QTest::keyClicks(slug, QStringLiteral("questions"));
        QVERIFY(!problem->isVisible());
    }

    void aPublishedGuideShowsItsLinkAndAnswersThere()
    {
        editor()->load(m_guide);
        auto *view = child<QPushButton>("viewOnSiteButton");
        QVERIFY(!view->isVisible()); // a draft has no page
        QVERIFY(editor()->liveUrl().isEmpty());
        QTest::mouseClick(child<QPushButton>("publishButton"), Qt::LeftButton);
        QCOMPARE(stored(m_guide, "status"), QStringLiteral("published"));
        QVERIFY(view->isVisible());
        QUrl expected = m_server.url();
        expected.setPath(QStringLiteral("/guides/coffee-guide"));
        QCOMPARE(editor()->liveUrl(), expected);
        QCOMPARE(view->toolTip(), expected.toDisplayString());

        QCOMPARE(m_peer->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_peer->status().rejected, 0);
        const HttpResult page = m_http->request("GET", editor()->liveUrl().path());
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("Coffee Basics"));
        QVERIFY(page.body.contains("Grind the beans fresh."));
        QTest::mouseClick(view, Qt::LeftButton);
        QCOMPARE(m_opened, QList<QUrl> { expected });

        // Reopened: still offered. On the site, the address no longer
        // follows the title (its link must not break).
        editor()->load(QString());
        editor()->load(m_guide);
        QVERIFY(view->isVisible());
        retypeTitle(QStringLiteral("Coffee Basics, Revised"));
        QCOMPARE(child<QLineEdit>("slugEdit")->text(), QStringLiteral("coffee-guide"));
    }

    // A replica that publishes without an address (an older app, the
    // command line) is refused by the server with the reason.
    void theServerRefusesASyncedPublishWithoutAnAddress()
    {
        const QString id = m_peer->create(QStringLiteral("Addressless"), QStringLiteral("Text.\n"));
        QCOMPARE(m_peer->sync(), SyncEngine::State::Idle);
        QVERIFY(m_peer->edit(id, { { "status", "published" } }));
        QCOMPARE(m_peer->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_peer->status().rejected, 1);
        const auto rejections = m_peer->ws().syncRecords().rejections();
        QVERIFY(rejections);
        QCOMPARE(rejections->size(), 1);
        QCOMPARE(rejections->first().rowId, id);
        QCOMPARE(rejections->first().code, QStringLiteral("slug_required"));
        QVERIFY2(rejections->first().message.contains(QStringLiteral("address")),
                 qPrintable(rejections->first().message));
    }

    // Behind a proxy readers use another address than the desktop: the
    // server says which (--public-url, in GET /health), the link follows it,
    // and it is back to the server's own when the server stops saying so.
    void theLinkGoesWhereReadersFindTheSite()
    {
        auto restart = [this](const QStringList &args) {
            const quint16 port = m_server.port();
            QVERIFY(m_server.stop());
            ServerProcess::Options options;
            options.dataDir = m_server.dataDir();
            options.port = port;
            options.extraArgs = args;
            QVERIFY2(m_server.start(options), qPrintable(m_server.errorString()));
        };
        auto heard = [this](const QUrl &expected) {
            m_peer->ws().connection().checkNow();
            return QTest::qWaitFor([&] { return m_peer->ws().profile().publicUrl() == expected; }, 10000);
        };
        editor()->load(m_guide);
        QCOMPARE(stored(m_guide, "status"), QStringLiteral("published"));

        restart({ QStringLiteral("--public-url"), QStringLiteral("https://docs.example.org") });
        QVERIFY(heard(QUrl(QStringLiteral("https://docs.example.org"))));
        QCOMPARE(editor()->liveUrl(), QUrl(QStringLiteral("https://docs.example.org/guides/coffee-guide")));

        restart({});
        QVERIFY(heard(m_server.url()));
        QUrl own = m_server.url();
        own.setPath(QStringLiteral("/guides/coffee-guide"));
        QCOMPARE(editor()->liveUrl(), own);
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        m_view.reset();
    }
};

QTEST_MAIN(TestPublishing)
#include "tst_publishing.moc"
