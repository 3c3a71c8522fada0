// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/syncindicator.h"

#include "desktop/core/syncengine.h"
#include "desktop/core/syncstore.h"
#include "desktop/widgets/tr.h"
#include "shared/timestamp.h"

#include <QLocale>

namespace quire::gui {

SyncIndicator::SyncIndicator(desktop::SyncEngine &engine, desktop::SyncStore &store, QWidget *parent)
    : QLabel(parent)
    , m_engine(engine)
    , m_store(store)
{
    setObjectName(QStringLiteral("syncIndicator"));
    connect(&engine, &desktop::SyncEngine::stateChanged, this, &SyncIndicator::refresh);
    connect(&engine, &desktop::SyncEngine::statusChanged, this, &SyncIndicator::refresh);
    refresh();
}

void SyncIndicator::refresh()
{
    QStringList parts { desktop::SyncEngine::stateText(m_engine.state()) };
    shared::Result<desktop::SyncStore::Status> status = m_store.status();
    if (!status) {
        setText(parts.first());
        setToolTip(status.error().message);
        return;
    }
    if (status->pending > 0)
        parts << Tr::tr("%n change(s) to send", nullptr, int(status->pending));
    if (status->conflicts > 0)
        parts << Tr::tr("%n conflict(s)", nullptr, int(status->conflicts));
    if (status->rejected > 0)
        parts << Tr::tr("%n refused", nullptr, int(status->rejected));
    setText(parts.join(QStringLiteral(" · ")));
    QString tip;
    if (const auto at = shared::Timestamp::parse(status->lastSyncAt))
        tip = Tr::tr("Last synced %1").arg(QLocale().toString(at->toLocalTime(), QLocale::ShortFormat));
    else
        tip = Tr::tr("Not synced yet");
    if (const auto error = m_engine.lastError())
        tip += QLatin1Char('\n') + error->message;
    setToolTip(tip);
}

} // namespace quire::gui
