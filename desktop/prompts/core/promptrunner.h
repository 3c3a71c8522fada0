// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/chatprovider.h"
#include "shared/result.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace quire::desktop {

class Workspace;

// Runs a prompt (Run in the fill-in panel) through the provider this
// profile may use: its own, when the user set one (Provider… dialog), else
// the server's POST /api/v1/prompts/:id/run when the server's /health says
// "run": true; else Run is not available and the UI hides it.
//
// Contract for callers (the fill-in panel):
// - Show Run only while isAvailable(); follow availabilityChanged().
// - run() needs both what the server renders from (promptId, version or
//   label, values) and what the replica rendered (messages and the model
//   settings): which one is used depends on the way, decided at the call.
// - done is called exactly once, later, from the event loop (never inside
//   run()); on success Answer::usageId is the usage record the server kept
//   (it syncs down) or, for the own provider, empty: the caller then records
//   the use itself (use "run", output = Answer::output) in the replica.
// - Errors carry the provider's codes (provider_timeout,
//   provider_unavailable, provider_error, provider_bad_answer,
//   provider_not_configured), the server's (validation_failed with the
//   template problems, not_found) or offline/not_signed_in; their messages
//   may be shown as they are and never contain the key.
class PromptRunner final : public QObject
{
    Q_OBJECT
public:
    enum class Way { NotAvailable, OwnProvider, Server };

    struct Run
    {
        QString promptId;
        std::optional<qint64> version; // neither: the latest
        std::optional<QString> label;
        QHash<QString, QString> values;
        shared::ChatRequest rendered; // the messages as the replica rendered them, and the model settings
    };

    struct Answer
    {
        QString output;
        QString model;
        qint64 promptTokens = 0;
        qint64 completionTokens = 0;
        QString usageId; // empty: not recorded yet (the own provider)
        Way way = Way::NotAvailable;
    };
    using Done = std::function<void(shared::Result<Answer>)>;

    explicit PromptRunner(Workspace &workspace, QObject *parent = nullptr);

    Way way() const;
    bool isAvailable() const { return way() != Way::NotAvailable; }
    // Asks the server whether it runs prompts (GET /health); done on its
    // own whenever the connection comes online.
    void checkServer();
    void run(const Run &run, Done done);

    // The profile's own provider: URL and model in the profile's settings,
    // the key in the credential store like the session's tokens. Not
    // configured: none set.
    shared::ChatProviderSettings ownProvider() const;
    // An invalid URL (http other than to loopback, not a URL) or an empty
    // model is refused with validation_failed naming the field.
    shared::VoidResult setOwnProvider(const QUrl &baseUrl, const QString &model, const QString &key);
    shared::VoidResult clearOwnProvider();

Q_SIGNALS:
    void availabilityChanged(bool available);

private:
    void runOnServer(const Run &run, Done done);
    void runOwn(const Run &run, Done done);
    void setServerRuns(bool runs);

    Workspace &m_workspace;
    bool m_serverRuns = false;
    bool m_hasOwn = false;
};

} // namespace quire::desktop
