// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

class QCoreApplication;

namespace quire::desktop {

// Loads Quire's and Qt's own translations for `locale` into the application.
namespace Translations {
// Returns true when a Quire translation for the locale was found.
bool install(QCoreApplication &app, const QLocale &locale = QLocale());
} // namespace Translations

} // namespace quire::desktop
