// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/groupsview.h"

#include "desktop/core/replica.h"
#include "desktop/core/workspace.h"
#include "desktop/prompts/core/groupmemberlistmodel.h"
#include "desktop/prompts/core/groupstore.h"
#include "desktop/prompts/core/promptquery.h"
#include "desktop/prompts/widgets/sharedialog.h"
#include "desktop/widgets/flowlayout.h"
#include "desktop/widgets/tr.h"

#include <QActionGroup>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace quire::gui {

GroupsView::GroupsView(desktop::Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_ws(workspace)
    , m_store(new desktop::GroupStore(workspace, this))
    , m_model(new desktop::GroupMemberListModel(*m_store, this))
    , m_groups(new QListWidget(this))
    , m_noGroups(new QLabel(Tr::tr("No groups yet. A group keeps prompts in an order you choose, pinned to the "
                                   "versions you trust, and can be shared. Start with New Group…"),
                            this))
    , m_title(new QLabel(this))
    , m_access(new QLabel(this))
    , m_members(new QListView(this))
    , m_noMembers(new QLabel(Tr::tr("No prompts in this group yet: Add Prompt… picks one from your library."), this))
    , m_add(new QPushButton(Tr::tr("Add Prompt…"), this))
    , m_remove(new QPushButton(Tr::tr("Remove"), this))
    , m_pin(new QToolButton(this))
    , m_share(new QPushButton(Tr::tr("Share…"), this))
    , m_message(new QLabel(this))
    , m_splitter(new QSplitter(this))
{
    m_groups->setObjectName(QStringLiteral("groups"));
    m_noGroups->setObjectName(QStringLiteral("noGroups"));
    m_noGroups->setWordWrap(true);
    m_access->setObjectName(QStringLiteral("access"));
    m_members->setObjectName(QStringLiteral("members"));
    m_noMembers->setObjectName(QStringLiteral("noMembers"));
    m_noMembers->setWordWrap(true);
    m_add->setObjectName(QStringLiteral("addPrompt"));
    m_remove->setObjectName(QStringLiteral("removePrompt"));
    m_pin->setObjectName(QStringLiteral("pin"));
    m_share->setObjectName(QStringLiteral("share"));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    QFont heading = m_title->font();
    heading.setBold(true);
    m_title->setFont(heading);

    // Drops from this list (or a synthetic one carrying a member) move the
    // member; the model writes the new position and reads the order back.
    m_members->setModel(m_model);
    m_members->setDragEnabled(true);
    m_members->setAcceptDrops(true);
    m_members->setDropIndicatorShown(true);
    m_members->setDragDropMode(QAbstractItemView::DragDrop);
    m_members->setDefaultDropAction(Qt::MoveAction);
    m_members->setSelectionMode(QAbstractItemView::SingleSelection);
    // Long titles and pins wrap in the narrow list pane rather than scroll sideways.
    m_members->setWordWrap(true);
    m_members->setResizeMode(QListView::Adjust);
    m_members->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_members->setSpacing(2);

    // As tall as the push buttons beside it, its arrow after the text, not over it.
    m_pin->setText(Tr::tr("Pin") + QStringLiteral(" ▾"));
    m_pin->setPopupMode(QToolButton::InstantPopup);
    m_pin->setStyleSheet(QStringLiteral("QToolButton::menu-indicator { image: none; width: 0px; }"));
    m_pin->setMinimumHeight(m_add->sizeHint().height());
    m_pin->setMenu(new QMenu(m_pin));
    connect(m_pin->menu(), &QMenu::aboutToShow, this, &GroupsView::fillPinMenu);

    auto *newGroup = new QPushButton(Tr::tr("New Group…"), this);
    newGroup->setObjectName(QStringLiteral("newGroup"));
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_groups, 1);
    leftLayout->addWidget(m_noGroups, 1);
    leftLayout->addWidget(newGroup);

    // Wraps in a narrow pane (and in German) rather than clipping.
    auto *buttonRow = new QWidget(this);
    auto *buttons = new FlowLayout(buttonRow);
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : std::initializer_list<QWidget *> { m_add, m_remove, m_pin, m_share })
        buttons->addWidget(w);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_access);
    rightLayout->addWidget(buttonRow);
    rightLayout->addWidget(m_members, 1);
    rightLayout->addWidget(m_noMembers, 1);
    rightLayout->addWidget(m_message);

    m_splitter->setObjectName(QStringLiteral("groupsSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);

    connect(newGroup, &QPushButton::clicked, this, &GroupsView::newGroup);
    connect(m_add, &QPushButton::clicked, this, &GroupsView::choosePrompt);
    connect(m_remove, &QPushButton::clicked, this, &GroupsView::removeSelected);
    connect(m_share, &QPushButton::clicked, this, &GroupsView::openShareDialog);
    connect(m_groups, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showGroup(m_groups->item(row)->data(Qt::UserRole).toString());
    });
    connect(m_store, &desktop::GroupStore::changed, this, &GroupsView::reloadGroups);
    connect(m_model, &QAbstractItemModel::modelReset, this, &GroupsView::updateState);
    connect(m_members->selectionModel(), &QItemSelectionModel::currentChanged, this, &GroupsView::updateState);
    // A click (or Enter) on a member opens its prompt; a drag does not.
    connect(m_members, &QListView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT promptChosen(index.data(desktop::GroupMemberListModel::PromptIdRole).toString());
    });
    connect(m_members, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT promptChosen(index.data(desktop::GroupMemberListModel::PromptIdRole).toString());
    });
    reloadGroups();
}

