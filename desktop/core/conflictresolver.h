// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>

#include <optional>

namespace quire::desktop {

class ContentStore;
class SyncRecords;

// Settles a conflict record the way the person chose: keep the server's
// version, keep their own, or a text they wrote from both. The choice is
// an ordinary local edit (so it syncs like any other) made together with
// marking the record resolved. The GUI and quire-cli both use it.
class ConflictResolver
{
public:
    enum class Keep { Server, Client, Text };

    ConflictResolver(ContentStore &content, SyncRecords &records);

    shared::VoidResult resolve(const QString &conflictId, Keep keep, const QString &text = QString());

private:
    ContentStore &m_content;
    SyncRecords &m_records;
};

} // namespace quire::desktop
