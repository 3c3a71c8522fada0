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

    static const SyncAccess *find(const QString &table);
    // The rules every feature brings (defined with the feature list,
    // server/features.cpp), then those registered.
    static QList<const SyncAccess *> all();
    // Adds the rules of a table declared outside the server (a test-only
    // type), before the server starts; `access` must outlive it. False when
    // the table has rules already.
    static bool registerAccess(const SyncAccess *access);

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
