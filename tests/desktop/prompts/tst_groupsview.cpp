// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/contentstore.h"
#include "desktop/core/profile.h"
#include "desktop/core/replica.h"
#include "desktop/core/syncstore.h"
#include "desktop/core/workspace.h"
#include "desktop/prompts/core/groupmemberlistmodel.h"
#include "desktop/prompts/core/groupstore.h"
#include "desktop/prompts/widgets/groupsview.h"
#include "desktop/prompts/widgets/sharedialog.h"
#include "shared/fractionalposition.h"
#include "shared/jsonqt.h"
#include "shared/prompttables.h"
#include "shared/synctable.h"
#include "shared/uuid.h"
#include "tests/support/widgetfinder.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace quire::desktop;
using quire::gui::GroupsView;
using quire::gui::ShareDialog;
using quire::test::findNamed;

// The Prompt Groups view driven as a user would, offline: empty states that
// name the next step, a member dragged to a new place (the stored order
// follows), pins from the menu, a viewer's read-only group, and the share
// dialog (role change, revoke after a confirmation, email needing a server).
class TestGroupsView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    const QString m_me = quire::shared::Uuid::createV7();

    const quire::shared::SyncTable &table(const QString &name) { return *quire::shared::SyncSchema::find(name); }

    QString prompt(const QString &title)
    {
        auto id = m_ws->content().create(table(quire::shared::promptsTable()),
                                         { { "title", title }, { "content", "x" } }, m_me);
        return id ? *id : QString();
    }

    QStringList order(GroupStore &store, const QString &g)
    {
        QStringList out;
        auto members = store.query().members(g);
        if (members) {
            for (const GroupMember &m : std::as_const(*members))
                out << m.promptTitle;
        }
        return out;
    }

    // Drops `data` on the members list at `pos`, as the end of a drag does.
    static void dropAt(QListView &list, const QMimeData &data, QPoint pos)
    {
        QWidget *viewport = list.viewport();
        QDragEnterEvent enter(pos, Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        QDragMoveEvent move(pos, Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
        QDropEvent drop(QPointF(pos), Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &drop);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        auto ws = Workspace::open(m_dir.filePath(QStringLiteral("profile")));
        QVERIFY(ws);
        m_ws = std::move(ws.value());
        m_ws->profile().setAccount({ m_me, QStringLiteral("me@example.org"), QStringLiteral("Me") });
    }

    void emptyStatesNameTheNextStep()
    {
        GroupsView view(*m_ws);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(findNamed<QLabel>(view, "noGroups")->isVisible());
        QVERIFY(findNamed<QLabel>(view, "noGroups")->text().contains(QStringLiteral("New Group")));
        const QString g = *view.store().createGroup(QStringLiteral("Empty"));
        view.showGroup(g);
        QVERIFY(!findNamed<QLabel>(view, "noGroups")->isVisible());
        QVERIFY(findNamed<QLabel>(view, "noMembers")->isVisible());
        QVERIFY(findNamed<QLabel>(view, "noMembers")->text().contains(QStringLiteral("Add Prompt")));
        QVERIFY(findNamed<QPushButton>(view, "share")->isEnabled());
        QVERIFY(view.store().removeGroup(g));
    }

    void dragMemberToANewPlace_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("onto"); // the row whose top half the drop lands on; -1: below the last
        QTest::addColumn<QString>("expected");
        QTest::newRow("last to first") << 2 << 0 << QStringLiteral("C A B");
        QTest::newRow("first to the end") << 0 << -1 << QStringLiteral("B C A");
        QTest::newRow("first between") << 0 << 2 << QStringLiteral("B A C");
    }

    void dragMemberToANewPlace()
    {
        QFETCH(int, from);
        QFETCH(int, onto);
        QFETCH(QString, expected);
        GroupsView view(*m_ws);
        view.resize(900, 600);
        const QString g = *view.store().createGroup(QStringLiteral("Drag"));
        for (const char *t : { "A", "B", "C" })
            QVERIFY(view.store().addMember(g, prompt(QLatin1String(t))));
        view.showGroup(g);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *list = findNamed<QListView>(view, "members");
        QTRY_COMPARE(list->model()->rowCount(), 3);
        std::unique_ptr<QMimeData> data(list->model()->mimeData({ list->model()->index(from, 0) }));
        const QRect last = list->visualRect(list->model()->index(2, 0));
        const QPoint at = onto < 0 ? QPoint(last.center().x(), last.bottom() + 8)
                                   : list->visualRect(list->model()->index(onto, 0)).topLeft() + QPoint(10, 2);
        dropAt(*list, *data, at);
        QCOMPARE(order(view.store(), g).join(QLatin1Char(' ')), expected);
        // What the list shows is what is stored.
        QCOMPARE(list->model()->index(0, 0).data().toString().left(1), expected.left(1));
        QVERIFY(view.store().removeGroup(g));
    }

    void pinFromTheMenu()
    {
        GroupsView view(*m_ws);
        const QString g = *view.store().createGroup(QStringLiteral("Pins"));
        const QString p = prompt(QStringLiteral("Pinned"));
        QVERIFY(view.store().addMember(g, p));
        const QString v = *m_ws->content().create(table(quire::shared::promptVersionsTable()),
                                                  { { "prompt_id", p }, { "content", "v" } }, m_me);
        QVERIFY(m_ws->content().create(table(quire::shared::promptLabelsTable()),
                                       { { "prompt_id", p }, { "name", "production" }, { "version_id", v } }, m_me));
        view.showGroup(g);
        view.show();
        auto *list = findNamed<QListView>(view, "members");
        list->setCurrentIndex(list->model()->index(0, 0));
        auto *pin = findNamed<QToolButton>(view, "pin");
        QVERIFY(pin->isEnabled());
        const auto trigger = [&](const QString &text) {
            view.fillPinMenu();
            for (QAction *a : pin->menu()->actions()) {
                if (a->text().startsWith(text) && !a->isSeparator()) {
                    a->trigger();
                    return true;
                }
            }
            return false;
        };
        QVERIFY(trigger(QStringLiteral("production")));
        QCOMPARE(view.store().query().members(g)->first().pinnedLabel, QStringLiteral("production"));
        list->setCurrentIndex(list->model()->index(0, 0));
        QVERIFY(trigger(QStringLiteral("Version not yet numbered")));
        QCOMPARE(view.store().query().members(g)->first().pinnedVersionId, v);
        list->setCurrentIndex(list->model()->index(0, 0));
        QVERIFY(trigger(QStringLiteral("Latest")));
        QVERIFY(!view.store().query().members(g)->first().isPinned());
    }

    void viewerSharesAreReadOnly()
    {
        const QString other = quire::shared::Uuid::createV7();
        const QString g = quire::shared::Uuid::createV7();
        const auto write = [&](const QString &t, const nlohmann::json &row) {
            return m_ws->syncStore().writeWorkingRow(table(t), row).ok();
        };
        QVERIFY(write(quire::shared::promptGroupsTable(),
                      { { "id", g }, { "name", "Team" }, { "owner_id", other }, { "rev", 1 } }));
        QVERIFY(write(quire::shared::promptGroupMembersTable(),
                      { { "id", quire::shared::Uuid::createV7() },
                        { "group_id", g },
                        { "prompt_id", prompt(QStringLiteral("Theirs")) },
                        { "position", *quire::shared::FractionalPosition::between({}, {}) },
                        { "rev", 1 } }));
        QVERIFY(write(quire::shared::promptGroupSharesTable(),
                      { { "id", quire::shared::Uuid::createV7() },
                        { "group_id", g },
                        { "user_id", m_me },
                        { "role", "viewer" },
                        { "rev", 1 } }));
        GroupsView view(*m_ws);
        view.showGroup(g);
        view.show();
        auto *list = findNamed<QListView>(view, "members");
        list->setCurrentIndex(list->model()->index(0, 0));
        QVERIFY(findNamed<QLabel>(view, "access")->text().contains(QStringLiteral("read")));
        QVERIFY(!findNamed<QPushButton>(view, "addPrompt")->isEnabled());
        QVERIFY(!findNamed<QPushButton>(view, "removePrompt")->isEnabled());
        QVERIFY(!findNamed<QToolButton>(view, "pin")->isEnabled());
        QVERIFY(!findNamed<QPushButton>(view, "share")->isEnabled());
        QVERIFY(!(list->model()->flags(list->model()->index(0, 0)) & Qt::ItemIsDragEnabled));
    }

    void shareDialogOffline()
    {
        GroupStore store(*m_ws);
        const QString g = *store.createGroup(QStringLiteral("Shared"));
        const QString user = quire::shared::Uuid::createV7();
        const QString share = *store.share(g, user, quire::shared::ShareRole::Viewer);
        QVERIFY(m_ws->replica().setMeta(GroupQuery::knownEmailKey(user), QStringLiteral("ann@example.org")));
        ShareDialog dialog(store, g);
        dialog.show();
        auto *shares = findNamed<QTableWidget>(dialog, "shares");
        QCOMPARE(shares->rowCount(), 1);
        QCOMPARE(shares->item(0, 0)->text(), QStringLiteral("ann@example.org"));
        // The role, changed in place.
        auto *role = findNamed<QComboBox>(dialog, qPrintable(QStringLiteral("role:") + share));
        role->setCurrentIndex(1);
        Q_EMIT role->activated(1);
        QCOMPARE(store.query().shares(g)->first().role, quire::shared::ShareRole::Editor);
        // Revoking asks first: No keeps it, Yes ends it.
        shares->selectRow(0);
        const auto answer = [](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                box->button(button)->click();
            });
        };
        answer(QMessageBox::No);
        findNamed<QPushButton>(dialog, "revoke")->click();
        QCOMPARE(store.query().shares(g)->size(), 1);
        answer(QMessageBox::Yes);
        findNamed<QPushButton>(dialog, "revoke")->click();
        QVERIFY(store.query().shares(g)->isEmpty());
        QVERIFY(findNamed<QLabel>(dialog, "noShares")->isVisible());
        // By email: the server is needed, and the dialog says so.
        findNamed<QLineEdit>(dialog, "email")->setText(QStringLiteral("bob@example.org"));
        findNamed<QPushButton>(dialog, "share")->click();
        QTRY_VERIFY(findNamed<QLabel>(dialog, "message")->text().contains(QStringLiteral("connection")));
        QVERIFY(findNamed<QPushButton>(dialog, "share")->isEnabled());
    }
};

QTEST_MAIN(TestGroupsView)
#include "tst_groupsview.moc"
