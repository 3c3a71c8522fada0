// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>

class QTextStream;

namespace quire::desktop {
class Workspace;
}

namespace quire::cli {

// What the command classes share: exit codes, opening the profile, options
// and output in text or JSON.
enum ExitCode {
    Ok = 0,
    Failure = 1,
    Usage = 2,
    Unreachable = 3,
    Untrusted = 4,
    Incompatible = 5,
    Refused = 6,
    NeedsConfirmation = 7,
    NotFound = 8,
};

class CliSupport
{
public:
    CliSupport(QTextStream &out, QTextStream &err);

    std::unique_ptr<desktop::Workspace> openWorkspace(const QString &profileDir);
    // For commands that need the server: signs in with the stored session.
    // Ok, or the exit code after saying why (no server yet, unreachable,
    // signed out).
    int signIn(desktop::Workspace &ws);
    int usage(const QString &message);
    // Says what went wrong (with its field errors); the exit code that fits:
    // not found, server unreachable, sign-in needed, else failure.
    int fail(const shared::Error &error);
    void printJson(const nlohmann::json &j);

    // Takes `--name VALUE` out of `args`; nullopt when absent. Sets `bad`
    // when the value is missing.
    static std::optional<QString> takeOption(QStringList &args, const QString &name, bool &bad);
    static bool takeSwitch(QStringList &args, const QString &name);
    // Takes `--name a,b` out of `args`: its items trimmed, without blanks or
    // repeats; nullopt when absent. Sets `bad` when the value is missing.
    static std::optional<QStringList> takeList(QStringList &args, const QString &name, bool &bad);
    // What a lookup by id or name found; nullopt when it failed or found
    // nothing, after saying so (`notFound` for nothing) and setting `exitCode`.
    template<typename T>
    std::optional<T> found(shared::Result<std::optional<T>> lookup, const QString &notFound, int &exitCode)
    {
        if (!lookup) {
            exitCode = fail(lookup.error());
            return std::nullopt;
        }
        if (!*lookup) {
            exitCode = missing(notFound);
            return std::nullopt;
        }
        return std::move(**lookup);
    }
    // Says what a create command made: its id, as a line or as {"id": …}.
    int printCreated(const QString &id, bool json);
    // Starts an asynchronous core call with `start`, which hands `finished`
    // to the call's callback, and runs the event loop until that callback
    // has run. A callback that ran before the wait began ends it too, so a
    // command can never wait for an answer it already has.
    static void waitFor(const std::function<void(const std::function<void()> &finished)> &start);
    shared::Result<QString> readTextFile(const QString &path);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

private:
    int missing(const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace quire::cli
