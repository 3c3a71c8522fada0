// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace quire::server {

// The text form of one encrypted credential, as a database column holds it:
// "v1:<key id>:<nonce>:<ciphertext and tag>", the last two base64url without
// padding. Text so it survives every driver and a JSON dump unchanged;
// versioned so another cipher can come later and old rows still read.
struct SealedValue
{
    static constexpr qsizetype kNonceSize = 12; // 96 bits, GCM's own size
    static constexpr qsizetype kTagSize = 16; // 128 bits
    // Credentials are tokens and passwords; anything bigger is a mistake,
    // and the bound keeps a hostile column from costing much to refuse.
    static constexpr qsizetype kMaxPlaintext = 64 * 1024;
    static constexpr qsizetype kMaxKeyIdLength = 64;

    QString keyId;
    QByteArray nonce;
    QByteArray ciphertext; // the GCM tag appended

    // Refuses anything but the canonical encoding, so a value reads back to
    // the same text and no changed character goes unnoticed.
    static shared::Result<SealedValue> parse(QStringView text);
    QString toString() const;

    // Letters, digits, '-', '_' and '.', 1 to kMaxKeyIdLength of them.
    static bool isValidKeyId(QStringView id);
};

} // namespace quire::server
