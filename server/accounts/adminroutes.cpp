// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/adminroutes.h"

#include "server/accounts/accountstore.h"
#include "server/accounts/auditlog.h"
#include "server/accounts/passwordhasher.h"
#include "server/accounts/recoveryroutes.h"
#include "server/accounts/tokens.h"
#include "server/collections/answercache.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "server/sync/syncrows.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/jsonreader.h"
#include "shared/timestamp.h"

#include <QSqlQuery>
#include <QVariant>

#include <variant>

namespace quire::server::AdminRoutes {

using shared::FieldErrors;
using shared::JsonReader;
using shared::Permission;

namespace {

constexpr int kMaxPerPage = 100;

struct Paging
{
    int page = 1;
    int perPage = 20;
};

std::optional<Paging> readPaging(const HttpRequest &request, FieldErrors &errors)
{
    Paging p;
    bool ok = true;
    if (request.query.hasQueryItem(QStringLiteral("page"))) {
        p.page = request.query.queryItemValue(QStringLiteral("page")).toInt(&ok);
        if (!ok || p.page < 1)
            errors.add(QStringLiteral("page"), QStringLiteral("Must be a whole number from 1."));
    }
    if (request.query.hasQueryItem(QStringLiteral("per_page"))) {
        p.perPage = request.query.queryItemValue(QStringLiteral("per_page")).toInt(&ok);
        if (!ok || p.perPage < 1 || p.perPage > kMaxPerPage)
            errors.add(QStringLiteral("per_page"),
                       QStringLiteral("Must be a whole number from 1 to %1.").arg(kMaxPerPage));
    }
    return errors.isEmpty() ? std::optional<Paging>(p) : std::nullopt;
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

HttpResponse computeUserList(HttpRequest &request, WorkerServices &services)
{
    FieldErrors errors;
    const std::optional<Paging> paging = readPaging(request, errors);
    if (!paging)
        return errorResponse(errors.toError());
    const QString search = request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded).trimmed();
    const QString where = search.isEmpty() ? QStringLiteral("1 = 1")
                                           : QStringLiteral("(email LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')");
    QVariantList binds;
    if (!search.isEmpty())
        binds << likePattern(search.toLower()) << likePattern(search);
    shared::Result<QVariant> total
        = services.database().scalar(QStringLiteral("SELECT count(*) FROM users WHERE ") + where, binds);
    if (!total)
        return HttpResponse::internalError(total.error());
    shared::Result<QList<StoredUser>> page
        = services.accounts().page(where, binds, paging->perPage, qint64(paging->page - 1) * paging->perPage);
    if (!page)
        return errorResponse(page.error());
    nlohmann::json users = nlohmann::json::array();
    for (const StoredUser &u : std::as_const(*page))
        users.push_back(u.user.toJson());
    return HttpResponse::json(
        200,
        { { "users", users }, { "page", paging->page }, { "per_page", paging->perPage }, { "total", total->toInt() } });
}

// Kept while nothing in the database changes (users are not synced data, so
// the Mark, not sync_state.seq): a new user, a role change or a disabled
// account shows on the very next request. Everyone the route's guard lets
// through sees the same list, so the key is the request alone.
HttpResponse listUsers(HttpRequest &request, WorkerServices &services)
{
    return services.answers().answer(
        request, QStringLiteral("admin-users?") + request.query.toString(QUrl::FullyEncoded),
        [&] { return computeUserList(request, services); }, AnswerCache::Depends::AnyData);
}

// The user named by the route's :id, or the answer to give instead.
std::variant<StoredUser, HttpResponse> targetUser(const HttpRequest &request, WorkerServices &services)
{
    shared::Result<std::optional<StoredUser>> found
        = services.accounts().findById(request.params.value(QStringLiteral("id")));
    if (!found)
        return HttpResponse::internalError(found.error());
    if (!*found)
        return errorResponse(
            shared::Error::make(shared::ErrorCode::NotFound, QStringLiteral("There is no such user.")));
    return **found;
}

// The last active admin may not be demoted, disabled or deleted: the server
// would have nobody left who can administer it.
bool wouldRemoveLastAdmin(WorkerServices &services, const StoredUser &target, std::optional<shared::Role> newRole,
                          std::optional<bool> disable, bool deleting, shared::Error &error)
{
    if (target.user.role != shared::Role::Admin || target.user.disabled)
        return false;
    const bool losesAdmin = deleting || (newRole && *newRole != shared::Role::Admin) || (disable && *disable);
    if (!losesAdmin)
        return false;
    shared::Result<int> admins = services.accounts().activeAdminCount();
    if (!admins) {
        error = admins.error();
        return true;
    }
    if (*admins <= 1) {
        error = shared::Error::make(shared::ErrorCode::LastAdmin,
                                    QStringLiteral("This is the last active admin; make someone else admin first."));
        return true;
    }
    return false;
}

HttpResponse updateUser(HttpRequest &request, WorkerServices &services)
{
    const QString id = request.params.value(QStringLiteral("id"));
    std::variant<StoredUser, HttpResponse> target = targetUser(request, services);
    if (auto *answer = std::get_if<HttpResponse>(&target))
        return *answer;
    const StoredUser &before = std::get<StoredUser>(target);
    FieldErrors errors;
    JsonReader r(request.json, errors);
    std::optional<shared::Role> role;
    if (const auto name = r.string("role")) {
        role = shared::roleFromName(*name);
        if (!role)
            errors.add(QStringLiteral("role"),
                       QStringLiteral("Must be one of: %1.").arg(shared::roleNames().join(QLatin1String(", "))));
    }
    const std::optional<bool> disabled = r.boolean("disabled");
    r.refuseUnknown();
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    shared::Error refusal;
    if (wouldRemoveLastAdmin(services, before, role, disabled, false, refusal))
        return errorResponse(refusal);

    const QString now = shared::Timestamp::format(shared::Clock::instance().now());
    const QString actor = request.principal->userId;
    const QString ip = request.remoteAddress.toString();
    shared::VoidResult saved = services.database().transaction([&]() -> shared::VoidResult {
        if (role && *role != before.user.role) {
            if (auto r1
                = services.database().run(QStringLiteral("UPDATE users SET role = ?, updated_at = ? WHERE id = ?"),
                                          { shared::roleName(*role), now, id });
                !r1)
                return r1;
            if (auto a = AuditLog::record(
                    services.database(), actor, QStringLiteral("role_change"), id, ip,
                    { { "from", shared::roleName(before.user.role) }, { "to", shared::roleName(*role) } });
                !a)
                return a;
            // What the user may see changed as a whole: their replicas resync.
            shared::Result<qint64> seq = nextSequence(services.database());
            if (!seq)
                return seq.error();
            if (auto r
                = services.database().run(QStringLiteral("UPDATE users SET scope_seq = ? WHERE id = ?"), { *seq, id });
                !r)
                return r;
        }
        if (disabled && *disabled != before.user.disabled) {
            if (auto r2
                = services.database().run(QStringLiteral("UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?"),
                                          { *disabled ? 1 : 0, now, id });
                !r2)
                return r2;
            if (*disabled) {
                if (auto r3 = services.accounts().revokeAllSessions(id); !r3)
                    return r3.error();
            }
            if (auto a = AuditLog::record(services.database(), actor,
                                          *disabled ? QStringLiteral("user_disabled") : QStringLiteral("user_enabled"),
                                          id, ip);
                !a)
                return a;
        }
        return shared::VoidResult::success();
    });
    if (!saved)
        return HttpResponse::internalError(saved.error());
    shared::Result<std::optional<StoredUser>> after = services.accounts().findById(id);
    if (!after || !*after)
        return HttpResponse::internalError(
            shared::Error::make(shared::ErrorCode::Gone, QStringLiteral("user vanished")));
    return HttpResponse::json(200, (*after)->user.toJson());
}

// Named on the email field too, so a form can show it beside the address.
shared::Error emailTaken()
{
    const QString message = QStringLiteral("An account with this email address exists.");
    return shared::Error::make(shared::ErrorCode::EmailTaken, message, { { QStringLiteral("email"), message } });
}

// An account made by an administrator: no password yet (a random one nobody
// knows, hashed at full cost so signing in to it looks like any other wrong
// password), and a mailed link with which its owner chooses one.
void createUser(HttpRequest &request, WorkerServices &services, Responder respond)
{
    FieldErrors errors;
    JsonReader r(request.json, errors);
    const QString email
        = shared::User::normalizeEmail(r.string("email", JsonReader::Presence::Required).value_or(QString()));
    const QString name = r.string("name", JsonReader::Presence::Required).value_or(QString()).trimmed();
    shared::Role role = shared::Role::Reader;
    if (const auto roleName = r.string("role")) {
        if (const auto parsed = shared::roleFromName(*roleName))
            role = *parsed;
        else
            errors.add(QStringLiteral("role"),
                       QStringLiteral("Must be one of: %1.").arg(shared::roleNames().join(QLatin1String(", "))));
    }
    r.refuseUnknown();
    if (!errors.has(QStringLiteral("email"))
        && (!shared::User::isPlausibleEmail(email) || email.size() > shared::User::kMaxEmailLength))
        errors.add(QStringLiteral("email"), QStringLiteral("Must be an email address like name@example.com."));
    errors.checkText(QStringLiteral("name"), name, shared::User::kMaxNameLength);
    if (!errors.isEmpty()) {
        respond(errorResponse(errors.toError()));
        return;
    }
    shared::Result<std::optional<StoredUser>> existing = services.accounts().findByEmail(email);
    if (!existing) {
        respond(HttpResponse::internalError(existing.error()));
        return;
    }
    if (*existing) {
        respond(errorResponse(emailTaken()));
        return;
    }
    const bool queued = services.hasher().runAsync(
        services.thread(),
        [&hasher = services.hasher()] {
            shared::Result<QByteArray> h = hasher.hash(Tokens::generate("qp_").toUtf8());
            return h ? QVariant(h.value()) : QVariant();
        },
        [&services, email, name, role, actor = request.principal->userId, ip = request.remoteAddress.toString(),
         respond](const QVariant &hash) {
            if (!hash.isValid()) {
                respond(HttpResponse::internalError(
                    shared::Error::make(shared::ErrorCode::HashFailed, QStringLiteral("hashing failed"))));
                return;
            }
            std::optional<StoredUser> created;
            shared::VoidResult saved = services.database().transaction([&]() -> shared::VoidResult {
                shared::Result<StoredUser> user
                    = services.accounts().insertUser(email, name, role, hash.toByteArray(), false);
                if (!user)
                    return user.error();
                created = *user;
                return AuditLog::record(services.database(), actor, QStringLiteral("user_created"), user->user.id, ip,
                                        { { "role", shared::roleName(role) } });
            });
            if (!saved) {
                // Another request took the address since the check above.
                if (saved.error().is(shared::ErrorCode::EmailTaken))
                    respond(errorResponse(emailTaken()));
                else
                    respond(HttpResponse::internalError(saved.error()));
                return;
            }
            RecoveryRoutes::sendWelcome(services, created->user.id, created->user.email, created->user.name);
            respond(HttpResponse::json(201, created->user.toJson()));
        });
    if (!queued)
        respond(HttpResponse::busy());
}

HttpResponse deleteUser(HttpRequest &request, WorkerServices &services)
{
    const QString id = request.params.value(QStringLiteral("id"));
    std::variant<StoredUser, HttpResponse> target = targetUser(request, services);
    if (auto *answer = std::get_if<HttpResponse>(&target))
        return *answer;
    const StoredUser &victim = std::get<StoredUser>(target);
    shared::Error refusal;
    if (wouldRemoveLastAdmin(services, victim, std::nullopt, std::nullopt, true, refusal))
        return errorResponse(refusal);
    shared::VoidResult deleted = services.database().transaction([&]() -> shared::VoidResult {
        if (auto r = services.database().run(QStringLiteral("DELETE FROM users WHERE id = ?"), { id }); !r)
            return r;
        return AuditLog::record(services.database(), request.principal->userId, QStringLiteral("user_deleted"), id,
                                request.remoteAddress.toString(), { { "email", victim.user.email } });
    });
    if (!deleted)
        return HttpResponse::internalError(deleted.error());
    return HttpResponse::noContent();
}

HttpResponse createInvite(HttpRequest &request, WorkerServices &services)
{
    FieldErrors errors;
    JsonReader r(request.json, errors);
    shared::Role role = shared::Role::Reader;
    if (const auto name = r.string("role")) {
        if (const auto parsed = shared::roleFromName(*name))
            role = *parsed;
        else
            errors.add(QStringLiteral("role"),
                       QStringLiteral("Must be one of: %1.").arg(shared::roleNames().join(QLatin1String(", "))));
    }
    const qint64 days = r.integer("valid_days").value_or(7);
    if (!errors.has(QStringLiteral("valid_days")) && (days < 1 || days > 90))
        errors.add(QStringLiteral("valid_days"), QStringLiteral("Must be a whole number from 1 to 90."));
    r.refuseUnknown();
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    shared::Result<QString> code
        = services.accounts().createInvite(role, request.principal->userId, days * 24 * 3600 * 1000);
    if (!code)
        return HttpResponse::internalError(code.error());
    AuditLog::note(services.database(), request.principal->userId, QStringLiteral("invite_created"), QString(),
                   request.remoteAddress.toString(), { { "role", shared::roleName(role) }, { "valid_days", days } });
    // The code is shown once; only its hash is kept.
    return HttpResponse::json(201,
                              { { "invite_code", *code }, { "role", shared::roleName(role) }, { "valid_days", days } });
}

HttpResponse listAudit(HttpRequest &request, WorkerServices &services)
{
    FieldErrors errors;
    const std::optional<Paging> paging = readPaging(request, errors);
    QStringList where { QStringLiteral("1 = 1") };
    QVariantList binds;
    const auto filter = [&](const char *param, const QString &clause) {
        const QString value = request.query.queryItemValue(QString::fromLatin1(param), QUrl::FullyDecoded);
        if (value.isEmpty())
            return;
        where << clause;
        binds << value;
    };
    filter("actor", QStringLiteral("a.actor_id = ?"));
    filter("action", QStringLiteral("a.action = ?"));
    for (const char *bound : { "from", "to" }) {
        const QString value = request.query.queryItemValue(QString::fromLatin1(bound), QUrl::FullyDecoded);
        if (value.isEmpty())
            continue;
        const std::optional<QDateTime> t = shared::Timestamp::parse(value);
        if (!t) {
            errors.add(QString::fromLatin1(bound), QStringLiteral("Must be a time like 2026-01-31T12:00:00.000Z."));
            continue;
        }
        where << (qstrcmp(bound, "from") == 0 ? QStringLiteral("a.at >= ?") : QStringLiteral("a.at < ?"));
        binds << shared::Timestamp::format(*t);
    }
    if (!errors.isEmpty() || !paging)
        return errorResponse(errors.toError());
    const QString condition = where.join(QLatin1String(" AND "));
    shared::Result<QVariant> total
        = services.database().scalar(QStringLiteral("SELECT count(*) FROM audit_log a WHERE ") + condition, binds);
    if (!total)
        return HttpResponse::internalError(total.error());
    QVariantList pageBinds = binds;
    pageBinds << paging->perPage << (paging->page - 1) * paging->perPage;
    // Who did it and whom it concerned by name and email, as a person reads
    // the log; an account deleted since (or a target that is a session) has none.
    shared::Result<QSqlQuery> q = services.database().exec(
        QStringLiteral("SELECT a.id, a.at, a.actor_id, a.action, a.target_id, a.ip, a.details, "
                       "actor.name, actor.email, target.name, target.email FROM audit_log a "
                       "LEFT JOIN users actor ON actor.id = a.actor_id "
                       "LEFT JOIN users target ON target.id = a.target_id WHERE ")
            + condition + QStringLiteral(" ORDER BY a.id DESC LIMIT ? OFFSET ?"),
        pageBinds);
    if (!q)
        return HttpResponse::internalError(q.error());
    const auto optional = [&q](int column) {
        return q->value(column).isNull() ? nlohmann::json() : nlohmann::json(q->value(column).toString());
    };
    nlohmann::json entries = nlohmann::json::array();
    while (q->next()) {
        nlohmann::json details = nlohmann::json::parse(q->value(6).toString().toStdString(), nullptr, false);
        entries.push_back({ { "id", q->value(0).toLongLong() },
                            { "at", q->value(1).toString() },
                            { "actor_id", optional(2) },
                            { "actor_name", optional(7) },
                            { "actor_email", optional(8) },
                            { "action", q->value(3).toString() },
                            { "target_id", optional(4) },
                            { "target_name", optional(9) },
                            { "target_email", optional(10) },
                            { "ip", q->value(5).toString() },
                            { "details", details.is_discarded() ? nlohmann::json::object() : details } });
    }
    return HttpResponse::json(200,
                              { { "entries", entries },
                                { "page", paging->page },
                                { "per_page", paging->perPage },
                                { "total", total->toInt() } });
}

} // namespace

void install(Router &router)
{
    using Body = Router::BodyKind;
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/admin/users"), listUsers, Body::None,
               Guard::needs(Permission::ManageUsers));
    router.addAsync(QStringLiteral("POST"), QStringLiteral("/api/v1/admin/users"), createUser, Body::Json,
                    Guard::needs(Permission::ManageUsers));
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/admin/users/:id"), updateUser, Body::Json,
               Guard::needs(Permission::ManageUsers));
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/admin/users/:id"), deleteUser, Body::None,
               Guard::needs(Permission::ManageUsers));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/admin/invites"), createInvite, Body::Json,
               Guard::needs(Permission::ManageInvites));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/admin/audit"), listAudit, Body::None,
               Guard::needs(Permission::ReadAudit));
}

} // namespace quire::server::AdminRoutes
