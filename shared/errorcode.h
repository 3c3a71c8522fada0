// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace quire::shared {

// Every error code Quire emits, declared once. The wire name (Error::code,
// the "code" of the API's error envelope) and the HTTP status each code is
// answered with live beside the enum in errorcode.cpp. Codes that never
// leave the process (the desktop's own, the command lines', start-up) carry
// 500: if one ever reached a response, the server failed.
enum class ErrorCode {
    // The request is wrong.
    ValidationFailed,
    InvalidJson,
    InvalidPath,
    MalformedRequest,
    NotUtf8,
    InvalidToken,
    InviteInvalid,
    UnknownKind,
    Unauthenticated,
    InvalidCredentials,
    InvalidRefreshToken,
    RefreshTokenReused,
    AccountDisabled,
    Forbidden,
    EmailUnverified,
    CsrfFailed,
    CorsRefused,
    RegistrationClosed,
    NotFound,
    MethodNotAllowed,
    RequestTimeout,
    EmailTaken,
    AlreadyVerified,
    SlugTaken,
    SlugRequired,
    AlreadySaved,
    AlreadyExists,
    Immutable,
    ApprovalRequired,
    HasChildren,
    MergeConflict,
    LastAdmin,
    ResyncRequired,
    MembersMismatch,
    LengthRequired,
    RevMismatch,
    PayloadTooLarge,
    UnsupportedMediaType,
    RenderFailed,
    ClientOutdated,
    ServerOutdated,
    RateLimited,
    HeadersTooLarge,
    // The server could not answer.
    InternalError,
    Internal,
    Gone,
    SignIn,
    Rejected,
    UnknownTable,
    HashFailed,
    MailFailed,
    StorageFailed,
    TemplateInvalid,
    TemplateMissing,
    TemplateValueMissing,
    DatabaseError,
    DatabaseCorrupt,
    DatabaseDriverMissing,
    DatabaseMissing,
    DatabaseOpenFailed,
    DatabaseForeign,
    DatabaseTooNew,
    DatabaseUnsupported,
    MigrationFailed,
    BackupTargetExists,
    Unavailable,
    Busy,
    DatabaseUnreachable,
    // The optional chat provider (Run): not set up, or it failed us.
    ProviderNotConfigured,
    CredentialsNotConfigured, // no master keys: platform credentials cannot be stored
    ProviderTimeout,
    ProviderUnavailable,
    ProviderError,
    ProviderBadAnswer,
    // The server's own outgoing requests (server/outbound): the address is
    // refused (SSRF guard), or the other side was slow, too big, or failed us.
    RefusedAddress,
    OutboundTimeout,
    OutboundTooLarge,
    OutboundTls,
    OutboundNetwork,
    OutboundRedirects,
    // The server's start-up and command line.
    Usage,
    Io,
    Exists,
    NoBackup,
    NoDatabase,
    NoSessions,
    WeakPassword,
    DataDirInvalid,
    DataDirLocked,
    DataDirUnwritable,
    TlsError,
    TlsSetupFailed,
    ListenFailed,
    PortInUse,
    AddressUnavailable,
    PortForbidden,
    // The desktop and its command line.
    UrlEmpty,
    UrlInvalid,
    UrlInsecure,
    Unreachable,
    InvalidResponse,
    CertificateUntrusted,
    CertificateChanged,
    NotSignedIn,
    Offline,
    Failed,
    Unknown,
    UnknownColumn,
    InvalidChoice,
    ConfirmRemoval,
    OutOfStep,
    SessionUnknown,
    ProfileOfAnotherUser,
    ProfileInvalid,
    ProfileUnwritable,
    CredentialsUnreadable,
    CredentialsUnwritable,
    DbError,
    Corrupt,
    Unreadable,
    NoAccount,
    NoServer,
};

// "slug_taken": what Error::code and the API's envelope carry.
QString errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(const QString &name);
QStringList errorCodeNames();

// The HTTP status a code is answered with; 500 for a name no code has.
int httpStatusOf(ErrorCode code);
int httpStatusOf(const QString &code);

} // namespace quire::shared
