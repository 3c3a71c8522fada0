// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace quire::shared {

// The smallest escape-by-default template: `{{name}}` inserts a value
// HTML-escaped, `{{{name}}}` inserts HTML the server made itself (the
// Markdown renderer's output) as it is, `{{> partial}}` includes another
// built-in template. Nothing else: no logic, so a theme
// cannot introduce an unescaped value by accident. A name the page does not
// supply is an error at render time, not a silent blank.
class PageTemplate
{
public:
    // Parses `text`; a malformed tag is an error naming its position.
    static Result<PageTemplate> parse(const QByteArray &text);
    // Loads :/quire/templates/<name>.html (the built-in theme).
    static Result<PageTemplate> builtin(const QString &name);

    Result<QByteArray> render(const QHash<QByteArray, QString> &values,
                              const QHash<QByteArray, QByteArray> &trustedHtml = {}) const;

    static QByteArray escape(const QString &text);
    // A page's <title>: "Heading · Site", or the site's name alone on the
    // page whose heading it is (the start page), never "Quire · Quire".
    static QString pageTitle(const QString &heading, const QString &siteName);

private:
    static Result<PageTemplate> parse(const QByteArray &text, int depth);

    struct Part
    {
        QByteArray literal;
        QByteArray name; // empty for a literal part
        bool raw = false;
    };
    QList<Part> m_parts;
};

} // namespace quire::shared
