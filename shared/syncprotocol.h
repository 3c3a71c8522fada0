// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/fielderrors.h"
#include "shared/result.h"

#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::shared {

// The wire format of /api/v1/sync/push and /api/v1/sync/pull, shared so the
// server and the desktop read and write exactly the same shapes.
namespace SyncProtocol {

inline constexpr int kMaxBatchMutations = 500;
inline constexpr qsizetype kMaxBatchBytes = 1024 * 1024;
inline constexpr int kDefaultPullLimit = 1000;
inline constexpr int kMaxPullLimit = 5000;

enum class Operation { Upsert, Delete };
QString operationName(Operation op);
std::optional<Operation> operationFromName(const QString &name);

// One local change as the client queued it. `id` numbers the client's
// mutations 1, 2, 3… with no gaps; `base_rev` and `base` are the server
// revision and the values of the changed fields the edit started from.
struct Mutation
{
    qint64 id = 0;
    QString table;
    QString rowId;
    Operation op = Operation::Upsert;
    nlohmann::json fields = nlohmann::json::object();
    qint64 baseRev = 0; // 0: the row did not exist on the server when it was edited
    nlohmann::json base = nlohmann::json::object();
    QString baseEpoch; // the server history base_rev belongs to

    nlohmann::json toJson() const;
    static Result<Mutation> fromJson(const nlohmann::json &json);
};

enum class Outcome { Applied, Merged, Conflicted, Rejected };
QString outcomeName(Outcome outcome);
std::optional<Outcome> outcomeFromName(const QString &name);

// Two values of one field that could not both be kept in the row. Nothing
// is dropped: the value that lost stays here until a person resolves it.
struct Conflict
{
    QString id; // UUIDv7, made by the server
    QString table;
    QString rowId;
    QString field;
    QString kind; // both_changed | text_overlap | edit_vs_delete | delete_vs_edit | slug_changed
    nlohmann::json baseValue;
    nlohmann::json serverValue; // the server's value when this client's edit arrived
    nlohmann::json clientValue; // what this client sent
    QString kept; // which of the two the row holds now: server | client
    QString createdAt;

    nlohmann::json toJson() const;
    static Result<Conflict> fromJson(const nlohmann::json &json);
};

struct MutationResult
{
    qint64 id = 0;
    Outcome outcome = Outcome::Applied;
    qint64 rev = 0; // the row's revision after this mutation
    std::optional<Error> reason; // why it was rejected
    QList<Conflict> conflicts;

    nlohmann::json toJson() const;
    static Result<MutationResult> fromJson(const nlohmann::json &json);
};

struct PushRequest
{
    QString clientId;
    int schemaVersion = 0;
    qint64 acked = 0; // results up to this id are stored on the client; the server may forget them
    QList<Mutation> mutations;

    nlohmann::json toJson() const;
    static Result<PushRequest> fromJson(const nlohmann::json &json);
};

struct PushResponse
{
    QList<MutationResult> results;
    // The id the server expects next. Mutations from a gap onwards are not
    // applied; the client resends from here.
    qint64 expected = 1;

    nlohmann::json toJson() const;
    static Result<PushResponse> fromJson(const nlohmann::json &json);
};

// Where a replica stands in one server history: "EPOCH:SEQ". Empty means
// "from the beginning", which is also how a resync starts.
struct Cursor
{
    QString epoch;
    qint64 seq = 0;

    bool isStart() const { return epoch.isEmpty(); }
    QString toString() const;
    static std::optional<Cursor> parse(const QString &text);
};

struct Change
{
    enum class Kind { Upsert, Delete, LeftScope };
    QString table;
    QString id;
    qint64 rev = 0;
    Kind kind = Kind::Upsert;
    nlohmann::json row; // all columns, for Upsert
    QString reason; // for LeftScope: access_revoked | unpublished | ...

    nlohmann::json toJson() const &;
    // The same, moving the row into the JSON instead of copying it.
    nlohmann::json toJson() &&;
    static Result<Change> fromJson(const nlohmann::json &json);
    // The same, taking the row out of `json` instead of copying it.
    static Result<Change> fromJson(nlohmann::json &&json);
};

std::optional<Change::Kind> changeKindFromName(const QString &name);

struct PullResponse
{
    QList<Change> changes;
    QString cursor;
    bool hasMore = false;

    nlohmann::json toJson() const &;
    // The same, moving the rows: the server answers thousands per page.
    nlohmann::json toJson() &&;
    static Result<PullResponse> fromJson(const nlohmann::json &json);
    // The same, moving the rows out of `json`: a page holds thousands.
    static Result<PullResponse> fromJson(nlohmann::json &&json);
};

} // namespace SyncProtocol
} // namespace quire::shared
