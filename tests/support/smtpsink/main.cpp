// SPDX-License-Identifier: GPL-3.0-or-later
// quire-test-smtp-sink PORT CERT KEY USER PASSWORD OUTDIR: the SMTP peer that
// mail tests start as a process of its own. Prints "listening on PORT".
#include "tests/support/smtpsink/smtpsink.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 7) {
        std::fputs("usage: quire-test-smtp-sink PORT CERT KEY USER PASSWORD OUTDIR\n", stderr);
        return 2;
    }
    QFile keyFile(args[3]);
    if (!keyFile.open(QIODevice::ReadOnly))
        return 1;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(QSslCertificate::fromPath(args[2]));
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    quire::test::SmtpSink sink(tls, args[4], args[5], args[6]);
    if (!sink.listen(QHostAddress::LocalHost, quint16(args[1].toUInt())))
        return 1;
    std::printf("listening on %u\n", sink.serverPort());
    std::fflush(stdout);
    return QCoreApplication::exec();
}
