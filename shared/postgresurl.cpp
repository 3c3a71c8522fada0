// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/postgresurl.h"

#include "shared/tr.h"

#include <QSqlDatabase>
#include <QUrl>
#include <QUrlQuery>

namespace quire::shared {

Result<PostgresUrl> PostgresUrl::parse(const QString &location)
{
    const QUrl url(location);
    PostgresUrl parsed;
    parsed.m_database = url.path().mid(1);
    parsed.m_shown = url.toDisplayString(QUrl::RemovePassword);
    if (!url.isValid() || parsed.m_database.isEmpty()) {
        return Error::make(ErrorCode::DatabaseOpenFailed,
                           Tr::tr("The database URL is not postgresql://user@host/database: %1").arg(parsed.m_shown));
    }
    // libpq takes a directory as host for a Unix socket; in a URL it comes
    // as ?host=/dir (a path cannot be the URL's host).
    const QUrlQuery query(url);
    parsed.m_host
        = query.hasQueryItem(QStringLiteral("host")) ? query.queryItemValue(QStringLiteral("host")) : url.host();
    parsed.m_port = url.port();
    parsed.m_user = url.userName();
    parsed.m_password = url.password();
    return parsed;
}

void PostgresUrl::applyTo(QSqlDatabase &db) const
{
    db.setDatabaseName(m_database);
    if (!m_host.isEmpty())
        db.setHostName(m_host);
    if (m_port > 0)
        db.setPort(m_port);
    db.setUserName(m_user);
    db.setPassword(m_password);
}

} // namespace quire::shared
