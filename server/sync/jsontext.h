// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <string>

namespace quire::server {

// JSON written as text rather than built as a tree first: for answers made
// row by row (the sync pull), where the tree would cost as much as the rest.
class JsonText
{
public:
    // Appends `text` as a JSON string (quotes, escapes, UTF-8), the way
    // nlohmann::json::dump writes it.
    static void appendString(std::string &out, const QString &text);
};

} // namespace quire::server
