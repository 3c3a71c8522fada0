// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/server/outbound/fakehttpserver.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTextBoundaryFinder>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <array>

// A small Bluesky PDS for the connector's tests, on loopback, speaking the
// XRPC calls the connector makes and checking them as a PDS would:
// createSession against one handle and app password, bearer tokens it
// issued (and can expire), uploadBlob, createRecord (repo, collection, a
// TID record key that is not taken, a post record of at most 300
// graphemes, facets inside the text) and getRecord.
class FakeBluesky
{
public:
    QByteArray identifier = "ann.bsky.social";
    QByteArray appPassword = "abcd-efgh-ijkl-mnop";
    QByteArray did = "did:plc:annexample";
    int sessionsMade = 0;
    QSet<QByteArray> liveTokens;
    QSet<QByteArray> expiredTokens;
    QList<QByteArray> blobs; // uploaded bytes
    QHash<QString, nlohmann::json> records; // by rkey
    QList<QString> recordOrder;
    // What app.bsky.feed.getPosts reports by rkey: likes, reposts, replies, quotes.
    QHash<QString, std::array<int, 4>> counts;
    // When set, the next createRecord writes the record but never answers.
    bool loseNextCreateAnswer = false;

    FakeBluesky()
    {
        m_http.handler = [this](const FakeHttpServer::Seen &seen) { return answer(seen); };
    }
    bool start() { return m_http.start(); }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_http.port()); }
    FakeHttpServer &http() { return m_http; }

    void expireSessions()
    {
        expiredTokens.unite(liveTokens);
        liveTokens.clear();
    }

    static QByteArray xrpc(int status, const nlohmann::json &body)
    {
        return FakeHttpServer::answer(status, QByteArray::fromStdString(body.dump()),
                                      { { "Content-Type", "application/json" } });
    }
    static QByteArray error(int status, const char *name, const char *message)
    {
        return xrpc(status, { { "error", name }, { "message", message } });
    }

private:
    QByteArray answer(const FakeHttpServer::Seen &seen)
    {
        const QByteArray path = seen.target.split('?').first();
        if (path == "/xrpc/com.atproto.server.createSession" && seen.method == "POST") {
            const nlohmann::json body = nlohmann::json::parse(seen.body.toStdString(), nullptr, false);
            if (!body.is_object() || body.value("identifier", std::string()) != identifier.toStdString()
                || body.value("password", std::string()) != appPassword.toStdString())
                return error(401, "AuthenticationRequired", "Invalid identifier or password");
            const QByteArray token = "jwt-" + QByteArray::number(++sessionsMade);
            liveTokens << token;
            return xrpc(200,
                        { { "accessJwt", token.toStdString() },
                          { "refreshJwt", "refresh" },
                          { "did", did.toStdString() },
                          { "handle", identifier.toStdString() } });
        }
        const QByteArray auth = seen.headers.value("authorization");
        const QByteArray token = auth.startsWith("Bearer ") ? auth.mid(7) : QByteArray();
        if (expiredTokens.contains(token))
            return error(400, "ExpiredToken", "Token has expired");
        if (!liveTokens.contains(token))
            return error(401, "AuthenticationRequired", "Authentication Required");
        if (path == "/xrpc/com.atproto.repo.uploadBlob" && seen.method == "POST") {
            if (!seen.headers.value("content-type").startsWith("image/"))
                return error(400, "InvalidRequest", "Unsupported blob type");
            blobs << seen.body;
            return xrpc(200,
                        { { "blob",
                            { { "$type", "blob" },
                              { "ref", { { "$link", "bafkblob" + std::to_string(blobs.size()) } } },
                              { "mimeType", seen.headers.value("content-type").toStdString() },
                              { "size", seen.body.size() } } } });
        }
        if (path == "/xrpc/com.atproto.repo.createRecord" && seen.method == "POST")
            return create(seen);
        if (path == "/xrpc/com.atproto.repo.getRecord" && seen.method == "GET") {
            const QUrlQuery query(QString::fromLatin1(seen.target.mid(path.size() + 1)));
            const QString rkey = query.queryItemValue(QStringLiteral("rkey"));
            if (query.queryItemValue(QStringLiteral("repo")) != QString::fromLatin1(did) || !records.contains(rkey))
                return error(400, "RecordNotFound", "Could not locate record");
            return xrpc(200, { { "uri", uriOf(rkey) }, { "cid", "bafyrecord" }, { "value", records[rkey] } });
        }
        if (path == "/xrpc/app.bsky.feed.getPosts" && seen.method == "GET") {
            const QUrlQuery query(QString::fromLatin1(seen.target.mid(path.size() + 1)));
            const QString uri = query.queryItemValue(QStringLiteral("uris"), QUrl::FullyDecoded);
            const QString rkey = uri.section(QLatin1Char('/'), -1);
            nlohmann::json posts = nlohmann::json::array();
            if (uri == QString::fromStdString(uriOf(rkey)) && records.contains(rkey)) {
                const std::array<int, 4> c = counts.value(rkey);
                posts.push_back({ { "uri", uri.toStdString() },
                                  { "likeCount", c[0] },
                                  { "repostCount", c[1] },
                                  { "replyCount", c[2] },
                                  { "quoteCount", c[3] } });
            }
            return xrpc(200, { { "posts", posts } });
        }
        return error(501, "MethodNotImplemented", "Method Not Implemented");
    }

    std::string uriOf(const QString &rkey) const
    {
        return "at://" + did.toStdString() + "/app.bsky.feed.post/" + rkey.toStdString();
    }

    static int graphemes(const QString &text)
    {
        QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
        int n = 0;
        while (finder.toNextBoundary() >= 0)
            ++n;
        return n;
    }

    QByteArray create(const FakeHttpServer::Seen &seen)
    {
        static const QRegularExpression tid(
            QStringLiteral("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$"));
        const nlohmann::json body = nlohmann::json::parse(seen.body.toStdString(), nullptr, false);
        if (!body.is_object() || body.value("repo", std::string()) != did.toStdString()
            || body.value("collection", std::string()) != "app.bsky.feed.post" || !body.contains("record"))
            return error(400, "InvalidRequest", "Input must have the properties repo, collection and record");
        const QString rkey = QString::fromStdString(body.value("rkey", std::string()));
        if (!tid.match(rkey).hasMatch())
            return error(400, "InvalidRequest", "Invalid record key");
        const nlohmann::json &record = body["record"];
        if (record.value("$type", std::string()) != "app.bsky.feed.post" || !record.contains("createdAt")
            || !record.contains("text") || !record["text"].is_string())
            return error(400, "InvalidRequest", "Invalid app.bsky.feed.post record");
        const QByteArray text = QByteArray::fromStdString(record["text"].get<std::string>());
        if (graphemes(QString::fromUtf8(text)) > 300)
            return error(400, "InvalidRequest", "Record/text must not be longer than 300 graphemes");
        for (const auto &facet : record.value("facets", nlohmann::json::array())) {
            const qint64 start = facet["index"].value("byteStart", qint64(-1));
            const qint64 end = facet["index"].value("byteEnd", qint64(-1));
            if (start < 0 || end > text.size() || start >= end)
                return error(400, "InvalidRequest", "Facet outside the text");
        }
        if (records.contains(rkey))
            return error(400, "InvalidRequest", "Record already exists");
        records.insert(rkey, record);
        recordOrder << rkey;
        if (loseNextCreateAnswer) {
            loseNextCreateAnswer = false;
            return {};
        }
        return xrpc(200, { { "uri", uriOf(rkey) }, { "cid", "bafyrecord" } });
    }

    FakeHttpServer m_http;
};
