// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/profile.h"
#include "desktop/core/workspace.h"
#include "desktop/prompts/core/promptlistmodel.h"
#include "desktop/prompts/core/promptstore.h"
#include "desktop/prompts/widgets/branchactions.h"
#include "desktop/prompts/widgets/mergedialog.h"
#include "desktop/prompts/widgets/prompteditor.h"
#include "desktop/prompts/widgets/promptsview.h"
#include "desktop/prompts/widgets/sidebysidediff.h"
#include "desktop/widgets/bodyeditor.h"
#include "shared/jsonqt.h"
#include "shared/uuid.h"

#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace quire;

// Branch and Merge Back in the Prompts section, driven through the buttons
// and dialogs under offscreen: a branch made from the editor opens with its
// origin line, a clean merge asks and writes the parent a version, a clash
// shows MergeDialog (cancel loses nothing, picking the branch's text merges
// it), and only the parent's owner may merge.
class TestBranchActions : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<desktop::Workspace> m_workspace;
    std::unique_ptr<gui::PromptsView> m_view;
    const QString m_me = QStringLiteral("0190f2a4-0000-7000-8000-000000000001");

    gui::PromptEditor *editor() const { return m_view->editor(); }
    desktop::PromptStore &store() const { return m_view->store(); }
    gui::BranchActions *actions() const { return m_view->findChild<gui::BranchActions *>(); }
    QString stored(const QString &id, const char *field) const
    {
        const auto row = store().get(id);
        return row && *row ? shared::textOf(**row, field) : QString();
    }
    int versionCount(const QString &id) const
    {
        const auto v = store().versionsOf(id);
        return v ? int(v->size()) : -1;
    }
    // A prompt with a first version, open in the editor.
    QString openNew(const char *content, const QString &owner)
    {
        const auto id
            = store().create({ { "title", "Summary" }, { "name", "summary" }, { "content", content } }, owner);
        if (!id || !store().saveVersion(*id, QStringLiteral("first"), owner))
            return {};
        m_view->refresh();
        editor()->load(*id);
        return *id;
    }
    // Types `text` as the open prompt's whole content and saves it.
    bool type(const QString &text)
    {
        editor()->bodyEditor()->sourceEdit()->setPlainText(text);
        return editor()->saveNow();
    }
    // Runs `act` on the next modal widget of type T once it shows.
    template<typename T, typename F> void onNextModal(F act)
    {
        QTimer::singleShot(0, this, [act] {
            [[maybe_unused]] const bool shown
                = QTest::qWaitFor([] { return qobject_cast<T *>(QApplication::activeModalWidget()) != nullptr; }, 5000);
            if (auto *w = qobject_cast<T *>(QApplication::activeModalWidget()))
                act(w);
        });
    }
    void answerNextQuestion(QMessageBox::StandardButton answer)
    {
        onNextModal<QMessageBox>([answer](QMessageBox *box) { box->button(answer)->click(); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        auto ws = desktop::Workspace::open(m_dir.filePath(QStringLiteral("profile")));
        QVERIFY(ws.ok());
        m_workspace = std::move(ws.value());
        m_workspace->profile().setAccount({ m_me, QStringLiteral("me@example.org"), QStringLiteral("Me") });
        m_view = std::make_unique<gui::PromptsView>(*m_workspace);
        m_view->resize(1400, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QVERIFY(actions());
    }

    void branchFromTheEditorAndMergeBackClean()
    {
        const QString parent = openNew("Intro.\n\nMiddle.\n\nEnd.\n", m_me);
        QVERIFY(!parent.isEmpty());
        QVERIFY(!actions()->mergeButton()->isVisible()); // not a branch
        onNextModal<QInputDialog>([](QInputDialog *d) {
            d->setTextValue(QStringLiteral("Shorter summary"));
            d->accept();
        });
        QTest::mouseClick(actions()->branchButton(), Qt::LeftButton);
        const QString branch = editor()->currentId();
        QVERIFY(branch != parent);
        QCOMPARE(stored(branch, "branch_of"), parent);
        QCOMPARE(stored(branch, "title"), QStringLiteral("Shorter summary"));
        QVERIFY(actions()->originLabel()->isVisible());
        QVERIFY(actions()->originLabel()->text().contains(QStringLiteral("Branch of")));
        QVERIFY(actions()->originLabel()->text().contains(QStringLiteral("Summary")));
        QVERIFY(actions()->mergeButton()->isEnabled());

        // Both sides edit different paragraphs.
        QVERIFY(type(QStringLiteral("Intro.\n\nMiddle.\n\nEnd, on the branch.\n")));
        QVERIFY(store().update(parent, { { "content", "Intro, on the prompt.\n\nMiddle.\n\nEnd.\n" } }));
        const int before = versionCount(parent);
        // Declining the question merges nothing.
        answerNextQuestion(QMessageBox::No);
        QTest::mouseClick(actions()->mergeButton(), Qt::LeftButton);
        QCOMPARE(stored(parent, "content"), QStringLiteral("Intro, on the prompt.\n\nMiddle.\n\nEnd.\n"));
        QCOMPARE(versionCount(parent), before);
        answerNextQuestion(QMessageBox::Yes);
        QTest::mouseClick(actions()->mergeButton(), Qt::LeftButton);
        QCOMPARE(stored(parent, "content"),
                 QStringLiteral("Intro, on the prompt.\n\nMiddle.\n\nEnd, on the branch.\n"));
        QCOMPARE(versionCount(parent), before + 1);

        // The origin link opens the parent.
        Q_EMIT actions()->originLabel()->linkActivated(QStringLiteral("parent"));
        QCOMPARE(editor()->currentId(), parent);
        QVERIFY(!actions()->originLabel()->isVisible());
    }

    void aClashAsksAndTakesTheBranchsText()
    {
        const QString parent = openNew("One line.\n", m_me);
        const QString branch = actions()->branchOpenPrompt(QString());
        QVERIFY(!branch.isEmpty());
        QCOMPARE(editor()->currentId(), branch);
        QCOMPARE(stored(branch, "title"), QStringLiteral("Summary (branch)"));
        QVERIFY(type(QStringLiteral("Branch's line.\n")));
        QVERIFY(store().update(parent, { { "content", "Prompt's line.\n" } }));
        const int before = versionCount(parent);

        // Cancelling the dialog writes nothing: both texts stay.
        QString shownOurs;
        onNextModal<gui::MergeDialog>([&shownOurs](gui::MergeDialog *d) {
            QCOMPARE(d->tabs()->count(), 1);
            QCOMPARE(d->tabs()->tabText(0), QStringLiteral("Content")); // the column's declared label
            auto *page = d->tabs()->widget(0);
            QVERIFY(page->findChild<gui::SideBySideDiff *>(QStringLiteral("oursDiff")));
            QVERIFY(page->findChild<gui::SideBySideDiff *>(QStringLiteral("theirsDiff")));
            shownOurs = d->chosen().value(QStringLiteral("content"));
            d->reject();
        });
        QVERIFY(!actions()->mergeBack());
        QCOMPARE(shownOurs, QStringLiteral("Prompt's line.\n")); // the prompt's text is the default pick
        QCOMPARE(stored(parent, "content"), QStringLiteral("Prompt's line.\n"));
        QCOMPARE(stored(branch, "content"), QStringLiteral("Branch's line.\n"));
        QCOMPARE(versionCount(parent), before);

        // Picking the branch's text merges it into a new version of the parent.
        onNextModal<gui::MergeDialog>([](gui::MergeDialog *d) {
            QTest::mouseClick(d->tabs()->widget(0)->findChild<QRadioButton *>(QStringLiteral("theirsRadio")),
                              Qt::LeftButton);
            d->findChild<QPushButton *>(QStringLiteral("mergeButton"))->click();
        });
        QVERIFY(actions()->mergeBack());
        QCOMPARE(stored(parent, "content"), QStringLiteral("Branch's line.\n"));
        QCOMPARE(versionCount(parent), before + 1);
        const auto versions = store().versionsOf(parent);
        QVERIFY(versions);
        QCOMPARE(shared::textOf(versions->last().body, "content"), QStringLiteral("Branch's line.\n"));
    }

    void aCombinedTextIsMerged()
    {
        const QString parent = openNew("Base.\n", m_me);
        QVERIFY(!actions()->branchOpenPrompt(QStringLiteral("Combine me")).isEmpty());
        QVERIFY(type(QStringLiteral("Theirs.\n")));
        QVERIFY(store().update(parent, { { "content", "Ours.\n" } }));
        onNextModal<gui::MergeDialog>([](gui::MergeDialog *d) {
            d->pick(QStringLiteral("content"), gui::MergeDialog::Pick::Combined, QStringLiteral("Ours and theirs.\n"));
            d->accept();
        });
        QVERIFY(actions()->mergeBack());
        QCOMPARE(stored(parent, "content"), QStringLiteral("Ours and theirs.\n"));
    }

    void onlyTheParentsOwnerMayMerge()
    {
        const QString other = shared::Uuid::createV7();
        QVERIFY(!openNew("Someone else's.\n", other).isEmpty());
        QVERIFY(!actions()->branchOpenPrompt(QString()).isEmpty());
        QVERIFY(actions()->mergeButton()->isVisible());
        QVERIFY(!actions()->mergeButton()->isEnabled());
        QVERIFY(actions()->mergeButton()->toolTip().contains(QStringLiteral("Only the owner")));
    }
};

QTEST_MAIN(TestBranchActions)
#include "tst_branchactions.moc"
