// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/widgets/previewpage.h"

#include "desktop/articles/widgets/previewschemehandler.h"

#include <QDesktopServices>

namespace quire::gui {

PreviewPage::PreviewPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{ }

bool PreviewPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (type == NavigationTypeLinkClicked) {
        if (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")
            || url.scheme() == QLatin1String("mailto"))
            QDesktopServices::openUrl(url); // the user asked for it, outside the preview
        // Jumps inside the page (the "skip to content" link) stay.
        return url.scheme() == QLatin1String(PreviewSchemeHandler::kScheme) && url.hasFragment()
            && url.adjusted(QUrl::RemoveFragment) == this->url().adjusted(QUrl::RemoveFragment);
    }
    return isMainFrame ? url.scheme() == QLatin1String(PreviewSchemeHandler::kScheme) : false;
}

QWebEnginePage *PreviewPage::createWindow(WebWindowType)
{
    return nullptr; // no pop-ups
}

} // namespace quire::gui
