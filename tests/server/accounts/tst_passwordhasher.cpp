// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/passwordhasher.h"

#include <QTest>

using quire::server::PasswordHasher;

namespace {

// What an Argon2id string says about the work it costs: everything before
// the salt ("$argon2id$v=19$m=19456,t=2,p=1").
QByteArray costOf(const QByteArray &hash)
{
    const QList<QByteArray> parts = hash.split('$');
    return parts.size() == 6 ? QList<QByteArray>(parts.begin(), parts.begin() + 4).join('$') : QByteArray();
}

} // namespace

// The Argon2id hasher: hashes verify, parameters upgrade, and an unknown
// account is checked with exactly the work of a real one, so neither the
// answer nor the time it takes tells whether an email has an account.
class TestPasswordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashesVerify()
    {
        PasswordHasher hasher;
        const QByteArray hash = hasher.hash("correct horse battery staple").value();
        QVERIFY(hash.startsWith("$argon2id$"));
        QVERIFY(hasher.verify(hash, "correct horse battery staple"));
        QVERIFY(!hasher.verify(hash, "correct horse battery stapler"));
        QVERIFY(!hasher.verify("not a hash", "correct horse battery staple"));
        QVERIFY(!hasher.needsRehash(hash));
    }

    void weakerHashesAreUpgraded()
    {
        PasswordHasher weak(quire::server::PasswordHashParams { 1, 8 * 1024 * 1024 });
        const QByteArray old = weak.hash("an older password").value();
        PasswordHasher hasher;
        QVERIFY(hasher.verify(old, "an older password"));
        QVERIFY(hasher.needsRehash(old));
    }

    // Replaces a timing comparison (flaky under load, and tests never assert
    // wall-clock times): the work an Argon2id check does is set by the
    // parameters in the hash, so equal parameters are equal work. The sign-in
    // code verifies against dummyHash() whenever the account is unknown.
    void unknownAccountsCostWhatRealOnesCost()
    {
        PasswordHasher hasher;
        const QByteArray real = hasher.hash("a real password").value();
        QVERIFY(!costOf(real).isEmpty());
        QCOMPARE(costOf(hasher.dummyHash()), costOf(real));
        QVERIFY(!hasher.needsRehash(hasher.dummyHash()));
        QVERIFY(!hasher.verify(hasher.dummyHash(), "a real password"));
        QVERIFY(!hasher.verify(hasher.dummyHash(), QByteArray()));
        // A fresh random password for every hasher: no guess fits all.
        QVERIFY(PasswordHasher().dummyHash() != hasher.dummyHash());
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
