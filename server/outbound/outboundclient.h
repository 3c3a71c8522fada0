// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/outbound/addresspolicy.h"
#include "server/outbound/outboundresponse.h"
#include "shared/result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>

#include <chrono>
#include <functional>
#include <utility>

class QNetworkAccessManager;

namespace quire::server {

// One outgoing request as a connector states it.
struct OutboundRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QString url;
    // Sent as given; Authorization and Cookie are dropped on a redirect
    // that leaves the origin, and never logged.
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

struct OutboundOptions
{
    int maxRedirects = 5;
    // The whole exchange: DNS, every hop, the last body byte.
    std::chrono::milliseconds timeout { 30'000 };
    qint64 maxResponseBytes = 4 * 1024 * 1024;
    // Trusted besides the system's roots (the tests' fakes, a private CA).
    QList<QSslCertificate> extraCaCertificates;
};

// The HTTP client every connector uses, and the SSRF guard around it: it
// resolves each host itself, checks every address through AddressPolicy,
// connects to the checked address only (the name stays in the Host header
// and the TLS name check, so DNS rebinding between check and connect cannot
// move it), follows redirects itself and checks each hop alike, and caps
// time and size. Failures come back as errors with these codes:
// refused_address, url_invalid, url_insecure, timeout, too_large, tls,
// network, too_many_redirects. Destroying the client drops pending
// requests without calling back.
class OutboundClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(shared::Result<OutboundResponse>)>;

    explicit OutboundClient(AddressPolicy policy, OutboundOptions options = {}, QObject *parent = nullptr);
    ~OutboundClient() override;

    // Calls `done` once, later, from the event loop (never from inside send).
    // `done` may run inside a reply's signal: delete the client from it
    // with deleteLater(), not delete.
    void send(OutboundRequest request, Callback done);

    const AddressPolicy &policy() const { return m_policy; }
    const OutboundOptions &options() const { return m_options; }

private:
    friend class OutboundTransfer;

    AddressPolicy m_policy;
    OutboundOptions m_options;
    QNetworkAccessManager *m_network;
};

} // namespace quire::server
