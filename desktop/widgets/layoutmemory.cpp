// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/layoutmemory.h"

#include <QAbstractButton>
#include <QAction>
#include <QEvent>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace quire::gui {

namespace {

const QString kGeometry = QStringLiteral("layout/window/geometry");
const QString kState = QStringLiteral("layout/window/state");
const QString kSplitters = QStringLiteral("layout/splitters/");
const QString kToggles = QStringLiteral("layout/toggles/");
// The dynamic property remember() marks a toggle with.
constexpr char kRemembered[] = "quireRememberedToggle";

// The object names from the window down to `object`, joined with dots.
QString objectKey(const QObject &object)
{
    if (object.objectName().isEmpty())
        return {};
    QStringList path;
    for (const QObject *o = &object; o; o = o->parent()) {
        if (!o->objectName().isEmpty())
            path.prepend(o->objectName());
    }
    return path.join(QLatin1Char('.'));
}

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
    restoreToggles();
    m_window.installEventFilter(this);
}

void LayoutMemory::remember(QAction &toggle)
{
    toggle.setProperty(kRemembered, true);
}

void LayoutMemory::remember(QAbstractButton &toggle)
{
    toggle.setProperty(kRemembered, true);
}

void LayoutMemory::restoreToggles()
{
    // After the splitters: showing a panel may share out its splitter anew.
    // Written as toggled, so a crash keeps the choice too.
    const auto restore = [this](auto *toggle) {
        const QString key = objectKey(*toggle);
        if (key.isEmpty() || !toggle->property(kRemembered).toBool())
            return;
        if (const QVariant checked = m_settings.value(kToggles + key); checked.isValid())
            toggle->setChecked(checked.toBool());
        connect(toggle, &std::remove_pointer_t<decltype(toggle)>::toggled, this, [this, key](bool on) {
            m_settings.setValue(kToggles + key, on);
            m_settings.sync();
        });
    };
    for (QAction *action : m_window.findChildren<QAction *>())
        restore(action);
    for (QAbstractButton *button : m_window.findChildren<QAbstractButton *>())
        restore(button);
}

QString LayoutMemory::splitterKey(const QSplitter &splitter)
{
    return objectKey(splitter);
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
