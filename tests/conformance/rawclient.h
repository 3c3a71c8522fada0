// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/testhttpclient.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

namespace quire::test {

// Talks to the server as a client that skips its replica's checks would:
// what the server itself must refuse (server-owned columns, other users'
// rows by id) is sent straight to it.
class RawClient
{
public:
    explicit RawClient(TestHttpClient &http);

    // A bearer token for one of the test accounts (kSyncTestPassword).
    QByteArray tokenOf(const QString &email);
    // Pushes one mutation and answers the server's result for it; a push
    // refused as a whole answers {"status": <HTTP status>}.
    nlohmann::json push(const QByteArray &token, const QString &table, const QString &rowId, const char *op,
                        const nlohmann::json &fields);

private:
    TestHttpClient &m_http;
};

} // namespace quire::test
