// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/core/promptrunner.h"

#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/connectionmonitor.h"
#include "desktop/core/credentialstore.h"
#include "desktop/core/profile.h"
#include "desktop/core/workspace.h"
#include "shared/fielderrors.h"
#include "shared/jsonqt.h"

#include <QMetaObject>
#include <QPointer>

namespace quire::desktop {

using shared::Error;
using shared::Result;
using shared::VoidResult;

namespace {

const QString kUrlSetting = QStringLiteral("provider/url");
const QString kModelSetting = QStringLiteral("provider/model");
const QString kKeyCredential = QStringLiteral("provider-key");

qint64 tokens(const nlohmann::json &usage, const char *key)
{
    const auto it = usage.is_object() ? usage.find(key) : usage.end();
    return it != usage.end() && it->is_number_integer() ? it->get<qint64>() : 0;
}

} // namespace

PromptRunner::PromptRunner(Workspace &workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_hasOwn(!workspace.profile().settings().value(kUrlSetting).toString().isEmpty())
{
    connect(&workspace.connection(), &ConnectionMonitor::stateChanged, this, [this](ConnectionMonitor::State state) {
        if (state == ConnectionMonitor::State::Online)
            checkServer();
        else if (state == ConnectionMonitor::State::NoServer)
            setServerRuns(false);
        // Offline keeps what the server said: a run then fails as offline.
    });
}

PromptRunner::Way PromptRunner::way() const
{
    if (m_hasOwn)
        return Way::OwnProvider;
    return m_serverRuns ? Way::Server : Way::NotAvailable;
}

void PromptRunner::setServerRuns(bool runs)
{
    const bool before = isAvailable();
    m_serverRuns = runs;
    if (isAvailable() != before)
        Q_EMIT availabilityChanged(isAvailable());
}

void PromptRunner::checkServer()
{
    ApiClient &api = m_workspace.api();
    if (!api.server().isValid()) {
        setServerRuns(false);
        return;
    }
    const QUrl server = api.server();
    api.get(QStringLiteral("/health"), [self = QPointer<PromptRunner>(this), server](ApiReply reply) {
        if (!self || server != self->m_workspace.api().server() || reply.status != 200)
            return; // an older server's answer, or no answer: keep what we knew
        const auto run = reply.json.find("run");
        self->setServerRuns(run != reply.json.end() && run->is_boolean() && run->get<bool>());
    });
}

shared::ChatProviderSettings PromptRunner::ownProvider() const
{
    shared::ChatProviderSettings s;
    QSettings &settings = m_workspace.profile().settings();
    const QString url = settings.value(kUrlSetting).toString();
    if (url.isEmpty())
        return s;
    s.baseUrl = QUrl(url);
    s.model = settings.value(kModelSetting).toString();
    if (Result<std::optional<QByteArray>> key = m_workspace.credentials().load(kKeyCredential); key && *key)
        s.key = QString::fromUtf8(**key);
    return s;
}

VoidResult PromptRunner::setOwnProvider(const QUrl &baseUrl, const QString &model, const QString &key)
{
    shared::FieldErrors errors;
    if (const std::optional<QString> bad = shared::ChatProviderSettings::checkBaseUrl(baseUrl))
        errors.add(QStringLiteral("url"), *bad);
    if (model.trimmed().isEmpty())
        errors.add(QStringLiteral("model"), tr("Name the model to use, e.g. gpt-4o-mini."));
    if (!errors.isEmpty())
        return errors.toError();
    // The key first: a provider without its key would fail on every run.
    VoidResult saved = key.isEmpty() ? m_workspace.credentials().remove(kKeyCredential)
                                     : m_workspace.credentials().save(kKeyCredential, key.toUtf8());
    if (!saved)
        return saved;
    const bool before = isAvailable();
    QSettings &settings = m_workspace.profile().settings();
    settings.setValue(kUrlSetting, baseUrl.toString());
    settings.setValue(kModelSetting, model.trimmed());
    settings.sync();
    m_hasOwn = true;
    if (!before)
        Q_EMIT availabilityChanged(true);
    return VoidResult::success();
}

VoidResult PromptRunner::clearOwnProvider()
{
    if (VoidResult removed = m_workspace.credentials().remove(kKeyCredential); !removed)
        return removed;
    const bool before = isAvailable();
    QSettings &settings = m_workspace.profile().settings();
    settings.remove(kUrlSetting);
    settings.remove(kModelSetting);
    settings.sync();
    m_hasOwn = false;
    if (isAvailable() != before)
        Q_EMIT availabilityChanged(isAvailable());
    return VoidResult::success();
}

void PromptRunner::run(const Run &run, Done done)
{
    switch (way()) {
    case Way::OwnProvider:
        runOwn(run, std::move(done));
        return;
    case Way::Server:
        runOnServer(run, std::move(done));
        return;
    case Way::NotAvailable:
        break;
    }
    // Never inside run(): the contract promises a later call.
    QMetaObject::invokeMethod(
        this,
        [done = std::move(done)] {
            done(
                Error::make(shared::ErrorCode::ProviderNotConfigured,
                            tr("Running prompts is not available: set up a provider or use a server that runs them.")));
        },
        Qt::QueuedConnection);
}

void PromptRunner::runOwn(const Run &run, Done done)
{
    shared::ChatProvider(ownProvider())
        .send(run.rendered, this, [done = std::move(done)](Result<shared::ChatAnswer> a) {
            if (!a) {
                done(a.error());
                return;
            }
            Answer answer;
            answer.output = a->content;
            answer.model = a->model;
            answer.promptTokens = a->promptTokens;
            answer.completionTokens = a->completionTokens;
            answer.way = Way::OwnProvider;
            done(answer);
        });
}

void PromptRunner::runOnServer(const Run &run, Done done)
{
    nlohmann::json variables = nlohmann::json::object();
    for (auto it = run.values.cbegin(); it != run.values.cend(); ++it)
        variables[it.key().toStdString()] = it.value();
    nlohmann::json body { { "variables", variables } };
    if (run.version)
        body["version"] = *run.version;
    else if (run.label)
        body["label"] = *run.label;
    m_workspace.session().call(QStringLiteral("POST"), QStringLiteral("/api/v1/prompts/%1/run").arg(run.promptId), body,
                               [done = std::move(done)](ApiReply reply) {
                                   if (reply.error) {
                                       done(*reply.error);
                                       return;
                                   }
                                   Answer answer;
                                   answer.output = shared::textOf(reply.json, "output");
                                   answer.model = shared::textOf(reply.json, "model");
                                   const auto usage = reply.json.find("usage");
                                   if (usage != reply.json.end()) {
                                       answer.promptTokens = tokens(*usage, "prompt_tokens");
                                       answer.completionTokens = tokens(*usage, "completion_tokens");
                                   }
                                   answer.usageId = shared::textOf(reply.json, "usage_id");
                                   answer.way = Way::Server;
                                   done(answer);
                               });
}

} // namespace quire::desktop
