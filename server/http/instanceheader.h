// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/middleware.h"

#include <QByteArray>
#include <QString>

namespace quire::server {

// Names the instance that answered in every answer (X-Quire-Instance), so
// that behind a load balancer an operator, or a test, sees which process
// served a request. The name is set by the operator and says nothing secret.
class InstanceHeader final : public Middleware
{
public:
    explicit InstanceHeader(const QString &instanceName)
        : m_name(instanceName.toUtf8())
    { }

    void after(const HttpRequest &, HttpResponse &response) const override
    {
        response.headers.append({ QByteArrayLiteral("X-Quire-Instance"), m_name });
    }

private:
    QByteArray m_name;
};

} // namespace quire::server
