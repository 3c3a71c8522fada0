// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/publishing/mastodonconnector.h"

#include "server/outbound/outboundclient.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace quire::server {

namespace {

const QStringList kVisibilities { QStringLiteral("public"), QStringLiteral("unlisted"), QStringLiteral("private"),
                                  QStringLiteral("direct") };

QByteArray bearer(const PlatformAccess &platform)
{
    return QByteArrayLiteral("Bearer ") + QByteArray::fromStdString(platform.secret.value("token", std::string()));
}

// One medium as multipart/form-data, the only way Mastodon takes files.
std::pair<QByteArray, QByteArray> multipart(const DeliveryMedia &media, const QByteArray &bytes)
{
    const QByteArray boundary
        = QByteArrayLiteral("quire-") + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    const QByteArray name = media.address.section(QLatin1Char('/'), -1).toLatin1();
    QByteArray body;
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n";
    body += "Content-Type: " + media.mime.toLatin1() + "\r\n\r\n";
    body += bytes;
    body += "\r\n--" + boundary + "--\r\n";
    return { QByteArrayLiteral("multipart/form-data; boundary=") + boundary, body };
}

// One delivery's way through uploads, processing and the status; it keeps
// itself alive through the callbacks it is waiting for.
class MastodonDelivery : public std::enable_shared_from_this<MastodonDelivery>
{
public:
    MastodonDelivery(Delivery delivery, OutboundClient &client, Connector::Done done)
        : m_delivery(std::move(delivery))
        , m_client(client)
        , m_done(std::move(done))
    { }

    // Never calls back from inside publish: the first step waits for the loop.
    void start()
    {
        QTimer::singleShot(0, &m_client, [self = shared_from_this()] { self->uploadNext(); });
    }

private:
    OutboundRequest request(const QByteArray &method, const QString &path) const
    {
        OutboundRequest r;
        r.method = method;
        r.url = MastodonConnector::endpoint(m_delivery.platform, path);
        r.headers = { { QByteArrayLiteral("Authorization"), bearer(m_delivery.platform) } };
        return r;
    }

    void uploadNext()
    {
        if (m_mediaIds.size() == m_delivery.files.size()) {
            postStatus();
            return;
        }
        const DeliveryMedia &media = m_delivery.files.at(m_mediaIds.size());
        shared::Result<QByteArray> bytes = connectorio::read(media);
        if (!bytes) {
            m_done(DeliveryOutcome::failed(DeliveryError::InvalidContent, bytes.error().message));
            return;
        }
        OutboundRequest r = request(QByteArrayLiteral("POST"), QStringLiteral("/api/v2/media"));
        auto [type, body] = multipart(media, *bytes);
        r.headers.append({ QByteArrayLiteral("Content-Type"), type });
        r.body = std::move(body);
        m_client.send(std::move(r), [self = shared_from_this()](shared::Result<OutboundResponse> answer) {
            self->uploaded(std::move(answer));
        });
    }

    void uploaded(shared::Result<OutboundResponse> answer)
    {
        if (!answer) {
            m_done(connectorio::outcomeOf(answer.error()));
            return;
        }
        const QString id = connectorio::textOf(connectorio::jsonOf(*answer), "id");
        if ((answer->status == 200 || answer->status == 202) && id.isEmpty()) {
            m_done(DeliveryOutcome::retry(DeliveryError::ServerError,
                                          QStringLiteral("The server accepted a medium without naming it.")));
            return;
        }
        if (answer->status == 200) {
            m_mediaIds << id;
            uploadNext();
        } else if (answer->status == 202) {
            m_polls = 0;
            waitForProcessing(id);
        } else {
            m_done(connectorio::refusal(*answer));
        }
    }

