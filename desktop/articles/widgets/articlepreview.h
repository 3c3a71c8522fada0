// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/widgets/richtextedit.h"
#include "shared/articlepage.h"

#include <QWebEngineView>

#include <functional>

class QTimer;
class QWebEngineProfile;

namespace quire::gui {

class PreviewRequestGuard;
class PreviewSchemeHandler;

// The article as readers will get it, beside the editor: the page comes
// from shared::ArticlePage::render, the server's own renderer, and is
// styled by the site's one stylesheet. It follows the text a short pause
// after typing stops and keeps its scroll position. The page is served
// from a private scheme (see PreviewSchemeHandler) in a profile that keeps
// nothing on disk and may not touch the network.
class ArticlePreview final : public QWebEngineView
{
    Q_OBJECT
public:
    // What the page shows and the site it is on, asked for only when it
    // is rendered.
    using Source = std::function<shared::ArticleView()>;
    using SiteSource = std::function<shared::ArticlePage::Site()>;

    explicit ArticlePreview(QWidget *parent = nullptr);
    ~ArticlePreview() override;

    // Registers the preview's URL scheme; must run before the QApplication
    // is created (Qt WebEngine's rule). Safe to call more than once.
    static void registerScheme();
    static bool isSchemeRegistered();

    void setSource(Source source) { m_source = std::move(source); }
    void setSiteSource(SiteSource site) { m_site = std::move(site); }
    void setMediaResolver(MediaResolver resolver);

    // Renders again after the pause; many calls make one render.
    void scheduleUpdate();
    // Renders now.
    void updateNow();
    // The page last rendered, as the renderer made it.
    QByteArray renderedHtml() const { return m_html; }
    int blockedRequests() const;

Q_SIGNALS:
    // A rendered page finished loading (and its scroll position is back).
    void pageShown(bool ok);

private:
    void loaded(bool ok);

    Source m_source;
    SiteSource m_site;
    QWebEngineProfile *m_profile;
    PreviewSchemeHandler *m_handler;
    PreviewRequestGuard *m_guard;
    QTimer *m_timer;
    QByteArray m_html;
    int m_version = 0;
    qreal m_scrollY = 0;
    bool m_hasPage = false;
    bool m_dying = false;
};

} // namespace quire::gui
