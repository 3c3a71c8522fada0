// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWebEngineUrlRequestInterceptor>

namespace quire::gui {

// Keeps the preview off the network: every request that is not for the
// preview's own scheme is blocked (a theme or an article can name remote
// images, fonts or scripts; an offline preview must not fetch them, and
// a draft must not tell anyone it is being written).
class PreviewRequestGuard final : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    explicit PreviewRequestGuard(QObject *parent = nullptr);

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;
    int blockedCount() const { return m_blocked.loadRelaxed(); }

private:
    QAtomicInt m_blocked;
};

} // namespace quire::gui
