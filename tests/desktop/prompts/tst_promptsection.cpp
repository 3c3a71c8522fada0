// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/contentstore.h"
#include "desktop/core/profile.h"
#include "desktop/core/replica.h"
#include "desktop/core/workspace.h"
#include "desktop/prompts/core/groupstore.h"
#include "desktop/prompts/core/promptlistmodel.h"
#include "desktop/prompts/core/promptrunner.h"
#include "desktop/prompts/core/promptstore.h"
#include "desktop/prompts/widgets/groupsview.h"
#include "desktop/prompts/widgets/prompteditor.h"
#include "desktop/prompts/widgets/promptfillpanel.h"
#include "desktop/prompts/widgets/prompthistorypanel.h"
#include "desktop/prompts/widgets/promptsview.h"
#include "desktop/prompts/widgets/promptversionspanel.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "tests/support/fakechatprovider.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace quire;
using quire::test::FakeChatProvider;

namespace {
const QByteArray kKey = "sk-section-test-key";
} // namespace

// The Prompts section as one place: its list pane switches between the
// library and the groups (a member opens in the editor), the view the
// user's preference names opens first, and Run in the fill-in panel is
// there only with a provider, showing the answer or the error and
// recording the run. Each test gets a profile of its own.
class TestPromptSection : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    FakeChatProvider m_fake { kKey };
    int m_profiles = 0;
    const QString m_me = QStringLiteral("0190f2a4-0000-7000-8000-000000000002");

    std::unique_ptr<desktop::Workspace> workspace()
    {
        auto ws = desktop::Workspace::open(m_dir.filePath(QStringLiteral("profile%1").arg(++m_profiles)));
        if (!ws)
            return nullptr;
        ws.value()->profile().setAccount({ m_me, QStringLiteral("me@example.org"), QStringLiteral("Me") });
        return std::move(ws.value());
    }
    static void showView(QWidget &view)
    {
        view.resize(1400, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
    }
    // A prompt with one variable, filled in and ready to use.
    static QString fillInOne(gui::PromptsView &view)
    {
        const QString id = view.store()
                               .create({ { "title", "Greeting" }, { "content", "Say hello to {{who}}." } },
                                       QStringLiteral("0190f2a4-0000-7000-8000-000000000002"))
                               .value();
        view.refresh();
        view.table()->selectRow(view.model()->rowOf(id));
        gui::PromptFillPanel *fill = view.editor()->fillPanel();
        view.editor()->sideTabs()->setCurrentWidget(fill);
        QTest::keyClicks(qobject_cast<QLineEdit *>(fill->field(QStringLiteral("who"))), QStringLiteral("Ada"));
        return id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_fake.start());
    }

    void groupsLiveInTheSectionAndOpenTheirPrompts()
    {
        auto ws = workspace();
        QVERIFY(ws);
        gui::PromptsView view(*ws);
        showView(view);
        QTabBar *views = view.viewSwitch();
        QCOMPARE(views->count(), 2);
        QCOMPARE(view.currentView(), gui::PromptsView::View::Library);
        QVERIFY(view.findChild<QLineEdit *>(QStringLiteral("searchEdit"))->isVisible());
        const QString id
            = view.store().create({ { "title", "Release notes" }, { "content", "Write notes." } }, m_me).value();
        gui::GroupsView *groups = view.groupsView();
        const QString g = groups->store().createGroup(QStringLiteral("Launch")).value();
        // The Groups view in the same pane: the library's search goes away,
        // the groups come, and the editor stays beside them.
        QTest::mouseClick(views, Qt::LeftButton, {}, views->tabRect(1).center());
        QCOMPARE(view.currentView(), gui::PromptsView::View::Groups);
        QVERIFY(groups->isVisible());
        QVERIFY(!view.findChild<QLineEdit *>(QStringLiteral("searchEdit"))->isVisible());
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("editorStack"))->isVisible());
        groups->showGroup(g);
        groups->addPrompt(id);
        QListView *members = groups->membersView();
        QTRY_COMPARE(members->model()->rowCount(), 1);
        QVERIFY(members->isVisible());
        const QRect rect = members->visualRect(members->model()->index(0, 0));
        QTest::mouseClick(members->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(view.editor()->currentId(), id);
        QVERIFY(view.editor()->isVisible());
        // The choice is the default view the next time.
        QCOMPARE(shared::textOf(*view.store().preferencesOf(m_me), "default_view"), QStringLiteral("groups"));
    }

    void theDefaultViewOpensFirst_data()
    {
        QTest::addColumn<QString>("preference");
        QTest::addColumn<bool>("groups");
        QTest::addColumn<bool>("favourites");
        QTest::addColumn<bool>("templates");
        QTest::newRow("library") << QStringLiteral("library") << false << false << false;
        QTest::newRow("favorites") << QStringLiteral("favorites") << false << true << false;
        QTest::newRow("templates") << QStringLiteral("templates") << false << false << true;
        QTest::newRow("groups") << QStringLiteral("groups") << true << false << false;
    }

    void theDefaultViewOpensFirst()
    {
        QFETCH(QString, preference);
        QFETCH(bool, groups);
        QFETCH(bool, favourites);
        QFETCH(bool, templates);
        auto ws = workspace();
        QVERIFY(ws);
        desktop::PromptStore store(ws->content(), ws->replica().database());
        QVERIFY(store.setPreference(m_me, QStringLiteral("default_view"), preference));
        gui::PromptsView view(*ws);
        showView(view);
        QCOMPARE(view.currentView() == gui::PromptsView::View::Groups, groups);
        QCOMPARE(view.model()->query().favouritesOnly, favourites);
        QCOMPARE(view.model()->query().templatesOnly, templates);
        QCOMPARE(view.findChild<QCheckBox *>(QStringLiteral("favouritesFilter"))->isChecked(), favourites);
        // Opening does not rewrite the preference.
        QCOMPARE(shared::textOf(*view.store().preferencesOf(m_me), "default_view"), preference);
    }

    void runIsHiddenWithoutAProvider()
    {
        auto ws = workspace();
        QVERIFY(ws);
        gui::PromptsView view(*ws);
        showView(view);
        fillInOne(view);
        gui::PromptFillPanel *fill = view.editor()->fillPanel();
        QVERIFY(fill->canUse());
        QVERIFY(!view.runner().isAvailable());
        QVERIFY(!fill->runButton()->isVisible());
        QVERIFY(!fill->answerView()->isVisible());
        // The way to get one is there.
        QVERIFY(fill->providerButton()->isVisible());
    }

    void runShowsTheAnswerAndRecordsTheRun()
    {
        auto ws = workspace();
        QVERIFY(ws);
        gui::PromptsView view(*ws);
        showView(view);
        const QString id = fillInOne(view);
        gui::PromptFillPanel *fill = view.editor()->fillPanel();
        QVERIFY(!fill->runButton()->isVisible());
        QVERIFY(
            view.runner().setOwnProvider(m_fake.baseUrl(), QStringLiteral("section-model"), QString::fromLatin1(kKey)));
        QVERIFY(fill->runButton()->isVisible());
        QVERIFY(fill->runButton()->isEnabled());
        m_fake.setReply(FakeChatProvider::Reply::Ok);
        m_fake.setAnswer(QStringLiteral("Hello, Ada!"));
        const qsizetype before = m_fake.received().size();
        QTest::mouseClick(fill->runButton(), Qt::LeftButton);
        QTRY_VERIFY(fill->answerView()->isVisible());
        QCOMPARE(fill->answerView()->toPlainText(), QStringLiteral("Hello, Ada!"));
        QVERIFY(fill->answerView()->isReadOnly());
        // The provider got the rendered prompt.
        QVERIFY2(m_fake.problems().isEmpty(), qPrintable(m_fake.problems().join(QStringLiteral("; "))));
        QCOMPARE(m_fake.received().size(), before + 1);
        QVERIFY(m_fake.received().last().body["messages"][0]["content"] == "Say hello to Ada.");
        // The own provider's run is recorded here, with its answer.
        auto uses = ws->replica().database().exec(
            QStringLiteral("SELECT use, output, version_id FROM prompt_usage WHERE prompt_id = ?"), { id });
        QVERIFY(uses && uses->next());
        QCOMPARE(uses->value(0).toString(), QStringLiteral("run"));
        QCOMPARE(uses->value(1).toString(), QStringLiteral("Hello, Ada!"));
        QVERIFY(!uses->value(2).toString().isEmpty());
        QVERIFY(!uses->next());
        QVERIFY(fill->runButton()->isEnabled());
        // The history lists the run, its answer unfolding under it.
        QTreeWidget *history = view.editor()->historyPanel()->list();
        QCOMPARE(history->topLevelItemCount(), 1);
        QCOMPARE(history->topLevelItem(0)->text(2), QStringLiteral("run"));
        QCOMPARE(history->topLevelItem(0)->childCount(), 1);
        QCOMPARE(history->topLevelItem(0)->child(0)->text(0), QStringLiteral("Hello, Ada!"));
    }

    void theHistoryListsEveryUse()
    {
        auto ws = workspace();
        QVERIFY(ws);
        gui::PromptsView view(*ws);
        showView(view);
        const QString id = fillInOne(view);
        gui::PromptHistoryPanel *history = view.editor()->historyPanel();
        view.editor()->sideTabs()->setCurrentWidget(history);
        // Nothing yet: it says how uses get here.
        QVERIFY(!history->list()->isVisible());
        QVERIFY(history->findChild<QLabel *>(QStringLiteral("noHistory"))->isVisible());
        gui::PromptFillPanel *fill = view.editor()->fillPanel();
        QTest::mouseClick(fill->copyButton(), Qt::LeftButton);
        // A program's fetches, as they sync down from the server.
        const shared::SyncTable &usage = desktop::PromptStore::usage();
        QVERIFY(ws->content().create(
            usage,
            { { "prompt_id", id.toStdString() }, { "use", "fetched" }, { "source", "billing-app" }, { "count", "12" } },
            m_me));
        history->reload();
        QVERIFY(history->list()->isVisible());
        QVERIFY(!history->findChild<QLabel *>(QStringLiteral("noHistory"))->isVisible());
        QStringList hows;
        for (int i = 0; i < history->list()->topLevelItemCount(); ++i)
            hows << history->list()->topLevelItem(i)->text(2);
        hows.sort();
        QCOMPARE(hows, (QStringList { QStringLiteral("copied"), QStringLiteral("fetched by billing-app ×12") }));
    }

    // The owner turns approval on; a writer's move of production waits,
    // shown as such; an editor sees Approve and the label moves.
    void productionWaitsForApproval()
    {
        auto ws = workspace();
        QVERIFY(ws);
        ws->profile().setAccountRole(QStringLiteral("author"));
        gui::PromptsView view(*ws);
        showView(view);
        const QString id = fillInOne(view);
        const QString version = view.store().saveVersion(id, QString(), m_me).value();
        gui::PromptEditor *editor = view.editor();
        gui::PromptVersionsPanel *versions = editor->versionsPanel();
        editor->sideTabs()->setCurrentWidget(versions);
        QCheckBox *approval = editor->approvalCheck();
        QVERIFY(approval->isVisible());
        QVERIFY(approval->isEnabled()); // the owner's
        QVERIFY(!approval->isChecked());
        // On its box (the row is wider than box and text).
        QTest::mouseClick(approval, Qt::LeftButton, {}, QPoint(8, approval->height() / 2));
        QCOMPARE(shared::textOf(*view.store().get(id).value(), "approval_required"), QStringLiteral("true"));
        QVERIFY(versions->list()->topLevelItemCount() == 1);
        versions->list()->topLevelItem(0)->setSelected(true);
        versions->labelName()->setEditText(QStringLiteral("production"));
        QTest::mouseClick(versions->findChild<QPushButton *>(QStringLiteral("setLabelButton")), Qt::LeftButton);
        // Asked for, not moved.
        auto labels = view.store().labelsOf(id).value();
        QCOMPARE(labels.size(), 1);
        QCOMPARE(labels[0].pendingVersionId, version);
        QVERIFY(labels[0].versionId.isEmpty());
        QVERIFY(versions->approvalState()->isVisible());
        QVERIFY2(versions->approvalState()->text().startsWith(QStringLiteral("production → ")),
                 qPrintable(versions->approvalState()->text()));
        QVERIFY(versions->approvalState()->text().contains(QStringLiteral("waiting for approval (requested by")));
        QVERIFY(!versions->approveButton()->isVisible()); // an author may not approve
        // An editor approves.
        ws->profile().setAccountRole(QStringLiteral("editor"));
        versions->reload();
        QVERIFY(versions->approveButton()->isVisible());
        QTest::mouseClick(versions->approveButton(), Qt::LeftButton);
        labels = view.store().labelsOf(id).value();
        QCOMPARE(labels[0].versionId, version);
        QVERIFY(!labels[0].isWaiting());
        QVERIFY(!versions->approvalState()->isVisible());
        QVERIFY(!versions->approveButton()->isVisible());
        // Someone else's prompt: the switch shows, but is not theirs to change.
        const QString other = view.store()
                                  .create({ { "title", "Theirs" }, { "approval_required", "true" } },
                                          QStringLiteral("0190f2a4-0000-7000-8000-0000000000ff"))
                                  .value();
        editor->load(other);
        QVERIFY(approval->isChecked());
        QVERIFY(!approval->isEnabled());
    }

    void runShowsTheProvidersError_data()
    {
        QTest::addColumn<FakeChatProvider::Reply>("reply");
        QTest::newRow("500") << FakeChatProvider::Reply::ServerError;
        QTest::newRow("garbage") << FakeChatProvider::Reply::Garbage;
    }

    void runShowsTheProvidersError()
    {
        QFETCH(FakeChatProvider::Reply, reply);
        auto ws = workspace();
        QVERIFY(ws);
        gui::PromptsView view(*ws);
        showView(view);
        const QString id = fillInOne(view);
        gui::PromptFillPanel *fill = view.editor()->fillPanel();
        QVERIFY(
            view.runner().setOwnProvider(m_fake.baseUrl(), QStringLiteral("section-model"), QString::fromLatin1(kKey)));
        m_fake.setReply(reply);
        QTest::mouseClick(fill->runButton(), Qt::LeftButton);
        auto *message = fill->findChild<QLabel *>(QStringLiteral("fillMessage"));
        QTRY_VERIFY(message->isVisible());
        QVERIFY2(message->text().startsWith(QStringLiteral("Run failed: ")), qPrintable(message->text()));
        QVERIFY(!message->text().contains(QString::fromLatin1(kKey)));
        QVERIFY(!fill->answerView()->isVisible());
        QVERIFY(fill->runButton()->isEnabled());
        // A failed run is not a use.
        auto uses = ws->replica().database().exec(
            QStringLiteral("SELECT COUNT(*) FROM prompt_usage WHERE prompt_id = ?"), { id });
        QVERIFY(uses && uses->next());
        QCOMPARE(uses->value(0).toInt(), 0);
        m_fake.setReply(FakeChatProvider::Reply::Ok);
    }
};

QTEST_MAIN(TestPromptSection)
#include "tst_promptsection.moc"
