// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/widgets/signindialog.h"
#include "desktop/articles/core/articlelistmodel.h"
#include "desktop/articles/widgets/articleeditor.h"
#include "desktop/articles/widgets/articlesview.h"
#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/connectionmonitor.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/profile.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/bodyeditor.h"
#include "desktop/widgets/desktopapp.h"
#include "desktop/widgets/mainwindow.h"
#include "desktop/widgets/tableformatter.h"
#include "tests/desktop/appscenario.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "tests/support/testimages.h"
#include "tests/support/widgetfinder.h"
#include "tests/sync/syncpeer.h"

#include <QAction>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

using namespace quire::test;
using quire::desktop::ContentStore;
using quire::desktop::SyncEngine;
using quire::gui::BodyEditor;
using quire::gui::FormatActions;
using ConnectionState = quire::desktop::ConnectionMonitor::State;

namespace {
const QString kEmail = QStringLiteral("admin@example.org");
constexpr int kTimeoutMs = 60000;
} // namespace

// The first hour of a content admin, driven through the real app
// (DesktopApp and its MainWindow, as `./quire.sh run` starts it) against a
// real server: sign in when the app asks, write a guide while autosave and
// sync rounds run (the cursor, the undo history and what was inserted stay
// where they are), get another replica's edit merged into the open text,
// publish it and open its link, and find the app trusted, signed in and
// the guide there after a restart with only `--server`.
class TestAuthoringScenario : public QObject
{
    Q_OBJECT
private:
    AppScenario m_app;
    QString m_guide;
    QList<QUrl> m_opened; // what the app asked the desktop to open

    quire::gui::ArticlesView *view() { return findNamed<quire::gui::ArticlesView>(*m_app.window, "guidesView"); }
    quire::gui::ArticleEditor *editor() { return view()->editor(); }
    BodyEditor *body() { return editor()->bodyEditor(); }
    QTextDocument *document() { return body()->richEdit()->document(); }
    // The guide's field as the app's replica has it.
    QString stored(const char *field)
    {
        const auto row = m_app.workspace->content().get(ContentStore::articles(), m_guide);
        return row ? fieldOf(*row, field) : QString();
    }
    // The text before the cursor, as a reader of the screen sees it.
    QString beforeCursor() { return document()->toPlainText().left(body()->richEdit()->textCursor().position()); }

    bool startApp(const QStringList &options) { return m_app.startApp(options); }
    void quitApp() { m_app.quitApp(); }

    // One round of the app's own sync engine, after whatever round its
    // automatic triggers were running; true when it ended in step.
    bool syncRound() { return m_app.syncRound(); }

