// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

#include <functional>
#include <utility>

class QLabel;
class QListWidget;
class QPushButton;

namespace quire::desktop {
class SchedulerRemote;
class SchedulerStore;
class Workspace;
} // namespace quire::desktop

namespace quire::gui {

// Clients and their platforms: add, edit and delete both (offline, through
// the store), and a platform's credential: "Set Credential…" sends it once
// to the server, after which only "set on <date>" is shown; "Remove
// Credential" asks the server to forget it.
class ClientsDialog final : public QDialog
{
    Q_OBJECT
public:
    ClientsDialog(desktop::Workspace &workspace, desktop::SchedulerStore &store, QWidget *parent = nullptr);

    QListWidget *clientList() const { return m_clients; }
    QListWidget *platformList() const { return m_platforms; }
    // The list shows the client's or platform's row with this id.
    void selectClient(const QString &id);
    void selectPlatform(const QString &id);

    // Each opens its dialog (tests answer it through the active modal widget).
    void addClient();
    void editClient();
    void removeClient();
    void addPlatform();
    void editPlatform();
    void removePlatform();
    void setCredential();
    void removeCredential();

Q_SIGNALS:
    // A client or platform changed: the Posts section reloads its choices.
    void changed();

private:
    void reloadClients();
    void reloadPlatforms();
    void updateButtons();
    QString currentClient() const;
    QString currentPlatform() const;
    void failed(const QString &message);
    // Calls `then` once a sync round ended with nothing left to push (true)
    // or failed (false).
    void afterSync(std::function<void(bool)> then);
    void sendCredential(const QString &platformId, const QList<std::pair<QString, QString>> &secret);

    desktop::Workspace &m_workspace;
    desktop::SchedulerStore &m_store;
    desktop::SchedulerRemote *m_remote;
    QListWidget *m_clients;
    QListWidget *m_platforms;
    QLabel *m_credential;
    QLabel *m_message;
    QPushButton *m_editClient;
    QPushButton *m_removeClient;
    QPushButton *m_addPlatform;
    QPushButton *m_editPlatform;
    QPushButton *m_removePlatform;
    QPushButton *m_setCredential;
    QPushButton *m_removeCredential;
};

} // namespace quire::gui
