// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>

#include <optional>

namespace quire::server {

// The password rules of NIST SP 800-63B: 12 to 256 characters, not one of
// the 10,000 most common passwords, and no composition rules.
class PasswordPolicy
{
public:
    static constexpr int kMinLength = 12;
    static constexpr int kMaxLength = 256;

    // Loads resources/common-passwords.txt (embedded in the binary).
    static const PasswordPolicy &instance();

    // nullopt when acceptable, otherwise the message for the password field.
    std::optional<QString> check(const QString &password) const;
    int commonCount() const { return int(m_common.size()); }

private:
    PasswordPolicy();
    QSet<QString> m_common;
};

} // namespace quire::server
