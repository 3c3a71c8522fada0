// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/commandstrip.h"

#include "desktop/widgets/flowlayout.h"

#include <QAction>
#include <QFrame>
#include <QMenu>
#include <QToolButton>

namespace quire::gui {

CommandStrip::CommandStrip(QWidget *parent)
    : QWidget(parent)
    , m_layout(new FlowLayout(this))
    , m_iconSize(18, 18)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void CommandStrip::addCommand(QAction *action)
{
    auto *button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    button->setIconSize(m_iconSize);
    // Icons where the theme has them, else the short label (QToolButton
    // shows the icon text when there is no icon).
    button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    button->setFocusPolicy(Qt::NoFocus); // the keys stay in the text
    m_layout->addWidget(button);
    m_buttons.insert(action, button);
    QWidget::addAction(action);
}

void CommandStrip::addChoice(const QList<QAction *> &actions)
{
    auto *button = new QToolButton(this);
    auto *menu = new QMenu(button);
    menu->addActions(actions);
    button->setMenu(menu);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setFocusPolicy(Qt::NoFocus);
    // The label says which one is on; the tooltip names them all with their keys.
    QStringList tips;
    for (QAction *action : actions)
        tips << action->toolTip();
    button->setToolTip(tips.join(QLatin1Char('\n')));
    const auto showChecked = [button, actions] {
        for (QAction *action : actions) {
            if (action->isChecked())
                button->setText(action->iconText());
        }
    };
    for (QAction *action : actions) {
        connect(action, &QAction::toggled, button, showChecked);
        m_buttons.insert(action, button);
        QWidget::addAction(action);
    }
    showChecked();
    m_layout->addWidget(button);
}

void CommandStrip::showOnlyWhenEnabled(QAction *action)
{
    QToolButton *button = m_buttons.value(action);
    if (!button)
        return;
    button->setVisible(action->isEnabled());
    connect(action, &QAction::enabledChanged, button, &QWidget::setVisible);
}

void CommandStrip::addSeparator()
{
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    line->setFixedWidth(7);
    FlowLayout::markSeparator(line);
    m_layout->addWidget(line);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    QWidget::addAction(separator);
}

void CommandStrip::setIconSize(const QSize &size)
{
    m_iconSize = size;
    for (QToolButton *button : std::as_const(m_buttons))
        button->setIconSize(size);
}

} // namespace quire::gui
