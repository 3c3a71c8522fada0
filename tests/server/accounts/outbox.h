// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QString>
#include <QTest>
#include <QUrl>

#include <optional>

namespace quire::test {

// The mail a server without SMTP writes to DATA_DIR/outbox/*.eml, read as
// a person would read it: who it is to, and its text with the link in it.
namespace Outbox {

struct Mail
{
    QByteArray headers;
    QString text;
};

inline Mail parse(const QByteArray &raw)
{
    const qsizetype split = raw.indexOf("\r\n\r\n");
    return { raw.left(split),
             QString::fromUtf8(QByteArray::fromBase64(QByteArray(raw.mid(split + 4)).replace("\r\n", ""))) };
}

inline int count(const QString &dir)
{
    return int(QDir(dir).entryList({ QStringLiteral("*.eml") }, QDir::Files).size());
}

// Waits for the `n`th mail in `dir` (sorted by name, so by time) and returns it.
inline std::optional<Mail> waitFor(const QString &dir, int n)
{
    QStringList files;
    for (int i = 0; i < 200; ++i) {
        files = QDir(dir).entryList({ QStringLiteral("*.eml") }, QDir::Files, QDir::Name);
        if (files.size() >= n)
            break;
        QTest::qWait(50);
    }
    if (files.size() < n)
        return std::nullopt;
    QFile f(QDir(dir).filePath(files[n - 1]));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return parse(f.readAll());
}

// Waits for a mail to `address` at or after the `n`th in `dir`, skipping
// others (notices sent meanwhile), and returns it.
inline std::optional<Mail> waitForMailTo(const QString &dir, int n, const QString &address)
{
    const QByteArray to = "To: " + address.toUtf8() + "\r\n";
    for (int i = 0; i < 200; ++i) {
        const QStringList files = QDir(dir).entryList({ QStringLiteral("*.eml") }, QDir::Files, QDir::Name);
        for (qsizetype f = qMax(0, n - 1); f < files.size(); ++f) {
            QFile file(QDir(dir).filePath(files[f]));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const Mail mail = parse(file.readAll());
            if ((mail.headers + "\r\n").contains(to))
                return mail;
        }
        QTest::qWait(50);
    }
    return std::nullopt;
}

// The one-time token of the link in a mail's text.
inline QString tokenIn(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("token=(qt_[A-Za-z0-9_-]+)"));
    return re.match(text).captured(1);
}

// The link in a mail's text, as an address on the server: path and query.
inline QString linkIn(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("https?://\\S+"));
    const QUrl url(re.match(text).captured(0));
    return url.path() + QLatin1Char('?') + url.query(QUrl::FullyEncoded);
}

} // namespace Outbox
} // namespace quire::test
