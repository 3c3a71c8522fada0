// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/contentstore.h"
#include "desktop/core/replica.h"
#include "desktop/core/syncstore.h"
#include "desktop/prompts/core/promptbranches.h"
#include "desktop/prompts/core/promptstore.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/uuid.h"
#include "tests/desktop/localreplica.h"

#include <QTest>

using namespace quire::desktop;
using quire::shared::textOf;

// Branch and Merge Back on a replica with no server: the branch remembers
// its prompt and base version, edits on both sides merge into a new version
// of the parent, and a clash refuses the merge keeping both texts until the
// user chooses.
class TestPromptBranches : public QObject
{
    Q_OBJECT
private:
    quire::test::LocalReplica m_local;
    std::unique_ptr<PromptStore> m_store;
    std::unique_ptr<PromptBranches> m_branches;
    const QString m_me = quire::shared::Uuid::createV7();

    QString text(const QString &id, const char *column)
    {
        auto row = m_store->get(id);
        return row && *row ? textOf(**row, column) : QStringLiteral("missing");
    }

    // A prompt of mine with a first version, and a branch of it.
    std::pair<QString, QString> promptAndBranch(const char *content)
    {
        auto id = m_store->create({ { "title", "Summary" }, { "name", "summary" }, { "content", content } }, m_me);
        if (!id || !m_store->saveVersion(*id, QStringLiteral("first"), m_me))
            return {};
        auto branch = m_branches->branch(*id, m_me);
        return { *id, branch ? *branch : QString() };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_local.open());
        m_store = std::make_unique<PromptStore>(*m_local.content, m_local.database());
        m_branches = std::make_unique<PromptBranches>(*m_store);
    }

    void branchRemembersWhereItCameFrom()
    {
        const auto [parent, branch] = promptAndBranch("Intro.\n\nEnd.\n");
        QVERIFY(!branch.isEmpty());
        QCOMPARE(text(branch, "branch_of"), parent);
        const auto parentVersions = m_store->versionsOf(parent);
        QVERIFY(parentVersions && parentVersions->size() == 1);
        QCOMPARE(text(branch, "branch_base"), parentVersions->first().id);
        QCOMPARE(text(branch, "title"), QStringLiteral("Summary (branch)"));
        QCOMPARE(text(branch, "content"), QStringLiteral("Intro.\n\nEnd.\n"));
        const auto branchVersions = m_store->versionsOf(branch);
        QVERIFY(branchVersions && branchVersions->size() == 1);
    }

    void cleanMergeIsAnEditAndAVersion()
    {
        const auto [parent, branch] = promptAndBranch("Intro.\n\nMiddle.\n\nEnd.\n");
        QVERIFY(m_store->update(parent, { { "content", "Intro, on the prompt.\n\nMiddle.\n\nEnd.\n" } }));
        QVERIFY(m_store->update(branch,
                                { { "content", "Intro.\n\nMiddle.\n\nEnd, on the branch.\n" }, { "model", "gpt-x" } }));
        auto version = m_branches->mergeBack(branch, m_me);
        QVERIFY2(version, version ? "" : qPrintable(version.error().message));
        QCOMPARE(text(parent, "content"), QStringLiteral("Intro, on the prompt.\n\nMiddle.\n\nEnd, on the branch.\n"));
        QCOMPARE(text(parent, "model"), QStringLiteral("gpt-x"));
        const auto v = m_store->version(*version);
        QVERIFY(v && *v);
        QCOMPARE((*v)->message, QStringLiteral("Merged branch summary-branch"));
        QCOMPARE(textOf((*v)->body, "content"), text(parent, "content"));
    }

    void conflictKeepsBothUntilChosen()
    {
        const auto [parent, branch] = promptAndBranch("One line.\n");
        QVERIFY(m_store->update(parent, { { "content", "Prompt's line.\n" } }));
        QVERIFY(m_store->update(branch, { { "content", "Branch's line.\n" } }));
        const auto preview = m_branches->preview(branch);
        QVERIFY(preview);
        QVERIFY(!preview->clean);
        QCOMPARE(preview->clashes.size(), 1);
        QCOMPARE(preview->clashes.first().column, QStringLiteral("content"));
        QCOMPARE(preview->clashes.first().ours, QStringLiteral("Prompt's line.\n"));
        QCOMPARE(preview->clashes.first().theirs, QStringLiteral("Branch's line.\n"));
        const auto refused = m_branches->mergeBack(branch, m_me);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("merge_conflict"));
        // Nothing written: both texts are where they were.
        QCOMPARE(text(parent, "content"), QStringLiteral("Prompt's line.\n"));
        QCOMPARE(text(branch, "content"), QStringLiteral("Branch's line.\n"));
        QCOMPARE(m_store->versionsOf(parent)->size(), 1);
        const auto chosen
            = m_branches->mergeBack(branch, m_me, { { QStringLiteral("content"), QStringLiteral("Both lines.\n") } });
        QVERIFY(chosen);
        QCOMPARE(text(parent, "content"), QStringLiteral("Both lines.\n"));
        QCOMPARE(m_store->versionsOf(parent)->size(), 2);
    }

    void notABranchIsRefused()
    {
        const auto [parent, branch] = promptAndBranch("Text.\n");
        Q_UNUSED(branch);
        QVERIFY(!m_branches->mergeBack(parent, m_me));
    }
};

QTEST_GUILESS_MAIN(TestPromptBranches)
#include "tst_promptbranches.moc"
