// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/core/articlelistmodel.h"
#include "desktop/articles/core/articlequery.h"
#include "desktop/articles/widgets/articleeditor.h"
#include "desktop/articles/widgets/articlesview.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/replica.h"
#include "tests/support/serverprocess.h"
#include "tests/support/widgetfinder.h"
#include "tests/sync/syncpeer.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::test;
using quire::desktop::SyncEngine;

// The Guides view under offscreen: a new guide typed in and saved by
// itself, searched, filtered, refused input kept on screen, the author's
// status action, and Markdown that survives loading and saving untouched.
class TestArticlesView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<SyncPeer> m_peer;
    std::unique_ptr<quire::gui::ArticlesView> m_view;

    template<typename T> T *child(const char *name) { return findNamed<T>(*m_view, name); }
    QString stored(const QString &id, const char *field) { return fieldOf(m_peer->row(id), field); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString data = m_dir.filePath(QStringLiteral("server"));
        QVERIFY(createUser(data, QStringLiteral("writer@example.org"), QStringLiteral("author"), kSyncTestPassword));
        ServerProcess::Options options;
        options.dataDir = data;
        QVERIFY2(m_server.start(options), qPrintable(m_server.errorString()));
        m_peer = std::make_unique<SyncPeer>(m_dir.filePath(QStringLiteral("profile")));
        m_peer->connectTo(m_server);
        QVERIFY(m_peer->signIn(QStringLiteral("writer@example.org"), kSyncTestPassword));
        m_view = std::make_unique<quire::gui::ArticlesView>(m_peer->ws(), quire::shared::ArticleKind::Guide);
        m_view->resize(1000, 700);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void aNewGuideIsTypedAndSavesItself()
    {
        QTest::mouseClick(child<QPushButton>("newButton"), Qt::LeftButton);
        const QString id = m_view->editor()->currentId();
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_view->model()->rowCount(), 1);
        auto *title = child<QLineEdit>("titleEdit");
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Brewing coffee"));
        auto *body = child<QPlainTextEdit>("bodyEdit");
        body->setFocus();
        QTest::keyClicks(body, QStringLiteral("Grind the beans fresh."));
        QTest::keyClick(body, Qt::Key_Return);
        QTest::keyClick(body, Qt::Key_Return);
        QTest::keyClicks(body, QStringLiteral("Use water at 94 degrees."));
        QVERIFY(m_view->editor()->hasUnsavedChanges());
        // No Save button: it is in the replica about a second later.
        QTRY_COMPARE_WITH_TIMEOUT(stored(id, "title"), QStringLiteral("Brewing coffee"), 5000);
        QCOMPARE(stored(id, "body"), QStringLiteral("Grind the beans fresh.\n\nUse water at 94 degrees."));
        QVERIFY(!m_view->editor()->hasUnsavedChanges());
        QVERIFY(m_peer->status().pending >= 1);
    }

    void searchAndFilterTheList()
    {
        m_peer->create(QStringLiteral("Tea notes"), QStringLiteral("Green tea wants cooler water."));
        m_view->refresh();
        QCOMPARE(m_view->model()->rowCount(), 2);
        auto *search = child<QLineEdit>("searchEdit");
        QTest::keyClicks(search, QStringLiteral("bean"));
        QCOMPARE(m_view->model()->rowCount(), 1); // prefix match in the body
        QCOMPARE(m_view->model()->data(m_view->model()->index(0, 0)).toString(), QStringLiteral("Brewing coffee"));
        search->clear();
        QTest::keyClicks(search, QStringLiteral("water"));
        QCOMPARE(m_view->model()->rowCount(), 2);
        search->clear();
        QTest::keyClicks(search, QStringLiteral("\"unbalanced OR ("));
        QCOMPARE(m_view->model()->rowCount(), 0); // odd input is words, not query syntax
        search->clear();
        auto *status = child<QComboBox>("statusFilter");
        status->setCurrentIndex(status->findData(QStringLiteral("published")));
        QCOMPARE(m_view->model()->rowCount(), 0);
        status->setCurrentIndex(status->findData(QStringLiteral("draft")));
        QCOMPARE(m_view->model()->rowCount(), 2);
        status->setCurrentIndex(0);
    }

    void refusedInputStaysOnScreen()
    {
        const QString id = m_view->editor()->currentId();
        auto *slug = child<QLineEdit>("slugEdit");
        // Made from the title while the user typed none.
        QCOMPARE(slug->text(), QStringLiteral("brewing-coffee"));
        QCOMPARE(stored(id, "slug"), QStringLiteral("brewing-coffee"));
        slug->setFocus();
        slug->selectAll();
        QTest::keyClicks(slug, QStringLiteral("Not A Slug"));
        QVERIFY(!m_view->editor()->saveNow());
        QVERIFY(!child<QLabel>("problemLabel")->text().isEmpty());
        QCOMPARE(slug->text(), QStringLiteral("Not A Slug")); // nothing the user typed is lost
        QCOMPARE(stored(id, "slug"), QStringLiteral("brewing-coffee"));
        slug->selectAll();
        QTest::keyClicks(slug, QStringLiteral("brewing-coffee"));
        QVERIFY(m_view->editor()->saveNow());
        QVERIFY(child<QLabel>("problemLabel")->text().isEmpty());
        QCOMPARE(stored(id, "slug"), QStringLiteral("brewing-coffee"));
    }

    void anAuthorSubmitsForReview()
    {
        const QString id = m_view->editor()->currentId();
        QVERIFY(child<QPushButton>("submitButton")->isVisible());
        QVERIFY(!child<QPushButton>("publishButton")->isVisible()); // authors do not publish
        QTest::mouseClick(child<QPushButton>("submitButton"), Qt::LeftButton);
        QCOMPARE(stored(id, "status"), QStringLiteral("in_review"));
        QVERIFY(child<QLabel>("statusLabel")->text().contains(QStringLiteral("In review")));
        QCOMPARE(m_peer->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_peer->status().rejected, 0);
    }

    void markdownSurvivesLoadAndSaveUnchanged()
    {
        const QString corpus = QStringLiteral(
            "# Title\n\nSome *emphasis*, **strong**, ~~struck~~ and `code`.\n\n"
            "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n  1. nested\n\n"
            "> quoted\n\n```cpp\nint main() {}\n```\n\n---\n\n[link](https://example.org \"t\") ![img](/m.png)\n"
            "Trailing spaces  \nhard break, CRLF next\r\nend");
        const QString id = m_peer->create(QStringLiteral("Corpus"), corpus);
        const qint64 pendingBefore = m_peer->status().pending;
        m_view->editor()->load(id);
        QVERIFY(m_view->editor()->saveNow());
        QCOMPARE(m_peer->status().pending, pendingBefore); // nothing rewritten
        QCOMPARE(stored(id, "body"), corpus);
        // One character typed at the end changes exactly that character.
        auto *body = child<QPlainTextEdit>("bodyEdit");
        body->setFocus();
        body->moveCursor(QTextCursor::End);
        QTest::keyClicks(body, QStringLiteral("!"));
        QVERIFY(m_view->editor()->saveNow());
        QString expected = corpus;
        expected.replace(QStringLiteral("\r\n"), QStringLiteral("\n")); // QPlainTextEdit keeps one line ending
        QCOMPARE(stored(id, "body"), expected + QLatin1Char('!'));
    }
};

QTEST_MAIN(TestArticlesView)
#include "tst_articlesview.moc"
