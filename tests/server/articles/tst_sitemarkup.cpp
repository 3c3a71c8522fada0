// SPDX-License-Identifier: GPL-3.0-or-later
// The readers' pages against a real quire-server over TLS are valid HTML5 and
// accessible (WCAG 2.1 AA): every kind of page, made from content created
// through the API, passes Debian's tidy without errors or warnings and a scan
// of its tags (language, title, one h1, heading order, landmarks, skip link,
// alt text, labels, link and button text, unique ids, keyboard order); the
// stylesheet's colours have AA contrast in the light and the dark theme.
#include "tests/server/accounts/accountfixture.h"
#include "tests/server/accounts/outbox.h"
#include "tests/support/testdatabase.h"
#include "tests/support/testimages.h"

#include <QDateTime>
#include <QHash>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

#include <cmath>
#include <optional>

using quire::test::AccountFixture;
using quire::test::HttpResult;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple 42");
const QByteArray kForm = "application/x-www-form-urlencoded";

QByteArray json(const nlohmann::json &j)
{
    return QByteArray::fromStdString(j.dump());
}

// ---- A small HTML scanner: enough of the tokenizer to see every element,
// its attributes, what encloses it and the text it holds. Validity itself is
// tidy's job; this only has to read what tidy accepts.

struct Element
{
    QString name;
    QHash<QString, QString> attrs; // names in lower case, values decoded
    QStringList ancestors; // the enclosing elements' names, outermost first
    QString text; // text content, with the alt text of images in it
    int line = 0;

    bool has(const QString &attr) const { return attrs.contains(attr); }
    QString attr(const QString &attr) const { return attrs.value(attr); }
    bool inside(const QStringList &names) const
    {
        for (const QString &a : ancestors) {
            if (names.contains(a))
                return true;
        }
        return false;
    }
};

QString decodeEntities(const QString &text)
{
    static const QRegularExpression entity(QStringLiteral("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);"));
    static const QHash<QString, QString> named {
        { QStringLiteral("amp"), QStringLiteral("&") },  { QStringLiteral("lt"), QStringLiteral("<") },
        { QStringLiteral("gt"), QStringLiteral(">") },   { QStringLiteral("quot"), QStringLiteral("\"") },
        { QStringLiteral("apos"), QStringLiteral("'") }, { QStringLiteral("nbsp"), QString(QChar(0xa0)) }
    };
    QString out;
    qsizetype pos = 0;
    for (auto it = entity.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(pos, m.capturedStart() - pos);
        const QString e = m.captured(1);
        if (e.startsWith(QLatin1Char('#'))) {
            const bool hex = e.size() > 1 && (e[1] == QLatin1Char('x') || e[1] == QLatin1Char('X'));
            const char32_t c = char32_t(e.mid(hex ? 2 : 1).toUInt(nullptr, hex ? 16 : 10));
            out += QString::fromUcs4(&c, 1);
        } else {
            out += named.value(e, m.captured(0));
        }
        pos = m.capturedEnd();
    }
    return out + text.mid(pos);
}

QList<Element> parseHtml(const QString &html)
{
    static const QStringList voids { QStringLiteral("area"), QStringLiteral("base"),   QStringLiteral("br"),
                                     QStringLiteral("col"),  QStringLiteral("embed"),  QStringLiteral("hr"),
                                     QStringLiteral("img"),  QStringLiteral("input"),  QStringLiteral("link"),
                                     QStringLiteral("meta"), QStringLiteral("source"), QStringLiteral("track"),
                                     QStringLiteral("wbr") };
    static const QStringList rawText { QStringLiteral("script"), QStringLiteral("style"), QStringLiteral("title"),
                                       QStringLiteral("textarea") };
    QList<Element> elements;
    QList<qsizetype> open; // indexes into elements
    const auto lineAt = [&html](qsizetype pos) { return int(html.left(pos).count(QLatin1Char('\n'))) + 1; };
    const auto addText = [&elements, &open](const QString &text) {
        for (const qsizetype i : std::as_const(open))
            elements[i].text += text;
    };
    qsizetype pos = 0;
    while (pos < html.size()) {
        const qsizetype lt = html.indexOf(QLatin1Char('<'), pos);
        if (lt < 0) {
            addText(decodeEntities(html.mid(pos)));
            break;
        }
        if (lt > pos)
            addText(decodeEntities(html.mid(pos, lt - pos)));
        if (html.mid(lt, 4) == QLatin1String("<!--")) {
            const qsizetype end = html.indexOf(QLatin1String("-->"), lt + 4);
            pos = end < 0 ? html.size() : end + 3;
            continue;
        }
        if (html.mid(lt, 2) == QLatin1String("<!")) {
            const qsizetype end = html.indexOf(QLatin1Char('>'), lt);
            pos = end < 0 ? html.size() : end + 1;
            continue;
        }
        const bool closing = html.mid(lt, 2) == QLatin1String("</");
        qsizetype p = lt + (closing ? 2 : 1);
        qsizetype nameEnd = p;
        while (nameEnd < html.size() && (html[nameEnd].isLetterOrNumber() || html[nameEnd] == QLatin1Char('-')))
            ++nameEnd;
        const QString name = html.mid(p, nameEnd - p).toLower();
        if (name.isEmpty()) { // a lone "<" in text
            addText(QStringLiteral("<"));
            pos = lt + 1;
            continue;
        }
        p = nameEnd;
        if (closing) {
            const qsizetype end = html.indexOf(QLatin1Char('>'), p);
            pos = end < 0 ? html.size() : end + 1;
            for (qsizetype i = open.size() - 1; i >= 0; --i) {
                if (elements[open[i]].name == name) {
                    open.resize(i);
                    break;
                }
            }
            continue;
        }
        Element e;
        e.name = name;
        e.line = lineAt(lt);
        for (const qsizetype i : std::as_const(open))
            e.ancestors << elements[i].name;
        // Attributes: name, name=value, name="value", name='value'.
        while (p < html.size()) {
            while (p < html.size() && html[p].isSpace())
                ++p;
            if (p >= html.size() || html[p] == QLatin1Char('>'))
                break;
            if (html[p] == QLatin1Char('/')) {
                ++p;
                continue;
            }
            const qsizetype attrStart = p;
            while (p < html.size() && !html[p].isSpace() && html[p] != QLatin1Char('=') && html[p] != QLatin1Char('>')
                   && html[p] != QLatin1Char('/'))
                ++p;
            const QString attrName = html.mid(attrStart, p - attrStart).toLower();
            while (p < html.size() && html[p].isSpace())
                ++p;
            QString value;
            if (p < html.size() && html[p] == QLatin1Char('=')) {
                ++p;
                while (p < html.size() && html[p].isSpace())
                    ++p;
                if (p < html.size() && (html[p] == QLatin1Char('"') || html[p] == QLatin1Char('\''))) {
                    const QChar quote = html[p];
                    const qsizetype end = html.indexOf(quote, p + 1);
                    value = html.mid(p + 1, (end < 0 ? html.size() : end) - p - 1);
                    p = end < 0 ? html.size() : end + 1;
                } else {
                    const qsizetype valueStart = p;
                    while (p < html.size() && !html[p].isSpace() && html[p] != QLatin1Char('>'))
                        ++p;
                    value = html.mid(valueStart, p - valueStart);
                }
            }
            e.attrs.insert(attrName, decodeEntities(value));
        }
        pos = p + 1;
        if (name == QLatin1String("img"))
            addText(e.attr(QStringLiteral("alt")));
        elements.append(e);
        if (rawText.contains(name)) {
            const qsizetype end = html.indexOf(QStringLiteral("</") + name, pos, Qt::CaseInsensitive);
            elements.last().text = decodeEntities(html.mid(pos, (end < 0 ? html.size() : end) - pos));
            pos = end < 0 ? html.size() : html.indexOf(QLatin1Char('>'), end) + 1;
            if (pos == 0)
                pos = html.size();
        } else if (!voids.contains(name)) {
            open.append(elements.size() - 1);
        }
    }
    return elements;
}

