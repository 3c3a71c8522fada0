// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QMap>
#include <QString>

namespace quire::shared {

// Field-level validation messages, keyed by the JSON field name. The first
// problem found for a field is the one reported: it is the one to fix first.
class FieldErrors
{
public:
    void add(const QString &field, const QString &message);
    bool has(const QString &field) const { return m_fields.contains(field); }
    bool isEmpty() const { return m_fields.isEmpty(); }
    const QMap<QString, QString> &fields() const { return m_fields; }

    // Common rules, each skipped when the field already has a message.
    void checkUuidV7(const QString &field, const QString &value);
    // Required text: not blank, at most `maxLength` characters.
    void checkText(const QString &field, const QString &value, int maxLength);

    // The error a request answers with: code `validation_failed` and every field.
    Error toError() const;

private:
    QMap<QString, QString> m_fields;
};

} // namespace quire::shared
