// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/errorcode.h"

#include "shared/enumnames.h"

#include <array>

namespace quire::shared {
namespace {

struct CodeRow
{
    ErrorCode code;
    const char *name;
    int status;
};

// Every code's wire name and HTTP status, in the enum's order. The names
// are a public contract (clients and tests compare them): never rename one.
constexpr std::array kCodes = std::to_array<CodeRow>({
    { ErrorCode::ValidationFailed, "validation_failed", 400 },
    { ErrorCode::InvalidJson, "invalid_json", 400 },
    { ErrorCode::InvalidPath, "invalid_path", 400 },
    { ErrorCode::MalformedRequest, "malformed_request", 400 },
    { ErrorCode::NotUtf8, "not_utf8", 400 },
    { ErrorCode::InvalidToken, "invalid_token", 400 },
    { ErrorCode::InviteInvalid, "invite_invalid", 400 },
    { ErrorCode::UnknownKind, "unknown_kind", 400 },
    { ErrorCode::Unauthenticated, "unauthenticated", 401 },
    { ErrorCode::InvalidCredentials, "invalid_credentials", 401 },
    { ErrorCode::InvalidRefreshToken, "invalid_refresh_token", 401 },
    { ErrorCode::RefreshTokenReused, "refresh_token_reused", 401 },
    { ErrorCode::AccountDisabled, "account_disabled", 403 },
    { ErrorCode::Forbidden, "forbidden", 403 },
    { ErrorCode::EmailUnverified, "email_unverified", 403 },
    { ErrorCode::CsrfFailed, "csrf_failed", 403 },
    { ErrorCode::CorsRefused, "cors_refused", 403 },
    { ErrorCode::RegistrationClosed, "registration_closed", 403 },
    { ErrorCode::NotFound, "not_found", 404 },
    { ErrorCode::MethodNotAllowed, "method_not_allowed", 405 },
    { ErrorCode::RequestTimeout, "request_timeout", 408 },
    { ErrorCode::EmailTaken, "email_taken", 409 },
    { ErrorCode::AlreadyVerified, "already_verified", 409 },
    { ErrorCode::SlugTaken, "slug_taken", 409 },
    { ErrorCode::SlugRequired, "slug_required", 409 },
    { ErrorCode::AlreadySaved, "already_saved", 409 },
    { ErrorCode::AlreadyExists, "already_exists", 409 },
    { ErrorCode::Immutable, "immutable", 409 },
    { ErrorCode::ApprovalRequired, "approval_required", 403 },
    { ErrorCode::HasChildren, "has_children", 409 },
    { ErrorCode::MergeConflict, "merge_conflict", 409 },
    { ErrorCode::LastAdmin, "last_admin", 409 },
    { ErrorCode::ResyncRequired, "resync_required", 409 },
    { ErrorCode::MembersMismatch, "members_mismatch", 409 },
    { ErrorCode::LengthRequired, "length_required", 411 },
    { ErrorCode::RevMismatch, "rev_mismatch", 412 },
    { ErrorCode::PayloadTooLarge, "payload_too_large", 413 },
    { ErrorCode::UnsupportedMediaType, "unsupported_media_type", 415 },
    { ErrorCode::RenderFailed, "render_failed", 422 },
    { ErrorCode::ClientOutdated, "client_outdated", 426 },
    { ErrorCode::ServerOutdated, "server_outdated", 426 },
    { ErrorCode::RateLimited, "rate_limited", 429 },
    { ErrorCode::HeadersTooLarge, "headers_too_large", 431 },
    { ErrorCode::InternalError, "internal_error", 500 },
    { ErrorCode::Internal, "internal", 500 },
    { ErrorCode::Gone, "gone", 500 },
    { ErrorCode::SignIn, "sign_in", 500 },
    { ErrorCode::Rejected, "rejected", 500 },
    { ErrorCode::UnknownTable, "unknown_table", 500 },
    { ErrorCode::HashFailed, "hash_failed", 500 },
    { ErrorCode::MailFailed, "mail_failed", 500 },
    { ErrorCode::StorageFailed, "storage_failed", 500 },
    { ErrorCode::TemplateInvalid, "template_invalid", 500 },
    { ErrorCode::TemplateMissing, "template_missing", 500 },
    { ErrorCode::TemplateValueMissing, "template_value_missing", 500 },
    { ErrorCode::DatabaseError, "database_error", 500 },
    { ErrorCode::DatabaseCorrupt, "database_corrupt", 500 },
    { ErrorCode::DatabaseDriverMissing, "database_driver_missing", 500 },
    { ErrorCode::DatabaseMissing, "database_missing", 500 },
    { ErrorCode::DatabaseOpenFailed, "database_open_failed", 500 },
    { ErrorCode::DatabaseForeign, "database_foreign", 500 },
    { ErrorCode::DatabaseTooNew, "database_too_new", 500 },
    { ErrorCode::DatabaseUnsupported, "database_unsupported", 500 },
    { ErrorCode::MigrationFailed, "migration_failed", 500 },
    { ErrorCode::BackupTargetExists, "backup_target_exists", 500 },
    { ErrorCode::Unavailable, "unavailable", 503 },
    { ErrorCode::Busy, "busy", 503 },
    { ErrorCode::DatabaseUnreachable, "database_unreachable", 503 },
    { ErrorCode::ProviderNotConfigured, "provider_not_configured", 404 },
    { ErrorCode::CredentialsNotConfigured, "credentials_not_configured", 503 },
    { ErrorCode::ProviderTimeout, "provider_timeout", 504 },
    { ErrorCode::ProviderUnavailable, "provider_unavailable", 502 },
    { ErrorCode::ProviderError, "provider_error", 502 },
    { ErrorCode::ProviderBadAnswer, "provider_bad_answer", 502 },
    { ErrorCode::RefusedAddress, "refused_address", 400 },
    { ErrorCode::OutboundTimeout, "timeout", 504 },
    { ErrorCode::OutboundTooLarge, "too_large", 502 },
    { ErrorCode::OutboundTls, "tls", 502 },
    { ErrorCode::OutboundNetwork, "network", 502 },
    { ErrorCode::OutboundRedirects, "too_many_redirects", 502 },
    { ErrorCode::Usage, "usage", 500 },
    { ErrorCode::Io, "io", 500 },
    { ErrorCode::Exists, "exists", 500 },
    { ErrorCode::NoBackup, "no_backup", 500 },
    { ErrorCode::NoDatabase, "no_database", 500 },
    { ErrorCode::NoSessions, "no_sessions", 500 },
    { ErrorCode::WeakPassword, "weak_password", 500 },
    { ErrorCode::DataDirInvalid, "data_dir_invalid", 500 },
    { ErrorCode::DataDirLocked, "data_dir_locked", 500 },
    { ErrorCode::DataDirUnwritable, "data_dir_unwritable", 500 },
    { ErrorCode::TlsError, "tls_error", 500 },
    { ErrorCode::TlsSetupFailed, "tls_setup_failed", 500 },
    { ErrorCode::ListenFailed, "listen_failed", 500 },
    { ErrorCode::PortInUse, "port_in_use", 500 },
    { ErrorCode::AddressUnavailable, "address_unavailable", 500 },
    { ErrorCode::PortForbidden, "port_forbidden", 500 },
    { ErrorCode::UrlEmpty, "url_empty", 500 },
    { ErrorCode::UrlInvalid, "url_invalid", 500 },
    { ErrorCode::UrlInsecure, "url_insecure", 500 },
    { ErrorCode::Unreachable, "unreachable", 500 },
    { ErrorCode::InvalidResponse, "invalid_response", 500 },
    { ErrorCode::CertificateUntrusted, "certificate_untrusted", 500 },
    { ErrorCode::CertificateChanged, "certificate_changed", 500 },
    { ErrorCode::NotSignedIn, "not_signed_in", 500 },
    { ErrorCode::Offline, "offline", 500 },
    { ErrorCode::Failed, "failed", 500 },
    { ErrorCode::Unknown, "unknown", 500 },
    { ErrorCode::UnknownColumn, "unknown_column", 500 },
    { ErrorCode::InvalidChoice, "invalid_choice", 500 },
    { ErrorCode::ConfirmRemoval, "confirm_removal", 500 },
    { ErrorCode::OutOfStep, "out_of_step", 500 },
    { ErrorCode::SessionUnknown, "session_unknown", 500 },
    { ErrorCode::ProfileOfAnotherUser, "profile_of_another_user", 500 },
    { ErrorCode::ProfileInvalid, "profile_invalid", 500 },
    { ErrorCode::ProfileUnwritable, "profile_unwritable", 500 },
    { ErrorCode::CredentialsUnreadable, "credentials_unreadable", 500 },
    { ErrorCode::CredentialsUnwritable, "credentials_unwritable", 500 },
    { ErrorCode::DbError, "db_error", 500 },
    { ErrorCode::Corrupt, "corrupt", 500 },
    { ErrorCode::Unreadable, "unreadable", 500 },
    { ErrorCode::NoAccount, "no_account", 500 },
    { ErrorCode::NoServer, "no_server", 500 },
});

// One row per enumerator, in order, so a code added to the enum without
// its row (or the other way round) does not compile.
constexpr bool inEnumOrder()
{
    for (std::size_t i = 0; i < kCodes.size(); ++i) {
        if (std::size_t(kCodes[i].code) != i)
            return false;
    }
    return std::size_t(ErrorCode::NoServer) + 1 == kCodes.size();
}
static_assert(inEnumOrder(), "kCodes must list every ErrorCode once, in the enum's order");

constexpr auto kNames = [] {
    std::array<std::pair<ErrorCode, const char *>, kCodes.size()> entries {};
    for (std::size_t i = 0; i < kCodes.size(); ++i)
        entries[i] = { kCodes[i].code, kCodes[i].name };
    return EnumNames<ErrorCode, kCodes.size()>(entries);
}();

} // namespace

QString errorCodeName(ErrorCode code)
{
    return kNames.name(code);
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    return kNames.fromName(name);
}

QStringList errorCodeNames()
{
    return kNames.names();
}

int httpStatusOf(ErrorCode code)
{
    return kCodes[std::size_t(code)].status;
}

int httpStatusOf(const QString &code)
{
    const std::optional<ErrorCode> known = errorCodeFromName(code);
    return known ? httpStatusOf(*known) : 500;
}

} // namespace quire::shared
