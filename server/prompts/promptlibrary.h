// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/collections/collectionlisting.h"
#include "server/collections/contentwriter.h"
#include "server/http/httpmessage.h"
#include "server/sync/syncrows.h"
#include "shared/promptnames.h"
#include "shared/promptrenderer.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::server {

class WorkerServices;

// What the prompt routes read and write, for one caller: every row through
// its table's SyncAccess (what the caller may see) and every change through
// ContentWriter (rules, revisions, sync), so no route decides access itself.
class PromptLibrary
{
public:
    PromptLibrary(WorkerServices &services, const Principal &who);

    ContentWriter &writer() { return m_writer; }
    const Principal &who() const { return m_who; }
    shared::Database &database();

    shared::Result<std::optional<StoredRow>> prompt(const QString &id);
    // A version of a prompt by its number; the latest with nullopt.
    shared::Result<std::optional<StoredRow>> version(const QString &promptId, std::optional<qint64> number);
    // The version `ref` names: a number, a label, or the latest when empty or "latest".
    shared::Result<std::optional<StoredRow>> versionAt(const QString &promptId, const QString &ref);
    // The prompt called `name` among those the caller may read: `preferredOwner`'s
    // first, then the caller's own, then the oldest.
    shared::Result<std::optional<StoredRow>> promptNamed(const QString &name, const QString &preferredOwner);
    // What {{> name@ref}} includes when `owner`'s prompt is rendered: the
    // content of the version `ref` names (versionAt) of promptNamed(name,
    // owner), or the prompt's own text for the latest before its first
    // version. Render and Run both resolve includes with it.
    shared::IncludeResolver includeResolver(const QString &owner);
    // Keeps `values` (the versioned columns) as a new version of the prompt.
    shared::Result<StoredRow> addVersion(const QString &promptId, const nlohmann::json &values, const QString &message);
    shared::Result<QList<StoredRow>> labels(const QString &promptId);
    shared::Result<std::optional<StoredRow>> label(const QString &promptId, const QString &name);
    // The numbers of the versions `ids` (those the caller may see).
    shared::Result<QHash<QString, qint64>> versionNumbers(const QStringList &ids);
    // Which of `promptIds` the caller has starred; one favourite row's id.
    shared::Result<QSet<QString>> favorites(const QStringList &promptIds);
    shared::Result<QString> favoriteId(const QString &promptId);
    // The caller's preferences row (the first they made), if any.
    shared::Result<std::optional<StoredRow>> preferences();
    shared::Result<QString> userName(const QString &userId);
    // Records a use of `version` by the caller; the variables are kept only
    // when the caller's preferences say so.
    shared::Result<StoredRow> recordUse(const QString &promptId, const StoredRow &version, shared::PromptUse use,
                                        const nlohmann::json &variables, const QString &source);

    // A prompt with its labels, latest version number and favourite flag.
    shared::Result<nlohmann::json> detail(const StoredRow &prompt);
    // Labels in the API's form: {name, version, pending_version, …}.
    shared::Result<nlohmann::json> labelsJson(const QList<StoredRow> &labels);

    // The list condition "starred by `who`".
    static CollectionListing::Condition favoriteCondition(const Principal &who);

    static HttpResponse notFound(const QString &message);
    // The `rev` a client says it edited, from the body or If-Match.
    static std::optional<qint64> expectedRev(const HttpRequest &request);
    // A path parameter that must be a positive whole number.
    static std::optional<qint64> positive(const QString &text);

private:
    // Live rows of `table` the caller may see that match `where` (its own columns).
    shared::Result<QList<StoredRow>> visibleRows(const QString &table, const QString &where, QVariantList binds,
                                                 const QString &tail = {}, const QVariantList &tailBinds = {});

    WorkerServices &m_services;
    const Principal &m_who;
    ContentWriter m_writer;
};

} // namespace quire::server
