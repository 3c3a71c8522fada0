// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/mailedlinkpages.h"

#include "server/accounts/accountstore.h"
#include "server/accounts/formguard.h"
#include "server/accounts/mailedlinks.h"
#include "server/accounts/passwordpolicy.h"
#include "server/accounts/recoveryroutes.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "shared/apierror.h"
#include "shared/htmlescape.h"
#include "shared/pagetemplate.h"

#include <QUrlQuery>

namespace quire::server::MailedLinkPages {

namespace HtmlEscape = shared::HtmlEscape;
using shared::PageTemplate;
using Kind = MailedLinks::Kind;
using TokenState = AccountStore::EmailTokenState;

namespace {

// What the pages of one kind of link say.
struct Wording
{
    QString heading; // of the form page
    QString explanation;
    QString button;
    QString lifetime; // for the expired-link message
    QString nextLink; // where a reader with a dead link goes on
    QString nextText;
};

Wording wording(Kind kind)
{
    switch (kind) {
    case Kind::ResetPassword:
        return { QStringLiteral("Choose a new password"),
                 {},
                 {},
                 QStringLiteral("A link to reset a password works for 30 minutes."),
                 QStringLiteral("/forgot-password"),
                 QStringLiteral("Ask for a new link") };
    case Kind::VerifyEmail:
        return { QStringLiteral("Confirm your email address"),
                 QStringLiteral("Press the button to confirm that this address is yours:"),
                 QStringLiteral("Confirm my address"),
                 QStringLiteral("A link to confirm an address works for 24 hours; signed in, you can ask for a new "
                                "one."),
                 QStringLiteral("/sign-in"),
                 QStringLiteral("Sign in") };
    case Kind::ConfirmNewEmail:
        return { QStringLiteral("Confirm your new email address"),
                 QStringLiteral("Press the button to sign in with this address from now on:"),
                 QStringLiteral("Use this address"),
                 QStringLiteral("A link to confirm a new address works for 30 minutes; change the address again for "
                                "a new one."),
                 QStringLiteral("/sign-in"),
                 QStringLiteral("Sign in") };
    }
    return {};
}

// The form's fields, decoded as browsers encode them.
QUrlQuery formFields(const HttpRequest &request)
{
    return QUrlQuery(QString::fromUtf8(request.body).replace(QLatin1Char('+'), QLatin1Char(' ')));
}

QString field(const QUrlQuery &form, const char *name)
{
    return form.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

// A page of these forms: never stored by any cache (it holds the link's
// token), and its address never sent on (Referrer-Policy: no-referrer is on
// every answer).
HttpResponse page(int status, const char *templateName, QHash<QByteArray, QString> values,
                  const QHash<QByteArray, QByteArray> &trusted, WorkerServices &services,
                  const QByteArray &setCookie = {})
{
    shared::Result<PageTemplate> tpl = PageTemplate::builtin(QString::fromLatin1(templateName));
    if (!tpl)
        return HttpResponse::internalError(tpl.error());
    values.insert("lang", QStringLiteral("en"));
    values.insert("site_name", services.context().siteName);
    shared::Result<QByteArray> html = tpl->render(values, trusted);
    if (!html)
        return HttpResponse::internalError(html.error());
    HttpResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    r.headers.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store") });
    if (!setCookie.isEmpty())
        r.headers.append({ QByteArrayLiteral("Set-Cookie"), setCookie });
    r.body = *html;
    return r;
}

HttpResponse notice(int status, const QString &heading, const QString &message, const QString &link,
                    const QString &linkText, WorkerServices &services)
{
    return page(status, "notice",
                { { "heading", heading }, { "message", message }, { "link", link }, { "link_text", linkText } }, {},
                services);
}

// The page for a link that cannot be used: unknown 404, expired or used 410.
HttpResponse deadLink(Kind kind, TokenState state, WorkerServices &services)
{
    const Wording w = wording(kind);
    switch (state) {
    case TokenState::Expired:
        return notice(410, QStringLiteral("This link has expired"), w.lifetime + QStringLiteral(" This one is older."),
                      w.nextLink, w.nextText, services);
    case TokenState::Used:
        return notice(410, QStringLiteral("This link was used already"),
                      QStringLiteral("Each link works once, and only the newest one we sent works. If you used it "
                                     "yourself, there is nothing more to do."),
                      w.nextLink, w.nextText, services);
    case TokenState::Valid:
    case TokenState::Unknown:
        break;
    }
    return notice(404, QStringLiteral("This link does not work"),
                  QStringLiteral("It is not a link we sent, or part of it is missing: open the whole link from the "
                                 "mail."),
                  w.nextLink, w.nextText, services);
}

// The error box at the top of a form: the message, and each field's problem
// linked to its field.
QByteArray errorBox(const QString &message, const QList<std::pair<QString, QString>> &fields = {})
{
    QByteArray box = "<div class=\"error\" role=\"alert\"><p>" + HtmlEscape::escape(message) + "</p>";
    if (!fields.isEmpty()) {
        box += "<ul>";
        for (const auto &[id, problem] : fields)
            box += "<li><a href=\"#" + HtmlEscape::escape(id) + "\">" + HtmlEscape::escape(problem) + "</a></li>";
        box += "</ul>";
    }
    return box + "</div>";
}

struct LinkState
{
    TokenState state = TokenState::Unknown;
    QString email; // the address the page is about
};

shared::Result<LinkState> linkState(Kind kind, const QString &token, WorkerServices &services)
{
    if (token.isEmpty())
        return LinkState {};
    shared::Result<AccountStore::EmailTokenInfo> info
        = services.accounts().peekEmailToken(token, MailedLinks::purpose(kind));
    if (!info)
        return info.error();
    LinkState state { info->state, info->newEmail };
    if (state.email.isEmpty() && !info->userId.isEmpty()) {
        shared::Result<std::optional<StoredUser>> user = services.accounts().findById(info->userId);
        if (!user)
            return user.error();
        if (!*user)
            return LinkState {}; // the account is gone
        state.email = (*user)->user.email;
    }
    return state;
}

// What a form is bound to: one link of one kind.
QString binding(Kind kind, const QString &token)
{
    return MailedLinks::purpose(kind) + QLatin1Char(':') + token;
}

// The form page for a usable link, with a fresh CSRF field.
HttpResponse formPage(int status, Kind kind, const QString &token, const LinkState &link, const QByteArray &errors,
                      const HttpRequest &request, WorkerServices &services)
{
    shared::Result<FormGuard::Issued> guard = FormGuard::issue(request, services, binding(kind, token));
    if (!guard)
        return HttpResponse::internalError(guard.error());
    const Wording w = wording(kind);
    QHash<QByteArray, QString> values { { "action", MailedLinks::path(kind) },
                                        { "token", token },
                                        { "csrf_token", guard->field },
                                        { "email", link.email } };
    if (kind != Kind::ResetPassword) {
        values.insert("heading", w.heading);
        values.insert("explanation", w.explanation);
        values.insert("button", w.button);
    }
    return page(status, kind == Kind::ResetPassword ? "reset-password" : "confirm-address", values,
                { { "errors", errors } }, services, guard->setCookie);
}

Router::Handler showLink(Kind kind)
{
    return [kind](HttpRequest &request, WorkerServices &services) {
        const QString token = request.query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
        shared::Result<LinkState> link = linkState(kind, token, services);
        if (!link)
            return HttpResponse::internalError(link.error());
        if (link->state != TokenState::Valid)
            return deadLink(kind, link->state, services);
        return formPage(200, kind, token, *link, {}, request, services);
    };
}

// The checks every post of these forms passes first: a usable link, and a
// form from this site. Answers the page to show when one fails.
std::optional<HttpResponse> refused(Kind kind, const QString &token, const QUrlQuery &form, LinkState &link,
                                    const HttpRequest &request, WorkerServices &services)
{
    shared::Result<LinkState> state = linkState(kind, token, services);
    if (!state)
        return HttpResponse::internalError(state.error());
    link = *state;
    if (link.state != TokenState::Valid)
        return deadLink(kind, link.state, services);
    shared::Result<bool> fromHere
        = FormGuard::check(request, services, binding(kind, token), field(form, "csrf_token"));
    if (!fromHere)
        return HttpResponse::internalError(fromHere.error());
    if (!*fromHere) {
        // Nothing done; the form again, good for one more try from here.
        return formPage(403, kind, token, link,
                        errorBox(QStringLiteral("This form was open too long, or it was not sent from this site. "
                                                "Nothing was changed: try again.")),
                        request, services);
    }
    return std::nullopt;
}

// An outcome other than Done as a page.
HttpResponse failedOutcome(Kind kind, const RecoveryRoutes::LinkOutcome &outcome, WorkerServices &services)
{
    using OutcomeKind = RecoveryRoutes::LinkOutcome::Kind;
    switch (outcome.kind) {
    case OutcomeKind::InvalidToken: // used meanwhile, by another tab or a second click
        return deadLink(kind, TokenState::Used, services);
    case OutcomeKind::EmailTaken:
        return notice(409, QStringLiteral("This address is taken"),
                      QStringLiteral("Another account uses this address now, so yours keeps its old one."),
                      QStringLiteral("/sign-in"), QStringLiteral("Sign in"), services);
    case OutcomeKind::RateLimited: {
        HttpResponse r = notice(429, QStringLiteral("Too many tries"),
                                QStringLiteral("Wait a minute, then open the link from the mail again."),
                                MailedLinks::path(kind), QStringLiteral("Back"), services);
        r.headers.append({ QByteArrayLiteral("Retry-After"), QByteArray::number(outcome.retryAfter) });
        return r;
    }
    case OutcomeKind::Busy: {
        HttpResponse r = notice(503, QStringLiteral("The server is busy"),
                                QStringLiteral("Nothing was changed. Go back and send the form again in a moment."),
                                QStringLiteral("/"), QStringLiteral("Back to the start page"), services);
        r.headers.append({ QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1") });
        return r;
    }
    case OutcomeKind::Done:
    case OutcomeKind::WeakPassword:
    case OutcomeKind::Error:
        break;
    }
    return HttpResponse::internalError(outcome.error);
}

void resetPassword(HttpRequest &request, WorkerServices &services, Responder respond)
{
    const QUrlQuery form = formFields(request);
    const QString token = field(form, "token");
    LinkState link;
    if (std::optional<HttpResponse> no = refused(Kind::ResetPassword, token, form, link, request, services)) {
        respond(*no);
        return;
    }
    const QString password = field(form, "password");
    QList<std::pair<QString, QString>> problems;
    if (const std::optional<QString> weak = PasswordPolicy::instance().check(password))
        problems.append({ QStringLiteral("password"), *weak });
    if (field(form, "password_confirm") != password)
        problems.append({ QStringLiteral("password_confirm"), QStringLiteral("The two passwords are not the same.") });
    if (!problems.isEmpty()) {
        respond(formPage(400, Kind::ResetPassword, token, link,
                         errorBox(QStringLiteral("The password was not changed."), problems), request, services));
        return;
    }
    RecoveryRoutes::resetPassword(
        services, token, password, request.remoteAddress.toString(),
        [&services, respond](const RecoveryRoutes::LinkOutcome &outcome) {
            if (outcome.kind != RecoveryRoutes::LinkOutcome::Kind::Done) {
                respond(failedOutcome(Kind::ResetPassword, outcome, services));
                return;
            }
            respond(notice(200, QStringLiteral("Your password was changed"),
                           QStringLiteral("Every device that was signed in has been signed out. Sign in again with "
                                          "the new password."),
                           QStringLiteral("/sign-in"), QStringLiteral("Sign in"), services));
        });
}

Router::Handler confirmAddress(Kind kind)
{
    return [kind](HttpRequest &request, WorkerServices &services) {
        const QUrlQuery form = formFields(request);
        const QString token = field(form, "token");
        LinkState link;
        if (std::optional<HttpResponse> no = refused(kind, token, form, link, request, services))
            return *no;
        const RecoveryRoutes::LinkOutcome outcome
            = RecoveryRoutes::confirmAddress(services, token, { kind }, request.remoteAddress.toString());
        if (outcome.kind != RecoveryRoutes::LinkOutcome::Kind::Done)
            return failedOutcome(kind, outcome, services);
        return notice(200,
                      outcome.addressChanged ? QStringLiteral("Your new address is in use")
                                             : QStringLiteral("Your address is confirmed"),
                      outcome.addressChanged
                          ? QStringLiteral("Sign in with %1 from now on.").arg(outcome.user.user.email)
                          : QStringLiteral("Thank you: %1 is confirmed.").arg(outcome.user.user.email),
                      QStringLiteral("/sign-in"), QStringLiteral("Sign in"), services);
    };
}

HttpResponse forgotPage(int status, const QString &email, const QByteArray &errors, WorkerServices &services)
{
    return page(status, "forgot-password", { { "email", email } }, { { "errors", errors } }, services);
}

// The form that asks for a reset link: the API's answer, as a page. It
// sends mail, so a post from another site is refused; the answer is the
// same for every address.
HttpResponse askForLink(HttpRequest &request, WorkerServices &services)
{
    const QUrlQuery form = formFields(request);
    const QString email = field(form, "email");
    if (FormGuard::fromAnotherSite(request, services.context().publicBaseUrl))
        return forgotPage(403, email, errorBox(QStringLiteral("This form was not sent from this site.")), services);
    if (email.trimmed().isEmpty()) {
        return forgotPage(400, email,
                          errorBox(QStringLiteral("No link was sent."),
                                   { { QStringLiteral("email"), QStringLiteral("Enter the email address.") } }),
                          services);
    }
    request.json = nlohmann::json { { "email", email.toStdString() } };
    HttpResponse answer = RecoveryRoutes::forgotPassword(request, services);
    if (answer.status == 202) {
        return notice(200, QStringLiteral("Check your mail"),
                      QStringLiteral("If an account exists for this address, a link to choose a new password is on "
                                     "its way. It works for 30 minutes."),
                      QStringLiteral("/sign-in"), QStringLiteral("Back to signing in"), services);
    }
    if (answer.status == 429) {
        HttpResponse r = notice(429, QStringLiteral("Too many tries"),
                                QStringLiteral("Wait a few minutes before asking for another link."),
                                QStringLiteral("/sign-in"), QStringLiteral("Back to signing in"), services);
        for (const auto &header : std::as_const(answer.headers)) {
            if (header.first == "Retry-After")
                r.headers.append(header);
        }
        return r;
    }
    const std::optional<shared::Error> error = shared::ApiError::parse(answer.body);
    if (answer.status != 400 || !error)
        return answer;
    QList<std::pair<QString, QString>> problems;
    for (auto it = error->fields.cbegin(); it != error->fields.cend(); ++it)
        problems.append({ it.key(), it.value() });
    return forgotPage(400, email, errorBox(error->message, problems), services);
}

} // namespace

void install(Router &router)
{
    router.addAsync(QStringLiteral("POST"), MailedLinks::path(Kind::ResetPassword), resetPassword);
    for (const Kind kind : { Kind::ResetPassword, Kind::VerifyEmail, Kind::ConfirmNewEmail })
        router.add(QStringLiteral("GET"), MailedLinks::path(kind), showLink(kind));
    for (const Kind kind : { Kind::VerifyEmail, Kind::ConfirmNewEmail })
        router.add(QStringLiteral("POST"), MailedLinks::path(kind), confirmAddress(kind));
    router.add(QStringLiteral("GET"), QStringLiteral("/forgot-password"),
               [](HttpRequest &, WorkerServices &services) { return forgotPage(200, QString(), {}, services); });
    router.add(QStringLiteral("POST"), QStringLiteral("/forgot-password"), askForLink);
}

} // namespace quire::server::MailedLinkPages
