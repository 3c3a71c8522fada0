// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/outbound/outboundclient.h"
#include "server/publishing/connector.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTest>

#include <memory>
#include <optional>

// What the connector tests share: an outbound client that may reach the
// local fakes (and gives up on a silent one in two seconds), a call that
// waits for a connector's one answer, and media files as the media store
// keeps them.
struct ConnectorHarness
{
    std::unique_ptr<quire::server::OutboundClient> client;
    int callbacks = 0;

    ConnectorHarness()
    {
        quire::server::OutboundOptions options;
        options.timeout = std::chrono::milliseconds(2000);
        client = std::make_unique<quire::server::OutboundClient>(
            *quire::server::AddressPolicy::fromAllowList({ QStringLiteral("127.0.0.1") }), options);
    }

    // Publishes and waits for the outcome; nullopt when none came, or when
    // the connector answered from inside publish (its contract forbids it).
    std::optional<quire::server::DeliveryOutcome> publish(const quire::server::Connector &connector,
                                                          const quire::server::Delivery &delivery)
    {
        std::optional<quire::server::DeliveryOutcome> outcome;
        int calls = 0;
        connector.publish(delivery, *client, [&](quire::server::DeliveryOutcome o) {
            outcome = std::move(o);
            ++calls;
        });
        if (calls != 0)
            return std::nullopt;
        if (!QTest::qWaitFor([&] { return calls > 0; }, 30000))
            return std::nullopt;
        QTest::qWait(50); // a second answer would show here
        callbacks = calls;
        return outcome;
    }

    std::optional<quire::shared::VoidResult> verify(const quire::server::Connector &connector,
                                                    const quire::server::PlatformAccess &platform)
    {
        std::optional<quire::shared::VoidResult> result;
        connector.verify(platform, *client, [&](quire::shared::VoidResult r) { result = std::move(r); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
            return std::nullopt;
        return result;
    }

    // Bytes that stand for an image: the fakes store, not decode, them. They
    // hold NUL, CR LF and a boundary-like "--" to show the bodies are binary-safe.
    static QByteArray imageBytes(const QByteArray &tag, int size)
    {
        QByteArray bytes = tag + QByteArray("\0\r\n--quire\r\n", 13);
        for (int i = 0; bytes.size() < size; ++i)
            bytes += char(i * 37);
        return bytes;
    }

    // A file in `dir` named by the SHA-256 of `bytes`, as a post names it.
    static quire::server::DeliveryMedia media(const QDir &dir, const QByteArray &bytes, const QString &mime)
    {
        const QString name = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return { QStringLiteral("/media/") + name, mime, file.fileName(), bytes.size() };
    }
};
