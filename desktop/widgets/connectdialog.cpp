// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/connectdialog.h"

#include "desktop/core/apiclient.h"
#include "desktop/core/profile.h"
#include "desktop/core/serverprobe.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/tr.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::gui {

using desktop::ProbeResult;

namespace {

// The whole fingerprint, 16 bytes a line, so that it is read (and compared
// with the one the server printed) without scrolling or eliding. Each line
// but the last ends in its colon: without the line breaks it is the
// fingerprint exactly as the server prints it.
QString wrappedFingerprint(const QString &fingerprint)
{
    const QStringList bytes = fingerprint.split(QLatin1Char(':'));
    QStringList lines;
    for (qsizetype i = 0; i < bytes.size(); i += 16)
        lines << bytes.mid(i, 16).join(QLatin1Char(':'));
    return lines.join(QStringLiteral(":\n"));
}

} // namespace

ConnectDialog::ConnectDialog(desktop::Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_probe(new desktop::ServerProbe(this))
    , m_url(new QLineEdit(this))
    , m_connect(new QPushButton(Tr::tr("&Connect"), this))
    , m_status(new QLabel(this))
    , m_trustBox(new QWidget(this))
    , m_fingerprint(new QLabel(m_trustBox))
    , m_trust(new QPushButton(Tr::tr("&Trust this certificate"), m_trustBox))
{
    setWindowTitle(Tr::tr("Connect to a Quire server"));
    setMinimumWidth(560);
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_url->setPlaceholderText(Tr::tr("https://quire.example.org"));
    m_url->setText(workspace.profile().serverUrl().toString());
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(true);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_trustBox->setObjectName(QStringLiteral("trustBox"));
    m_fingerprint->setObjectName(QStringLiteral("fingerprintLabel"));
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_fingerprint->setTextFormat(Qt::PlainText);
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_trust->setObjectName(QStringLiteral("trustButton"));

    auto *trustLayout = new QVBoxLayout(m_trustBox);
    trustLayout->setContentsMargins(0, 0, 0, 0);
    trustLayout->addWidget(new QLabel(Tr::tr("SHA-256 fingerprint of the server's certificate:"), m_trustBox));
    trustLayout->addWidget(m_fingerprint);
    trustLayout->addWidget(m_trust);
    m_trustBox->hide();

    auto *form = new QFormLayout;
    form->addRow(Tr::tr("Server &address:"), m_url);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_connect, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_trustBox);
    layout->addWidget(buttons);

    connect(m_connect, &QPushButton::clicked, this, &ConnectDialog::connectToServer);
    connect(m_trust, &QPushButton::clicked, this, &ConnectDialog::trustCertificate);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_probe, &desktop::ServerProbe::finished, this, &ConnectDialog::onProbeFinished);
}

void ConnectDialog::connectToServer()
{
    shared::Result<QUrl> url = desktop::ApiClient::parseServerUrl(m_url->text());
    if (!url) {
        m_status->setText(url.error().message);
        return;
    }
    m_probedUrl = *url;
    m_offeredFingerprint.clear();
    m_trustBox->hide();
    // Keep an existing pin for the same server: a changed certificate must show as such.
    probe(m_workspace.profile().pinFor(*url));
}

void ConnectDialog::trustCertificate()
{
    m_trustBox->hide();
    probe(m_offeredFingerprint);
}

void ConnectDialog::probe(const QString &pin)
{
    setBusy(true);
    m_status->setText(Tr::tr("Connecting to %1…").arg(m_probedUrl.toString()));
    m_probe->start(m_probedUrl, pin, m_workspace.profile().clientId());
}

void ConnectDialog::onProbeFinished(const ProbeResult &result)
{
    setBusy(false);
    m_status->setText(result.message);
    switch (result.outcome) {
    case ProbeResult::Outcome::Ok: {
        // Pin only what the user accepted; a CA-issued certificate needs no pin.
        const bool pinned = !m_offeredFingerprint.isEmpty() && m_offeredFingerprint == result.fingerprint;
        m_workspace.useServer(result.url, pinned ? result.fingerprint : m_workspace.profile().pinFor(result.url));
        accept();
        return;
    }
    case ProbeResult::Outcome::Untrusted:
        m_offeredFingerprint = result.fingerprint;
        m_fingerprint->setText(wrappedFingerprint(result.fingerprint));
        m_trust->setText(Tr::tr("&Trust this certificate"));
        m_trustBox->show();
        return;
    case ProbeResult::Outcome::CertificateChanged:
        m_offeredFingerprint = result.fingerprint;
        m_fingerprint->setText(wrappedFingerprint(result.fingerprint));
        m_trust->setText(Tr::tr("&Trust the new certificate"));
        m_trustBox->show();
        return;
    case ProbeResult::Outcome::Incompatible:
    case ProbeResult::Outcome::NotQuire:
    case ProbeResult::Outcome::Unreachable:
        return;
    }
}

void ConnectDialog::setBusy(bool busy)
{
    m_connect->setEnabled(!busy);
    m_url->setEnabled(!busy);
}

} // namespace quire::gui
