// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/sidebysidediff.h"

#include "shared/textdiff.h"

#include <QFontDatabase>
#include <QHeaderView>

namespace quire::gui {

namespace {

// The revision panel's colours for removed and added lines.
const QColor kRemoved(0xff, 0xd7, 0xd5);
const QColor kAdded(0xcc, 0xff, 0xd8);

QTableWidgetItem *cell(const QString &text, const QColor &background = QColor())
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (background.isValid()) {
        item->setBackground(background);
        item->setForeground(Qt::black); // readable on the light colour in a dark theme too
    }
    return item;
}

} // namespace

SideBySideDiff::SideBySideDiff(QWidget *parent)
    : QTableWidget(0, 2, parent)
{
    setObjectName(QStringLiteral("sideBySideDiff"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(true);
    setShowGrid(false);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
}

void SideBySideDiff::clearTexts()
{
    setRowCount(0);
    setHorizontalHeaderLabels({ QString(), QString() });
    m_removed = 0;
    m_added = 0;
}

void SideBySideDiff::setTexts(const QString &beforeTitle, const QString &before, const QString &afterTitle,
                              const QString &after)
{
    clearTexts();
    setHorizontalHeaderLabels({ beforeTitle, afterTitle });
    const QList<shared::TextDiff::Line> lines = shared::TextDiff::lines(before, after);
    QStringList removed;
    QStringList added;
    // A run of removed lines and the added run after it face each other.
    const auto flush = [&] {
        const qsizetype n = std::max(removed.size(), added.size());
        for (qsizetype i = 0; i < n; ++i) {
            const int row = rowCount();
            insertRow(row);
            setItem(row, 0, i < removed.size() ? cell(QStringLiteral("− ") + removed[i], kRemoved) : cell(QString()));
            setItem(row, 1, i < added.size() ? cell(QStringLiteral("+ ") + added[i], kAdded) : cell(QString()));
        }
        m_removed += int(removed.size());
        m_added += int(added.size());
        removed.clear();
        added.clear();
    };
    for (const shared::TextDiff::Line &l : lines) {
        switch (l.kind) {
        case shared::TextDiff::Kind::Removed:
            if (!added.isEmpty())
                flush();
            removed << l.text;
            break;
        case shared::TextDiff::Kind::Added:
            added << l.text;
            break;
        case shared::TextDiff::Kind::Same: {
            flush();
            const int row = rowCount();
            insertRow(row);
            setItem(row, 0, cell(QStringLiteral("  ") + l.text));
            setItem(row, 1, cell(QStringLiteral("  ") + l.text));
            break;
        }
        }
    }
    flush();
    resizeRowsToContents();
}

} // namespace quire::gui
