// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/serversecret.h"

#include "shared/database.h"
#include "shared/sqldialect.h"

#include <QVariant>

#include <sodium.h>

namespace quire::server::ServerSecret {

shared::Result<QByteArray> get(shared::Database &db, const QString &name)
{
    const QString select = QStringLiteral("SELECT value FROM server_meta WHERE key = ?");
    shared::Result<QVariant> value = db.scalar(select, { name });
    if (!value)
        return value.error();
    if (value->isNull()) {
        // Only the first use writes; concurrent first uses agree on one row.
        QByteArray secret(32, Qt::Uninitialized);
        randombytes_buf(secret.data(), size_t(secret.size()));
        if (shared::VoidResult r
            = db.run(db.dialect().insertIfAbsent(QStringLiteral("server_meta"),
                                                 { QStringLiteral("key"), QStringLiteral("value") },
                                                 { QStringLiteral("key") }),
                     { name, QString::fromLatin1(secret.toHex()) });
            !r)
            return r.error();
        value = db.scalar(select, { name });
        if (!value)
            return value.error();
    }
    return QByteArray::fromHex(value->toString().toLatin1());
}

} // namespace quire::server::ServerSecret
