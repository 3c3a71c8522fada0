// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/principal.h"
#include "shared/result.h"
#include "shared/synctable.h"

#include <QString>
#include <QVariantList>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::server {

// A row of a synced table, named for the derived-values hook.
struct RowRef
{
    QString table;
    QString id;
    bool operator==(const RowRef &) const = default;
};

// The server's half of a synced table: who may see its rows and who may
// change them. Pull and push ask only this, so a table's rules live in one
// place. A row's "scope" is the part of it these rules read (for guides:
// owner and status); a change of scope that hides a row from someone who
// saw it is recorded so their replica drops it.
class SyncAccess
{
public:
    virtual ~SyncAccess() = default;

    virtual const shared::SyncTable &table() const = 0;
    // An SQL condition on the table's columns, with its bind values, true
    // for the rows `who` may see.
    virtual QString visibleWhere(const Principal &who, QVariantList &binds) const = 0;
    // The same decision on a scope (see scopeOf()).
    virtual bool visible(const Principal &who, const nlohmann::json &scope) const = 0;
    virtual nlohmann::json scopeOf(const nlohmann::json &row) const = 0;
    // A name for what `who` may see of the table: two callers with the same
    // name see the same rows (answers kept for one serve the other). The
    // default, the role and the user, is always safe.
    virtual QString answerScope(const Principal &who) const;
    // Why a move from `before` to `after` hides the row from some who saw
    // it (e.g. "unpublished"), or empty when it hides it from nobody.
    virtual QString exitReason(const nlohmann::json &before, const nlohmann::json &after) const = 0;
    // Whether `who` may turn `before` (nullopt: the row is new) into
    // `after`, or delete it when `after` is null. The error says why not.
    virtual shared::VoidResult checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                          const nlohmann::json &after) const = 0;

    // Rules that need the database or the clock (unique slugs, the time of
    // publication, old slugs kept for redirects). Runs inside the
    // mutation's savepoint after checkWrite(); an error refuses it.
    virtual shared::VoidResult beforeWrite(shared::Database &db, const QString &id,
                                           const std::optional<nlohmann::json> &before, nlohmann::json &after,
                                           const QString &now) const = 0;

    // Rules that need the database and the caller (may this user add a
    // member to that group?). Runs inside the mutation's savepoint for every
    // write, deletes included (`after` null), after checkWrite() and before
    // beforeWrite(); an error refuses the change. It may set server-owned
    // columns that record the caller (who asked for an approval). The
    // default allows and sets nothing.
    virtual shared::VoidResult checkWriteWith(shared::Database &db, const Principal &who,
                                              const std::optional<nlohmann::json> &before, nlohmann::json &after) const;

    // Derived values: server-owned columns computed from other rows (who
    // may read a row follows the shares of the groups that hold it).
    //
    // derivedValues() answers the values `row` should hold given the
    // database as it is now, as a JSON object of column -> text; only the
    // columns it names are derived, and it must be a function of the
    // database (the same database, the same answer) and never name a
    // column a client may write. SyncPush applies it to every row a
    // mutation writes (after beforeWrite(), so a new row is born with its
    // values) and to every row dependents() names. The default derives
    // nothing.
    virtual shared::Result<nlohmann::json> derivedValues(shared::Database &db, const nlohmann::json &row) const;
    // The rows, of any table, whose derived values may change because a row
    // of this table went from `before` (nullopt: new) to `after` (null:
    // deleted), asked once the change is stored. SyncPush recomputes each,
    // in order; a row whose values change is written as the server's change
    // (a new rev, a revision, a scope exit when exitReason() says someone
    // lost it) and its own dependents are asked in turn. Each row is
    // visited at most once per mutation, so cycles end. The default names
    // none.
    virtual shared::Result<QList<RowRef>> dependents(shared::Database &db, const std::optional<nlohmann::json> &before,
                                                     const nlohmann::json &after) const;

    // The rows, of any table, that go with `row` when it is deleted (a
    // prompt's versions, labels, group places and stars), asked once its
    // tombstone is stored. SyncPush deletes each live one in the same
    // transaction as the server's change, whoever owns it, and asks its own
    // removedWith() in turn; so a REST delete and a replica's push of the
    // delete leave the same rows. The default names none.
    virtual shared::Result<QList<RowRef>> removedWith(shared::Database &db, const nlohmann::json &row) const;

    static const SyncAccess *find(const QString &table);
    // The rules every feature brings (defined with the feature list,
    // server/features.cpp), then those registered.
    static QList<const SyncAccess *> all();
    // Adds the rules of a table declared outside the server (a test-only
    // type), before the server starts; `access` must outlive it. False when
    // the table has rules already.
    static bool registerAccess(const SyncAccess *access);

    // The table's address column (its first Slug column: articles' `slug`,
    // prompts' `name`), which requireFreeSlug() and a push's clash keep free.
    QString slugColumn() const;

    // Whether `error` says a slug is taken, and the free one it names.
    static bool isSlugTaken(const shared::Error &error);
    static QString suggestedSlug(const shared::Error &error);

protected:
    static QList<const SyncAccess *> &registered();

    // A string column of a row, empty when absent.
    static QString text(const nlohmann::json &row, const char *key);
    static shared::Error forbidden(const QString &message);
    // Succeeds when `slug` is free. Otherwise the error "slug_taken" naming
    // the first free address ("slug-2", "slug-3", …) in fields.suggested_slug:
    // the REST API answers it with 409, a replica's push takes that address
    // instead, so a clash never costs content. `takenSql` answers a row when
    // its first bind, a slug, is taken; `binds` follow it.
    shared::VoidResult requireFreeSlug(shared::Database &db, const QString &takenSql, const QVariantList &binds,
                                       const QString &slug, const QString &message) const;
};

} // namespace quire::server
