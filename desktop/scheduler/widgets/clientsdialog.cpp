// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/widgets/clientsdialog.h"

#include "desktop/core/authsession.h"
#include "desktop/core/datetext.h"
#include "desktop/core/syncengine.h"
#include "desktop/core/syncstore.h"
#include "desktop/core/workspace.h"
#include "desktop/scheduler/core/schedulerlabels.h"
#include "desktop/scheduler/core/schedulerremote.h"
#include "desktop/scheduler/core/schedulerstore.h"
#include "desktop/scheduler/widgets/clientdialog.h"
#include "desktop/scheduler/widgets/credentialdialog.h"
#include "desktop/scheduler/widgets/platformdialog.h"
#include "desktop/widgets/tr.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace quire::gui {

using desktop::PlatformRecord;

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QPushButton *button(const QString &text, const char *name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    return b;
}

void select(QListWidget &list, const QString &id)
{
    for (int i = 0; i < list.count(); ++i) {
        if (list.item(i)->data(kIdRole).toString() == id) {
            list.setCurrentRow(i);
            return;
        }
    }
}

} // namespace

ClientsDialog::ClientsDialog(desktop::Workspace &workspace, desktop::SchedulerStore &store, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_store(store)
    , m_remote(new desktop::SchedulerRemote(workspace.session(), this))
    , m_clients(new QListWidget(this))
    , m_platforms(new QListWidget(this))
    , m_credential(new QLabel(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("clientsDialog"));
    setWindowTitle(Tr::tr("Clients and Platforms"));
    m_clients->setObjectName(QStringLiteral("clientList"));
    m_platforms->setObjectName(QStringLiteral("platformList"));
    m_credential->setObjectName(QStringLiteral("credentialState"));
    m_message->setObjectName(QStringLiteral("clientsMessage"));
    m_clients->setAccessibleName(Tr::tr("Clients"));
    m_platforms->setAccessibleName(Tr::tr("Platforms"));
    m_message->setWordWrap(true);
    m_credential->setWordWrap(true);

    auto *addClientButton = button(Tr::tr("&Add Client…"), "addClient", this);
    m_editClient = button(Tr::tr("&Edit…"), "editClient", this);
    m_removeClient = button(Tr::tr("&Delete"), "removeClient", this);
    m_addPlatform = button(Tr::tr("Add &Platform…"), "addPlatform", this);
    m_editPlatform = button(Tr::tr("Ed&it…"), "editPlatform", this);
    m_removePlatform = button(Tr::tr("De&lete"), "removePlatform", this);
    m_setCredential = button(Tr::tr("Set &Credential…"), "setCredential", this);
    m_removeCredential = button(Tr::tr("&Remove Credential"), "removeCredential", this);

    auto *clientsBox = new QGroupBox(Tr::tr("Clients"), this);
    auto *clientsLayout = new QGridLayout(clientsBox);
    clientsLayout->addWidget(m_clients, 0, 0, 1, 3);
    clientsLayout->addWidget(addClientButton, 1, 0);
    clientsLayout->addWidget(m_editClient, 1, 1);
    clientsLayout->addWidget(m_removeClient, 1, 2);
    auto *platformsBox = new QGroupBox(Tr::tr("The client's platforms"), this);
    auto *platformsLayout = new QGridLayout(platformsBox);
    platformsLayout->addWidget(m_platforms, 0, 0, 1, 3);
    platformsLayout->addWidget(m_addPlatform, 1, 0);
    platformsLayout->addWidget(m_editPlatform, 1, 1);
    platformsLayout->addWidget(m_removePlatform, 1, 2);
    platformsLayout->addWidget(m_credential, 2, 0, 1, 3);
    // Their own row: in the grid's third column "Remove Credential" was
    // clipped to the width of "Delete".
    auto *credentialButtons = new QHBoxLayout;
    credentialButtons->addWidget(m_setCredential, 1);
    credentialButtons->addWidget(m_removeCredential, 1);
    platformsLayout->addLayout(credentialButtons, 3, 0, 1, 3);
    auto *columns = new QHBoxLayout;
    columns->addWidget(clientsBox, 1);
    columns->addWidget(platformsBox, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(760, 460);

    connect(addClientButton, &QPushButton::clicked, this, &ClientsDialog::addClient);
    connect(m_editClient, &QPushButton::clicked, this, &ClientsDialog::editClient);
    connect(m_removeClient, &QPushButton::clicked, this, &ClientsDialog::removeClient);
    connect(m_addPlatform, &QPushButton::clicked, this, &ClientsDialog::addPlatform);
    connect(m_editPlatform, &QPushButton::clicked, this, &ClientsDialog::editPlatform);
    connect(m_removePlatform, &QPushButton::clicked, this, &ClientsDialog::removePlatform);
    connect(m_setCredential, &QPushButton::clicked, this, &ClientsDialog::setCredential);
    connect(m_removeCredential, &QPushButton::clicked, this, &ClientsDialog::removeCredential);
    connect(m_clients, &QListWidget::currentRowChanged, this, &ClientsDialog::reloadPlatforms);
    connect(m_platforms, &QListWidget::currentRowChanged, this, &ClientsDialog::updateButtons);
    connect(m_clients, &QListWidget::itemDoubleClicked, this, &ClientsDialog::editClient);
    connect(m_platforms, &QListWidget::itemDoubleClicked, this, &ClientsDialog::editPlatform);
    // The credential's date arrives with the next sync round.
    connect(&workspace.sync(), &desktop::SyncEngine::roundFinished, this, [this] {
        const QString platform = currentPlatform();
        reloadPlatforms();
        selectPlatform(platform);
    });
    reloadClients();
}

QString ClientsDialog::currentClient() const
{
    return m_clients->currentItem() ? m_clients->currentItem()->data(kIdRole).toString() : QString();
}

QString ClientsDialog::currentPlatform() const
{
    return m_platforms->currentItem() ? m_platforms->currentItem()->data(kIdRole).toString() : QString();
}

void ClientsDialog::selectClient(const QString &id)
{
    select(*m_clients, id);
}

void ClientsDialog::selectPlatform(const QString &id)
{
    select(*m_platforms, id);
}

void ClientsDialog::failed(const QString &message)
{
    m_message->setText(message);
}

void ClientsDialog::reloadClients()
{
    const QString current = currentClient();
    const QSignalBlocker blocker(m_clients);
    m_clients->clear();
    auto clients = m_store.listClients();
    if (!clients)
        return failed(clients.error().message);
    for (const desktop::ClientRecord &c : *clients) {
        auto *item
            = new QListWidgetItem(c.handle.isEmpty() ? c.name : Tr::tr("%1 (%2)").arg(c.name, c.handle), m_clients);
        item->setData(kIdRole, c.id);
    }
    select(*m_clients, current);
    if (m_clients->currentRow() < 0 && m_clients->count() > 0)
        m_clients->setCurrentRow(0);
    reloadPlatforms();
}

void ClientsDialog::reloadPlatforms()
{
    const QString current = currentPlatform();
    const QSignalBlocker blocker(m_platforms);
    m_platforms->clear();
    const QString client = currentClient();
    if (!client.isEmpty()) {
        auto platforms = m_store.platformsOf(client);
        if (!platforms)
            failed(platforms.error().message);
        for (const PlatformRecord &p : platforms ? *platforms : QList<PlatformRecord>()) {
            QString text = desktop::SchedulerLabels::platformName(p.displayName, p.kind);
            if (!p.accountHandle.isEmpty())
                text += QStringLiteral(" · ") + p.accountHandle;
            auto *item = new QListWidgetItem(text, m_platforms);
            item->setData(kIdRole, p.id);
        }
    }
    select(*m_platforms, current);
    if (m_platforms->currentRow() < 0 && m_platforms->count() > 0)
        m_platforms->setCurrentRow(0);
    updateButtons();
}

void ClientsDialog::updateButtons()
{
    const bool client = !currentClient().isEmpty();
    m_editClient->setEnabled(client);
    m_removeClient->setEnabled(client);
    m_addPlatform->setEnabled(client);
    const auto platform = m_store.platform(currentPlatform());
    const bool hasPlatform = platform && *platform;
    m_editPlatform->setEnabled(hasPlatform);
    m_removePlatform->setEnabled(hasPlatform);
    const bool online = m_workspace.session().isSignedIn();
    m_setCredential->setEnabled(hasPlatform && online);
    m_removeCredential->setEnabled(hasPlatform && online && (*platform)->hasCredential());
    const QString offline = Tr::tr("Credentials go straight to the server: sign in to send one.");
    m_setCredential->setToolTip(online ? QString() : offline);
    m_removeCredential->setToolTip(online ? QString() : offline);
    if (!hasPlatform)
        m_credential->setText(client ? Tr::tr("Add the networks this client posts to.")
                                     : Tr::tr("Add a client first, then the networks they post to."));
    else if ((*platform)->hasCredential())
        m_credential->setText(
            Tr::tr("Credential set on %1.").arg(desktop::DateText::full((*platform)->credentialSetAt)));
    else
        m_credential->setText(Tr::tr("No credential set: posts to this platform cannot go out yet."));
}

void ClientsDialog::addClient()
{
    ClientDialog dialog({}, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto id = m_store.createClient(dialog.fields(), m_workspace.accountId());
    if (!id)
        return failed(id.error().message);
    m_message->clear();
    reloadClients();
    selectClient(*id);
    Q_EMIT changed();
}

void ClientsDialog::editClient()
{
    auto client = m_store.client(currentClient());
    if (!client || !*client)
        return;
    ClientDialog dialog(**client, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto r = m_store.updateClient((*client)->id, dialog.fields()); !r)
        return failed(r.error().message);
    m_message->clear();
    reloadClients();
    Q_EMIT changed();
}

void ClientsDialog::removeClient()
{
    auto client = m_store.client(currentClient());
    if (!client || !*client)
        return;
    if (QMessageBox::question(this, windowTitle(),
                              Tr::tr("Delete %1 with their platforms and posts?").arg((*client)->name))
        != QMessageBox::Yes)
        return;
    if (auto r = m_store.removeClient((*client)->id); !r)
        return failed(r.error().message);
    reloadClients();
    Q_EMIT changed();
}

void ClientsDialog::addPlatform()
{
    const QString client = currentClient();
    if (client.isEmpty())
        return;
    PlatformDialog dialog({}, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    nlohmann::json fields = dialog.fields();
    fields["client_id"] = client.toStdString();
    auto id = m_store.createPlatform(fields, m_workspace.accountId());
    if (!id)
        return failed(id.error().message);
    m_message->clear();
    reloadPlatforms();
    selectPlatform(*id);
    Q_EMIT changed();
}

void ClientsDialog::editPlatform()
{
    auto platform = m_store.platform(currentPlatform());
    if (!platform || !*platform)
        return;
    PlatformDialog dialog(**platform, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    nlohmann::json fields = dialog.fields();
    fields.erase("kind");
    if (auto r = m_store.updatePlatform((*platform)->id, fields); !r)
        return failed(r.error().message);
    m_message->clear();
    reloadPlatforms();
    Q_EMIT changed();
}

void ClientsDialog::removePlatform()
{
    auto platform = m_store.platform(currentPlatform());
    if (!platform || !*platform)
        return;
    if (QMessageBox::question(this, windowTitle(),
                              Tr::tr("Delete %1? Posts keep their other platforms.").arg((*platform)->displayName))
        != QMessageBox::Yes)
        return;
    if (auto r = m_store.removePlatform((*platform)->id); !r)
        return failed(r.error().message);
    reloadPlatforms();
    Q_EMIT changed();
}

void ClientsDialog::setCredential()
{
    auto platform = m_store.platform(currentPlatform());
    if (!platform || !*platform)
        return;
    CredentialDialog dialog((*platform)->kind, (*platform)->displayName, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_message->setText(Tr::tr("Sending the credential…"));
    m_setCredential->setEnabled(false);
    const QString id = (*platform)->id;
    const QList<std::pair<QString, QString>> secret = dialog.secret();
    // The server takes a credential only for a platform it has: one added
    // moments ago (or offline) goes there first, with a round.
    const auto status = m_workspace.syncStore().status();
    if (!status || status->pending == 0)
        return sendCredential(id, secret);
    afterSync([this, id, secret](bool inStep) {
        if (inStep)
            return sendCredential(id, secret);
        failed(Tr::tr("The credential was not sent: the platform has not reached the server yet. Try again when "
                      "the sync succeeds."));
        updateButtons();
    });
}

void ClientsDialog::afterSync(std::function<void(bool)> then)
{
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(&m_workspace.sync(), &desktop::SyncEngine::roundFinished, this,
                          [this, connection, then = std::move(then)](bool ok) {
                              const auto status = m_workspace.syncStore().status();
                              // A round already running when we asked is followed by ours.
                              if (ok && status && status->pending > 0)
                                  return;
                              disconnect(*connection);
                              then(ok);
                          });
    m_workspace.sync().syncNow();
}

void ClientsDialog::sendCredential(const QString &platformId, const QList<std::pair<QString, QString>> &secret)
{
    QPointer<ClientsDialog> self(this);
    m_remote->setCredential(platformId, secret, [self](shared::Result<QString> setAt) {
        if (!self)
            return;
        if (!setAt) {
            self->failed(Tr::tr("The credential was not stored: %1").arg(setAt.error().message));
            self->updateButtons();
            return;
        }
        self->m_message->setText(Tr::tr("Credential stored on the server on %1.").arg(desktop::DateText::full(*setAt)));
        self->m_workspace.sync().syncNow();
        self->updateButtons();
    });
}

void ClientsDialog::removeCredential()
{
    auto platform = m_store.platform(currentPlatform());
    if (!platform || !*platform)
        return;
    QPointer<ClientsDialog> self(this);
    m_remote->removeCredential((*platform)->id, [self](shared::VoidResult r) {
        if (!self)
            return;
        self->m_message->setText(r ? Tr::tr("The server forgot the credential.")
                                   : Tr::tr("The credential was not removed: %1").arg(r.error().message));
        if (r)
            self->m_workspace.sync().syncNow();
    });
}

} // namespace quire::gui
