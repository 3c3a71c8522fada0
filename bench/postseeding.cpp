// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/postseeding.h"

#include "shared/database.h"
#include "shared/fingerprint.h"
#include "shared/schedulertables.h"
#include "shared/sqldialect.h"
#include "shared/uuid.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSslError>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace quire::test::PostSeeding {

int postMany(const ServerProcess &server, const QByteArray &bearer, const QString &path,
             const QList<QByteArray> &bodies)
{
    QNetworkAccessManager network;
    QEventLoop loop;
    qsizetype next = 0;
    int running = 0, created = 0, refused = 0;
    const QString fingerprint = server.fingerprint();
    QElapsedTimer pace;
    pace.start();
    std::function<void()> sendMore = [&] {
        while (running < kInFlight && next < bodies.size()) {
            QNetworkRequest request(server.url().resolved(QUrl(path)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("Authorization", bearer);
            request.setTransferTimeout(120'000);
            QNetworkReply *reply = network.post(request, bodies[next++]);
            ++running;
            QObject::connect(
                reply, &QNetworkReply::sslErrors, reply, [reply, fingerprint](const QList<QSslError> &errors) {
                    if (shared::Fingerprint::ofCertificate(reply->sslConfiguration().peerCertificate()) == fingerprint)
                        reply->ignoreSslErrors(errors);
                });
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
                --running;
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status != 201 && refused++ < 3)
                    fprintf(stderr, "POST %s: %d %s\n", qPrintable(path), status,
                            reply->readAll().left(300).constData());
                if (status == 201 && ++created % 1000 == 0)
                    fprintf(stderr, "%d posts made, the last 1,000 at %.0f posts/s\n", created,
                            1000.0 * 1000.0 / double(std::max<qint64>(1, pace.restart())));
                reply->deleteLater();
                sendMore();
                if (running == 0)
                    loop.quit();
            });
        }
    };
    sendMore();
    if (running > 0)
        loop.exec();
    return created;
}

shared::VoidResult copies(shared::Database &db, const QString &templateId, int count,
                          const std::function<QString(int)> &dueAt, const std::function<QString(int)> &platformOf)
{
    using shared::Error;
    using shared::VoidResult;
    QSqlRecord post, destination;
    for (auto [sql, row] :
         { std::pair { QStringLiteral("SELECT * FROM posts WHERE id = ?"), &post },
           std::pair { QStringLiteral("SELECT * FROM post_destinations WHERE post_id = ?"), &destination } }) {
        auto q = db.exec(sql, { templateId });
        if (!q)
            return q.error();
        if (!q->next())
            return Error::make(QStringLiteral("seed"), QStringLiteral("the template post is not there"));
        *row = q->record();
    }
    const auto insert = [&](const QString &table, const QSqlRecord &row, const QVariantHash &set) {
        QStringList names, marks;
        QVariantList values;
        for (int c = 0; c < row.count(); ++c) {
            names << row.fieldName(c);
            marks << QStringLiteral("?");
            values << set.value(row.fieldName(c), row.value(c));
        }
        return db.run(QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                          .arg(table, names.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))),
                      values);
    };
    // In transactions of kChunk posts: the server's own writers wait for
    // the lock no longer than its busy timeout.
    constexpr int kChunk = 250;
    for (int from = 1; from < count; from += kChunk) {
        const int to = std::min(count, from + kChunk);
        VoidResult done = db.transaction([&]() -> VoidResult {
            const auto last = db.scalar(db.dialect().takeChangeNumbers(), { 2 * (to - from) });
            if (!last)
                return last.error();
            qint64 rev = last->toLongLong() - 2 * (to - from);
            for (int i = from; i < to; ++i) {
                const QString id = shared::Uuid::createV7();
                if (VoidResult r = insert(shared::postsTable(), post,
                                          { { QStringLiteral("id"), id },
                                            { QStringLiteral("title"), QStringLiteral("Post %1").arg(i) },
                                            { QStringLiteral("scheduled_at"), dueAt(i) },
                                            { QStringLiteral("rev"), ++rev } });
                    !r)
                    return r;
                if (VoidResult r = insert(shared::postDestinationsTable(), destination,
                                          { { QStringLiteral("id"), shared::Uuid::createV7() },
                                            { QStringLiteral("post_id"), id },
                                            { QStringLiteral("platform_id"), platformOf(i) },
                                            { QStringLiteral("rev"), ++rev } });
                    !r)
                    return r;
            }
            return VoidResult::success();
        });
        if (!done)
            return done;
    }
    return VoidResult::success();
}

} // namespace quire::test::PostSeeding
