// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace quire::test {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString error;
    QByteArray wire; // everything raw() received, for pipelined answers

    QByteArray header(const QByteArray &name) const;
    nlohmann::json json() const;
};

// A blocking HTTP(S) client for tests. It trusts exactly the certificate
// with the given fingerprint, as a pinned desktop client would; `raw()`
// sends bytes as written, for paths and headers a normal client would fix.
class TestHttpClient
{
public:
    TestHttpClient(QUrl base, QString fingerprint);

    HttpResult request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                       const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult get(const QString &path) { return request("GET", path); }
    HttpResult postJson(const QString &path, const QByteArray &json);

    // Sends `request` on a new connection and returns the parsed answer;
    // `from` picks the loopback source address (127.0.0.2, …), so one test
    // can speak as several clients.
    HttpResult raw(const QByteArray &request, const QHostAddress &from = QHostAddress(), int answers = 1);

private:
    QUrl m_base;
    QString m_fingerprint;
    QNetworkAccessManager m_network;
};

} // namespace quire::test
