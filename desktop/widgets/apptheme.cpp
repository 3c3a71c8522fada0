// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/apptheme.h"

#include "desktop/widgets/tr.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

namespace quire::gui {

namespace {

// The style the app starts with (the system's); Light and Dark use Fusion,
// whose drawing follows the palette everywhere.
QString &systemStyleName()
{
    static QString name;
    return name;
}

void useStyle(const QString &name)
{
    if (QApplication::style()->name().compare(name, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(name));
}

} // namespace

QPalette AppTheme::darkPalette()
{
    // Close to the dark themes of Breeze and Adwaita; links and the
    // highlight stay readable on the dark ground.
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb7, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xff));
    for (QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

QPalette AppTheme::lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = fusion->standardPalette();
    // Fusion's bright text is white: problem labels set in it vanished on
    // the light ground. A dark red reads there, as the dark palette's does.
    p.setColor(QPalette::BrightText, QColor(0xb0, 0x00, 0x20));
    return p;
}

bool AppTheme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

void AppTheme::apply(desktop::ThemePreference theme)
{
    if (systemStyleName().isEmpty())
        systemStyleName() = QApplication::style()->name();
    switch (theme) {
    case desktop::ThemePreference::System:
        useStyle(systemStyleName());
        QApplication::setPalette(QPalette()); // nothing set: the system's
        break;
    case desktop::ThemePreference::Light:
        useStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(lightPalette());
        break;
    case desktop::ThemePreference::Dark:
        useStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        break;
    }
}

QMenu *AppTheme::addMenu(QMenuBar &bar, desktop::Profile &profile)
{
    QMenu *view = bar.addMenu(Tr::tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QMenu *menu = view->addMenu(Tr::tr("&Theme"));
    menu->setObjectName(QStringLiteral("themeMenu"));
    auto *group = new QActionGroup(menu);
    const std::pair<desktop::ThemePreference, QString> choices[]
        = { { desktop::ThemePreference::System, Tr::tr("&System") },
            { desktop::ThemePreference::Light, Tr::tr("&Light") },
            { desktop::ThemePreference::Dark, Tr::tr("&Dark") } };
    const QString names[] = { QStringLiteral("themeSystemAction"), QStringLiteral("themeLightAction"),
                              QStringLiteral("themeDarkAction") };
    for (const auto &[theme, text] : choices) {
        QAction *a = menu->addAction(text);
        a->setObjectName(names[int(theme)]);
        a->setCheckable(true);
        a->setChecked(profile.theme() == theme);
        group->addAction(a);
        QObject::connect(a, &QAction::triggered, menu, [&profile, choice = theme] {
            profile.setTheme(choice);
            apply(choice);
        });
    }
    return menu;
}

} // namespace quire::gui
