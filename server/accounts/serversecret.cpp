// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/serversecret.h"

#include "shared/database.h"

#include <QVariant>

namespace quire::server::ServerSecret {

shared::Result<QByteArray> get(shared::Database &db, const QString &name)
{
    const QString select = QStringLiteral("SELECT value FROM server_meta WHERE key = ?");
    shared::Result<QVariant> value = db.scalar(select, { name });
    if (!value)
        return value.error();
    if (value->isNull()) {
        // Only the first use writes; concurrent first uses agree on one row.
        if (shared::VoidResult r = db.run(QStringLiteral("INSERT OR IGNORE INTO server_meta(key, value) "
                                                         "VALUES (?, lower(hex(randomblob(32))))"),
                                          { name });
            !r)
            return r.error();
        value = db.scalar(select, { name });
        if (!value)
            return value.error();
    }
    return QByteArray::fromHex(value->toString().toLatin1());
}

} // namespace quire::server::ServerSecret
