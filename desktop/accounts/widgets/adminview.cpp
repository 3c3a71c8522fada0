// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/widgets/adminview.h"

#include "desktop/accounts/core/accountadmin.h"
#include "desktop/accounts/core/auditactions.h"
#include "desktop/accounts/widgets/adduserdialog.h"
#include "desktop/accounts/widgets/signindialog.h"
#include "desktop/core/authsession.h"
#include "desktop/core/datetext.h"
#include "desktop/widgets/tr.h"
#include "shared/timestamp.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace quire::gui {

namespace {

QString roleLabel(shared::Role role)
{
    switch (role) {
    case shared::Role::Admin:
        return Tr::tr("Administrator");
    case shared::Role::Editor:
        return Tr::tr("Editor");
    case shared::Role::Author:
        return Tr::tr("Author");
    case shared::Role::Creator:
        return Tr::tr("Creator");
    case shared::Role::Reader:
        return Tr::tr("Reader");
    }
    return {};
}

QTableWidget *table(QWidget *parent, const char *name, const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(QString::fromLatin1(name));
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Each column as wide as its widest entry: nothing cut off, no column
    // stretched across the window with the others squeezed.
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(false);
    t->verticalHeader()->hide();
    return t;
}

// A moment in full, the exact time (to the second) in its tooltip; the
// wire text kept for whoever needs it.
QTableWidgetItem *dateItem(const QString &timestamp)
{
    auto *item = new QTableWidgetItem(desktop::DateText::full(timestamp));
    item->setToolTip(desktop::DateText::exact(timestamp));
    item->setData(Qt::UserRole, timestamp);
    return item;
}

// Someone in the log as people know them: "Ada Admin (ada@example.org)",
// the id only in the tooltip.
QTableWidgetItem *personItem(const QString &id, const QString &name, const QString &email, const QString &none)
{
    QString text = none;
    if (!name.isEmpty() && !email.isEmpty())
        text = Tr::tr("%1 (%2)").arg(name, email);
    else if (!email.isEmpty() || !name.isEmpty())
        text = email.isEmpty() ? name : email;
    auto *item = new QTableWidgetItem(text);
    item->setData(Qt::UserRole, id);
    item->setToolTip(id);
    return item;
}

// What an empty table says instead: why it is empty and what to do next.
QLabel *emptyState(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->hide();
    return label;
}

} // namespace

void AdminView::fillRoles(QComboBox *box)
{
    for (shared::Role role : { shared::Role::Reader, shared::Role::Creator, shared::Role::Author, shared::Role::Editor,
                               shared::Role::Admin })
        box->addItem(roleLabel(role), shared::roleName(role));
}

QString AdminView::errorText(const shared::Error &e)
{
    if (e.is(shared::ErrorCode::LastAdmin))
        return Tr::tr("This is the last active administrator. Make someone else an administrator first.");
    if (e.is(shared::ErrorCode::Forbidden))
        return Tr::tr("Only administrators may do this.");
    if (e.is(shared::ErrorCode::Unreachable))
        return Tr::tr("The server cannot be reached. Check the connection and try again.");
    return Tr::tr("The server refused this (%1).").arg(e.code);
}

AdminView::AdminView(desktop::AuthSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_admin(new desktop::AccountAdmin(session, this))
    , m_stack(new QStackedWidget(this))
    , m_notice(new QLabel(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("adminView"));
    m_notice->setObjectName(QStringLiteral("adminNotice"));
    m_notice->setAlignment(Qt::AlignCenter);
    m_notice->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("adminStatus"));
    m_status->setWordWrap(true);
    auto *tabs = m_tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("adminTabs"));
    tabs->addTab(buildUsers(), Tr::tr("&Users"));
    tabs->addTab(buildInvites(), Tr::tr("&Invites"));
    tabs->addTab(buildAudit(), Tr::tr("Audit &Log"));
    connect(tabs, &QTabWidget::currentChanged, this, [this](int index) {
        m_status->clear(); // it spoke of the tab left ("3 users found.")
        if (index == 2)
            loadAudit();
    });
    m_stack->addWidget(m_notice);
    m_stack->addWidget(tabs);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);
    layout->addWidget(m_status);
    connect(&session, &desktop::AuthSession::signedInChanged, this, &AdminView::refresh);
    refresh();
}