// What keeps a page from being readable by everyone: WCAG 2.1 AA as far as
// the markup shows it. One line per problem, with its line number.
QStringList accessibilityProblems(const QByteArray &body)
{
    const QList<Element> elements = parseHtml(QString::fromUtf8(body));
    QStringList problems;
    const auto problem = [&problems](const Element &e, const QString &what) {
        problems << QStringLiteral("line %1 <%2>: %3").arg(e.line).arg(e.name, what);
    };

    // Ids are unique, so that labels, skip links and ARIA references find their element.
    QHash<QString, const Element *> ids;
    QSet<QString> labelled; // ids named by <label for>
    for (const Element &e : elements) {
        if (e.has(QStringLiteral("id"))) {
            const QString id = e.attr(QStringLiteral("id"));
            if (id.isEmpty())
                problem(e, QStringLiteral("empty id"));
            else if (ids.contains(id))
                problem(e, QStringLiteral("id \"%1\" is used twice").arg(id));
            else
                ids.insert(id, &e);
        }
        if (e.name == QLatin1String("label") && !e.attr(QStringLiteral("for")).isEmpty())
            labelled.insert(e.attr(QStringLiteral("for")));
    }
    const auto referencesExist = [&ids](const QString &list) {
        const QStringList refs = list.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &r : refs) {
            if (!ids.contains(r))
                return false;
        }
        return !refs.isEmpty();
    };
    const auto hasAccessibleName = [&referencesExist](const Element &e) {
        return !e.text.simplified().isEmpty() || !e.attr(QStringLiteral("aria-label")).simplified().isEmpty()
            || referencesExist(e.attr(QStringLiteral("aria-labelledby")));
    };

    const QStringList sectioning { QStringLiteral("article"), QStringLiteral("aside"), QStringLiteral("main"),
                                   QStringLiteral("nav"), QStringLiteral("section") };
    int titles = 0;
    int h1s = 0;
    int lastLevel = 0;
    int banners = 0;
    int mains = 0;
    int footers = 0;
    QList<const Element *> navigations;
    const Element *firstLink = nullptr;
    bool sawHtml = false;
    for (const Element &e : elements) {
        const QString role = e.attr(QStringLiteral("role"));
        if (e.name == QLatin1String("html")) {
            sawHtml = true;
            if (e.attr(QStringLiteral("lang")).trimmed().isEmpty())
                problem(e, QStringLiteral("no lang"));
        } else if (e.name == QLatin1String("title")) {
            ++titles;
            if (e.text.simplified().isEmpty())
                problem(e, QStringLiteral("empty title"));
        } else if (e.name.size() == 2 && e.name[0] == QLatin1Char('h') && e.name[1] >= QLatin1Char('1')
                   && e.name[1] <= QLatin1Char('6')) {
            const int level = e.name[1].digitValue();
            if (level == 1)
                ++h1s;
            if (lastLevel == 0 && level != 1)
                problem(e, QStringLiteral("the first heading is no h1"));
            else if (lastLevel > 0 && level > lastLevel + 1)
                problem(e, QStringLiteral("skips from h%1 to h%2").arg(lastLevel).arg(level));
            if (e.text.simplified().isEmpty())
                problem(e, QStringLiteral("empty heading"));
            lastLevel = level;
        } else if (e.name == QLatin1String("img")) {
            if (!e.has(QStringLiteral("alt")))
                problem(e, QStringLiteral("no alt attribute"));
        } else if (e.name == QLatin1String("a")) {
            if (!firstLink)
                firstLink = &e;
            // Without href a link is not reachable by keyboard.
            if (!e.has(QStringLiteral("href")))
                problem(e, QStringLiteral("no href"));
            if (!hasAccessibleName(e))
                problem(e, QStringLiteral("link without text or aria-label"));
        } else if (e.name == QLatin1String("button")) {
            if (!hasAccessibleName(e))
                problem(e, QStringLiteral("button without text or aria-label"));
        } else if (e.name == QLatin1String("input") || e.name == QLatin1String("select")
                   || e.name == QLatin1String("textarea")) {
            const QString type = e.attr(QStringLiteral("type")).toLower();
            const bool named = type == QLatin1String("hidden") || type == QLatin1String("submit")
                || type == QLatin1String("reset") || type == QLatin1String("button");
            if (!named && !labelled.contains(e.attr(QStringLiteral("id")))
                && e.attr(QStringLiteral("aria-label")).simplified().isEmpty()
                && !referencesExist(e.attr(QStringLiteral("aria-labelledby"))))
                problem(e, QStringLiteral("form control without <label for> or aria-label"));
        } else if (e.name == QLatin1String("time")) {
            // Tidy 5.6 does not read dates; HTML5 wants a valid one when the attribute is there.
            if (e.has(QStringLiteral("datetime")) && e.attr(QStringLiteral("datetime")).trimmed().isEmpty())
                problem(e, QStringLiteral("empty datetime"));
        }
        // Landmarks: <header>/<footer> are banner/contentinfo only outside sectioning elements.
        if (role == QLatin1String("banner") || (e.name == QLatin1String("header") && !e.inside(sectioning)))
            ++banners;
        if (role == QLatin1String("contentinfo") || (e.name == QLatin1String("footer") && !e.inside(sectioning)))
            ++footers;
        if (role == QLatin1String("main") || e.name == QLatin1String("main"))
            ++mains;
        if (role == QLatin1String("navigation") || e.name == QLatin1String("nav"))
            navigations << &e;
        // Keyboard order follows the page; positive tabindex breaks it.
        if (e.attr(QStringLiteral("tabindex")).toInt() > 0)
            problem(e, QStringLiteral("positive tabindex"));
    }
    if (!sawHtml)
        problems << QStringLiteral("no <html> element");
    if (titles != 1)
        problems << QStringLiteral("%1 <title> elements, not one").arg(titles);
    if (h1s != 1)
        problems << QStringLiteral("%1 <h1> elements, not one").arg(h1s);
    if (banners != 1)
        problems << QStringLiteral("%1 banner landmarks, not one").arg(banners);
    if (mains != 1)
        problems << QStringLiteral("%1 main landmarks, not one").arg(mains);
    if (footers != 1)
        problems << QStringLiteral("%1 contentinfo landmarks, not one").arg(footers);
    // The site's navigation once; any further navigation landmark (pages,
    // topics) must be told apart by its own label.
    if (navigations.isEmpty())
        problems << QStringLiteral("no navigation landmark");
    if (navigations.size() > 1) {
        QSet<QString> labels;
        for (const Element *n : std::as_const(navigations)) {
            const QString label = n->attr(QStringLiteral("aria-label")).simplified();
            if (label.isEmpty())
                problem(*n, QStringLiteral("one of several navigation landmarks without aria-label"));
            else if (labels.contains(label))
                problem(*n, QStringLiteral("navigation label \"%1\" used twice").arg(label));
            labels.insert(label);
        }
    }
    // The first thing a keyboard reaches skips to the content.
    const QString skip = firstLink ? firstLink->attr(QStringLiteral("href")) : QString();
    if (!skip.startsWith(QLatin1Char('#')) || !ids.contains(skip.mid(1)))
        problems << QStringLiteral("the first link (%1) is no skip link to an existing id").arg(skip);
    else if (ids.value(skip.mid(1))->name != QLatin1String("main"))
        problems << QStringLiteral("the skip link goes to <%1>, not <main>").arg(ids.value(skip.mid(1))->name);
    return problems;
}

