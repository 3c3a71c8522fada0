// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/apierror.h"
#include "shared/errorcode.h"
#include "shared/result.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace quire::shared;

// The one declaration of error codes: every wire name unique and read back
// to its code, every status an HTTP error, and the names clients rely on unchanged.
class TestErrorCode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void declaredCode_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : errorCodeNames())
            QTest::newRow(qPrintable(name)) << name;
    }

    void declaredCode()
    {
        QFETCH(QString, name);
        const std::optional<ErrorCode> code = errorCodeFromName(name);
        QVERIFY(code);
        QCOMPARE(errorCodeName(*code), name);
        QVERIFY2(httpStatusOf(*code) >= 400 && httpStatusOf(*code) <= 599, qPrintable(name));
        QCOMPARE(httpStatusOf(name), httpStatusOf(*code));
        // Wire names are snake_case, so they read the same in every client.
        static const QRegularExpression snake(QStringLiteral("^[a-z][a-z0-9]*(_[a-z0-9]+)*$"));
        QVERIFY2(snake.match(name).hasMatch(), qPrintable(name));
    }

    void namesAreUnique()
    {
        const QStringList names = errorCodeNames();
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
        QVERIFY(names.size() > 90);
    }

    // What clients and tests compare today; a change here breaks them.
    void wireContract_data()
    {
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("status");
        QTest::newRow("validation") << ErrorCode::ValidationFailed << "validation_failed" << 400;
        QTest::newRow("forbidden") << ErrorCode::Forbidden << "forbidden" << 403;
        QTest::newRow("unverified") << ErrorCode::EmailUnverified << "email_unverified" << 403;
        QTest::newRow("not found") << ErrorCode::NotFound << "not_found" << 404;
        QTest::newRow("slug") << ErrorCode::SlugTaken << "slug_taken" << 409;
        QTest::newRow("no slug") << ErrorCode::SlugRequired << "slug_required" << 409;
        QTest::newRow("saved") << ErrorCode::AlreadySaved << "already_saved" << 409;
        QTest::newRow("exists") << ErrorCode::AlreadyExists << "already_exists" << 409;
        QTest::newRow("immutable") << ErrorCode::Immutable << "immutable" << 409;
        QTest::newRow("approval") << ErrorCode::ApprovalRequired << "approval_required" << 403;
        QTest::newRow("email") << ErrorCode::EmailTaken << "email_taken" << 409;
        QTest::newRow("last admin") << ErrorCode::LastAdmin << "last_admin" << 409;
        QTest::newRow("resync") << ErrorCode::ResyncRequired << "resync_required" << 409;
        QTest::newRow("merge conflict") << ErrorCode::MergeConflict << "merge_conflict" << 409;
        QTest::newRow("rev") << ErrorCode::RevMismatch << "rev_mismatch" << 412;
        QTest::newRow("too large") << ErrorCode::PayloadTooLarge << "payload_too_large" << 413;
        QTest::newRow("media type") << ErrorCode::UnsupportedMediaType << "unsupported_media_type" << 415;
        QTest::newRow("outdated") << ErrorCode::ClientOutdated << "client_outdated" << 426;
        QTest::newRow("rate") << ErrorCode::RateLimited << "rate_limited" << 429;
        QTest::newRow("unknown table") << ErrorCode::UnknownTable << "unknown_table" << 500;
        QTest::newRow("rejected") << ErrorCode::Rejected << "rejected" << 500;
        QTest::newRow("database") << ErrorCode::DatabaseError << "database_error" << 500;
        QTest::newRow("busy") << ErrorCode::Busy << "busy" << 503;
        QTest::newRow("unavailable") << ErrorCode::Unavailable << "unavailable" << 503;
    }

    void wireContract()
    {
        QFETCH(ErrorCode, code);
        QFETCH(QString, name);
        QFETCH(int, status);
        QCOMPARE(errorCodeName(code), name);
        QCOMPARE(httpStatusOf(code), status);
    }

    void unknownNameIsNoCode()
    {
        QVERIFY(!errorCodeFromName(QStringLiteral("no_such_code")));
        QVERIFY(!errorCodeFromName(QString()));
        QCOMPARE(httpStatusOf(QStringLiteral("no_such_code")), 500);
    }

    // The typed overload writes the same envelope the string one did.
    void errorCarriesTheWireName()
    {
        const Error e = Error::make(ErrorCode::SlugTaken, QStringLiteral("Taken."),
                                    { { QStringLiteral("slug"), QStringLiteral("Taken.") } });
        QCOMPARE(e.code, QStringLiteral("slug_taken"));
        QVERIFY(e.is(ErrorCode::SlugTaken));
        QVERIFY(!e.is(ErrorCode::NotFound));
        const std::optional<Error> parsed = ApiError::parse(ApiError::toBytes(e));
        QVERIFY(parsed);
        QCOMPARE(parsed->code, QStringLiteral("slug_taken"));
        QVERIFY(parsed->is(ErrorCode::SlugTaken));
    }
};

QTEST_GUILESS_MAIN(TestErrorCode)
#include "tst_errorcode.moc"
