// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/promptnames.h"
#include "shared/result.h"
#include "shared/synctable.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

class ContentStore;

// One immutable version of a prompt as the replica has it. `number` is the
// server's (empty until the version has synced).
struct PromptVersion
{
    QString id;
    QString number;
    QString ownerId;
    QString createdAt;
    QString message;
    nlohmann::json body; // kind, content, messages and the model settings
    QStringList labels; // the labels that point at it

    bool isNumbered() const { return !number.isEmpty(); }
};

// A named pointer at a version (production, staging, …).
struct PromptLabel
{
    QString id;
    QString name;
    QString versionId;
    QString pendingVersionId; // a move waiting for an editor's or admin's approval
    QString requestedBy;

    bool isWaiting() const { return !pendingVersionId.isEmpty(); }
};

// One row of a prompt's usage history (prompt_usage) as the replica has it.
struct PromptUseRecord
{
    QString id;
    QString createdAt;
    QString versionNumber; // empty: not numbered yet, or no version
    QString use; // copied, rendered, run, fetched
    QString source; // desktop, or the program (API key) that fetched it
    qint64 count = 1; // a program's fetches are counted together
    QString output; // a run's answer
    QString ownerId;
};

// The prompt library over the replica, for the views and quire-cli: the
// prompts, their versions and labels, the user's favourites, usage records
// and preferences. Every change goes through the ContentStore (working copy
// and outbox in one transaction), so it works offline and syncs later.
class PromptStore
{
public:
    PromptStore(ContentStore &content, shared::Database &db);

    static const shared::SyncTable &prompts();
    static const shared::SyncTable &versions();
    static const shared::SyncTable &labels();
    static const shared::SyncTable &favourites();
    static const shared::SyncTable &usage();
    static const shared::SyncTable &preferences();
    // The columns a version copies from its prompt: what "changed" means.
    static QStringList bodyColumns();
    // A version's (or prompt's) content and settings as lines of text, for
    // comparing two: the text, or each chat message under its role, then
    // the model settings that are set.
    static QString comparableText(const nlohmann::json &body);

    shared::Result<QString> create(const nlohmann::json &fields, const QString &ownerId);
    shared::Result<std::optional<nlohmann::json>> get(const QString &id);
    shared::VoidResult update(const QString &id, const nlohmann::json &fields);

    shared::Result<bool> isFavourite(const QString &promptId, const QString &userId);
    // Starring adds a prompt_favorites row; unstarring deletes it.
    shared::VoidResult setFavourite(const QString &promptId, const QString &userId, bool on);

    // Oldest first: numbered ones by number, then those not synced yet.
    shared::Result<QList<PromptVersion>> versionsOf(const QString &promptId);
    shared::Result<std::optional<PromptVersion>> version(const QString &versionId);
    // A new version of the prompt's content and settings as they are now.
    shared::Result<QString> saveVersion(const QString &promptId, const QString &message, const QString &userId);
    // True when the content or settings differ from the latest version
    // (or, without one, from an empty prompt).
    shared::Result<bool> needsVersion(const QString &promptId);
    // Saves a version only when needsVersion(): the end of an editing session.
    shared::Result<std::optional<QString>> saveVersionIfChanged(const QString &promptId, const QString &userId,
                                                                const QString &message = {});
    // Brings back a version's content and settings, as a new version.
    shared::Result<QString> restore(const QString &promptId, const QString &versionId, const QString &userId);

    // The template text another prompt includes ({{> name@ref}}): the
    // prompt called `name` (the user's own first), at the version a label
    // or number names, or its latest version (its text, before its first).
    shared::Result<QString> includeText(const QString &name, const QString &ref, const QString &userId);

    // The names of the prompts in the replica, for completing includes.
    shared::Result<QStringList> promptNames();

    shared::Result<QList<PromptLabel>> labelsOf(const QString &promptId);
    // Points label `name` at `versionId`: the explicit move (or the first set).
    shared::VoidResult setLabel(const QString &promptId, const QString &name, const QString &versionId,
                                const QString &userId);

    // Asks for label `name` to point at `versionId` (production of a prompt
    // whose owner requires approval): it waits in pending_version_id.
    shared::VoidResult requestLabel(const QString &promptId, const QString &name, const QString &versionId,
                                    const QString &userId);
    // An editor's or admin's approval: the label moves to the version asked for.
    shared::VoidResult approveLabel(const PromptLabel &label);
    // The owner's switch: moving production then needs an approval.
    shared::Result<bool> approvalRequired(const QString &promptId);
    shared::VoidResult setApprovalRequired(const QString &promptId, bool on);

    // Records one use of the prompt's latest version (saving one first when
    // the user's own prompt changed since); the variable values are kept
    // only when the user's preferences say so; `output` is a run's answer.
    // The usage row's id.
    shared::Result<QString> recordUse(const QString &promptId, shared::PromptUse use, const nlohmann::json &variables,
                                      const QString &userId, const QString &output = {});

    // The prompt's usage history, newest first.
    shared::Result<QList<PromptUseRecord>> usageOf(const QString &promptId);

    // The user's preferences row's fields, or the declared defaults.
    shared::Result<nlohmann::json> preferencesOf(const QString &userId);
    shared::VoidResult setPreference(const QString &userId, const QString &key, const QString &value);

private:
    shared::Result<std::optional<QString>> preferencesId(const QString &userId);
    // Points the label `name` (made when missing) at a version through
    // `column`: version_id, or pending_version_id while it waits for approval.
    shared::VoidResult writeLabel(const QString &promptId, const QString &name, const char *column,
                                  const QString &versionId, const QString &userId);

    ContentStore &m_content;
    shared::Database &m_db;
};

} // namespace quire::desktop
