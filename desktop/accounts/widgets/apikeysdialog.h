// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/accounts/core/apikeys.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QWidget;

namespace quire::desktop {
class AuthSession;
}

namespace quire::gui {

// Account › API Keys…: the signed-in user's personal API keys for their
// programs: the list (name, key prefix, scopes, created, last used,
// revoked), a new key with a name and scopes, whose text is shown once with
// Copy, and revoking a key after a confirmation. Talks to the server only
// through desktop::ApiKeys.
class ApiKeysDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ApiKeysDialog(desktop::AuthSession &session, QWidget *parent = nullptr);

    // What a scope lets a program do, for people.
    static QString scopeLabel(shared::ApiKeyScope scope);

    void reload();

private:
    void showKeys(const QList<desktop::ApiKeyInfo> &keys);
    void create();
    void askRevoke();
    void revoke(const QString &id);
    void updateButtons();
    QString selectedId() const;

    desktop::ApiKeys *m_keys;
    QTableWidget *m_table;
    QLineEdit *m_name;
    QMap<shared::ApiKeyScope, QCheckBox *> m_scopes;
    QPushButton *m_create;
    QPushButton *m_revoke;
    QWidget *m_shown; // the new key, once
    QLineEdit *m_key;
    QLabel *m_status;
    QList<desktop::ApiKeyInfo> m_list;
};

} // namespace quire::gui
