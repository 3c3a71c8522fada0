// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace quire::shared {

// The roles of the accounts issue; what each may do is the permission matrix.
enum class Role { Admin, Editor, Author, Creator, Reader };

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);
QStringList roleNames();

} // namespace quire::shared
