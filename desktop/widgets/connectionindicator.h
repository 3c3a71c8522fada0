// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/connectionmonitor.h"

#include <QLabel>

namespace quire::gui {

// The status bar's word on the server: online, offline or not set up, with
// the server's address and the last error as tooltip.
class ConnectionIndicator final : public QLabel
{
    Q_OBJECT
public:
    ConnectionIndicator(desktop::ConnectionMonitor &monitor, QWidget *parent = nullptr);

    void refresh();

private:
    desktop::ConnectionMonitor &m_monitor;
};

} // namespace quire::gui
