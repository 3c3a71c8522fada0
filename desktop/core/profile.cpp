// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/profile.h"

#include "desktop/core/tr.h"
#include "shared/uuid.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace quire::desktop {

namespace {
const QString kServerUrl = QStringLiteral("server/url");
const QString kServerFingerprint = QStringLiteral("server/fingerprint");
const QString kSiteName = QStringLiteral("server/site_name");
const QString kAccountId = QStringLiteral("account/id");
const QString kAccountEmail = QStringLiteral("account/email");
const QString kAccountName = QStringLiteral("account/name");
const QString kAccountRole = QStringLiteral("account/role");
const QString kPublicUrl = QStringLiteral("server/public_url");
const QString kClientId = QStringLiteral("replica/client_id");
const QString kTheme = QStringLiteral("appearance/theme");
// The settings file's words for the themes, in ThemePreference's order.
const QLatin1String kThemeNames[] = { QLatin1String("system"), QLatin1String("light"), QLatin1String("dark") };
} // namespace

Profile::Profile(QString directory)
    : m_directory(std::move(directory))
    , m_settings(
          std::make_unique<QSettings>(QDir(m_directory).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat))
{ }

shared::Result<std::unique_ptr<Profile>> Profile::open(const QString &dir)
{
    QString path = dir;
    if (path.isEmpty())
        path = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    path = QDir::cleanPath(QDir::current().absoluteFilePath(path));
    const QFileInfo info(path);
    if (info.exists() && !info.isDir()) {
        return shared::Error::make(shared::ErrorCode::ProfileInvalid,
                                   Tr::tr("The profile %1 is a file, not a folder.").arg(path));
    }
    if (!QDir().mkpath(path)) {
        return shared::Error::make(shared::ErrorCode::ProfileUnwritable,
                                   Tr::tr("Cannot create the profile folder %1.").arg(path));
    }
    // Settings, tokens and drafts are nobody else's business.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return std::unique_ptr<Profile>(new Profile(path));
}

QString Profile::replicaPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("replica.db"));
}

QString Profile::clientId()
{
    QString id = m_settings->value(kClientId).toString();
    if (!shared::Uuid::isV7(id)) {
        id = shared::Uuid::createV7();
        m_settings->setValue(kClientId, id);
        m_settings->sync();
    }
    return id;
}

QUrl Profile::serverUrl() const
{
    return m_settings->value(kServerUrl).toUrl();
}

QString Profile::pinnedFingerprint() const
{
    return m_settings->value(kServerFingerprint).toString();
}

QString Profile::pinFor(const QUrl &url) const
{
    return url == serverUrl() ? pinnedFingerprint() : QString();
}

void Profile::setServer(const QUrl &url, const QString &fingerprint)
{
    if (url != serverUrl()) {
        m_settings->remove(kSiteName);
        m_settings->remove(kPublicUrl);
    }
    m_settings->setValue(kServerUrl, url);
    m_settings->setValue(kServerFingerprint, fingerprint);
    m_settings->sync();
}

void Profile::forgetServer()
{
    m_settings->remove(kServerUrl);
    m_settings->remove(kServerFingerprint);
    m_settings->remove(kSiteName);
    m_settings->remove(kPublicUrl);
    m_settings->sync();
}

Profile::Account Profile::account() const
{
    return { m_settings->value(kAccountId).toString(), m_settings->value(kAccountEmail).toString(),
             m_settings->value(kAccountName).toString() };
}

void Profile::setAccount(const Account &account)
{
    m_settings->setValue(kAccountId, account.id);
    m_settings->setValue(kAccountEmail, account.email);
    m_settings->setValue(kAccountName, account.name);
    m_settings->sync();
}

QString Profile::accountRole() const
{
    return m_settings->value(kAccountRole).toString();
}

void Profile::setAccountRole(const QString &role)
{
    m_settings->setValue(kAccountRole, role);
    m_settings->sync();
}

QUrl Profile::publicUrl() const
{
    const QUrl url = m_settings->value(kPublicUrl).toUrl();
    return url.isValid() && !url.isRelative() ? url : serverUrl();
}

void Profile::setPublicUrl(const QUrl &url)
{
    if (url == m_settings->value(kPublicUrl).toUrl())
        return;
    if (url.isEmpty())
        m_settings->remove(kPublicUrl);
    else
        m_settings->setValue(kPublicUrl, url);
    m_settings->sync();
}

QString Profile::siteName() const
{
    const QString name = m_settings->value(kSiteName).toString();
    return name.isEmpty() ? serverUrl().host() : name;
}

void Profile::setSiteName(const QString &name)
{
    // The monitor hears the name every half minute; the file changes only
    // when the name does.
    if (name == m_settings->value(kSiteName).toString())
        return;
    m_settings->setValue(kSiteName, name);
    m_settings->sync();
}

ThemePreference Profile::theme() const
{
    const QString name = m_settings->value(kTheme).toString();
    for (int i = 0; i < int(std::size(kThemeNames)); ++i) {
        if (name == kThemeNames[i])
            return ThemePreference(i);
    }
    return ThemePreference::System; // unset, or a word from a later version
}

void Profile::setTheme(ThemePreference theme)
{
    m_settings->setValue(kTheme, QString(kThemeNames[int(theme)]));
    m_settings->sync();
}

} // namespace quire::desktop
