// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/role.h"

#include "shared/enumnames.h"

namespace quire::shared {
namespace {
constexpr EnumNames<Role, 5> kRoles({ {
    { Role::Admin, "admin" },
    { Role::Editor, "editor" },
    { Role::Author, "author" },
    { Role::Creator, "creator" },
    { Role::Reader, "reader" },
} });
} // namespace

QString roleName(Role role)
{
    return kRoles.name(role);
}

std::optional<Role> roleFromName(const QString &name)
{
    return kRoles.fromName(name);
}

QStringList roleNames()
{
    return kRoles.names();
}

} // namespace quire::shared
