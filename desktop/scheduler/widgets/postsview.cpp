// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/widgets/postsview.h"

#include "desktop/core/authsession.h"
#include "desktop/core/replica.h"
#include "desktop/core/syncengine.h"
#include "desktop/core/workspace.h"
#include "desktop/scheduler/core/postlistmodel.h"
#include "desktop/scheduler/core/poststore.h"
#include "desktop/scheduler/core/schedulerlabels.h"
#include "desktop/scheduler/core/schedulerremote.h"
#include "desktop/scheduler/core/schedulerstore.h"
#include "desktop/scheduler/widgets/clientsdialog.h"
#include "desktop/scheduler/widgets/postcalendar.h"
#include "desktop/scheduler/widgets/postcomposer.h"
#include "desktop/widgets/listsection.h"
#include "desktop/widgets/placeholderview.h"
#include "desktop/widgets/tr.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace quire::gui {

using desktop::PostListModel;

namespace {

// Wide enough for the queue's four columns (a time with its zone among
// them) to show the status, the column that says what needs doing, at a
// window of 1280 pixels.
constexpr int kListWidth = 700;
constexpr int kTitleWidth = 170;
constexpr int kClientWidth = 120;

} // namespace

PostsView::PostsView(desktop::Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_store(std::make_unique<desktop::SchedulerStore>(workspace.content(), workspace.replica().database()))
    , m_posts(std::make_unique<desktop::PostStore>(*m_store))
    , m_remote(new desktop::SchedulerRemote(workspace.session(), this))
    , m_model(new PostListModel(workspace.replica().database(), this))
    , m_clientFilter(new QComboBox(this))
    , m_statusFilter(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_calendar(new PostCalendar(workspace.replica().database(), *m_posts, this))
    , m_panes(new QTabWidget(this))
    , m_composer(new PostComposer(*m_store, *m_posts, *m_remote, this))
{
    setObjectName(QStringLiteral("postsView"));
    m_clientFilter->setObjectName(QStringLiteral("clientFilter"));
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_table->setObjectName(QStringLiteral("postTable"));
    m_clientFilter->setAccessibleName(Tr::tr("Client"));
    m_statusFilter->setAccessibleName(Tr::tr("Status"));
    m_statusFilter->addItem(Tr::tr("Any status"), QString());
    for (const QString &name : shared::kPostStatuses.names())
        m_statusFilter->addItem(desktop::SchedulerLabels::postStatus(*shared::kPostStatuses.fromName(name)), name);
    for (QComboBox *box : { m_clientFilter, m_statusFilter })
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_composer->setOwnerId(workspace.accountId());
    m_calendar->setOwnerId(workspace.accountId());
    ListSection::setUpTable(*m_table, m_model);
    // The title keeps a readable width (a stretched first column got what the
    // others left, often nothing); the status with its destinations takes
    // the rest and elides, its tooltip saying it whole.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(PostListModel::Title, QHeaderView::Interactive);
    header->resizeSection(PostListModel::Title, kTitleWidth);
    header->setSectionResizeMode(PostListModel::Client, QHeaderView::Interactive);
    header->resizeSection(PostListModel::Client, kClientWidth);
    header->setSectionResizeMode(PostListModel::Scheduled, QHeaderView::ResizeToContents);
    // Stretch, not a stretched last section: that one kept its own width
    // and pushed the status behind a scroll bar.
    header->setSectionResizeMode(PostListModel::Status, QHeaderView::Stretch);

    auto *create = new QPushButton(Tr::tr("New &Post"), this);
    create->setObjectName(QStringLiteral("newPostButton"));
    auto *manage = new QPushButton(Tr::tr("Clients and P&latforms…"), this);
    manage->setObjectName(QStringLiteral("manageClientsButton"));
    m_noClients = new PlaceholderView(Tr::tr("No clients yet"),
                                      Tr::tr("Add the creator you post for and the networks they use; then compose "
                                             "their first post. It is kept on this computer and reaches the server "
                                             "when you are online."),
                                      this);
    m_noClients->setObjectName(QStringLiteral("noClientsState"));
    connect(m_noClients->setAction(Tr::tr("Add a Client…")), &QPushButton::clicked, this, &PostsView::manageClients);
    m_empty = new PlaceholderView(Tr::tr("No posts yet"),
                                  Tr::tr("Compose the first one: choose the platforms, write a text for each and "
                                         "schedule it. The server publishes it on time, even with this app closed."),
                                  this);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    connect(m_empty->setAction(Tr::tr("New Post")), &QPushButton::clicked, this, &PostsView::newPost);
    m_noMatch = new PlaceholderView(Tr::tr("No post matches"), Tr::tr("Choose another client or status."), this);
    m_noMatch->setObjectName(QStringLiteral("noMatchState"));
    connect(m_noMatch->setAction(Tr::tr("Show All Posts")), &QPushButton::clicked, this, [this] {
        m_clientFilter->setCurrentIndex(0);
        m_statusFilter->setCurrentIndex(0);
    });
    m_listStack = new QStackedWidget(this);
    m_listStack->setObjectName(QStringLiteral("listStack"));
    for (QWidget *w : { static_cast<QWidget *>(m_table), static_cast<QWidget *>(m_noClients),
                        static_cast<QWidget *>(m_empty), static_cast<QWidget *>(m_noMatch) })
        m_listStack->addWidget(w);
    m_panes->setObjectName(QStringLiteral("postPanes"));
    m_panes->setDocumentMode(true);
    m_panes->addTab(m_listStack, Tr::tr("&Queue"));
    m_panes->addTab(m_calendar, Tr::tr("Calen&dar"));

    auto *left = new QWidget(this);
    left->setObjectName(QStringLiteral("listPane"));
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_clientFilter, 1);
    filters->addWidget(m_statusFilter, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(create);
    actions->addWidget(manage);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_panes, 1);
    leftLayout->addLayout(actions);

    m_nothingOpen
        = new PlaceholderView(Tr::tr("No post open"), Tr::tr("Choose one from the queue, or compose a new one."), this);
    m_nothingOpen->setObjectName(QStringLiteral("nothingOpen"));
    connect(m_nothingOpen->setAction(Tr::tr("New Post")), &QPushButton::clicked, this, &PostsView::newPost);
    m_editorStack = new QStackedWidget(this);
    m_editorStack->setObjectName(QStringLiteral("editorStack"));
    m_editorStack->addWidget(m_composer);
    m_editorStack->addWidget(m_nothingOpen);
    m_editorStack->setCurrentWidget(m_nothingOpen);
    ListSection::placeBesideEditor(*this, left, m_editorStack, kListWidth);

    connect(create, &QPushButton::clicked, this, &PostsView::newPost);
    connect(manage, &QPushButton::clicked, this, &PostsView::manageClients);
    connect(m_clientFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_model->query().clientId = m_clientFilter->currentData().toString();
        refresh();
    });
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_model->query().status = shared::kPostStatuses.fromName(m_statusFilter->currentData().toString());
        refresh();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QString id = m_model->idAt(current.row());
                openPost(id);
            });
    connect(m_calendar, &PostCalendar::openRequested, this, &PostsView::openPost);
    // A post moved on the calendar: what the composer holds of it is saved
    // first, and shown again as moved.
    connect(m_calendar, &PostCalendar::moving, this, [this] { m_composer->saveNow(); });
    connect(m_calendar, &PostCalendar::moved, this, [this](const QString &id) {
        if (id == m_composer->currentId())
            m_composer->load(id);
        refresh();
    });
    // After the event that saved: the list must not reorder under a click.
    connect(m_composer, &PostComposer::saved, this,
            [this](const QString &) { QMetaObject::invokeMethod(this, &PostsView::refresh, Qt::QueuedConnection); });
    connect(m_composer, &PostComposer::removed, this, [this] {
        m_editorStack->setCurrentWidget(m_nothingOpen);
        refresh();
    });
    connect(&workspace.sync(), &desktop::SyncEngine::roundFinished, this, [this] {
        refresh();
        m_composer->showProgress();
    });
    connect(&workspace.session(), &desktop::AuthSession::signedInChanged, this, [this] {
        m_composer->setOwnerId(m_workspace.accountId());
        m_calendar->setOwnerId(m_workspace.accountId());
    });
    refresh();
}

