// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

class QCoreApplication;

namespace quire::desktop {

// Loads Quire's and Qt's own translations for `locale` into the application.
namespace Translations {
// Replaces the translations installed before (if any). Returns true when a
// Quire translation for the locale was found (English counts: it holds the
// plural forms of the English source texts).
bool install(QCoreApplication &app, const QLocale &locale = QLocale());
} // namespace Translations

} // namespace quire::desktop
