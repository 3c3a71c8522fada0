// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace quire::shared {

// The one HTML (and XML) escaping every page, feed and rendered Markdown
// uses: & < > " and ' become entities, so a value is safe in text and in
// double- or single-quoted attributes.
namespace HtmlEscape {

void appendTo(QByteArray &out, const char *utf8, qsizetype size);
QByteArray escape(const QString &text);

} // namespace HtmlEscape
} // namespace quire::shared