// Messages of tidy 5.6 that are wrong about valid HTML5. Each one exact, with why.
const QStringList kTidyFalsePositives {
    // `loading` is a standard attribute of <img> (HTML Living Standard, 2020);
    // tidy 5.6 predates it (5.7.28 knows it).
    QStringLiteral("Warning: <img> proprietary attribute \"loading\""),
};

// Tidy's errors and warnings about `html`, without the known false positives;
// `error` is set when tidy cannot run.
QStringList tidyFindings(const QByteArray &html, QString *error)
{
    QProcess tidy;
    tidy.setProcessChannelMode(QProcess::MergedChannels);
    tidy.start(QStringLiteral("tidy"),
               { QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-utf8"), QStringLiteral("--doctype"),
                 QStringLiteral("html5"), QStringLiteral("--show-warnings"), QStringLiteral("yes"),
                 QStringLiteral("--show-errors"), QStringLiteral("1000") });
    if (!tidy.waitForStarted(10000)) {
        *error = QStringLiteral("tidy does not run (%1): install Debian's package tidy "
                                "(scripts/debian-packages.txt)")
                     .arg(tidy.errorString());
        return {};
    }
    tidy.write(html);
    tidy.closeWriteChannel();
    if (!tidy.waitForFinished(30000) || tidy.exitStatus() != QProcess::NormalExit) {
        *error = QStringLiteral("tidy did not finish");
        return {};
    }
    static const QRegularExpression position(QStringLiteral("^line \\d+ column \\d+ - "));
    QStringList findings;
    const QStringList lines = QString::fromUtf8(tidy.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (!kTidyFalsePositives.contains(QString(line).remove(position)))
            findings << line;
    }
    // 0: clean, 1: warnings, 2: errors; errors must have said something.
    if (tidy.exitCode() == 2 && findings.isEmpty())
        findings << QStringLiteral("tidy reported errors without a message");
    return findings;
}

