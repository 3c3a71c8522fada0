// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/widgets/previewschemehandler.h"

#include <QBuffer>
#include <QFile>
#include <QMimeDatabase>
#include <QWebEngineUrlRequestJob>

namespace quire::gui {

namespace {

void reply(QWebEngineUrlRequestJob *job, const QByteArray &mime, const QByteArray &body)
{
    // The job reads the device after this returns; it goes when the job does.
    auto *buffer = new QBuffer;
    buffer->setData(body);
    buffer->open(QIODevice::ReadOnly);
    QObject::connect(job, &QObject::destroyed, buffer, &QObject::deleteLater);
    job->reply(mime, buffer);
}

} // namespace

PreviewSchemeHandler::PreviewSchemeHandler(QObject *parent)
    : QWebEngineUrlSchemeHandler(parent)
{ }

void PreviewSchemeHandler::setPage(const QByteArray &html)
{
    m_page = html;
}

void PreviewSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    const QString path = url.path();
    if (job->requestMethod() != "GET" || url.host() != QLatin1String(kHost)) {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    if (path == QLatin1String("/") || path.isEmpty()) {
        reply(job, "text/html;charset=utf-8", m_page);
        return;
    }
    if (path == QLatin1String("/assets/site.css")) {
        QFile css(QStringLiteral(":/quire/site/site.css"));
        if (css.open(QIODevice::ReadOnly)) {
            reply(job, "text/css;charset=utf-8", css.readAll());
            return;
        }
    }
    if (path.startsWith(QLatin1String("/media/")) && m_resolver) {
        const QString file = m_resolver(path);
        QFile image(file);
        if (!file.isEmpty() && image.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = image.readAll();
            reply(job, QMimeDatabase().mimeTypeForData(bytes).name().toLatin1(), bytes);
            return;
        }
    }
    job->fail(QWebEngineUrlRequestJob::UrlNotFound);
}

} // namespace quire::gui
