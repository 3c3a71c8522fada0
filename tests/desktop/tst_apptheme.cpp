// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/profile.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/apptheme.h"
#include "desktop/widgets/bodyeditor.h"
#include "desktop/widgets/mainwindow.h"

#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using desktop::ThemePreference;

Q_DECLARE_METATYPE(quire::desktop::ThemePreference)

// The app-wide light and dark look: the profile remembers the choice, the
// View menu changes it at once, and every widget (the editor too) follows
// the one palette; System gives back the system's own.
class TestAppTheme : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QPalette m_system;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_system = QApplication::palette();
    }

    void profileRemembersTheTheme()
    {
        const QString dir = m_dir.filePath(QStringLiteral("remember"));
        {
            auto profile = desktop::Profile::open(dir);
            QVERIFY(profile.ok());
            QCOMPARE((*profile)->theme(), ThemePreference::System); // until chosen
            (*profile)->setTheme(ThemePreference::Dark);
        }
        auto again = desktop::Profile::open(dir);
        QVERIFY(again.ok());
        QCOMPARE((*again)->theme(), ThemePreference::Dark);
        (*again)->settings().setValue(QStringLiteral("appearance/theme"), QStringLiteral("sepia"));
        QCOMPARE((*again)->theme(), ThemePreference::System); // a word it does not know
    }

    void everyWidgetFollows_data()
    {
        QTest::addColumn<ThemePreference>("theme");
        QTest::addColumn<bool>("dark");
        QTest::newRow("dark") << ThemePreference::Dark << true;
        QTest::newRow("light") << ThemePreference::Light << false;
    }

    void everyWidgetFollows()
    {
        QFETCH(ThemePreference, theme);
        QFETCH(bool, dark);
        QWidget window;
        auto *editor = new gui::BodyEditor(&window);
        auto *line = new QLineEdit(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        gui::AppTheme::apply(theme);
        QCOMPARE(gui::AppTheme::isDark(QApplication::palette()), dark);
        for (QWidget *w : { static_cast<QWidget *>(editor->richEdit()), static_cast<QWidget *>(editor->sourceEdit()),
                            static_cast<QWidget *>(line), static_cast<QWidget *>(&window) }) {
            QTRY_COMPARE(gui::AppTheme::isDark(w->palette()), dark); // the change reaches widgets as an event
            QCOMPARE(w->palette().color(QPalette::Base), QApplication::palette().color(QPalette::Base));
        }
        // The text the editor shows is light on dark, or dark on light.
        const QPalette p = editor->richEdit()->palette();
        QCOMPARE(p.color(QPalette::Base).lightness() < p.color(QPalette::Text).lightness(), dark);

        gui::AppTheme::apply(ThemePreference::System);
        QCOMPARE(QApplication::palette(), m_system);
        QTRY_COMPARE(editor->richEdit()->palette().color(QPalette::Base), m_system.color(QPalette::Base));
    }

    void viewMenuChangesAndRemembers()
    {
        const QString dir = m_dir.filePath(QStringLiteral("menu"));
        {
            auto ws = desktop::Workspace::open(dir);
            QVERIFY(ws.ok());
            gui::MainWindow window(**ws);
            auto *dark = window.findChild<QAction *>(QStringLiteral("themeDarkAction"));
            auto *system = window.findChild<QAction *>(QStringLiteral("themeSystemAction"));
            QVERIFY(dark && system);
            QVERIFY(system->isChecked());
            auto *menu = window.menuBar()->findChild<QMenu *>(QStringLiteral("themeMenu"));
            QVERIFY(menu && menu->actions().contains(dark));
            dark->trigger();
            QVERIFY(gui::AppTheme::isDark(QApplication::palette()));
            QTRY_VERIFY(gui::AppTheme::isDark(window.palette()));
        }
        // Another start of the app on the profile.
        auto ws = desktop::Workspace::open(dir);
        QVERIFY(ws.ok());
        QCOMPARE((*ws)->profile().theme(), ThemePreference::Dark);
        gui::MainWindow window(**ws);
        QVERIFY(window.findChild<QAction *>(QStringLiteral("themeDarkAction"))->isChecked());
        window.findChild<QAction *>(QStringLiteral("themeSystemAction"))->trigger();
        QCOMPARE((*ws)->profile().theme(), ThemePreference::System);
        QCOMPARE(QApplication::palette(), m_system);
    }
};

QTEST_MAIN(TestAppTheme)
#include "tst_apptheme.moc"
