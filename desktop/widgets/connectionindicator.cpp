// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/connectionindicator.h"

#include "desktop/widgets/tr.h"

namespace quire::gui {

using State = desktop::ConnectionMonitor::State;

ConnectionIndicator::ConnectionIndicator(desktop::ConnectionMonitor &monitor, QWidget *parent)
    : QLabel(parent)
    , m_monitor(monitor)
{
    setObjectName(QStringLiteral("connectionIndicator"));
    connect(&monitor, &desktop::ConnectionMonitor::stateChanged, this, &ConnectionIndicator::refresh);
    refresh();
}

void ConnectionIndicator::refresh()
{
    const State state = m_monitor.state();
    QString mark;
    switch (state) {
    case State::Online:
        mark = QStringLiteral("●");
        break;
    case State::Offline:
        mark = QStringLiteral("○");
        break;
    case State::Checking:
        mark = QStringLiteral("◌");
        break;
    case State::NoServer:
        mark = QStringLiteral("–");
        break;
    }
    setText(mark + QLatin1Char(' ') + desktop::ConnectionMonitor::stateText(state));
    QString tip;
    if (state == State::Offline && !m_monitor.detail().isEmpty())
        tip = Tr::tr("Changes are kept on this computer and sent when the server is back.\n%1").arg(m_monitor.detail());
    else if (state == State::NoServer)
        tip = Tr::tr("Choose File › Connect to Server… to sync with a Quire server.");
    setToolTip(tip);
}

} // namespace quire::gui
