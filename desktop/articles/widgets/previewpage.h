// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWebEnginePage>

namespace quire::gui {

// The preview's page: it stays on the article. A click on a link in the
// preview goes nowhere (the preview is not a browser, and leaving would
// lose the article on screen); web links open in the system browser.
class PreviewPage final : public QWebEnginePage
{
    Q_OBJECT
public:
    PreviewPage(QWebEngineProfile *profile, QObject *parent = nullptr);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
};

} // namespace quire::gui
