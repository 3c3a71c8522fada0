// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/contentstore.h"
#include "desktop/core/profile.h"
#include "desktop/core/syncstore.h"
#include "desktop/core/workspace.h"
#include "desktop/prompts/core/groupmemberlistmodel.h"
#include "desktop/prompts/core/groupstore.h"
#include "shared/fractionalposition.h"
#include "shared/jsonqt.h"
#include "shared/prompttables.h"
#include "shared/synctable.h"
#include "shared/uuid.h"

#include <QMimeData>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::desktop;
using quire::shared::ShareRole;

namespace {
// "A B C" as a list.
QStringList names(const char *spaced)
{
    return QString::fromLatin1(spaced).split(QLatin1Char(' '));
}
} // namespace

// Prompt groups in the replica, with no server at all: the order (position,
// then id), moves that change one row, pins resolved to versions, what a
// viewer may not do, and every change waiting in the outbox.
class TestGroupStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<GroupStore> m_store;
    const QString m_me = quire::shared::Uuid::createV7();
    const QString m_other = quire::shared::Uuid::createV7();

    const quire::shared::SyncTable &table(const QString &name) { return *quire::shared::SyncSchema::find(name); }

    QString prompt(const QString &title)
    {
        auto id = m_ws->content().create(table(quire::shared::promptsTable()),
                                         { { "title", title }, { "content", "Hi {{name}}" } }, m_me);
        return id ? *id : QString();
    }

    QString version(const QString &promptId, const QString &number, const QString &content)
    {
        auto id = m_ws->content().create(table(quire::shared::promptVersionsTable()),
                                         { { "prompt_id", promptId }, { "content", content } }, m_me);
        if (!id)
            return {};
        // The server numbers versions; here the row arrives as sync would bring it.
        auto row = m_ws->content().get(table(quire::shared::promptVersionsTable()), *id);
        (**row)["number"] = number.toStdString();
        return m_ws->syncStore().writeWorkingRow(table(quire::shared::promptVersionsTable()), **row) ? *id : QString();
    }

    // The reads, empty when they fail (the comparisons then fail).
    QList<GroupMember> members(const QString &g)
    {
        auto r = m_store->query().members(g);
        return r ? *r : QList<GroupMember> {};
    }
    QList<GroupShare> shares(const QString &g)
    {
        auto r = m_store->query().shares(g);
        return r ? *r : QList<GroupShare> {};
    }
    QList<GroupSummary> groups()
    {
        auto r = m_store->query().groups();
        return r ? *r : QList<GroupSummary> {};
    }

    QStringList order(const QString &groupId)
    {
        QStringList titles;
        for (const GroupMember &m : members(groupId))
            titles << m.promptTitle;
        return titles;
    }

    // A group of `titles` in that order.
    QString groupOf(const QString &name, const QStringList &titles)
    {
        const auto g = m_store->createGroup(name);
        if (!g)
            return {};
        for (const QString &t : titles) {
            if (!m_store->addMember(*g, prompt(t)))
                return {};
        }
        return *g;
    }

    // A row that sync brought: another user's group, shared with me as `role`.
    QString sharedWithMe(const QString &role)
    {
        const QString g = quire::shared::Uuid::createV7();
        const QString member = quire::shared::Uuid::createV7();
        const QString share = quire::shared::Uuid::createV7();
        const QString p = prompt(QStringLiteral("Theirs"));
        bool ok = !!m_ws->syncStore().writeWorkingRow(
            table(quire::shared::promptGroupsTable()),
            { { "id", g }, { "name", "Team prompts" }, { "owner_id", m_other }, { "rev", 1 } });
        ok = ok
            && !!m_ws->syncStore().writeWorkingRow(
                table(quire::shared::promptGroupMembersTable()),
                { { "id", member },
                  { "group_id", g },
                  { "prompt_id", p },
                  { "position", *quire::shared::FractionalPosition::between({}, {}) },
                  { "owner_id", m_other },
                  { "rev", 1 } });
        ok = ok
            && !!m_ws->syncStore().writeWorkingRow(table(quire::shared::promptGroupSharesTable()),
                                                   { { "id", share },
                                                     { "group_id", g },
                                                     { "user_id", m_me },
                                                     { "role", role },
                                                     { "owner_id", m_other },
                                                     { "rev", 1 } });
        return ok ? g : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        auto ws = Workspace::open(m_dir.filePath(QStringLiteral("profile")));
        QVERIFY(ws);
        m_ws = std::move(ws.value());
        m_ws->profile().setAccount({ m_me, QStringLiteral("me@example.org"), QStringLiteral("Me") });
        m_store = std::make_unique<GroupStore>(*m_ws);
    }

    void movesChangeOneRow_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("first to last") << 0 << 3 << names("B C D A");
        QTest::newRow("last to first") << 3 << 0 << names("D A B C");
        QTest::newRow("down one") << 1 << 2 << names("A C B D");
        QTest::newRow("up two") << 3 << 1 << names("A D B C");
        QTest::newRow("past the end") << 0 << 99 << names("B C D A");
        QTest::newRow("in place") << 2 << 2 << names("A B C D");
    }

    void movesChangeOneRow()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(QStringList, expected);
        const QString g = groupOf(QStringLiteral("Moves %1 %2").arg(from).arg(to), names("A B C D"));
        QVERIFY(!g.isEmpty());
        QCOMPARE(order(g), names("A B C D"));
        const QList<GroupMember> before = members(g);
        QVERIFY(m_store->moveMember(before.at(from).id, to));
        QCOMPARE(order(g), expected);
        // Offline: it all waits in the outbox, the group, its members and the move.
        QVERIFY(m_ws->syncStore().status()->pending >= 5);
        // Only the moved member's key changed.
        const QList<GroupMember> after = members(g);
        for (const GroupMember &m : after) {
            if (m.id != before.at(from).id) {
                const auto same
                    = std::find_if(before.begin(), before.end(), [&](const GroupMember &b) { return b.id == m.id; });
                QCOMPARE(m.position, same->position);
            }
        }
    }

    // Two replicas that appended at once leave equal keys (ordered by id); a
    // move between them still lands exactly where it was asked.
    void moveBetweenEqualKeys()
    {
        const QString g = groupOf(QStringLiteral("Ties"), names("A B C"));
        QList<GroupMember> m = members(g);
        QVERIFY(m_ws->content().update(GroupStore::membersTable(), m.at(2).id,
                                       { { "position", m.at(1).position.toStdString() } }));
        QCOMPARE(order(g), (names("A B C")));
        QVERIFY(m_store->moveMember(m.at(0).id, 1));
        QCOMPARE(order(g), (names("B A C")));
    }

    void aPromptIsInAGroupOnce()
    {
        const QString g = groupOf(QStringLiteral("Once"), names("A"));
        const QString p = members(g).first().promptId;
        const auto again = m_store->addMember(g, p);
        QVERIFY(!again);
        QVERIFY(again.error().is(quire::shared::ErrorCode::Exists));
        QVERIFY(!m_store->addMember(g, quire::shared::Uuid::createV7()));
    }

    void pinsResolveToVersions()
    {
        const QString g = groupOf(QStringLiteral("Pins"), names("Pinned"));
        const GroupMember member = members(g).first();
        QVERIFY(member.resolved.versionId.isEmpty());
        const QString v1 = version(member.promptId, QStringLiteral("1"), QStringLiteral("one"));
        const QString v2 = version(member.promptId, QStringLiteral("2"), QStringLiteral("two"));
        const QString v10 = version(member.promptId, QStringLiteral("10"), QStringLiteral("ten"));
        QVERIFY(!v1.isEmpty() && !v2.isEmpty() && !v10.isEmpty());
        QVERIFY(m_ws->content().create(
            table(quire::shared::promptLabelsTable()),
            { { "prompt_id", member.promptId }, { "name", "production" }, { "version_id", v2 } }, m_me));
        const auto resolved = [&] { return members(g).first().resolved; };
        QCOMPARE(resolved().versionId, v10); // latest: the highest number, not the text order
        QVERIFY(m_store->pinVersion(member.id, v1));
        QCOMPARE(resolved().content, QStringLiteral("one"));
        QVERIFY(m_store->pinLabel(member.id, QStringLiteral("production")));
        QCOMPARE(resolved().number, QStringLiteral("2"));
        QVERIFY(m_store->pinLabel(member.id, QStringLiteral("staging")));
        QVERIFY(resolved().versionId.isEmpty());
        QVERIFY(m_store->pinLabel(member.id, QStringLiteral("latest")));
        QVERIFY(!members(g).first().isPinned());
        QCOMPARE(resolved().versionId, v10);
        // A version made here, not yet numbered, is the newest.
        const QString local
            = *m_ws->content().create(table(quire::shared::promptVersionsTable()),
                                      { { "prompt_id", member.promptId }, { "content", "draft" } }, m_me);
        QCOMPARE(resolved().versionId, local);
        // Another prompt's version cannot be pinned.
        const QString stranger = prompt(QStringLiteral("Stranger"));
        QVERIFY(!m_store->pinVersion(member.id, version(stranger, QStringLiteral("1"), QStringLiteral("x"))));
    }

    void sharedGroupsKeepTheirRoles_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("mayEdit");
        QTest::newRow("viewer") << QStringLiteral("viewer") << false;
        QTest::newRow("editor") << QStringLiteral("editor") << true;
    }

    void sharedGroupsKeepTheirRoles()
    {
        QFETCH(QString, role);
        QFETCH(bool, mayEdit);
        const QString g = sharedWithMe(role);
        QVERIFY(!g.isEmpty());
        const auto listed = groups();
        const auto it = std::find_if(listed.begin(), listed.end(), [&](const GroupSummary &s) { return s.id == g; });
        QVERIFY(it != listed.end());
        QCOMPARE(it->canEdit(), mayEdit);
        QCOMPARE(it->memberCount, 1);
        const QString member = members(g).first().id;
        QCOMPARE(m_store->addMember(g, prompt(QStringLiteral("Mine"))).ok(), mayEdit);
        QCOMPARE(m_store->unpin(member).ok(), mayEdit);
        // Sharing is the owner's, whatever the role.
        const auto share = m_store->share(g, quire::shared::Uuid::createV7(), ShareRole::Viewer);
        QVERIFY(!share);
        QVERIFY(share.error().is(quire::shared::ErrorCode::Forbidden));
        GroupMemberListModel model(*m_store);
        model.setGroup(g);
        QCOMPARE(bool(model.flags(model.index(0)) & Qt::ItemIsDragEnabled), mayEdit);
    }

    void sharesOfflineByUserId()
    {
        const QString g = groupOf(QStringLiteral("Shared"), names("A"));
        const QString user = quire::shared::Uuid::createV7();
        const auto id = m_store->share(g, user, ShareRole::Viewer);
        QVERIFY(id);
        QVERIFY(!m_store->share(g, user, ShareRole::Editor)); // once per user
        QVERIFY(!m_store->share(g, m_me, ShareRole::Editor)); // not with its owner
        QVERIFY(m_store->setShareRole(*id, ShareRole::Editor));
        QCOMPARE(shares(g).first().role, ShareRole::Editor);
        QVERIFY(m_store->revoke(*id));
        QVERIFY(shares(g).isEmpty());
    }

    // Online only: without a server the answer says so, and nothing is made.
    void shareByEmailNeedsTheServer()
    {
        const QString g = groupOf(QStringLiteral("By email"), names("A"));
        std::optional<quire::shared::Result<GroupShare>> answer;
        m_store->shareByEmail(g, QStringLiteral("colleague@example.org"), ShareRole::Viewer,
                              [&](quire::shared::Result<GroupShare> r) { answer = r; });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!answer->ok());
        QVERIFY(answer->error().is(quire::shared::ErrorCode::Offline));
        QVERIFY(shares(g).isEmpty());
    }

    // The list model's drop writes the order the store keeps.
    void dropWritesTheOrder()
    {
        const QString g = groupOf(QStringLiteral("Drops"), names("A B C"));
        GroupMemberListModel model(*m_store);
        model.setGroup(g);
        std::unique_ptr<QMimeData> data(model.mimeData({ model.index(0) }));
        QVERIFY(model.canDropMimeData(data.get(), Qt::MoveAction, 3, 0, {}));
        QVERIFY(model.dropMimeData(data.get(), Qt::MoveAction, 3, 0, {}));
        QCOMPARE(order(g), (names("B C A")));
        QCOMPARE(model.data(model.index(2)).toString().left(1), QStringLiteral("A"));
        QVERIFY(model.moveRows({}, 2, 1, {}, 0));
        QCOMPARE(order(g), (names("A B C")));
    }

    void removingAGroupTakesItsMembers()
    {
        const QString g = groupOf(QStringLiteral("Gone"), names("A B"));
        QVERIFY(m_store->share(g, quire::shared::Uuid::createV7(), ShareRole::Viewer));
        QVERIFY(m_store->removeGroup(g));
        QVERIFY(members(g).isEmpty());
        QVERIFY(shares(g).isEmpty());
        QVERIFY(!*m_store->query().group(g));
    }
};

QTEST_MAIN(TestGroupStore)
#include "tst_groupstore.moc"
