// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace quire::desktop::Translations {

bool install(QCoreApplication &app, const QLocale &locale)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *quire = new QTranslator(&app);
    // qt_add_translations embeds the compiled catalogues under :/i18n.
    if (quire->load(locale, QStringLiteral("quire"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(quire);
        return true;
    }
    delete quire;
    return false;
}

} // namespace quire::desktop::Translations
