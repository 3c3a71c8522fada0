// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/promptrenderer.h" // ChatMessage
#include "shared/result.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QObject;

namespace quire::shared {

// What is sent to the provider: a rendered prompt and its model settings.
struct ChatRequest
{
    QString model; // empty: the provider's default model
    QList<ChatMessage> messages; // rendered: their content is sent as it is
    std::optional<double> temperature;
    std::optional<qint64> maxTokens;
};

// The provider's answer: the first choice's text and what it cost.
struct ChatAnswer
{
    QString content;
    QString model; // the model that answered, as the provider names it
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
};

// Where an OpenAI-compatible chat-completions endpoint is and how to call it.
struct ChatProviderSettings
{
    QUrl baseUrl; // e.g. https://api.openai.com/v1; empty: no provider
    QString model; // used when the prompt names none
    QString key; // the bearer key; never logged, never in an error
    int timeoutMs = 60'000;

    bool isConfigured() const { return !baseUrl.isEmpty(); }
    // Why `url` cannot be a provider's base, or nothing when it can: https,
    // or plain http to a loopback address only (a local model server or a
    // test's fake), so a key never crosses a network in clear text.
    static std::optional<QString> checkBaseUrl(const QUrl &url);
};

// The client of an OpenAI-compatible provider, shared by the server's Run
// and the desktop's own provider. It POSTs {model, messages, temperature?,
// max_tokens?} to <base>/chat/completions with the bearer key, reads the
// answer strictly and names every failure with one error code:
// provider_timeout, provider_unavailable, provider_error (the provider's
// own message, the key cut out) or provider_bad_answer.
class ChatProvider
{
public:
    using Done = std::function<void(Result<ChatAnswer>)>;

    // Largest answer body read; a provider sending more is refused.
    static constexpr qint64 kMaxAnswerBytes = 4 * 1024 * 1024;

    explicit ChatProvider(ChatProviderSettings settings);

    const ChatProviderSettings &settings() const { return m_settings; }

    // Sends `request` from the calling thread, which must run an event loop,
    // and calls `done` once on it. `context` owns the call: when it is
    // destroyed first, the call is dropped and `done` never runs.
    void send(const ChatRequest &request, QObject *context, Done done) const;

    // The JSON body for `request` (its model, or `defaultModel`).
    static QByteArray requestBody(const ChatRequest &request, const QString &defaultModel);
    // Reads a 2xx answer's body.
    static Result<ChatAnswer> readAnswer(QByteArrayView body);
    // The provider's own words from an error answer (OpenAI's
    // {"error": {"message": …}} or a short plain text), without `key`.
    static QString providerMessage(QByteArrayView body, const QString &key);

private:
    ChatProviderSettings m_settings;
};

} // namespace quire::shared
