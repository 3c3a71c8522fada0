// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/flowlayout.h"

#include <QWidget>

#include <numeric>

namespace quire::gui {

namespace {
constexpr char kSeparator[] = "flowSeparator";
// A short line of text, in characters: the narrowest the layout asks for.
constexpr int kShortLine = 24;
} // namespace

FlowLayout::FlowLayout(QWidget *parent)
    : QLayout(parent)
{
    setContentsMargins(0, 0, 0, 0);
    setSpacing(2);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::markSeparator(QWidget *widget)
{
    widget->setProperty(kSeparator, true);
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    return m_items.takeAt(index);
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // The widest group, so that groups stay whole on lines of their own,
    // but no wider than a short line of text: in a narrow window the window
    // stays narrow and the widest groups break instead.
    QSize size;
    int group = 0;
    for (const QLayoutItem *item : m_items) {
        const bool separator = item->widget() && item->widget()->property(kSeparator).toBool();
        group = separator ? 0 : group + (item->isEmpty() ? 0 : item->sizeHint().width() + spacing());
        size = size.expandedTo(QSize(group, item->minimumSize().height()));
    }
    if (const QWidget *parent = parentWidget()) {
        const int widestItem = std::accumulate(m_items.begin(), m_items.end(), 0, [](int w, const QLayoutItem *item) {
            return std::max(w, item->minimumSize().width());
        });
        size.setWidth(
            std::max(widestItem, std::min(size.width(), parent->fontMetrics().averageCharWidth() * kShortLine)));
    }
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Everything on one line.
    int width = 0;
    int height = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        width += item->sizeHint().width() + spacing();
        height = std::max(height, item->sizeHint().height());
    }
    const QMargins m = contentsMargins();
    return QSize(width + m.left() + m.right(), height + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    int x = area.x();
    int y = area.y();
    int lineHeight = 0;
    const auto isSeparator
        = [](const QLayoutItem *item) { return item->widget() && item->widget()->property(kSeparator).toBool(); };
    // The width of the group that starts after item `i`, up to the next separator.
    const auto groupWidth = [&](qsizetype i) {
        int width = 0;
        for (++i; i < m_items.size() && !isSeparator(m_items[i]); ++i) {
            if (!m_items[i]->isEmpty())
                width += m_items[i]->sizeHint().width() + spacing();
        }
        return width;
    };
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        QLayoutItem *item = m_items[i];
        QWidget *widget = item->widget();
        const bool separator = isSeparator(item);
        if (widget && widget->isHidden() && !separator)
            continue;
        const QSize size = item->sizeHint();
        const bool lineStart = x == area.x();
        // A group that would not fit in the rest of the line starts the next
        // one whole (unless it is wider than a line anyway).
        const int needed = separator ? size.width() + spacing() + std::min(groupWidth(i), area.width()) : size.width();
        if (!lineStart && x + needed > area.right() + 1) {
            x = area.x();
            y += lineHeight + spacing();
            lineHeight = 0;
        }
        if (separator && x == area.x()) {
            // No separator at the start of a line: the line break separates.
            if (apply)
                item->setGeometry(QRect());
            continue;
        }
        if (apply)
            item->setGeometry(QRect(QPoint(x, y), size));
        x += size.width() + spacing();
        lineHeight = std::max(lineHeight, size.height());
    }
    return y + lineHeight - rect.y() + contentsMargins().bottom();
}

} // namespace quire::gui
