// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/widgets/apikeysdialog.h"
#include "desktop/accounts/widgets/signindialog.h"
#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/connectionmonitor.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/replica.h"
#include "desktop/core/workspace.h"
#include "desktop/prompts/core/groupquery.h"
#include "desktop/prompts/core/promptlistmodel.h"
#include "desktop/prompts/core/promptstore.h"
#include "desktop/prompts/widgets/groupsview.h"
#include "desktop/prompts/widgets/prompteditor.h"
#include "desktop/prompts/widgets/promptfillpanel.h"
#include "desktop/prompts/widgets/promptsview.h"
#include "desktop/prompts/widgets/promptversionspanel.h"
#include "desktop/prompts/widgets/sharedialog.h"
#include "desktop/prompts/widgets/variablecompleter.h"
#include "desktop/prompts/widgets/variablehighlighter.h"
#include "desktop/widgets/bodyeditor.h"
#include "desktop/widgets/desktopapp.h"
#include "desktop/widgets/mainwindow.h"
#include "tests/desktop/appscenario.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "tests/support/widgetfinder.h"
#include "tests/sync/syncpeer.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>

using namespace quire::test;
using quire::desktop::PromptStore;
using quire::desktop::SyncEngine;
using ConnectionState = quire::desktop::ConnectionMonitor::State;

namespace {
const QString kAlice = QStringLiteral("alice@example.org");
const QString kBob = QStringLiteral("bob@example.org");
constexpr int kTimeoutMs = 60000;
const QString kVersion1 = QStringLiteral("Write about {{topic}} in a {{tone : choice(formal, casual) = formal}} tone.");
const QString kVersion2 = kVersion1 + QStringLiteral(" Keep it short.");
} // namespace

// The prompt library as its users live it, driven through the real app
// (DesktopApp and its MainWindow) against a real server: Alice writes a
// template while autosave and sync rounds run, keeps a version and labels
// it production, fills it in and copies it (the use recorded and synced),
// her program fetches the production version with her API key (the label,
// not the newest version, decides), she shares a group with Bob and
// revokes it (his replica gains and loses it), and after a restart with
// only the profile everything is still there.
class TestPromptScenario : public QObject
{
    Q_OBJECT
private:
    AppScenario m_app;
    std::unique_ptr<SyncPeer> m_bob;
    QString m_prompt;
    QString m_name; // the prompt's name, for programs
    QString m_apiKey;
    QString m_group;

    quire::gui::PromptsView *view() { return findNamed<quire::gui::PromptsView>(*m_app.window, "promptsView"); }
    quire::gui::PromptEditor *editor() { return view()->editor(); }
    QPlainTextEdit *text() { return editor()->bodyEditor()->sourceEdit(); }
    quire::gui::PromptVersionsPanel *versions() { return editor()->versionsPanel(); }
    quire::gui::PromptFillPanel *fill() { return editor()->fillPanel(); }
    // The groups view wherever the window keeps it (its own section, or a
    // part of the Prompts section), found by type.
    quire::gui::GroupsView *groups()
    {
        auto *found = m_app.window->findChild<quire::gui::GroupsView *>();
        if (!found)
            qFatal("no GroupsView in the window");
        return found;
    }
    QString stored(const char *field)
    {
        const auto row = view()->store().get(m_prompt);
        return row && *row ? fieldOf(**row, field) : QString();
    }
    QString beforeCursor() { return text()->toPlainText().left(text()->textCursor().position()); }

