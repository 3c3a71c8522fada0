// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/conformance/parentrows.h"

#include "desktop/core/contentstore.h"

namespace quire::test {

using shared::Result;
using shared::SyncColumn;
using shared::SyncTable;

ParentRows::ParentRows(desktop::ContentStore &store, QString accountId, QMap<QString, QString> given, Values values)
    : m_store(store)
    , m_accountId(std::move(accountId))
    , m_rows(std::move(given))
    , m_values(std::move(values))
{ }

Result<nlohmann::json> ParentRows::fieldsFor(const SyncTable &table)
{
    m_inProgress.insert(table.name);
    nlohmann::json fields = nlohmann::json::object();
    for (const SyncColumn &c : table.columns) {
        if (c.merge == shared::MergeRule::ServerOwned)
            continue;
        const std::string name = c.name.toStdString();
        if (c.references.isEmpty()) {
            if (c.required)
                fields[name] = m_values(c).toStdString();
            continue;
        }
        if (!c.required && !m_rows.contains(c.references) && !sharesAParent(c.references))
            continue;
        if (m_inProgress.contains(c.references) && !m_rows.contains(c.references)) {
            if (!c.required)
                continue; // a row naming its own kind (a branch's origin) is optional
            m_inProgress.remove(table.name);
            return shared::Error::make(shared::ErrorCode::Internal,
                                       QStringLiteral("%1.%2 needs a row of its own table").arg(table.name, c.name));
        }
        Result<QString> parent = rowOf(c.references);
        if (!parent) {
            m_inProgress.remove(table.name);
            return parent.error();
        }
        fields[name] = parent->toStdString();
    }
    m_inProgress.remove(table.name);
    return fields;
}

Result<QString> ParentRows::rowOf(const QString &table)
{
    if (m_rows.contains(table))
        return m_rows.value(table);
    const SyncTable *t = shared::SyncSchema::find(table);
    if (!t)
        return shared::Error::make(shared::ErrorCode::Internal, QStringLiteral("%1 is not declared").arg(table));
    Result<nlohmann::json> fields = fieldsFor(*t);
    if (!fields)
        return fields.error();
    Result<QString> id = m_store.create(*t, *fields, m_accountId);
    if (!id)
        return id.error();
    m_rows.insert(table, *id);
    m_made << table;
    return *id;
}

bool ParentRows::sharesAParent(const QString &table) const
{
    const SyncTable *t = shared::SyncSchema::find(table);
    if (!t || m_inProgress.contains(table))
        return false;
    bool shares = false;
    for (const SyncColumn &c : t->columns) {
        if (!c.required || c.references.isEmpty())
            continue;
        if (!m_rows.contains(c.references))
            return false; // it would need a parent of its own
        shares = true;
    }
    return shares;
}

} // namespace quire::test
