// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/principal.h"
#include "shared/fielderrors.h"
#include "shared/result.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <functional>

namespace quire::server {

class Router;
class WorkerServices;

// /api/v1/users/me: one's own profile, preferences and password.
namespace UserRoutes {

// A part of the profile a feature keeps (its own settings), answered under
// `key` by GET /users/me and changed by PUT /users/me with `key` in the
// body, so accounts never name the feature. check() names every problem in
// `errors` (under "<key>.<field>") and returns what save() stores; save()
// runs only when the whole body is valid.
struct Section
{
    QString key;
    std::function<shared::Result<nlohmann::json>(WorkerServices &, const Principal &)> read;
    std::function<nlohmann::json(const nlohmann::json &in, shared::FieldErrors &errors)> check;
    std::function<shared::VoidResult(WorkerServices &, const Principal &, const nlohmann::json &checked)> save;
};

// Adds a section; call while routes are installed, before the workers start.
void addSection(Section section);

void install(Router &router);
} // namespace UserRoutes

} // namespace quire::server
