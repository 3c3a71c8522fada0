// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/widgets/richtextedit.h"

#include <QByteArray>
#include <QWebEngineUrlSchemeHandler>

namespace quire::gui {

// Serves the preview's own scheme: the rendered page itself, the site's
// stylesheet from the Qt resource the server uses too (:/quire/site/site.css,
// linked as /assets/site.css) and images from the media library through the
// resolver. Nothing else exists there, so the page can load nothing else.
class PreviewSchemeHandler final : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
public:
    static constexpr const char *kScheme = "quire-preview";
    static constexpr const char *kHost = "article";

    explicit PreviewSchemeHandler(QObject *parent = nullptr);

    void setPage(const QByteArray &html);
    void setMediaResolver(MediaResolver resolver) { m_resolver = std::move(resolver); }
    void requestStarted(QWebEngineUrlRequestJob *job) override;

private:
    QByteArray m_page;
    MediaResolver m_resolver;
};

} // namespace quire::gui
