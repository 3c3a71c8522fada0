// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/publishing/blueskyconnector.h"

#include "server/outbound/outboundclient.h"
#include "shared/clock.h"
#include "shared/timestamp.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

namespace quire::server {

namespace {

using shared::Result;

const QString kPostCollection = QStringLiteral("app.bsky.feed.post");
const QStringList kImageTypes { QStringLiteral("image/jpeg"), QStringLiteral("image/png"), QStringLiteral("image/webp"),
                                QStringLiteral("image/gif") };

QString endpoint(const PlatformAccess &platform, const QString &method)
{
    QString base = platform.baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + QStringLiteral("/xrpc/") + method;
}

QString secretText(const PlatformAccess &platform, const char *field)
{
    return QString::fromStdString(platform.secret.value(field, std::string()));
}

QByteArray digestOf(const PlatformAccess &platform)
{
    return QCryptographicHash::hash(QByteArray::fromStdString(platform.secret.dump()), QCryptographicHash::Sha256);
}

// XRPC names its errors ("ExpiredToken", "RecordNotFound") beside the status.
QString xrpcError(const OutboundResponse &answer)
{
    return connectorio::textOf(connectorio::jsonOf(answer), "error");
}

bool refusesTheSession(const OutboundResponse &answer)
{
    const QString error = xrpcError(answer);
    return answer.status == 401
        || (answer.status == 400 && (error == QLatin1String("ExpiredToken") || error == QLatin1String("InvalidToken")));
}

// What obtainSession found: a session (and whether it was a kept one), or
// the outcome its refusal means for a delivery.
struct SessionAnswer
{
    std::optional<BlueskyConnector::Session> session;
    bool kept = false;
    DeliveryOutcome failure;