// ---- Colours of the stylesheet.

struct Rgb
{
    int r = 0, g = 0, b = 0;
    QString name() const
    {
        return QStringLiteral("#%1%2%3")
            .arg(r, 2, 16, QLatin1Char('0'))
            .arg(g, 2, 16, QLatin1Char('0'))
            .arg(b, 2, 16, QLatin1Char('0'));
    }
};

std::optional<Rgb> parseColour(const QString &token)
{
    const QString t = token.trimmed().toLower();
    static const QRegularExpression hex(QStringLiteral("^#([0-9a-f]{3}|[0-9a-f]{6})$"));
    if (const QRegularExpressionMatch m = hex.match(t); m.hasMatch()) {
        QString digits = m.captured(1);
        if (digits.size() == 3)
            digits = QString(digits[0]) + digits[0] + digits[1] + digits[1] + digits[2] + digits[2];
        return Rgb { digits.mid(0, 2).toInt(nullptr, 16), digits.mid(2, 2).toInt(nullptr, 16),
                     digits.mid(4, 2).toInt(nullptr, 16) };
    }
    static const QRegularExpression rgb(QStringLiteral("^rgb\\(\\s*(\\d+)[\\s,]+(\\d+)[\\s,]+(\\d+)\\s*\\)$"));
    if (const QRegularExpressionMatch m = rgb.match(t); m.hasMatch())
        return Rgb { m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt() };
    if (t == QLatin1String("white"))
        return Rgb { 255, 255, 255 };
    if (t == QLatin1String("black"))
        return Rgb { 0, 0, 0 };
    return std::nullopt;
}

