// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server::ServerMetrics {

// The database's series, registered when metrics are on (only then is
// every statement timed): query time as a histogram and the connections
// open in the process as a gauge.
void watchDatabase();

} // namespace quire::server::ServerMetrics