    shared::Error error() const
    {
        return shared::Error::make(kDeliveryErrors.name(failure.error.value_or(DeliveryError::ServerError)),
                                   failure.message);
    }
};

// A session for `platform`: the kept one while it is young and made with
// the same credential, else a new one, kept for the next call. `done`
// once, later.
void obtainSession(const PlatformAccess &platform, OutboundClient &client,
                   const std::shared_ptr<BlueskyConnector::Sessions> &sessions, std::function<void(SessionAnswer)> done)
{
    const auto kept = sessions->constFind(platform.platformId);
    if (kept != sessions->constEnd() && kept->secretDigest == digestOf(platform)
        && kept->madeAt.msecsTo(shared::Clock::instance().now()) < BlueskyConnector::kSessionMs) {
        SessionAnswer answer { *kept, true, {} };
        QTimer::singleShot(0, &client, [done, answer] { done(answer); });
        return;
    }
    OutboundRequest r;
    r.method = QByteArrayLiteral("POST");
    r.url = endpoint(platform, QStringLiteral("com.atproto.server.createSession"));
    r.headers = { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") } };
    r.body = QByteArray::fromStdString(
        nlohmann::json { { "identifier", secretText(platform, "identifier").toStdString() },
                         { "password", secretText(platform, "app_password").toStdString() } }
            .dump());
    client.send(std::move(r), [platform, sessions, done](shared::Result<OutboundResponse> answer) {
        if (!answer) {
            done({ std::nullopt, false, connectorio::outcomeOf(answer.error()) });
            return;
        }
        if (answer->status != 200) {
            done({ std::nullopt, false, connectorio::refusal(*answer) });
            return;
        }
        const nlohmann::json body = connectorio::jsonOf(*answer);
        BlueskyConnector::Session s { connectorio::textOf(body, "accessJwt").toUtf8(), connectorio::textOf(body, "did"),
                                      connectorio::textOf(body, "handle"), digestOf(platform),
                                      shared::Clock::instance().now() };
        if (s.accessJwt.isEmpty() || s.did.isEmpty()) {
            done({ std::nullopt, false,
                   DeliveryOutcome::retry(DeliveryError::ServerError,
                                          QStringLiteral("The PDS made a session without a token.")) });
            return;
        }
        sessions->insert(platform.platformId, s);
        done({ s, false, {} });
    });
}

// One delivery's way through the session, the look for an earlier write,
// the blobs and the record; it keeps itself alive through its callbacks.
class BlueskyDelivery : public std::enable_shared_from_this<BlueskyDelivery>
{
public:
    BlueskyDelivery(Delivery delivery, OutboundClient &client, Connector::Done done,
                    std::shared_ptr<BlueskyConnector::Sessions> sessions)
        : m_delivery(std::move(delivery))
        , m_client(client)
        , m_done(std::move(done))
        , m_sessions(std::move(sessions))
        , m_rkey(BlueskyConnector::recordKey(m_delivery))
    { }

    void start()
    {
        QTimer::singleShot(0, &m_client,
                           [self = shared_from_this()] { self->withSession([self] { self->afterSession(); }); });
    }

private:
    using Step = std::function<void()>;

    void withSession(Step next)
    {
        obtainSession(m_delivery.platform, m_client, m_sessions,
                      [self = shared_from_this(), next](SessionAnswer answer) {
                          if (!answer.session) {
                              self->m_done(answer.failure);
                              return;
                          }
                          self->m_session = *answer.session;
                          self->m_sessionWasKept = answer.kept;
                          next();
                      });
    }

    // A refused session is made anew once (it may have expired or been
    // revoked since it was kept); `again` is the step to repeat.
    void refused(const OutboundResponse &answer, Step again)
    {
        if (refusesTheSession(answer) && m_sessionWasKept && !m_renewed) {
            m_renewed = true;
            m_sessions->remove(m_delivery.platform.platformId);
            withSession(std::move(again));
            return;
        }
        if (refusesTheSession(answer)) {
            m_sessions->remove(m_delivery.platform.platformId);
            m_done(DeliveryOutcome::failed(DeliveryError::Unauthorized, connectorio::answerMessage(answer)));
            return;
        }
        m_done(connectorio::refusal(answer));
    }

    OutboundRequest authorised(const QByteArray &method, const QString &url) const
    {
        OutboundRequest r;
        r.method = method;
        r.url = url;
        r.headers = { { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_session.accessJwt } };
        return r;
    }

    QString postUrl() const
    {
        const QString who = m_session.handle.isEmpty() ? m_session.did : m_session.handle;
        return QStringLiteral("https://bsky.app/profile/%1/post/%2").arg(who, m_rkey);
    }

    void afterSession()
    {
        if (m_delivery.attempt > 1)
            lookForEarlierWrite();
        else
            uploadNext();
    }

    void lookForEarlierWrite()
    {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("repo"), m_session.did);
        query.addQueryItem(QStringLiteral("collection"), kPostCollection);
        query.addQueryItem(QStringLiteral("rkey"), m_rkey);
        const QString url = endpoint(m_delivery.platform, QStringLiteral("com.atproto.repo.getRecord"))
            + QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
        m_client.send(authorised(QByteArrayLiteral("GET"), url),
                      [self = shared_from_this()](shared::Result<OutboundResponse> answer) {
                          if (!answer)
                              self->m_done(connectorio::outcomeOf(answer.error()));
                          else if (answer->status == 200)
                              self->m_done(DeliveryOutcome::published(
                                  connectorio::textOf(connectorio::jsonOf(*answer), "uri"), self->postUrl()));
                          else if (answer->status == 400 && xrpcError(*answer) == QLatin1String("RecordNotFound"))
                              self->uploadNext();
                          else
                              self->refused(*answer, [self] { self->lookForEarlierWrite(); });
                      });
    }

    void uploadNext()
    {
        if (m_blobs.size() == m_delivery.files.size()) {
            createRecord();
            return;
        }
        const DeliveryMedia &media = m_delivery.files.at(m_blobs.size());
        shared::Result<QByteArray> bytes = connectorio::read(media);
        if (!bytes) {
            m_done(DeliveryOutcome::failed(DeliveryError::InvalidContent, bytes.error().message));
            return;
        }
        OutboundRequest r = authorised(QByteArrayLiteral("POST"),
                                       endpoint(m_delivery.platform, QStringLiteral("com.atproto.repo.uploadBlob")));
        r.headers.append({ QByteArrayLiteral("Content-Type"), media.mime.toLatin1() });
        r.body = *bytes;
        m_client.send(std::move(r), [self = shared_from_this()](shared::Result<OutboundResponse> answer) {
            if (!answer) {
                self->m_done(connectorio::outcomeOf(answer.error()));
                return;
            }
            if (answer->status != 200) {
                self->refused(*answer, [self] { self->uploadNext(); });
                return;
            }
            const nlohmann::json body = connectorio::jsonOf(*answer);
            if (!body.contains("blob") || !body["blob"].is_object()) {
                self->m_done(DeliveryOutcome::retry(DeliveryError::ServerError,
                                                    QStringLiteral("The PDS stored an image without naming it.")));
                return;
            }
            self->m_blobs.push_back(body["blob"]);
            self->uploadNext();
        });
    }

    nlohmann::json record() const
    {
        nlohmann::json post { { "$type", kPostCollection.toStdString() },
                              { "text", m_delivery.text.toStdString() },
                              { "createdAt",
                                shared::Timestamp::format(shared::Clock::instance().now()).toStdString() } };
        const nlohmann::json facets = BlueskyConnector::linkFacets(m_delivery.text);
        if (!facets.empty())
            post["facets"] = facets;
        const nlohmann::json &options = m_delivery.options;
        if (options.contains("language") && options["language"].is_string())
            post["langs"] = nlohmann::json::array({ options["language"] });
        if (!m_blobs.isEmpty()) {
            const nlohmann::json alts = options.value("alt", nlohmann::json::array());
            nlohmann::json images = nlohmann::json::array();
            for (qsizetype i = 0; i < m_blobs.size(); ++i) {
                const bool hasAlt = alts.is_array() && size_t(i) < alts.size() && alts[size_t(i)].is_string();
                images.push_back({ { "alt", hasAlt ? alts[size_t(i)] : nlohmann::json("") }, { "image", m_blobs[i] } });
            }
            post["embed"] = { { "$type", "app.bsky.embed.images" }, { "images", images } };
        }
        return post;
    }

    void createRecord()
    {
        OutboundRequest r = authorised(QByteArrayLiteral("POST"),
                                       endpoint(m_delivery.platform, QStringLiteral("com.atproto.repo.createRecord")));
        r.headers.append({ QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
        r.body = QByteArray::fromStdString(nlohmann::json {
            { "repo", m_session.did.toStdString() },
            { "collection", kPostCollection.toStdString() },
            { "rkey", m_rkey.toStdString() },
            { "record", record() } }.dump());
        m_client.send(std::move(r), [self = shared_from_this()](shared::Result<OutboundResponse> answer) {
            if (!answer) {
                self->m_done(connectorio::outcomeOf(answer.error()));
                return;
            }
            if (answer->status != 200) {
                self->refused(*answer, [self] { self->createRecord(); });
                return;
            }
            const QString uri = connectorio::textOf(connectorio::jsonOf(*answer), "uri");
            self->m_done(DeliveryOutcome::published(uri.isEmpty() ? self->m_rkey : uri, self->postUrl()));
        });
    }

    Delivery m_delivery;
    OutboundClient &m_client;
    Connector::Done m_done;
    std::shared_ptr<BlueskyConnector::Sessions> m_sessions;
    const QString m_rkey;
    BlueskyConnector::Session m_session;
    bool m_sessionWasKept = false;
    bool m_renewed = false;
    QList<nlohmann::json> m_blobs;
};

} // namespace

BlueskyConnector::BlueskyConnector()
    : m_sessions(std::make_shared<Sessions>())
{ }

BlueskyConnector::~BlueskyConnector() = default;

QString BlueskyConnector::recordKey(const Delivery &delivery)
{
    static constexpr char kAlphabet[] = "234567abcdefghijklmnopqrstuvwxyz";
    const QByteArray hash = QCryptographicHash::hash(delivery.idempotencyKey.toUtf8() + delivery.destinationId.toUtf8(),
                                                     QCryptographicHash::Sha256);
    quint64 mixed = 0;
    for (int i = 0; i < 8; ++i)
        mixed = (mixed << 8) | quint8(hash.at(i));
    // Microseconds since the epoch: the scheduled time's, with the key's
    // own few microseconds; without one, a time inside 2020 drawn from the key.
    quint64 micros = 1'577'836'800'000'000ULL + mixed % 31'536'000'000'000ULL;
    if (const std::optional<QDateTime> at = shared::Timestamp::parse(delivery.scheduledAt))
        micros = quint64(at->toMSecsSinceEpoch()) * 1000 + (mixed >> 20) % 1000;
    quint64 tid = ((micros & ((1ULL << 53) - 1)) << 10) | (mixed & 1023);
    QString out(13, QLatin1Char('2'));
    for (int i = 12; i >= 0; --i) {
        out[i] = QLatin1Char(kAlphabet[tid & 31]);
        tid >>= 5;
    }
    return out;
}

nlohmann::json BlueskyConnector::linkFacets(const QString &text)
{
    static const QRegularExpression links(QStringLiteral("https?://[^\\s]+[^\\s.,;:!?)\\]'\"]"));
    nlohmann::json facets = nlohmann::json::array();
    QRegularExpressionMatchIterator it = links.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const qsizetype start = text.left(m.capturedStart()).toUtf8().size();
        const qsizetype end = start + m.captured().toUtf8().size();
        facets.push_back({ { "index", { { "byteStart", start }, { "byteEnd", end } } },
                           { "features",
                             nlohmann::json::array({ { { "$type", "app.bsky.richtext.facet#link" },
                                                       { "uri", m.captured().toStdString() } } }) } });
    }
    return facets;
}

shared::FieldErrors BlueskyConnector::check(const Delivery &delivery) const
{
    shared::FieldErrors errors = Connector::check(delivery);
    for (const DeliveryMedia &m : delivery.files) {
        if (!kImageTypes.contains(m.mime))
            errors.add(QStringLiteral("media"), QStringLiteral("Bluesky takes images only (JPEG, PNG, WebP, GIF)."));
        else if (m.size > kMaxImageBytes)
            errors.add(QStringLiteral("media"),
                       QStringLiteral("%1 is larger than Bluesky's 1 MB for an image.").arg(m.address));
    }
    const nlohmann::json &o = delivery.options;
    if (o.contains("language") && !o["language"].is_string())
        errors.add(QStringLiteral("options"), QStringLiteral("language is a language tag such as \"en\"."));
    if (o.contains("alt") && !o["alt"].is_array())
        errors.add(QStringLiteral("options"), QStringLiteral("alt is a list of texts, one per image."));
    return errors;
}

void BlueskyConnector::publish(const Delivery &delivery, OutboundClient &client, Done done) const
{
    std::make_shared<BlueskyDelivery>(delivery, client, std::move(done), m_sessions)->start();
}

void BlueskyConnector::verify(const PlatformAccess &platform, OutboundClient &client, Verified done) const
{
    // A fresh session is the cheap authenticated call: it proves the
    // handle and app password, and is kept for the post that follows.
    m_sessions->remove(platform.platformId);
    obtainSession(platform, client, m_sessions, [done = std::move(done)](SessionAnswer answer) {
        done(answer.session ? shared::VoidResult::success() : shared::VoidResult(answer.error()));
    });
}

void BlueskyConnector::engagement(const PlatformAccess &platform, const QString &remoteId, OutboundClient &client,
                                  Counted done) const
{
    obtainSession(
        platform, client, m_sessions, [platform, remoteId, &client, done = std::move(done)](SessionAnswer answer) {
            if (!answer.session) {
                done(answer.error());
                return;
            }
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("uris"), remoteId);
            OutboundRequest r;
            r.url = endpoint(platform, QStringLiteral("app.bsky.feed.getPosts")) + QLatin1Char('?')
                + query.toString(QUrl::FullyEncoded);
            r.headers
                = { { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + answer.session->accessJwt } };
            client.send(std::move(r), [done](shared::Result<OutboundResponse> posts) {
                if (!posts) {
                    done(posts.error());
                    return;
                }
                if (posts->status != 200) {
                    const DeliveryOutcome refused = connectorio::refusal(*posts);
                    done(shared::Error::make(kDeliveryErrors.name(*refused.error), refused.message));
                    return;
                }
                const nlohmann::json list = connectorio::jsonOf(*posts).value("posts", nlohmann::json());
                if (!list.is_array() || list.empty() || !list[0].is_object()) {
                    done(std::optional<Engagement>()); // deleted on the network
                    return;
                }
                const nlohmann::json &post = list[0];
                Engagement counts;
                counts.likes = connectorio::countOf(post, "likeCount");
                counts.shares = connectorio::countOf(post, "repostCount") + connectorio::countOf(post, "quoteCount");
                counts.comments = connectorio::countOf(post, "replyCount");
                done(std::optional<Engagement>(counts));
            });
        });
}

} // namespace quire::server
