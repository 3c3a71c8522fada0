// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/declaredschema.h"

namespace quire::shared {

// The derived objects of a declared table on PostgreSQL: the same tables as
// on SQLite (list items, kept counts, full-text index), kept by PL/pgSQL
// trigger functions. PostgreSQL keeps no text of what created an object, so
// the definitions apply() compares live in a bookkeeping table.
class PostgresObjects
{
public:
    using Object = DeclaredSchema::Object;

    static QList<Object> listItems(const SyncTable &table, const SyncColumn &column);
    static QList<Object> counts(const SyncTable &table, const QStringList &columns);
    static QList<Object> fullText(const SyncTable &table);

    // What apply() needs before any object: the bookkeeping table and the
    // helper functions the triggers call.
    static QStringList setup();
    // The definition an object was made from (two placeholders: type,
    // name), NULL when it is missing.
    static QString definitionStatement();
    // Records an object made (three placeholders: type, name, definition).
    static QString recordStatement();
    static QString drop(const Object &object);
};

} // namespace quire::shared
