// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/fakechatprovider.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace quire::test {

namespace {

const QByteArray kPath = QByteArrayLiteral("/v1/chat/completions");

QByteArray statusText(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    default:
        return QByteArrayLiteral("Internal Server Error");
    }
}

QByteArray response(int status, const QByteArray &contentType, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + statusText(status) + "\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray errorBody(const QString &message)
{
    const nlohmann::json j { { "error", { { "message", message.toStdString() }, { "type", "fake_error" } } } };
    return QByteArray::fromStdString(j.dump());
}

} // namespace

FakeChatProvider::FakeChatProvider(QByteArray key, QObject *parent)
    : QObject(parent)
    , m_key(std::move(key))
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

FakeChatProvider::~FakeChatProvider() = default;

bool FakeChatProvider::start()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl FakeChatProvider::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server->serverPort()));
}

QString FakeChatProvider::replyName(Reply reply)
{
    switch (reply) {
    case Reply::Ok:
        return QStringLiteral("ok");
    case Reply::Slow:
        return QStringLiteral("slow");
    case Reply::ServerError:
        return QStringLiteral("500");
    case Reply::Unauthorized:
        return QStringLiteral("401");
    case Reply::Garbage:
        return QStringLiteral("garbage");
    }
    return {};
}

void FakeChatProvider::readFrom(QTcpSocket *socket)
{
    // The whole request is kept on the socket until its body is complete.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QByteArray head = buffer.left(end);
    qsizetype length = 0;
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    if (buffer.size() < end + 4 + length)
        return;
    answer(socket, head, buffer.mid(end + 4, length));
}

QString FakeChatProvider::check(const Received &request, const QByteArray &contentType) const
{
    if (request.method != "POST")
        return QStringLiteral("method %1, not POST").arg(QString::fromLatin1(request.method));
    if (request.path != kPath)
        return QStringLiteral("path %1, not %2").arg(QString::fromLatin1(request.path), QString::fromLatin1(kPath));
    if (!contentType.startsWith("application/json"))
        return QStringLiteral("content type %1").arg(QString::fromLatin1(contentType));
    if (request.authorization != "Bearer " + m_key)
        return QStringLiteral("wrong or missing bearer key");
    const nlohmann::json &b = request.body;
    if (!b.is_object() || !b.contains("model") || !b["model"].is_string() || b["model"].get<std::string>().empty())
        return QStringLiteral("no model");
    if (!b.contains("messages") || !b["messages"].is_array() || b["messages"].empty())
        return QStringLiteral("no messages");
    for (const nlohmann::json &m : b["messages"]) {
        if (!m.is_object() || m.size() != 2 || !m.contains("role") || !m["role"].is_string() || !m.contains("content")
            || !m["content"].is_string())
            return QStringLiteral("a message is not {role, content}");
    }
    for (auto it = b.begin(); it != b.end(); ++it) {
        static const QStringList known { QStringLiteral("model"), QStringLiteral("messages"),
                                         QStringLiteral("temperature"), QStringLiteral("max_tokens") };
        if (!known.contains(QString::fromStdString(it.key())))
            return QStringLiteral("unexpected field %1").arg(QString::fromStdString(it.key()));
    }
    return {};
}

void FakeChatProvider::answer(QTcpSocket *socket, const QByteArray &head, const QByteArray &body)
{
    Received request;
    QByteArray contentType;
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.path = first.value(1);
    for (const QByteArray &raw : lines.mid(1)) {
        const QByteArray line = raw.trimmed();
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "authorization")
            request.authorization = value;
        else if (name == "content-type")
            contentType = value;
    }
    request.body = nlohmann::json::parse(body.toStdString(), nullptr, false);
    m_received.append(request);
    if (const QString problem = check(request, contentType); !problem.isEmpty()) {
        m_problems << problem;
        socket->write(response(400, "application/json", errorBody(problem)));
        socket->disconnectFromHost();
        return;
    }
    const std::string model = request.body["model"].get<std::string>();
    switch (m_reply) {
    case Reply::Ok: {
        const nlohmann::json ok {
            { "id", "chatcmpl-fake" },
            { "object", "chat.completion" },
            { "model", model },
            { "choices",
              { { { "index", 0 },
                  { "message", { { "role", "assistant" }, { "content", m_answer.toStdString() } } },
                  { "finish_reason", "stop" } } } },
            { "usage", { { "prompt_tokens", 12 }, { "completion_tokens", 5 }, { "total_tokens", 17 } } },
        };
        socket->write(response(200, "application/json", QByteArray::fromStdString(ok.dump())));
        break;
    }
    case Reply::Slow:
        return; // the connection stays open and silent
    case Reply::ServerError:
        socket->write(response(500, "application/json", errorBody(QStringLiteral("The fake is overloaded."))));
        break;
    case Reply::Unauthorized:
        socket->write(response(401, "application/json",
                               errorBody(QStringLiteral("Incorrect API key provided: %1.")
                                             .arg(QString::fromLatin1(request.authorization.mid(7))))));
        break;
    case Reply::Garbage:
        socket->write(response(200, "application/json", QByteArrayLiteral("<html>not json")));
        break;
    }
    socket->disconnectFromHost();
}

} // namespace quire::test