    // A 202 medium is usable once GET /api/v1/media/:id answers 200.
    void waitForProcessing(const QString &id)
    {
        if (++m_polls > MastodonConnector::kProcessingPolls) {
            m_done(DeliveryOutcome::retry(DeliveryError::ServerError,
                                          QStringLiteral("The server is still processing a medium.")));
            return;
        }
        QTimer::singleShot(MastodonConnector::kProcessingPollMs, &m_client, [self = shared_from_this(), id] {
            self->m_client.send(self->request(QByteArrayLiteral("GET"), QStringLiteral("/api/v1/media/") + id),
                                [self, id](shared::Result<OutboundResponse> answer) {
                                    if (!answer)
                                        self->m_done(connectorio::outcomeOf(answer.error()));
                                    else if (answer->status == 200) {
                                        self->m_mediaIds << id;
                                        self->uploadNext();
                                    } else if (answer->status == 206)
                                        self->waitForProcessing(id);
                                    else
                                        self->m_done(connectorio::refusal(*answer));
                                });
        });
    }

    void postStatus()
    {
        const nlohmann::json &options = m_delivery.options;
        nlohmann::json body { { "status", m_delivery.text.toStdString() },
                              { "visibility", options.value("visibility", std::string("public")) } };
        if (!m_mediaIds.isEmpty()) {
            nlohmann::json ids = nlohmann::json::array();
            for (const QString &id : std::as_const(m_mediaIds))
                ids.push_back(id.toStdString());
            body["media_ids"] = ids;
        }
        for (const char *key : { "spoiler_text", "language" }) {
            if (options.contains(key) && options[key].is_string() && !options[key].get<std::string>().empty())
                body[key] = options[key];
        }
        if (options.contains("sensitive") && options["sensitive"].is_boolean())
            body["sensitive"] = options["sensitive"];
        OutboundRequest r = request(QByteArrayLiteral("POST"), QStringLiteral("/api/v1/statuses"));
        r.headers.append({ QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
        r.headers.append({ QByteArrayLiteral("Idempotency-Key"), m_delivery.idempotencyKey.toLatin1() });
        r.body = QByteArray::fromStdString(body.dump());
        m_client.send(std::move(r), [self = shared_from_this()](shared::Result<OutboundResponse> answer) {
            if (!answer) {
                self->m_done(connectorio::outcomeOf(answer.error()));
                return;
            }
            if (answer->status < 200 || answer->status >= 300) {
                self->m_done(connectorio::refusal(*answer));
                return;
            }
            const nlohmann::json status = connectorio::jsonOf(*answer);
            const QString id = connectorio::textOf(status, "id");
            if (id.isEmpty()) {
                // A 2xx without a status is no proof it was posted; the
                // idempotency key makes asking again harmless.
                self->m_done(DeliveryOutcome::retry(DeliveryError::ServerError,
                                                    QStringLiteral("The server's answer named no status.")));
                return;
            }
            self->m_done(DeliveryOutcome::published(id, connectorio::textOf(status, "url")));
        });
    }

    Delivery m_delivery;
    OutboundClient &m_client;
    Connector::Done m_done;
    QStringList m_mediaIds;
    int m_polls = 0;
};

} // namespace

int MastodonConnector::length(const QString &text)
{
    static const QRegularExpression links(QStringLiteral("https?://[^\\s]+"));
    static const QRegularExpression remoteMentions(QStringLiteral("(@[A-Za-z0-9_]+)@[A-Za-z0-9.-]+[A-Za-z0-9]"));
    QString counted = text;
    counted.replace(remoteMentions, QStringLiteral("\\1"));
    int extra = 0;
    QRegularExpressionMatchIterator it = links.globalMatch(counted);
    QString withoutLinks;
    qsizetype at = 0;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        withoutLinks += counted.mid(at, m.capturedStart() - at);
        at = m.capturedEnd();
        extra += kLinkLength;
    }
    withoutLinks += counted.mid(at);
    return visibleLength(withoutLinks) + extra;
}

QString MastodonConnector::endpoint(const PlatformAccess &platform, const QString &path)
{
    QString base = platform.baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + path;
}

shared::FieldErrors MastodonConnector::check(const Delivery &delivery) const
{
    shared::FieldErrors errors;
    if (delivery.text.trimmed().isEmpty() && delivery.media.isEmpty())
        errors.add(QStringLiteral("text"), QStringLiteral("Nothing to post: no text and no media."));
    if (const int n = length(delivery.text); n > kLimit)
        errors.add(QStringLiteral("text"),
                   QStringLiteral("%1 characters as Mastodon counts them; it takes at most %2.").arg(n).arg(kLimit));
    if (delivery.media.size() > maxMedia())
        errors.add(QStringLiteral("media"),
                   QStringLiteral("%1 media; Mastodon takes at most %2.").arg(delivery.media.size()).arg(maxMedia()));
    for (const DeliveryMedia &m : delivery.files) {
        const bool image = m.mime.startsWith(QLatin1String("image/"));
        const bool video = m.mime.startsWith(QLatin1String("video/")) || m.mime.startsWith(QLatin1String("audio/"));
        if (!image && !video)
            errors.add(QStringLiteral("media"), QStringLiteral("Mastodon does not take %1 files.").arg(m.mime));
        else if (m.size > (image ? kMaxImageBytes : kMaxVideoBytes))
            errors.add(QStringLiteral("media"), QStringLiteral("%1 is larger than Mastodon takes.").arg(m.address));
    }
    const nlohmann::json &o = delivery.options;
    if (o.contains("visibility")
        && (!o["visibility"].is_string()
            || !kVisibilities.contains(QString::fromStdString(o["visibility"].get<std::string>()))))
        errors.add(QStringLiteral("options"),
                   QStringLiteral("visibility is one of %1.").arg(kVisibilities.join(QStringLiteral(", "))));
    if (o.contains("sensitive") && !o["sensitive"].is_boolean())
        errors.add(QStringLiteral("options"), QStringLiteral("sensitive is true or false."));
    return errors;
}

void MastodonConnector::publish(const Delivery &delivery, OutboundClient &client, Done done) const
{
    std::make_shared<MastodonDelivery>(delivery, client, std::move(done))->start();
}

void MastodonConnector::verify(const PlatformAccess &platform, OutboundClient &client, Verified done) const
{
    OutboundRequest r;
    r.url = endpoint(platform, QStringLiteral("/api/v1/accounts/verify_credentials"));
    r.headers = { { QByteArrayLiteral("Authorization"), bearer(platform) } };
    client.send(std::move(r), [done = std::move(done)](shared::Result<OutboundResponse> answer) {
        if (!answer) {
            done(answer.error());
            return;
        }
        if (answer->status == 200) {
            done(shared::VoidResult::success());
            return;
        }
        const DeliveryOutcome refused = connectorio::refusal(*answer);
        done(shared::Error::make(kDeliveryErrors.name(*refused.error), refused.message));
    });
}

void MastodonConnector::engagement(const PlatformAccess &platform, const QString &remoteId, OutboundClient &client,
                                   Counted done) const
{
    OutboundRequest r;
    r.url = endpoint(platform,
                     QStringLiteral("/api/v1/statuses/") + QString::fromLatin1(QUrl::toPercentEncoding(remoteId)));
    r.headers = { { QByteArrayLiteral("Authorization"), bearer(platform) } };
    client.send(std::move(r), [done = std::move(done)](shared::Result<OutboundResponse> answer) {
        if (!answer) {
            done(answer.error());
            return;
        }
        if (answer->status == 404) {
            done(std::optional<Engagement>()); // deleted on the network
            return;
        }
        if (answer->status != 200) {
            const DeliveryOutcome refused = connectorio::refusal(*answer);
            done(shared::Error::make(kDeliveryErrors.name(*refused.error), refused.message));
            return;
        }
        const nlohmann::json status = connectorio::jsonOf(*answer);
        Engagement counts;
        counts.likes = connectorio::countOf(status, "favourites_count");
        counts.shares = connectorio::countOf(status, "reblogs_count");
        counts.comments = connectorio::countOf(status, "replies_count");
        done(std::optional<Engagement>(counts));
    });
}

} // namespace quire::server
