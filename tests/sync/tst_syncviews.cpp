// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/contentstore.h"
#include "desktop/core/syncengine.h"
#include "desktop/core/translations.h"
#include "desktop/widgets/conflictsdialog.h"
#include "desktop/widgets/mainwindow.h"
#include "desktop/widgets/rejecteddialog.h"
#include "desktop/widgets/syncindicator.h"
#include "shared/declaredtables.h"
#include "shared/synctable.h"
#include "tests/support/serverprocess.h"
#include "tests/support/widgetfinder.h"
#include "tests/sync/syncpeer.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::test;
using quire::desktop::SyncEngine;

// The sync parts of the desktop under offscreen, against the real server:
// the status bar, Sync Now, the side-by-side conflict view and the list of
// refused changes, driven by clicks.
class TestSyncViews : public QObject
{
    Q_OBJECT
private:
    ReplicaPair m_pair;
    QTemporaryDir &m_dir = m_pair.dir;
    std::unique_ptr<SyncPeer> &m_a = m_pair.a;
    std::unique_ptr<SyncPeer> &m_b = m_pair.b;

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_pair.start({ { QStringLiteral("ann@example.org"), QStringLiteral("author") } });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void statusBarShowsPendingAndSyncNowSends()
    {
        quire::gui::MainWindow window(m_b->ws());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *indicator = findNamed<quire::gui::SyncIndicator>(window, "syncIndicator");
        QVERIFY(indicator);
        const QString id = m_b->create(QStringLiteral("From the window"), QString());
        indicator->refresh();
        QVERIFY2(indicator->text().contains(QStringLiteral("1 change")), qPrintable(indicator->text()));
        auto *syncNow = findNamed<QAction>(window, "syncNowAction");
        QVERIFY(syncNow);
        syncNow->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_b->ws().sync().state(), SyncEngine::State::Idle, 20'000);
        QTRY_VERIFY(!indicator->text().contains(QStringLiteral("to send")));
        QVERIFY(indicator->text().contains(QStringLiteral("Up to date")));
        QVERIFY(indicator->toolTip().contains(QStringLiteral("Last synced")));
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QVERIFY(m_a->row(id));
    }

    void aConflictIsShownSideBySideAndResolvedByAClick()
    {
        const QString id = m_a->create(QStringLiteral("Both sides"), QStringLiteral("Base paragraph.\n"));
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QVERIFY(m_a->edit(id, { { "body", "Base paragraph, A's way.\n" } }));
        QVERIFY(m_b->edit(id, { { "body", "Base paragraph, B's way.\n" } }));
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);

