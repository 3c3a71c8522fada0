// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

class QComboBox;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace quire::desktop {
class PostListModel;
class PostStore;
class SchedulerRemote;
class SchedulerStore;
class Workspace;
} // namespace quire::desktop

namespace quire::gui {

class ClientsDialog;
class PlaceholderView;
class PostCalendar;
class PostComposer;

// The Posts section: the queue (title, client, the time in the post's own
// zone, the status with a badge per destination; filtered by client and
// status), or the same posts on a calendar (drag to move), beside the composer of the chosen post. Clients and
// platforms are managed in their dialog. Works the same offline; sync rounds refresh the queue, which is how the
// publisher's statuses arrive.
class PostsView final : public QWidget
{
    Q_OBJECT
public:
    explicit PostsView(desktop::Workspace &workspace, QWidget *parent = nullptr);
    ~PostsView() override;

    PostComposer *composer() const { return m_composer; }
    desktop::PostListModel *model() const { return m_model; }
    desktop::SchedulerStore &store() { return *m_store; }
    QTableView *table() const { return m_table; }
    PostCalendar *calendar() const { return m_calendar; }
    // The queue and the calendar, one at a time.
    QTabWidget *panes() const { return m_panes; }
    // Opens the client and platform management (modal); the dialog while it is open.
    void manageClients();
    ClientsDialog *clientsDialog() const { return m_clientsDialog; }
    // Opens a new post in the composer (saved once it changes).
    void newPost();
    void refresh();

private:
    void reloadChoices();
    void openPost(const QString &id);
    void updateEmptyState();

    desktop::Workspace &m_workspace;
    std::unique_ptr<desktop::SchedulerStore> m_store;
    std::unique_ptr<desktop::PostStore> m_posts;
    desktop::SchedulerRemote *m_remote;
    desktop::PostListModel *m_model;
    QComboBox *m_clientFilter;
    QComboBox *m_statusFilter;
    QTableView *m_table;
    QStackedWidget *m_listStack;
    PostCalendar *m_calendar;
    QTabWidget *m_panes;
    PlaceholderView *m_noClients;
    PlaceholderView *m_empty;
    PlaceholderView *m_noMatch;
    PostComposer *m_composer;
    QStackedWidget *m_editorStack;
    PlaceholderView *m_nothingOpen;
    ClientsDialog *m_clientsDialog = nullptr;
};

} // namespace quire::gui
