// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/placeholderview.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::gui {

PlaceholderView::PlaceholderView(const QString &title, const QString &explanation, QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    QVBoxLayout *layout = m_layout;
    layout->addStretch();
    auto *heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("placeholderTitle"));
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    heading->setFont(font);
    heading->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(explanation, this);
    text->setObjectName(QStringLiteral("placeholderText"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    layout->addWidget(heading);
    layout->addWidget(text);
    layout->addStretch();
}

QPushButton *PlaceholderView::setAction(const QString &text)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(QStringLiteral("placeholderAction"));
    m_layout->insertWidget(m_layout->count() - 1, button, 0, Qt::AlignHCenter);
    return button;
}

} // namespace quire::gui
