// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QMainWindow;
class QSettings;
class QSplitter;

namespace quire::gui {

// Remembers a main window's size, position and state and the layout of its
// named splitters in the profile's settings, and brings them back when the
// window is built again (the next start). A splitter is known by the
// object names on its way up to the window, so the same editor in two
// sections keeps two layouts.
class LayoutMemory final : public QObject
{
    Q_OBJECT
public:
    // Restores what `settings` holds for `window` now, then keeps it up to
    // date (splitters as they are moved, the window when it closes).
    LayoutMemory(QSettings &settings, QMainWindow &window);

    // Writes the window's and every splitter's layout now.
    void save();

    // The key a splitter's layout is kept under; empty for one without a name.
    static QString splitterKey(const QSplitter &splitter);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void saveSplitter(const QSplitter &splitter);

    QSettings &m_settings;
    QMainWindow &m_window;
};

} // namespace quire::gui
