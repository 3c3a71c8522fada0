// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/contentstore.h"
#include "desktop/core/replica.h"
#include "desktop/prompts/core/promptbranches.h"
#include "desktop/prompts/core/promptstore.h"
#include "shared/jsonqt.h"
#include "tests/sync/syncpeer.h"

#include <QTest>

using namespace quire;
using namespace quire::test;
using desktop::SyncEngine;

namespace {

desktop::PromptStore storeOf(SyncPeer &peer)
{
    return desktop::PromptStore(peer.ws().content(), peer.ws().replica().database());
}

QString text(SyncPeer &peer, const QString &id, const char *column)
{
    const auto row = storeOf(peer).get(id);
    return row && *row ? shared::textOf(**row, column) : QStringLiteral("missing");
}

} // namespace

// Branch and Merge Back across replicas with a real server: one user's two
// replicas (A, B). A branches offline and edits the branch while B edits the
// prompt; after a sync A merges back, and the merged prompt with its new,
// numbered version reaches the server and B.
class TestPromptBranchSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mergedParentReachesTheOtherReplica()
    {
        ReplicaPair pair;
        const QString error = pair.start({ { QStringLiteral("alice@example.org"), QStringLiteral("author") } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SyncPeer &a = *pair.a;
        SyncPeer &b = *pair.b;
        const QString me = a.ws().accountId();
        QCOMPARE(b.ws().accountId(), me);

        desktop::PromptStore storeA = storeOf(a);
        const auto parent = storeA.create(
            { { "title", "Summary" }, { "name", "summary" }, { "content", "Intro.\n\nMiddle.\n\nEnd.\n" } }, me);
        QVERIFY(parent);
        QVERIFY(storeA.saveVersion(*parent, QStringLiteral("first"), me));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(text(b, *parent, "content"), QStringLiteral("Intro.\n\nMiddle.\n\nEnd.\n"));

        // Offline on A: a branch, edited; meanwhile B edits the prompt and syncs.
        desktop::PromptBranches branchesA(storeA);
        const auto branch = branchesA.branch(*parent, me, QStringLiteral("Shorter"));
        QVERIFY(branch);
        QVERIFY(storeA.update(*branch, { { "content", "Intro.\n\nMiddle.\n\nEnd, on the branch.\n" } }));
        QVERIFY(storeOf(b).update(*parent, { { "content", "Intro, from B.\n\nMiddle.\n\nEnd.\n" } }));
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(text(a, *parent, "content"), QStringLiteral("Intro, from B.\n\nMiddle.\n\nEnd.\n"));
        // The branch reached the server with its origin; its name made free there.
        QCOMPARE(text(a, *branch, "branch_of"), *parent);
        QCOMPARE(text(a, *branch, "name"), QStringLiteral("summary-branch"));

        const auto merged = branchesA.mergeBack(*branch, me);
        QVERIFY2(merged, merged ? "" : qPrintable(merged.error().message));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);

        const QString expected = QStringLiteral("Intro, from B.\n\nMiddle.\n\nEnd, on the branch.\n");
        QCOMPARE(text(a, *parent, "content"), expected);
        QCOMPARE(text(b, *parent, "content"), expected);
        QCOMPARE(text(b, *branch, "branch_of"), *parent);
        const auto version = storeOf(b).version(*merged);
        QVERIFY(version && *version);
        QVERIFY((*version)->isNumbered());
        QCOMPARE((*version)->message, QStringLiteral("Merged branch summary-branch"));
        QCOMPARE(shared::textOf((*version)->body, "content"), expected);
    }
};

QTEST_MAIN(TestPromptBranchSync)
#include "tst_promptbranchsync.moc"
