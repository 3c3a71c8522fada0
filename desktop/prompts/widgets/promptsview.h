// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QStackedWidget;
class QTabBar;
class QTableView;
class QToolButton;

namespace quire::desktop {
class PromptListModel;
class PromptRunner;
class PromptStore;
class Workspace;
} // namespace quire::desktop

namespace quire::gui {

class GroupsView;
class PlaceholderView;
class PromptEditor;

// The Prompts section: the library (searched as the user types with the
// replica's full-text index; category, tag, templates, favourites, whose
// and the order behind a Filters button; a star on every row) beside the
// editor of the chosen prompt, or an empty state with New Prompt. Works the
// same offline; sync rounds refresh the list and the open prompt. A switch
// at the top of the list pane shows the groups instead of the library (as
// a mail client's folders); a group's member opens in the same editor. The
// view opened first is the user's default_view preference.
class PromptsView final : public QWidget
{
    Q_OBJECT
public:
    explicit PromptsView(desktop::Workspace &workspace, QWidget *parent = nullptr);
    ~PromptsView() override;

    PromptEditor *editor() const { return m_editor; }
    desktop::PromptListModel *model() const { return m_model; }
    desktop::PromptStore &store() { return *m_store; }
    QTableView *table() const { return m_table; }
    GroupsView *groupsView() const { return m_groups; }
    desktop::PromptRunner &runner() const { return *m_runner; }
    // The list pane's switch: Library or Groups.
    enum class View { Library, Groups };
    QTabBar *viewSwitch() const { return m_viewSwitch; }
    void showView(View view);
    View currentView() const;
    // Makes a new prompt and opens it; its id, or empty on failure.
    QString createPrompt();
    void refresh();
    // Stars or unstars the prompt in `row` of the list.
    void toggleFavourite(int row);

private:
    void select(const QString &id);
    // Opens a group's member: in the editor, and selected in the library
    // when it is listed there.
    void openFromGroup(const QString &id);
    void applyDefaultView();
    void rememberView(const QString &name);
    void reloadChoices();
    void updateEmptyState();
    void updateFiltersButton();

    desktop::Workspace &m_workspace;
    std::unique_ptr<desktop::PromptStore> m_store;
    desktop::PromptListModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_category;
    QComboBox *m_tag;
    QComboBox *m_scope;
    QComboBox *m_sort;
    QCheckBox *m_templates;
    QCheckBox *m_favourites;
    QToolButton *m_filters;
    QWidget *m_filterPanel;
    QTableView *m_table;
    QStackedWidget *m_listStack;
    PlaceholderView *m_empty;
    PlaceholderView *m_noMatch;
    PromptEditor *m_editor;
    QStackedWidget *m_editorStack;
    PlaceholderView *m_nothingOpen;
    QTabBar *m_viewSwitch;
    QStackedWidget *m_modes;
    GroupsView *m_groups;
    desktop::PromptRunner *m_runner;
};

} // namespace quire::gui
