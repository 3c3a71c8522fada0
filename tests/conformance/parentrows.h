// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "shared/synctable.h"

#include <QMap>
#include <QSet>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>

namespace quire::desktop {
class ContentStore;
}

namespace quire::test {

// Makes the rows a new row of a declared table needs before it can exist:
// what its references name, found in the declaration (`references`), made
// on the same replica first, so any child type runs through the suite with
// nothing written for it. One row per table is made and reused, so a label's
// version belongs to the label's own prompt.
class ParentRows
{
public:
    // Values for the required columns that are no references.
    using Values = std::function<QString(const shared::SyncColumn &)>;

    // `given`: rows that exist already, by table (another user's published
    // article, say); they are named rather than made.
    ParentRows(desktop::ContentStore &store, QString accountId, QMap<QString, QString> given, Values values);

    // The fields of a new row of `table`, its parents made first.
    shared::Result<nlohmann::json> fieldsFor(const shared::SyncTable &table);
    // The tables whose rows were made, parents before children.
    QStringList made() const { return m_made; }

private:
    shared::Result<QString> rowOf(const QString &table);
    // An optional reference is filled when the row it names hangs off a
    // parent this row has already (a version of this row's prompt); any
    // other is left empty, as a user leaves it.
    bool sharesAParent(const QString &table) const;

    desktop::ContentStore &m_store;
    QString m_accountId;
    QMap<QString, QString> m_rows; // table -> the row used for references to it
    Values m_values;
    QSet<QString> m_inProgress;
    QStringList m_made;
};

} // namespace quire::test
