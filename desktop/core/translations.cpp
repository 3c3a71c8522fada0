// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace quire::desktop::Translations {

namespace {

// Marks the translators this file installed, so a second install() (another
// language) replaces them instead of stacking: a stale catalogue would answer
// whatever the new one leaves out.
const char *const kOwnedProperty = "quireTranslation";

void removeInstalled(QCoreApplication &app)
{
    for (QTranslator *t : app.findChildren<QTranslator *>(Qt::FindDirectChildrenOnly)) {
        if (!t->property(kOwnedProperty).toBool())
            continue;
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

bool installOne(QCoreApplication &app, const QLocale &locale, const QString &name, const QString &directory)
{
    auto *translator = new QTranslator(&app);
    if (!translator->load(locale, name, QStringLiteral("_"), directory)) {
        delete translator;
        return false;
    }
    translator->setProperty(kOwnedProperty, true);
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

bool install(QCoreApplication &app, const QLocale &locale)
{
    removeInstalled(app);
    // Qt's own strings (the standard buttons' Close, Cancel, OK...), from
    // Debian's qt6-translations-l10n; without it they stay English.
    installOne(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // qt_add_translations embeds the compiled catalogues under :/i18n.
    const QString embedded = QStringLiteral(":/i18n");
    if (installOne(app, locale, QStringLiteral("quire"), embedded))
        return true;
    // The source texts are English; their plural forms ("%n word(s)") come
    // from quire_en, which holds nothing else, so any other language without a
    // catalogue of its own reads "1 word", "2 words" as English does.
    installOne(app, QLocale(QLocale::English), QStringLiteral("quire"), embedded);
    return false;
}

} // namespace quire::desktop::Translations
