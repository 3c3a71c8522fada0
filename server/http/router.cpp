// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/router.h"

#include "shared/softassert.h"

namespace quire::server {

void Router::add(const QString &method, const QString &pattern, Handler handler, BodyKind body, Guard guard)
{
    QUIRE_ASSERT(pattern.startsWith(QLatin1Char('/')), return );
    m_routes.append(Route { method,
                            pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts),
                            std::move(handler),
                            {},
                            body,
                            guard,
                            pattern.toUtf8() });
    addMethod(method);
}

void Router::addAsync(const QString &method, const QString &pattern, AsyncHandler handler, BodyKind body, Guard guard)
{
    QUIRE_ASSERT(pattern.startsWith(QLatin1Char('/')), return );
    m_routes.append(Route { method,
                            pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts),
                            {},
                            std::move(handler),
                            body,
                            guard,
                            pattern.toUtf8() });
    addMethod(method);
}

void Router::addMethod(const QString &method)
{
    if (m_methods.contains(method))
        return;
    m_methods << method;
    m_methods.sort();
}

bool Router::matchSegments(const Route &route, const QStringList &segments, QHash<QString, QString> &params)
{
    if (route.segments.size() != segments.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &want = route.segments[i];
        if (want.startsWith(QLatin1Char(':')))
            found.insert(want.mid(1), segments[i]);
        else if (want != segments[i])
            return false;
    }
    params = std::move(found);
    return true;
}

Router::Match Router::match(const QString &method, const QString &path) const
{
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    Match result;
    for (const Route &route : m_routes) {
        QHash<QString, QString> params;
        if (!matchSegments(route, segments, params))
            continue;
        // HEAD is answered by the GET handler; the worker drops the body.
        if (route.method == method || (method == QLatin1String("HEAD") && route.method == QLatin1String("GET"))) {
            result.route = &route;
            result.params = std::move(params);
            return result;
        }
        if (!result.allowedMethods.contains(route.method))
            result.allowedMethods << route.method;
    }
    const bool read = method == QLatin1String("GET") || method == QLatin1String("HEAD");
    if (m_pageNotFound && read && result.allowedMethods.isEmpty() && !segments.isEmpty()
        && segments.first() != QLatin1String("api"))
        result.route = &*m_pageNotFound;
    return result;
}

void Router::setPageNotFound(Handler handler)
{
    Route route;
    route.method = QStringLiteral("GET");
    route.handler = std::move(handler);
    route.pattern = QByteArrayLiteral("(page not found)");
    m_pageNotFound = std::move(route);
}

} // namespace quire::server
