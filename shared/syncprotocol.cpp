// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/syncprotocol.h"

#include "shared/enumnames.h"
#include "shared/jsonqt.h"
#include "shared/jsonreader.h"
#include "shared/tr.h"

namespace quire::shared::SyncProtocol {

namespace {

constexpr EnumNames<Operation, 2> kOperations({ {
    { Operation::Upsert, "upsert" },
    { Operation::Delete, "delete" },
} });

constexpr EnumNames<Outcome, 4> kOutcomes({ {
    { Outcome::Applied, "applied" },
    { Outcome::Merged, "merged" },
    { Outcome::Conflicted, "conflicted" },
    { Outcome::Rejected, "rejected" },
} });

constexpr EnumNames<Change::Kind, 3> kChangeKinds({ {
    { Change::Kind::Upsert, "upsert" },
    { Change::Kind::Delete, "delete" },
    { Change::Kind::LeftScope, "left_scope" },
} });

nlohmann::json objectOrEmpty(const std::optional<nlohmann::json> &value)
{
    return value ? *value : nlohmann::json::object();
}

// Reads an array of objects with `parse`, prefixing field errors with the
// element's index ("mutations.3.table") so a client finds the bad one.
template<typename T, typename Parse>
QList<T> readArray(const nlohmann::json &json, const char *key, FieldErrors &errors, Parse parse)
{
    QList<T> out;
    if (!json.is_object() || !json.contains(key))
        return out;
    const nlohmann::json &array = json.at(key);
    if (!array.is_array()) {
        errors.add(QString::fromLatin1(key), Tr::tr("Must be an array."));
        return out;
    }
    out.reserve(qsizetype(array.size()));
    for (size_t i = 0; i < array.size(); ++i) {
        Result<T> item = parse(array[i]);
        if (!item) {
            const QString prefix = QStringLiteral("%1.%2").arg(QLatin1String(key)).arg(i);
            if (item.error().fields.isEmpty())
                errors.add(prefix, item.error().message);
            for (auto it = item.error().fields.cbegin(); it != item.error().fields.cend(); ++it)
                errors.add(it.key().isEmpty() ? prefix : prefix + QLatin1Char('.') + it.key(), it.value());
            continue;
        }
        out.append(std::move(item).value());
    }
    return out;
}

template<typename T> nlohmann::json writeArray(const QList<T> &items)
{
    nlohmann::json array = nlohmann::json::array();
    for (const T &item : items)
        array.push_back(item.toJson());
    return array;
}

} // namespace

QString operationName(Operation op)
{
    return kOperations.name(op);
}
std::optional<Operation> operationFromName(const QString &name)
{
    return kOperations.fromName(name);
}
QString outcomeName(Outcome outcome)
{
    return kOutcomes.name(outcome);
}
std::optional<Outcome> outcomeFromName(const QString &name)
{
    return kOutcomes.fromName(name);
}
std::optional<Change::Kind> changeKindFromName(const QString &name)
{
    return kChangeKinds.fromName(name);
}

nlohmann::json Mutation::toJson() const
{
    nlohmann::json j;
    j["id"] = id;
    j["table"] = table;
    j["row_id"] = rowId;
    j["op"] = operationName(op);
    j["fields"] = fields;
    j["base_rev"] = baseRev;
    j["base"] = base;
    j["base_epoch"] = baseEpoch;
    return j;
}

Result<Mutation> Mutation::fromJson(const nlohmann::json &json)
{
    FieldErrors errors;
    JsonReader r(json, errors);
    Mutation m;
    m.id = r.integer("id", JsonReader::Presence::Required).value_or(0);
    m.table = r.string("table", JsonReader::Presence::Required).value_or(QString());
    m.rowId = r.uuid("row_id", JsonReader::Presence::Required).value_or(QString());
    const QString op = r.string("op", JsonReader::Presence::Required).value_or(QString());
    if (const auto parsed = operationFromName(op))
        m.op = *parsed;
    else if (!errors.has(QStringLiteral("op")))
        errors.add(QStringLiteral("op"), Tr::tr("Must be one of: upsert, delete."));
    m.fields = objectOrEmpty(r.object("fields"));
    m.baseRev = r.integer("base_rev").value_or(0);
    m.base = objectOrEmpty(r.object("base"));
    m.baseEpoch = r.string("base_epoch").value_or(QString());
    r.refuseUnknown();
    if (!errors.has(QStringLiteral("id")) && m.id < 1)
        errors.add(QStringLiteral("id"), Tr::tr("Must be a positive number."));
    if (m.baseRev < 0)
        errors.add(QStringLiteral("base_rev"), Tr::tr("Must not be negative."));
    if (!errors.isEmpty())
        return errors.toError();
    return m;
}

nlohmann::json Conflict::toJson() const
{
    nlohmann::json j;
    j["id"] = id;
    j["table"] = table;
    j["row_id"] = rowId;
    j["field"] = field;
    j["kind"] = kind;
    j["base_value"] = baseValue;
    j["server_value"] = serverValue;
    j["client_value"] = clientValue;
    j["kept"] = kept;
    j["created_at"] = createdAt;
    return j;
}

Result<Conflict> Conflict::fromJson(const nlohmann::json &json)
{
    FieldErrors errors;
    JsonReader r(json, errors);
    Conflict c;
    c.id = r.uuid("id", JsonReader::Presence::Required).value_or(QString());
    c.table = r.string("table", JsonReader::Presence::Required).value_or(QString());
    c.rowId = r.uuid("row_id", JsonReader::Presence::Required).value_or(QString());
    c.field = r.string("field", JsonReader::Presence::Required).value_or(QString());
    c.kind = r.string("kind", JsonReader::Presence::Required).value_or(QString());
    c.createdAt = r.string("created_at").value_or(QString());
    c.kept = r.string("kept").value_or(QString());
    if (json.is_object()) {
        c.baseValue = json.value("base_value", nlohmann::json());
        c.serverValue = json.value("server_value", nlohmann::json());
        c.clientValue = json.value("client_value", nlohmann::json());
    }
    if (!errors.isEmpty())
        return errors.toError();
    return c;
}

nlohmann::json MutationResult::toJson() const
{
    nlohmann::json j;
    j["id"] = id;
    j["outcome"] = outcomeName(outcome);
    j["rev"] = rev;
    if (reason) {
        nlohmann::json e;
        e["code"] = reason->code;
        e["message"] = reason->message;
        nlohmann::json fields = nlohmann::json::object();
        for (auto it = reason->fields.cbegin(); it != reason->fields.cend(); ++it)
            fields[it.key().toStdString()] = it.value();
        e["fields"] = fields;
        j["reason"] = e;
    }
    j["conflicts"] = writeArray(conflicts);
    return j;
}

Result<MutationResult> MutationResult::fromJson(const nlohmann::json &json)
{
    FieldErrors errors;
    JsonReader r(json, errors);
    MutationResult m;
    m.id = r.integer("id", JsonReader::Presence::Required).value_or(0);
    const QString outcome = r.string("outcome", JsonReader::Presence::Required).value_or(QString());
    if (const auto parsed = outcomeFromName(outcome))
        m.outcome = *parsed;
    else
        errors.add(QStringLiteral("outcome"), Tr::tr("Not a known outcome."));
    m.rev = r.integer("rev").value_or(0);
    if (const auto reason = r.object("reason")) {
        // value(key, default) would throw when the member is there but not text.
        const auto text = [&reason](const char *key) {
            const auto it = reason->find(key);
            return it != reason->end() && it->is_string() ? it->get<QString>() : QString();
        };
        Error e;
        e.code = text("code");
        e.message = text("message");
        if (reason->contains("fields") && reason->at("fields").is_object()) {
            for (auto it = reason->at("fields").begin(); it != reason->at("fields").end(); ++it) {
                if (it->is_string())
                    e.fields.insert(QString::fromStdString(it.key()), it->get<QString>());
            }
        }
        m.reason = e;
    }
    m.conflicts = readArray<Conflict>(json, "conflicts", errors, &Conflict::fromJson);
    if (!errors.isEmpty())
        return errors.toError();
    return m;
}

nlohmann::json PushRequest::toJson() const
{
    nlohmann::json j;
    j["client_id"] = clientId;
    j["schema_version"] = schemaVersion;
    j["acked"] = acked;
    j["mutations"] = writeArray(mutations);
    return j;
}

Result<PushRequest> PushRequest::fromJson(const nlohmann::json &json)
{
    FieldErrors errors;
    JsonReader r(json, errors);
    PushRequest p;
    p.clientId = r.uuid("client_id", JsonReader::Presence::Required).value_or(QString());
    p.schemaVersion = int(r.integer("schema_version", JsonReader::Presence::Required).value_or(0));
    p.acked = r.integer("acked").value_or(0);
    if (r.array("mutations", JsonReader::Presence::Required))
        p.mutations = readArray<Mutation>(json, "mutations", errors, &Mutation::fromJson);
    r.refuseUnknown();
    if (p.acked < 0)
        errors.add(QStringLiteral("acked"), Tr::tr("Must not be negative."));
    if (p.mutations.size() > kMaxBatchMutations)
        errors.add(QStringLiteral("mutations"),
                   Tr::tr("At most %n mutations per request.", nullptr, kMaxBatchMutations));
    for (qsizetype i = 1; i < p.mutations.size(); ++i) {
        if (p.mutations[i].id != p.mutations[i - 1].id + 1) {
            errors.add(QStringLiteral("mutations"), Tr::tr("Mutation ids must be consecutive within a request."));
            break;
        }
    }
    if (!errors.isEmpty())
        return errors.toError();
    return p;
}

nlohmann::json PushResponse::toJson() const
{
    nlohmann::json j;
    j["results"] = writeArray(results);
    j["expected"] = expected;
    return j;
}

Result<PushResponse> PushResponse::fromJson(const nlohmann::json &json)
{
    FieldErrors errors;
    JsonReader r(json, errors);
    PushResponse p;
    p.expected = r.integer("expected", JsonReader::Presence::Required).value_or(1);
    p.results = readArray<MutationResult>(json, "results", errors, &MutationResult::fromJson);
    if (!errors.isEmpty())
        return errors.toError();
    return p;
}

QString Cursor::toString() const
{
    if (epoch.isEmpty())
        return {};
    return epoch + QLatin1Char(':') + QString::number(seq);
}

std::optional<Cursor> Cursor::parse(const QString &text)
{
    if (text.isEmpty())
        return Cursor {};
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon != text.lastIndexOf(QLatin1Char(':')))
        return std::nullopt;
    bool ok = false;
    const qint64 seq = text.mid(colon + 1).toLongLong(&ok);
    if (!ok || seq < 0)
        return std::nullopt;
    const QString epoch = text.left(colon);
    for (const QChar c : epoch) {
        if (!c.isLetterOrNumber() || c.unicode() > 127)
            return std::nullopt;
    }
    return Cursor { epoch, seq };
}