PostsView::~PostsView()
{
    disconnect(&m_workspace.sync(), nullptr, this, nullptr);
    disconnect(m_composer, nullptr, this, nullptr);
    disconnect(m_calendar, nullptr, this, nullptr);
    // The composer saves what is pending through the stores: before them.
    m_composer->saveNow();
    delete m_composer;
    m_composer = nullptr;
}

void PostsView::reloadChoices()
{
    QList<std::pair<QString, QString>> clients;
    if (auto known = m_store->listClients()) {
        for (const desktop::ClientRecord &c : *known)
            clients.append({ c.name, c.id });
    }
    ListSection::refill(*m_clientFilter, Tr::tr("All clients"), clients);
    m_model->query().clientId = m_clientFilter->currentData().toString();
    // Whose a post is goes without saying when only one client can show:
    // its room goes to the status.
    m_table->setColumnHidden(PostListModel::Client, clients.size() <= 1 || !m_model->query().clientId.isEmpty());
}

void PostsView::refresh()
{
    reloadChoices();
    const QString current = m_composer->currentId();
    const QSignalBlocker blocker(m_table->selectionModel());
    if (const QString error = m_model->refresh(); !error.isEmpty())
        m_table->setToolTip(error);
    const int row = m_model->rowOf(current);
    if (row >= 0)
        m_table->selectRow(row);
    updateEmptyState();
    m_calendar->setQuery(m_model->query());
    m_calendar->refresh();
}

void PostsView::openPost(const QString &id)
{
    if (id.isEmpty())
        return;
    if (id != m_composer->currentId())
        m_composer->load(id);
    m_editorStack->setCurrentWidget(m_composer);
    const int row = m_model->rowOf(id);
    if (row >= 0 && m_table->currentIndex().row() != row) {
        const QSignalBlocker blocker(m_table->selectionModel());
        m_table->selectRow(row);
    }
}

void PostsView::updateEmptyState()
{
    const auto clients = m_store->listClients();
    const bool filtered = !m_model->query().clientId.isEmpty() || m_model->query().status.has_value();
    QWidget *shown = m_table;
    if (clients && clients->isEmpty())
        shown = m_noClients;
    else if (m_model->rowCount() == 0)
        shown = filtered ? static_cast<QWidget *>(m_noMatch) : m_empty;
    m_listStack->setCurrentWidget(shown);
}

void PostsView::newPost()
{
    const auto clients = m_store->listClients();
    if (clients && clients->isEmpty()) {
        manageClients();
        return;
    }
    m_table->clearSelection();
    m_composer->load({});
    m_editorStack->setCurrentWidget(m_composer);
    m_composer->setFocus();
}

void PostsView::manageClients()
{
    ClientsDialog dialog(m_workspace, *m_store, this);
    m_clientsDialog = &dialog;
    connect(&dialog, &ClientsDialog::changed, this, [this] {
        refresh();
        m_composer->reloadChoices();
    });
    dialog.exec();
    m_clientsDialog = nullptr;
    refresh();
}

} // namespace quire::gui
