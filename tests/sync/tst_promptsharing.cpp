// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/contentstore.h"
#include "shared/fractionalposition.h"
#include "shared/prompttables.h"
#include "shared/synctable.h"
#include "tests/sync/syncpeer.h"

#include <QSet>
#include <QTest>

#include <memory>

using namespace quire;
using namespace quire::test;
using desktop::SyncEngine;

namespace {

const shared::SyncTable &table(const QString &name)
{
    return *shared::SyncSchema::find(name);
}

QString make(SyncPeer &peer, const QString &tableName, const nlohmann::json &fields)
{
    const shared::Result<QString> id = peer.ws().content().create(table(tableName), fields, peer.ws().accountId());
    return id ? *id : QString();
}

bool has(SyncPeer &peer, const QString &tableName, const QString &id)
{
    const auto row = peer.ws().content().get(table(tableName), id);
    return row && row->has_value();
}

QString value(SyncPeer &peer, const QString &tableName, const QString &id, const char *column)
{
    const auto row = peer.ws().content().get(table(tableName), id);
    return row ? fieldOf(*row, column) : QString();
}

// The codes of the changes the server refused to this replica, by row.
QString refusal(SyncPeer &peer, const QString &rowId)
{
    const auto rejected = peer.ws().syncRecords().rejections();
    if (!rejected)
        return QStringLiteral("?");
    for (const auto &r : *rejected) {
        if (r.rowId == rowId)
            return r.code;
    }
    return {};
}

// The group's members as the replica orders them: position, then id.
QStringList order(SyncPeer &peer, const QStringList &members)
{
    QList<QPair<QString, QString>> keyed;
    for (const QString &m : members) {
        if (has(peer, shared::promptGroupMembersTable(), m))
            keyed << qMakePair(value(peer, shared::promptGroupMembersTable(), m, "position"), m);
    }
    std::sort(keyed.begin(), keyed.end());
    QStringList ids;
    for (const auto &[position, id] : keyed)
        ids << value(peer, shared::promptGroupMembersTable(), id, "prompt_id");
    return ids;
}

// A place for `prompt` in `group` at `position`.
QString addMember(SyncPeer &peer, const QString &group, const QString &prompt, const QString &position)
{
    return make(peer, shared::promptGroupMembersTable(),
                { { "group_id", group.toStdString() },
                  { "prompt_id", prompt.toStdString() },
                  { "position", position.toStdString() } });
}

} // namespace