nlohmann::json Change::toJson() const &
{
    return Change(*this).toJson();
}

nlohmann::json Change::toJson() &&
{
    nlohmann::json j;
    j["table"] = table;
    j["id"] = id;
    j["rev"] = rev;
    j["op"] = kChangeKinds.name(kind);
    if (kind == Kind::Upsert)
        j["row"] = std::move(row);
    if (!reason.isEmpty())
        j["reason"] = reason;
    return j;
}

Result<Change> Change::fromJson(const nlohmann::json &json)
{
    // The hot path of a large pull (one call per row): plain lookups, no
    // per-field bookkeeping, and the same checks as the reader would make.
    if (!json.is_object())
        return Error::make(ErrorCode::ValidationFailed, Tr::tr("The request body must be a JSON object."));
    const auto text = [&json](const char *key) -> const std::string * {
        const auto it = json.find(key);
        return it != json.end() && it->is_string() ? &it->get_ref<const std::string &>() : nullptr;
    };
    const std::string *table = text("table");
    const std::string *id = text("id");
    const std::string *op = text("op");
    const auto rev = json.find("rev");
    FieldErrors errors;
    if (!table)
        errors.add(QStringLiteral("table"), Tr::tr("This field is required."));
    if (!id)
        errors.add(QStringLiteral("id"), Tr::tr("This field is required."));
    if (rev == json.end() || !rev->is_number_integer())
        errors.add(QStringLiteral("rev"), Tr::tr("Must be a whole number."));
    Change c;
    if (const auto kind = op ? kChangeKinds.fromName(QString::fromStdString(*op)) : std::nullopt)
        c.kind = *kind;
    else
        errors.add(QStringLiteral("op"), Tr::tr("Not a known change."));
    if (!errors.isEmpty())
        return errors.toError();
    c.table = QString::fromStdString(*table);
    c.id = QString::fromStdString(*id);
    c.rev = rev->get<qint64>();
    if (const auto row = json.find("row"); row != json.end() && row->is_object())
        c.row = *row;
    if (const std::string *reason = text("reason"))
        c.reason = QString::fromStdString(*reason);
    return c;
}

