// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/enumnames.h"

namespace quire::server {

// The post publisher's names, written once: the ledger's states
// (publish_attempts.state) and the error codes a delivery's failure is
// recorded and shown with (publish_attempts.error_code, and the
// destination's last_error as "code: message").

// Where one delivery (a post destination) stands in the ledger.
//   due        waiting for its first attempt at next_attempt_at
//   claimed    an instance is delivering it until lease_until; when the
//              lease runs out the outcome is unknown and the delivery is
//              taken again with the same idempotency key
//   sent       the network confirmed it; final, never changed again
//   retry      a transient failure; tried again at next_attempt_at
//   failed     refused for good, or out of attempts; only a manual retry
//              (POST /posts/:id/publish with destination_id) re-arms it
//   cancelled  the post or destination went (cancelled, deleted) first
enum class LedgerState { Due, Claimed, Sent, Retry, Failed, Cancelled };
inline constexpr shared::EnumNames<LedgerState, 6> kLedgerStates { { { { LedgerState::Due, "due" },
                                                                       { LedgerState::Claimed, "claimed" },
                                                                       { LedgerState::Sent, "sent" },
                                                                       { LedgerState::Retry, "retry" },
                                                                       { LedgerState::Failed, "failed" },
                                                                       { LedgerState::Cancelled, "cancelled" } } } };

// Why a delivery did not (yet) succeed.
enum class DeliveryError {
    Network, // no answer: refused, reset, timed out, TLS
    RateLimited, // 429
    ServerError, // 5xx
    Rejected, // another 4xx: the network refused the post
    Unauthorized, // 401 or 403: the network refused the credential
    InvalidContent, // the connector's own checks (length, media) refused it
    NoCredential, // the platform has no stored credential, or it cannot be opened
    NoConnector, // no connector for the platform's kind
    RefusedAddress, // the SSRF guard refused the platform's address
    TooManyAttempts, // the cap on attempts was reached
};
inline constexpr shared::EnumNames<DeliveryError, 10> kDeliveryErrors {
    { { { DeliveryError::Network, "network" },
        { DeliveryError::RateLimited, "rate_limited" },
        { DeliveryError::ServerError, "server_error" },
        { DeliveryError::Rejected, "rejected" },
        { DeliveryError::Unauthorized, "unauthorized" },
        { DeliveryError::InvalidContent, "invalid_content" },
        { DeliveryError::NoCredential, "no_credential" },
        { DeliveryError::NoConnector, "no_connector" },
        { DeliveryError::RefusedAddress, "refused_address" },
        { DeliveryError::TooManyAttempts, "too_many_attempts" } } }
};

} // namespace quire::server
