// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/contentstore.h"
#include "shared/fractionalposition.h"
#include "shared/synctable.h"
#include "tests/sync/syncpeer.h"

#include <QSet>
#include <QTest>

using namespace quire;
using namespace quire::test;
using desktop::SyncEngine;

namespace {

const shared::SyncTable &table(const char *name)
{
    return *shared::SyncSchema::find(QString::fromLatin1(name));
}

QString make(SyncPeer &peer, const char *tableName, const nlohmann::json &fields)
{
    const shared::Result<QString> id = peer.ws().content().create(table(tableName), fields, peer.ws().accountId());
    return id ? *id : QString();
}

bool has(SyncPeer &peer, const char *tableName, const QString &id)
{
    const auto row = peer.ws().content().get(table(tableName), id);
    return row && row->has_value();
}

QString value(SyncPeer &peer, const char *tableName, const QString &id, const char *column)
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
        if (has(peer, "prompt_group_members", m))
            keyed << qMakePair(value(peer, "prompt_group_members", m, "position"), m);
    }
    std::sort(keyed.begin(), keyed.end());
    QStringList ids;
    for (const auto &[position, id] : keyed)
        ids << value(peer, "prompt_group_members", id, "prompt_id");
    return ids;
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
    void shareBringsGroupAndRevokeTakesItBack()
    {
        ReplicaPair pair;
        const QString alice = QStringLiteral("alice@example.org");
        const QString bob = QStringLiteral("bob@example.org");
        const QString error = pair.start({ { alice, QStringLiteral("author") }, { bob, QStringLiteral("author") } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SyncPeer &a = *pair.a;
        SyncPeer &b = *pair.b;
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        const QString bobId = b.ws().accountId();
        QVERIFY(!bobId.isEmpty());

        const QString prompt = make(a, "prompts", { { "title", "Summarise a ticket" }, { "content", "Hi {{name}}" } });
        QVERIFY(!prompt.isEmpty());
        const QString version
            = make(a, "prompt_versions", { { "prompt_id", prompt.toStdString() }, { "content", "Hi" } });
        const QString label = make(a, "prompt_labels",
                                   { { "prompt_id", prompt.toStdString() },
                                     { "name", "production" },
                                     { "version_id", version.toStdString() } });
        const QString group = make(a, "prompt_groups", { { "name", "Support" } });
        const QStringList positions = *shared::FractionalPosition::spread(3);
        const QString member = make(a, "prompt_group_members",
                                    { { "group_id", group.toStdString() },
                                      { "prompt_id", prompt.toStdString() },
                                      { "position", positions.at(0).toStdString() } });
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(a, label), QString());
        QCOMPARE(value(a, "prompt_versions", version, "number"), QStringLiteral("1"));
        QCOMPARE(value(a, "prompts", prompt, "name"), QStringLiteral("summarise-a-ticket"));
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QVERIFY(!has(b, "prompts", prompt)); // not shared yet

        // Shared as a viewer: everything reachable arrives through pulls.
        const QString share
            = make(a, "prompt_group_shares",
                   { { "group_id", group.toStdString() }, { "user_id", bobId.toStdString() }, { "role", "viewer" } });
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(a, share), QString());
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        for (const auto &[t, id] : { qMakePair("prompt_groups", group), qMakePair("prompt_group_members", member),
                                     qMakePair("prompts", prompt), qMakePair("prompt_versions", version),
                                     qMakePair("prompt_labels", label), qMakePair("prompt_group_shares", share) })
            QVERIFY2(has(b, t, id), t);

        // A viewer changes nothing: the edits come back refused.
        QVERIFY(b.ws().content().update(table("prompt_groups"), group, { { "name", "Mine now" } }));
        QVERIFY(b.ws().content().update(table("prompt_group_members"), member, { { "position", "a5" } }));
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(b, group), QStringLiteral("forbidden"));
        QCOMPARE(refusal(b, member), QStringLiteral("forbidden"));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(value(a, "prompt_groups", group, "name"), QStringLiteral("Support"));

        // IDOR: Alice's prompt, label and favourites are not Bob's to write.
        const QString other = QStringLiteral("019a0000-0000-7000-8000-000000000001");
        QVERIFY(b.ws().content().update(table("prompts"), prompt, { { "content", "Hacked" } }));
        QVERIFY(b.ws().content().update(table("prompt_labels"), label, { { "name", "staging" } }));
        const QString badShare = make(b, "prompt_group_shares",
                                      { { "group_id", group.toStdString() }, { "user_id", other.toStdString() } });
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(b, prompt), QStringLiteral("forbidden"));
        QCOMPARE(refusal(b, label), QStringLiteral("forbidden"));
        QCOMPARE(refusal(b, badShare), QStringLiteral("forbidden"));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(value(a, "prompts", prompt, "content"), QStringLiteral("Hi {{name}}"));
        QCOMPARE(value(a, "prompt_labels", label, "name"), QStringLiteral("production"));
        // Bob may favourite what he can read; Alice's favourite stays hers.
        const QString aliceFavourite = make(a, "prompt_favorites", { { "prompt_id", prompt.toStdString() } });
        const QString bobFavourite = make(b, "prompt_favorites", { { "prompt_id", prompt.toStdString() } });
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(b, bobFavourite), QString());
        QVERIFY(!has(b, "prompt_favorites", aliceFavourite));

        // Made an editor: Bob reorders, and a member added later reaches him.
        QVERIFY(a.ws().content().update(table("prompt_group_shares"), share, { { "role", "editor" } }));
        const QString second = make(a, "prompts", { { "title", "Second" } });
        const QString secondMember = make(a, "prompt_group_members",
                                          { { "group_id", group.toStdString() },
                                            { "prompt_id", second.toStdString() },
                                            { "position", positions.at(1).toStdString() } });
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QVERIFY(has(b, "prompts", second));
        QVERIFY(has(b, "prompt_group_members", secondMember));
        const QString first = *shared::FractionalPosition::between({}, positions.at(0));
        QVERIFY(b.ws().content().update(table("prompt_group_members"), secondMember,
                                        { { "position", first.toStdString() } }));
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(b, secondMember), QString());
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(order(a, { member, secondMember }), (QStringList { second, prompt }));

        // Revoked: gone from Bob's replica, still all on Alice's.
        QVERIFY(a.ws().content().remove(table("prompt_group_shares"), share));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        for (const auto &[t, id] : { qMakePair("prompt_groups", group), qMakePair("prompt_group_members", member),
                                     qMakePair("prompt_group_members", secondMember), qMakePair("prompts", prompt),
                                     qMakePair("prompts", second), qMakePair("prompt_versions", version),
                                     qMakePair("prompt_labels", label), qMakePair("prompt_group_shares", share) }) {
            QVERIFY2(!has(b, t, id), t);
            if (QLatin1String(t) != QLatin1String("prompt_group_shares"))
                QVERIFY2(has(a, t, id), t);
        }
    }

    // Alice deletes a prompt on her replica: the server deletes its versions,
    // labels, group places and every star with it (Bob's too), and both
    // replicas drop them; the group and the other prompts stay.
    void deletedPromptTakesItsRowsAlong()
    {
        ReplicaPair pair;
        const QString alice = QStringLiteral("alice@example.org");
        const QString bob = QStringLiteral("bob@example.org");
        const QString error = pair.start({ { alice, QStringLiteral("author") }, { bob, QStringLiteral("author") } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SyncPeer &a = *pair.a;
        SyncPeer &b = *pair.b;
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        const QString prompt = make(a, "prompts", { { "title", "Doomed" } });
        const QString kept = make(a, "prompts", { { "title", "Kept" } });
        const QString version = make(a, "prompt_versions", { { "prompt_id", prompt.toStdString() } });
        const QString label = make(a, "prompt_labels",
                                   { { "prompt_id", prompt.toStdString() },
                                     { "name", "production" },
                                     { "version_id", version.toStdString() } });
        const QString group = make(a, "prompt_groups", { { "name", "Team" } });
        const QStringList positions = *shared::FractionalPosition::spread(2);
        const QString member = make(a, "prompt_group_members",
                                    { { "group_id", group.toStdString() },
                                      { "prompt_id", prompt.toStdString() },
                                      { "position", positions.at(0).toStdString() } });
        const QString keptMember = make(a, "prompt_group_members",
                                        { { "group_id", group.toStdString() },
                                          { "prompt_id", kept.toStdString() },
                                          { "position", positions.at(1).toStdString() } });
        const QString aliceStar = make(a, "prompt_favorites", { { "prompt_id", prompt.toStdString() } });
        make(a, "prompt_group_shares",
             { { "group_id", group.toStdString() },
               { "user_id", b.ws().accountId().toStdString() },
               { "role", "viewer" } });
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        const QString bobStar = make(b, "prompt_favorites", { { "prompt_id", prompt.toStdString() } });
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(b, bobStar), QString());
        QVERIFY(has(b, "prompt_versions", version));

        QVERIFY(a.ws().content().remove(table("prompts"), prompt));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(a, prompt), QString());
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        for (SyncPeer *peer : { &a, &b }) {
            for (const auto &[t, id] :
                 { qMakePair("prompts", prompt), qMakePair("prompt_versions", version),
                   qMakePair("prompt_labels", label), qMakePair("prompt_group_members", member),
                   qMakePair("prompt_favorites", aliceStar), qMakePair("prompt_favorites", bobStar) })
                QVERIFY2(!has(*peer, t, id), t);
            QVERIFY(has(*peer, "prompt_groups", group));
            QVERIFY(has(*peer, "prompts", kept));
            QVERIFY(has(*peer, "prompt_group_members", keptMember));
        }
    }

    // Both of Alice's replicas move members offline, then sync: one order
    // on both, every member once.
    void concurrentReorderSettles()
    {
        ReplicaPair pair;
        const QString alice = QStringLiteral("alice@example.org");
        const QString error = pair.start({ { alice, QStringLiteral("author") } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SyncPeer &a = *pair.a;
        SyncPeer &b = *pair.b;
        const QString group = make(a, "prompt_groups", { { "name", "Ordered" } });
        const QStringList positions = *shared::FractionalPosition::spread(5);
        QStringList prompts;
        QStringList members;
        for (int i = 0; i < 5; ++i) {
            prompts << make(a, "prompts", { { "title", QStringLiteral("P%1").arg(i).toStdString() } });
            members << make(a, "prompt_group_members",
                            { { "group_id", group.toStdString() },
                              { "prompt_id", prompts.last().toStdString() },
                              { "position", positions.at(i).toStdString() } });
        }
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(order(b, members), prompts);
        // Offline: A moves the last to the front; B moves the first between
        // the last two, and the same "last" between the first two.
        QVERIFY(a.ws().content().update(
            table("prompt_group_members"), members.at(4),
            { { "position", shared::FractionalPosition::between({}, positions.at(0))->toStdString() } }));
        QVERIFY(b.ws().content().update(
            table("prompt_group_members"), members.at(0),
            { { "position", shared::FractionalPosition::between(positions.at(3), positions.at(4))->toStdString() } }));
        QVERIFY(b.ws().content().update(
            table("prompt_group_members"), members.at(4),
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
        ReplicaPair pair;
        const QString alice = QStringLiteral("alice@example.org");
        const QString error = pair.start({ { alice, QStringLiteral("author") } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SyncPeer &a = *pair.a;
        SyncPeer &b = *pair.b;
        const QString prompt = make(a, "prompts", { { "title", "Versioned" } });
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QStringList versions;
        for (int i = 0; i < 3; ++i) {
            versions << make(a, "prompt_versions", { { "prompt_id", prompt.toStdString() }, { "message", "from A" } });
            versions << make(b, "prompt_versions", { { "prompt_id", prompt.toStdString() }, { "message", "from B" } });
        }
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QSet<QString> numbers;
        for (const QString &v : versions) {
            QCOMPARE(value(a, "prompt_versions", v, "number"), value(b, "prompt_versions", v, "number"));
            numbers.insert(value(a, "prompt_versions", v, "number"));
        }
        QCOMPARE(numbers,
                 (QSet<QString> { QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                                  QStringLiteral("5"), QStringLiteral("6") }));
        QVERIFY(b.ws().content().update(table("prompt_versions"), versions.first(), { { "message", "rewritten" } }));
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(refusal(b, versions.first()), QStringLiteral("immutable"));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(value(a, "prompt_versions", versions.first(), "message"), QStringLiteral("from A"));
    }
};

QTEST_GUILESS_MAIN(TestPromptSharing)
#include "tst_promptsharing.moc"
