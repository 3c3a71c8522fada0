// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/profile.h"
#include "desktop/core/replica.h"
#include "desktop/core/translations.h"
#include "desktop/core/workspace.h"
#include "desktop/prompts/core/promptlistmodel.h"
#include "desktop/prompts/core/promptrunner.h"
#include "desktop/prompts/core/promptstore.h"
#include "desktop/prompts/widgets/chatmessageseditor.h"
#include "desktop/prompts/widgets/prompteditor.h"
#include "desktop/prompts/widgets/promptfillpanel.h"
#include "desktop/prompts/widgets/promptsview.h"
#include "desktop/prompts/widgets/promptversionspanel.h"
#include "desktop/prompts/widgets/sidebysidediff.h"
#include "desktop/prompts/widgets/variablehighlighter.h"
#include "desktop/widgets/bodyeditor.h"
#include "shared/database.h"
#include "shared/jsonqt.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace quire;

// The Prompts section driven as a user would, under offscreen: the empty
// library's next step, a new prompt typed and saved by itself, search as
// you type, the star, versions saved by hand and at the end of an editing
// session, two compared side by side, and a restore.
class TestPromptsView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<desktop::Workspace> m_workspace;
    std::unique_ptr<gui::PromptsView> m_view;
    const QString m_me = QStringLiteral("0190f2a4-0000-7000-8000-000000000001");

    template<typename T> T *find(const char *name) const { return m_view->findChild<T *>(QString::fromLatin1(name)); }
    gui::PromptEditor *editor() const { return m_view->editor(); }
    desktop::PromptStore &store() const { return m_view->store(); }
    QString stored(const QString &id, const char *field) const
    {
        const auto row = store().get(id);
        return row && *row ? shared::textOf(**row, field) : QString();
    }
    QStringList listedTitles() const
    {
        QStringList titles;
        for (int i = 0; i < m_view->model()->rowCount(); ++i)
            titles << m_view->model()->at(i)->title;
        return titles;
    }
    void clickRow(int row, int column)
    {
        QTableView *table = m_view->table();
        const QRect rect = table->visualRect(m_view->model()->index(row, column));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    }
    QString add(const char *title, const char *content)
    {
        const auto id = store().create({ { "title", title }, { "content", content } }, m_me);
        return id ? *id : QString();
    }
    // Answers the next question box with Yes once it shows.
    void acceptNextQuestion()
    {
        QTimer::singleShot(0, this, [] {
            [[maybe_unused]] const bool shown = QTest::qWaitFor(
                [] { return qobject_cast<QMessageBox *>(QApplication::activeModalWidget()) != nullptr; }, 5000);
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
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
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get())); // for Ctrl+S
    }

    void anEmptyLibraryOffersANewPrompt()
    {
        auto *stack = find<QStackedWidget>("listStack");
        auto *empty = find<QWidget>("emptyState");
        QCOMPARE(stack->currentWidget(), empty);
        QPushButton *next = empty->findChild<QPushButton *>();
        QVERIFY(next);
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(m_view->model()->rowCount(), 1);
        QCOMPARE(stack->currentWidget(), m_view->table());
        const QString id = editor()->currentId();
        QVERIFY(!id.isEmpty());
        // Typed, then saved by itself a moment later: title and the text.
        auto *title = editor()->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Weekly report"));
        QPlainTextEdit *text = editor()->bodyEditor()->sourceEdit();
        QVERIFY(text->isVisible()); // the source view: plain template text
        QVERIFY(text->document()->findChild<gui::VariableHighlighter *>()); // {{variables}} coloured
        text->setFocus();
        QTest::keyClicks(text, QStringLiteral("Summarise {{notes}} for the team."));
        QTRY_COMPARE(stored(id, "content"), QStringLiteral("Summarise {{notes}} for the team."));
        QCOMPARE(stored(id, "title"), QStringLiteral("Weekly report"));
        QVERIFY(!editor()->hasUnsavedChanges());
        // Still typing: the cursor stays where it was after the save.
        QCOMPARE(text->textCursor().position(), int(text->toPlainText().size()));
        QTRY_COMPARE(listedTitles(), QStringList { QStringLiteral("Weekly report") });
    }

    void searchFiltersAsYouType()
    {
        QVERIFY(!add("Translate politely", "Translate {{text}} into German.").isEmpty());
        QVERIFY(!add("Code review", "Review this diff: {{diff}}").isEmpty());
        m_view->refresh();
        QCOMPARE(m_view->model()->rowCount(), 3);
        auto *search = find<QLineEdit>("searchEdit");
        QTest::keyClicks(search, QStringLiteral("germ"));
        QCOMPARE(listedTitles(), QStringList { QStringLiteral("Translate politely") });
        QTest::keyClicks(search, QStringLiteral("anything"));
        QCOMPARE(m_view->model()->rowCount(), 0);
        // Nothing matches: the next step is to clear the search.
        auto *noMatch = find<QWidget>("noMatchState");
        QCOMPARE(find<QStackedWidget>("listStack")->currentWidget(), noMatch);
        QTest::mouseClick(noMatch->findChild<QPushButton *>(), Qt::LeftButton);
        QVERIFY(search->text().isEmpty());
        QCOMPARE(m_view->model()->rowCount(), 3);
    }

    void theStarMarksAFavourite()
    {
        const int row = listedTitles().indexOf(QStringLiteral("Code review"));
        QVERIFY(row >= 0);
        const QString id = m_view->model()->idAt(row);
        clickRow(row, desktop::PromptListModel::Favourite);
        QCOMPARE(*store().isFavourite(id, m_me), true);
        const int now = m_view->model()->rowOf(id);
        QCOMPARE(m_view->model()->data(m_view->model()->index(now, desktop::PromptListModel::Favourite)).toString(),
                 QStringLiteral("★"));
        auto *favourites = find<QCheckBox>("favouritesFilter");
        favourites->setChecked(true);
        QCOMPARE(listedTitles(), QStringList { QStringLiteral("Code review") });
        // Unstarred: gone from the favourites, the row deleted.
        clickRow(0, desktop::PromptListModel::Favourite);
        QCOMPARE(*store().isFavourite(id, m_me), false);
        QCOMPARE(m_view->model()->rowCount(), 0);
        favourites->setChecked(false);
        QCOMPARE(m_view->model()->rowCount(), 3);
    }

    void leavingAChangedPromptKeepsAVersion()
    {
        const int row = listedTitles().indexOf(QStringLiteral("Translate politely"));
        clickRow(row, desktop::PromptListModel::Title);
        const QString id = editor()->currentId();
        QCOMPARE(id, m_view->model()->idAt(row));
        QVERIFY(store().versionsOf(id)->isEmpty());
        QPlainTextEdit *text = editor()->bodyEditor()->sourceEdit();
        text->setFocus();
        text->moveCursor(QTextCursor::End);
        QTest::keyClicks(text, QStringLiteral(" Keep it short."));
        // Another prompt is opened: this session ends in a version.
        const int other = m_view->model()->rowOf(id) == 0 ? 1 : 0;
        const QString otherId = m_view->model()->idAt(other);
        clickRow(other, desktop::PromptListModel::Title);
        QCOMPARE(editor()->currentId(), otherId);
        const auto versions = store().versionsOf(id);
        QCOMPARE(versions->size(), 1);
        QCOMPARE(shared::textOf(versions->first().body, "content"),
                 QStringLiteral("Translate {{text}} into German. Keep it short."));
        // Opened and left without a change: no new version.
        clickRow(m_view->model()->rowOf(id), desktop::PromptListModel::Title);
        clickRow(m_view->model()->rowOf(id) == 0 ? 1 : 0, desktop::PromptListModel::Title);
        QCOMPARE(store().versionsOf(id)->size(), 1);
    }

    void versionsCompareAndRestore()
    {
        const int row = listedTitles().indexOf(QStringLiteral("Code review"));
        clickRow(row, desktop::PromptListModel::Title);
        const QString id = editor()->currentId();
        gui::PromptVersionsPanel *panel = editor()->versionsPanel();
        QTreeWidget *list = panel->list();
        // The first version, with a message, by the button.
        QTest::keyClicks(panel->messageEdit(), QStringLiteral("first draft"));
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("saveVersionButton")), Qt::LeftButton);
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("unnumbered"));
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("first draft"));
        // A change, then Ctrl+S: the second.
        QPlainTextEdit *text = editor()->bodyEditor()->sourceEdit();
        text->setFocus();
        text->moveCursor(QTextCursor::End);
        QTest::keyClick(text, Qt::Key_Return);
        QTest::keyClicks(text, QStringLiteral("Look for races."));
        QTest::keySequence(text, QKeySequence::Save);
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(stored(id, "content"), QStringLiteral("Review this diff: {{diff}}\nLook for races."));
        // Both selected and compared: the added line on the right only.
        list->topLevelItem(0)->setSelected(true);
        list->topLevelItem(1)->setSelected(true);
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("compareVersionsButton")), Qt::LeftButton);
        gui::SideBySideDiff *diff = panel->diff();
        QCOMPARE(diff->addedLines(), 1);
        QCOMPARE(diff->removedLines(), 0);
        QCOMPARE(diff->rowCount(), 2);
        QCOMPARE(diff->item(0, 0)->text(), QStringLiteral("  Review this diff: {{diff}}"));
        QCOMPARE(diff->item(1, 0)->text(), QString());
        QCOMPARE(diff->item(1, 1)->text(), QStringLiteral("+ Look for races."));
        // The older one restored: its text in the editor and a third version.
        list->clearSelection();
        list->topLevelItem(1)->setSelected(true);
        acceptNextQuestion();
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("restoreVersionButton")), Qt::LeftButton);
        QTRY_COMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(editor()->bodyEditor()->markdown(), QStringLiteral("Review this diff: {{diff}}"));
        QCOMPARE(stored(id, "content"), QStringLiteral("Review this diff: {{diff}}"));
        QCOMPARE(editor()->currentId(), id);
        // A label set on the newest version, shown in its row.
        list->clearSelection();
        list->topLevelItem(0)->setSelected(true);
        panel->labelName()->setEditText(QStringLiteral("production"));
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("setLabelButton")), Qt::LeftButton);
        QCOMPARE(list->topLevelItem(0)->text(4), QStringLiteral("production"));
        QCOMPARE(store().labelsOf(id)->size(), 1);
    }

    void fillInCopiesTheRenderedPromptAndRecordsTheUse()
    {
        const QString id = store()
                               .create({ { "title", "Meeting notes" },
                                         { "name", "meeting-notes" },
                                         { "content",
                                           "Summarise {{notes}} in {{count : number = 3}} points, "
                                           "{{tone : choice(formal, casual)}}. {{> signature}}" } },
                                       m_me)
                               .value();
        QVERIFY(store().create({ { "title", "Signature" }, { "name", "signature" }, { "content", "Thanks!" } }, m_me));
        m_view->refresh();
        clickRow(m_view->model()->rowOf(id), desktop::PromptListModel::Title);
        QCOMPARE(editor()->currentId(), id);
        gui::PromptFillPanel *fill = editor()->fillPanel();
        editor()->sideTabs()->setCurrentWidget(fill);
        // The form: a text field, a number with its default, a choice.
        auto *notes = qobject_cast<QLineEdit *>(fill->field(QStringLiteral("notes")));
        auto *count = qobject_cast<QDoubleSpinBox *>(fill->field(QStringLiteral("count")));
        auto *tone = qobject_cast<QComboBox *>(fill->field(QStringLiteral("tone")));
        QVERIFY(notes && count && tone);
        QCOMPARE(count->value(), 3.0);
        // Missing values are named next to their fields; nothing to copy yet.
        QVERIFY(fill->fieldError(QStringLiteral("notes"))->isVisible());
        QVERIFY(fill->fieldError(QStringLiteral("tone"))->isVisible());
        QVERIFY(!fill->copyButton()->isEnabled());
        QTest::keyClicks(notes, QStringLiteral("the budget talk"));
        tone->setCurrentIndex(tone->findData(QStringLiteral("casual")));
        QVERIFY(!fill->fieldError(QStringLiteral("notes"))->isVisible());
        QCOMPARE(fill->renderedText(), QStringLiteral("Summarise the budget talk in 3 points, casual. Thanks!"));
        QCOMPARE(fill->findChild<QPlainTextEdit *>(QStringLiteral("renderedText"))->toPlainText(),
                 fill->renderedText());
        QTest::mouseClick(fill->copyButton(), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), fill->renderedText());
        // The use kept a version of what was used, listed at once.
        QCOMPARE(editor()->versionsPanel()->list()->topLevelItemCount(), 1);
        auto uses = m_workspace->replica().database().exec(
            QStringLiteral("SELECT use, variables, version_id FROM prompt_usage WHERE prompt_id = ?"), { id });
        QVERIFY(uses && uses->next());
        QCOMPARE(uses->value(0).toString(), QStringLiteral("copied"));
        QCOMPARE(uses->value(1).toString(), QStringLiteral("{}")); // not kept unless the user opts in
        QVERIFY(!uses->value(2).toString().isEmpty()); // the version used
        // Render records "rendered"; with the values, once the user opts in.
        QVERIFY(!fill->keepValuesCheck()->isChecked());
        QTest::mouseClick(fill->keepValuesCheck(), Qt::LeftButton);
        QCOMPARE(shared::textOf(*store().preferencesOf(m_me), "keep_variables"), QStringLiteral("true"));
        QTest::mouseClick(fill->renderButton(), Qt::LeftButton);
        uses = m_workspace->replica().database().exec(
            QStringLiteral("SELECT variables FROM prompt_usage WHERE prompt_id = ? AND use = 'rendered'"), { id });
        QVERIFY(uses && uses->next());
        QCOMPARE(nlohmann::json::parse(uses->value(0).toString().toStdString()).value("notes", std::string()),
                 std::string("the budget talk"));
        QVERIFY(!uses->next());
        // Editing the template rebuilds the form, keeping what was typed.
        QPlainTextEdit *text = editor()->bodyEditor()->sourceEdit();
        text->setFocus();
        text->moveCursor(QTextCursor::End);
        QTest::keyClicks(text, QStringLiteral(" {{extra}}"));
        QTRY_VERIFY(fill->field(QStringLiteral("extra")) != nullptr);
        QCOMPARE(qobject_cast<QLineEdit *>(fill->field(QStringLiteral("notes")))->text(),
                 QStringLiteral("the budget talk"));
    }

    void mnemonicsAreUnique_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany);
    }

    // Every Alt+letter in the section reaches one field or button: with a
    // chat open, beside the fill-in panel and beside the versions.
    void mnemonicsAreUnique()
    {
        QFETCH(QLocale, locale);
        desktop::Translations::install(*qApp, locale);
        gui::PromptsView view(*m_workspace);
        view.resize(1400, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.table()->selectRow(0);
        auto *kind = view.editor()->findChild<QComboBox *>(QStringLiteral("kindCombo"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("chat")));
        // Run shows only with a provider: one that is never called.
        QVERIFY(view.runner().setOwnProvider(QUrl(QStringLiteral("http://127.0.0.1:9/v1")), QStringLiteral("m"),
                                             QStringLiteral("k")));
        QVERIFY(view.editor()->fillPanel()->runButton()->isVisibleTo(&view));
        static const QRegularExpression mnemonic(QStringLiteral("(?:^|[^&])&([^&\\s])"));
        QStringList clashes;
        for (int tab = 0; tab < view.editor()->sideTabs()->count(); ++tab) {
            view.editor()->sideTabs()->setCurrentIndex(tab);
            QMultiHash<QChar, QString> seen;
            const auto note = [&](const QString &text) {
                const QRegularExpressionMatch m = mnemonic.match(text);
                if (m.hasMatch())
                    seen.insert(m.captured(1).at(0).toLower(), text);
            };
            for (const QLabel *label : view.findChildren<QLabel *>()) {
                if (label->isVisibleTo(&view))
                    note(label->text());
            }
            for (const QAbstractButton *button : view.findChildren<QAbstractButton *>()) {
                if (button->isVisibleTo(&view))
                    note(button->text());
            }
            // The list pane's Library and Groups.
            for (int i = 0; i < view.viewSwitch()->count(); ++i)
                note(view.viewSwitch()->tabText(i));
            for (const QChar key : seen.uniqueKeys()) {
                if (seen.count(key) > 1)
                    clashes << QStringList(seen.values(key)).join(QLatin1String(" / "));
            }
        }
        view.editor()->load(QString());
        QVERIFY(view.runner().clearOwnProvider());
        desktop::Translations::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1String("; "))));
    }

    void aChatPromptHasMessages()
    {
        const QString id = editor()->currentId();
        auto *kind = editor()->findChild<QComboBox *>(QStringLiteral("kindCombo"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("chat")));
        gui::ChatMessagesEditor *chat = editor()->chatEditor();
        QTRY_VERIFY(chat->isVisible());
        QTest::mouseClick(chat->findChild<QPushButton *>(QStringLiteral("addMessageButton")), Qt::LeftButton);
        QTest::mouseClick(chat->findChild<QPushButton *>(QStringLiteral("addMessageButton")), Qt::LeftButton);
        QCOMPARE(chat->count(), 2);
        QTest::keyClicks(chat->textEdit(0), QStringLiteral("You review code."));
        QTest::keyClicks(chat->textEdit(1), QStringLiteral("{{diff}}"));
        QVERIFY(editor()->saveNow());
        QCOMPARE(stored(id, "kind"), QStringLiteral("chat"));
        const nlohmann::json messages = nlohmann::json::parse(stored(id, "messages").toStdString());
        QCOMPARE(messages.size(), size_t(2));
        QCOMPARE(shared::textOf(messages[0], "role"), QStringLiteral("system"));
        QCOMPARE(shared::textOf(messages[1], "role"), QStringLiteral("user"));
        QCOMPARE(shared::textOf(messages[1], "content"), QStringLiteral("{{diff}}"));
    }
};

QTEST_MAIN(TestPromptsView)
#include "tst_promptsview.moc"
