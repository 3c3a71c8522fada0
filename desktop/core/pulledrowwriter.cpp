// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/pulledrowwriter.h"

#include "desktop/core/workingcopy.h"
#include "shared/jsonqt.h"

#include <string_view>

namespace quire::desktop {

PulledRowWriter::PulledRowWriter(QSqlDatabase db)
    : m_db(std::move(db))
{ }

shared::VoidResult PulledRowWriter::writeServerRow(const shared::SyncProtocol::Change &change, bool keepData,
                                                   qint64 generation)
{
    if (!m_serverRow) {
        shared::Result<std::unique_ptr<SqliteStatement>> prepared = SqliteStatement::prepare(
            m_db,
            QStringLiteral("INSERT INTO server_rows(tbl, id, rev, deleted, data, generation) "
                           "VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT(tbl, id) DO UPDATE SET "
                           "rev = excluded.rev, deleted = 0, data = excluded.data, "
                           "generation = excluded.generation"));
        if (!prepared)
            return prepared.error();
        m_serverRow = std::move(prepared.value());
    }
    m_serverRow->bindText(0, change.table);
    m_serverRow->bindText(1, change.id);
    m_serverRow->bindInteger(2, change.rev);
    if (keepData)
        m_serverRow->bindText(3, QString::fromUtf8(shared::toJsonBytes(change.row)));
    else
        m_serverRow->bindNull(3);
    m_serverRow->bindInteger(4, generation);
    return m_serverRow->run();
}

shared::VoidResult PulledRowWriter::writeWorkingRow(const shared::SyncTable &table,
                                                    const shared::SyncProtocol::Change &change)
{
    std::shared_ptr<TableStatement> &working = m_working[table.name];
    if (!working) {
        shared::Result<std::unique_ptr<SqliteStatement>> prepared
            = SqliteStatement::prepare(m_db, WorkingCopy::upsertSql(table));
        if (!prepared)
            return prepared.error();
        working = std::make_shared<TableStatement>();
        working->statement = std::move(prepared.value());
        for (const shared::SyncColumn &col : table.columns)
            working->keys.push_back(col.name.toStdString());
    }
    SqliteStatement &statement = *working->statement;
    int i = 0;
    statement.bindText(i++, change.id);
    // A value that is not text is written as empty text: the working copy's
    // columns are all text.
    for (const std::string &key : working->keys) {
        const auto it = change.row.find(key);
        statement.bindText(i++,
                           it != change.row.end() && it->is_string()
                               ? std::string_view(it->get_ref<const std::string &>())
                               : std::string_view());
    }
    statement.bindInteger(i, change.rev);
    return statement.run();
}

} // namespace quire::desktop
