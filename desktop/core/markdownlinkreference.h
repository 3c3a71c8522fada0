// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <optional>

namespace quire::desktop {

// How a link was written in its source when it refers to a definition
// (`[text][label]`, `[text][]`, `[text]`), so that rewriting its paragraph
// keeps it a reference instead of spelling the target out inline.
struct MarkdownLinkReference
{
    enum class Form { Full, Collapsed, Shortcut };

    QString label; // as written between the brackets
    Form form = Form::Full;
    QString href; // what the definition said when loaded
    QString title;

    // The reference a link is written as, from its source: `first` and
    // `end` are the UTF-8 offsets of its text's first and last characters
    // (end exclusive). None for an inline link or when the source does not
    // say clearly.
    static std::optional<MarkdownLinkReference> find(const QByteArray &utf8, qsizetype first, qsizetype end,
                                                     const QString &href, const QString &title);

    // As a user property of the link's character format, and back.
    QVariant toProperty() const;
    static std::optional<MarkdownLinkReference> fromProperty(const QVariant &v);

    // What closes a link whose text was written as `written`: `]` and the
    // reference; the full form when the text no longer is the label.
    QString closer(const QString &written) const;
    // A definition for the label, to read a rewritten text back alone.
    QString definition() const;
};

} // namespace quire::desktop