// The prompt library's sharing through the sync engine's scope rules, with
// a real server and real replicas: a group shared with Bob brings him the
// group, its members and their prompts with versions and labels; a viewer
// cannot change them; an editor can; a revoke takes it all back; other
// users' rows are out of reach; concurrent reorders and version saves on
// two replicas settle without loss.
class TestPromptSharing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { m_pair.reset(); }

    void shareBringsGroupAndRevokeTakesItBack()
    {
        const QString error = startPair(true);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SyncPeer &a = *m_pair->a;
        SyncPeer &b = *m_pair->b;
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        const QString bobId = b.ws().accountId();
        QVERIFY(!bobId.isEmpty());

        const QString prompt
            = make(a, shared::promptsTable(), { { "title", "Summarise a ticket" }, { "content", "Hi {{name}}" } });
        QVERIFY(!prompt.isEmpty());
        const QString version
            = make(a, shared::promptVersionsTable(), { { "prompt_id", prompt.toStdString() }, { "content", "Hi" } });
        const QString label = make(a, shared::promptLabelsTable(),
                                   { { "prompt_id", prompt.toStdString() },
                                     { "name", "production" },
                                     { "version_id", version.toStdString() } });
        const QString group = make(a, shared::promptGroupsTable(), { { "name", "Support" } });
        const QStringList positions = *shared::FractionalPosition::spread(3);
        const QString member = addMember(a, group, prompt, positions.at(0));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(a, label), QString());
        QCOMPARE(value(a, shared::promptVersionsTable(), version, "number"), QStringLiteral("1"));
        QCOMPARE(value(a, shared::promptsTable(), prompt, "name"), QStringLiteral("summarise-a-ticket"));
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QVERIFY(!has(b, shared::promptsTable(), prompt)); // not shared yet

        // Shared as a viewer: everything reachable arrives through pulls.
        const QString share
            = make(a, shared::promptGroupSharesTable(),
                   { { "group_id", group.toStdString() }, { "user_id", bobId.toStdString() }, { "role", "viewer" } });
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(a, share), QString());
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        for (const auto &[t, id] :
             { qMakePair(shared::promptGroupsTable(), group), qMakePair(shared::promptGroupMembersTable(), member),
               qMakePair(shared::promptsTable(), prompt), qMakePair(shared::promptVersionsTable(), version),
               qMakePair(shared::promptLabelsTable(), label), qMakePair(shared::promptGroupSharesTable(), share) })
            QVERIFY2(has(b, t, id), qPrintable(t));

        // A viewer changes nothing: the edits come back refused.
        QVERIFY(b.ws().content().update(table(shared::promptGroupsTable()), group, { { "name", "Mine now" } }));
        QVERIFY(b.ws().content().update(table(shared::promptGroupMembersTable()), member, { { "position", "a5" } }));
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(b, group), QStringLiteral("forbidden"));
        QCOMPARE(refusal(b, member), QStringLiteral("forbidden"));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(value(a, shared::promptGroupsTable(), group, "name"), QStringLiteral("Support"));

        // IDOR: Alice's prompt, label and favourites are not Bob's to write.
        const QString other = QStringLiteral("019a0000-0000-7000-8000-000000000001");
        QVERIFY(b.ws().content().update(table(shared::promptsTable()), prompt, { { "content", "Hacked" } }));
        QVERIFY(b.ws().content().update(table(shared::promptLabelsTable()), label, { { "name", "staging" } }));
        const QString badShare = make(b, shared::promptGroupSharesTable(),
                                      { { "group_id", group.toStdString() }, { "user_id", other.toStdString() } });
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(b, prompt), QStringLiteral("forbidden"));
        QCOMPARE(refusal(b, label), QStringLiteral("forbidden"));
        QCOMPARE(refusal(b, badShare), QStringLiteral("forbidden"));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(value(a, shared::promptsTable(), prompt, "content"), QStringLiteral("Hi {{name}}"));
        QCOMPARE(value(a, shared::promptLabelsTable(), label, "name"), QStringLiteral("production"));
        // Bob may favourite what he can read; Alice's favourite stays hers.
        const QString aliceFavourite
            = make(a, shared::promptFavoritesTable(), { { "prompt_id", prompt.toStdString() } });
        const QString bobFavourite = make(b, shared::promptFavoritesTable(), { { "prompt_id", prompt.toStdString() } });
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(b, bobFavourite), QString());
        QVERIFY(!has(b, shared::promptFavoritesTable(), aliceFavourite));

        // Made an editor: Bob reorders, and a member added later reaches him.
        QVERIFY(a.ws().content().update(table(shared::promptGroupSharesTable()), share, { { "role", "editor" } }));
        const QString second = make(a, shared::promptsTable(), { { "title", "Second" } });
        const QString secondMember = addMember(a, group, second, positions.at(1));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QVERIFY(has(b, shared::promptsTable(), second));
        QVERIFY(has(b, shared::promptGroupMembersTable(), secondMember));
        const QString first = *shared::FractionalPosition::between({}, positions.at(0));
        QVERIFY(b.ws().content().update(table(shared::promptGroupMembersTable()), secondMember,
                                        { { "position", first.toStdString() } }));
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(b, secondMember), QString());
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(order(a, { member, secondMember }), (QStringList { second, prompt }));

        // Revoked: gone from Bob's replica, still all on Alice's.
        QVERIFY(a.ws().content().remove(table(shared::promptGroupSharesTable()), share));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        for (const auto &[t, id] :
             { qMakePair(shared::promptGroupsTable(), group), qMakePair(shared::promptGroupMembersTable(), member),
               qMakePair(shared::promptGroupMembersTable(), secondMember), qMakePair(shared::promptsTable(), prompt),
               qMakePair(shared::promptsTable(), second), qMakePair(shared::promptVersionsTable(), version),
               qMakePair(shared::promptLabelsTable(), label), qMakePair(shared::promptGroupSharesTable(), share) }) {
            QVERIFY2(!has(b, t, id), qPrintable(t));
            if (t != shared::promptGroupSharesTable())
                QVERIFY2(has(a, t, id), qPrintable(t));
        }
    }

    // Alice deletes a prompt on her replica: the server deletes its versions,
    // labels, group places and every star with it (Bob's too), and both
    // replicas drop them; the group and the other prompts stay.
    void deletedPromptTakesItsRowsAlong()
    {
        const QString error = startPair(true);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SyncPeer &a = *m_pair->a;
        SyncPeer &b = *m_pair->b;
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        const QString prompt = make(a, shared::promptsTable(), { { "title", "Doomed" } });
        const QString kept = make(a, shared::promptsTable(), { { "title", "Kept" } });
        const QString version = make(a, shared::promptVersionsTable(), { { "prompt_id", prompt.toStdString() } });
        const QString label = make(a, shared::promptLabelsTable(),
                                   { { "prompt_id", prompt.toStdString() },
                                     { "name", "production" },
                                     { "version_id", version.toStdString() } });
        const QString group = make(a, shared::promptGroupsTable(), { { "name", "Team" } });
        const QStringList positions = *shared::FractionalPosition::spread(2);
        const QString member = addMember(a, group, prompt, positions.at(0));
        const QString keptMember = addMember(a, group, kept, positions.at(1));
        const QString aliceStar = make(a, shared::promptFavoritesTable(), { { "prompt_id", prompt.toStdString() } });
        make(a, shared::promptGroupSharesTable(),
             { { "group_id", group.toStdString() },
               { "user_id", b.ws().accountId().toStdString() },
               { "role", "viewer" } });
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        const QString bobStar = make(b, shared::promptFavoritesTable(), { { "prompt_id", prompt.toStdString() } });
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(b, bobStar), QString());
        QVERIFY(has(b, shared::promptVersionsTable(), version));

        QVERIFY(a.ws().content().remove(table(shared::promptsTable()), prompt));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(a, prompt), QString());
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        for (SyncPeer *peer : { &a, &b }) {
            for (const auto &[t, id] :
                 { qMakePair(shared::promptsTable(), prompt), qMakePair(shared::promptVersionsTable(), version),
                   qMakePair(shared::promptLabelsTable(), label), qMakePair(shared::promptGroupMembersTable(), member),
                   qMakePair(shared::promptFavoritesTable(), aliceStar),
                   qMakePair(shared::promptFavoritesTable(), bobStar) })
                QVERIFY2(!has(*peer, t, id), qPrintable(t));
            QVERIFY(has(*peer, shared::promptGroupsTable(), group));
            QVERIFY(has(*peer, shared::promptsTable(), kept));
            QVERIFY(has(*peer, shared::promptGroupMembersTable(), keptMember));
        }
    }

    // Both of Alice's replicas move members offline, then sync: one order
    // on both, every member once.
    void concurrentReorderSettles()
    {
        const QString error = startPair(false);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SyncPeer &a = *m_pair->a;
        SyncPeer &b = *m_pair->b;
        const QString group = make(a, shared::promptGroupsTable(), { { "name", "Ordered" } });
        const QStringList positions = *shared::FractionalPosition::spread(5);
        QStringList prompts;
        QStringList members;
        for (int i = 0; i < 5; ++i) {
            prompts << make(a, shared::promptsTable(), { { "title", QStringLiteral("P%1").arg(i).toStdString() } });
            members << addMember(a, group, prompts.last(), positions.at(i));
        }
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(order(b, members), prompts);
        // Offline: A moves the last to the front; B moves the first between
        // the last two, and the same "last" between the first two.
        QVERIFY(a.ws().content().update(
            table(shared::promptGroupMembersTable()), members.at(4),
            { { "position", shared::FractionalPosition::between({}, positions.at(0))->toStdString() } }));
        QVERIFY(b.ws().content().update(
            table(shared::promptGroupMembersTable()), members.at(0),
            { { "position", shared::FractionalPosition::between(positions.at(3), positions.at(4))->toStdString() } }));
        QVERIFY(b.ws().content().update(
            table(shared::promptGroupMembersTable()), members.at(4),
            { { "position", shared::FractionalPosition::between(positions.at(0), positions.at(1))->toStdString() } }));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        const QStringList onA = order(a, members);
        QCOMPARE(onA, order(b, members));
        QCOMPARE(onA.size(), 5);
        QCOMPARE(QSet<QString>(onA.begin(), onA.end()).size(), 5);
        // B's move of the last arrived later and wins; B's other move stays.
        QCOMPARE(onA, (QStringList { prompts.at(4), prompts.at(1), prompts.at(2), prompts.at(3), prompts.at(0) }));
    }

    // Versions saved offline on two replicas get distinct numbers 1..n, and
    // a saved version never changes.
    void versionsNumberedAcrossReplicas()
    {
        const QString error = startPair(false);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SyncPeer &a = *m_pair->a;
        SyncPeer &b = *m_pair->b;
        const QString prompt = make(a, shared::promptsTable(), { { "title", "Versioned" } });
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QStringList versions;
        for (int i = 0; i < 3; ++i) {
            versions << make(a, shared::promptVersionsTable(),
                             { { "prompt_id", prompt.toStdString() }, { "message", "from A" } });
            versions << make(b, shared::promptVersionsTable(),
                             { { "prompt_id", prompt.toStdString() }, { "message", "from B" } });
        }
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QSet<QString> numbers;
        for (const QString &v : versions) {
            QCOMPARE(value(a, shared::promptVersionsTable(), v, "number"),
                     value(b, shared::promptVersionsTable(), v, "number"));
            numbers.insert(value(a, shared::promptVersionsTable(), v, "number"));
        }
        QCOMPARE(numbers,
                 (QSet<QString> { QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                                  QStringLiteral("5"), QStringLiteral("6") }));
        QVERIFY(b.ws().content().update(table(shared::promptVersionsTable()), versions.first(),
                                        { { "message", "rewritten" } }));
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(b, versions.first()), QStringLiteral("immutable"));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(value(a, shared::promptVersionsTable(), versions.first(), "message"), QStringLiteral("from A"));
    }

private:
    // Alice, and Bob when asked, as authors of a fresh server, and two
    // replicas (both Alice's when she is alone). Empty on success.
    QString startPair(bool withBob)
    {
        m_pair = std::make_unique<ReplicaPair>();
        QList<QPair<QString, QString>> accounts { { QStringLiteral("alice@example.org"), QStringLiteral("author") } };
        if (withBob)
            accounts.append({ QStringLiteral("bob@example.org"), QStringLiteral("author") });
        return m_pair->start(accounts);
    }

    std::unique_ptr<ReplicaPair> m_pair;
};

QTEST_GUILESS_MAIN(TestPromptSharing)
#include "tst_promptsharing.moc"
