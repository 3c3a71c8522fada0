// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/listsection.h"

#include "desktop/widgets/flowlayout.h"
#include "desktop/widgets/layoutmemory.h"
#include "desktop/widgets/tr.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace quire::gui {

void ListSection::addSearchRow(QVBoxLayout &pane, QLineEdit &search, QToolButton &button, QWidget &panel,
                               const QList<QWidget *> &filters)
{
    button.setObjectName(QStringLiteral("filtersButton"));
    button.setCheckable(true);
    button.setToolButtonStyle(Qt::ToolButtonTextOnly);
    panel.setObjectName(QStringLiteral("filterPanel"));
    auto *flow = new FlowLayout(&panel);
    flow->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : filters)
        flow->addWidget(w);
    panel.hide();
    QObject::connect(&button, &QToolButton::toggled, &panel, &QWidget::setVisible);
    LayoutMemory::remember(button);
    auto *row = new QHBoxLayout;
    row->addWidget(&search, 1);
    row->addWidget(&button);
    pane.addLayout(row);
    pane.addWidget(&panel);
}

QString ListSection::filtersLabel(int used)
{
    return used == 0 ? Tr::tr("Filters") : Tr::tr("Filters (%n)", nullptr, used);
}

void ListSection::setUpTable(QTableView &table, QAbstractItemModel *model)
{
    table.setModel(model);
    table.setSelectionBehavior(QAbstractItemView::SelectRows);
    table.setSelectionMode(QAbstractItemView::SingleSelection);
    table.setEditTriggers(QAbstractItemView::NoEditTriggers);
    table.verticalHeader()->hide();
    table.setWordWrap(false);
}

void ListSection::refill(QComboBox &box, const QString &any, const QList<std::pair<QString, QString>> &items)
{
    const QString chosen = box.currentData().toString();
    const QSignalBlocker blocker(&box);
    box.clear();
    box.addItem(any, QString());
    for (const auto &[label, value] : items)
        box.addItem(label, value);
    box.setCurrentIndex(std::max(0, box.findData(chosen)));
}

void ListSection::refillTags(QComboBox &box, const QStringList &tags)
{
    QList<std::pair<QString, QString>> items;
    for (const QString &t : tags)
        items.append({ QStringLiteral("#") + t, t });
    refill(box, Tr::tr("Any tag"), items);
}

void ListSection::placeBesideEditor(QWidget &section, QWidget *list, QWidget *editor, int listWidth)
{
    auto *splitter = new QSplitter(&section);
    splitter->setObjectName(QStringLiteral("listSplitter"));
    splitter->addWidget(list);
    splitter->addWidget(editor);
    splitter->setCollapsible(1, false);
    // The text takes what the window adds; the list keeps its width.
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ listWidth, 3 * listWidth });
    auto *layout = new QVBoxLayout(&section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

} // namespace quire::gui
