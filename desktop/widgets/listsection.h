// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

class QAbstractItemModel;
class QComboBox;
class QLineEdit;
class QTableView;
class QToolButton;
class QVBoxLayout;
class QWidget;

namespace quire::gui {

// The parts every list-and-editor section (articles, prompts) builds the
// same way: the search row with its Filters button and panel, the list's
// table, a filter box's refill, and the list beside the editor.
class ListSection
{
public:
    // The search and a Filters button in one row of `pane`, the filters in a
    // wrapping panel under it that the button opens (remembered).
    static void addSearchRow(QVBoxLayout &pane, QLineEdit &search, QToolButton &button, QWidget &panel,
                             const QList<QWidget *> &filters);
    // "Filters", or "Filters (n)" with n of them in use.
    static QString filtersLabel(int used);

    // A read-only list of whole rows, one chosen at a time.
    static void setUpTable(QTableView &table, QAbstractItemModel *model);

    // `any` first, then (label, value) items; the chosen value stays chosen
    // while it is there (else `any`), and the box emits nothing meanwhile.
    static void refill(QComboBox &box, const QString &any, const QList<std::pair<QString, QString>> &items);
    // The tag filter: "Any tag", then "#tag" for each.
    static void refillTags(QComboBox &box, const QStringList &tags);

    // The list at `listWidth` beside the editor, which takes what the window adds.
    static void placeBesideEditor(QWidget &section, QWidget *list, QWidget *editor, int listWidth);
};

} // namespace quire::gui
