// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/conformance/rawclient.h"

#include "shared/protocol.h"
#include "shared/uuid.h"
#include "tests/sync/syncpeer.h"

namespace quire::test {

RawClient::RawClient(TestHttpClient &http)
    : m_http(http)
{ }

QByteArray RawClient::tokenOf(const QString &email)
{
    const HttpResult login
        = m_http.postJson(QStringLiteral("/api/v1/auth/login"),
                          QByteArray::fromStdString(nlohmann::json { { "email", email.toStdString() },
                                                                     { "password", kSyncTestPassword.toStdString() } }
                                                        .dump()));
    return QByteArray::fromStdString(login.json().value("access_token", std::string()));
}

nlohmann::json RawClient::push(const QByteArray &token, const QString &table, const QString &rowId, const char *op,
                               const nlohmann::json &fields)
{
    const nlohmann::json mutation { { "id", 1 },
                                    { "table", table.toStdString() },
                                    { "row_id", rowId.toStdString() },
                                    { "op", op },
                                    { "fields", fields },
                                    { "base_rev", 0 },
                                    { "base", nlohmann::json::object() } };
    const nlohmann::json batch { { "client_id", shared::Uuid::createV7().toStdString() },
                                 { "schema_version", shared::Protocol::kSchemaVersion },
                                 { "acked", 0 },
                                 { "mutations", nlohmann::json::array({ mutation }) } };
    const HttpResult r
        = m_http.request("POST", QStringLiteral("/api/v1/sync/push"), QByteArray::fromStdString(batch.dump()),
                         { { "Content-Type", "application/json" }, { "Authorization", "Bearer " + token } });
    const nlohmann::json answer = r.json();
    if (r.status != 200 || !answer.contains("results") || answer["results"].empty())
        return nlohmann::json::object({ { "status", r.status } });
    return answer["results"][0];
}

} // namespace quire::test
