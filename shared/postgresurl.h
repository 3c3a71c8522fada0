// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>

class QSqlDatabase;

namespace quire::shared {

// A postgresql:// URL read into what Qt's PostgreSQL driver takes: the one
// place that knows how the URL spells a database, a socket directory and a
// password, and the form of it that may be shown (without the password).
class PostgresUrl
{
public:
    static Result<PostgresUrl> parse(const QString &location);

    // Sets database, host (or socket directory), port, user and password.
    void applyTo(QSqlDatabase &db) const;
    // The URL as logs and messages show it: never with its password.
    QString shown() const { return m_shown; }

private:
    QString m_database;
    QString m_host;
    int m_port = -1;
    QString m_user;
    QString m_password;
    QString m_shown;
};

} // namespace quire::shared