void AdminView::refresh()
{
    m_status->clear();
    if (!m_session.isSignedIn()) {
        m_notice->setText(Tr::tr("Sign in as an administrator to manage users, invites and the audit log."));
        m_stack->setCurrentIndex(0);
        return;
    }
    if (m_session.role() != QLatin1String("admin")) {
        m_notice->setText(Tr::tr("Only administrators manage users. You are signed in as %1.").arg(m_session.email()));
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    loadUsers();
}

QWidget *AdminView::buildUsers()
{
    auto *page = new QWidget(this);
    m_search = new QLineEdit(page);
    m_search->setObjectName(QStringLiteral("userSearch"));
    m_search->setPlaceholderText(Tr::tr("Search by name or email"));
    m_search->setClearButtonEnabled(true);
    auto *searchButton = new QPushButton(Tr::tr("&Search"), page);
    searchButton->setObjectName(QStringLiteral("searchButton"));
    m_users = table(page, "userTable",
                    { Tr::tr("Name"), Tr::tr("Email"), Tr::tr("Role"), Tr::tr("Status"), Tr::tr("Added") });
    m_role = new QComboBox(page);
    m_role->setObjectName(QStringLiteral("roleBox"));
    fillRoles(m_role);
    auto *applyRole = new QPushButton(Tr::tr("Set &Role"), page);
    applyRole->setObjectName(QStringLiteral("setRoleButton"));
    m_toggle = new QPushButton(Tr::tr("&Disable Account"), page);
    m_toggle->setObjectName(QStringLiteral("toggleDisabledButton"));
    auto *add = new QPushButton(Tr::tr("&Add User…"), page);
    add->setObjectName(QStringLiteral("addUserButton"));
    m_usersEmpty = emptyState(page, "usersEmpty");
    auto *events = new QPushButton(Tr::tr("Their &Events"), page);
    events->setObjectName(QStringLiteral("userEventsButton"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_search);
    top->addWidget(searchButton);
    top->addWidget(add);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(new QLabel(Tr::tr("Role of the selected user:"), page));
    bottom->addWidget(m_role);
    bottom->addWidget(applyRole);
    bottom->addStretch();
    bottom->addWidget(events);
    bottom->addWidget(m_toggle);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(top);
    layout->addWidget(m_users, 1);
    layout->addWidget(m_usersEmpty, 1);
    layout->addLayout(bottom);

    connect(searchButton, &QPushButton::clicked, this, [this] { loadUsers(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { loadUsers(); });
    connect(applyRole, &QPushButton::clicked, this, [this] { applyToSelected(true, false); });
    connect(m_toggle, &QPushButton::clicked, this, &AdminView::toggleSelected);
    connect(add, &QPushButton::clicked, this, &AdminView::addUser);
    connect(events, &QPushButton::clicked, this, [this] {
        const QString id = selectedUserId();
        if (id.isEmpty()) {
            m_status->setText(Tr::tr("Select a user first."));
            return;
        }
        m_auditActorId = id;
        m_auditActor->setText(
            Tr::tr("Events by %1").arg(m_users->item(m_users->selectedItems().first()->row(), 1)->text()));
        m_tabs->setCurrentIndex(2); // loads the log
    });
    connect(m_users, &QTableWidget::itemSelectionChanged, this, [this] {
        const QList<QTableWidgetItem *> selected = m_users->selectedItems();
        if (!selected.isEmpty())
            m_role->setCurrentIndex(m_role->findData(m_users->item(selected.first()->row(), 2)->data(Qt::UserRole)));
        updateToggle();
    });
    updateToggle();
    return page;
}

QWidget *AdminView::buildInvites()
{
    auto *page = new QWidget(this);
    m_inviteRole = new QComboBox(page);
    m_inviteRole->setObjectName(QStringLiteral("inviteRoleBox"));
    fillRoles(m_inviteRole);
    m_inviteDays = new QSpinBox(page);
    m_inviteDays->setObjectName(QStringLiteral("inviteDays"));
    m_inviteDays->setRange(1, 90);
    m_inviteDays->setValue(7);
    m_inviteDays->setSuffix(Tr::tr(" days"));
    auto *create = new QPushButton(Tr::tr("Create &Invite Code"), page);
    create->setObjectName(QStringLiteral("createInviteButton"));
    m_inviteCode = new QLineEdit(page);
    m_inviteCode->setObjectName(QStringLiteral("inviteCode"));
    m_inviteCode->setReadOnly(true);
    m_inviteCode->hide(); // until there is a code to show
    m_invitesEmpty = emptyState(page, "invitesEmpty");
    m_invitesEmpty->setText(Tr::tr("No invite code yet. Choose the role the new person gets and how long the code "
                                   "stays valid, then click Create Invite Code."));
    m_invitesEmpty->show();
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(Tr::tr("Role:"), page));
    row->addWidget(m_inviteRole);
    row->addWidget(new QLabel(Tr::tr("Valid for:"), page));
    row->addWidget(m_inviteDays);
    row->addWidget(create);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(
        new QLabel(Tr::tr("Give this code to the person you invite. It is shown only once and works once."), page));
    layout->addWidget(m_inviteCode);
    layout->addWidget(m_invitesEmpty, 1);
    layout->addStretch();
    connect(create, &QPushButton::clicked, this, [this] {
        const auto role = shared::roleFromName(m_inviteRole->currentData().toString()).value_or(shared::Role::Reader);
        m_admin->createInvite(role, m_inviteDays->value(), [this](const shared::Result<QString> &code) {
            if (!code) {
                m_status->setText(errorText(code.error()));
                return;
            }
            m_inviteCode->setText(*code);
            m_inviteCode->show();
            m_invitesEmpty->hide();
            m_status->setText(Tr::tr("Invite code created."));
        });
    });
    return page;
}

QWidget *AdminView::buildAudit()
{
    auto *page = new QWidget(this);
    m_auditAction = new QComboBox(page);
    m_auditAction->setObjectName(QStringLiteral("auditActionBox"));
    m_auditAction->addItem(Tr::tr("All events"), QString());
    for (const QString &action : desktop::AuditActions::all())
        m_auditAction->addItem(desktop::AuditActions::label(action), action);
    auto *reload = new QPushButton(Tr::tr("&Refresh"), page);
    reload->setObjectName(QStringLiteral("auditRefreshButton"));
    m_auditActor = new QLabel(Tr::tr("Events by everyone"), page);
    m_auditActor->setObjectName(QStringLiteral("auditActorLabel"));
    auto *everyone = new QPushButton(Tr::tr("E&veryone"), page);
    everyone->setObjectName(QStringLiteral("auditEveryoneButton"));
    connect(everyone, &QPushButton::clicked, this, [this] {
        m_auditActorId.clear();
        m_auditActor->setText(Tr::tr("Events by everyone"));
        loadAudit();
    });
    m_audit = table(page, "auditTable",
                    { Tr::tr("Time"), Tr::tr("Event"), Tr::tr("By"), Tr::tr("Concerning"), Tr::tr("Address") });
    auto *row = new QHBoxLayout;
    row->addWidget(m_auditAction);
    row->addWidget(m_auditActor);
    row->addWidget(everyone);
    row->addStretch();
    row->addWidget(reload);
    m_auditEmpty = emptyState(page, "auditEmpty");
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(m_audit, 1);
    layout->addWidget(m_auditEmpty, 1);
    connect(reload, &QPushButton::clicked, this, &AdminView::loadAudit);
    connect(m_auditAction, &QComboBox::currentIndexChanged, this, &AdminView::loadAudit);
    return page;
}

void AdminView::loadUsers(const QString &note)
{
    const int load = ++m_usersLoad;
    m_admin->listUsers(
        m_search->text(), 1, [this, note, load](const shared::Result<desktop::AccountAdmin::UserPage> &page) {
            if (load != m_usersLoad)
                return;
            if (!page) {
                m_status->setText(errorText(page.error()));
                return;
            }
            m_users->setRowCount(0);
            for (const shared::User &u : page->users) {
                const int row = m_users->rowCount();
                m_users->insertRow(row);
                auto *name = new QTableWidgetItem(u.name);
                name->setData(Qt::UserRole, u.id);
                m_users->setItem(row, 0, name);
                m_users->setItem(row, 1, new QTableWidgetItem(u.email));
                auto *role = new QTableWidgetItem(roleLabel(u.role));
                role->setData(Qt::UserRole, shared::roleName(u.role));
                m_users->setItem(row, 2, role);
                auto *state = new QTableWidgetItem(
                    u.disabled ? Tr::tr("Disabled") : (u.emailVerified ? Tr::tr("Active") : Tr::tr("Unverified")));
                state->setData(Qt::UserRole, u.disabled);
                m_users->setItem(row, 3, state);
                m_users->setItem(row, 4, dateItem(shared::Timestamp::format(u.createdAt)));
            }
            const bool empty = page->users.isEmpty();
            m_users->setVisible(!empty);
            m_usersEmpty->setVisible(empty);
            m_usersEmpty->setText(
                Tr::tr("Nobody matches \u201c%1\u201d. Clear the search to see everyone, or click Add User.")
                    .arg(m_search->text().trimmed()));
            updateToggle();
            m_status->setText(note.isEmpty() ? Tr::tr("%n user(s) found.", nullptr, page->total) : note);
        });
}

QString AdminView::selectedUserId() const
{
    const QList<QTableWidgetItem *> selected = m_users->selectedItems();
    return selected.isEmpty() ? QString() : m_users->item(selected.first()->row(), 0)->data(Qt::UserRole).toString();
}

void AdminView::applyToSelected(bool changeRole, bool toggleDisabled)
{
    const QString id = selectedUserId();
    if (id.isEmpty()) {
        m_status->setText(Tr::tr("Select a user first."));
        return;
    }
    const int row = m_users->selectedItems().first()->row();
    std::optional<shared::Role> role;
    if (changeRole)
        role = shared::roleFromName(m_role->currentData().toString());
    std::optional<bool> disabled;
    if (toggleDisabled)
        disabled = !m_users->item(row, 3)->data(Qt::UserRole).toBool();
    m_admin->updateUser(id, role, disabled, [this](const shared::Result<shared::User> &user) {
        if (!user) {
            m_status->setText(errorText(user.error()));
            return;
        }
        loadUsers(Tr::tr("Saved changes to %1.").arg(user->email));
    });
}

void AdminView::updateToggle()
{
    const QList<QTableWidgetItem *> selected = m_users->selectedItems();
    m_toggle->setEnabled(!selected.isEmpty());
    const bool disabled = !selected.isEmpty() && m_users->item(selected.first()->row(), 3)->data(Qt::UserRole).toBool();
    m_toggle->setText(disabled ? Tr::tr("&Enable Account") : Tr::tr("&Disable Account"));
}

void AdminView::toggleSelected()
{
    const QList<QTableWidgetItem *> selected = m_users->selectedItems();
    if (selected.isEmpty()) {
        m_status->setText(Tr::tr("Select a user first."));
        return;
    }
    const int row = selected.first()->row();
    if (m_users->item(row, 3)->data(Qt::UserRole).toBool()) {
        applyToSelected(false, true); // enabling takes nothing away
        return;
    }
    const QString who = m_users->item(row, 0)->text().isEmpty()
        ? m_users->item(row, 1)->text()
        : Tr::tr("%1 (%2)").arg(m_users->item(row, 0)->text(), m_users->item(row, 1)->text());
    auto *ask = new QMessageBox(QMessageBox::Question, Tr::tr("Disable Account"),
                                Tr::tr("Disable the account of %1?").arg(who), QMessageBox::Cancel, this);
    ask->setObjectName(QStringLiteral("confirmDisable"));
    ask->setInformativeText(
        Tr::tr("They are signed out on every device and cannot sign in until the account is enabled again. "
               "Their articles stay."));
    QPushButton *yes = ask->addButton(Tr::tr("&Disable Account"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirmDisableButton"));
    ask->setDefaultButton(QMessageBox::Cancel);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = selectedUserId();
    connect(ask, &QMessageBox::buttonClicked, this, [this, yes, id](QAbstractButton *clicked) {
        // The selection may have moved while the question was open.
        if (clicked == yes && selectedUserId() == id)
            applyToSelected(false, true);
    });
    ask->open();
}

void AdminView::addUser()
{
    auto *dialog = new AddUserDialog(*m_admin, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddUserDialog::added, this, [this](const shared::User &user) {
        m_search->clear();
        loadUsers(Tr::tr("Added %1. An email with a link to choose a password is on its way.").arg(user.email));
    });
    dialog->open();
}

void AdminView::loadAudit()
{
    const int load = ++m_auditLoad;
    m_admin->audit(
        m_auditAction->currentData().toString(), m_auditActorId,
        [this, load](const shared::Result<QList<desktop::AuditEntry>> &entries) {
            if (load != m_auditLoad)
                return;
            if (!entries) {
                m_status->setText(errorText(entries.error()));
                return;
            }
            m_audit->setRowCount(0);
            for (const desktop::AuditEntry &e : *entries) {
                const int row = m_audit->rowCount();
                m_audit->insertRow(row);
                m_audit->setItem(row, 0, dateItem(e.at));
                auto *action = new QTableWidgetItem(desktop::AuditActions::label(e.action));
                action->setData(Qt::UserRole, e.action);
                m_audit->setItem(row, 1, action);
                // No actor: the operator at the server's console, or someone
                // not signed in (a failed sign-in, a reset asked for).
                const bool console = e.ip == QLatin1String("console");
                const QString nobody = console ? Tr::tr("Server console") : QString();
                m_audit->setItem(row, 2,
                                 personItem(e.actorId, e.actorName, e.actorEmail,
                                            e.actorId.isEmpty() ? nobody : Tr::tr("Deleted account")));
                // A target that names no one is a session (a sign-out): the
                // person who did it says it all.
                m_audit->setItem(row, 3, personItem(e.targetId, e.targetName, e.targetEmail, QString()));
                // "console" is the wire's word for no network address: By says it.
                m_audit->setItem(row, 4, new QTableWidgetItem(console ? QString() : e.ip));
            }
            const bool empty = entries->isEmpty();
            m_audit->setVisible(!empty);
            m_auditEmpty->setVisible(empty);
            const bool filtered = !m_auditActorId.isEmpty() || !m_auditAction->currentData().toString().isEmpty();
            m_auditEmpty->setText(filtered ? Tr::tr("No events match. Choose All events and Everyone to see the whole "
                                                    "log.")
                                           : Tr::tr("No events yet. Sign-ins, role changes and other account events "
                                                    "appear here."));
        });
}

} // namespace quire::gui
