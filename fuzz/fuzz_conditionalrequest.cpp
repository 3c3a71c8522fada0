// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the readers of If-None-Match, If-Modified-Since and
// Accept-Encoding (server/http/conditionalrequest). The input is the client's
// header value and the server's ETag or Last-Modified, split at the first
// NUL. Beyond no crash: an ETag list that names the ETag matches it, and
// a date is never modified since itself.
#include "server/http/conditionalrequest.h"
#include "server/http/httpmessage.h"

#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

namespace Conditional = quire::server::ConditionalRequest;

void require(bool condition, const char *what, const QByteArray &client, const QByteArray &server)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_conditionalrequest: %s\n--- client ---\n%s\n--- server ---\n%s\n", what,
                 client.constData(), server.constData());
    std::abort();
}

// A strong entity tag as the server writes them: quotes around visible
// characters other than the quote itself (RFC 9110 §8.8.3).
bool isEntityTag(const QByteArray &etag)
{
    if (etag.size() < 2 || !etag.startsWith('"') || !etag.endsWith('"'))
        return false;
    for (qsizetype i = 1; i + 1 < etag.size(); ++i) {
        const auto c = static_cast<unsigned char>(etag[i]);
        if (c == '"' || c < 0x21 || c == 0x7f)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype nul = input.indexOf('\0');
    const QByteArray client = nul < 0 ? input : input.left(nul);
    const QByteArray server = nul < 0 ? QByteArray() : input.mid(nul + 1);

    Conditional::etagListMatches(client, server);
    Conditional::notModifiedSince(client, server);
    Conditional::acceptsGzip(client);

    if (isEntityTag(server)) {
        require(Conditional::etagListMatches(server, server), "an ETag does not match itself", client, server);
        require(Conditional::etagListMatches("W/" + server, server), "a weak ETag does not match", client, server);
        require(Conditional::etagListMatches("\"x\", " + server, server), "an ETag later in a list does not match",
                client, server);
    }
    // A date that reads (it is no later than the end of time) is not
    // modified since itself.
    if (Conditional::notModifiedSince("Fri, 31 Dec 9999 23:59:59 GMT", client))
        require(Conditional::notModifiedSince(client, client), "a date is modified since itself", client, server);

    quire::server::HttpRequest request;
    request.method = QStringLiteral("GET");
    request.headers.append({ QByteArrayLiteral("If-None-Match"), client });
    request.headers.append({ QByteArrayLiteral("If-Modified-Since"), client });
    Conditional::isNotModified(request, server, server);
    return 0;
}
