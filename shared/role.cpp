// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/role.h"

#include <array>
#include <utility>

namespace quire::shared {
namespace {
constexpr std::array<std::pair<Role, const char *>, 5> kRoles{{
    {Role::Admin, "admin"},
    {Role::Editor, "editor"},
    {Role::Author, "author"},
    {Role::Creator, "creator"},
    {Role::Reader, "reader"},
}};
} // namespace

QString roleName(Role role)
{
    for (const auto &[r, name] : kRoles) {
        if (r == role)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<Role> roleFromName(const QString &name)
{
    for (const auto &[r, n] : kRoles) {
        if (name == QLatin1String(n))
            return r;
    }
    return std::nullopt;
}

QStringList roleNames()
{
    QStringList names;
    for (const auto &entry : kRoles)
        names << QString::fromLatin1(entry.second);
    return names;
}

} // namespace quire::shared
