// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/server/outbound/fakehttpserver.h"

#include <QHash>
#include <QTextBoundaryFinder>

#include <nlohmann/json.hpp>

#include <array>

// A small Mastodon for the connector's tests, on loopback: it checks each
// request as the real API would (bearer token, multipart upload, JSON
// status, the 500-character limit, media ids it issued) and keeps what it
// was sent, and it honours Idempotency-Key as Mastodon does: the same key
// again returns the first status instead of a second one.
class FakeMastodon
{
public:
    struct Upload
    {
        QByteArray id;
        QByteArray mime;
        QByteArray bytes;
    };
    struct Status
    {
        QByteArray id;
        QByteArray idempotencyKey;
        nlohmann::json body;
    };

    QByteArray token = "mastodon-token";
    int processingPolls = 0; // how often a new medium answers 206 before 200
    // Answers instead of the real one for the next statuses; an empty
    // answer is none at all (the connection hangs).
    QList<QByteArray> statusAnswers;
    QList<Upload> uploads;
    QList<Status> statuses;
    QHash<QByteArray, int> polls;
    int statusRequests = 0;
    // What GET /api/v1/statuses/:id reports: favourites, reblogs, replies.
    QHash<QByteArray, std::array<int, 3>> counts;

    FakeMastodon()
    {
        m_http.handler = [this](const FakeHttpServer::Seen &seen) { return answer(seen); };
    }
    bool start() { return m_http.start(); }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_http.port()); }
    FakeHttpServer &http() { return m_http; }

    static QByteArray json(int status, const nlohmann::json &body,
                           const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        QList<std::pair<QByteArray, QByteArray>> all = headers;
        all.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
        return FakeHttpServer::answer(status, QByteArray::fromStdString(body.dump()), all);
    }

private:
    QByteArray answer(const FakeHttpServer::Seen &seen)
    {
        if (seen.headers.value("authorization") != "Bearer " + token)
            return json(401, { { "error", "The access token is invalid" } });
        if (seen.method == "GET" && seen.target == "/api/v1/accounts/verify_credentials")
            return json(200, { { "id", "1" }, { "username", "ann" } });
        if (seen.method == "POST" && seen.target == "/api/v2/media")
            return upload(seen);
        if (seen.method == "GET" && seen.target.startsWith("/api/v1/media/")) {
            const QByteArray id = seen.target.mid(14);
            if (!polls.contains(id))
                return json(404, { { "error", "Record not found" } });
            if (polls[id]-- > 0)
                return json(206, { { "id", id.toStdString() }, { "url", nullptr } });
            return json(200, { { "id", id.toStdString() }, { "url", "https://fake.social/m/" + id.toStdString() } });
        }
        if (seen.method == "POST" && seen.target == "/api/v1/statuses")
            return status(seen);
        if (seen.method == "GET" && seen.target.startsWith("/api/v1/statuses/")) {
            const QByteArray id = seen.target.mid(17);
            if (!counts.contains(id))
                return json(404, { { "error", "Record not found" } });
            return json(200,
                        { { "id", id.toStdString() },
                          { "favourites_count", counts[id][0] },
                          { "reblogs_count", counts[id][1] },
                          { "replies_count", counts[id][2] } });
        }
        return json(404, { { "error", "Record not found" } });
    }

    QByteArray upload(const FakeHttpServer::Seen &seen)
    {
        const QByteArray type = seen.headers.value("content-type");
        const qsizetype at = type.indexOf("boundary=");
        if (!type.startsWith("multipart/form-data") || at < 0)
            return json(422, { { "error", "Validation failed: File can't be blank" } });
        const QByteArray boundary = "--" + type.mid(at + 9);
        const qsizetype partStart = seen.body.indexOf(boundary);
        const qsizetype headEnd = seen.body.indexOf("\r\n\r\n", partStart);
        const qsizetype partEnd = seen.body.indexOf("\r\n" + boundary + "--", headEnd);
        if (partStart != 0 || headEnd < 0 || partEnd < 0)
            return json(422, { { "error", "Validation failed: File can't be blank" } });
        const QByteArray head = seen.body.mid(partStart, headEnd - partStart);
        if (!head.contains("name=\"file\""))
            return json(422, { { "error", "Validation failed: File can't be blank" } });
        Upload u;
        u.id = QByteArray::number(uploads.size() + 1001);
        const qsizetype typeAt = head.indexOf("Content-Type: ");
        u.mime = typeAt < 0 ? QByteArray() : head.mid(typeAt + 14).split('\r').first();
        u.bytes = seen.body.mid(headEnd + 4, partEnd - headEnd - 4);
        uploads << u;
        polls[u.id] = processingPolls;
        if (processingPolls > 0)
            return json(202, { { "id", u.id.toStdString() }, { "url", nullptr } });
        return json(200, { { "id", u.id.toStdString() }, { "url", "https://fake.social/m/" + u.id.toStdString() } });
    }

    QByteArray status(const FakeHttpServer::Seen &seen)
    {
        ++statusRequests;
        const nlohmann::json body = nlohmann::json::parse(seen.body.toStdString(), nullptr, false);
        if (seen.headers.value("content-type") != "application/json" || !body.is_object() || !body.contains("status")
            || !body["status"].is_string())
            return json(422, { { "error", "Validation failed: Text can't be blank" } });
        const QByteArray key = seen.headers.value("idempotency-key");
        if (!statusAnswers.isEmpty()) {
            const QByteArray forced = statusAnswers.takeFirst();
            if (forced.isEmpty())
                remember(key, body); // kept, but the answer is lost
            return forced;
        }
        for (const Status &s : std::as_const(statuses)) {
            if (!key.isEmpty() && s.idempotencyKey == key)
                return created(s);
        }
        if (QString::fromStdString(body["status"].get<std::string>()).size() > 600)
            return json(422, { { "error", "Validation failed: Text character limit of 500 exceeded" } });
        for (const auto &id : body.value("media_ids", nlohmann::json::array())) {
            if (!id.is_string() || !polls.contains(QByteArray::fromStdString(id.get<std::string>())))
                return json(422, { { "error", "Validation failed: Media is invalid" } });
        }
        return created(remember(key, body));
    }

    Status remember(const QByteArray &key, const nlohmann::json &body)
    {
        Status s { QByteArray::number(109000 + statuses.size()), key, body };
        statuses << s;
        return s;
    }

    static QByteArray created(const Status &s)
    {
        return json(200,
                    { { "id", s.id.toStdString() },
                      { "url", "https://fake.social/@ann/" + s.id.toStdString() },
                      { "content", s.body["status"] } });
    }

    FakeHttpServer m_http;
};