GroupsView::~GroupsView() = default;

void GroupsView::setStacked(bool stacked)
{
    m_splitter->setOrientation(stacked ? Qt::Vertical : Qt::Horizontal);
    if (stacked) {
        layout()->setContentsMargins(0, 0, 0, 0);
        m_splitter->setStretchFactor(0, 1);
        m_splitter->setStretchFactor(1, 2);
    }
}

void GroupsView::report(const QString &message)
{
    m_message->setText(message);
}

void GroupsView::reloadGroups()
{
    shared::Result<QList<desktop::GroupSummary>> groups = m_store->query().groups();
    if (!groups) {
        report(groups.error().message);
        return;
    }
    const QSignalBlocker block(m_groups);
    m_groups->clear();
    int current = -1;
    for (const desktop::GroupSummary &g : std::as_const(*groups)) {
        const QString shared = g.access == desktop::GroupAccess::Owner ? QString() : Tr::tr(" (shared with you)");
        auto *item = new QListWidgetItem(g.name + shared, m_groups);
        item->setData(Qt::UserRole, g.id);
        if (g.id == m_groupId)
            current = m_groups->count() - 1;
    }
    m_groups->setCurrentRow(current);
    m_groups->setVisible(!groups->isEmpty());
    m_noGroups->setVisible(groups->isEmpty());
    // The shown group went away (revoked, removed): show the first, or none.
    if (current < 0)
        showGroup(groups->isEmpty() ? QString() : groups->first().id);
    updateState();
}

void GroupsView::showGroup(const QString &groupId)
{
    m_groupId = groupId;
    m_model->setGroup(groupId);
    for (int i = 0; i < m_groups->count(); ++i) {
        if (m_groups->item(i)->data(Qt::UserRole).toString() == groupId && m_groups->currentRow() != i) {
            const QSignalBlocker block(m_groups);
            m_groups->setCurrentRow(i);
        }
    }
    m_message->clear();
    updateState();
}

void GroupsView::updateState()
{
    std::optional<desktop::GroupSummary> group;
    if (!m_groupId.isEmpty()) {
        if (shared::Result<std::optional<desktop::GroupSummary>> g = m_store->query().group(m_groupId); g)
            group = *g;
    }
    const bool editable = group && group->canEdit();
    const bool selected = m_members->currentIndex().isValid();
    m_title->setText(group ? group->name : QString());
    switch (group ? group->access : desktop::GroupAccess::Owner) {
    case desktop::GroupAccess::Owner:
        m_access->clear();
        break;
    case desktop::GroupAccess::Editor:
        m_access->setText(Tr::tr("Shared with you: you can change its prompts and their order."));
        break;
    case desktop::GroupAccess::Viewer:
        m_access->setText(Tr::tr("Shared with you to read: only its owner or an editor can change it."));
        break;
    }
    m_access->setVisible(!m_access->text().isEmpty());
    m_add->setEnabled(editable);
    m_remove->setEnabled(editable && selected);
    m_pin->setEnabled(editable && selected);
    m_share->setEnabled(group && group->access == desktop::GroupAccess::Owner);
    m_members->setVisible(group && m_model->rowCount() > 0);
    m_noMembers->setVisible(group && m_model->rowCount() == 0);
    m_noMembers->setText(editable ? Tr::tr("No prompts in this group yet: Add Prompt… picks one from your library.")
                                  : Tr::tr("No prompts in this group yet."));
}

