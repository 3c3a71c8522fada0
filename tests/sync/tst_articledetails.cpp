// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/widgets/articleeditor.h"
#include "desktop/articles/widgets/metadatapanel.h"
#include "desktop/core/contentstore.h"
#include "tests/support/serverprocess.h"
#include "tests/support/widgetfinder.h"
#include "tests/sync/syncpeer.h"

#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

using namespace quire::test;
using quire::gui::ArticleEditor;

// The article editor's side panels under offscreen, against a real server:
// categories (synced from the admins' tree), tags, cover and SEO fields saved
// into the replica and synced; the history listing revisions, comparing two
// and restoring one through the server, which the next sync brings back.
class TestArticleDetails : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<SyncPeer> m_admin;
    std::unique_ptr<SyncPeer> m_author;
    std::unique_ptr<ArticleEditor> m_editor;
    QString m_categoryId;
    QString m_articleId;

    template<typename T> T *child(const char *name) { return findNamed<T>(*m_editor, name); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString data = m_dir.filePath(QStringLiteral("server"));
        QVERIFY(createUser(data, QStringLiteral("admin@example.org"), QStringLiteral("admin"), kSyncTestPassword));
        QVERIFY(createUser(data, QStringLiteral("writer@example.org"), QStringLiteral("author"), kSyncTestPassword));
        ServerProcess::Options options;
        options.dataDir = data;
        QVERIFY2(m_server.start(options), qPrintable(m_server.errorString()));
        m_admin = std::make_unique<SyncPeer>(m_dir.filePath(QStringLiteral("admin")));
        m_admin->connectTo(m_server);
        QVERIFY(m_admin->signIn(QStringLiteral("admin@example.org"), kSyncTestPassword));
        // An admin makes the category tree on their desktop; it syncs to everyone.
        const quire::shared::SyncTable &categories = *quire::shared::SyncSchema::find(QStringLiteral("categories"));
        auto top = m_admin->ws().content().create(categories, { { "name", "Brewing" }, { "slug", "brewing" } },
                                                  m_admin->ws().accountId());
        QVERIFY(top);
        auto sub = m_admin->ws().content().create(
            categories, { { "name", "Filter" }, { "slug", "filter" }, { "parent_id", top->toStdString() } },
            m_admin->ws().accountId());
        QVERIFY(sub);
        m_categoryId = *sub;
        QCOMPARE(m_admin->sync(), quire::desktop::SyncEngine::State::Idle);

        m_author = std::make_unique<SyncPeer>(m_dir.filePath(QStringLiteral("author")));
        m_author->connectTo(m_server);
        QVERIFY(m_author->signIn(QStringLiteral("writer@example.org"), kSyncTestPassword));
        QCOMPARE(m_author->sync(), quire::desktop::SyncEngine::State::Idle);
        m_articleId = m_author->create(QStringLiteral("Kettles"), QStringLiteral("First words.\n"));
        QVERIFY(!m_articleId.isEmpty());
        m_editor = std::make_unique<ArticleEditor>(m_author->ws());
        m_editor->resize(1200, 800);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        m_editor->load(m_articleId);
    }

    void categoriesTagsAndSeoAreSavedAndSynced()
    {
        auto *tree = child<QTreeWidget>("categoryTree");
        QCOMPARE(tree->topLevelItemCount(), 1); // Brewing, with Filter inside
        QTreeWidgetItem *filter = tree->topLevelItem(0)->child(0);
        QVERIFY(filter);
        QCOMPARE(filter->text(0), QStringLiteral("Filter"));
        // Tick the box the way a user does: click it, then press space for the keyboard path.
        tree->setCurrentItem(filter);
        QTest::keyClick(tree, Qt::Key_Space);
        QCOMPARE(filter->checkState(0), Qt::Checked);

        auto *tags = child<QLineEdit>("tagsEdit");
        tags->setFocus();
        QTest::keyClicks(tags, QStringLiteral("Kettles,  gear , kettles, "));
        auto *seo = child<QLineEdit>("seoTitleEdit");
        seo->setFocus();
        QTest::keyClicks(seo, QStringLiteral("Choosing a kettle"));
        // A cover that is neither ours nor https is refused at once and kept on screen.
        auto *cover = child<QLineEdit>("coverEdit");
        cover->setFocus();
        QTest::keyClicks(cover, QStringLiteral("javascript:alert(1)"));
        QVERIFY(!m_editor->saveNow());
        QVERIFY(child<QLabel>("problemLabel")->text().contains(QStringLiteral("cover")));
        QCOMPARE(cover->text(), QStringLiteral("javascript:alert(1)"));
        cover->selectAll();
        QTest::keyClicks(cover, QStringLiteral("https://example.org/kettle.png"));
        QVERIFY(m_editor->saveNow());
        const auto row = m_author->row(m_articleId);
        QCOMPARE(fieldOf(row, "tags"), QStringLiteral("[\"Kettles\",\"gear\"]"));
        QCOMPARE(fieldOf(row, "categories"), QStringLiteral("[\"%1\"]").arg(m_categoryId));
        QCOMPARE(fieldOf(row, "seo_title"), QStringLiteral("Choosing a kettle"));
        QCOMPARE(fieldOf(row, "cover"), QStringLiteral("https://example.org/kettle.png"));

        // Synced: the admin's replica has them too.
        QCOMPARE(m_author->sync(), quire::desktop::SyncEngine::State::Idle);
        QCOMPARE(m_admin->sync(), quire::desktop::SyncEngine::State::Idle);
        QCOMPARE(fieldOf(m_admin->row(m_articleId), "tags"), QStringLiteral("[\"Kettles\",\"gear\"]"));
        QCOMPARE(m_author->status().rejected, qint64(0));
    }

    void historyListsComparesAndRestores()
    {
        // The history lists editing sessions; "Save Version" ends one, so
        // the edit after it is an entry of its own.
        m_editor->load(m_articleId);
        auto *list = child<QListWidget>("revisionList");
        QTRY_VERIFY_WITH_TIMEOUT(list->count() >= 1, 10000);
        QTest::mouseClick(child<QPushButton>("saveVersionButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(list->count() >= 1 && list->item(0)->text().contains(QStringLiteral("saved version")),
                                 15000);
        QVERIFY(m_author->edit(m_articleId, { { "body", "First words.\nSecond line.\n" } }));
        QCOMPARE(m_author->sync(), quire::desktop::SyncEngine::State::Idle);
        m_editor->load(m_articleId);
        // Unsent edits fold into one change, so: the creation with its details, then the new line.
        QTRY_VERIFY_WITH_TIMEOUT(list->count() >= 2, 10000);
        // Compare the oldest with the newest.
        list->clearSelection();
        list->item(list->count() - 1)->setSelected(true);
        list->item(0)->setSelected(true);
        QTest::mouseClick(child<QPushButton>("compareRevisionsButton"), Qt::LeftButton);
        auto *view = child<QTextBrowser>("revisionView");
        QTRY_VERIFY_WITH_TIMEOUT(view->toPlainText().contains(QStringLiteral("+ Second line.")), 10000);
        QVERIFY(view->toPlainText().contains(QStringLiteral("  First words.")));

        // Restore the first revision: the server makes a new one, sync brings it home.
        list->clearSelection();
        list->item(list->count() - 1)->setSelected(true);
        QTimer::singleShot(0, this, [] {
            if (QWidget *box = QApplication::activeModalWidget())
                QTest::keyClick(box, Qt::Key_Y, Qt::AltModifier);
        });
        QTimer::singleShot(200, this, [] {
            if (QWidget *box = QApplication::activeModalWidget())
                QTest::keyClick(box, Qt::Key_Return);
        });
        QTest::mouseClick(child<QPushButton>("restoreRevisionButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(fieldOf(m_author->row(m_articleId), "body"), QStringLiteral("First words.\n"), 15000);
        // The restored text is the working copy the editor shows after a sync.
        m_editor->reloadIfClean();
        QCOMPARE(child<QPlainTextEdit>("bodyEdit")->toPlainText(), QStringLiteral("First words.\n"));
    }

    void whoMayManageCategoriesAddsOneFromTheDetails()
    {
        // An author may not change the tree: the button is not offered.
        QVERIFY(child<QPushButton>("newCategoryButton")->isHidden());

        // An admin's Details panel, on the same article.
        QCOMPARE(m_admin->sync(), quire::desktop::SyncEngine::State::Idle);
        const std::optional<nlohmann::json> row = m_admin->row(m_articleId);
        QVERIFY(row);
        quire::gui::MetadataPanel panel(m_admin->ws());
        panel.load(*row);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        int edits = 0;
        connect(&panel, &quire::gui::MetadataPanel::edited, this, [&] { ++edits; });
        auto *button = findNamed<QPushButton>(panel, "newCategoryButton");
        QVERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QInputDialog *ask = nullptr;
        QTRY_VERIFY((ask = panel.findChild<QInputDialog *>(QStringLiteral("newCategoryDialog"))) && ask->isVisible());
        // "Brewing" exists: the new one gets an address of its own.
        ask->setTextValue(QStringLiteral("  Brewing  "));
        ask->accept();

        // Ticked for this article at once, beside what was ticked before.
        const QStringList ticked
            = quire::shared::listItems(QString::fromStdString(panel.fields()["categories"].get<std::string>()));
        QCOMPARE(ticked.size(), 2);
        QVERIFY(ticked.contains(m_categoryId));
        const QString created = ticked.at(ticked.indexOf(m_categoryId) == 0 ? 1 : 0);
        QCOMPARE(edits, 1);
        const quire::shared::SyncTable &categories = *quire::shared::SyncSchema::find(QStringLiteral("categories"));
        const auto stored = m_admin->ws().content().get(categories, created);
        QVERIFY(stored && *stored);
        QCOMPARE(fieldOf(*stored, "name"), QStringLiteral("Brewing"));
        QCOMPARE(fieldOf(*stored, "slug"), QStringLiteral("brewing-2"));

        // Synced through the replica, accepted by the server, and on the author's desktop next.
        QCOMPARE(m_admin->sync(), quire::desktop::SyncEngine::State::Idle);
        QCOMPARE(m_admin->status().rejected, qint64(0));
        QCOMPARE(m_author->sync(), quire::desktop::SyncEngine::State::Idle);
        const auto synced = m_author->ws().content().get(categories, created);
        QVERIFY(synced && *synced);
        QCOMPARE(fieldOf(*synced, "slug"), QStringLiteral("brewing-2"));
    }

    // A replica that has no categories yet (none made, or not synced): the
    // Details panel says so and names the next step, for the role signed in.
    void emptyCategoriesSayWhatToDo_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("mayCreate");
        QTest::addColumn<QString>("hint");
        QTest::newRow("author") << QStringLiteral("writer@example.org") << false
                                << QStringLiteral("Editors and administrators create them");
        QTest::newRow("admin") << QStringLiteral("admin@example.org") << true
                               << QStringLiteral("Click New Category… to add the first");
    }

    void emptyCategoriesSayWhatToDo()
    {
        QFETCH(QString, email);
        QFETCH(bool, mayCreate);
        QFETCH(QString, hint);
        SyncPeer fresh(m_dir.filePath(QStringLiteral("fresh-") + QString::fromLatin1(QTest::currentDataTag())));
        fresh.connectTo(m_server);
        QVERIFY(fresh.signIn(email, kSyncTestPassword));
        const QString id = fresh.create(QStringLiteral("Unsorted"), QStringLiteral("Words.\n"));
        const std::optional<nlohmann::json> row = fresh.row(id);
        QVERIFY(row);
        quire::gui::MetadataPanel panel(fresh.ws());
        panel.load(*row);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *empty = findNamed<QLabel>(panel, "categoriesEmpty");
        QVERIFY(empty->isVisible());
        QVERIFY(!findNamed<QTreeWidget>(panel, "categoryTree")->isVisible());
        QVERIFY2(empty->text().contains(hint), qPrintable(empty->text()));
        QCOMPARE(findNamed<QPushButton>(panel, "newCategoryButton")->isVisible(), mayCreate);
        if (!mayCreate)
            return;
        // The next step taken: the first category shows in the tree, ticked, and the hint goes.
        QTest::mouseClick(findNamed<QPushButton>(panel, "newCategoryButton"), Qt::LeftButton);
        QInputDialog *ask = nullptr;
        QTRY_VERIFY((ask = panel.findChild<QInputDialog *>(QStringLiteral("newCategoryDialog"))) && ask->isVisible());
        ask->setTextValue(QStringLiteral("Tea"));
        ask->accept();
        auto *tree = findNamed<QTreeWidget>(panel, "categoryTree");
        QVERIFY(tree->isVisible());
        QVERIFY(!empty->isVisible());
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Tea"));
        QCOMPARE(tree->topLevelItem(0)->checkState(0), Qt::Checked);
    }

    void offlineTheHistorySaysWhy()
    {
        m_server.kill();
        m_editor->load(m_articleId);
        auto *message = child<QLabel>("revisionMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("connect")), 15000);
        QCOMPARE(child<QListWidget>("revisionList")->count(), 0);
    }
};

QTEST_MAIN(TestArticleDetails)
#include "tst_articledetails.moc"
