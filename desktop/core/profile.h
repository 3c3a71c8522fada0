// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QSettings>
#include <QString>
#include <QUrl>

#include <memory>

namespace quire::desktop {

// How the app looks: as the system does, or always light or dark.
enum class ThemePreference { System, Light, Dark };

// One user's local state: the settings file, the replica database and the
// media cache, all in one directory. The default lives under
// QStandardPaths::AppDataLocation; `--profile DIR` points elsewhere so
// tests and several accounts never share files.
class Profile
{
public:
    // Opens (creating if needed) the profile in `dir`, or the default one when empty.
    static shared::Result<std::unique_ptr<Profile>> open(const QString &dir = QString());

    QString directory() const { return m_directory; }
    QString replicaPath() const;
    QSettings &settings() { return *m_settings; }

    // The account last signed in here, kept for offline use (who owns new
    // articles, the byline of the preview, the sign-in dialog's address).
    struct Account
    {
        QString id;
        QString email;
        QString name;
    };
    Account account() const;
    void setAccount(const Account &account);
    // The signed-in account's role (admin, editor, …) as the server last
    // said, kept so that offline the UI still knows what the user may do.
    QString accountRole() const;
    void setAccountRole(const QString &role);

    // The replica's id, made once per profile (a UUIDv7); servers use it to
    // number this client's mutations.
    QString clientId();

    QUrl serverUrl() const;
    QString pinnedFingerprint() const;
    // The fingerprint pinned for `url`: the profile's pin when `url` is the
    // server it remembers, none for any other (a pin belongs to one server).
    QString pinFor(const QUrl &url) const;
    // Remembers the server and the certificate fingerprint the user accepted;
    // another server's site name is forgotten.
    void setServer(const QUrl &url, const QString &fingerprint);
    void forgetServer();
    // The name of the server's readers' site as the server last gave it
    // (GET /health); until it has, the server's host name; empty without a
    // server.
    QString siteName() const;
    void setSiteName(const QString &name);
    // Where readers reach the site (GET /health's public_url, for a server
    // behind a proxy); the server's own address when it does not say.
    QUrl publicUrl() const;
    // Empty: the server's own address.
    void setPublicUrl(const QUrl &url);
    // The look the user chose (System until they choose).
    ThemePreference theme() const;
    void setTheme(ThemePreference theme);

private:
    explicit Profile(QString directory);

    QString m_directory;
    std::unique_ptr<QSettings> m_settings;
};

} // namespace quire::desktop