QString GroupsView::selectedMember() const
{
    return m_members->currentIndex().data(desktop::GroupMemberListModel::IdRole).toString();
}

void GroupsView::newGroup()
{
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, Tr::tr("New Group"), Tr::tr("Name:"), QLineEdit::Normal, QString(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    shared::Result<QString> id = m_store->createGroup(name);
    if (!id) {
        report(id.error().message);
        return;
    }
    showGroup(*id);
}

void GroupsView::choosePrompt()
{
    desktop::PromptQuery query;
    query.userId = m_ws.accountId();
    query.sort = desktop::PromptQuery::Sort::Title;
    shared::Result<QList<desktop::PromptSummary>> prompts = query.run(m_ws.replica().database());
    if (!prompts) {
        report(prompts.error().message);
        return;
    }
    if (prompts->isEmpty()) {
        report(Tr::tr("Your library has no prompts yet: write one in Prompts first."));
        return;
    }
    QStringList titles;
    for (const desktop::PromptSummary &p : std::as_const(*prompts))
        titles << (p.name.isEmpty() ? p.title : Tr::tr("%1 (%2)").arg(p.title, p.name));
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, Tr::tr("Add Prompt"), Tr::tr("Prompt:"), titles, 0, false, &ok);
    if (ok && titles.contains(chosen))
        addPrompt(prompts->at(titles.indexOf(chosen)).id);
}

void GroupsView::addPrompt(const QString &promptId)
{
    if (shared::Result<QString> id = m_store->addMember(m_groupId, promptId); !id)
        report(id.error().message);
}

void GroupsView::removeSelected()
{
    const QString member = selectedMember();
    if (member.isEmpty())
        return;
    if (shared::VoidResult r = m_store->removeMember(member); !r)
        report(r.error().message);
}

void GroupsView::fillPinMenu()
{
    QMenu *menu = m_pin->menu();
    menu->clear();
    const QModelIndex index = m_members->currentIndex();
    if (!index.isValid())
        return;
    const desktop::GroupMember member = m_model->members().at(index.row());
    const desktop::GroupQuery query = m_store->query();
    auto *choices = new QActionGroup(menu);
    const auto add = [&](const QString &text, bool checked, std::function<shared::VoidResult()> pin) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(checked);
        choices->addAction(a);
        connect(a, &QAction::triggered, this, [this, pin] {
            if (shared::VoidResult r = pin(); !r)
                report(r.error().message);
        });
    };
    desktop::GroupStore *store = m_store;
    const QString id = member.id;
    add(Tr::tr("Latest Version"), !member.isPinned(), [store, id] { return store->unpin(id); });
    menu->addSection(Tr::tr("Label"));
    shared::Result<QStringList> labelRows = query.labels(member.promptId);
    shared::Result<QList<desktop::PromptVersionSummary>> versionRows = query.versions(member.promptId);
    if (!labelRows || !versionRows) {
        report(!labelRows ? labelRows.error().message : versionRows.error().message);
        return;
    }
    const QStringList labels = *labelRows;
    for (const QString &label : labels) {
        add(label, member.pinnedLabel == label, [store, id, label] { return store->pinLabel(id, label); });
    }
    if (labels.isEmpty())
        menu->addAction(Tr::tr("No labels yet"))->setEnabled(false);
    menu->addSection(Tr::tr("Version"));
    const QList<desktop::PromptVersionSummary> versions = *versionRows;
    for (const desktop::PromptVersionSummary &v : versions) {
        const QString text = v.number.isEmpty() ? Tr::tr("Version not yet numbered (%1)").arg(v.createdAt)
                                                : Tr::tr("Version %1").arg(v.number);
        add(text, member.pinnedVersionId == v.id, [store, id, vid = v.id] { return store->pinVersion(id, vid); });
    }
    if (versions.isEmpty())
        menu->addAction(Tr::tr("No versions yet"))->setEnabled(false);
}

void GroupsView::openShareDialog()
{
    if (m_groupId.isEmpty())
        return;
    auto *dialog = new ShareDialog(*m_store, m_groupId, this);
    dialog->setObjectName(QStringLiteral("shareDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace quire::gui
