// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/articlekind.h"

#include "shared/enumnames.h"
#include "shared/tr.h"

#include <array>

namespace quire::shared {
namespace {

struct KindRow
{
    ArticleKind kind;
    const char *name;
    const char *collection;
    const char *label;
    const char *pluralLabel;
    const char *newLabel;
    const char *emptyLabel; // an empty list's heading
};

// The one declaration of the article kinds. Labels are marked for lupdate
// here and translated where the desktop asks for them.
constexpr std::array kKinds {
    KindRow { ArticleKind::Guide, "guide", "guides", QT_TRANSLATE_NOOP("Quire::Shared", "Guide"),
              QT_TRANSLATE_NOOP("Quire::Shared", "Guides"), QT_TRANSLATE_NOOP("Quire::Shared", "New Guide"),
              QT_TRANSLATE_NOOP("Quire::Shared", "No guides yet") },
    KindRow { ArticleKind::CaseStudy, "case_study", "case-studies", QT_TRANSLATE_NOOP("Quire::Shared", "Case study"),
              QT_TRANSLATE_NOOP("Quire::Shared", "Case studies"), QT_TRANSLATE_NOOP("Quire::Shared", "New Case Study"),
              QT_TRANSLATE_NOOP("Quire::Shared", "No case studies yet") },
};

template<auto Field> constexpr auto column()
{
    std::array<std::pair<ArticleKind, const char *>, kKinds.size()> entries {};
    for (std::size_t i = 0; i < kKinds.size(); ++i)
        entries[i] = { kKinds[i].kind, kKinds[i].*Field };
    return EnumNames<ArticleKind, kKinds.size()>(entries);
}

constexpr auto kNames = column<&KindRow::name>();
constexpr auto kCollections = column<&KindRow::collection>();

const KindRow &rowOf(ArticleKind kind)
{
    for (const KindRow &row : kKinds) {
        if (row.kind == kind)
            return row;
    }
    Q_UNREACHABLE(); // the enum and the table are one declaration; the test walks every kind
}

} // namespace

QList<ArticleKind> articleKinds()
{
    QList<ArticleKind> kinds;
    for (const KindRow &row : kKinds)
        kinds << row.kind;
    return kinds;
}

QString articleKindName(ArticleKind kind)
{
    return kNames.name(kind);
}

std::optional<ArticleKind> articleKindFromName(const QString &name)
{
    return kNames.fromName(name);
}

QStringList articleKindNames()
{
    return kNames.names();
}

QString articleKindCollection(ArticleKind kind)
{
    return kCollections.name(kind);
}

std::optional<ArticleKind> articleKindFromCollection(const QString &collection)
{
    return kCollections.fromName(collection);
}

QString articleKindApiPath(ArticleKind kind)
{
    return QStringLiteral("/api/v1/") + articleKindCollection(kind);
}

QString articleKindSitePath(ArticleKind kind)
{
    return QLatin1Char('/') + articleKindCollection(kind);
}

QString articleKindLabel(ArticleKind kind)
{
    return Tr::tr(rowOf(kind).label);
}

QString articleKindPluralLabel(ArticleKind kind)
{
    return Tr::tr(rowOf(kind).pluralLabel);
}

QString articleKindNewLabel(ArticleKind kind)
{
    return Tr::tr(rowOf(kind).newLabel);
}

QString articleKindEmptyLabel(ArticleKind kind)
{
    return Tr::tr(rowOf(kind).emptyLabel);
}

QString articleKindSiteLabel(ArticleKind kind)
{
    return QString::fromUtf8(rowOf(kind).label);
}

QString articleKindSitePluralLabel(ArticleKind kind)
{
    return QString::fromUtf8(rowOf(kind).pluralLabel);
}

} // namespace quire::shared
