// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The caller's identity is the transport's (every HttpRequest carries one);
// auth fills it in. Feature code may keep naming it from here.
#include "server/http/principal.h"
