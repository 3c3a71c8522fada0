// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/widgets/articleeditor.h"
#include "desktop/articles/widgets/articlepreview.h"
#include "desktop/articles/widgets/articlesview.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/profile.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/bodyeditor.h"
#include "desktop/widgets/mainwindow.h"
#include "shared/synctable.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QWebEnginePage>
#include <QWebEngineScript>

using namespace quire;

// The body editor inside the whole window, under offscreen: the Format
// menu carries the editor's commands, shortcuts work in the guides' editor
// although the case studies' editor has the same ones, autosave happens
// when the focus leaves and at the latest two seconds into typing, and the
// preview follows the text and shows the site's name and the article's
// categories as the readers' page does.
class TestEditorWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<desktop::Workspace> m_workspace;
    std::unique_ptr<gui::MainWindow> m_window;
    QString m_id;
    QString m_unticked; // a category the article is not in

    gui::ArticleEditor *editor() const
    {
        return m_window->findChild<QWidget *>(QStringLiteral("guidesView"))->findChild<gui::ArticleEditor *>();
    }
    gui::RichTextEdit *rich() const { return editor()->bodyEditor()->richEdit(); }
    QString stored(const char *field) const
    {
        const auto row = m_workspace->content().get(desktop::ContentStore::articles(), m_id);
        return row && *row ? QString::fromStdString((**row).value(field, std::string())) : QString();
    }

    // What the page says, as the engine has it.
    QString previewText() const
    {
        QString text;
        editor()->preview()->page()->runJavaScript(QStringLiteral("document.body ? document.body.innerText : ''"),
                                                   QWebEngineScript::ApplicationWorld,
                                                   [&text](const QVariant &v) { text = v.toString(); });
        // Empty until the page has loaded; the caller waits for it.
        [[maybe_unused]] const bool answered = QTest::qWaitFor([&text] { return !text.isEmpty(); }, 10000);
        return text;
    }

    // The preview is a pane of its own beside the text, a real share of the
    // editor's width (once it was added to the splitter with none), and
    // shows the rendered page.
    void previewIsAPaneBesideTheText()
    {
        gui::ArticlePreview *preview = editor()->preview();
        QWidget *text = editor()->bodyEditor();
        QVERIFY(preview->isVisible());
        QTRY_VERIFY2(preview->width() >= text->width() / 2 && preview->height() >= text->height() / 2,
                     qPrintable(QStringLiteral("preview %1x%2 beside text %3x%4")
                                    .arg(preview->width())
                                    .arg(preview->height())
                                    .arg(text->width())
                                    .arg(text->height())));
        const QRect pane(preview->mapTo(m_window.get(), QPoint()), preview->size());
        const QRect body(text->mapTo(m_window.get(), QPoint()), text->size());
        QVERIFY(!pane.intersects(body));
        QVERIFY(m_window->rect().contains(pane));
        QTRY_VERIFY_WITH_TIMEOUT(previewText().contains(QLatin1String("First words.")), 10000);
        QVERIFY(previewText().contains(QLatin1String("Kettles")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        auto ws = desktop::Workspace::open(m_dir.filePath(QStringLiteral("profile")));
        QVERIFY(ws.ok());
        m_workspace = std::move(ws.value());
        const QString owner = QStringLiteral("0190f2a4-0000-7000-8000-000000000001");
        const shared::SyncTable &categories = *shared::SyncSchema::find(QStringLiteral("categories"));
        const auto electric = m_workspace->content().create(
            categories, { { "name", "Electric kettles" }, { "slug", "electric-kettles" } }, owner);
        const auto stovetop
            = m_workspace->content().create(categories, { { "name", "Stovetop" }, { "slug", "stovetop" } }, owner);
        QVERIFY(electric.ok() && stovetop.ok());
        m_unticked = *stovetop;
        // One category the replica knows, one it does not (not synced yet).
        const QString unknown = QStringLiteral("0190f2a4-0000-7000-8000-0000000000ff");
        const auto id = m_workspace->content().create(
            desktop::ContentStore::articles(),
            { { "title", "Kettles" },
              { "kind", "guide" },
              { "summary", "Which one to buy." },
              { "body", "First words.\n" },
              { "categories", shared::listText({ *electric, unknown }).toStdString() } },
            owner);
        QVERIFY(id.ok());
        m_id = *id;
        m_window = std::make_unique<gui::MainWindow>(*m_workspace);
        m_window->resize(1900, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        editor()->load(m_id);
        rich()->setFocus();
        rich()->moveCursor(QTextCursor::End);
    }

    void theFormatMenuHasTheEditorsCommands()
    {
        QMenu *format = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("formatMenu"));
        QVERIFY(format);
        QMetaObject::invokeMethod(format, "aboutToShow");
        QStringList names;
        for (const QAction *a : format->actions())
            names << a->objectName();
        for (const char *name : { "boldAction", "heading1Action", "linkAction", "tableAction", "findAction",
                                  "sourceViewAction", "previewAction" })
            QVERIFY2(names.contains(QLatin1String(name)), name);
        QVERIFY(std::any_of(format->actions().cbegin(), format->actions().cend(),
                            [](const QAction *a) { return a->isSeparator(); }));
    }

    void shortcutsReachTheEditorWithTheFocus()
    {
        QTest::keyClicks(rich(), QStringLiteral(" More"));
        QTest::keyClick(rich(), Qt::Key_Left, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(rich(), Qt::Key_B, Qt::ControlModifier);
        QCOMPARE(editor()->bodyEditor()->markdown(), QStringLiteral("First words. **More**\n"));
    }

    void leavingTheEditorSaves()
    {
        QVERIFY(editor()->hasUnsavedChanges());
        m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit"))->setFocus();
        QVERIFY(!editor()->hasUnsavedChanges()); // at once, not a second later
        QCOMPARE(stored("body"), QStringLiteral("First words. **More**\n"));
    }

    void continuousTypingIsSavedEveryTwoSeconds()
    {
        rich()->setFocus();
        rich()->moveCursor(QTextCursor::End);
        QElapsedTimer typing;
        typing.start();
        bool savedWhileTyping = false;
        while (typing.elapsed() < 3000) { // a key every 300 ms: the 1-second pause never comes
            QTest::keyClick(rich(), Qt::Key_A);
            QTest::qWait(300);
            savedWhileTyping = savedWhileTyping || stored("body").contains(QLatin1String("aaa"));
        }
        QVERIFY(savedWhileTyping);
    }

    void thePreviewFollowsTheText()
    {
        QAction *preview = editor()->bodyEditor()->previewAction();
        auto *button = qobject_cast<QToolButton *>(editor()->bodyEditor()->toolBar()->widgetForAction(preview));
        QVERIFY(!editor()->preview()); // not made before it is wanted
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(editor()->preview());
        QVERIFY(editor()->preview()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(editor()->preview()->renderedHtml().contains("<h1>Kettles</h1>"), 10000);
        previewIsAPaneBesideTheText();
        if (QTest::currentTestFailed())
            return;
        QVERIFY(editor()->preview()->renderedHtml().contains("Which one to buy."));
        // No server yet: the name a server's site has until it is given one.
        QVERIFY(editor()->preview()->renderedHtml().contains("<title>Kettles · Quire</title>"));
        rich()->setFocus();
        rich()->moveCursor(QTextCursor::End);
        QTest::keyClicks(rich(), QStringLiteral(" Zebra"));
        QTRY_VERIFY_WITH_TIMEOUT(editor()->preview()->renderedHtml().contains("Zebra"), 10000);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!editor()->preview()->isVisible());
    }

    void thePreviewNamesTheSiteAndTheCategories()
    {
        // A server that has not answered yet: its host name.
        m_workspace->profile().setServer(QUrl(QStringLiteral("https://guides.example.org")), QString());
        QAction *preview = editor()->bodyEditor()->previewAction();
        preview->setChecked(true);
        QVERIFY(editor()->preview()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(
            editor()->preview()->renderedHtml().contains("<title>Kettles · guides.example.org</title>"), 10000);
        // The categories by name from the replica; the one it does not know is left out, as the server does.
        QByteArray page = editor()->preview()->renderedHtml();
        QVERIFY(page.contains("href=\"/categories/electric-kettles\">Electric kettles</a>"));
        QVERIFY(!page.contains("0000000000ff"));
        QVERIFY(!page.contains("Stovetop"));

        // The server named its site (GET /health, kept in the profile) and the
        // writer ticks another category: the preview follows both.
        m_workspace->profile().setSiteName(QStringLiteral("The Kettle Club"));
        auto *tree = editor()->findChild<QTreeWidget *>(QStringLiteral("categoryTree"));
        QVERIFY(tree);
        const QList<QTreeWidgetItem *> items = tree->findItems(QStringLiteral("Stovetop"), Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first()->data(0, Qt::UserRole).toString(), m_unticked);
        items.first()->setCheckState(0, Qt::Checked);
        QTRY_VERIFY_WITH_TIMEOUT(
            editor()->preview()->renderedHtml().contains("href=\"/categories/stovetop\">Stovetop</a>"), 10000);
        page = editor()->preview()->renderedHtml();
        QVERIFY(page.contains("<title>Kettles · The Kettle Club</title>"));
        QVERIFY(page.contains("Electric kettles"));
        QVERIFY(!page.contains("guides.example.org"));
        preview->setChecked(false);
    }

    // Details and History are a side panel, hidden until the Details button
    // in the editor's action row is pressed; the choice is remembered with
    // the window's layout, and the text keeps the most of the width.
    void detailsAreASidePanelRemembered()
    {
        const QString profile = m_dir.filePath(QStringLiteral("details-profile"));
        {
            auto ws = desktop::Workspace::open(profile);
            QVERIFY(ws.ok());
            const auto id = (*ws)->content().create(
                desktop::ContentStore::articles(), { { "title", "Tea" }, { "kind", "guide" }, { "body", "Leaves.\n" } },
                QStringLiteral("0190f2a4-0000-7000-8000-000000000001"));
            QVERIFY(id.ok());
            gui::MainWindow window(**ws);
            window.resize(1280, 800);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *articles
                = window.findChild<QWidget *>(QStringLiteral("guidesView"))->findChild<gui::ArticleEditor *>();
            articles->load(*id);
            auto *side = articles->findChild<QWidget *>(QStringLiteral("articleSideTabs"));
            auto *details = articles->findChild<QPushButton *>(QStringLiteral("detailsButton"));
            QVERIFY(side && details && details->isVisible());
            QVERIFY(!side->isVisible());
            QVERIFY(!details->isChecked());
            QTest::mouseClick(details, Qt::LeftButton);
            QVERIFY(side->isVisible());
            QTRY_VERIFY(side->width() >= side->minimumSizeHint().width());
            QVERIFY(articles->bodyEditor()->width() > side->width());
            QVERIFY(window.rect().contains(QRect(side->mapTo(&window, QPoint()), side->size())));
            window.close();
        }
        // The next start: still open.
        auto ws = desktop::Workspace::open(profile);
        QVERIFY(ws.ok());
        gui::MainWindow window(**ws);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *articles = window.findChild<QWidget *>(QStringLiteral("guidesView"))->findChild<gui::ArticleEditor *>();
        auto *details = articles->findChild<QPushButton *>(QStringLiteral("detailsButton"));
        QVERIFY(details->isChecked());
        QVERIFY(articles->findChild<QWidget *>(QStringLiteral("articleSideTabs"))->isVisibleTo(articles));
        // Closed again, it stays closed on the start after.
        details->click();
        QVERIFY(!articles->findChild<QWidget *>(QStringLiteral("articleSideTabs"))->isVisibleTo(articles));
        gui::MainWindow third(**ws);
        QVERIFY(!third.findChild<QWidget *>(QStringLiteral("guidesView"))
                     ->findChild<QPushButton *>(QStringLiteral("detailsButton"))
                     ->isChecked());
    }

    // With no article open, the editor's place is an empty state with New
    // Guide, not a disabled form; opening an article shows the editor.
    void nothingOpenIsAnEmptyState()
    {
        gui::MainWindow window(*m_workspace);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QWidget *view = window.findChild<QWidget *>(QStringLiteral("guidesView"));
        auto *stack = view->findChild<QStackedWidget *>(QStringLiteral("editorStack"));
        auto *nothing = view->findChild<QWidget *>(QStringLiteral("nothingOpen"));
        QVERIFY(stack && nothing);
        QCOMPARE(stack->currentWidget(), nothing);
        QVERIFY(nothing->isVisible());
        QCOMPARE(nothing->findChild<QPushButton *>(QStringLiteral("placeholderAction"))->text(),
                 QStringLiteral("New Guide"));
        auto *articles = view->findChild<gui::ArticleEditor *>();
        articles->load(m_id);
        QCOMPARE(stack->currentWidget(), articles);
        QVERIFY(articles->bodyEditor()->isVisible());
        articles->load(QString());
        QCOMPARE(stack->currentWidget(), nothing);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_workspace.reset();
    }
};

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu");
    gui::ArticlePreview::registerScheme();
    QApplication app(argc, argv);
    TestEditorWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_editorwindow.moc"