Result<Change> Change::fromJson(nlohmann::json &&json)
{
    nlohmann::json row;
    if (json.is_object()) {
        if (const auto it = json.find("row"); it != json.end() && it->is_object()) {
            row = std::move(*it);
            json.erase(it);
        }
    }
    Result<Change> c = fromJson(std::as_const(json));
    if (c)
        c->row = std::move(row);
    return c;
}

nlohmann::json PullResponse::toJson() const &
{
    return PullResponse(*this).toJson();
}

nlohmann::json PullResponse::toJson() &&
{
    nlohmann::json j;
    nlohmann::json array = nlohmann::json::array();
    array.get_ref<nlohmann::json::array_t &>().reserve(std::size_t(changes.size()));
    for (Change &change : changes)
        array.push_back(std::move(change).toJson());
    changes.clear();
    j["changes"] = std::move(array);
    j["cursor"] = cursor;
    j["has_more"] = hasMore;
    return j;
}

Result<PullResponse> PullResponse::fromJson(const nlohmann::json &json)
{
    FieldErrors errors;
    JsonReader r(json, errors);
    PullResponse p;
    p.cursor = r.string("cursor", JsonReader::Presence::Required).value_or(QString());
    p.hasMore = r.boolean("has_more", JsonReader::Presence::Required).value_or(false);
    p.changes = readArray<Change>(json, "changes", errors, [](const nlohmann::json &j) { return Change::fromJson(j); });
    if (!errors.isEmpty())
        return errors.toError();
    return p;
}

Result<PullResponse> PullResponse::fromJson(nlohmann::json &&json)
{
    nlohmann::json changes;
    if (json.is_object()) {
        if (const auto it = json.find("changes"); it != json.end() && it->is_array()) {
            changes = std::move(*it);
            json.erase(it);
        }
    }
    FieldErrors errors;
    JsonReader r(json, errors);
    PullResponse p;
    p.cursor = r.string("cursor", JsonReader::Presence::Required).value_or(QString());
    p.hasMore = r.boolean("has_more", JsonReader::Presence::Required).value_or(false);
    p.changes.reserve(qsizetype(changes.size()));
    for (size_t i = 0; i < changes.size(); ++i) {
        Result<Change> c = Change::fromJson(std::move(changes[i]));
        if (!c) {
            errors.add(QStringLiteral("changes.%1").arg(i), c.error().message);
            continue;
        }
        p.changes.append(std::move(c).value());
    }
    if (!errors.isEmpty())
        return errors.toError();
    return p;
}

} // namespace quire::shared::SyncProtocol
