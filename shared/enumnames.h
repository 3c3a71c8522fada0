// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <utility>

namespace quire::shared {

// The wire names of an enum, written once as a table and read both ways.
template<typename E, std::size_t N> class EnumNames
{
public:
    constexpr explicit EnumNames(std::array<std::pair<E, const char *>, N> entries)
        : m_entries(entries)
    { }

    QString name(E value) const
    {
        for (const auto &[e, n] : m_entries) {
            if (e == value)
                return QString::fromLatin1(n);
        }
        return {};
    }

    std::optional<E> fromName(const QString &name) const
    {
        for (const auto &[e, n] : m_entries) {
            if (name == QLatin1String(n))
                return e;
        }
        return std::nullopt;
    }

    QStringList names() const
    {
        QStringList list;
        for (const auto &entry : m_entries)
            list << QString::fromLatin1(entry.second);
        return list;
    }

private:
    std::array<std::pair<E, const char *>, N> m_entries;
};

} // namespace quire::shared
