// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/fielderrors.h"

#include "shared/tr.h"
#include "shared/uuid.h"

namespace quire::shared {

void FieldErrors::add(const QString &field, const QString &message)
{
    if (!m_fields.contains(field))
        m_fields.insert(field, message);
}

void FieldErrors::checkUuidV7(const QString &field, const QString &value)
{
    if (!has(field) && !Uuid::isV7(value))
        add(field, Tr::tr("Must be a UUIDv7."));
}

void FieldErrors::checkText(const QString &field, const QString &value, int maxLength)
{
    if (has(field))
        return;
    if (value.trimmed().isEmpty())
        add(field, Tr::tr("This field is required."));
    else if (value.size() > maxLength)
        add(field, Tr::tr("Must be at most %n characters.", nullptr, maxLength));
}

Error FieldErrors::toError() const
{
    return Error::make(ErrorCode::ValidationFailed, Tr::tr("Some fields are not valid."), m_fields);
}

} // namespace quire::shared
