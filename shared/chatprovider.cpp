// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/chatprovider.h"

#include "shared/jsonqt.h"
#include "shared/strictjson.h"
#include "shared/tr.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace quire::shared {

namespace {

constexpr qsizetype kMaxProviderMessage = 500;

Error failure(ErrorCode code, const QString &message)
{
    return Error::make(code, message);
}

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// A non-negative whole number at `key` of `object`, when there is one.
std::optional<qint64> count(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer())
        return std::nullopt;
    const qint64 n = it->get<qint64>();
    return n >= 0 ? std::optional<qint64>(n) : std::nullopt;
}

QString withoutKey(QString text, const QString &key)
{
    if (!key.isEmpty())
        text.replace(key, QStringLiteral("[key]"));
    return text;
}

// The state of one call; the first of answer, timeout or abort settles it.
struct Call
{
    ChatProvider::Done done;
    QString key;
    QString host;
    int timeoutMs = 0;
    QString model; // what was asked for, when the answer does not say
    bool timedOut = false;
    bool tooLarge = false;
};

Result<ChatAnswer> settle(QNetworkReply *reply, const Call &call)
{
    if (call.timedOut)
        return failure(
            ErrorCode::ProviderTimeout,
            Tr::tr("The provider at %1 did not answer within %2 s.").arg(call.host).arg(call.timeoutMs / 1000.0));
    if (call.tooLarge)
        return failure(ErrorCode::ProviderBadAnswer,
                       Tr::tr("The provider's answer is larger than %1 bytes.").arg(ChatProvider::kMaxAnswerBytes));
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        // No HTTP answer at all: refused, unknown host, TLS failure, closed.
        return failure(ErrorCode::ProviderUnavailable,
                       Tr::tr("The provider at %1 could not be reached: %2")
                           .arg(call.host, withoutKey(reply->errorString(), call.key)));
    }
    const int status = statusAttribute.toInt();
    const QByteArray body = reply->readAll();
    if (status < 200 || status > 299) {
        // Redirects are not followed: the key goes to the configured address only.
        const QString said = ChatProvider::providerMessage(body, call.key);
        return failure(ErrorCode::ProviderError,
                       said.isEmpty() ? Tr::tr("The provider answered HTTP %1.").arg(status)
                                      : Tr::tr("The provider answered HTTP %1: %2").arg(status).arg(said));
    }
    return ChatProvider::readAnswer(body);
}

} // namespace

std::optional<QString> ChatProviderSettings::checkBaseUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return Tr::tr("`%1` is not an http(s) URL").arg(url.toString(QUrl::RemoveUserInfo));
    if (!url.userInfo().isEmpty())
        return Tr::tr("the URL must not carry a user or password (the key is given on its own)");
    if (url.scheme() == QLatin1String("https"))
        return std::nullopt;
    if (url.scheme() == QLatin1String("http") && isLoopback(url.host()))
        return std::nullopt;
    if (url.scheme() == QLatin1String("http"))
        return Tr::tr("plain http is allowed for loopback addresses only; use https");
    return Tr::tr("`%1` is not an http(s) URL").arg(url.toString(QUrl::RemoveUserInfo));
}

ChatProvider::ChatProvider(ChatProviderSettings settings)
    : m_settings(std::move(settings))
{ }

QByteArray ChatProvider::requestBody(const ChatRequest &request, const QString &defaultModel)
{
    nlohmann::json messages = nlohmann::json::array();
    for (const ChatMessage &m : request.messages)
        messages.push_back({ { "role", m.role }, { "content", m.content } });
    nlohmann::json body { { "model", request.model.isEmpty() ? defaultModel : request.model },
                          { "messages", messages } };
    if (request.temperature)
        body["temperature"] = *request.temperature;
    if (request.maxTokens)
        body["max_tokens"] = *request.maxTokens;
    return toJsonBytes(body);
}

Result<ChatAnswer> ChatProvider::readAnswer(QByteArrayView body)
{
    Result<nlohmann::json> parsed = StrictJson::parse(body);
    if (!parsed)
        return failure(ErrorCode::ProviderBadAnswer,
                       Tr::tr("The provider's answer is not JSON: %1").arg(parsed.error().message));
    const nlohmann::json &json = *parsed;
    const auto choices = json.is_object() ? json.find("choices") : json.end();
    if (choices == json.end() || !choices->is_array() || choices->empty() || !choices->front().is_object())
        return failure(ErrorCode::ProviderBadAnswer, Tr::tr("The provider's answer has no choices."));
    const auto message = choices->front().find("message");
    if (message == choices->front().end() || !message->is_object())
        return failure(ErrorCode::ProviderBadAnswer, Tr::tr("The provider's first choice has no message."));
    const auto content = message->find("content");
    if (content == message->end() || !content->is_string())
        return failure(ErrorCode::ProviderBadAnswer, Tr::tr("The provider's message has no text content."));
    ChatAnswer answer;
    answer.content = textOf(*message, "content");
    answer.model = textOf(json, "model");
    if (const auto usage = json.find("usage"); usage != json.end() && usage->is_object()) {
        answer.promptTokens = count(*usage, "prompt_tokens").value_or(0);
        answer.completionTokens = count(*usage, "completion_tokens").value_or(0);
    }
    return answer;
}

QString ChatProvider::providerMessage(QByteArrayView body, const QString &key)
{
    QString said;
    if (Result<nlohmann::json> parsed = StrictJson::parse(body); parsed && parsed->is_object()) {
        const auto error = parsed->find("error");
        if (error != parsed->end() && error->is_object())
            said = textOf(*error, "message");
        else if (error != parsed->end() && error->is_string())
            said = textOf(*parsed, "error");
        else
            said = textOf(*parsed, "message");
    } else if (!body.isEmpty()) {
        said = QString::fromUtf8(body.first(std::min(body.size(), kMaxProviderMessage * 4)));
    }
    said = withoutKey(said.simplified(), key);
    if (said.size() > kMaxProviderMessage)
        said = said.left(kMaxProviderMessage) + QStringLiteral("…");
    return said;
}

void ChatProvider::send(const ChatRequest &request, QObject *context, Done done) const
{
    QUrl url = m_settings.baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/chat/completions"));

    QNetworkRequest http(url);
    http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    http.setRawHeader("Accept", "application/json");
    if (!m_settings.key.isEmpty())
        http.setRawHeader("Authorization", "Bearer " + m_settings.key.toUtf8());
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

    // One manager per call, on the caller's thread: calls are seconds long
    // and rare, and a manager must live on the thread that uses it.
    auto *network = new QNetworkAccessManager(context);
    QNetworkReply *reply = network->post(http, requestBody(request, m_settings.model));
    auto call = std::make_shared<Call>();
    call->done = std::move(done);
    call->key = m_settings.key;
    call->host = url.host();
    call->timeoutMs = m_settings.timeoutMs;
    call->model = request.model.isEmpty() ? m_settings.model : request.model;

    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, reply, [reply, call] {
        call->timedOut = true;
        reply->abort();
    });
    timer->start(m_settings.timeoutMs);
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, call] {
        if (reply->bytesAvailable() > kMaxAnswerBytes) {
            call->tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, network, call] {
        Result<ChatAnswer> result = settle(reply, *call);
        if (result && result->model.isEmpty())
            result->model = call->model;
        reply->deleteLater();
        network->deleteLater();
        call->done(std::move(result));
    });
}

} // namespace quire::shared
