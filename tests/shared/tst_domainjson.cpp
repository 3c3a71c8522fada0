// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/apierror.h"
#include "shared/jsonqt.h"
#include "shared/protocol.h"
#include "shared/user.h"
#include "shared/uuid.h"

#include <QTest>

using namespace quire::shared;
using json = nlohmann::json;

Q_DECLARE_METATYPE(json)

namespace {
json validUser()
{
    return json::parse(R"({
        "id": "01890a5d-ac96-774b-bcce-b302099a8057",
        "email": "ada@example.org",
        "name": "Ada Lovelace",
        "role": "editor",
        "avatar_url": null,
        "email_verified": true,
        "disabled": false,
        "created_at": "2026-01-31T12:00:00.000Z",
        "updated_at": "2026-01-31T12:00:00.000Z"
    })");
}
} // namespace

// JSON mapping of the domain types and their field-level validation.
class TestDomainJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void userRoundTrip()
    {
        Result<User> u = User::fromJson(validUser());
        QVERIFY(u.ok());
        QCOMPARE(u->role, Role::Editor);
        QVERIFY(u->toJson() == validUser());
        // No credential can ever be serialised: the type has none.
        QVERIFY(!u->toJson().contains("password_hash"));
    }

    void userInvalid_data()
    {
        QTest::addColumn<json>("patch");
        QTest::addColumn<QString>("field");
        QTest::newRow("email no at") << json { { "email", "ada.example.org" } } << QStringLiteral("email");
        QTest::newRow("email no domain dot") << json { { "email", "ada@localhost" } } << QStringLiteral("email");
        QTest::newRow("email two ats") << json { { "email", "a@b@c.org" } } << QStringLiteral("email");
        QTest::newRow("email too long") << json { { "email", std::string(250, 'a') + "@x.org" } }
                                        << QStringLiteral("email");
        QTest::newRow("empty name") << json { { "name", "" } } << QStringLiteral("name");
        QTest::newRow("long name") << json { { "name", std::string(101, 'n') } } << QStringLiteral("name");
        QTest::newRow("bad role") << json { { "role", "root" } } << QStringLiteral("role");
        QTest::newRow("http avatar") << json { { "avatar_url", "http://x.org/a.png" } } << QStringLiteral("avatar_url");
        QTest::newRow("javascript avatar")
            << json { { "avatar_url", "javascript:alert(1)" } } << QStringLiteral("avatar_url");
        QTest::newRow("verified as text") << json { { "email_verified", "yes" } } << QStringLiteral("email_verified");
    }

    void userInvalid()
    {
        QFETCH(json, patch);
        QFETCH(QString, field);
        json j = validUser();
        for (auto it = patch.begin(); it != patch.end(); ++it)
            j[it.key()] = it.value();
        Result<User> u = User::fromJson(j);
        QVERIFY(!u.ok());
        QVERIFY2(u.error().fields.contains(field), qPrintable(u.error().fields.keys().join(QLatin1Char(','))));
    }

    void normalizesEmail()
    {
        QCOMPARE(User::normalizeEmail(QStringLiteral("  Ada@Example.ORG ")), QStringLiteral("ada@example.org"));
    }

    void roles()
    {
        for (const QString &name : roleNames())
            QCOMPARE(roleName(roleFromName(name).value()), name);
        QVERIFY(!roleFromName(QStringLiteral("Admin"))); // names are exact
    }

    void errorEnvelope()
    {
        const Error e = Error::make(QStringLiteral("validation_failed"), QStringLiteral("Some fields are not valid."),
                                    { { QStringLiteral("title"), QStringLiteral("This field is required.") } });
        const QByteArray bytes = ApiError::toBytes(e);
        const json j = json::parse(bytes.toStdString());
        QVERIFY(j["error"]["code"] == "validation_failed");
        QVERIFY(j["error"]["fields"]["title"] == "This field is required.");
        const std::optional<Error> back = ApiError::parse(bytes);
        QVERIFY(back);
        QCOMPARE(back->code, e.code);
        QCOMPARE(back->message, e.message);
        QCOMPARE(back->fields, e.fields);
        QVERIFY(!ApiError::parse("not json"));
        QVERIFY(!ApiError::parse(R"({"status":"ok"})"));
        // An error without fields still carries an (empty) fields object.
        QVERIFY(ApiError::toJson(Error::make(QStringLiteral("x"), QStringLiteral("y")))["error"]["fields"].is_object());
    }

    void handshake()
    {
        Protocol::HandshakeRequest h;
        h.clientId = Uuid::createV7();
        h.clientVersion = QStringLiteral("0.1.0");
        Result<Protocol::HandshakeRequest> back = Protocol::HandshakeRequest::fromJson(h.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->clientId, h.clientId);
        QVERIFY(Protocol::checkClientSchema(Protocol::kSchemaVersion).ok());
        QCOMPARE(Protocol::checkClientSchema(Protocol::kMinClientSchemaVersion - 1).error().code,
                 QStringLiteral("client_outdated"));
        QCOMPARE(Protocol::checkClientSchema(Protocol::kSchemaVersion + 1).error().code,
                 QStringLiteral("server_outdated"));
        json bad = h.toJson();
        bad["schema_version"] = 0;
        bad["extra"] = true;
        Result<Protocol::HandshakeRequest> refused = Protocol::HandshakeRequest::fromJson(bad);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().fields.contains(QStringLiteral("schema_version")));
        QVERIFY(refused.error().fields.contains(QStringLiteral("extra")));
    }
};

QTEST_GUILESS_MAIN(TestDomainJson)
#include "tst_domainjson.moc"
