// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QAbstractButton;
class QAction;
class QMainWindow;
class QSettings;
class QSplitter;

namespace quire::gui {

// Remembers a main window's size, position and state, the layout of its
// named splitters and the state of the panel toggles marked with
// remember() in the profile's settings, and brings them back when the
// window is built again (the next start). A splitter or toggle is known by
// the object names on its way up to the window, so the same editor in two
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
    // Marks a checkable, named toggle (a panel shown or hidden) whose state
    // the window's LayoutMemory keeps; call before the memory is made.
    static void remember(QAction &toggle);
    static void remember(QAbstractButton &toggle);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void saveSplitter(const QSplitter &splitter);
    void restoreToggles();

    QSettings &m_settings;
    QMainWindow &m_window;
};

} // namespace quire::gui
