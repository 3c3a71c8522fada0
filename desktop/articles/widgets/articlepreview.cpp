// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/widgets/articlepreview.h"

#include "desktop/articles/widgets/previewpage.h"
#include "desktop/articles/widgets/previewrequestguard.h"
#include "desktop/articles/widgets/previewschemehandler.h"
#include "desktop/widgets/tr.h"
#include "shared/htmlescape.h"

#include <QTimer>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineSettings>
#include <QWebEngineUrlScheme>

namespace quire::gui {

namespace {

// Long enough that typing does not re-render the page with each key.
constexpr int kUpdateMs = 500;
// Narrower, a page shows too little of itself to judge it by.
constexpr int kMinimumWidth = 240;

QUrl pageUrl(int version)
{
    // A new address each time, so the engine never answers from a cache.
    QUrl url;
    url.setScheme(QLatin1String(PreviewSchemeHandler::kScheme));
    url.setHost(QLatin1String(PreviewSchemeHandler::kHost));
    url.setPath(QStringLiteral("/"));
    url.setQuery(QStringLiteral("v=%1").arg(version));
    return url;
}

} // namespace

void ArticlePreview::registerScheme()
{
    if (isSchemeRegistered())
        return;
    QWebEngineUrlScheme scheme(PreviewSchemeHandler::kScheme);
    // Host syntax lets the page's root-relative links (/assets/site.css,
    // /media/…) resolve against it; secure so nothing counts as mixed content.
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme);
    QWebEngineUrlScheme::registerScheme(scheme);
}

bool ArticlePreview::isSchemeRegistered()
{
    return !QWebEngineUrlScheme::schemeByName(PreviewSchemeHandler::kScheme).name().isEmpty();
}

ArticlePreview::ArticlePreview(QWidget *parent)
    : QWebEngineView(parent)
    , m_profile(new QWebEngineProfile(this)) // off the record: nothing on disk
    , m_handler(new PreviewSchemeHandler(this))
    , m_guard(new PreviewRequestGuard(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("articlePreview"));
    setAccessibleName(Tr::tr("Preview"));
    m_profile->setHttpCacheType(QWebEngineProfile::NoCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->setUrlRequestInterceptor(m_guard);
    m_profile->installUrlSchemeHandler(PreviewSchemeHandler::kScheme, m_handler);
    auto *page = new PreviewPage(m_profile, this);
    QWebEngineSettings *s = page->settings();
    // The site's pages have no scripts; the preview runs none either (its
    // own scroll keeping runs in an isolated world, which this leaves on).
    s->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    s->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    s->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    setPage(page);
    setContextMenuPolicy(Qt::NoContextMenu);
    setMinimumWidth(kMinimumWidth);
    m_timer->setSingleShot(true);
    m_timer->setInterval(kUpdateMs);
    connect(m_timer, &QTimer::timeout, this, &ArticlePreview::updateNow);
    connect(page, &QWebEnginePage::loadFinished, this, &ArticlePreview::loaded);
}

ArticlePreview::~ArticlePreview()
{
    m_dying = true; // callbacks the page still owes run while it goes
    // The page must go before the profile it was made with.
    delete page();
}

void ArticlePreview::setMediaResolver(MediaResolver resolver)
{
    m_handler->setMediaResolver(std::move(resolver));
}

int ArticlePreview::blockedRequests() const
{
    return m_guard->blockedCount();
}

void ArticlePreview::scheduleUpdate()
{
    m_timer->start();
}

void ArticlePreview::updateNow()
{
    m_timer->stop();
    if (!m_source)
        return;
    const shared::Result<QByteArray> html
        = shared::ArticlePage::render(m_source(), m_site ? m_site() : shared::ArticlePage::Site());
    const QByteArray page
        = html ? *html : "<!DOCTYPE html><p>" + shared::HtmlEscape::escape(html.error().message) + "</p>";
    if (m_hasPage && page == m_html)
        return;
    m_html = page;
    m_handler->setPage(m_html);
    const int version = ++m_version;
    if (!m_hasPage) {
        load(pageUrl(version));
        return;
    }
    // Where the reader was, so the new page opens there too.
    this->page()->runJavaScript(QStringLiteral("window.scrollY"), QWebEngineScript::ApplicationWorld,
                                [this, version](const QVariant &y) {
                                    if (m_dying || version != m_version)
                                        return; // going, or a newer render is on its way
                                    m_scrollY = y.toReal();
                                    load(pageUrl(version));
                                });
}

void ArticlePreview::loaded(bool ok)
{
    m_hasPage = true;
    if (ok && m_scrollY > 0) {
        page()->runJavaScript(QStringLiteral("window.scrollTo(0, %1)").arg(m_scrollY),
                              QWebEngineScript::ApplicationWorld, [this](const QVariant &) {
                                  if (!m_dying)
                                      Q_EMIT pageShown(true);
                              });
        return;
    }
    Q_EMIT pageShown(ok);
}

} // namespace quire::gui
