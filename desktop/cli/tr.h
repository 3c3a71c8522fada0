// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace quire::cli {

// The translation context of quire-cli.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Quire::Cli)
};

} // namespace quire::cli
