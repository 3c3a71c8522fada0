// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/core/promptbranches.h"

#include "desktop/core/tr.h"
#include "desktop/prompts/core/promptstore.h"
#include "shared/jsonqt.h"

namespace quire::desktop {

using shared::Error;
using shared::Result;

namespace {

QMap<QString, QString> bodyOf(const nlohmann::json &row)
{
    QMap<QString, QString> out;
    for (const QString &c : PromptStore::bodyColumns())
        out.insert(c, shared::textOf(row, c.toStdString().c_str()));
    return out;
}

Error missing(const QString &id)
{
    return Error::make(shared::ErrorCode::NotFound,
                       Tr::tr("There is no prompt with the id %1 in this replica.").arg(id));
}

} // namespace

PromptBranches::PromptBranches(PromptStore &store)
    : m_store(store)
{ }

Result<QString> PromptBranches::branch(const QString &promptId, const QString &userId, const QString &title)
{
    Result<std::optional<nlohmann::json>> parent = m_store.get(promptId);
    if (!parent)
        return parent.error();
    if (!*parent)
        return missing(promptId);
    Result<QList<PromptVersion>> versions = m_store.versionsOf(promptId);
    if (!versions)
        return versions.error();
    // The user's own prompt may have unsaved changes: they start the branch's base.
    if (versions->isEmpty() && shared::textOf(**parent, "owner_id") == userId) {
        if (Result<QString> v = m_store.saveVersion(promptId, Tr::tr("Before branching"), userId); !v)
            return v.error();
        versions = m_store.versionsOf(promptId);
        if (!versions)
            return versions.error();
    }
    nlohmann::json fields = nlohmann::json::object();
    for (const QString &c : PromptStore::bodyColumns())
        fields[c.toStdString()] = shared::textOf(**parent, c.toStdString().c_str()).toStdString();
    for (const char *c : { "description", "category", "tags", "is_template" })
        fields[c] = shared::textOf(**parent, c).toStdString();
    const QString parentTitle = shared::textOf(**parent, "title");
    fields["title"] = (title.isEmpty() ? Tr::tr("%1 (branch)").arg(parentTitle) : title).toStdString();
    // The server makes the name free for this user when the branch syncs.
    fields["name"] = (shared::textOf(**parent, "name") + QStringLiteral("-branch")).toStdString();
    fields["branch_of"] = promptId.toStdString();
    fields["branch_base"] = versions->isEmpty() ? std::string() : versions->last().id.toStdString();
    Result<QString> id = m_store.create(fields, userId);
    if (!id)
        return id;
    const QString from = versions->isEmpty() || !versions->last().isNumbered()
        ? Tr::tr("Branched from %1").arg(parentTitle)
        : Tr::tr("Branched from version %1").arg(versions->last().number);
    if (Result<QString> v = m_store.saveVersion(*id, from, userId); !v)
        return v.error();
    return id;
}

Result<shared::PromptBranchMerge> PromptBranches::preview(const QString &branchId)
{
    Result<std::optional<nlohmann::json>> branchRow = m_store.get(branchId);
    if (!branchRow)
        return branchRow.error();
    if (!*branchRow)
        return missing(branchId);
    const QString parentId = shared::textOf(**branchRow, "branch_of");
    if (parentId.isEmpty())
        return Error::make(shared::ErrorCode::ValidationFailed,
                           Tr::tr("“%1” is not a branch.").arg(shared::textOf(**branchRow, "title")));
    Result<std::optional<nlohmann::json>> parent = m_store.get(parentId);
    if (!parent)
        return parent.error();
    if (!*parent)
        return missing(parentId);
    Result<std::optional<PromptVersion>> base = m_store.version(shared::textOf(**branchRow, "branch_base"));
    if (!base)
        return base.error();
    // A base this replica does not have merges from nothing: every change on both sides then meets.
    QMap<QString, QString> baseValues;
    if (*base)
        baseValues = bodyOf((*base)->body);
    return shared::PromptBranchMerge::merge(baseValues, bodyOf(**parent), bodyOf(**branchRow));
}

Result<QString> PromptBranches::mergeBack(const QString &branchId, const QString &userId,
                                          const QMap<QString, QString> &chosen)
{
    Result<shared::PromptBranchMerge> m = preview(branchId);
    if (!m)
        return m.error();
    for (auto it = chosen.begin(); it != chosen.end(); ++it) {
        m->values.insert(it.key(), it.value());
        m->clashes.removeIf([&](const shared::PromptBranchMerge::Clash &c) { return c.column == it.key(); });
    }
    if (!m->clashes.isEmpty()) {
        QStringList columns;
        for (const shared::PromptBranchMerge::Clash &c : m->clashes)
            columns << c.column;
        return Error::make(shared::ErrorCode::MergeConflict,
                           Tr::tr("The prompt and the branch both changed: %1. Choose a text for each.")
                               .arg(columns.join(QStringLiteral(", "))));
    }
    Result<std::optional<nlohmann::json>> branchRow = m_store.get(branchId);
    if (!branchRow)
        return branchRow.error();
    const QString parentId = shared::textOf(**branchRow, "branch_of");
    Result<std::optional<nlohmann::json>> parent = m_store.get(parentId);
    if (!parent)
        return parent.error();
    // Only the owner changes a prompt; the server would refuse the edit anyway.
    if (shared::textOf(**parent, "owner_id") != userId)
        return Error::make(shared::ErrorCode::Forbidden,
                           Tr::tr("Only the owner of “%1” can merge into it.").arg(shared::textOf(**parent, "title")));
    nlohmann::json fields = nlohmann::json::object();
    for (auto it = m->values.begin(); it != m->values.end(); ++it)
        fields[it.key().toStdString()] = it.value().toStdString();
    if (shared::VoidResult r = m_store.update(parentId, fields); !r)
        return r.error();
    return m_store.saveVersion(parentId, Tr::tr("Merged branch %1").arg(shared::textOf(**branchRow, "name")), userId);
}

} // namespace quire::desktop
