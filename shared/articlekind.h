// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace quire::shared {

// What an article is, declared once: its wire name (the `kind` column), its
// collection (the REST path /api/v1/<collection> and the site's /<collection>/<slug>)
// and its labels. A third kind is one more row in articlekind.cpp.
enum class ArticleKind { Guide, CaseStudy };

// Every kind, in the order the site and the desktop show them.
QList<ArticleKind> articleKinds();

// "guide", "case_study": the value stored and synced in the `kind` column.
QString articleKindName(ArticleKind kind);
// nullopt for a name no kind has: callers refuse it, never guess a kind.
std::optional<ArticleKind> articleKindFromName(const QString &name);
QStringList articleKindNames();

// "guides", "case-studies": the URL segment of the REST collection and the site.
QString articleKindCollection(ArticleKind kind);
std::optional<ArticleKind> articleKindFromCollection(const QString &collection);
// "/api/v1/case-studies"
QString articleKindApiPath(ArticleKind kind);
// "/case-studies" (the listing; an article is at "/case-studies/<slug>")
QString articleKindSitePath(ArticleKind kind);

// For people using the desktop, translated: "Case study", "Case studies", "New Case Study".
QString articleKindLabel(ArticleKind kind);
QString articleKindPluralLabel(ArticleKind kind);
QString articleKindNewLabel(ArticleKind kind);
QString articleKindEmptyLabel(ArticleKind kind); // "No guides yet"
// The readers' site speaks one language (its templates are English), so it
// takes the untranslated words.
QString articleKindSiteLabel(ArticleKind kind);
QString articleKindSitePluralLabel(ArticleKind kind);

} // namespace quire::shared
