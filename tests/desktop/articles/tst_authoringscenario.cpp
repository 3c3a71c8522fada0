// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/widgets/articleeditor.h"
#include "desktop/articles/widgets/articlesview.h"
#include "desktop/core/authsession.h"
#include "desktop/core/profile.h"
#include "desktop/widgets/bodyeditor.h"
#include "desktop/widgets/tableformatter.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "tests/support/testimages.h"
#include "tests/support/widgetfinder.h"
#include "tests/sync/syncpeer.h"

#include <QAction>
#include <QDesktopServices>
#include <QEventLoop>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

using namespace quire::test;
using quire::desktop::SyncEngine;
using quire::gui::BodyEditor;
using quire::gui::FormatActions;

// The first hour of a content admin, driven through the real articles view
// against a real server: write a guide while autosave and sync rounds run
// (the cursor, the undo history and what was inserted stay where they
// are), get another replica's edit merged into the open text, publish it,
// and find the app trusted and signed in after a restart.
class TestAuthoringScenario : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<SyncPeer> m_peer;
    std::unique_ptr<quire::gui::ArticlesView> m_view;
    QString m_guide;

    QString profile() const { return m_dir.filePath(QStringLiteral("profile")); }
    quire::gui::ArticleEditor *editor() { return m_view->editor(); }
    BodyEditor *body() { return editor()->bodyEditor(); }
    QTextDocument *document() { return body()->richEdit()->document(); }
    QString stored(const char *field) { return fieldOf(m_peer->row(m_guide), field); }
    // The text before the cursor, as a reader of the screen sees it.
    QString beforeCursor() { return document()->toPlainText().left(body()->richEdit()->textCursor().position()); }
    // Autosave, then a sync round (whose end reloaded the article before).
    void saveAndSync()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!editor()->hasUnsavedChanges(), 5000);
        QCOMPARE(m_peer->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_peer->status().rejected, 0);
    }
    void type(const QString &text)
    {
        body()->richEdit()->setFocus();
        QTest::keyClicks(body()->richEdit(), text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString data = m_dir.filePath(QStringLiteral("server"));
        QVERIFY(createUser(data, QStringLiteral("admin@example.org"), QStringLiteral("admin"), kSyncTestPassword));
        ServerProcess::Options options;
        options.dataDir = data;
        QVERIFY2(m_server.start(options), qPrintable(m_server.errorString()));
        m_peer = std::make_unique<SyncPeer>(profile());
        m_peer->connectTo(m_server);
        QVERIFY(m_peer->signIn(QStringLiteral("admin@example.org"), kSyncTestPassword));
        m_view = std::make_unique<quire::gui::ArticlesView>(m_peer->ws(), quire::shared::ArticleKind::Guide);
        m_view->resize(1280, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        // "View on Site" would open a browser.
        QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "ignoreUrl");
    }

    void typingGoesOnAtTheCursorAfterAutosaveAndSync()
    {
        QTest::mouseClick(findNamed<QPushButton>(*m_view, "newButton"), Qt::LeftButton);
        m_guide = editor()->currentId();
        QVERIFY(!m_guide.isEmpty());
        auto *title = findNamed<QLineEdit>(*m_view, "titleEdit");
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Brewing Coffee"));
        type(QStringLiteral("Grind the beans."));
        saveAndSync();
        QCOMPARE(stored("body"), QStringLiteral("Grind the beans.\n"));
        // The next words land where the cursor was, not at the top.
        type(QStringLiteral(" Then wait."));
        QCOMPARE(beforeCursor(), QStringLiteral("Grind the beans. Then wait."));
        saveAndSync();
        QCOMPARE(stored("body"), QStringLiteral("Grind the beans. Then wait.\n"));
        QCOMPARE(beforeCursor(), QStringLiteral("Grind the beans. Then wait."));
    }

    void undoAndRedoReachAcrossTheSave()
    {
        QAction *undo = body()->action(FormatActions::Undo);
        QAction *redo = body()->action(FormatActions::Redo);
        QVERIFY(undo->isEnabled());
        const QString all = body()->markdown();
        // Back to before the first word, through both saves and syncs.
        for (int i = 0; i < 100 && undo->isEnabled(); ++i)
            undo->trigger();
        QCOMPARE(body()->markdown(), QString());
        for (int i = 0; i < 100 && redo->isEnabled(); ++i)
            redo->trigger();
        QCOMPARE(body()->markdown(), all);
        saveAndSync();
    }

    void insertedImageAndTableStayWherePut()
    {
        QTextCursor c = body()->richEdit()->textCursor();
        c.movePosition(QTextCursor::End);
        body()->richEdit()->setTextCursor(c);
        QTest::keyClick(body()->richEdit(), Qt::Key_Return);
        QVERIFY(body()->richEdit()->insertImageBytes(TestImages::png(), QStringLiteral("A cup")));
        QTest::keyClick(body()->richEdit(), Qt::Key_Return);
        QTextCursor t = body()->richEdit()->textCursor();
        quire::gui::TableFormatter::insert(t, 2, 2);
        body()->richEdit()->setTextCursor(t);
        type(QStringLiteral("Grams"));
        const QString before = body()->markdown();
        saveAndSync();
        QCOMPARE(stored("body"), before);
        // The same on screen: the text, then the image, then the table
        // with the cursor in its first cell.
        QCOMPARE(body()->markdown(), before);
        const qsizetype image = before.indexOf(QStringLiteral("![A cup]("));
        const qsizetype table = before.indexOf(QStringLiteral("| Grams"));
        QVERIFY2(before.startsWith(QStringLiteral("Grind the beans. Then wait.")) && image > 0 && table > image,
                 qPrintable(before));
        QVERIFY(body()->richEdit()->textCursor().currentTable());
        QCOMPARE(body()->richEdit()->textCursor().block().text(), QStringLiteral("Grams"));
        type(QStringLiteral(" of coffee"));
        QTRY_VERIFY_WITH_TIMEOUT(stored("body").contains(QStringLiteral("| Grams of coffee")), 5000);
    }

    void anotherReplicasEditIsMergedKeepingTheCursor()
    {
        saveAndSync();
        // The cursor after "Then wait.", the view scrolled as it is.
        QTextCursor c = document()->find(QStringLiteral("Then wait."));
        QVERIFY(!c.isNull());
        c.clearSelection();
        body()->richEdit()->setTextCursor(c);
        const QString upToCursor = beforeCursor();
        const int undoable = document()->availableUndoSteps();

        // The same guide edited elsewhere, synced through the server.
        SyncPeer other(m_dir.filePath(QStringLiteral("other")));
        other.connectTo(m_server);
        QVERIFY(other.signIn(QStringLiteral("admin@example.org"), kSyncTestPassword));
        QCOMPARE(other.sync(), SyncEngine::State::Idle);
        const QString theirs = fieldOf(other.row(m_guide), "body");
        QCOMPARE(theirs, body()->markdown());
        QVERIFY(other.edit(m_guide,
                           { { "body", (QStringLiteral("# Before you start\n\n") + theirs).toStdString() },
                             { "summary", "Good coffee at home." } }));
        QCOMPARE(other.sync(), SyncEngine::State::Idle);
        QCOMPARE(m_peer->sync(), SyncEngine::State::Idle);

        // Merged into the open text: the new heading at the top, the
        // cursor still after the same words, the undo history still there.
        QCOMPARE(body()->markdown(), QStringLiteral("# Before you start\n\n") + theirs);
        QCOMPARE(findNamed<QLineEdit>(*m_view, "summaryEdit")->text(), QStringLiteral("Good coffee at home."));
        QCOMPARE(beforeCursor(), QStringLiteral("Before you start\n") + upToCursor);
        QTextCursor again = document()->find(QStringLiteral("Then wait."));
        again.clearSelection();
        body()->richEdit()->setTextCursor(again);
        QVERIFY(document()->availableUndoSteps() > undoable);
        QVERIFY(!editor()->hasUnsavedChanges());
        type(QStringLiteral(" Enjoy."));
        QTRY_VERIFY_WITH_TIMEOUT(stored("body").contains(QStringLiteral("Then wait. Enjoy.")), 5000);
        QVERIFY(stored("body").startsWith(QStringLiteral("# Before you start\n\nGrind the beans.")));
        saveAndSync();
    }

    void publishingGivesTheLink()
    {
        QTest::mouseClick(findNamed<QPushButton>(*m_view, "publishButton"), Qt::LeftButton);
        QCOMPARE(stored("status"), QStringLiteral("published"));
        QVERIFY(findNamed<QPushButton>(*m_view, "viewOnSiteButton")->isVisible());
        const QUrl live = editor()->liveUrl();
        QCOMPARE(live.path(), QStringLiteral("/guides/brewing-coffee"));
        saveAndSync();
        TestHttpClient http(m_server.url(), m_server.fingerprint());
        const HttpResult page = http.request("GET", live.path());
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("Then wait. Enjoy."));
    }

    void afterARestartStillTrustedAndSignedIn()
    {
        m_view.reset();
        m_peer.reset();
        // Started again with the server's address alone, as `--server URL` does.
        SyncPeer again(profile());
        QVERIFY(again.isOpen());
        again.ws().useServerKeepingPin(m_server.url(), std::nullopt);
        QCOMPARE(again.ws().profile().pinnedFingerprint(), m_server.fingerprint());
        QEventLoop loop;
        again.ws().session().restore([&loop](const quire::desktop::ApiReply &) { loop.quit(); });
        loop.exec();
        QVERIFY(again.ws().session().isSignedIn());
        QCOMPARE(again.sync(), SyncEngine::State::Idle);
        QVERIFY(fieldOf(again.row(m_guide), "body").contains(QStringLiteral("Then wait. Enjoy.")));
    }

    void cleanupTestCase() { QDesktopServices::unsetUrlHandler(QStringLiteral("https")); }

public Q_SLOTS:
    void ignoreUrl(const QUrl &) { }
};

QTEST_MAIN(TestAuthoringScenario)
#include "tst_authoringscenario.moc"