    // Brings `w` on screen: the section that holds it, and every tab or
    // stacked page between, the way a user would (a tab bar beside a stack
    // of the same size switches it: the Prompts section's Library / Groups).
    void reveal(QWidget *w)
    {
        for (QWidget *p = w; p; p = p->parentWidget()) {
            const QString section = p->property("sectionId").toString();
            if (!section.isEmpty())
                m_app.window->showSection(section);
        }
        for (QWidget *child = w; child && child->parentWidget(); child = child->parentWidget()) {
            auto *stack = qobject_cast<QStackedWidget *>(child->parentWidget());
            if (!stack || stack->indexOf(child) < 0 || stack->currentWidget() == child)
                continue;
            if (auto *tabs = qobject_cast<QTabWidget *>(stack->parentWidget())) {
                tabs->setCurrentWidget(child);
                continue;
            }
            QTabBar *bar = nullptr;
            if (stack->parentWidget()) {
                for (QTabBar *b : stack->parentWidget()->findChildren<QTabBar *>(Qt::FindDirectChildrenOnly))
                    if (b->count() == stack->count())
                        bar = b;
            }
            if (bar && bar->isVisible())
                QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(stack->indexOf(child)).center());
            else
                stack->setCurrentWidget(child);
        }
    }

    bool startApp(const QStringList &options) { return m_app.startApp(options); }
    void quitApp() { m_app.quitApp(); }

    // One round of the app's own sync engine after whatever round its own
    // triggers were running; true when it ended in step with nothing left.
    bool syncRound()
    {
        if (!m_app.syncRound())
            return false;
        const auto status = m_app.workspace->syncStore().status();
        if (!status || status->pending != 0 || status->rejected != 0) {
            qWarning() << "after the round: pending" << (status ? status->pending : -1) << "rejected"
                       << (status ? status->rejected : -1);
            return false;
        }
        return true;
    }

    // What a program with Alice's key gets for the production label.
    HttpResult fetchProduction()
    {
        TestHttpClient http(m_app.server.url(), m_app.server.fingerprint());
        return http.request("GET", QStringLiteral("/api/v1/prompts/by-name/%1?label=production").arg(m_name), {},
                            { { "Authorization", "Bearer " + m_apiKey.toUtf8() } });
    }

    // Alice's session asks the server, as any signed-in client would.
    quire::desktop::ApiReply callAsAlice(const QString &path)
    {
        quire::desktop::ApiReply answer;
        bool done = false;
        m_app.workspace->session().call(QStringLiteral("GET"), path, std::nullopt, [&](quire::desktop::ApiReply reply) {
            answer = std::move(reply);
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, kTimeoutMs))
            qWarning() << "no answer for" << path;
        return answer;
    }

    // Runs `answer` on the next modal dialog of type T once it shows (the
    // static QInputDialog and QMessageBox functions block in their own loop).
    template<typename T> void answerNext(std::function<void(T &)> answer)
    {
        QTimer::singleShot(0, this, [answer] {
            [[maybe_unused]] const bool shown = QTest::qWaitFor(
                [] { return qobject_cast<T *>(QApplication::activeModalWidget()) != nullptr; }, kTimeoutMs);
            if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget()))
                answer(*dialog);
        });
    }

    // Saves a version with Ctrl+S from the text, with `message`.
    void saveVersionWithCtrlS(const QString &message)
    {
        reveal(versions());
        QLineEdit *edit = versions()->messageEdit();
        edit->clear();
        QTest::keyClicks(edit, message);
        // A dialog closed before (sign in, API keys) may have taken the
        // activation along; shortcuts go to the active window.
        m_app.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_app.window.get()));
        text()->setFocus();
        QTest::keySequence(text(), QKeySequence::Save);
    }

    // Points `label` at the newest version through the versions panel.
    void labelNewest(const QString &label)
    {
        reveal(versions());
        QTreeWidget *list = versions()->list();
        list->clearSelection();
        list->topLevelItem(0)->setSelected(true);
        versions()->labelName()->setEditText(label);
        QTest::mouseClick(findNamed<QPushButton>(*versions(), "setLabelButton"), Qt::LeftButton);
    }

    QStringList groupNames(quire::desktop::Workspace &ws)
    {
        QStringList names;
        const quire::desktop::GroupQuery query(ws.replica().database(), ws.accountId());
        const auto groups = query.groups();
        if (!groups) {
            qWarning() << groups.error().message;
            return { QStringLiteral("<error>") };
        }
        for (const quire::desktop::GroupSummary &g : std::as_const(*groups))
            names << g.name;
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_app.dir.isValid());
        const QString data = m_app.serverData();
        QVERIFY(createUser(data, kAlice, QStringLiteral("author"), kSyncTestPassword));
        QVERIFY(createUser(data, kBob, QStringLiteral("author"), kSyncTestPassword));
        QVERIFY(m_app.startServer());
    }

    void aliceSignsInAndOpensPrompts()
    {
        QVERIFY(startApp({ QStringLiteral("--server"), QStringLiteral("URL"), QStringLiteral("--trust-fingerprint"),
                           QStringLiteral("FP"), QStringLiteral("--email"), kAlice }));
        QTRY_VERIFY_WITH_TIMEOUT(m_app.window->findChild<quire::gui::SignInDialog *>()
                                     && m_app.window->findChild<quire::gui::SignInDialog *>()->isVisible(),
                                 kTimeoutMs);
        const QPointer<quire::gui::SignInDialog> dialog = m_app.window->findChild<quire::gui::SignInDialog *>();
        auto *password = findNamed<QLineEdit>(*dialog, "password");
        QTest::keyClicks(password, kSyncTestPassword);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(m_app.workspace->session().isSignedIn(), kTimeoutMs);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->connection().state(), ConnectionState::Online, kTimeoutMs);
        reveal(findNamed<QPushButton>(*view(), "newButton"));
        QTRY_VERIFY(view()->isVisible());
    }

    void sheWritesATemplateWhileAutosaveAndSyncRun()
    {
        auto *newPrompt = findNamed<QPushButton>(*view(), "newButton");
        QVERIFY(newPrompt->isVisible());
        QTest::mouseClick(newPrompt, Qt::LeftButton);
        m_prompt = editor()->currentId();
        QVERIFY(!m_prompt.isEmpty());
        auto *title = findNamed<QLineEdit>(*editor(), "titleEdit");
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Blog post"));
        QVERIFY(text()->isVisible());
        text()->setFocus();
        QTest::keyClicks(text(), QStringLiteral("Write about {{topic}}"));
        QTRY_VERIFY_WITH_TIMEOUT(!editor()->hasUnsavedChanges(), 5000);
        QVERIFY(syncRound());
        QCOMPARE(stored("content"), QStringLiteral("Write about {{topic}}"));
        QCOMPARE(beforeCursor(), QStringLiteral("Write about {{topic}}"));
        // The tag is coloured on screen, after the save and the sync too.
        auto *highlighter = text()->document()->findChild<quire::gui::VariableHighlighter *>();
        QVERIFY(highlighter);
        const QList<QTextLayout::FormatRange> formats = text()->document()->firstBlock().layout()->formats();
        const bool tagColoured = std::any_of(formats.cbegin(), formats.cend(), [](const QTextLayout::FormatRange &r) {
            return r.start <= 14 && r.start + r.length > 14; // inside "{{topic}}"
        });
        QVERIFY(tagColoured);

        // The completer offers the variable already used after "{{".
        auto *completer = text()->findChild<quire::gui::VariableCompleter *>();
        QVERIFY(completer);
        QTest::keyClicks(text(), QStringLiteral(" in a {{t"));
        QTRY_VERIFY(completer->completer()->popup()->isVisible());
        QCOMPARE(completer->completer()->currentCompletion(), QStringLiteral("topic"));
        QTest::keyClick(text(), Qt::Key_Escape);
        QTRY_VERIFY(!completer->completer()->popup()->isVisible());
        QTest::keyClicks(text(), QStringLiteral("one : choice(formal, casual) = formal}} tone."));
        QCOMPARE(text()->toPlainText(), kVersion1);

        // Typing, a sync round, then Undo: the undo history survived the
        // saves and the syncs (back to the empty prompt, with Ctrl+Z), and
        // Redo brings every word back.
        QTest::keyClicks(text(), QStringLiteral(" Maybe"));
        QTRY_VERIFY_WITH_TIMEOUT(!editor()->hasUnsavedChanges(), 5000);
        const int undoable = text()->document()->availableUndoSteps();
        QVERIFY(undoable > 0);
        QVERIFY(syncRound());
        QCOMPARE(stored("content"), kVersion1 + QStringLiteral(" Maybe"));
        QCOMPARE(text()->document()->availableUndoSteps(), undoable);
        QCOMPARE(beforeCursor(), kVersion1 + QStringLiteral(" Maybe"));
        for (int i = 0; i < 100 && text()->document()->isUndoAvailable(); ++i)
            QTest::keySequence(text(), QKeySequence::Undo);
        QCOMPARE(text()->toPlainText(), QString());
        for (int i = 0; i < 100 && text()->document()->isRedoAvailable(); ++i)
            QTest::keySequence(text(), QKeySequence::Redo);
        QCOMPARE(text()->toPlainText(), kVersion1 + QStringLiteral(" Maybe"));
        // She thinks better of it.
        for (int i = 0; i < 6; ++i)
            QTest::keyClick(text(), Qt::Key_Backspace);
        QCOMPARE(text()->toPlainText(), kVersion1);
        QTRY_COMPARE_WITH_TIMEOUT(stored("content"), kVersion1, 5000);
    }

    void sheSavesAVersionAndLabelsItProduction()
    {
        saveVersionWithCtrlS(QStringLiteral("first draft"));
        QTreeWidget *list = versions()->list();
        QTRY_COMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("first draft"));
        labelNewest(QStringLiteral("production"));
        QCOMPARE(list->topLevelItem(0)->text(4), QStringLiteral("production"));
        QVERIFY(syncRound());
        // The server numbered it; the list shows the number after the round.
        QTRY_COMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Version 1"));
        m_name = stored("name");
        QVERIFY2(!m_name.isEmpty(), "the prompt got no name for programs");
    }

    void sheFillsItInAndCopies()
    {
        reveal(fill());
        QTRY_VERIFY(fill()->canUse() || fill()->field(QStringLiteral("topic")));
        auto *topic = qobject_cast<QLineEdit *>(fill()->field(QStringLiteral("topic")));
        QVERIFY(topic);
        auto *tone = qobject_cast<QComboBox *>(fill()->field(QStringLiteral("tone")));
        QVERIFY(tone);
        QCOMPARE(tone->currentText(), QStringLiteral("formal"));
        topic->setFocus();
        QTest::keyClicks(topic, QStringLiteral("green tea"));
        const QString rendered = QStringLiteral("Write about green tea in a formal tone.");
        QTRY_COMPARE(fill()->renderedText(), rendered);
        QSignalSpy used(fill(), &quire::gui::PromptFillPanel::used);
        QTest::mouseClick(fill()->copyButton(), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), rendered);
        QCOMPARE(used.size(), 1);
        const QString usageId = used.first().first().toString();
        const auto row = m_app.workspace->content().get(PromptStore::usage(), usageId);
        QVERIFY(row && *row);
        QCOMPARE(fieldOf(**row, "use"), QStringLiteral("copied"));
        QCOMPARE(fieldOf(**row, "prompt_id"), m_prompt);

        QVERIFY(syncRound());
        const quire::desktop::ApiReply usage = callAsAlice(QStringLiteral("/api/v1/prompts/%1/usage").arg(m_prompt));
        QVERIFY2(usage.ok(), usage.body.constData());
        const nlohmann::json &items = usage.json["items"];
        QCOMPARE(items.size(), size_t(1));
        QCOMPARE(items[0]["use"].get<std::string>(), std::string("copied"));
        QCOMPARE(items[0]["version"].get<int>(), 1);
    }

    // Account › API Keys…: a key for her program, shown once.
    void sheCreatesAnApiKey()
    {
        auto *action = m_app.window->findChild<QAction *>(QStringLiteral("apiKeysAction"));
        QVERIFY(action);
        QTRY_VERIFY(action->isEnabled());
        action->trigger();
        auto *dialog = m_app.window->findChild<quire::gui::ApiKeysDialog *>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTest::keyClicks(findNamed<QLineEdit>(*dialog, "apiKeyName"), QStringLiteral("blog bot"));
        QTest::mouseClick(findNamed<QPushButton>(*dialog, "createApiKeyButton"), Qt::LeftButton);
        auto *key = findNamed<QLineEdit>(*dialog, "newApiKey");
        QTRY_VERIFY_WITH_TIMEOUT(key->text().startsWith(QLatin1String("quire_")), kTimeoutMs);
        m_apiKey = key->text();
        dialog->close();
    }

    void herProgramGetsTheLabelledVersion()
    {
        HttpResult r = fetchProduction();
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(QString::fromStdString(r.json()["content"].get<std::string>()), kVersion1);
        QCOMPARE(r.json()["version"].get<int>(), 1);

        // Version 2 saved and synced: programs still get version 1.
        reveal(editor());
        text()->setFocus();
        text()->moveCursor(QTextCursor::End);
        QTest::keyClicks(text(), QStringLiteral(" Keep it short."));
        saveVersionWithCtrlS(QStringLiteral("shorter"));
        QTRY_COMPARE(versions()->list()->topLevelItemCount(), 2);
        QVERIFY(syncRound());
        QCOMPARE(stored("content"), kVersion2);
        r = fetchProduction();
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(QString::fromStdString(r.json()["content"].get<std::string>()), kVersion1);
        QCOMPARE(r.json()["version"].get<int>(), 1);

        // The label moved by hand: now version 2.
        QTreeWidget *list = versions()->list();
        QTRY_COMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Version 2"));
        labelNewest(QStringLiteral("production"));
        QCOMPARE(list->topLevelItem(0)->text(4), QStringLiteral("production"));
        QCOMPARE(list->topLevelItem(1)->text(4), QString());
        QVERIFY(syncRound());
        r = fetchProduction();
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(QString::fromStdString(r.json()["content"].get<std::string>()), kVersion2);
        QCOMPARE(r.json()["version"].get<int>(), 2);
    }

    void sheSharesAGroupWithBobAndRevokesIt()
    {
        quire::gui::GroupsView *g = groups();
        reveal(g);
        QTRY_VERIFY(g->isVisible());
        answerNext<QInputDialog>([](QInputDialog &d) {
            d.setTextValue(QStringLiteral("Writing"));
            d.accept();
        });
        QTest::mouseClick(findNamed<QPushButton>(*g, "newGroup"), Qt::LeftButton);
        QTRY_VERIFY(!g->currentGroup().isEmpty());
        m_group = g->currentGroup();
        answerNext<QInputDialog>([](QInputDialog &d) {
            d.setTextValue(d.comboBoxItems().value(0));
            d.accept();
        });
        QTest::mouseClick(findNamed<QPushButton>(*g, "addPrompt"), Qt::LeftButton);
        auto *members = findNamed<QListView>(*g, "members");
        QTRY_COMPARE(members->model()->rowCount(), 1);
        QVERIFY(members->model()->index(0, 0).data().toString().contains(QStringLiteral("Blog post")));
        // The group reaches the server before it can be shared there.
        QVERIFY(syncRound());

        QTest::mouseClick(findNamed<QPushButton>(*g, "share"), Qt::LeftButton);
        QPointer<quire::gui::ShareDialog> share = g->findChild<quire::gui::ShareDialog *>();
        QVERIFY(share);
        QVERIFY(QTest::qWaitForWindowExposed(share));
        QCOMPARE(findNamed<QComboBox>(*share, "role")->currentIndex(), 0); // viewer
        QTest::keyClicks(findNamed<QLineEdit>(*share, "email"), kBob);
        QTest::mouseClick(findNamed<QPushButton>(*share, "share"), Qt::LeftButton);
        auto *shares = findNamed<QTableWidget>(*share, "shares");
        QTRY_COMPARE_WITH_TIMEOUT(shares->rowCount(), 1, kTimeoutMs);
        QVERIFY2(findNamed<QLabel>(*share, "message")->text().contains(kBob),
                 qPrintable(findNamed<QLabel>(*share, "message")->text()));
        QVERIFY(syncRound());

        // Bob's replica: the group and its prompt after his sync.
        m_bob = std::make_unique<SyncPeer>(m_app.dir.filePath(QStringLiteral("bob")));
        m_bob->connectTo(m_app.server);
        QVERIFY(m_bob->signIn(kBob, kSyncTestPassword));
        QCOMPARE(m_bob->sync(), SyncEngine::State::Idle);
        QCOMPARE(groupNames(m_bob->ws()), QStringList { QStringLiteral("Writing") });
        const quire::desktop::GroupQuery bobsGroups(m_bob->ws().replica().database(), m_bob->ws().accountId());
        const auto bobsGroup = bobsGroups.group(m_group);
        QVERIFY(bobsGroup && *bobsGroup);
        QCOMPARE((*bobsGroup)->access, quire::desktop::GroupAccess::Viewer);
        const auto bobsMembers = bobsGroups.members(m_group);
        QVERIFY(bobsMembers);
        QCOMPARE(bobsMembers->size(), 1);
        QCOMPARE(bobsMembers->first().promptId, m_prompt);
        QCOMPARE(bobsMembers->first().promptTitle, QStringLiteral("Blog post"));
        const auto bobsPrompt = m_bob->ws().content().get(PromptStore::prompts(), m_prompt);
        QVERIFY(bobsPrompt && *bobsPrompt);
        QCOMPARE(fieldOf(**bobsPrompt, "content"), kVersion2);

        // Revoked, after the question.
        shares->selectRow(0);
        auto *revoke = findNamed<QPushButton>(*share, "revoke");
        QVERIFY(revoke->isEnabled());
        answerNext<QMessageBox>([](QMessageBox &box) { box.button(QMessageBox::Yes)->click(); });
        QTest::mouseClick(revoke, Qt::LeftButton);
        QTRY_COMPARE(shares->rowCount(), 0);
        share->close();
        QVERIFY(syncRound());
        QCOMPARE(m_bob->sync(), SyncEngine::State::Idle);
        QCOMPARE(groupNames(m_bob->ws()), QStringList());
        const auto gone = m_bob->ws().content().get(PromptStore::prompts(), m_prompt);
        QVERIFY(gone);
        QVERIFY2(!*gone, "Bob's replica still has the prompt of the revoked group");

        // Alice's replica keeps everything.
        QCOMPARE(groupNames(*m_app.workspace), QStringList { QStringLiteral("Writing") });
        QCOMPARE(stored("content"), kVersion2);
        QCOMPARE(members->model()->rowCount(), 1);
    }

    // Quit and started again with only the profile: signed in, the prompt
    // with its text, versions, label and group as she left them.
    void afterARestartEverythingIsThere()
    {
        quitApp();
        QVERIFY(startApp({}));
        QTRY_VERIFY_WITH_TIMEOUT(m_app.workspace->session().isSignedIn(), kTimeoutMs);
        QCOMPARE(m_app.workspace->session().email(), kAlice);
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->connection().state(), ConnectionState::Online, kTimeoutMs);
        QVERIFY(!m_app.window->findChild<quire::gui::SignInDialog *>());
        QVERIFY(syncRound());

        QTableView *table = view()->table();
        reveal(table);
        QTRY_VERIFY(table->isVisible());
        const int row = view()->model()->rowOf(m_prompt);
        QVERIFY2(row >= 0, "the prompt is not in the library");
        const QRect cell = table->visualRect(view()->model()->index(row, quire::desktop::PromptListModel::Title));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_COMPARE(editor()->currentId(), m_prompt);
        QCOMPARE(text()->toPlainText(), kVersion2);
        QCOMPARE(findNamed<QLineEdit>(*editor(), "titleEdit")->text(), QStringLiteral("Blog post"));
        QTreeWidget *list = versions()->list();
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Version 2"));
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("shorter"));
        QCOMPARE(list->topLevelItem(0)->text(4), QStringLiteral("production"));
        QCOMPARE(list->topLevelItem(1)->text(3), QStringLiteral("first draft"));

        quire::gui::GroupsView *g = groups();
        reveal(g);
        QTRY_VERIFY(g->isVisible());
        auto *names = findNamed<QListWidget>(*g, "groups");
        QCOMPARE(names->count(), 1);
        QCOMPARE(names->item(0)->text(), QStringLiteral("Writing"));
        QCOMPARE(g->currentGroup(), m_group);
        QTRY_COMPARE(findNamed<QListView>(*g, "members")->model()->rowCount(), 1);
        QCOMPARE(fetchProduction().status, 200);
    }

    void cleanupTestCase()
    {
        m_bob.reset();
        quitApp();
    }
};

QTEST_MAIN(TestPromptScenario)
#include "tst_promptscenario.moc"