        quire::gui::ConflictsDialog dialog(m_b->ws());
        dialog.show();
        QCOMPARE(dialog.count(), 1);
        // Named as people know it: its type, its title, the field's declared
        // label (not the column's name, "body").
        QCOMPARE(findNamed<QListWidget>(dialog, "conflictList")->item(0)->text(),
                 QStringLiteral("Article · Both sides · Text"));
        auto *server = findNamed<QPlainTextEdit>(dialog, "serverVersion");
        auto *mine = findNamed<QPlainTextEdit>(dialog, "myVersion");
        QVERIFY(server && mine);
        QCOMPARE(server->toPlainText(), QStringLiteral("Base paragraph, A's way.\n"));
        QCOMPARE(mine->toPlainText(), QStringLiteral("Base paragraph, B's way.\n"));
        // The person combines both in their pane and keeps that.
        mine->selectAll();
        QTest::keyClicks(mine, QStringLiteral("Base paragraph, both ways."));
        QTest::mouseClick(findNamed<QPushButton>(dialog, "keepMineButton"), Qt::LeftButton);
        QCOMPARE(dialog.count(), 0);
        QCOMPARE(fieldOf(m_b->row(id), "body"), QStringLiteral("Base paragraph, both ways."));
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QCOMPARE(fieldOf(m_a->row(id), "body"), QStringLiteral("Base paragraph, both ways."));
    }

    void aSlugClashShowsTheAddressTheItemGot()
    {
        // Both replicas create an article at one address before syncing.
        for (SyncPeer *peer : { m_a.get(), m_b.get() }) {
            QVERIFY(peer->ws().content().create(quire::desktop::ContentStore::articles(),
                                                { { "title", "Same address" }, { "slug", "same-address" } },
                                                peer->ws().accountId()));
        }
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_b->status().rejected, 0);

        quire::gui::ConflictsDialog dialog(m_b->ws());
        dialog.show();
        QCOMPARE(dialog.count(), 1);
        QCOMPARE(findNamed<QPlainTextEdit>(dialog, "serverVersion")->toPlainText(), QStringLiteral("same-address-2"));
        QCOMPARE(findNamed<QPlainTextEdit>(dialog, "myVersion")->toPlainText(), QStringLiteral("same-address"));
        auto *summary = findNamed<QLabel>(dialog, "conflictSummary");
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(QStringLiteral("address you chose was taken")), qPrintable(summary->text()));
        QTest::mouseClick(findNamed<QPushButton>(dialog, "keepServerButton"), Qt::LeftButton);
        QCOMPARE(dialog.count(), 0);
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_b->status().conflicts, 0);
    }

    void aRefusedChangeCanBeCopiedExportedAndDismissed()
    {
        // An author may not publish: the server refuses, the text stays here.
        const QString id = m_b->create(QStringLiteral("Not mine to publish"), QStringLiteral("Careful words.\n"));
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QVERIFY(m_b->edit(id, { { "status", "published" }, { "body", "Careful words, final.\n" } }));
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_b->status().rejected, 1);

        quire::gui::RejectedDialog dialog(m_b->ws());
        dialog.show();
        QCOMPARE(dialog.count(), 1);
        // The refused change carries no title; the row's own names it.
        QVERIFY(findNamed<QListWidget>(dialog, "rejectedList")
                    ->item(0)
                    ->text()
                    .startsWith(QStringLiteral("Not mine to publish")));
        QVERIFY(dialog.currentContent().contains(QStringLiteral("Careful words, final.")));
        // Its other fields by their labels, not their column names.
        QVERIFY2(dialog.currentContent().contains(QStringLiteral("Status: published")),
                 qPrintable(dialog.currentContent()));
        QVERIFY(!dialog.currentContent().contains(QStringLiteral("status:")));
        QTest::mouseClick(findNamed<QPushButton>(dialog, "copyButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog.currentContent());
        const QString path = m_dir.filePath(QStringLiteral("refused.md"));
        QCOMPARE(dialog.exportTo(path), QString());
        QFile exported(path);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QVERIFY(exported.readAll().contains("Careful words, final."));
        QCOMPARE(dialog.exportTo(m_dir.filePath(QStringLiteral("no/such/dir/x.md"))).isEmpty(), false);
        QTest::mouseClick(findNamed<QPushButton>(dialog, "dismissButton"), Qt::LeftButton);
        QCOMPARE(dialog.count(), 0);
        QCOMPARE(m_b->status().rejected, 0);
    }

    // Every shipped column has a label, translated; an undeclared one shows
    // its raw name. Last: it leaves German installed.
    void columnsAreNamedByTheirDeclaredLabels()
    {
        for (const quire::shared::SyncTable &table : quire::shared::declaredTables()) {
            for (const quire::shared::SyncColumn &column : table.columns)
                QVERIFY2(column.label, qPrintable(table.name + QLatin1Char('.') + column.name));
        }
        QCOMPARE(quire::shared::SyncSchema::columnLabel(QStringLiteral("articles"), QStringLiteral("published_at")),
                 QStringLiteral("Published"));
        QCOMPARE(quire::shared::SyncSchema::columnLabel(QStringLiteral("articles"), QStringLiteral("no_such_column")),
                 QStringLiteral("no_such_column"));
        QCOMPARE(quire::shared::SyncSchema::columnLabel(QStringLiteral("no_such_table"), QStringLiteral("body")),
                 QStringLiteral("body"));
        QVERIFY(quire::desktop::Translations::install(*qApp, QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(quire::shared::SyncSchema::columnLabel(QStringLiteral("articles"), QStringLiteral("body")),
                 QStringLiteral("Text"));
        QCOMPARE(quire::shared::SyncSchema::columnLabel(QStringLiteral("articles"), QStringLiteral("published_at")),
                 QStringLiteral("Veröffentlicht"));
    }
};

QTEST_MAIN(TestSyncViews)
#include "tst_syncviews.moc"