double luminance(const Rgb &c)
{
    const auto channel = [](int v) {
        const double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

// WCAG 2.1's contrast ratio, 1 to 21.
double contrast(const Rgb &a, const Rgb &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct CssRule
{
    QString selector;
    QList<QPair<QString, QString>> declarations;
};

// The rules of `css` (comments removed) at its top level; those inside
// `@media (prefers-color-scheme: dark)` go to `dark`, other at-rules are left out.
QList<CssRule> parseCss(const QString &css, QList<CssRule> *dark)
{
    QList<CssRule> rules;
    qsizetype pos = 0;
    while (true) {
        const qsizetype open = css.indexOf(QLatin1Char('{'), pos);
        if (open < 0)
            break;
        const QString prelude = css.mid(pos, open - pos).simplified();
        if (prelude.startsWith(QLatin1Char('@'))) {
            int depth = 1;
            qsizetype end = open + 1;
            for (; end < css.size() && depth > 0; ++end) {
                if (css[end] == QLatin1Char('{'))
                    ++depth;
                else if (css[end] == QLatin1Char('}'))
                    --depth;
            }
            const QString inner = css.mid(open + 1, end - open - 2);
            if (dark && QString(prelude).remove(QLatin1Char(' ')).contains(QLatin1String("prefers-color-scheme:dark")))
                dark->append(parseCss(inner, nullptr));
            pos = end;
            continue;
        }
        const qsizetype close = css.indexOf(QLatin1Char('}'), open);
        if (close < 0)
            break;
        CssRule rule { prelude, {} };
        const QStringList declarations = css.mid(open + 1, close - open - 1).split(QLatin1Char(';'));
        for (const QString &d : declarations) {
            const qsizetype colon = d.indexOf(QLatin1Char(':'));
            if (colon > 0)
                rule.declarations.append({ d.left(colon).trimmed().toLower(), d.mid(colon + 1).simplified() });
        }
        rules.append(rule);
        pos = close + 1;
    }
    return rules;
}

// One theme: its custom properties and each selector's declarations, later ones winning.
struct Theme
{
    QString name;
    QHash<QString, QString> vars;
    QList<QString> selectors; // in order of appearance
    QHash<QString, QHash<QString, QString>> rules;

    void add(const QList<CssRule> &list)
    {
        for (const CssRule &r : list) {
            if (!rules.contains(r.selector))
                selectors << r.selector;
            for (const auto &[property, value] : r.declarations) {
                if (property.startsWith(QLatin1String("--")) && r.selector == QLatin1String(":root"))
                    vars.insert(property, value);
                rules[r.selector].insert(property, value);
            }
        }
    }

    QString resolve(QString value) const
    {
        static const QRegularExpression var(QStringLiteral("var\\(\\s*(--[\\w-]+)\\s*(?:,\\s*([^)]*))?\\)"));
        for (int i = 0; i < 8; ++i) {
            const QRegularExpressionMatch m = var.match(value);
            if (!m.hasMatch())
                break;
            value.replace(m.capturedStart(), m.capturedLength(), vars.value(m.captured(1), m.captured(2)));
        }
        return value;
    }

    // The first colour in a declaration's value (shorthands included).
    std::optional<Rgb> colourIn(const QString &value) const
    {
        static const QRegularExpression token(QStringLiteral("rgb\\([^)]*\\)|[^\\s]+"));
        const QString resolved = resolve(value);
        for (auto it = token.globalMatch(resolved); it.hasNext();) {
            if (const std::optional<Rgb> c = parseColour(it.next().captured(0)))
                return c;
        }
        return std::nullopt;
    }

    std::optional<Rgb> property(const QString &selector, const QStringList &names) const
    {
        for (const QString &n : names) {
            const QHash<QString, QString> declarations = rules.value(selector);
            if (declarations.contains(n))
                return colourIn(declarations.value(n));
        }
        return std::nullopt;
    }
};

} // namespace

class TestSiteMarkup : public QObject
{
    Q_OBJECT
private:
    struct Page
    {
        QString name;
        QString path;
        int status = 0;
        QByteArray body;
    };

    AccountFixture m_fx;
    QByteArray m_admin;
    QList<Page> m_pages;
    QList<Theme> m_themes;

    QString create(const QString &collection, const nlohmann::json &fields, bool publish)
    {
        HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/") + collection, m_admin, json(fields));
        if (r.status != 201) {
            qWarning("create: %d %s", r.status, r.body.constData());
            return {};
        }
        const QString id = QString::fromStdString(r.json()["id"].get<std::string>());
        if (publish) {
            r = m_fx.call("POST", QStringLiteral("/api/v1/%1/%2/publish").arg(collection, id), m_admin);
            if (r.status != 200) {
                qWarning("publish: %d %s", r.status, r.body.constData());
                return {};
            }
        }
        return id;
    }

    HttpResult postForm(const QString &path, const QByteArray &body, const QByteArray &cookie = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers { { "Content-Type", kForm } };
        if (!cookie.isEmpty())
            headers.append({ "Cookie", cookie });
        return m_fx.http().request("POST", path, body, headers);
    }

    // Fetches a page, checks its status and keeps it for the checks below.
    bool fetch(const QString &name, const QString &path, int status, const QByteArray &cookie = {})
    {
        // As a browser asks.
        QList<QPair<QByteArray, QByteArray>> headers { { "Accept", "text/html,*/*;q=0.8" } };
        if (!cookie.isEmpty())
            headers.append({ "Cookie", cookie });
        const HttpResult r = m_fx.http().request("GET", path, {}, headers);
        return keep(name, path, status, r);
    }

    bool keep(const QString &name, const QString &path, int status, const HttpResult &r)
    {
        if (r.status != status || !r.header("Content-Type").startsWith("text/html")) {
            qWarning("%s: %d %s, not %d HTML", qPrintable(path), r.status, r.header("Content-Type").constData(),
                     status);
            return false;
        }
        m_pages.append({ name, path, r.status, r.body });
        return true;
    }

    // A preview link for `id` that expired a minute ago, signed with the server's secret.
    QString expiredPreviewPath(const QString &id)
    {
        QByteArray key;
        if (auto db = quire::test::TestDatabase::open(m_fx.server())) {
            auto secret = (*db)->scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'preview_secret'"));
            if (secret)
                key = QByteArray::fromHex(secret->toString().toLatin1());
        }
        const QByteArray payload = id.toLatin1() + '.' + QByteArray::number(QDateTime::currentSecsSinceEpoch() - 60);
        const QByteArray sig = QMessageAuthenticationCode::hash(payload, key, QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        return QStringLiteral("/preview/") + QString::fromLatin1(payload + '.' + sig);
    }

private Q_SLOTS:
    void initTestCase()
    {
        quire::test::ServerProcess::Options options;
        options.extraArgs = { QStringLiteral("--registration"), QStringLiteral("open") };
        QVERIFY(m_fx.start(options));
        QVERIFY(m_fx.createUser(QStringLiteral("admin@example.org"), QStringLiteral("admin"), kPassword));
        QVERIFY(m_fx.createUser(QStringLiteral("reader@example.org"), QStringLiteral("reader"), kPassword));
        m_admin = m_fx.token(QStringLiteral("admin@example.org"), kPassword);
        QVERIFY(!m_admin.isEmpty());

        // A cover and an illustration, uploaded as the desktop does.
        HttpResult r
            = m_fx.http().request("POST", QStringLiteral("/api/v1/media"), quire::test::TestImages::png(40, 20),
                                  { { "Content-Type", "image/png" }, { "Authorization", "Bearer " + m_admin } });
        QCOMPARE(r.status, 201);
        const std::string image = r.json()["url"];

        r = m_fx.call(
            "POST", QStringLiteral("/api/v1/categories"), m_admin,
            json({ { "name", "Brewing" }, { "slug", "brewing" }, { "description", "Ways to make coffee." } }));
        QCOMPARE(r.status, 201);
        const std::string parent = r.json()["id"];
        r = m_fx.call("POST", QStringLiteral("/api/v1/categories"), m_admin,
                      json({ { "name", "Filter & pour-over" }, { "slug", "filter" }, { "parent_id", parent } }));
        QCOMPARE(r.status, 201);
        const std::string category = r.json()["id"];

        // Every Markdown construct the editor offers, headings from h1 down.
        const std::string body = "Start with *emphasis*, **strong**, ~~struck~~ and `inline code`, a "
                                 "[link to the guides](/guides \"All guides\") and https://example.org.\n\n"
                                 "# Kit\n\n"
                                 "## Before you start\n\n"
                                 "- a kettle\n- a scale\n  - accurate to a gram\n\n"
                                 "3. Rinse the filter\n4. Bloom\n\n"
                                 "- [x] Beans bought\n- [ ] Water heated\n\n"
                                 "| Step | Seconds |\n|:-----|--------:|\n| Bloom | 30 |\n| Pour | 90 |\n\n"
                                 "```cpp\nint ratio = 16; // 1 < 2\n```\n\n"
                                 "> Good coffee takes time.\n>\n> - a barista\n\n"
                                 "![A paper filter in a ceramic dripper on a scale]("
            + image
            + " \"The dripper\")\n\n"
              "[![Guides]("
            + image
            + ")](/guides)\n\n"
              "#### Grind size\n\nMedium-fine.\n\n"
              "---\n\n"
              "Espresso-free text after a rule,  \nwith a hard break.\n";
        const QString guide = create(QStringLiteral("guides"),
                                     { { "title", "Pour-over at home" },
                                       { "slug", "pour-over" },
                                       { "summary", "Good coffee, slowly." },
                                       { "body", body },
                                       { "categories", { category } },
                                       { "tags", { "Coffee", "C++" } },
                                       { "cover", image } },
                                     true);
        QVERIFY(!guide.isEmpty());
        QVERIFY(!create(QStringLiteral("case-studies"),
                        { { "title", "A café that roasts" },
                          { "slug", "cafe-roasts" },
                          { "summary", "How a small café moved to its own beans." },
                          { "body", "## The problem\n\nStale beans.\n\n## The answer\n\nA roaster.\n" },
                          { "categories", { category } },
                          { "tags", { "coffee" } },
                          { "cover", image } },
                        true)
                     .isEmpty());
        // Enough case studies for a second page.
        for (int i = 0; i < 20; ++i) {
            QVERIFY(!create(QStringLiteral("case-studies"),
                            { { "title", QStringLiteral("Case %1").arg(i).toStdString() },
                              { "slug", QStringLiteral("case-%1").arg(i).toStdString() },
                              { "summary", "A short one." } },
                            true)
                         .isEmpty());
        }
        // Withdrawn after it was published: 410.
        const QString withdrawn
            = create(QStringLiteral("guides"), { { "title", "Old news" }, { "slug", "old-news" } }, true);
        QVERIFY(!withdrawn.isEmpty());
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/unpublish").arg(withdrawn), m_admin).status, 200);
        // A draft without summary or author line, shown through a signed link.
        const QString draft = create(
            QStringLiteral("guides"),
            { { "title", "Cold brew, soon" }, { "slug", "cold-brew" }, { "body", "## Steep\n\nTwelve hours.\n" } },
            false);
        QVERIFY(!draft.isEmpty());
        r = m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/preview-link").arg(draft), m_admin,
                      json({ { "hours", 2 } }));
        QCOMPARE(r.status, 201);
        const QString preview = QUrl(QString::fromStdString(r.json()["url"])).path();

        // A reader signs in with the form and saves the guide.
        r = postForm(QStringLiteral("/session"), "email=reader%40example.org&password=correct+horse+battery+staple+42");
        QCOMPARE(r.status, 303);
        const QByteArray cookie = r.header("Set-Cookie").split(';').first();
        QVERIFY(fetch(QStringLiteral("article, signed in"), QStringLiteral("/guides/pour-over"), 200, cookie));
        const QByteArray page = m_pages.last().body;
        const int at = int(page.indexOf("name=\"csrf_token\" value=\"")) + 25;
        const QByteArray csrf = page.mid(at, page.indexOf('"', at) - at);
        QVERIFY(csrf.startsWith("qc_"));
        QCOMPARE(postForm(QStringLiteral("/saved/") + guide, "action=save&csrf_token=" + csrf, cookie).status, 303);

        QVERIFY(fetch(QStringLiteral("home"), QStringLiteral("/"), 200));
        QVERIFY(fetch(QStringLiteral("guides"), QStringLiteral("/guides"), 200));
        QVERIFY(fetch(QStringLiteral("case studies"), QStringLiteral("/case-studies"), 200));
        QVERIFY(fetch(QStringLiteral("case studies, page 2"), QStringLiteral("/case-studies?page=2"), 200));
        QVERIFY(fetch(QStringLiteral("guide"), QStringLiteral("/guides/pour-over"), 200));
        QVERIFY(fetch(QStringLiteral("case study"), QStringLiteral("/case-studies/cafe-roasts"), 200));
        QVERIFY(fetch(QStringLiteral("category"), QStringLiteral("/categories/filter"), 200));
        QVERIFY(fetch(QStringLiteral("parent category"), QStringLiteral("/categories/brewing"), 200));
        QVERIFY(fetch(QStringLiteral("tag"), QStringLiteral("/tags/c%2B%2B"), 200));
        QVERIFY(fetch(QStringLiteral("search form"), QStringLiteral("/search"), 200));
        QVERIFY(fetch(QStringLiteral("search, found"), QStringLiteral("/search?q=dripper"), 200));
        QVERIFY(m_pages.last().body.contains("href=\"/guides/pour-over\""));
        QVERIFY(fetch(QStringLiteral("search, nothing"), QStringLiteral("/search?q=zebra"), 200));
        QVERIFY(m_pages.last().body.contains("Nothing found."));
        QVERIFY(fetch(QStringLiteral("not found"), QStringLiteral("/guides/nothing-here"), 404));
        QVERIFY(fetch(QStringLiteral("not found, unknown address"), QStringLiteral("/no/such/page"), 404));
        QVERIFY(fetch(QStringLiteral("withdrawn"), QStringLiteral("/guides/old-news"), 410));
        QVERIFY(fetch(QStringLiteral("sign in"), QStringLiteral("/sign-in?next=%2Fsaved"), 200));
        QVERIFY(fetch(QStringLiteral("sign in, failed"), QStringLiteral("/sign-in?failed=1"), 401));
        QVERIFY(fetch(QStringLiteral("register"), QStringLiteral("/register"), 200));
        QVERIFY(keep(QStringLiteral("register, refused"), QStringLiteral("/register"), 400,
                     postForm(QStringLiteral("/register"), "name=Ann&email=ann%40example.org&password=short")));
        QVERIFY(fetch(QStringLiteral("saved"), QStringLiteral("/saved"), 200, cookie));
        QVERIFY(m_pages.last().body.contains("href=\"/guides/pour-over\""));
        QVERIFY(fetch(QStringLiteral("draft preview"), preview, 200));
        QVERIFY(fetch(QStringLiteral("preview, bad link"), QStringLiteral("/preview/garbage"), 404));
        QVERIFY(fetch(QStringLiteral("preview, expired"), expiredPreviewPath(draft), 410));

        // The pages behind mailed links, with their forms, errors and outcomes.
        namespace Outbox = quire::test::Outbox;
        const QString outbox = m_fx.server().dataDir() + QStringLiteral("/outbox");
        QVERIFY(fetch(QStringLiteral("forgot password"), QStringLiteral("/forgot-password"), 200));
        QVERIFY(keep(QStringLiteral("forgot password, refused"), QStringLiteral("/forgot-password"), 400,
                     postForm(QStringLiteral("/forgot-password"), "email=")));
        int mails = Outbox::count(outbox);
        QVERIFY(keep(QStringLiteral("forgot password, sent"), QStringLiteral("/forgot-password"), 200,
                     postForm(QStringLiteral("/forgot-password"), "email=reader%40example.org")));
        std::optional<Outbox::Mail> mail
            = Outbox::waitForMailTo(outbox, mails + 1, QStringLiteral("reader@example.org"));
        QVERIFY(mail);
        const QString resetLink = Outbox::linkIn(mail->text);
        QVERIFY(fetch(QStringLiteral("reset password"), resetLink, 200));
        r = m_fx.http().get(resetLink);
        const QByteArray formCookie = r.header("Set-Cookie").split(';').first();
        const auto hidden = [](const QByteArray &page, const QByteArray &name) {
            const QByteArray marker = "name=\"" + name + "\" value=\"";
            const qsizetype at = page.indexOf(marker) + marker.size();
            return page.mid(at, page.indexOf('"', at) - at);
        };
        const QByteArray resetForm = "token=" + hidden(r.body, "token") + "&csrf_token=" + hidden(r.body, "csrf_token");
        QVERIFY(keep(QStringLiteral("reset password, weak"), resetLink, 400,
                     postForm(QStringLiteral("/reset-password"), resetForm + "&password=short&password_confirm=other",
                              formCookie)));
        QVERIFY(keep(QStringLiteral("reset password, not from here"), resetLink, 403,
                     postForm(QStringLiteral("/reset-password"), resetForm + "&password=x&password_confirm=x")));
        QVERIFY(keep(QStringLiteral("reset password, done"), resetLink, 200,
                     postForm(QStringLiteral("/reset-password"),
                              resetForm
                                  + "&password=correct+horse+battery+staple+42"
                                    "&password_confirm=correct+horse+battery+staple+42",
                              formCookie)));
        QVERIFY(fetch(QStringLiteral("reset password, used"), resetLink, 410));
        QVERIFY(fetch(QStringLiteral("mailed link, unknown"), QStringLiteral("/verify-email?token=qt_nothing"), 404));
        mails = Outbox::count(outbox);
        r = m_fx.http().postJson(
            QStringLiteral("/api/v1/auth/register"),
            json({ { "email", "new@example.org" }, { "password", kPassword.toStdString() }, { "name", "New" } }));
        QCOMPARE(r.status, 201);
        mail = Outbox::waitForMailTo(outbox, mails + 1, QStringLiteral("new@example.org"));
        QVERIFY(mail);
        const QString verifyLink = Outbox::linkIn(mail->text);
        QVERIFY(fetch(QStringLiteral("verify address"), verifyLink, 200));
        r = m_fx.http().get(verifyLink);
        QVERIFY(keep(QStringLiteral("verify address, done"), verifyLink, 200,
                     postForm(QStringLiteral("/verify-email"),
                              "token=" + hidden(r.body, "token") + "&csrf_token=" + hidden(r.body, "csrf_token"),
                              r.header("Set-Cookie").split(';').first())));
        mails = Outbox::count(outbox);
        r = m_fx.call("PUT", QStringLiteral("/api/v1/users/me/email"),
                      m_fx.token(QStringLiteral("new@example.org"), kPassword),
                      json({ { "password", kPassword.toStdString() }, { "new_email", "newer@example.org" } }));
        QCOMPARE(r.status, 202);
        mail = Outbox::waitForMailTo(outbox, mails + 1, QStringLiteral("newer@example.org"));
        QVERIFY(mail);
        QVERIFY(fetch(QStringLiteral("confirm new address"), Outbox::linkIn(mail->text), 200));

        // The stylesheet as the pages load it.
        r = m_fx.http().get(QStringLiteral("/assets/site.css"));
        QCOMPARE(r.status, 200);
        QList<CssRule> dark;
        const QString css = QString::fromUtf8(r.body).remove(
            QRegularExpression(QStringLiteral("/\\*.*?\\*/"), QRegularExpression::DotMatchesEverythingOption));
        const QList<CssRule> light = parseCss(css, &dark);
        QVERIFY(!light.isEmpty());
        QVERIFY2(!dark.isEmpty(), "no @media (prefers-color-scheme: dark) block");
        Theme lightTheme { QStringLiteral("light"), {}, {}, {} };
        lightTheme.add(light);
        Theme darkTheme = lightTheme;
        darkTheme.name = QStringLiteral("dark");
        darkTheme.add(dark);
        m_themes = { lightTheme, darkTheme };
    }

    void tidyFindsNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        for (const Page &p : std::as_const(m_pages))
            QTest::newRow(qPrintable(p.name)) << p.body;
    }
    void tidyFindsNothing()
    {
        QFETCH(QByteArray, body);
        QString error;
        const QStringList findings = tidyFindings(body, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(findings.isEmpty(), qPrintable(QStringLiteral("tidy:\n") + findings.join(QLatin1Char('\n'))));
    }

    void accessibleStructure_data()
    {
        QTest::addColumn<QByteArray>("body");
        for (const Page &p : std::as_const(m_pages))
            QTest::newRow(qPrintable(p.name)) << p.body;
    }
    void accessibleStructure()
    {
        QFETCH(QByteArray, body);
        const QStringList problems = accessibilityProblems(body);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // The checker itself finds what it is there to find.
    void theCheckerSeesProblems_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("problem");
        const QByteArray top = "<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body>"
                               "<a href=\"#main\">Skip</a><header><nav><a href=\"/\">Home</a></nav></header>"
                               "<main id=\"main\"><h1>T</h1>";
        const QByteArray end = "</main><footer><p>F</p></footer></body></html>";
        QTest::newRow("clean") << top + end << QString();
        QTest::newRow("no lang") << QByteArray(top).replace(" lang=\"en\"", "") + end << QStringLiteral("no lang");
        QTest::newRow("skipped level") << top + "<h3>x</h3>" + end << QStringLiteral("skips from h1 to h3");
        QTest::newRow("two h1") << top + "<h1>x</h1>" + end << QStringLiteral("2 <h1> elements");
        QTest::newRow("no alt") << top + "<img src=\"/a.png\">" + end << QStringLiteral("no alt attribute");
        QTest::newRow("no label") << top + "<input id=\"q\" name=\"q\">" + end << QStringLiteral("without <label");
        QTest::newRow("empty link") << top + "<a href=\"/x\"> </a>" + end << QStringLiteral("link without text");
        QTest::newRow("image link") << top + "<a href=\"/x\"><img src=\"/a.png\" alt=\"\"></a>" + end
                                    << QStringLiteral("link without text");
        QTest::newRow("same id") << top + "<p id=\"main\">x</p>" + end << QStringLiteral("used twice");
        QTest::newRow("no footer") << QByteArray(top + end).replace("<footer><p>F</p></footer>", "")
                                   << QStringLiteral("0 contentinfo");
        QTest::newRow("footer in article") << top + "<article><footer>x</footer></article>" + end << QString();
        QTest::newRow("unlabelled navs") << top + "<nav><a href=\"/2\">2</a></nav>" + end
                                         << QStringLiteral("without aria-label");
        QTest::newRow("no skip link") << QByteArray(top).replace("<a href=\"#main\">Skip</a>", "") + end
                                      << QStringLiteral("no skip link");
        QTest::newRow("empty title") << QByteArray(top).replace("<title>T</title>", "<title> </title>") + end
                                     << QStringLiteral("empty title");
        QTest::newRow("tabindex") << top + "<p tabindex=\"2\">x</p>" + end << QStringLiteral("positive tabindex");
    }
    void theCheckerSeesProblems()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, problem);
        const QString found = accessibilityProblems(body).join(QLatin1Char('\n'));
        if (problem.isEmpty())
            QVERIFY2(found.isEmpty(), qPrintable(found));
        else
            QVERIFY2(found.contains(problem), qPrintable(found));
    }

    // Text 4.5:1 against its background; focus outlines 3:1 (non-text contrast).
    void colourContrast_data()
    {
        QTest::addColumn<QString>("foreground");
        QTest::addColumn<QString>("background");
        QTest::addColumn<double>("minimum");
        const auto row = [](const Theme &t, const QString &what, const std::optional<Rgb> &fg,
                            const std::optional<Rgb> &bg, double minimum) {
            QTest::addRow("%s: %s", qPrintable(t.name), qPrintable(what))
                << (fg ? fg->name() : QString()) << (bg ? bg->name() : QString()) << minimum;
        };
        for (const Theme &t : std::as_const(m_themes)) {
            const std::optional<Rgb> page = t.colourIn(QStringLiteral("var(--bg)"));
            const std::optional<Rgb> text = t.colourIn(QStringLiteral("var(--text)"));
            row(t, QStringLiteral("text on background"), text, page, 4.5);
            row(t, QStringLiteral("muted on background"), t.colourIn(QStringLiteral("var(--muted)")), page, 4.5);
            row(t, QStringLiteral("links (accent) on background"), t.colourIn(QStringLiteral("var(--accent)")), page,
                4.5);
            row(t, QStringLiteral("body"), t.property(QStringLiteral("body"), { QStringLiteral("color") }),
                t.property(QStringLiteral("body"),
                           { QStringLiteral("background"), QStringLiteral("background-color") }),
                4.5);
            // Every other rule with a colour or a background: against the page's, or the text's.
            for (const QString &selector : std::as_const(t.selectors)) {
                if (selector == QLatin1String(":root") || selector == QLatin1String("body"))
                    continue;
                const std::optional<Rgb> colour = t.property(selector, { QStringLiteral("color") });
                const std::optional<Rgb> background
                    = t.property(selector, { QStringLiteral("background"), QStringLiteral("background-color") });
                if (colour || background)
                    row(t, selector + QStringLiteral(" colour on background"), colour ? colour : text,
                        background ? background : page, 4.5);
                if (const std::optional<Rgb> outline
                    = t.property(selector, { QStringLiteral("outline"), QStringLiteral("outline-color") }))
                    row(t, selector + QStringLiteral(" focus outline on background"), outline,
                        background ? background : page, 3.0);
            }
        }
    }
    void colourContrast()
    {
        QFETCH(QString, foreground);
        QFETCH(QString, background);
        QFETCH(double, minimum);
        const std::optional<Rgb> fg = parseColour(foreground);
        const std::optional<Rgb> bg = parseColour(background);
        QVERIFY2(fg && bg, "a colour of the pair is missing from site.css");
        const double ratio = contrast(*fg, *bg);
        QVERIFY2(ratio >= minimum,
                 qPrintable(QStringLiteral("%1 on %2: %3:1, below %4:1")
                                .arg(foreground, background)
                                .arg(ratio, 0, 'f', 2)
                                .arg(minimum)));
    }

    void contrastIsComputedAsWcagSays()
    {
        QCOMPARE(qRound(contrast(Rgb { 0, 0, 0 }, Rgb { 255, 255, 255 }) * 100), 2100);
        QCOMPARE(qRound(contrast(Rgb { 0x76, 0x76, 0x76 }, Rgb { 255, 255, 255 }) * 100), 454);
        QCOMPARE(contrast(Rgb { 10, 20, 30 }, Rgb { 10, 20, 30 }), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestSiteMarkup)
#include "tst_sitemarkup.moc"
