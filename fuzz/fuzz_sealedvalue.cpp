// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the reader of sealed credentials (server/credentials): any bytes,
// read as Latin-1 and as UTF-8, given to the vault as a stored value. Beyond
// no crash: nothing opens (the fuzzer knows no tag, and the seeds were
// sealed for another place), what parses writes back to the same text, and
// a secret the input names seals and opens again only where it was sealed.
#include "server/credentials/credentialkeys.h"
#include "server/credentials/credentialvault.h"
#include "server/credentials/sealedvalue.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using quire::server::AssociatedData;
using quire::server::CredentialKey;
using quire::server::CredentialKeys;
using quire::server::CredentialVault;
using quire::server::SealedValue;

void require(bool condition, const char *what, const QString &input)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_sealedvalue: %s\n--- input ---\n%s\n", what, qPrintable(input));
    std::abort();
}

// The keys "fuzz" (current) and "old", fixed so the seeds in
// fuzz/corpus/fuzz_sealedvalue reach the cipher itself.
const CredentialVault &vault()
{
    static const CredentialVault instance = [] {
        const QByteArray lines = "fuzz:" + QByteArray(CredentialKey::kSize, 'f').toBase64()
            + "\nold:" + QByteArray(CredentialKey::kSize, 'o').toBase64() + "\n";
        auto keys = CredentialKeys::parse(lines, QStringLiteral("fuzz keys"));
        if (!keys)
            std::abort();
        return CredentialVault(std::move(*keys));
    }();
    return instance;
}

const AssociatedData kHere { QStringLiteral("platform_credentials"), QStringLiteral("row-1"),
                             QStringLiteral("access_token") };
const AssociatedData kElsewhere { QStringLiteral("platform_credentials"), QStringLiteral("row-2"),
                                  QStringLiteral("access_token") };

void check(const QString &text)
{
    require(!vault().decrypt(text, kHere), "bytes the fuzzer made opened", text);
    require(!vault().reencrypt(text, kHere), "bytes the fuzzer made re-encrypted", text);
    auto value = SealedValue::parse(text);
    if (value) {
        require(value->toString() == text, "a parsed value writes back as other text", text);
        require(value->nonce.size() == SealedValue::kNonceSize, "a parsed nonce of another size", text);
        require(value->ciphertext.size() >= SealedValue::kTagSize, "a parsed value without a tag", text);
    }
    require(vault().isSealedWithCurrentKey(text) == (value && value->keyId == QStringLiteral("fuzz")),
            "isSealedWithCurrentKey disagrees with the parser", text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    check(QString::fromLatin1(input));
    check(QString::fromUtf8(input));

    // The input as a secret: it opens where it was sealed, and only there.
    if (input.size() <= SealedValue::kMaxPlaintext) {
        auto sealed = vault().encrypt(input, kHere);
        require(bool(sealed), "sealing failed", QString::fromLatin1(input));
        auto opened = vault().decrypt(*sealed, kHere);
        require(opened && *opened == input, "a sealed secret did not open to itself", *sealed);
        require(!vault().decrypt(*sealed, kElsewhere), "a sealed secret opened in another row", *sealed);
    }
    return 0;
}
