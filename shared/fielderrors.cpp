// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/fielderrors.h"

#include "shared/tr.h"

namespace quire::shared {

void FieldErrors::add(const QString &field, const QString &message)
{
    if (!m_fields.contains(field))
        m_fields.insert(field, message);
}

Error FieldErrors::toError() const
{
    return Error::make(QStringLiteral("validation_failed"),
                       Tr::tr("Some fields are not valid."), m_fields);
}

} // namespace quire::shared
