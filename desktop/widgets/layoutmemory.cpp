// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/layoutmemory.h"

#include <QEvent>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace quire::gui {

namespace {

const QString kGeometry = QStringLiteral("layout/window/geometry");
const QString kState = QStringLiteral("layout/window/state");
const QString kSplitters = QStringLiteral("layout/splitters/");

} // namespace

LayoutMemory::LayoutMemory(QSettings &settings, QMainWindow &window)
    : QObject(&window)
    , m_settings(settings)
    , m_window(window)
{
    setObjectName(QStringLiteral("layoutMemory"));
    if (const QByteArray geometry = m_settings.value(kGeometry).toByteArray(); !geometry.isEmpty())
        m_window.restoreGeometry(geometry);
    if (const QByteArray state = m_settings.value(kState).toByteArray(); !state.isEmpty())
        m_window.restoreState(state);
    for (QSplitter *splitter : m_window.findChildren<QSplitter *>()) {
        const QString key = splitterKey(*splitter);
        if (key.isEmpty())
            continue;
        if (const QByteArray state = m_settings.value(kSplitters + key).toByteArray(); !state.isEmpty())
            splitter->restoreState(state);
        connect(splitter, &QSplitter::splitterMoved, this, [this, splitter] {
            saveSplitter(*splitter);
            m_settings.sync();
        });
    }
    m_window.installEventFilter(this);
}

QString LayoutMemory::splitterKey(const QSplitter &splitter)
{
    if (splitter.objectName().isEmpty())
        return {};
    QStringList path;
    for (const QObject *o = &splitter; o; o = o->parent()) {
        if (!o->objectName().isEmpty())
            path.prepend(o->objectName());
    }
    return path.join(QLatin1Char('.'));
}

void LayoutMemory::saveSplitter(const QSplitter &splitter)
{
    if (const QString key = splitterKey(splitter); !key.isEmpty())
        m_settings.setValue(kSplitters + key, splitter.saveState());
}

void LayoutMemory::save()
{
    m_settings.setValue(kGeometry, m_window.saveGeometry());
    m_settings.setValue(kState, m_window.saveState());
    for (const QSplitter *splitter : m_window.findChildren<QSplitter *>())
        saveSplitter(*splitter);
    m_settings.sync();
}

bool LayoutMemory::eventFilter(QObject *watched, QEvent *event)
{
    // Closing the window is quitting; a window destroyed without closing
    // (a crash, a test) keeps what the splitters saved as they moved.
    if (watched == &m_window && event->type() == QEvent::Close)
        save();
    return QObject::eventFilter(watched, event);
}

} // namespace quire::gui
