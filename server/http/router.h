// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/httpmessage.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace quire::server {

class WorkerServices;

// The route table: method plus a pattern of literal and `:name` segments.
// Built once before the workers start and only read after, so all threads
// share it without locks.
class Router
{
public:
    using Handler = std::function<HttpResponse(HttpRequest &, WorkerServices &)>;
    enum class BodyKind { None, Json };

    struct Route
    {
        QString method;
        QStringList segments;
        Handler handler;
        BodyKind body = BodyKind::None;
    };

    struct Match
    {
        const Route *route = nullptr;  // set when method and path match
        QHash<QString, QString> params;
        QStringList allowedMethods;    // the path matched, but not for this method
    };

    void add(const QString &method, const QString &pattern, Handler handler, BodyKind body = BodyKind::None);
    Match match(const QString &method, const QString &path) const;

private:
    static bool matchSegments(const Route &route, const QStringList &segments, QHash<QString, QString> &params);

    QList<Route> m_routes;
};

} // namespace quire::server
