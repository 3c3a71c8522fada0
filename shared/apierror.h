// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::shared {

// The one error envelope of the HTTP API, written by the server and read by
// the desktop: {"error":{"code":"…","message":"…","fields":{…}}}.
namespace ApiError {

nlohmann::json toJson(const Error &error);
QByteArray toBytes(const Error &error);

// The error carried by a response body, or nullopt if it is no envelope.
std::optional<Error> parse(const QByteArray &body);

} // namespace ApiError
} // namespace quire::shared
