// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <nlohmann/json.hpp>

class QTcpServer;
class QTcpSocket;

namespace quire::test {

// A small OpenAI-compatible chat-completions server for tests: plain HTTP
// on 127.0.0.1 (the clients allow http only to loopback), one request per
// connection. It checks each request's shape (POST <base>/chat/completions,
// JSON content type, the bearer key, a body with a model and messages of
// role + content) and answers as told. A request of the wrong shape gets
// 400 and is listed in problems(), so a test sees what was wrong.
class FakeChatProvider : public QObject
{
public:
    enum class Reply {
        Ok, // 200 with the configured answer and usage
        Slow, // never answers (for timeouts)
        ServerError, // 500 with an OpenAI-style error body
        Unauthorized, // 401 with an OpenAI-style error body that echoes the key, as some providers do
        Garbage, // 200 with a body that is not JSON
    };

    struct Received
    {
        QByteArray method;
        QByteArray path;
        QByteArray authorization;
        nlohmann::json body;
    };

    explicit FakeChatProvider(QByteArray key, QObject *parent = nullptr);
    ~FakeChatProvider() override;

    bool start();
    // http://127.0.0.1:PORT/v1
    QUrl baseUrl() const;

    void setReply(Reply reply) { m_reply = reply; }
    void setAnswer(const QString &text) { m_answer = text; }

    const QList<Received> &received() const { return m_received; }
    const QStringList &problems() const { return m_problems; }

    static QString replyName(Reply reply);

private:
    void readFrom(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const QByteArray &head, const QByteArray &body);
    // What is wrong with a request, or empty.
    QString check(const Received &request, const QByteArray &contentType) const;

    QByteArray m_key;
    QTcpServer *m_server = nullptr;
    Reply m_reply = Reply::Ok;
    QString m_answer = QStringLiteral("Hello from the fake.");
    QList<Received> m_received;
    QStringList m_problems;
};

} // namespace quire::test
