// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace quire::test {

// The descendant of `root` with this object name; a missing widget ends the
// test at once with its name, instead of a crash on a null pointer later.
template<typename T> T *findNamed(const QObject &root, const char *name)
{
    T *found = root.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

} // namespace quire::test
