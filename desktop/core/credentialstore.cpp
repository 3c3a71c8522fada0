// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/credentialstore.h"

#include "desktop/core/corelogging.h"
#include "desktop/core/tr.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace quire::desktop {

using shared::Error;
using shared::Result;
using shared::VoidResult;

namespace {

const QString kService = QStringLiteral("Quire");
constexpr int kKeychainTimeoutMs = 5000;

// Runs a QtKeychain job to completion; false when it failed or timed out.
bool runJob(QKeychain::Job &job, QString *error)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    // A flag as well as quit(): a job that finished before the loop runs
    // must not be mistaken for one that timed out.
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&loop, &finished] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    timeout.start(kKeychainTimeoutMs);
    if (!finished)
        loop.exec();
    if (!finished) {
        *error = QStringLiteral("timed out");
        return false;
    }
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound) {
        *error = job.errorString();
        return false;
    }
    return true;
}

} // namespace

CredentialStore::CredentialStore(QString profileDir)
    : m_profileDir(std::move(profileDir))
{ }

QString CredentialStore::filePath() const
{
    return QDir(m_profileDir).filePath(QStringLiteral("credentials.json"));
}

bool CredentialStore::keychainAvailable()
{
    if (m_backend != Backend::Unknown)
        return m_backend == Backend::Keychain;
    // Probe once with a harmless read: no service answers, no keychain.
    QKeychain::ReadPasswordJob probe(kService);
    probe.setKey(QStringLiteral("quire-probe"));
    QString error;
    const bool ok = runJob(probe, &error);
    m_backend = ok ? Backend::Keychain : Backend::File;
    if (!ok)
        qCInfo(lcNet) << "no keychain service (" << error << "); secrets go to" << filePath() << "(mode 0600)";
    return ok;
}

Result<QJsonObject> CredentialStore::readFile() const
{
    QFile file(filePath());
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(shared::ErrorCode::CredentialsUnreadable,
                           Tr::tr("Cannot read %1: %2").arg(filePath(), file.errorString()));
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    return doc.isObject() ? doc.object() : QJsonObject();
}

VoidResult CredentialStore::writeFile(const QJsonObject &object) const
{
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(shared::ErrorCode::CredentialsUnwritable,
                           Tr::tr("Cannot write %1: %2").arg(filePath(), file.errorString()));
    // Owner-only before any byte is written.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return Error::make(shared::ErrorCode::CredentialsUnwritable,
                           Tr::tr("Cannot write %1: %2").arg(filePath(), file.errorString()));
    return VoidResult::success();
}

VoidResult CredentialStore::save(const QString &key, const QByteArray &secret)
{
    if (keychainAvailable()) {
        QKeychain::WritePasswordJob job(kService);
        job.setKey(key);
        job.setBinaryData(secret);
        QString error;
        if (runJob(job, &error))
            return VoidResult::success();
        qCWarning(lcNet) << "keychain write failed:" << error;
    }
    Result<QJsonObject> object = readFile();
    if (!object)
        return object.error();
    object->insert(key, QString::fromLatin1(secret.toBase64()));
    return writeFile(*object);
}

Result<std::optional<QByteArray>> CredentialStore::load(const QString &key)
{
    if (keychainAvailable()) {
        QKeychain::ReadPasswordJob job(kService);
        job.setKey(key);
        QString error;
        if (runJob(job, &error) && job.error() == QKeychain::NoError)
            return std::optional<QByteArray>(job.binaryData());
    }
    Result<QJsonObject> object = readFile();
    if (!object)
        return object.error();
    if (!object->contains(key))
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(QByteArray::fromBase64(object->value(key).toString().toLatin1()));
}

VoidResult CredentialStore::remove(const QString &key)
{
    if (keychainAvailable()) {
        QKeychain::DeletePasswordJob job(kService);
        job.setKey(key);
        QString error;
        runJob(job, &error);
    }
    Result<QJsonObject> object = readFile();
    if (!object)
        return object.error();
    if (!object->contains(key))
        return VoidResult::success();
    object->remove(key);
    return writeFile(*object);
}

} // namespace quire::desktop
