// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/serverconfiggroups.h"

#include "shared/chatprovider.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSysInfo>
#include <QUrl>

namespace quire::server {

using shared::Error;

namespace {

Error usage(const QString &message)
{
    return Error::make(shared::ErrorCode::Usage, message);
}

} // namespace

std::optional<Error> ServerConfigGroups::metricsListen(const QMap<QString, QString> &v, ServerConfig &c)
{
    const QString value = v.value(QStringLiteral("metrics-listen")).trimmed();
    if (value.isEmpty())
        return std::nullopt;
    const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
    QString host = value.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = value.mid(colon + 1).toUInt(&ok);
    if (colon <= 0 || !ok || port > 65535 || !c.metricsAddress.setAddress(host))
        return usage(QStringLiteral("--metrics-listen: `%1` is not ADDRESS:PORT, e.g. 127.0.0.1:9464").arg(value));
    c.metricsPort = quint16(port);
    return std::nullopt;
}

std::optional<Error> ServerConfigGroups::provider(const QMap<QString, QString> &v, ServerConfig &c)
{
    c.providerUrl = v.value(QStringLiteral("provider-url")).trimmed();
    c.providerModel = v.value(QStringLiteral("provider-model")).trimmed();
    c.providerKey = v.value(QStringLiteral("provider-key")).trimmed();
    const QString keyFile = v.value(QStringLiteral("provider-key-file"));
    if (!keyFile.isEmpty()) {
        if (!c.providerKey.isEmpty())
            return usage(QStringLiteral("--provider-key and --provider-key-file: give the key one way"));
        QFile file(keyFile);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return usage(QStringLiteral("--provider-key-file: cannot read %1: %2").arg(keyFile, file.errorString()));
        c.providerKey = QString::fromUtf8(file.readLine()).trimmed();
        if (c.providerKey.isEmpty())
            return usage(QStringLiteral("--provider-key-file: %1 holds no key").arg(keyFile));
    }
    if (c.providerUrl.isEmpty())
        return std::nullopt;
    if (const std::optional<QString> bad = shared::ChatProviderSettings::checkBaseUrl(QUrl(c.providerUrl)))
        return usage(QStringLiteral("--provider-url: %1").arg(*bad));
    while (c.providerUrl.endsWith(QLatin1Char('/')))
        c.providerUrl.chop(1);
    if (c.providerModel.isEmpty())
        return usage(QStringLiteral("--provider-url needs --provider-model (the model of prompts that name none)"));
    if (c.providerTimeoutSeconds >= c.idleTimeoutSeconds)
        return usage(QStringLiteral("--provider-timeout-seconds must be below --idle-timeout-seconds (%1), or the "
                                    "connection would close before the answer")
                         .arg(c.idleTimeoutSeconds));
    return std::nullopt;
}

std::optional<Error> ServerConfigGroups::instanceName(const QMap<QString, QString> &v, ServerConfig &c)
{
    const QString name = v.value(QStringLiteral("instance-name")).trimmed();
    if (name.isEmpty()) {
        c.instanceName
            = QStringLiteral("%1-%2").arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid());
        return std::nullopt;
    }
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (!valid.match(name).hasMatch())
        return usage(QStringLiteral("--instance-name: `%1` is not 1 to 64 letters, digits, '.', '_' or '-'").arg(name));
    c.instanceName = name;
    c.instanceNamed = true;
    return std::nullopt;
}

} // namespace quire::server
