// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/testhttpclient.h"

#include "shared/fingerprint.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QNetworkReply>
#include <QSslSocket>
#include <QTimer>

namespace quire::test {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

nlohmann::json HttpResult::json() const
{
    return nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
}

TestHttpClient::TestHttpClient(QUrl base, QString fingerprint)
    : m_base(std::move(base))
    , m_fingerprint(std::move(fingerprint))
{ }

HttpResult TestHttpClient::request(const QByteArray &method, const QString &path, const QByteArray &body,
                                   const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest req(m_base.resolved(QUrl(path)));
    req.setTransferTimeout(30000);
    // Tests see exactly what the server answers: no redirects followed,
    // no cookies remembered or sent unless a test sets them.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    for (const auto &[k, v] : headers)
        req.setRawHeader(k, v);
    // HEAD through its own call: as a custom verb Qt would wait for the body
    // its Content-Length announces, until the transfer timeout.
    QNetworkReply *reply = method == "HEAD" ? m_network.head(req) : m_network.sendCustomRequest(req, method, body);
    const QString fingerprint = m_fingerprint;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply, fingerprint](const QList<QSslError> &errors) {
        if (shared::Fingerprint::ofCertificate(reply->sslConfiguration().peerCertificate()) == fingerprint)
            reply->ignoreSslErrors(errors);
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    if (r.status == 0)
        r.error = reply->errorString();
    reply->deleteLater();
    return r;
}

HttpResult TestHttpClient::postJson(const QString &path, const QByteArray &json)
{
    return request("POST", path, json, { { "Content-Type", "application/json" } });
}

HttpResult TestHttpClient::raw(const QByteArray &request, const QHostAddress &from, int answers)
{
    QSslSocket socket;
    if (!from.isNull() && !socket.bind(from)) {
        HttpResult r;
        r.error = socket.errorString();
        return r;
    }
    const QString fingerprint = m_fingerprint;
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket, [&socket, fingerprint](const QList<QSslError> &errors) {
        if (shared::Fingerprint::ofCertificate(socket.peerCertificate()) == fingerprint)
            socket.ignoreSslErrors(errors);
    });
    HttpResult r;
    if (m_base.scheme() == QLatin1String("https")) {
        socket.connectToHostEncrypted(m_base.host(), quint16(m_base.port()));
        if (!socket.waitForEncrypted(10000)) {
            r.error = socket.errorString();
            return r;
        }
    } else {
        socket.connectToHost(m_base.host(), quint16(m_base.port()));
        if (!socket.waitForConnected(10000)) {
            r.error = socket.errorString();
            return r;
        }
    }
    socket.write(request);
    QByteArray data;
    QDeadlineTimer deadline(20000);
    // Read until the headers and Content-Length bytes of body of `answers`
    // responses have arrived.
    const auto complete = [&data, answers] {
        qsizetype at = 0;
        for (int n = 0; n < answers; ++n) {
            const qsizetype end = data.indexOf("\r\n\r\n", at);
            if (end < 0)
                return false;
            qsizetype length = 0;
            for (const QByteArray &line : data.mid(at, end - at).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (data.size() < end + 4 + length)
                return false;
            at = end + 4 + length;
        }
        return true;
    };
    while (!deadline.hasExpired()) {
        if (complete())
            break;
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        socket.waitForReadyRead(200);
        data += socket.readAll();
    }
    r.wire = data;
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0) {
        r.error = QStringLiteral("no HTTP answer");
        return r;
    }
    const QList<QByteArray> lines = data.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    r.status = statusLine.size() > 1 ? statusLine[1].toInt() : 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            r.headers.append({ lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed() });
    }
    r.body = data.mid(end + 4);
    return r;
}

} // namespace quire::test
