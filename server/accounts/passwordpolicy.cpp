// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/passwordpolicy.h"

#include "shared/softassert.h"

#include <QFile>

namespace quire::server {

PasswordPolicy::PasswordPolicy()
{
    QFile file(QStringLiteral(":/quire/common-passwords.txt"));
    QUIRE_ASSERT(file.open(QIODevice::ReadOnly), return );
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (!line.isEmpty())
            m_common.insert(line.toLower());
    }
}

const PasswordPolicy &PasswordPolicy::instance()
{
    static const PasswordPolicy policy;
    return policy;
}

std::optional<QString> PasswordPolicy::check(const QString &password) const
{
    // Length in characters as people count them, not UTF-16 units.
    const qsizetype length = password.toUcs4().size();
    if (length < kMinLength)
        return QStringLiteral("Use at least %1 characters.").arg(kMinLength);
    if (length > kMaxLength)
        return QStringLiteral("Use at most %1 characters.").arg(kMaxLength);
    if (m_common.contains(password.toLower()))
        return QStringLiteral("This password is one of the most common ones; choose another.");
    return std::nullopt;
}

} // namespace quire::server
