// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/protocol.h"
#include "shared/uuid.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QJsonDocument>

#include <nlohmann/json.hpp>

namespace quire::test {

// A running server with accounts made through `quire-server create-user`,
// and helpers to sign in and call the API as one of them.
class AccountFixture
{
public:
    bool start(const ServerProcess::Options &options = {})
    {
        m_options = options;
        if (!m_server.start(options))
            return false;
        m_http = std::make_unique<TestHttpClient>(m_server.url(), m_server.fingerprint());
        return true;
    }

    // Stops the server (with SIGKILL, as a crash or power cut would, when
    // `crash`) and starts it again with the same options, data directory
    // and port: what a restart or several instances in turn would see.
    bool restart(bool crash = false)
    {
        const quint16 port = m_server.port();
        if (crash)
            m_server.kill();
        else if (!m_server.stop())
            return false;
        ServerProcess::Options again = m_options;
        again.dataDir = m_server.dataDir();
        again.extraArgs << QStringLiteral("--port") << QString::number(port);
        if (!m_server.start(again))
            return false;
        m_http = std::make_unique<TestHttpClient>(m_server.url(), m_server.fingerprint());
        return true;
    }
    ServerProcess &server() { return m_server; }
    TestHttpClient &http() { return *m_http; }

    // Creates the account with `password` through the command line.
    bool createUser(const QString &email, const QString &role, const QString &password)
    {
        const auto r
            = ServerProcess::run({ QStringLiteral("create-user"), QStringLiteral("--data-dir"), m_server.dataDir(),
                                   QStringLiteral("--email"), email, QStringLiteral("--role"), role },
                                 60000, {}, password.toUtf8() + '\n');
        if (r.exitCode != 0)
            qWarning("create-user failed: %s", r.err.constData());
        return r.exitCode == 0;
    }

    HttpResult login(const QString &email, const QString &password)
    {
        const nlohmann::json body { { "email", email.toStdString() }, { "password", password.toStdString() } };
        return m_http->postJson(QStringLiteral("/api/v1/auth/login"), QByteArray::fromStdString(body.dump()));
    }

    // Signs in and returns the access token (empty on failure).
    QByteArray token(const QString &email, const QString &password)
    {
        const HttpResult r = login(email, password);
        if (r.status != 200)
            return {};
        return QByteArray::fromStdString(r.json()["access_token"].get<std::string>());
    }

    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &token, const QByteArray &json = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers { { "Authorization", "Bearer " + token } };
        if (!json.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return m_http->request(method, path, json, headers);
    }

    // A replica's push, as `token`, of one upsert of `fields` to the row
    // `rowId` of `table` (new: base_rev 0); the server's answer.
    HttpResult pushUpsert(const QByteArray &token, const QString &table, const QString &rowId,
                          const nlohmann::json &fields)
    {
        const nlohmann::json request { { "client_id", shared::Uuid::createV7().toStdString() },
                                       { "schema_version", shared::Protocol::kSchemaVersion },
                                       { "acked", 0 },
                                       { "mutations",
                                         { { { "id", 1 },
                                             { "table", table.toStdString() },
                                             { "row_id", rowId.toStdString() },
                                             { "op", "upsert" },
                                             { "fields", fields },
                                             { "base_rev", 0 },
                                             { "base", nlohmann::json::object() } } } } };
        return call("POST", QStringLiteral("/api/v1/sync/push"), token, QByteArray::fromStdString(request.dump()));
    }

private:
    ServerProcess::Options m_options;
    ServerProcess m_server;
    std::unique_ptr<TestHttpClient> m_http;
};

} // namespace quire::test
