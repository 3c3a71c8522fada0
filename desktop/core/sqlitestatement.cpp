// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/sqlitestatement.h"

#include "desktop/core/tr.h"

#include <QSqlDriver>
#include <QVariant>

#include <algorithm>
#include <sqlite3.h>

namespace quire::desktop {

namespace {

shared::Error sqliteError(sqlite3 *db)
{
    return shared::Error::make(shared::ErrorCode::DbError, QString::fromUtf8(sqlite3_errmsg(db)));
}

} // namespace

SqliteStatement::SqliteStatement(sqlite3 *db, sqlite3_stmt *statement)
    : m_db(db)
    , m_statement(statement)
    // As Utf8::decode(): a leading EF BB BF is text like any other.
    , m_decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom | QStringDecoder::Flag::Stateless)
{ }

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

shared::Result<std::unique_ptr<SqliteStatement>> SqliteStatement::prepare(const QSqlDatabase &db, const QString &sql)
{
    // Qt's SQLite driver hands out its connection as a QVariant of "sqlite3*".
    const QVariant handle = db.isOpen() && db.driver() ? db.driver()->handle() : QVariant();
    sqlite3 *connection = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
        ? *static_cast<sqlite3 *const *>(handle.constData())
        : nullptr;
    if (!connection) {
        return shared::Error::make(shared::ErrorCode::DbError,
                                   Tr::tr("The replica's database is not an open SQLite connection."));
    }
    const QByteArray text = sql.toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(connection, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT, &statement,
                           nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(statement);
        return sqliteError(connection);
    }
    return std::unique_ptr<SqliteStatement>(new SqliteStatement(connection, statement));
}

void SqliteStatement::bindText(int index, std::string_view utf8)
{
    // UTF-16 takes at most one unit per UTF-8 byte; one more for the mark.
    m_scratch.resize(utf8.size() + 1);
    QChar *begin = m_scratch.data() + 1;
    QChar *end = m_decoder.appendToBuffer(begin, QByteArrayView(utf8.data(), qsizetype(utf8.size())));
    bindUtf16(index, begin, end);
}

void SqliteStatement::bindText(int index, const QString &text)
{
    m_scratch.resize(std::size_t(text.size()) + 1);
    std::copy(text.cbegin(), text.cend(), m_scratch.begin() + 1);
    bindUtf16(index, m_scratch.data() + 1, m_scratch.data() + m_scratch.size());
}

// `begin` has one free unit before it, for the mark.
void SqliteStatement::bindUtf16(int index, QChar *begin, QChar *end)
{
    // Database::bindable()'s rule: SQLite takes a leading U+FEFF or U+FFFE
    // for a byte-order mark and drops it, so such text gets one more in front.
    if (begin != end && (begin->unicode() == 0xFEFF || begin->unicode() == 0xFFFE))
        *--begin = QChar(0xFEFF);
    // SQLITE_TRANSIENT: SQLite copies, the scratch buffer is reused at once.
    // A failed bind (out of memory, a wrong index) shows as run()'s error.
    // Native byte order, as Qt's driver binds it.
    sqlite3_bind_text16(m_statement, index + 1, begin, int((end - begin) * qsizetype(sizeof(QChar))), SQLITE_TRANSIENT);
}

void SqliteStatement::bindInteger(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index + 1, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index + 1);
}

shared::VoidResult SqliteStatement::run()
{
    const int stepped = sqlite3_step(m_statement);
    // sqlite3_reset repeats the step's error; the message is taken first.
    const shared::VoidResult result
        = stepped == SQLITE_DONE || stepped == SQLITE_ROW ? shared::VoidResult::success() : sqliteError(m_db);
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return result;
}

} // namespace quire::desktop
