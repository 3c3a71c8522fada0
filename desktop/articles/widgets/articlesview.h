// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/articlekind.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace quire::desktop {
class ArticleListModel;
class Workspace;
} // namespace quire::desktop

namespace quire::gui {

class ArticleEditor;
class PlaceholderView;

// Guides or case studies: the list (searched with the replica's full-text
// index; status, category, tag, author and order behind a Filters button)
// beside the editor of the chosen one, or beside an empty state with New
// Guide while none is open. Works the same offline; sync rounds refresh
// the list.
class ArticlesView final : public QWidget
{
    Q_OBJECT
public:
    ArticlesView(desktop::Workspace &workspace, shared::ArticleKind kind, QWidget *parent = nullptr);
    ~ArticlesView() override;

    ArticleEditor *editor() const { return m_editor; }
    desktop::ArticleListModel *model() const { return m_model; }
    // Makes a new article and opens it; its id, or empty on failure.
    QString createArticle();
    void refresh();
    // Refills the category and tag choices from the replica, keeping the choice.
    void reloadChoices();

private:
    void select(const QString &id);
    // The list, or "No guides yet" with New Guide while there are none.
    void updateEmptyState();
    // "Filters", with the number of filters in use.
    void updateFiltersButton();

    desktop::Workspace &m_workspace;
    QString m_kind;
    desktop::ArticleListModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_category;
    QComboBox *m_tag;
    QComboBox *m_author;
    QComboBox *m_sort;
    QToolButton *m_filters;
    QWidget *m_filterPanel;
    QTableView *m_table;
    QStackedWidget *m_listStack;
    PlaceholderView *m_empty;
    ArticleEditor *m_editor;
    QStackedWidget *m_editorStack;
    PlaceholderView *m_nothingOpen;
};

} // namespace quire::gui
