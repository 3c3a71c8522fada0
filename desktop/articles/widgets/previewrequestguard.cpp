// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/widgets/previewrequestguard.h"

#include "desktop/articles/widgets/previewschemehandler.h"

#include <QWebEngineUrlRequestInfo>

namespace quire::gui {

PreviewRequestGuard::PreviewRequestGuard(QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
{ }

void PreviewRequestGuard::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    // Runs on the engine's IO thread: only the atomic counter is touched.
    if (info.requestUrl().scheme() != QLatin1String(PreviewSchemeHandler::kScheme)) {
        info.block(true);
        m_blocked.ref();
    }
}

} // namespace quire::gui
