// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace quire::desktop {
class SyncEngine;
class SyncStore;
} // namespace quire::desktop

namespace quire::gui {

// The status bar's word on sync: the engine's state, the local changes
// still to send, open conflicts and refused changes, with the time of the
// last completed sync as tooltip.
class SyncIndicator final : public QLabel
{
    Q_OBJECT
public:
    SyncIndicator(desktop::SyncEngine &engine, desktop::SyncStore &store, QWidget *parent = nullptr);

    void refresh();

private:
    desktop::SyncEngine &m_engine;
    desktop::SyncStore &m_store;
};

} // namespace quire::gui
