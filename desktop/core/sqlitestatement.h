// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringDecoder>

#include <memory>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace quire::desktop {

// A statement prepared straight on the replica's SQLite connection, for the
// rows of a pull page (thousands per page): QSqlQuery wraps each value in a
// QVariant and formats and hashes a placeholder name per bind. Text is
// stored exactly as QSqlQuery with Database::bindable() stores it: as
// UTF-16 (SQLite's own UTF-8 reader would turn U+FFFE into U+FFFD in the
// replica's UTF-16 file), with the extra byte-order mark that rule adds.
class SqliteStatement
{
public:
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Fails when `db` is not an open SQLite connection or `sql` does not prepare.
    static shared::Result<std::unique_ptr<SqliteStatement>> prepare(const QSqlDatabase &db, const QString &sql);

    // Placeholders count from 0, as in QSqlQuery. Ill-formed UTF-8 is
    // decoded as Utf8::decode() does. Both copy: the text may go before run().
    void bindText(int index, std::string_view utf8);
    void bindText(int index, const QString &text);
    void bindInteger(int index, qint64 value);
    void bindNull(int index);

    // Runs the statement, then resets it and clears its binds for the next row.
    shared::VoidResult run();

private:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *statement);
    void bindUtf16(int index, QChar *begin, QChar *end);

    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
    QStringDecoder m_decoder;
    std::vector<QChar> m_scratch; // one decoded value, reused for every bind
};

} // namespace quire::desktop
