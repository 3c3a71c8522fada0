// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/workspace.h"
#include "desktop/prompts/core/promptlistmodel.h"
#include "desktop/prompts/core/promptstore.h"
#include "desktop/prompts/widgets/prompteditor.h"
#include "desktop/prompts/widgets/promptsview.h"
#include "desktop/prompts/widgets/promptversionspanel.h"
#include "desktop/widgets/bodyeditor.h"
#include "tests/support/serverprocess.h"
#include "tests/sync/syncpeer.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace quire;
using namespace quire::test;

// A prompt written in the Prompts section before any sync (as offline: the
// edits wait in the outbox), starred and kept as a version, reaches the
// server with the next round and shows, starred, with its version, in the
// library of a second replica of the same user.
class TestPromptSync : public QObject
{
    Q_OBJECT
private:
    ReplicaPair m_pair;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString error = m_pair.start({ { QStringLiteral("writer@example.org"), QStringLiteral("editor") } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void aPromptWrittenOfflineShowsOnTheOtherReplica()
    {
        desktop::Workspace &a = m_pair.a->ws();
        QString id;
        {
            gui::PromptsView view(a);
            view.resize(1200, 700);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            id = view.createPrompt();
            QVERIFY(!id.isEmpty());
            auto *title = view.editor()->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
            title->selectAll();
            QTest::keyClicks(title, QStringLiteral("Release notes"));
            QPlainTextEdit *text = view.editor()->bodyEditor()->sourceEdit();
            text->setFocus();
            QTest::keyClicks(text, QStringLiteral("Write release notes for {{version}}."));
            QTest::keyClicks(view.editor()->versionsPanel()->messageEdit(), QStringLiteral("first"));
            QTest::mouseClick(view.editor()->findChild<QPushButton *>(QStringLiteral("saveVersionButton")),
                              Qt::LeftButton);
            view.toggleFavourite(view.model()->rowOf(id));
            QVERIFY(*view.store().isFavourite(id, a.accountId()));
            // Nothing has left this computer yet.
            QVERIFY(m_pair.a->status().pending >= 3);
        }
        QCOMPARE(m_pair.a->sync(), desktop::SyncEngine::State::Idle);
        QCOMPARE(m_pair.a->status().pending, 0);
        QCOMPARE(m_pair.a->status().rejected, 0);

        QCOMPARE(m_pair.b->sync(), desktop::SyncEngine::State::Idle);
        desktop::Workspace &b = m_pair.b->ws();
        gui::PromptsView other(b);
        other.show();
        QVERIFY(QTest::qWaitForWindowExposed(&other));
        const int row = other.model()->rowOf(id);
        QVERIFY(row >= 0);
        QCOMPARE(other.model()->at(row)->title, QStringLiteral("Release notes"));
        QVERIFY(other.model()->at(row)->favourite);
        other.table()->selectRow(row);
        QCOMPARE(other.editor()->currentId(), id);
        QCOMPARE(other.editor()->bodyEditor()->markdown(), QStringLiteral("Write release notes for {{version}}."));
        QTreeWidget *versions = other.editor()->versionsPanel()->list();
        QCOMPARE(versions->topLevelItemCount(), 1);
        QCOMPARE(versions->topLevelItem(0)->text(3), QStringLiteral("first"));
    }
};

QTEST_MAIN(TestPromptSync)
#include "tst_promptsync.moc"
