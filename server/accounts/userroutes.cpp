// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/userroutes.h"

#include "server/accounts/accountstore.h"
#include "server/accounts/auditlog.h"
#include "server/accounts/passwordhasher.h"
#include "server/accounts/passwordpolicy.h"
#include "server/accounts/recoveryroutes.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/jsonreader.h"
#include "shared/timestamp.h"

#include <QVariant>

namespace quire::server::UserRoutes {

using shared::FieldErrors;
using shared::JsonReader;

namespace {

// Written while routes are installed, only read once the workers run.
QList<Section> &sections()
{
    static QList<Section> list;
    return list;
}

shared::Result<nlohmann::json> meJson(WorkerServices &services, const Principal &who, const StoredUser &s)
{
    nlohmann::json j = s.user.toJson();
    j["preferences"] = s.preferences;
    for (const Section &section : sections()) {
        shared::Result<nlohmann::json> part = section.read(services, who);
        if (!part)
            return part.error();
        j[section.key.toStdString()] = std::move(*part);
    }
    return j;
}

HttpResponse meResponse(WorkerServices &services, const Principal &who, const StoredUser &s)
{
    shared::Result<nlohmann::json> j = meJson(services, who, s);
    if (!j)
        return HttpResponse::internalError(j.error());
    return HttpResponse::json(200, *j);
}

HttpResponse getMe(HttpRequest &request, WorkerServices &services)
{
    shared::Result<std::optional<StoredUser>> me = services.accounts().findById(request.principal->userId);
    if (!me || !*me)
        return HttpResponse::internalError(
            me ? shared::Error::make(shared::ErrorCode::Gone, QStringLiteral("signed-in user missing")) : me.error());
    return meResponse(services, *request.principal, **me);
}

// Preferences are a closed set with known values, so a client cannot park
// arbitrary data in them.
void readPreferences(const nlohmann::json &in, nlohmann::json &out, FieldErrors &errors)
{
    FieldErrors inner;
    JsonReader r(in, inner);
    if (const auto theme = r.string("theme")) {
        if (*theme == QLatin1String("system") || *theme == QLatin1String("light") || *theme == QLatin1String("dark"))
            out["theme"] = *theme;
        else
            errors.add(QStringLiteral("preferences.theme"), QStringLiteral("Must be one of: system, light, dark."));
    }
    if (const auto notifications = r.boolean("notifications"))
        out["notifications"] = *notifications;
    if (const auto language = r.string("language")) {
        if (*language == QLatin1String("en") || *language == QLatin1String("de"))
            out["language"] = *language;
        else
            errors.add(QStringLiteral("preferences.language"), QStringLiteral("Must be one of: en, de."));
    }
    r.refuseUnknown();
    for (auto it = inner.fields().cbegin(); it != inner.fields().cend(); ++it)
        errors.add(it.key().isEmpty() ? QStringLiteral("preferences") : QStringLiteral("preferences.") + it.key(),
                   it.value());
}

HttpResponse putMe(HttpRequest &request, WorkerServices &services)
{
    shared::Result<std::optional<StoredUser>> found = services.accounts().findById(request.principal->userId);
    if (!found || !*found)
        return HttpResponse::internalError(
            found ? shared::Error::make(shared::ErrorCode::Gone, QStringLiteral("signed-in user missing"))
                  : found.error());
    StoredUser me = **found;
    FieldErrors errors;
    // Fields that exist but are not the user's to set are named as such.
    for (const char *forbidden :
         { "id", "role", "password_hash", "email_verified", "disabled", "created_at", "updated_at" }) {
        if (request.json.is_object() && request.json.contains(forbidden))
            errors.add(QString::fromLatin1(forbidden), QStringLiteral("This field cannot be changed here."));
    }
    if (request.json.is_object() && request.json.contains("email"))
        errors.add(QStringLiteral("email"),
                   QStringLiteral("Change the email address with its own request; it needs your password."));
    if (request.json.is_object() && request.json.contains("password"))
        errors.add(QStringLiteral("password"),
                   QStringLiteral("Change the password with PUT /api/v1/users/me/password."));
    JsonReader r(request.json, errors);
    if (const auto name = r.string("name"))
        me.user.name = name->trimmed();
    if (r.has("avatar_url"))
        me.user.avatarUrl = r.string("avatar_url").value_or(QString()); // null clears it
    if (const auto prefs = r.object("preferences"))
        readPreferences(*prefs, me.preferences, errors);
    QList<QPair<const Section *, nlohmann::json>> changedSections;
    for (const Section &section : sections()) {
        if (const auto part = r.object(section.key.toUtf8().constData())) {
            FieldErrors inner;
            nlohmann::json checked = section.check(*part, inner);
            for (auto it = inner.fields().cbegin(); it != inner.fields().cend(); ++it)
                errors.add(it.key().isEmpty() ? section.key : section.key + QLatin1Char('.') + it.key(), it.value());
            changedSections.append({ &section, std::move(checked) });
        }
    }
    r.refuseUnknown(); // the forbidden fields above keep their clearer message
    me.user.validate(errors);
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    const QString now = shared::Timestamp::format(shared::Clock::instance().now());
    shared::VoidResult saved = services.database().run(
        QStringLiteral("UPDATE users SET name = ?, avatar_url = ?, preferences = ?, updated_at = ? WHERE id = ?"),
        { me.user.name, me.user.avatarUrl.isEmpty() ? QVariant() : QVariant(me.user.avatarUrl),
          QString::fromUtf8(shared::toJsonBytes(me.preferences)), now, me.user.id });
    if (!saved)
        return HttpResponse::internalError(saved.error());
    for (const auto &[section, checked] : changedSections) {
        if (shared::VoidResult stored = section->save(services, *request.principal, checked); !stored)
            return errorResponse(stored.error());
    }
    me.user.updatedAt = *shared::Timestamp::parse(now);
    return meResponse(services, *request.principal, me);
}

void putPassword(HttpRequest &request, WorkerServices &services, Responder respond)
{
    FieldErrors errors;
    JsonReader r(request.json, errors);
    const QString current = r.string("current_password", JsonReader::Presence::Required).value_or(QString());
    const QString next = r.string("new_password", JsonReader::Presence::Required).value_or(QString());
    r.refuseUnknown();
    if (!errors.has(QStringLiteral("new_password"))) {
        if (const std::optional<QString> weak = PasswordPolicy::instance().check(next))
            errors.add(QStringLiteral("new_password"), *weak);
    }
    if (!errors.isEmpty()) {
        respond(errorResponse(errors.toError()));
        return;
    }
    shared::Result<std::optional<StoredUser>> found = services.accounts().findById(request.principal->userId);
    if (!found || !*found) {
        respond(HttpResponse::internalError(
            found ? shared::Error::make(shared::ErrorCode::Gone, QStringLiteral("signed-in user missing"))
                  : found.error()));
        return;
    }
    const Principal me = *request.principal;
    const QString ip = request.remoteAddress.toString();
    const bool queued = services.hasher().runAsync(
        services.thread(),
        [&hasher = services.hasher(), stored = (*found)->passwordHash, current = current.toUtf8(),
         next = next.toUtf8()] {
            if (!hasher.verify(stored, current))
                return QVariant();
            shared::Result<QByteArray> h = hasher.hash(next);
            return h ? QVariant(h.value()) : QVariant(QByteArray());
        },
        [&services, me, ip, respond](const QVariant &hash) {
            if (!hash.isValid()) {
                FieldErrors wrong;
                wrong.add(QStringLiteral("current_password"), QStringLiteral("This is not your current password."));
                respond(HttpResponse::error(403, wrong.toError())); // a failed proof of identity, not a typo
                return;
            }
            if (hash.toByteArray().isEmpty()) {
                respond(HttpResponse::internalError(
                    shared::Error::make(shared::ErrorCode::HashFailed, QStringLiteral("hashing failed"))));
                return;
            }
            if (shared::VoidResult r = services.accounts().setPasswordHash(me.userId, hash.toByteArray()); !r) {
                respond(HttpResponse::internalError(r.error()));
                return;
            }
            shared::Result<int> revoked = services.accounts().revokeAllSessions(me.userId, me.sessionId);
            AuditLog::note(services.database(), me.userId, QStringLiteral("password_change"), me.userId, ip,
                           { { "other_sessions_revoked", revoked ? *revoked : -1 } });
            respond(HttpResponse::noContent());
        });
    if (!queued) {
        respond(HttpResponse::busy());
    }
}

// A new address needs the password and a click on a link sent to it; the
// old address stays in use until then.
void putEmail(HttpRequest &request, WorkerServices &services, Responder respond)
{
    FieldErrors errors;
    JsonReader r(request.json, errors);
    const QString password = r.string("password", JsonReader::Presence::Required).value_or(QString());
    const QString email
        = shared::User::normalizeEmail(r.string("new_email", JsonReader::Presence::Required).value_or(QString()));
    r.refuseUnknown();
    if (!errors.has(QStringLiteral("new_email"))
        && (!shared::User::isPlausibleEmail(email) || email.size() > shared::User::kMaxEmailLength))
        errors.add(QStringLiteral("new_email"), QStringLiteral("Must be an email address like name@example.com."));
    if (!errors.isEmpty()) {
        respond(errorResponse(errors.toError()));
        return;
    }
    shared::Result<std::optional<StoredUser>> me = services.accounts().findById(request.principal->userId);
    shared::Result<std::optional<StoredUser>> taken = services.accounts().findByEmail(email);
    if (!me || !*me || !taken) {
        respond(HttpResponse::internalError(
            shared::Error::make(shared::ErrorCode::Internal, QStringLiteral("lookup failed"))));
        return;
    }
    if (*taken) {
        respond(errorResponse(shared::Error::make(shared::ErrorCode::EmailTaken,
                                                  QStringLiteral("An account with this email address exists."))));
        return;
    }
    const QString userId = request.principal->userId;
    const QString name = (*me)->user.name;
    const QString ip = request.remoteAddress.toString();
    const bool queued = services.hasher().runAsync(
        services.thread(),
        [&hasher = services.hasher(), stored = (*me)->passwordHash, secret = password.toUtf8()] {
            return QVariant(hasher.verify(stored, secret));
        },
        [&services, userId, name, email, ip, respond](const QVariant &ok) {
            if (!ok.toBool()) {
                FieldErrors wrong;
                wrong.add(QStringLiteral("password"), QStringLiteral("This is not your current password."));
                respond(HttpResponse::error(403, wrong.toError())); // a failed proof of identity, not a typo
                return;
            }
            RecoveryRoutes::sendEmailChange(services, userId, name, email);
            AuditLog::note(services.database(), userId, QStringLiteral("email_change_requested"), userId, ip);
            respond(HttpResponse::json(202,
                                       { { "status", "accepted" },
                                         { "message", "Open the link we sent to the new address to confirm it." } }));
        });
    if (!queued) {
        respond(HttpResponse::busy());
    }
}

} // namespace

void addSection(Section section)
{
    // A second router (tests build several in one process) replaces, never repeats, a section.
    for (Section &s : sections()) {
        if (s.key == section.key) {
            s = std::move(section);
            return;
        }
    }
    sections().append(std::move(section));
}

void install(Router &router)
{
    using Body = Router::BodyKind;
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/users/me"), getMe, Body::None, Guard::user());
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/users/me"), putMe, Body::Json, Guard::user());
    router.addAsync(QStringLiteral("PUT"), QStringLiteral("/api/v1/users/me/password"), putPassword, Body::Json,
                    Guard::user());
    router.addAsync(QStringLiteral("PUT"), QStringLiteral("/api/v1/users/me/email"), putEmail, Body::Json,
                    Guard::user());
}

} // namespace quire::server::UserRoutes