    // Autosave, then a sync round (whose end reloaded the article before).
    void saveAndSync()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!editor()->hasUnsavedChanges(), 5000);
        QVERIFY(syncRound());
        const auto status = m_app.workspace->syncStore().status();
        QVERIFY(status);
        QCOMPARE(status->pending, 0);
        QCOMPARE(status->rejected, 0);
    }
    void type(const QString &text)
    {
        body()->richEdit()->setFocus();
        QTest::keyClicks(body()->richEdit(), text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_app.dir.isValid());
        const QString data = m_app.serverData();
        QVERIFY(createUser(data, kEmail, QStringLiteral("admin"), kSyncTestPassword));
        QVERIFY(m_app.startServer());
        // "View on Site" would open a browser: the app's request is kept.
        QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openUrl");
    }

    // A fresh profile started as `./quire.sh run` starts the app: it asks
    // to sign in by itself, the address filled in.
    void firstStartAsksToSignIn()
    {
        QVERIFY(startApp({ QStringLiteral("--server"), QStringLiteral("URL"), QStringLiteral("--trust-fingerprint"),
                           QStringLiteral("FP"), QStringLiteral("--email"), kEmail }));
        QTRY_VERIFY_WITH_TIMEOUT(m_app.window->findChild<quire::gui::SignInDialog *>()
                                     && m_app.window->findChild<quire::gui::SignInDialog *>()->isVisible(),
                                 kTimeoutMs);
        // It closes itself, deleted on close.
        const QPointer<quire::gui::SignInDialog> dialog = m_app.window->findChild<quire::gui::SignInDialog *>();
        QCOMPARE(findNamed<QLineEdit>(*dialog, "email")->text(), kEmail);
        auto *password = findNamed<QLineEdit>(*dialog, "password");
        QTest::keyClicks(password, kSyncTestPassword);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(m_app.workspace->session().isSignedIn(), kTimeoutMs);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->connection().state(), ConnectionState::Online, kTimeoutMs);
        m_app.window->showSection(QStringLiteral("guides"));
        QTRY_VERIFY(view()->isVisible());
    }

    void typingGoesOnAtTheCursorAfterAutosaveAndSync()
    {
        auto *newGuide = findNamed<QPushButton>(*view(), "newButton");
        QVERIFY(newGuide->isVisible());
        QTest::mouseClick(newGuide, Qt::LeftButton);
        m_guide = editor()->currentId();
        QVERIFY(!m_guide.isEmpty());
        auto *title = findNamed<QLineEdit>(*view(), "titleEdit");
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
        SyncPeer other(m_app.dir.filePath(QStringLiteral("other")));
        other.connectTo(m_app.server);
        QVERIFY(other.signIn(kEmail, kSyncTestPassword));
        QCOMPARE(other.sync(), SyncEngine::State::Idle);
        const QString theirs = fieldOf(other.row(m_guide), "body");
        QCOMPARE(theirs, body()->markdown());
        QVERIFY(other.edit(m_guide,
                           { { "body", (QStringLiteral("# Before you start\n\n") + theirs).toStdString() },
                             { "summary", "Good coffee at home." } }));
        QCOMPARE(other.sync(), SyncEngine::State::Idle);
        QVERIFY(syncRound());

        // Merged into the open text: the new heading at the top, the
        // cursor still after the same words, the undo history still there.
        QCOMPARE(body()->markdown(), QStringLiteral("# Before you start\n\n") + theirs);
        QCOMPARE(findNamed<QLineEdit>(*view(), "summaryEdit")->text(), QStringLiteral("Good coffee at home."));
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
        QTest::mouseClick(findNamed<QPushButton>(*view(), "publishButton"), Qt::LeftButton);
        QCOMPARE(stored("status"), QStringLiteral("published"));
        saveAndSync();
        auto *viewOnSite = findNamed<QPushButton>(*view(), "viewOnSiteButton");
        QVERIFY(viewOnSite->isVisible());
        QTest::mouseClick(viewOnSite, Qt::LeftButton);
        QCOMPARE(m_opened.size(), 1);
        const QUrl live = m_opened.constFirst();
        QCOMPARE(live.host(), m_app.server.url().host());
        QCOMPARE(live.port(), m_app.server.url().port());
        QCOMPARE(live.path(), QStringLiteral("/guides/brewing-coffee"));
        TestHttpClient http(m_app.server.url(), m_app.server.fingerprint());
        const HttpResult page = http.request("GET", live.path());
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("Then wait. Enjoy."));
    }

    // Quit and started again with the server's address alone: trusted and
    // signed in without being asked, the guide there as it was left.
    void afterARestartStillTrustedAndSignedIn()
    {
        quitApp();
        QVERIFY(startApp({ QStringLiteral("--server"), QStringLiteral("URL") }));
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->connection().state(), ConnectionState::Online, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_app.workspace->session().isSignedIn(), kTimeoutMs);
        QCOMPARE(m_app.workspace->session().email(), kEmail);
        QCOMPARE(m_app.workspace->api().pinnedFingerprint(), m_app.server.fingerprint());
        QCOMPARE(findNamed<QLabel>(*m_app.window->statusBar(), "accountIndicator")->text(),
                 QStringLiteral("Signed in as %1").arg(kEmail));
        QVERIFY(!m_app.window->findChild<quire::gui::SignInDialog *>());
        QVERIFY(syncRound());

        m_app.window->showSection(QStringLiteral("guides"));
        QTRY_VERIFY(view()->isVisible());
        auto *table = findNamed<QTableView>(*view(), "articleTable");
        QAbstractItemModel *model = table->model();
        int row = -1;
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->index(r, 0).data().toString() == QLatin1String("Brewing Coffee"))
                row = r;
        }
        QVERIFY2(row >= 0, "the guide is not in the list");
        const QRect cell = table->visualRect(model->index(row, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_COMPARE(editor()->currentId(), m_guide);
        QVERIFY2(
            body()->markdown().startsWith(QStringLiteral("# Before you start\n\nGrind the beans. Then wait. Enjoy.")),
            qPrintable(body()->markdown()));
        QVERIFY(body()->markdown().contains(QStringLiteral("| Grams of coffee")));
        QCOMPARE(findNamed<QLineEdit>(*view(), "titleEdit")->text(), QStringLiteral("Brewing Coffee"));
    }

    void cleanupTestCase()
    {
        quitApp();
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    }

public Q_SLOTS:
    void openUrl(const QUrl &url) { m_opened << url; }
};

QTEST_MAIN(TestAuthoringScenario)
#include "tst_authoringscenario.moc"
