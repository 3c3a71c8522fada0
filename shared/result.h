// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/errorcode.h"

#include <QMap>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace quire::shared {

// What went wrong, in a form that travels: a stable snake_case code for
// programs, a sentence for people, and per-field messages for forms.
struct Error
{
    QString code;
    QString message;
    QMap<QString, QString> fields;

    static Error make(QString code, QString message, QMap<QString, QString> fields = {})
    {
        return Error { std::move(code), std::move(message), std::move(fields) };
    }
    // The code stays a QString on the wire; ErrorCode names it in the source.
    static Error make(ErrorCode code, QString message, QMap<QString, QString> fields = {})
    {
        return Error { errorCodeName(code), std::move(message), std::move(fields) };
    }

    bool is(ErrorCode other) const { return code == errorCodeName(other); }
};

// Expected-style result: either a value or an Error, never both. Modelled on
// Qt Creator's Utils::Result so failures are values that callers must look at.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value) // NOLINT(google-explicit-constructor): returning a value reads naturally
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error) // NOLINT(google-explicit-constructor)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) // NOLINT(google-explicit-constructor)
        : m_error(std::move(error))
    { }
    static Result success() { return {}; }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using VoidResult = Result<void>;

} // namespace quire::shared
