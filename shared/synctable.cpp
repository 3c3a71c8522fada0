// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/synctable.h"

#include "shared/contentstatus.h"
#include "shared/declaredtables.h"
#include "shared/jsonqt.h"
#include "shared/timestamp.h"
#include "shared/tr.h"
#include "shared/uuid.h"

#include <QHash>
#include <QRegularExpression>
#include <QUrl>

namespace quire::shared {

bool isSlug(const QString &text)
{
    static const QRegularExpression slug(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    return slug.match(text).hasMatch();
}

QString slugFromText(const QString &text, int maxLength)
{
    // Letters that decompose into none of a-z but have a usual spelling in it.
    static const QHash<QChar, QString> spelled {
        { QChar(u'ß'), QStringLiteral("ss") }, { QChar(u'æ'), QStringLiteral("ae") },
        { QChar(u'œ'), QStringLiteral("oe") }, { QChar(u'ø'), QStringLiteral("o") },
        { QChar(u'đ'), QStringLiteral("d") },  { QChar(u'ł'), QStringLiteral("l") },
        { QChar(u'þ'), QStringLiteral("th") }, { QChar(u'ð'), QStringLiteral("d") },
    };
    QString slug;
    bool gap = false; // a hyphen is owed before the next word
    for (const QChar c : text.toLower().normalized(QString::NormalizationForm_KD)) {
        if (c.category() == QChar::Mark_NonSpacing || c == u'\'' || c == u'\u2019')
            continue; // the accent of a letter; "don't" is one word
        QString ascii;
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            ascii = c;
        else
            ascii = spelled.value(c);
        if (ascii.isEmpty()) {
            gap = !slug.isEmpty();
            continue;
        }
        if (gap)
            slug += QLatin1Char('-');
        gap = false;
        slug += ascii;
    }
    if (slug.size() > maxLength) {
        const bool atWordEnd = slug.at(maxLength) == u'-';
        slug.truncate(maxLength);
        // Within a word: back to the end of the one before, unless it is the only one.
        const qsizetype cut = atWordEnd ? -1 : slug.lastIndexOf(QLatin1Char('-'));
        if (cut > 0)
            slug.truncate(cut);
        while (slug.endsWith(QLatin1Char('-')))
            slug.chop(1);
    }
    return slug;
}

QStringList listItems(const QString &jsonText)
{
    const nlohmann::json parsed = nlohmann::json::parse(jsonText.toStdString(), nullptr, false);
    QStringList items;
    if (!parsed.is_array())
        return items;
    for (const nlohmann::json &item : parsed) {
        if (item.is_string())
            items << item.get<QString>();
    }
    return items;
}

QString listText(const QStringList &items)
{
    nlohmann::json array = nlohmann::json::array();
    for (const QString &item : items)
        array.push_back(item.toStdString());
    return QString::fromStdString(array.dump());
}

const SyncColumn *SyncTable::column(const QString &name) const
{
    for (const SyncColumn &c : columns) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QStringList SyncTable::columnNames() const
{
    QStringList names;
    for (const SyncColumn &c : columns)
        names << c.name;
    return names;
}

QStringList SyncTable::writableColumns() const
{
    QStringList names;
    for (const SyncColumn &c : columns) {
        if (c.merge != MergeRule::ServerOwned)
            names << c.name;
    }
    return names;
}

void SyncTable::validateFields(const nlohmann::json &fields, bool creating, FieldErrors &errors) const
{
    if (!fields.is_object()) {
        errors.add(QStringLiteral("fields"), Tr::tr("Must be an object."));
        return;
    }
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString name = QString::fromStdString(it.key());
        const SyncColumn *c = column(name);
        if (!c) {
            errors.add(name, Tr::tr("Not a known field."));
            continue;
        }
        if (c->merge == MergeRule::ServerOwned) {
            errors.add(name, Tr::tr("This field is set by the server."));
            continue;
        }
        if (!it->is_string()) {
            errors.add(name, Tr::tr("Must be a string."));
            continue;
        }
        const QString value = it->get<QString>();
        switch (c->type) {
        case ColumnType::Text:
            if (c->required && value.trimmed().isEmpty())
                errors.add(name, Tr::tr("This field is required."));
            else if (c->maxLength > 0 && value.size() > c->maxLength)
                errors.add(name, Tr::tr("Must be at most %n characters.", nullptr, c->maxLength));
            break;
        case ColumnType::Markdown:
            if (c->maxLength > 0 && it->get_ref<const std::string &>().size() > size_t(c->maxLength))
                errors.add(name, Tr::tr("Must be at most %1 MiB.").arg(c->maxLength / (1024 * 1024)));
            break;
        case ColumnType::Choice:
            if (!c->choices.contains(value))
                errors.add(name, Tr::tr("Must be one of: %1.").arg(c->choices.join(QLatin1String(", "))));
            break;
        case ColumnType::Id:
            // Empty means "none" for an optional reference.
            if (c->required || !value.isEmpty())
                errors.checkUuidV7(name, value);
            break;
        case ColumnType::Timestamp:
            // Empty means "not set" (a publish_at nobody chose).
            if (!value.isEmpty() && !Timestamp::parse(value))
                errors.add(name, Tr::tr("Must be an ISO-8601 UTC timestamp."));
            break;
        case ColumnType::List: {
            const nlohmann::json parsed = nlohmann::json::parse(it->get_ref<const std::string &>(), nullptr, false);
            bool valid = parsed.is_array() && parsed.size() <= size_t(kMaxListItems);
            QStringList seen;
            for (const nlohmann::json &item : valid ? parsed : nlohmann::json::array()) {
                const QString text = item.is_string() ? item.get<QString>() : QString();
                valid = valid && !text.trimmed().isEmpty() && text == text.trimmed()
                    && text.size() <= kMaxListItemLength && !seen.contains(text);
                seen << text;
            }
            if (!valid)
                errors.add(name,
                           Tr::tr("Must be a list of at most %1 different, non-empty entries of up to %2 characters.")
                               .arg(kMaxListItems)
                               .arg(kMaxListItemLength));
            break;
        }
        case ColumnType::ImageRef: {
            static const QRegularExpression media(QStringLiteral("^/media/[0-9a-f]{64}$"));
            if (!value.isEmpty() && !media.match(value).hasMatch()
                && !(value.startsWith(QLatin1String("https://")) && QUrl(value, QUrl::StrictMode).isValid()))
                errors.add(name, Tr::tr("Use an uploaded image or an https:// address."));
            else if (c->maxLength > 0 && value.size() > c->maxLength)
                errors.add(name, Tr::tr("Must be at most %n characters.", nullptr, c->maxLength));
            break;
        }
        case ColumnType::Slug:
            if (!isSlug(value) && !(value.isEmpty() && !c->required))
                errors.add(name, Tr::tr("Use lower-case letters, digits and single hyphens, like my-first-guide."));
            else if (c->maxLength > 0 && value.size() > c->maxLength)
                errors.add(name, Tr::tr("Must be at most %n characters.", nullptr, c->maxLength));
            break;
        }
    }
    if (!creating)
        return;
    for (const SyncColumn &c : columns) {
        if (c.required && c.merge != MergeRule::ServerOwned && !fields.contains(c.name.toStdString()))
            errors.add(c.name, Tr::tr("This field is required."));
    }
}

nlohmann::json SyncTable::withDefaults(const nlohmann::json &fields) const
{
    nlohmann::json row = nlohmann::json::object();
    for (const SyncColumn &c : columns) {
        if (c.merge != MergeRule::ServerOwned)
            row[c.name.toStdString()] = c.defaultValue;
    }
    for (auto it = fields.begin(); it != fields.end(); ++it)
        row[it.key()] = *it;
    return row;
}

QStringList SyncTable::searchedColumns() const
{
    QStringList names;
    for (const SyncColumn &c : columns) {
        if (c.searched)
            names << c.name;
    }
    return names;
}

const SyncColumn *SyncTable::sortColumn(const QString &sortKey) const
{
    for (const SyncColumn &c : columns) {
        if (c.isSortable() && c.sortKey == sortKey)
            return &c;
    }
    return nullptr;
}

const SyncColumn *SyncTable::filterColumn(const QString &filterKey) const
{
    for (const SyncColumn &c : columns) {
        if (c.isFilterable() && c.filterKey == filterKey)
            return &c;
    }
    return nullptr;
}

QString SyncTable::singularLabel() const
{
    return singular ? Tr::tr(singular) : name;
}

QString SyncTable::pluralLabel() const
{
    return plural ? Tr::tr(plural) : name;
}

QString SyncColumn::displayLabel() const
{
    return label ? Tr::tr(label) : name;
}

QString SyncTable::columnLabel(const QString &columnName) const
{
    const SyncColumn *c = column(columnName);
    return c ? c->displayLabel() : columnName;
}

namespace SyncSchema {

namespace {

QList<SyncTable> &registry()
{
    // Room to spare, so a registration never moves the tables that
    // find() has handed out.
    static QList<SyncTable> tables = [] {
        QList<SyncTable> list;
        list.reserve(64);
        list += declaredTables();
        return list;
    }();
    return tables;
}

} // namespace

const QList<SyncTable> &tables()
{
    return registry();
}

const SyncTable *find(const QString &name)
{
    for (const SyncTable &t : registry()) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

QString columnLabel(const QString &table, const QString &column)
{
    const SyncTable *t = find(table);
    return t ? t->columnLabel(column) : column;
}

bool registerTable(const SyncTable &table)
{
    if (find(table.name) || registry().size() == registry().capacity())
        return false;
    registry().append(table);
    return true;
}

} // namespace SyncSchema

} // namespace quire::shared
