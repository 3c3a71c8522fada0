// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace quire::server {

// The two Content-Security-Policies the server sends, defined only here: one
// for every page of the readers' site, one for everything else (the API,
// feeds, files), which loads nothing at all.
namespace ContentSecurityPolicy {

// Pages may load the site's own stylesheet and images (media is served by
// this server, covers may be on any https host), post forms only here, and
// run no script at all.
inline constexpr char kSitePages[] = "default-src 'none'; style-src 'self'; img-src 'self' https:; "
                                     "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
inline constexpr char kOther[] = "default-src 'none'; frame-ancestors 'none'";

// The policy for an answer of `contentType`: HTML is a readers' page.
inline QByteArray forContentType(const QByteArray &contentType)
{
    const bool page = contentType.startsWith("text/html");
    return QByteArray::fromRawData(page ? kSitePages : kOther, qsizetype(qstrlen(page ? kSitePages : kOther)));
}

} // namespace ContentSecurityPolicy
} // namespace quire::server
