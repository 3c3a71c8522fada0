// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/core/articlelistmodel.h"
#include "desktop/articles/widgets/articleeditor.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/datetext.h"
#include "desktop/core/translations.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/bodyeditor.h"
#include "desktop/widgets/features.h"
#include "desktop/widgets/layoutmemory.h"
#include "desktop/widgets/mainwindow.h"
#include "shared/synctable.h"
#include "shared/timestamp.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSet>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleOptionComboBox>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace quire;

// The main window frame, driven with real clicks and keys under offscreen.
class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<desktop::Workspace> m_workspace;
    std::unique_ptr<gui::MainWindow> m_window;

    // A second profile with one guide, for the tests that need an article
    // open (the first one stays without articles for the empty states).
    std::unique_ptr<desktop::Workspace> m_articles;
    QString m_articleId;
    desktop::Workspace &articleWorkspace()
    {
        if (!m_articles) {
            auto ws = desktop::Workspace::open(m_dir.filePath(QStringLiteral("articles-profile")));
            m_articles = std::move(ws.value());
            m_articleId = *m_articles->content().create(
                desktop::ContentStore::articles(),
                { { "title", "Brewing good coffee" },
                  { "kind", "guide" },
                  { "body",
                    "Good coffee starts with fresh beans.\n\n| Method | Time |\n| --- | --- |\n| Pour over | "
                    "3 min |\n" } },
                QStringLiteral("0190f2a4-0000-7000-8000-000000000001"));
        }
        return *m_articles;
    }

    QListWidget *navigation() const { return m_window->findChild<QListWidget *>(QStringLiteral("navigation")); }
    QStackedWidget *pages() const { return m_window->findChild<QStackedWidget *>(QStringLiteral("pages")); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        auto ws = desktop::Workspace::open(m_dir.filePath(QStringLiteral("profile")));
        QVERIFY(ws.ok());
        m_workspace = std::move(ws.value());
        m_window = std::make_unique<gui::MainWindow>(*m_workspace);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void listsEverySection()
    {
        QListWidget *nav = navigation();
        QVERIFY(nav);
        QStringList names;
        for (int i = 0; i < nav->count(); ++i)
            names << nav->item(i)->text();
        // Sections not built yet are not listed (no "not built yet" pages).
        // Prompt groups live inside Prompts (its list pane's Groups view).
        QCOMPARE(names,
                 (QStringList { QStringLiteral("Guides"), QStringLiteral("Case studies"), QStringLiteral("Prompts"),
                                QStringLiteral("Posts"), QStringLiteral("Admin") }));
        QCOMPARE(m_window->currentSection(), QStringLiteral("guides"));
    }

    // The navigation is the feature list looped over: every feature's
    // sections, in list order, each with the page it makes.
    void sectionsComeFromTheFeatureList()
    {
        QStringList ids;
        QStringList titles;
        for (const gui::DesktopFeature &feature : gui::desktopFeatures()) {
            const QList<gui::FeatureSection> sections = feature.sections(*m_workspace);
            QVERIFY2(!sections.isEmpty(), feature.name);
            for (const gui::FeatureSection &section : sections) {
                ids << section.id;
                titles << section.title;
            }
        }
        QCOMPARE(m_window->sectionIds(), ids);
        QListWidget *nav = navigation();
        QCOMPARE(nav->count(), int(titles.size()));
        QCOMPARE(pages()->count(), int(titles.size()));
        for (int row = 0; row < nav->count(); ++row) {
            QCOMPARE(nav->item(row)->text(), titles[row]);
            QCOMPARE(pages()->widget(row)->property("sectionId").toString(), ids[row]);
        }
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size()); // ids are unique
        for (const QString &id : std::as_const(ids)) {
            m_window->showSection(id);
            QCOMPARE(m_window->currentSection(), id);
        }
        m_window->showSection(QStringLiteral("guides"));
    }

    void clickingASectionShowsIt()
    {
        QListWidget *nav = navigation();
        for (int row = nav->count() - 1; row >= 0; --row) {
            const QRect rect = nav->visualItemRect(nav->item(row));
            QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, rect.center());
            QCOMPARE(pages()->currentIndex(), row);
            const QString id = m_window->sectionIds().value(row);
            if (id == QLatin1String("admin")) {
                // Built: without an admin signed in it says what is needed.
                auto *notice = pages()->currentWidget()->findChild<QLabel *>(QStringLiteral("adminNotice"));
                QVERIFY(notice && notice->isVisible());
                QVERIFY(notice->text().contains(QStringLiteral("Sign in as an administrator")));
                continue;
            }
            if (id == QLatin1String("guides") || id == QLatin1String("case-studies")) {
                // Built: the article list with its search and the editor.
                QVERIFY(pages()->currentWidget()->findChild<QLineEdit *>(QStringLiteral("searchEdit")));
                QVERIFY(pages()->currentWidget()->findChild<QWidget *>(QStringLiteral("articleEditor")));
                continue;
            }
            if (id == QLatin1String("prompts")) {
                // Built: the prompt library with its search and the editor.
                QVERIFY(pages()->currentWidget()->findChild<QLineEdit *>(QStringLiteral("searchEdit")));
                QVERIFY(pages()->currentWidget()->findChild<QWidget *>(QStringLiteral("promptEditor")));
                // Its Groups view: with no groups yet it names the next step.
                auto *views = pages()->currentWidget()->findChild<QTabBar *>(QStringLiteral("viewSwitch"));
                QVERIFY(views);
                QCOMPARE(views->count(), 2);
                views->setCurrentIndex(1);
                auto *empty = pages()->currentWidget()->findChild<QLabel *>(QStringLiteral("noGroups"));
                QVERIFY(empty && empty->isVisible());
                QVERIFY(empty->text().contains(QStringLiteral("New Group")));
                views->setCurrentIndex(0);
                continue;
            }
            if (id == QLatin1String("posts")) {
                // Built: the queue with its filters and, with no client yet,
                // the next step named.
                QVERIFY(pages()->currentWidget()->findChild<QWidget *>(QStringLiteral("postTable")));
                QVERIFY(pages()->currentWidget()->findChild<QWidget *>(QStringLiteral("clientFilter")));
                auto *stack = pages()->currentWidget()->findChild<QStackedWidget *>(QStringLiteral("listStack"));
                QVERIFY(stack);
                QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("noClientsState"));
                continue;
            }
            // Sections not built yet say so rather than showing an empty list.
            auto *text = pages()->currentWidget()->findChild<QLabel *>(QStringLiteral("placeholderText"));
            QVERIFY(text);
            QVERIFY2(text->text().contains(QStringLiteral("not built yet")), qPrintable(text->text()));
            auto *title = pages()->currentWidget()->findChild<QLabel *>(QStringLiteral("placeholderTitle"));
            QCOMPARE(title->text(), nav->item(row)->text());
        }
    }

    void keyboardMovesBetweenSections()
    {
        m_window->showSection(QStringLiteral("guides"));
        navigation()->setFocus();
        QTest::keyClick(navigation(), Qt::Key_Down);
        QCOMPARE(m_window->currentSection(), QStringLiteral("case-studies"));
        QTest::keyClick(navigation(), Qt::Key_End);
        QCOMPARE(m_window->currentSection(), QStringLiteral("admin"));
    }

    // A label that promises a keyboard shortcut (Alt + its underlined
    // letter) must lead somewhere, or the "&" shows as a character.
    void everyMnemonicLabelHasABuddy()
    {
        static const QRegularExpression mnemonic(QStringLiteral("(?:^|[^&])&[^&\\s]"));
        QStringList lonely;
        for (const QString &id : m_window->sectionIds()) {
            m_window->showSection(id);
            for (const QLabel *label : m_window->findChildren<QLabel *>()) {
                if (label->text().contains(mnemonic) && !label->buddy() && label->textFormat() != Qt::RichText)
                    lonely << label->text();
            }
        }
        m_window->showSection(QStringLiteral("guides"));
        lonely.removeDuplicates();
        QVERIFY2(lonely.isEmpty(), qPrintable(lonely.join(QLatin1String(", "))));
    }

    // Alt plus a letter goes to one place: no two visible labels or buttons
    // of a section share their mnemonic (Qt would cycle between them), in
    // English and German.
    void mnemonicsAreUniqueInEachSection_data() { sectionNamesShowWhole_data(); }
    void mnemonicsAreUniqueInEachSection()
    {
        QFETCH(QLocale, locale);
        desktop::Translations::install(*qApp, locale);
        gui::MainWindow window(*m_workspace);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        static const QRegularExpression mnemonic(QStringLiteral("(?:^|[^&])&([^&\\s])"));
        QStringList clashes;
        for (const QString &id : window.sectionIds()) {
            window.showSection(id);
            QMultiHash<QChar, QString> seen;
            const auto note = [&](const QString &text) {
                const QRegularExpressionMatch m = mnemonic.match(text);
                if (m.hasMatch())
                    seen.insert(m.captured(1).at(0).toLower(), text);
            };
            for (const QLabel *label : window.findChildren<QLabel *>()) {
                if (label->isVisibleTo(&window) && label->textFormat() != Qt::RichText)
                    note(label->text());
            }
            for (const QAbstractButton *button : window.findChildren<QAbstractButton *>()) {
                if (button->isVisibleTo(&window))
                    note(button->text());
            }
            for (const QChar key : seen.uniqueKeys()) {
                if (seen.count(key) > 1)
                    clashes << id + QStringLiteral(": ") + QStringList(seen.values(key)).join(QLatin1String(" / "));
            }
        }
        desktop::Translations::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1String("; "))));
    }

    void statusBarShowsConnectionState()
    {
        auto *indicator = m_window->statusBar()->findChild<QLabel *>(QStringLiteral("connectionIndicator"));
        QVERIFY(indicator);
        QVERIFY2(indicator->text().contains(QStringLiteral("No server")), qPrintable(indicator->text()));
        QVERIFY(!indicator->toolTip().isEmpty());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Quire"));
    }

    void speaksGermanForAGermanLocale()
    {
        QVERIFY(desktop::Translations::install(*qApp, QLocale(QLocale::German, QLocale::Germany)));
        gui::MainWindow german(*m_workspace);
        auto *nav = german.findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(nav->item(0)->text(), QStringLiteral("Anleitungen"));
        QCOMPARE(nav->item(1)->text(), QStringLiteral("Fallstudien"));
        auto *indicator = german.statusBar()->findChild<QLabel *>(QStringLiteral("connectionIndicator"));
        QVERIFY2(indicator->text().contains(QStringLiteral("Kein Server")), qPrintable(indicator->text()));
    }

    // The article list's filter boxes show their whole text ("Any category",
    // not "Any cate"; "Jede Kategorie", not "Jede Kat") in a 1280 pixel wide
    // window, in English and in German.
    // However narrow the window is made, in English and German, every
    // section's name shows whole beside the article list's filters.
    void sectionNamesShowWhole_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany);
    }
    void sectionNamesShowWhole()
    {
        QFETCH(QLocale, locale);
        desktop::Translations::install(*qApp, locale);
        gui::MainWindow window(*m_workspace);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(200, 600); // as narrow as its parts allow
        QTRY_VERIFY(window.width() < 1100);
        auto *list = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(list);
        for (int i = 0; i < list->count(); ++i) {
            const QListWidgetItem *item = list->item(i);
            const int needed = list->fontMetrics().horizontalAdvance(item->text());
            const int shown = list->viewport()->width() - 2 * list->spacing();
            QVERIFY2(shown >= needed,
                     qPrintable(QStringLiteral("\"%1\" needs %2 px, has %3").arg(item->text()).arg(needed).arg(shown)));
        }
        desktop::Translations::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void filtersShowTheirWholeText_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("anyCategory");
        QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates) << QStringLiteral("Any category");
        QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany) << QStringLiteral("Jede Kategorie");
    }

    void filtersShowTheirWholeText()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, anyCategory);
        const shared::SyncTable &categories = *shared::SyncSchema::find(QStringLiteral("categories"));
        if (m_workspace->content().list(categories, { QStringLiteral("name") })->empty()) {
            // A category a user named, longer than the "Any category" label.
            QVERIFY(m_workspace->content()
                        .create(categories, { { "name", "Electric kettles and teapots" }, { "slug", "kettles" } },
                                QStringLiteral("0190f2a4-0000-7000-8000-000000000001"))
                        .ok());
        }
        desktop::Translations::install(*qApp, locale);
        gui::MainWindow window(*m_workspace);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QWidget *view = window.findChild<QWidget *>(QStringLiteral("guidesView"));
        QVERIFY(view);
        // The filters are behind the Filters button beside the search.
        auto *filters = view->findChild<QToolButton *>(QStringLiteral("filtersButton"));
        QVERIFY(filters && filters->isVisible());
        QWidget *panel = view->findChild<QWidget *>(QStringLiteral("filterPanel"));
        QVERIFY(!panel->isVisible());
        QTest::mouseClick(filters, Qt::LeftButton);
        QVERIFY(panel->isVisible());
        QApplication::processEvents(); // the panel's layout
        for (const char *name : { "statusFilter", "categoryFilter", "tagFilter", "authorFilter", "sortOrder" }) {
            auto *box = view->findChild<QComboBox *>(QLatin1String(name));
            QVERIFY2(box, name);
            if (box->objectName() == QLatin1String("categoryFilter")) {
                QCOMPARE(box->itemText(0), anyCategory);
                QCOMPARE(box->count(), 2);
            }
            QStyleOptionComboBox option;
            option.initFrom(box);
            const QRect field
                = box->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, box);
            for (int i = 0; i < box->count(); ++i) {
                const int needed = box->fontMetrics().horizontalAdvance(box->itemText(i));
                QVERIFY2(field.width() >= needed,
                         qPrintable(QStringLiteral("%1: \"%2\" needs %3 px, has %4")
                                        .arg(box->objectName(), box->itemText(i))
                                        .arg(needed)
                                        .arg(field.width())));
            }
            // Inside the list's pane, not cut off at its edge.
            QVERIFY2(panel->rect().contains(QRect(box->mapTo(panel, QPoint()), box->size())), name);
        }
        QTest::mouseClick(filters, Qt::LeftButton);
        QVERIFY(!panel->isVisible());
        desktop::Translations::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    }

    // The editor's commands people look for first sit on its toolbar, not
    // in the toolbar's overflow menu: in a 1280 pixel wide window and in
    // the narrowest the window can be made, in English and German.
    void editorCommandsFit_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<int>("width");
        for (const QLocale &locale :
             { QLocale(QLocale::English, QLocale::UnitedStates), QLocale(QLocale::German, QLocale::Germany) }) {
            const QByteArray name = locale.name().left(2).toLatin1();
            QTest::newRow(name + " 1280") << locale << 1280;
            QTest::newRow(name + " narrowest") << locale << 200;
        }
    }
    void editorCommandsFit()
    {
        QFETCH(QLocale, locale);
        QFETCH(int, width);
        desktop::Translations::install(*qApp, locale);
        desktop::Workspace &workspace = articleWorkspace();
        gui::MainWindow window(workspace);
        window.resize(width, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.width() <= 1280);
        QWidget *view = window.findChild<QWidget *>(QStringLiteral("guidesView"));
        QVERIFY(view);
        // The editor with an article open (with none, an empty state is in its place).
        view->findChild<gui::ArticleEditor *>()->load(m_articleId);
        auto *editor = view->findChild<gui::BodyEditor *>();
        QVERIFY(editor);
        gui::CommandStrip *bar = editor->toolBar();
        QVERIFY(bar->isVisible());
        using Id = gui::FormatActions::Id;
        for (Id id : { Id::Link, Id::Image, Id::Table, Id::Find, Id::Replace, Id::RichView, Id::SourceView,
                       Id::SideBySideView, Id::Preview }) {
            QAction *action = editor->action(id);
            QWidget *button = bar->widgetForAction(action);
            QVERIFY2(button && button->isVisible(), qPrintable(action->objectName()));
            // Whole, inside the strip and the window (nothing cut off at the edge).
            QVERIFY2(bar->rect().contains(QRect(button->mapTo(bar, QPoint(0, 0)), button->size())),
                     qPrintable(action->objectName()));
            QVERIFY2(window.rect().contains(QRect(button->mapTo(&window, QPoint(0, 0)), button->size())),
                     qPrintable(action->objectName()));
        }
        desktop::Translations::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    }

    // At 1280x800, in English and German, the text has the room: with the
    // list shown and Details hidden the rich view is at least 600 px wide,
    // the toolbar takes at most two rows with every command on it, the
    // table's commands only while the cursor is in a table, and the list's
    // date on one line. View > Show List (Ctrl+Shift+L) gives the text the list's room too.
    void theTextGetsTheRoom_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany);
    }
    void theTextGetsTheRoom()
    {
        QFETCH(QLocale, locale);
        desktop::Translations::install(*qApp, locale);
        gui::MainWindow window(articleWorkspace());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QWidget *view = window.findChild<QWidget *>(QStringLiteral("guidesView"));
        auto *table = view->findChild<QTableView *>(QStringLiteral("articleTable"));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(table->model()->index(0, 0)).center());
        auto *editor = view->findChild<gui::BodyEditor *>();
        QTRY_VERIFY(editor->isVisible());
        QWidget *list = view->findChild<QWidget *>(QStringLiteral("listPane"));
        QVERIFY(list->isVisible());
        QVERIFY(!view->findChild<QWidget *>(QStringLiteral("articleSideTabs"))->isVisible());
        QTRY_VERIFY2(editor->richEdit()->width() >= 600, qPrintable(QString::number(editor->richEdit()->width())));

        gui::CommandStrip *bar = editor->toolBar();
        const auto rows = [bar] {
            QSet<int> tops;
            for (const QToolButton *button : bar->findChildren<QToolButton *>()) {
                if (button->isVisible())
                    tops.insert(button->mapTo(bar, QPoint()).y());
            }
            return tops.size();
        };
        QVERIFY2(rows() <= 2, qPrintable(QString::number(rows())));
        using Id = gui::FormatActions::Id;
        const QList<Id> tableCommands { Id::AddRow, Id::RemoveRow, Id::AddColumn, Id::RemoveColumn };
        for (int id = 0; id < Id::Count; ++id) {
            QAction *action = editor->action(Id(id));
            if (id == Id::PastePlainText) // the menu's and Ctrl+Shift+V's
                continue;
            QWidget *button = bar->widgetForAction(action);
            QVERIFY2(button, qPrintable(action->objectName()));
            QCOMPARE(button->isVisible(), !tableCommands.contains(Id(id)));
        }
        // The view modes are one control that says which one is on.
        QCOMPARE(bar->widgetForAction(editor->action(Id::SourceView)),
                 bar->widgetForAction(editor->action(Id::RichView)));
        // In the table: its commands join the toolbar, still two rows at most.
        editor->richEdit()->setTextCursor(editor->richEdit()->document()->find(QStringLiteral("Pour over")));
        for (Id id : tableCommands)
            QTRY_VERIFY2(bar->widgetForAction(editor->action(id))->isVisible(), qPrintable(QString::number(id)));
        QTRY_VERIFY2(rows() <= 2, qPrintable(QString::number(rows())));

        // The date of the change on one line, the date in full in its tooltip.
        const QModelIndex changed = table->model()->index(0, desktop::ArticleListModel::Updated);
        const QString date = changed.data().toString();
        QVERIFY(!date.isEmpty());
        QVERIFY2(table->columnWidth(changed.column()) >= table->fontMetrics().horizontalAdvance(date),
                 qPrintable(date));
        QVERIFY(changed.data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(desktop::DateText::full(QDateTime::currentDateTime()).left(8)));

        // Hiding the list (the View menu's toggle, a shortcut) gives its room to the text.
        const int withList = editor->richEdit()->width();
        auto *showList = window.findChild<QAction *>(QStringLiteral("showListAction"));
        QVERIFY(showList && showList->isChecked());
        QCOMPARE(showList->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
        showList->trigger();
        QVERIFY(!list->isVisible());
        QTRY_VERIFY(editor->richEdit()->width() > withList + 200);
        showList->trigger();
        QVERIFY(list->isVisible());
        desktop::Translations::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    }

    // The first start (nothing remembered yet) sizes the window to the
    // screen, not to a fixed 1100x720.
    void theFirstStartFillsTheScreen()
    {
        auto ws = desktop::Workspace::open(m_dir.filePath(QStringLiteral("first-start-profile")));
        QVERIFY(ws.ok());
        gui::MainWindow window(**ws);
        const QRect available = window.screen()->availableGeometry();
        QCOMPARE(window.size(), QSize(available.width() * 9 / 10, available.height() * 9 / 10));
        QVERIFY(available.contains(window.geometry()));
    }

    // Qt's own strings (standard buttons) come from Qt's German catalogue,
    // loaded beside Quire's (Debian's qt6-translations-l10n).
    void qtsOwnButtonsSpeakGerman()
    {
        desktop::Translations::install(*qApp, QLocale(QLocale::German, QLocale::Germany));
        QDialogButtonBox buttons(QDialogButtonBox::Close | QDialogButtonBox::Cancel | QDialogButtonBox::Ok);
        QCOMPARE(buttons.button(QDialogButtonBox::Close)->text(), QStringLiteral("Schließen"));
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
        QCOMPARE(buttons.button(QDialogButtonBox::Ok)->text(), QStringLiteral("OK"));
        // Back to English: nothing German is left behind.
        desktop::Translations::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
        QDialogButtonBox english(QDialogButtonBox::Close);
        QCOMPARE(english.button(QDialogButtonBox::Close)->text(), QStringLiteral("Close"));
    }

    // Where there is room (the history), a date is written in full, in the
    // user's language: weekday, day, month's name, year, then the time.
    void datesInFull_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates)
                            << QStringLiteral("Wednesday, March 12, 2025, 2:03 PM");
        QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany)
                            << QStringLiteral("Mittwoch, 12. März 2025, 14:03");
    }
    void datesInFull()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, expected);
        desktop::Translations::install(*qApp, locale);
        const QLocale before;
        QLocale::setDefault(locale); // as the system's locale is in the app
        const QDateTime at(QDate(2025, 3, 12), QTime(14, 3));
        QCOMPARE(desktop::DateText::full(at), expected);
        QCOMPARE(desktop::DateText::full(quire::shared::Timestamp::format(at)), expected);
        QLocale::setDefault(before);
        desktop::Translations::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    }

    // Before the first article, the list is an empty state with the next
    // step; its button makes the article, and the list takes its place.
    void emptyListOffersTheFirstArticle()
    {
        auto *view = m_window->findChild<QWidget *>(QStringLiteral("guidesView"));
        QVERIFY(view);
        auto *stack = view->findChild<QStackedWidget *>(QStringLiteral("listStack"));
        QVERIFY(stack);
        auto *empty = view->findChild<QWidget *>(QStringLiteral("emptyState"));
        QCOMPARE(stack->currentWidget(), empty);
        QCOMPARE(empty->findChild<QLabel *>(QStringLiteral("placeholderTitle"))->text(),
                 QStringLiteral("No guides yet"));
        auto *action = empty->findChild<QPushButton *>(QStringLiteral("placeholderAction"));
        QCOMPARE(action->text(), QStringLiteral("New Guide"));
        // A search that finds nothing is not "nothing yet".
        auto *search = view->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        QTest::keyClicks(search, QStringLiteral("zzz"));
        QTRY_COMPARE(stack->currentWidget()->objectName(), QStringLiteral("articleTable"));
        search->clear();
        QTRY_COMPARE(stack->currentWidget(), empty);
    }

    // The window's size and the splitters' layout come back on the next
    // start (a new Workspace on the same profile), per section.
    void layoutSurvivesARestart()
    {
        const QString profile = m_dir.filePath(QStringLiteral("layout-profile"));
        const auto splitter = [](const QWidget &window, const QString &key) {
            for (QSplitter *s : window.findChildren<QSplitter *>()) {
                if (gui::LayoutMemory::splitterKey(*s) == key)
                    return s;
            }
            return static_cast<QSplitter *>(nullptr);
        };
        const QString mainKey = QStringLiteral("mainWindow.mainSplitter");
        QList<int> mainSizes;
        QList<int> listSizes;
        QString listKey;
        {
            auto ws = desktop::Workspace::open(profile);
            QVERIFY(ws.ok());
            gui::MainWindow window(**ws);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(1000, 650);
            QTRY_COMPARE(window.size(), QSize(1000, 650));
            QSplitter *main = splitter(window, mainKey);
            QVERIFY(main);
            main->setSizes({ main->sizes()[0] + 40, main->sizes()[1] - 40 });
            mainSizes = main->sizes();
            // The first section's list beside its editor.
            for (QSplitter *s : window.findChildren<QSplitter *>()) {
                if (s->objectName() == QLatin1String("listSplitter")) {
                    listKey = gui::LayoutMemory::splitterKey(*s);
                    s->setSizes({ 250, s->sizes()[0] + s->sizes()[1] - 250 });
                    listSizes = s->sizes();
                    break;
                }
            }
            QVERIFY(!listKey.isEmpty());
            window.close();
        }
        auto ws = desktop::Workspace::open(profile);
        QVERIFY(ws.ok());
        gui::MainWindow window(**ws);
        QCOMPARE(window.size(), QSize(1000, 650));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), QSize(1000, 650));
        QCOMPARE(splitter(window, mainKey)->sizes(), mainSizes);
        QVERIFY(splitter(window, listKey));
        QCOMPARE(splitter(window, listKey)->sizes(), listSizes);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
