<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Quire::Cli</name>
    <message>
        <location filename="../desktop/cli/clisupport.cpp" line="+64"/>
        <source>quire-cli: %1</source>
        <translation>quire-cli: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Try quire-cli --help.</source>
        <translation>Versuchen Sie quire-cli --help.</translation>
    </message>
    <message>
        <location filename="../desktop/cli/clicommands.cpp" line="+19"/>
        <source>Usage: quire-cli [--profile DIR] COMMAND [options]

Commands:
</source>
        <translation>Aufruf: quire-cli [--profile VERZ] BEFEHL [Optionen]

Befehle:
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>
Options:
  --profile DIR  Use the profile in DIR instead of the default one.
  --help         Show this help.   --version  Show the version.

Exit codes: 0 success, 1 error, 2 usage error, 3 server unreachable,
4 certificate not trusted, 5 server and client versions incompatible,
6 sign-in refused or needed, 7 waiting for confirmation, 8 not found.
</source>
        <translation>
Optionen:
  --profile VERZ Das Profil in VERZ statt des Standardprofils verwenden.
  --help         Diese Hilfe anzeigen.   --version  Die Version anzeigen.

Exit-Codes: 0 Erfolg, 1 Fehler, 2 Aufruffehler, 3 Server nicht erreichbar,
4 Zertifikat nicht vertraut, 5 Server- und Client-Version unverträglich,
6 Anmeldung abgelehnt oder nötig, 7 wartet auf Bestätigung, 8 nicht gefunden.
</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>unknown option %1</source>
        <translation>unbekannte Option %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a command is missing</source>
        <translation>ein Befehl fehlt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown command %1</source>
        <translation>unbekannter Befehl %1</translation>
    </message>
    <message>
        <location filename="../desktop/cli/connectioncommands.cpp" line="+52"/>
        <source>%1 is not a SHA-256 fingerprint</source>
        <translation>%1 ist kein SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/cli/accountcommands.cpp" line="+80"/>
        <location filename="../desktop/articles/cli/articlecommands.cpp" line="+64"/>
        <location line="+90"/>
        <location filename="../desktop/cli/connectioncommands.cpp" line="+9"/>
        <location line="+64"/>
        <location line="+19"/>
        <location filename="../desktop/cli/synccommands.cpp" line="+80"/>
        <location line="+68"/>
        <location filename="../desktop/prompts/cli/promptcommands.cpp" line="+130"/>
        <location line="+106"/>
        <location filename="../desktop/prompts/cli/promptgroupcommands.cpp" line="+106"/>
        <location line="+82"/>
        <location filename="../desktop/scheduler/cli/metricscommands.cpp" line="+94"/>
        <location filename="../desktop/scheduler/cli/postcommands.cpp" line="+154"/>
        <location line="+180"/>
        <source>unexpected argument %1</source>
        <translation>unerwartetes Argument %1</translation>
    </message>
    <message>
        <location filename="../desktop/cli/connectioncommands.cpp" line="-56"/>
        <source>Trusting the certificate with fingerprint %1 on first use.</source>
        <translation>Dem Zertifikat mit dem Fingerabdruck %1 wird bei der ersten Verbindung vertraut.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Fingerprint: %1</source>
        <translation>Fingerabdruck: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass --trust-fingerprint with this value if it is the one your administrator gave you.</source>
        <translation>Geben Sie --trust-fingerprint mit diesem Wert an, wenn es der ist, den Ihre Administration Ihnen genannt hat.</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/cli/accountcommands.cpp" line="-58"/>
        <source>  login URL EMAIL [--trust-fingerprint SHA256 | --trust-on-first-use]
                 Connect as above and sign in; the password is read from
                 standard input. The refresh token goes to the keychain.
</source>
        <translation>  login URL EMAIL [--trust-fingerprint SHA256 | --trust-on-first-use]
                 Wie oben verbinden und anmelden; das Passwort wird von der
                 Standardeingabe gelesen. Das Refresh-Token kommt in den Schlüsselbund.
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>  logout         Sign out here and on the server (works offline too).
</source>
        <translation>  logout         Hier und auf dem Server abmelden (geht auch offline).
</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>login needs URL and EMAIL</source>
        <translation>login braucht URL und E-MAIL</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the password is read from standard input, and none came</source>
        <translation>das Passwort wird von der Standardeingabe gelesen, und es kam keines</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Signed in as %1 (%2).</source>
        <translation>Angemeldet als %1 (%2).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <location filename="../desktop/cli/connectioncommands.cpp" line="-74"/>
        <source>  connect URL [--trust-fingerprint SHA256 | --trust-on-first-use]
                 Check the server at URL and remember it. A certificate that no
                 CA vouches for is accepted only with its fingerprint or with
                 --trust-on-first-use.
</source>
        <translation>  connect URL [--trust-fingerprint SHA256 | --trust-on-first-use]
                 Den Server unter URL prüfen und merken. Ein Zertifikat, für das
                 keine Zertifizierungsstelle bürgt, wird nur mit seinem
                 Fingerabdruck oder mit --trust-on-first-use akzeptiert.
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>  status [--json]  Show the profile, its server and its replica: pending changes,
                 cursor, last sync, conflicts (works offline).
</source>
        <translation>  status [--json]  Profil, Server und Replik anzeigen: ausstehende Änderungen,
                 Cursor, letzter Abgleich, Konflikte (funktioniert offline).
</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Profile:   %1</source>
        <translation>Profil:    %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client id: %1</source>
        <translation>Client-ID: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server:    %1</source>
        <translation>Server:    %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pinned:    %1</source>
        <translation>Gepinnt:   %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replica:   schema version %1</source>
        <translation>Replik:    Schemaversion %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending:   %1 local changes not yet sent</source>
        <translation>Ausstehend: %1 lokale Änderungen noch nicht gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync: %1</source>
        <translation>Letzter Abgleich: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cursor:    %1</source>
        <translation>Cursor:    %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(start)</source>
        <translation>(Anfang)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts: %1   Refused changes: %2</source>
        <translation>Konflikte: %1   Abgelehnte Änderungen: %2</translation>
    </message>
    <message>
        <location filename="../desktop/cli/clisupport.cpp" line="+74"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <location filename="../desktop/articles/cli/articlecommands.cpp" line="-130"/>
        <source>  guides list [--json]
  guides show ID [--json]
  guides create --title T [FIELDS] [--json]   (prints the id)
  guides edit ID [--title T] [FIELDS]
    FIELDS: --body-file F --status S --kind guide|case_study --slug S --summary S
            --tags a,b --cover URL --publish-at ISO-8601
  guides delete ID
                 Read and change guides in the replica (offline too; F may be -).
</source>
        <translation>  guides list [--json]
  guides show ID [--json]
  guides create --title T [FELDER] [--json]   (gibt die ID aus)
  guides edit ID [--title T] [FELDER]
    FELDER: --body-file F --status S --kind guide|case_study --slug S --summary S
            --tags a,b --cover URL --publish-at ISO-8601
  guides delete ID
                 Anleitungen in der Replik lesen und ändern (auch offline; F darf - sein).
</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>guides needs list, show, create, edit or delete</source>
        <translation>guides braucht list, show, create, edit oder delete</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown guides command %1</source>
        <translation>unbekannter guides-Befehl %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No guides yet.</source>
        <translation>Noch keine Anleitungen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>guides show needs one ID</source>
        <translation>guides show braucht eine ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no guide %1 here.</source>
        <translation>Hier gibt es keine Anleitung %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Status: %1   Updated: %2   Revision: %3</source>
        <translation>Status: %1   Geändert: %2   Revision: %3</translation>
    </message>
    <message>
        <location line="+36"/>
        <location filename="../desktop/prompts/cli/promptbranchcommands.cpp" line="+49"/>
        <location filename="../desktop/prompts/cli/promptcommands.cpp" line="-108"/>
        <location line="+94"/>
        <location line="+153"/>
        <location filename="../desktop/scheduler/cli/metricscommands.cpp" line="-2"/>
        <location filename="../desktop/scheduler/cli/postcommands.cpp" line="-182"/>
        <location line="+140"/>
        <location line="+40"/>
        <source>an option is missing its value</source>
        <translation>einer Option fehlt ihr Wert</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>guides create needs --title</source>
        <translation>guides create braucht --title</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in once (quire-cli login) so new guides have an owner.</source>
        <translation>Melden Sie sich einmal an (quire-cli login), damit neue Anleitungen einen Eigentümer haben.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>guides edit needs one ID</source>
        <translation>guides edit braucht eine ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>guides edit needs at least one field to change</source>
        <translation>guides edit braucht mindestens ein Feld, das sich ändert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>guides delete needs one ID</source>
        <translation>guides delete braucht eine ID</translation>
    </message>
    <message>
        <location filename="../desktop/cli/synccommands.cpp" line="-109"/>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>  sync [--allow-mass-removal] [--json]
                 Send local changes and fetch the server&apos;s. A pull that would
                 remove most of the replica waits for --allow-mass-removal.
</source>
        <translation>  sync [--allow-mass-removal] [--json]
                 Lokale Änderungen senden und die des Servers holen. Ein Abruf, der
                 den Großteil der Replik entfernen würde, wartet auf --allow-mass-removal.
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  conflicts list [--all] [--json] | show ID [--json]
  conflicts resolve ID (--keep server|client | --with-file F)
                 Both versions of what two replicas changed at once.
</source>
        <translation>  conflicts list [--all] [--json] | show ID [--json]
  conflicts resolve ID (--keep server|client | --with-file F)
                 Beide Versionen dessen, was zwei Repliken gleichzeitig geändert haben.
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  rejected list [--json] | dismiss N
                 Changes the server refused, with their content.
</source>
        <translation>  rejected list [--json] | dismiss N
                 Änderungen, die der Server abgelehnt hat, mit ihrem Inhalt.
</translation>
    </message>
    <message>
        <location filename="../desktop/cli/clisupport.cpp" line="-103"/>
        <source>No server yet: run quire-cli login first.</source>
        <translation>Noch kein Server: führen Sie zuerst quire-cli login aus.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign in first: quire-cli login URL EMAIL</source>
        <translation>Melden Sie sich zuerst an: quire-cli login URL E-MAIL</translation>
    </message>
    <message>
        <location filename="../desktop/cli/synccommands.cpp" line="+42"/>
        <source>In sync. Conflicts to look at: %1. Refused changes: %2.</source>
        <translation>Abgeglichen. Offene Konflikte: %1. Abgelehnte Änderungen: %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server cannot be reached; your changes are kept.</source>
        <translation>Der Server ist nicht erreichbar; Ihre Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in again: quire-cli login URL EMAIL. Your changes are kept.</source>
        <translation>Melden Sie sich erneut an: quire-cli login URL E-MAIL. Ihre Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Run quire-cli sync --allow-mass-removal to go on.</source>
        <translation>Führen Sie quire-cli sync --allow-mass-removal aus, um fortzufahren.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>conflicts needs list, show or resolve</source>
        <translation>conflicts braucht list, show oder resolve</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No conflicts.</source>
        <translation>Keine Konflikte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>conflicts show needs one ID</source>
        <translation>conflicts show braucht eine ID</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+34"/>
        <source>There is no conflict %1.</source>
        <translation>Es gibt keinen Konflikt %1.</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>%1 %2, field %3 (%4); the row keeps the %5 version.</source>
        <translation>%1 %2, Feld %3 (%4); der Eintrag behält die Version von %5.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--- server version ---</source>
        <translation>--- Version des Servers ---</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--- your version ---</source>
        <translation>--- Ihre Version ---</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown conflicts command %1</source>
        <translation>unbekannter conflicts-Befehl %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>conflicts resolve ID (--keep server|client | --with-file FILE)</source>
        <translation>conflicts resolve ID (--keep server|client | --with-file DATEI)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Resolved; sync to send the result.</source>
        <translation>Gelöst; gleichen Sie ab, um das Ergebnis zu senden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+16"/>
        <source>rejected needs list or dismiss</source>
        <translation>rejected braucht list oder dismiss</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>rejected dismiss needs one change number</source>
        <translation>rejected dismiss braucht eine Änderungsnummer</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No refused changes.</source>
        <translation>Keine abgelehnten Änderungen.</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/cli/promptcommands.cpp" line="-274"/>
        <source>unknown prompts command %1</source>
        <translation>unbekannter prompts-Befehl %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>No prompts found.</source>
        <translation>Keine Prompts gefunden.</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/cli/promptbranchcommands.cpp" line="-18"/>
        <source>Sign in once (quire-cli login) so branches have an owner.</source>
        <translation>Melden Sie sich einmal an (quire-cli login), damit Zweige einen Eigentümer haben.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../desktop/prompts/cli/promptcommands.cpp" line="+7"/>
        <location line="+170"/>
        <location filename="../desktop/prompts/cli/promptgroupcommands.cpp" line="+21"/>
        <source>There is no prompt %1 here.</source>
        <translation>Hier gibt es keinen Prompt %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>prompts branch needs one ID or name</source>
        <translation>prompts branch braucht eine ID oder einen Namen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>choose one of --take-branch and --take-parent</source>
        <translation>wählen Sie eines von --take-branch und --take-parent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>prompts merge needs one branch ID or name</source>
        <translation>prompts merge braucht eine ID oder einen Namen eines Zweigs</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Clash in %1: %2</source>
        <translation>Konflikt in %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  parent: %1</source>
        <translation>  Prompt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  branch: %1</source>
        <translation>  Zweig:  %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing merged: settle the clashes with --take-branch or --take-parent.</source>
        <translation>Nichts zusammengeführt: Lösen Sie die Konflikte mit --take-branch oder --take-parent.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Merged; new version %1</source>
        <translation>Zusammengeführt; neue Version %1</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/cli/promptcommands.cpp" line="-277"/>
        <source>  prompts list [--search Q] [--tag T] [--template] [--favorites] [--json]
  prompts show ID|NAME [--json]
  prompts create --title T [FIELDS] [--json]   (prints the id)
  prompts edit ID|NAME [FIELDS]
    FIELDS: --name N --content TEXT | --content-file F --description D --category C
            --tags a,b --template | --no-template
  prompts favourite|unfavourite ID|NAME
  prompts versions ID|NAME [--json]
  prompts render ID|NAME [--var NAME=VALUE]... [--json]   (records the use)
  prompts branch ID|NAME [--title T] [--json]   (your copy to edit, offline too)
  prompts merge BRANCH [--take-branch | --take-parent] [--json]   (clashes: exit 1)
  prompts groups list [--json] | show GROUP [--json] | create --name N [--description D] [--json]
  prompts groups add|remove GROUP PROMPT | move GROUP PROMPT --to N (1: first)
  prompts groups pin GROUP PROMPT --version N | --label L | --latest
                 The prompt library in the replica (offline too; F may be -).
</source>
        <translation>  prompts list [--search Q] [--tag T] [--template] [--favorites] [--json]
  prompts show ID|NAME [--json]
  prompts create --title T [FELDER] [--json]   (gibt die ID aus)
  prompts edit ID|NAME [FELDER]
    FELDER: --name N --content TEXT | --content-file F --description D --category C
            --tags a,b --template | --no-template
  prompts favourite|unfavourite ID|NAME
  prompts versions ID|NAME [--json]
  prompts render ID|NAME [--var NAME=WERT]... [--json]   (zeichnet die Verwendung auf)
  prompts branch ID|NAME [--title T] [--json]   (Ihre Kopie zum Bearbeiten, auch offline)
  prompts merge ZWEIG [--take-branch | --take-parent] [--json]   (Konflikte: Exit-Code 1)
  prompts groups list [--json] | show GRUPPE [--json] | create --name N [--description D] [--json]
  prompts groups add|remove GRUPPE PROMPT | move GRUPPE PROMPT --to N (1: erster Platz)
  prompts groups pin GRUPPE PROMPT --version N | --label L | --latest
                 Die Prompt-Bibliothek im Replikat (auch offline; F darf - sein).
</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>prompts needs list, show, create, edit, render, favourite, unfavourite, versions, branch, merge or groups</source>
        <translation>prompts braucht list, show, create, edit, render, favourite, unfavourite, versions, branch, merge oder groups</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>prompts show needs one ID or name</source>
        <translation>prompts show braucht eine ID oder einen Namen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Name: %1   Template: %2   Updated: %3</source>
        <translation>Name: %1   Vorlage: %2   Geändert: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>give --content or --content-file, not both</source>
        <translation>--content oder --content-file angeben, nicht beides</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>prompts create needs --title</source>
        <translation>prompts create braucht --title</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in once (quire-cli login) so new prompts have an owner.</source>
        <translation>Einmal anmelden (quire-cli login), damit neue Prompts einen Eigentümer haben.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>prompts edit needs one ID or name</source>
        <translation>prompts edit braucht eine ID oder einen Namen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>prompts edit needs at least one field to change</source>
        <translation>prompts edit braucht mindestens ein Feld, das sich ändert</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>prompts favourite and unfavourite need one ID or name</source>
        <translation>prompts favourite und unfavourite brauchen eine ID oder einen Namen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>prompts versions needs one ID or name</source>
        <translation>prompts versions braucht eine ID oder einen Namen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No versions yet.</source>
        <translation>Noch keine Versionen.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The prompt %1 has no version %2.</source>
        <translation>Der Prompt %1 hat keine Version %2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--var needs NAME=VALUE, not %1</source>
        <translation>--var braucht NAME=WERT, nicht %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>prompts render needs one ID or name</source>
        <translation>prompts render braucht eine ID oder einen Namen</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/cli/promptgroupcommands.cpp" line="-157"/>
        <source>prompts groups needs list, show, create, add, remove, move or pin</source>
        <translation>prompts groups braucht list, show, create, add, remove, move oder pin</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown prompts groups command %1</source>
        <translation>unbekannter prompts-groups-Befehl %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>There is no group %1 here.</source>
        <translation>Hier gibt es keine Gruppe %1.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The prompt %1 is not in this group.</source>
        <translation>Der Prompt %1 ist nicht in dieser Gruppe.</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n prompt(s)</source>
        <translation>
            <numerusform>%n Prompt</numerusform>
            <numerusform>%n Prompts</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No groups yet.</source>
        <translation>Noch keine Gruppen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>prompts groups show needs one group</source>
        <translation>prompts groups show braucht eine Gruppe</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No prompts in this group yet: prompts groups add GROUP PROMPT.</source>
        <translation>Noch keine Prompts in dieser Gruppe: prompts groups add GRUPPE PROMPT.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>prompts groups create needs --name</source>
        <translation>prompts groups create braucht --name</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>prompts groups add needs a group and a prompt</source>
        <translation>prompts groups add braucht eine Gruppe und einen Prompt</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>prompts groups remove needs a group and a prompt</source>
        <translation>prompts groups remove braucht eine Gruppe und einen Prompt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>prompts groups move needs a group, a prompt and --to N (1 is first)</source>
        <translation>prompts groups move braucht eine Gruppe, einen Prompt und --to N (1 ist der erste Platz)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>prompts groups pin needs a group, a prompt and one of --version N, --label L, --latest</source>
        <translation>prompts groups pin braucht eine Gruppe, einen Prompt und eines von --version N, --label L, --latest</translation>
    </message>
    <message>
        <location filename="../desktop/scheduler/cli/metricscommands.cpp" line="-61"/>
        <source>Impressions</source>
        <translation>Impressionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Likes</source>
        <translation>Likes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shares</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clicks</source>
        <translation>Klicks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payouts</source>
        <translation>Auszahlungen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>  metrics engagement|financial [--group day|week|month] [--from DAY --to DAY]
          [--client NAME|ID] [--platform NAME|ID] [--csv | --json]
                 The server&apos;s figures per period, client and platform (money per
                 currency); without --from and --to the last 30 days. DAY: 2024-03-31.
</source>
        <translation>  metrics engagement|financial [--group day|week|month] [--from TAG --to TAG]
          [--client NAME|ID] [--platform NAME|ID] [--csv | --json]
                 Die Kennzahlen des Servers je Zeitraum, Kunde und Plattform (Geld je
                 Währung); ohne --from und --to die letzten 30 Tage. TAG: 2024-03-31.
</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>metrics needs engagement or financial</source>
        <translation>metrics braucht engagement oder financial</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>choose --csv or --json, not both</source>
        <translation>wählen Sie --csv oder --json, nicht beides</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a grouping; use day, week or month</source>
        <translation>%1 ist keine Gruppierung; verwenden Sie day, week oder month</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give both --from and --to, or neither</source>
        <translation>--from und --to beide angeben oder keines von beiden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a day; write one like 2024-03-31</source>
        <translation>%1 ist kein Tag; geben Sie einen wie 2024-03-31 an</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--to must not be before --from</source>
        <translation>--to darf nicht vor --from liegen</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../desktop/scheduler/cli/postcommands.cpp" line="-167"/>
        <source>There is no client %1 in this replica.</source>
        <translation>Diese Replik enthält keinen Kunden %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no platform %1 in this replica.</source>
        <translation>Diese Replik enthält keine Plattform %1.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No figures from %1 to %2.</source>
        <translation>Keine Kennzahlen von %1 bis %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>From %1 to %2:</source>
        <translation>Von %1 bis %2:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Total in %1: revenue %2, payouts %3</source>
        <translation>Summe in %1: Umsatz %2, Auszahlungen %3</translation>
    </message>
    <message>
        <location filename="../desktop/scheduler/cli/postcommands.cpp" line="-94"/>
        <source>no time yet</source>
        <translation>noch kein Zeitpunkt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>  posts list [--status S] [--client NAME|ID] [--json]
  posts show ID [--json]
  posts new --client NAME|ID --platform P[,P2] --text T [--title X]
            [--at ISO-8601 [--time-zone Area/City]] [--json]   (prints the id)
  posts schedule ID --at ISO-8601 [--time-zone Area/City]
  posts cancel ID
  posts retry ID [--destination DEST_ID]   (asks the server)
                 The creators&apos; queue in the replica (offline too): a draft, or
                 scheduled with --at (read in --time-zone, else the client&apos;s
                 zone, unless it names its offset). P is a platform&apos;s name,
                 network or id; a text too long for a network is refused.
</source>
        <translation>  posts list [--status S] [--client NAME|ID] [--json]
  posts show ID [--json]
  posts new --client NAME|ID --platform P[,P2] --text T [--title X]
            [--at ISO-8601 [--time-zone Region/Stadt]] [--json]   (gibt die ID aus)
  posts schedule ID --at ISO-8601 [--time-zone Region/Stadt]
  posts cancel ID
  posts retry ID [--destination ZIEL_ID]   (Anfrage an den Server)
                 Die Beitragswarteschlange der Kunden in der Replik (auch offline):
                 ein Entwurf oder mit --at geplant (gelesen in --time-zone, sonst in
                 der Zeitzone des Kunden, außer die Zeit nennt ihren Versatz).
                 P ist Name, Netzwerk oder ID einer Plattform; ein Text, der für
                 ein Netzwerk zu lang ist, wird abgelehnt.
</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>posts needs list, show, new, schedule, cancel or retry</source>
        <translation>posts braucht list, show, new, schedule, cancel oder retry</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown posts command %1</source>
        <translation>unbekannter posts-Befehl %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 is not a status; use one of %2</source>
        <translation>%1 ist kein Status; verwenden Sie einen von %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>    %1 %2: %3</source>
        <translation>    %1 %2: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No posts.</source>
        <translation>Keine Beiträge.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no post %1 in this replica.</source>
        <translation>Diese Replik enthält keinen Beitrag %1.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Client: %1</source>
        <translation>Kunde: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: %1   When: %2</source>
        <translation>Status: %1   Wann: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 %2 (%3): %4</source>
        <translation>%1 %2 (%3): %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  %1 of %2 characters</source>
        <translation>  %1 von %2 Zeichen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>  %n character(s)</source>
        <translation>
            <numerusform>  %n Zeichen</numerusform>
            <numerusform>  %n Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  Own text: %1</source>
        <translation>  Eigener Text: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  Last error: %1</source>
        <translation>  Letzter Fehler: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  Published at %1</source>
        <translation>  Veröffentlicht unter %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>posts show needs one ID</source>
        <translation>posts show braucht eine ID</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is not a time zone; name one like Europe/Berlin or UTC</source>
        <translation>%1 ist keine Zeitzone; nennen Sie eine wie Europe/Berlin oder UTC</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a time; write one like 2030-03-12T14:00</source>
        <translation>%1 ist kein Zeitpunkt; geben Sie einen wie 2030-03-12T14:00 an</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>posts new needs --client, --platform and --text</source>
        <translation>posts new braucht --client, --platform und --text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the text is empty</source>
        <translation>der Text ist leer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in once (quire-cli login) so new posts have an owner.</source>
        <translation>Melden Sie sich einmal an (quire-cli login), damit neue Beiträge einen Eigentümer haben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no client %1 in this replica; sync first if it is new.</source>
        <translation>Diese Replik enthält keinen Kunden %1; gleichen Sie zuerst ab, wenn er neu ist.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The client %1 has no platform %2 in this replica.</source>
        <translation>Der Kunde %1 hat in dieser Replik keine Plattform %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>posts schedule needs one ID and --at</source>
        <translation>posts schedule braucht eine ID und --at</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scheduled for %1; sync to send it.</source>
        <translation>Geplant für %1; gleichen Sie ab, um ihn zu senden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>posts cancel needs one ID</source>
        <translation>posts cancel braucht eine ID</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelled: it will not go out. Sync to send the change.</source>
        <translation>Abgebrochen: Der Beitrag wird nicht veröffentlicht. Gleichen Sie ab, um die Änderung zu senden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>posts retry needs one ID (and --destination DEST_ID for one destination)</source>
        <translation>posts retry braucht eine ID (und --destination ZIEL_ID für ein einzelnes Ziel)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The post has no destination %1.</source>
        <translation>Der Beitrag hat kein Ziel %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing to retry: the post&apos;s status here is %1. Sync first if it failed meanwhile.</source>
        <translation>Nichts zu wiederholen: Der Status des Beitrags ist hier %1. Gleichen Sie zuerst ab, falls er inzwischen fehlgeschlagen ist.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The server publishes it again now; sync later to see how it went.</source>
        <translation>Der Server veröffentlicht ihn jetzt erneut; gleichen Sie später ab, um zu sehen, wie es gelaufen ist.</translation>
    </message>
</context>
<context>
    <name>Quire::Core</name>
    <message>
        <location filename="../desktop/core/apiclient.cpp" line="+48"/>
        <source>Enter the server address, for example https://quire.example.org.</source>
        <translation>Geben Sie die Serveradresse ein, zum Beispiel https://quire.example.org.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>“%1” is not a server address.</source>
        <translation>„%1“ ist keine Serveradresse.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Quire only talks to servers over https://, except on this computer.</source>
        <translation>Quire verbindet sich nur über https:// mit Servern, außer auf diesem Computer.</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>The server&apos;s certificate is not known yet. Compare its fingerprint with the one your administrator gave you.</source>
        <translation>Das Zertifikat des Servers ist noch nicht bekannt. Vergleichen Sie seinen Fingerabdruck mit dem, den Ihre Administration Ihnen genannt hat.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server shows a different certificate than the one you trusted. This can mean someone is intercepting the connection; ask your administrator before you trust it.</source>
        <translation>Der Server zeigt ein anderes Zertifikat als das, dem Sie vertraut haben. Das kann bedeuten, dass jemand die Verbindung abfängt; fragen Sie Ihre Administration, bevor Sie ihm vertrauen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot reach the server: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>The server&apos;s answer could not be read. %1</source>
        <translation>Die Antwort des Servers ist nicht lesbar. %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The connection to the server broke off before its answer was complete: %1</source>
        <translation>Die Verbindung zum Server brach ab, bevor seine Antwort vollständig war: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The server answered with status %1.</source>
        <translation>Der Server antwortete mit Status %1.</translation>
    </message>
    <message>
        <location filename="../desktop/core/connectionmonitor.cpp" line="+29"/>
        <source>No server</source>
        <translation>Kein Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../desktop/core/profile.cpp" line="+44"/>
        <source>The profile %1 is a file, not a folder.</source>
        <translation>Das Profil %1 ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot create the profile folder %1.</source>
        <translation>Der Profilordner %1 lässt sich nicht anlegen.</translation>
    </message>
    <message>
        <location filename="../desktop/core/serverprobe.cpp" line="+34"/>
        <source>Cannot reach the server.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something answered at this address, but it is not a Quire server.</source>
        <translation>Unter dieser Adresse hat etwas geantwortet, aber es ist kein Quire-Server.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This version of Quire is too old for the server. Please update Quire.</source>
        <translation>Diese Quire-Version ist zu alt für den Server. Bitte aktualisieren Sie Quire.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server runs an older version than this Quire. Ask your administrator to update it.</source>
        <translation>Auf dem Server läuft eine ältere Version als dieses Quire. Bitten Sie Ihre Administration, ihn zu aktualisieren.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The server&apos;s answer was not understood.</source>
        <translation>Die Antwort des Servers war unverständlich.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connected to Quire server %1.</source>
        <translation>Mit Quire-Server %1 verbunden.</translation>
    </message>
    <message>
        <location filename="../desktop/core/authsession.cpp" line="+127"/>
        <location line="+20"/>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <location filename="../desktop/core/credentialstore.cpp" line="+90"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+6"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <location filename="../desktop/core/conflictresolver.cpp" line="+24"/>
        <source>There is no conflict %1.</source>
        <translation>Es gibt keinen Konflikt %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown table %1.</source>
        <translation>Unbekannte Tabelle %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a version: this conflict is about the whole item.</source>
        <translation>Wählen Sie eine Version: Dieser Konflikt betrifft den ganzen Eintrag.</translation>
    </message>
    <message>
        <location filename="../desktop/core/contentstore.cpp" line="+26"/>
        <source>There is no item with the id %1 in this replica.</source>
        <translation>In dieser Replik gibt es keinen Eintrag mit der ID %1.</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 has no field %2.</source>
        <translation>%1 hat kein Feld %2.</translation>
    </message>
    <message>
        <location filename="../desktop/core/syncengine.cpp" line="+62"/>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing…</source>
        <translation>Gleiche ab…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline: changes are kept and sent later</source>
        <translation>Offline: Änderungen bleiben erhalten und werden später gesendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed out: sign in to sync</source>
        <translation>Abgemeldet: zum Abgleichen anmelden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for your confirmation</source>
        <translation>Wartet auf Ihre Bestätigung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update Quire to sync with this server</source>
        <translation>Aktualisieren Sie Quire, um mit diesem Server abzugleichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync failed</source>
        <translation>Abgleich fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>This profile holds the data of another account. Sign in as that account, or use another profile (--profile).</source>
        <translation>Dieses Profil enthält die Daten eines anderen Kontos. Melden Sie sich mit diesem Konto an oder verwenden Sie ein anderes Profil (--profile).</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The server expects change %1, but this replica&apos;s next change is %2. Your changes are kept; ask the administrator.</source>
        <translation>Der Server erwartet Änderung %1, die nächste Änderung dieser Replik ist aber %2. Ihre Änderungen bleiben erhalten; fragen Sie die Administration.</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>The server&apos;s changes would remove %1 of the %2 items here. Nothing was removed yet; confirm to go on.</source>
        <translation>Die Änderungen des Servers würden %1 der %2 Einträge hier entfernen. Noch wurde nichts entfernt; bestätigen Sie, um fortzufahren.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The server gave no answer.</source>
        <translation>Der Server hat nicht geantwortet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server does not know this sign-in any more: it was ended, or the server was restored from a backup. Sign in again to sync; all your work here is kept and sent then.</source>
        <translation>Der Server kennt diese Anmeldung nicht mehr: Sie wurde beendet, oder der Server wurde aus einer Sicherung wiederhergestellt. Melden Sie sich erneut an, um zu synchronisieren; Ihre gesamte Arbeit hier bleibt erhalten und wird dann gesendet.</translation>
    </message>
    <message>
        <location filename="../desktop/articles/core/articlelistmodel.cpp" line="+26"/>
        <location filename="../desktop/scheduler/core/schedulerlabels.cpp" line="+30"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../desktop/scheduler/core/schedulerlabels.cpp" line="+1"/>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../desktop/scheduler/core/schedulerlabels.cpp" line="+2"/>
        <location line="+9"/>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <location line="+28"/>
        <location filename="../desktop/prompts/core/promptlistmodel.cpp" line="+59"/>
        <location filename="../desktop/scheduler/core/postlistmodel.cpp" line="+71"/>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../desktop/prompts/core/promptlistmodel.cpp" line="+27"/>
        <location filename="../desktop/scheduler/core/postlistmodel.cpp" line="+22"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../desktop/scheduler/core/postlistmodel.cpp" line="+6"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../desktop/prompts/core/promptlistmodel.cpp" line="+4"/>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../desktop/core/revisionhistory.cpp" line="+19"/>
        <source>The history is kept on the server; connect to see it.</source>
        <translation>Der Verlauf liegt auf dem Server; verbinden Sie sich, um ihn zu sehen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server has no history for this article yet. It appears after the first sync.</source>
        <translation>Der Server hat noch keinen Verlauf für diesen Artikel. Er erscheint nach dem ersten Abgleich.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server could not answer.</source>
        <translation>Der Server konnte nicht antworten.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>There is no article kind %1.</source>
        <translation>Es gibt keine Artikelart %1.</translation>
    </message>
    <message>
        <location filename="../desktop/media/core/medialibrary.cpp" line="+57"/>
        <location line="+29"/>
        <source>Images may be at most %1 MiB.</source>
        <translation>Bilder dürfen höchstens %1 MiB groß sein.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>The image could not be saved: %1</source>
        <translation>Das Bild ließ sich nicht speichern: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 could not be read.</source>
        <translation>%1 ließ sich nicht lesen.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The image file is missing.</source>
        <translation>Die Bilddatei fehlt.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The server refused the image.</source>
        <translation>Der Server hat das Bild abgelehnt.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+11"/>
        <source>The image is not here yet.</source>
        <translation>Das Bild ist noch nicht da.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The image arrived damaged.</source>
        <translation>Das Bild kam beschädigt an.</translation>
    </message>
    <message>
        <location filename="../desktop/core/datetext.cpp" line="+17"/>
        <location line="+18"/>
        <source>%1, %2</source>
        <comment>a date written in full, then its time</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/core/auditactions.cpp" line="+20"/>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed out everywhere</source>
        <translation>Überall abgemeldet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old sign-in token reused (session ended)</source>
        <translation>Altes Anmeldetoken erneut benutzt (Sitzung beendet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed password</source>
        <translation>Passwort geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked for a password reset</source>
        <translation>Passwort-Zurücksetzen angefordert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password</source>
        <translation>Passwort zurückgesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-time password made on the server</source>
        <translation>Einmalpasswort auf dem Server erzeugt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked to change email</source>
        <translation>E-Mail-Änderung angefordert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed email</source>
        <translation>E-Mail geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed email</source>
        <translation>E-Mail bestätigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added account</source>
        <translation>Konto angelegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed role</source>
        <translation>Rolle geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disabled account</source>
        <translation>Konto deaktiviert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enabled account</source>
        <translation>Konto aktiviert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted account</source>
        <translation>Konto gelöscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created invite code</source>
        <translation>Einladungscode erstellt</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/core/promptlistmodel.cpp" line="-56"/>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not a favourite</source>
        <translation>Kein Favorit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove from favourites</source>
        <translation>Aus den Favoriten entfernen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add to favourites</source>
        <translation>Zu den Favoriten hinzufügen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source> · template</source>
        <translation> · Vorlage</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/core/promptstore.cpp" line="+41"/>
        <source>There is no prompt version %1 in this replica.</source>
        <translation>Diese Replik enthält keine Prompt-Version %1.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temperature: %1</source>
        <translation>Temperatur: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max tokens: %1</source>
        <translation>Max. Tokens: %1</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/core/promptbranches.cpp" line="+26"/>
        <location filename="../desktop/prompts/core/promptstore.cpp" line="+110"/>
        <source>There is no prompt with the id %1 in this replica.</source>
        <translation>Diese Replik enthält keinen Prompt mit der ID %1.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Before branching</source>
        <translation>Vor dem Verzweigen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (branch)</source>
        <translation>%1 (Zweig)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Branched from %1</source>
        <translation>Verzweigt von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branched from version %1</source>
        <translation>Verzweigt von Version %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>“%1” is not a branch.</source>
        <translation>„%1“ ist kein Zweig.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The prompt and the branch both changed: %1. Choose a text for each.</source>
        <translation>Der Prompt und der Zweig haben beide geändert: %1. Wählen Sie für jedes einen Text.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Only the owner of “%1” can merge into it.</source>
        <translation>Nur der Eigentümer von „%1“ kann hinein zusammenführen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Merged branch %1</source>
        <translation>Zweig %1 zusammengeführt</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/core/promptstore.cpp" line="+46"/>
        <source>Restored version %1</source>
        <translation>Version %1 wiederhergestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored an unnumbered version</source>
        <translation>Eine noch nicht nummerierte Version wiederhergestellt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no prompt called “%1” in this replica.</source>
        <translation>Diese Replik enthält keinen Prompt namens „%1“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” has no version “%2” in this replica.</source>
        <translation>„%1“ hat in dieser Replik keine Version „%2“.</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/core/groupmemberlistmodel.cpp" line="+53"/>
        <source>not yet numbered</source>
        <translation>noch nicht nummeriert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pinned to a version not in this replica</source>
        <translation>an eine Version angeheftet, die nicht in diesem Replikat ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pinned to version %1</source>
        <translation>an Version %1 angeheftet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>label %1 (points at no version)</source>
        <translation>Label %1 (zeigt auf keine Version)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>label %1 (version %2)</source>
        <translation>Label %1 (Version %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>latest (no version yet)</source>
        <translation>neueste (noch keine Version)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>latest (version %1)</source>
        <translation>neueste (Version %1)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(a prompt not in this replica)</source>
        <translation>(ein Prompt, der nicht in diesem Replikat ist)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/core/groupstore.cpp" line="+29"/>
        <source>There is no %1 %2 in this replica.</source>
        <translation>%1 %2 ist in diesem Replikat nicht vorhanden.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is shared with you to read; its owner can make you an editor.</source>
        <translation>„%1“ ist für Sie nur zum Lesen freigegeben; der Eigentümer kann Sie zum Bearbeiter machen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only the owner of “%1” can share it.</source>
        <translation>Nur der Eigentümer von „%1“ kann die Gruppe freigeben.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign in once so new groups have an owner.</source>
        <translation>Einmal anmelden, damit neue Gruppen einen Eigentümer haben.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” is already in “%2”.</source>
        <translation>„%1“ ist schon in „%2“.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>group member</source>
        <translation>Gruppenmitglied</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>version of this prompt</source>
        <translation>Version dieses Prompts</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>You own “%1”; it needs no share with you.</source>
        <translation>„%1“ gehört Ihnen; eine Freigabe für Sie ist nicht nötig.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” is already shared with this user.</source>
        <translation>„%1“ ist für diese Person schon freigegeben.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>share</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Sharing by email needs a connection to the server, which knows who the address belongs to (%1). Try again when online.</source>
        <translation>Freigeben per E-Mail braucht eine Verbindung zum Server, der weiß, wem die Adresse gehört (%1). Versuchen Sie es wieder, wenn Sie online sind.</translation>
    </message>
    <message>
        <location filename="../desktop/core/sqlitestatement.cpp" line="+44"/>
        <source>The replica&apos;s database is not an open SQLite connection.</source>
        <translation>Die Datenbank des Replikats ist keine geöffnete SQLite-Verbindung.</translation>
    </message>
    <message>
        <location filename="../desktop/scheduler/core/postlistmodel.cpp" line="-70"/>
        <location filename="../desktop/scheduler/core/schedulerlabels.cpp" line="+63"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Found before publishing: %1</source>
        <translation>Vor dem Veröffentlichen gefunden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No platform chosen yet</source>
        <translation>Noch keine Plattform gewählt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No time</source>
        <translation>Kein Zeitpunkt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scheduled for</source>
        <translation>Geplant für</translation>
    </message>
    <message>
        <location filename="../desktop/scheduler/core/poststore.cpp" line="+51"/>
        <source>This post is published or being published; its status is the publisher&apos;s now.</source>
        <translation>Dieser Beitrag ist veröffentlicht oder wird gerade veröffentlicht; seinen Status bestimmt jetzt der Veröffentlichungsdienst.</translation>
    </message>
    <message>
        <location line="+138"/>
        <location line="+15"/>
        <source>There is no post %1 in this replica.</source>
        <translation>Diese Replik enthält keinen Beitrag %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+31"/>
        <source>Choose when the post goes out.</source>
        <translation>Wählen Sie, wann der Beitrag veröffentlicht wird.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>It is being published: its time can no longer change.</source>
        <translation>Er wird gerade veröffentlicht: Sein Zeitpunkt lässt sich nicht mehr ändern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is published: its time can no longer change.</source>
        <translation>Er ist veröffentlicht: Sein Zeitpunkt lässt sich nicht mehr ändern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Part of it is published: its time can no longer change.</source>
        <translation>Er ist teilweise veröffentlicht: Sein Zeitpunkt lässt sich nicht mehr ändern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is cancelled: schedule it again in the composer first.</source>
        <translation>Er ist abgebrochen: Planen Sie ihn zuerst im Editor erneut.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add at least one platform to post to.</source>
        <translation>Fügen Sie mindestens eine Plattform hinzu, auf der der Beitrag erscheinen soll.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a platform of the post&apos;s client for every destination.</source>
        <translation>Wählen Sie für jedes Ziel eine Plattform des Kunden, zu dem der Beitrag gehört.</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>The text for %1 is %n character(s) too long.</source>
        <translation>
            <numerusform>Der Text für %1 ist %n Zeichen zu lang.</numerusform>
            <numerusform>Der Text für %1 ist %n Zeichen zu lang.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-24"/>
        <source>The text for %1 is empty.</source>
        <translation>Der Text für %1 ist leer.</translation>
    </message>
    <message>
        <location filename="../desktop/scheduler/core/schedulerlabels.cpp" line="-73"/>
        <location line="+9"/>
        <source>Publishing</source>
        <translation>Wird veröffentlicht</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Partly published</source>
        <translation>Teilweise veröffentlicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+8"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mastodon</source>
        <translation>Mastodon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bluesky</source>
        <translation>Bluesky</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Signing secret</source>
        <translation>Signaturschlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handle or e-mail</source>
        <translation>Handle oder E-Mail-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App password</source>
        <translation>App-Passwort</translation>
    </message>
    <message>
        <location filename="../desktop/scheduler/core/postlistmodel.cpp" line="-33"/>
        <location filename="../desktop/scheduler/core/schedulerlabels.cpp" line="+60"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../desktop/scheduler/core/metricsremote.cpp" line="+19"/>
        <location filename="../desktop/scheduler/core/schedulerremote.cpp" line="+24"/>
        <source>The server gave no usable answer.</source>
        <translation>Der Server hat keine verwertbare Antwort geliefert.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The server&apos;s metrics could not be read.</source>
        <translation>Die Kennzahlen des Servers ließen sich nicht lesen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/scheduler/core/schedulerstore.cpp" line="+146"/>
        <source>%n client(s) are named %1; name the one you mean by its id.</source>
        <translation>
            <numerusform>%n Kunde heißt %1; nennen Sie den gewünschten über seine ID.</numerusform>
            <numerusform>%n Kunden heißen %1; nennen Sie den gewünschten über seine ID.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+77"/>
        <source>%n platform(s) fit %1; name the one you mean by its id or display name.</source>
        <translation>
            <numerusform>%n Plattform passt zu %1; nennen Sie die gewünschte über ihre ID oder ihren Anzeigenamen.</numerusform>
            <numerusform>%n Plattformen passen zu %1; nennen Sie die gewünschte über ihre ID oder ihren Anzeigenamen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Quire::Gui</name>
    <message>
        <location filename="../desktop/widgets/connectdialog.cpp" line="+44"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+83"/>
        <source>&amp;Trust this certificate</source>
        <translation>Diesem Zertifikat &amp;vertrauen</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Connect to a Quire server</source>
        <translation>Mit einem Quire-Server verbinden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>https://quire.example.org</source>
        <translation>https://quire.example.org</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>SHA-256 fingerprint of the server&apos;s certificate:</source>
        <translation>SHA-256-Fingerabdruck des Serverzertifikats:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Server &amp;address:</source>
        <translation>Server&amp;adresse:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Trust the new certificate</source>
        <translation>Dem neuen Zertifikat &amp;vertrauen</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/connectionindicator.cpp" line="+40"/>
        <source>Changes are kept on this computer and sent when the server is back.
%1</source>
        <translation>Änderungen bleiben auf diesem Computer und werden gesendet, sobald der Server wieder erreichbar ist.
%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose File › Connect to Server… to sync with a Quire server.</source>
        <translation>Wählen Sie Datei › Mit Server verbinden…, um mit einem Quire-Server zu synchronisieren.</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/desktopapp.cpp" line="+33"/>
        <source>Quire: write, manage and publish, offline first.</source>
        <translation>Quire: schreiben, verwalten und veröffentlichen – zuerst offline.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use the profile in &lt;dir&gt; instead of the default one.</source>
        <translation>Das Profil in &lt;verz&gt; statt des Standardprofils verwenden.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dir</source>
        <translation>verz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to the server at &lt;url&gt;.</source>
        <translation>Mit dem Server unter &lt;url&gt; verbinden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust the server certificate with this SHA-256 &lt;fingerprint&gt;.</source>
        <translation>Dem Serverzertifikat mit diesem SHA-256-&lt;fingerabdruck&gt; vertrauen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fingerprint</source>
        <translation>fingerabdruck</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suggest &lt;address&gt; when the app asks you to sign in.</source>
        <translation>&lt;Adresse&gt; vorschlagen, wenn die App zur Anmeldung auffordert.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Quire cannot start</source>
        <translation>Quire kann nicht starten</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>The fingerprint is not a SHA-256 fingerprint.</source>
        <translation>Der Fingerabdruck ist kein SHA-256-Fingerabdruck.</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/mainwindow.cpp" line="+55"/>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/widgets/accountmenu.cpp" line="+55"/>
        <source>Your session ended. Sign in again; nothing you wrote here is lost.</source>
        <translation>Ihre Sitzung ist beendet. Melden Sie sich erneut an; nichts, was Sie hier geschrieben haben, geht verloren.</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/features.cpp" line="+34"/>
        <source>Admin</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/widgets/adminview.cpp" line="+34"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Editor</source>
        <translation>Redaktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../desktop/articles/widgets/articlesview.cpp" line="+83"/>
        <location filename="../desktop/prompts/widgets/promptversionspanel.cpp" line="+74"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creator</source>
        <translation>Creator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reader</source>
        <translation>Leser</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>This is the last active administrator. Make someone else an administrator first.</source>
        <translation>Dies ist der letzte aktive Administrator. Machen Sie zuerst jemand anderen zum Administrator.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only administrators may do this.</source>
        <translation>Nur Administratoren dürfen das.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../desktop/accounts/widgets/signindialog.cpp" line="+80"/>
        <source>The server cannot be reached. Check the connection and try again.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../desktop/accounts/widgets/signindialog.cpp" line="+5"/>
        <source>The server refused this (%1).</source>
        <translation>Der Server hat das abgelehnt (%1).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Users</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Invites</source>
        <translation>&amp;Einladungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit &amp;Log</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sign in as an administrator to manage users, invites and the audit log.</source>
        <translation>Melden Sie sich als Administrator an, um Benutzer, Einladungen und das Protokoll zu verwalten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only administrators manage users. You are signed in as %1.</source>
        <translation>Nur Administratoren verwalten Benutzer. Sie sind angemeldet als %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Search by name or email</source>
        <translation>Nach Name oder E-Mail suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../desktop/accounts/widgets/apikeysdialog.cpp" line="+65"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../desktop/prompts/widgets/chatmessageseditor.cpp" line="+71"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../desktop/scheduler/widgets/postsview.cpp" line="+65"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set &amp;Role</source>
        <translation>&amp;Rolle setzen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Their &amp;Events</source>
        <translation>&amp;Ereignisse des Benutzers</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Role of the selected user:</source>
        <translation>Rolle des gewählten Benutzers:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Events by %1</source>
        <translation>Ereignisse von %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create &amp;Invite Code</source>
        <translation>&amp;Einladungscode erstellen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No invite code yet. Choose the role the new person gets and how long the code stays valid, then click Create Invite Code.</source>
        <translation>Noch kein Einladungscode. Wählen Sie die Rolle der neuen Person und wie lange der Code gilt, und klicken Sie dann auf „Einladungscode erstellen“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid for:</source>
        <translation>Gültig für:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give this code to the person you invite. It is shown only once and works once.</source>
        <translation>Geben Sie diesen Code der eingeladenen Person. Er wird nur einmal angezeigt und gilt nur einmal.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Invite code created.</source>
        <translation>Einladungscode erstellt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Events by everyone</source>
        <translation>Ereignisse von allen</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>E&amp;veryone</source>
        <translation>&amp;Alle</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Concerning</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Disabled</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unverified</source>
        <translation>Unbestätigt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nobody matches “%1”. Clear the search to see everyone, or click Add User.</source>
        <translation>Niemand passt zu „%1“. Leeren Sie die Suche, um alle zu sehen, oder klicken Sie auf „Benutzer hinzufügen“.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n user(s) found.</source>
        <translation>
            <numerusform>%n Benutzer gefunden.</numerusform>
            <numerusform>%n Benutzer gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&amp;Enable Account</source>
        <translation>Konto &amp;aktivieren</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Disable Account</source>
        <translation>Konto deaktivieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable the account of %1?</source>
        <translation>Das Konto von %1 deaktivieren?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>They are signed out on every device and cannot sign in until the account is enabled again. Their articles stay.</source>
        <translation>Die Person wird auf allen Geräten abgemeldet und kann sich erst wieder anmelden, wenn das Konto aktiviert wird. Ihre Artikel bleiben erhalten.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Added %1. An email with a link to choose a password is on its way.</source>
        <translation>%1 hinzugefügt. Eine E-Mail mit einem Link zum Wählen des Passworts ist unterwegs.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Server console</source>
        <translation>Server-Konsole</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deleted account</source>
        <translation>Gelöschtes Konto</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No events match. Choose All events and Everyone to see the whole log.</source>
        <translation>Keine passenden Ereignisse. Wählen Sie „Alle Ereignisse“ und „Alle“, um das ganze Protokoll zu sehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No events yet. Sign-ins, role changes and other account events appear here.</source>
        <translation>Noch keine Ereignisse. Anmeldungen, Rollenänderungen und andere Kontoereignisse erscheinen hier.</translation>
    </message>
    <message>
        <location line="-265"/>
        <location line="+154"/>
        <location line="+31"/>
        <source>Select a user first.</source>
        <translation>Wählen Sie zuerst einen Benutzer.</translation>
    </message>
    <message>
        <location line="-218"/>
        <location line="+211"/>
        <location line="+24"/>
        <source>&amp;Disable Account</source>
        <translation>Konto &amp;deaktivieren</translation>
    </message>
    <message>
        <location line="-233"/>
        <source>&amp;Add User…</source>
        <translation>Benutzer &amp;hinzufügen…</translation>
    </message>
    <message>
        <location line="+200"/>
        <source>Saved changes to %1.</source>
        <translation>Änderungen an %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/mainwindow.cpp" line="+56"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect to Server…</source>
        <translation>Mit &amp;Server verbinden…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check &amp;Connection</source>
        <translation>&amp;Verbindung prüfen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/widgets/accountmenu.cpp" line="-32"/>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sign In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Create Account…</source>
        <translation>Konto &amp;erstellen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Profile…</source>
        <translation>&amp;Profil…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>API &amp;Keys…</source>
        <translation>API-&amp;Schlüssel…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/mainwindow.cpp" line="+8"/>
        <source>&amp;Sync</source>
        <translation>&amp;Abgleich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync &amp;Now</source>
        <translation>&amp;Jetzt abgleichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Konflikte…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Refused Changes…</source>
        <translation>&amp;Abgelehnte Änderungen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove Items?</source>
        <translation>Einträge entfernen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s changes would remove %1 of the %2 items in this replica (for example after your access changed). Nothing has been removed yet. Go on?</source>
        <translation>Die Änderungen des Servers würden %1 der %2 Einträge dieser Replik entfernen (etwa weil sich Ihre Zugriffsrechte geändert haben). Noch wurde nichts entfernt. Fortfahren?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open an article to format its text</source>
        <translation>Öffnen Sie einen Artikel, um seinen Text zu formatieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show &amp;List</source>
        <translation>&amp;Liste anzeigen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Quire</source>
        <translation>Ü&amp;ber Quire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Quire</source>
        <translation>Über Quire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quire %1
Offline-first authoring and publishing.</source>
        <translation>Quire %1
Schreiben und Veröffentlichen, zuerst offline.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quire – %1</source>
        <translation>Quire – %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quire</source>
        <translation>Quire</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/widgets/accountmenu.cpp" line="+27"/>
        <source>Connect to a server first (File › Connect to Server…).</source>
        <translation>Verbinden Sie sich zuerst mit einem Server (Datei › Mit Server verbinden…).</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/widgets/profiledialog.cpp" line="+28"/>
        <source>Send me mail about my content</source>
        <translation>Mir E-Mails zu meinen Inhalten senden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your Profile</source>
        <translation>Ihr Profil</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Like the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/widgets/adduserdialog.cpp" line="+31"/>
        <source>Add User</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add User</source>
        <translation>Benutzer &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The new user gets an email with a link to choose a password. The link is valid for 7 days.</source>
        <translation>Die neue Person erhält eine E-Mail mit einem Link, um ein Passwort zu wählen. Der Link gilt 7 Tage.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../desktop/accounts/widgets/apikeysdialog.cpp" line="+28"/>
        <location filename="../desktop/accounts/widgets/profiledialog.cpp" line="+2"/>
        <location filename="../desktop/accounts/widgets/signindialog.cpp" line="+86"/>
        <location filename="../desktop/prompts/widgets/prompteditor.cpp" line="+142"/>
        <location filename="../desktop/scheduler/widgets/clientdialog.cpp" line="+35"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Enter the person&apos;s name.</source>
        <translation>Geben Sie den Namen der Person ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+36"/>
        <source>Enter an email address like name@example.com.</source>
        <translation>Geben Sie eine E-Mail-Adresse wie name@example.com ein.</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Adding…</source>
        <translation>Wird hinzugefügt…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>An account with this email address exists already.</source>
        <translation>Ein Konto mit dieser E-Mail-Adresse gibt es bereits.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the person&apos;s name (at most %1 characters).</source>
        <translation>Geben Sie den Namen der Person ein (höchstens %1 Zeichen).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose one of the roles in the list.</source>
        <translation>Wählen Sie eine der Rollen in der Liste.</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/widgets/profiledialog.cpp" line="+1"/>
        <source>&amp;Avatar address:</source>
        <translation>&amp;Avatar-Adresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save Profile</source>
        <translation>Profil &amp;speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;urrent password:</source>
        <translation>&amp;Aktuelles Passwort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;w password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Change Password</source>
        <translation>Passwort ä&amp;ndern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changing it signs out your other devices.</source>
        <translation>Eine Änderung meldet Ihre anderen Geräte ab.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The avatar address must start with https://.</source>
        <translation>Die Avatar-Adresse muss mit https:// beginnen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Profile saved.</source>
        <translation>Profil gespeichert.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Password changed. Your other devices were signed out.</source>
        <translation>Passwort geändert. Ihre anderen Geräte wurden abgemeldet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The current password is not right.</source>
        <translation>Das aktuelle Passwort stimmt nicht.</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/widgets/signindialog.cpp" line="-129"/>
        <source>Enter a valid email address.</source>
        <translation>Geben Sie eine gültige E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use 12 to 256 characters, and not one of the most common passwords.</source>
        <translation>Verwenden Sie 12 bis 256 Zeichen und keines der häufigsten Passwörter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your name (at most 100 characters).</source>
        <translation>Geben Sie Ihren Namen ein (höchstens 100 Zeichen).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The invite code is unknown, used or expired.</source>
        <translation>Der Einladungscode ist unbekannt, benutzt oder abgelaufen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the field “%1”.</source>
        <translation>Prüfen Sie das Feld „%1“.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The email address or the password is wrong.</source>
        <translation>Die E-Mail-Adresse oder das Passwort ist falsch.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>Dieses Konto ist gesperrt. Fragen Sie einen Administrator.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many attempts. Wait a little and try again.</source>
        <translation>Zu viele Versuche. Warten Sie etwas und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server is busy. Try again in a moment.</source>
        <translation>Der Server ist ausgelastet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This server does not take registrations. Ask an administrator for an account.</source>
        <translation>Dieser Server nimmt keine Registrierungen an. Bitten Sie einen Administrator um ein Konto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An account with this email address exists already. Sign in, or reset its password.</source>
        <translation>Ein Konto mit dieser E-Mail-Adresse gibt es schon. Melden Sie sich an oder setzen Sie sein Passwort zurück.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Sign in to Quire</source>
        <translation>Bei Quire anmelden</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/widgets/adduserdialog.cpp" line="-75"/>
        <location filename="../desktop/accounts/widgets/signindialog.cpp" line="+48"/>
        <location line="+29"/>
        <location line="+26"/>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/widgets/signindialog.cpp" line="-54"/>
        <location line="+29"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>&amp;Sign In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create an account</source>
        <translation>Ein Konto erstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forgot your password?</source>
        <translation>Passwort vergessen?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>only if the server asks for one</source>
        <translation>nur wenn der Server einen verlangt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Invite code:</source>
        <translation>&amp;Einladungscode:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least 12 characters. A few words you can remember make a good password.</source>
        <translation>Mindestens 12 Zeichen. Ein paar Wörter, die Sie sich merken können, sind ein gutes Passwort.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Create Account</source>
        <translation>Konto &amp;erstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Back to sign-in</source>
        <translation>Zurück zur Anmeldung</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Send Reset Link</source>
        <translation>Link &amp;senden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>We will mail you a link to choose a new password.</source>
        <translation>Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort wählen.</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/widgets/choosepassworddialog.cpp" line="+26"/>
        <source>&amp;Save Password</source>
        <translation>Passwort &amp;speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose your password</source>
        <translation>Eigenes Passwort wählen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>You signed in with a one-time password. Choose your own now: at least 12 characters; a few words you can remember make a good password.</source>
        <translation>Sie haben sich mit einem Einmal-Passwort angemeldet. Wählen Sie jetzt Ihr eigenes: mindestens 12 Zeichen; ein paar Wörter, die Sie sich merken können, ergeben ein gutes Passwort.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The two passwords differ. Type the same one twice.</source>
        <translation>Die beiden Passwörter unterscheiden sich. Geben Sie zweimal dasselbe ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../desktop/accounts/widgets/signindialog.cpp" line="+24"/>
        <source>Talking to the server…</source>
        <translation>Spreche mit dem Server…</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/widgets/signindialog.cpp" line="+44"/>
        <source>Account created. We sent you a mail to confirm your address; you can sign in now.</source>
        <translation>Konto erstellt. Wir haben Ihnen eine E-Mail zur Bestätigung Ihrer Adresse gesendet; Sie können sich jetzt anmelden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>If an account exists for this address, a reset link is on its way. Check your mail.</source>
        <translation>Falls es ein Konto mit dieser Adresse gibt, ist ein Link zum Zurücksetzen unterwegs. Sehen Sie in Ihre E-Mails.</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/conflictsdialog.cpp" line="+32"/>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Both changed the same part of the text. The item keeps the server&apos;s text.</source>
        <translation>Beide haben dieselbe Stelle des Textes geändert. Der Eintrag behält den Text des Servers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Both changed this field. The item keeps your value; the server&apos;s is shown.</source>
        <translation>Beide haben dieses Feld geändert. Der Eintrag behält Ihren Wert; der des Servers wird gezeigt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You edited an item someone deleted. It was brought back with your edit.</source>
        <translation>Sie haben einen Eintrag bearbeitet, den jemand gelöscht hat. Er wurde mit Ihrer Änderung wiederhergestellt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You deleted an item someone edited. It was kept with their edit.</source>
        <translation>Sie haben einen Eintrag gelöscht, den jemand bearbeitet hat. Er bleibt mit dessen Änderung erhalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address you chose was taken, so the item was saved under the server&apos;s address shown here. Keep it, or change the address in the item&apos;s details.</source>
        <translation>Die gewählte Adresse war schon vergeben, daher wurde der Eintrag unter der hier gezeigten Adresse des Servers gespeichert. Behalten Sie sie, oder ändern Sie die Adresse in den Details des Eintrags.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Server version</source>
        <translation>Version des Servers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your version</source>
        <translation>Ihre Version</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep Server Version</source>
        <translation>Version des Servers behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep My Version</source>
        <translation>Meine Version behalten</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No conflicts. Everything you and others wrote is in place.</source>
        <translation>Keine Konflikte. Alles, was Sie und andere geschrieben haben, ist an seinem Platz.</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/rejecteddialog.cpp" line="+56"/>
        <source>Refused Changes</source>
        <translation>Abgelehnte Änderungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export Refused Change</source>
        <translation>Abgelehnte Änderung exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/formatactions.cpp" line="+40"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>↶</source>
        <translation>↶</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>↷</source>
        <translation>↷</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Paragraph</source>
        <translation>&amp;Absatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>¶</source>
        <translation>¶</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Heading &amp;1</source>
        <translation>Überschrift &amp;1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>H1</source>
        <translation>Ü1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Heading &amp;2</source>
        <translation>Überschrift &amp;2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>H2</source>
        <translation>Ü2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Heading &amp;3</source>
        <translation>Überschrift &amp;3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>H3</source>
        <translation>Ü3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Bold</source>
        <translation>&amp;Fett</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B</source>
        <translation>F</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Italic</source>
        <translation>&amp;Kursiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I</source>
        <translation>K</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Strikethrough</source>
        <translation>&amp;Durchgestrichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S</source>
        <translation>D</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Inline &amp;Code</source>
        <translation>&amp;Code im Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;&gt;</source>
        <translation>&lt;&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Code Bl&amp;ock</source>
        <translation>Code&amp;block</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{ }</source>
        <translation>{ }</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quote</source>
        <translation>&amp;Zitat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“”</source>
        <translation>„“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bulleted &amp;List</source>
        <translation>&amp;Aufzählung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>•</source>
        <translation>•</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Numbered List</source>
        <translation>&amp;Nummerierte Liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1.</source>
        <translation>1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Task List</source>
        <translation>Au&amp;fgabenliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>☐</source>
        <translation>☐</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ou&amp;tdent</source>
        <translation>&amp;Ausrücken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⇤</source>
        <translation>⇤</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shift+Tab</source>
        <translation>Umschalt+Tab</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In&amp;dent</source>
        <translation>&amp;Einrücken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⇥</source>
        <translation>⇥</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lin&amp;k…</source>
        <translation>&amp;Link…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../desktop/widgets/linkdialog.cpp" line="+23"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I&amp;mage…</source>
        <translation>&amp;Bild…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;able…</source>
        <translation>&amp;Tabelle…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Row Below</source>
        <translation>Zeile darunter einfügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>+Row</source>
        <translation>+Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove Row</source>
        <translation>Zeile entfernen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>−Row</source>
        <translation>−Zeile</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add Column Right</source>
        <translation>Spalte rechts einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+Col</source>
        <translation>+Spalte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove Column</source>
        <translation>Spalte entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>−Col</source>
        <translation>−Spalte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Horizontal Rule</source>
        <translation>&amp;Trennlinie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>R&amp;eplace…</source>
        <translation>&amp;Ersetzen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paste as Plain &amp;Text</source>
        <translation>Als reinen &amp;Text einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste Text</source>
        <translation>Text einfügen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rich Text</source>
        <translation>Formatierter Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rich text</source>
        <translation>Formatierter Text</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Side by Side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <location filename="../desktop/articles/widgets/articlepreview.cpp" line="+63"/>
        <location filename="../desktop/widgets/formatactions.cpp" line="+1"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/widgets/adminview.cpp" line="-309"/>
        <location line="+335"/>
        <location filename="../desktop/accounts/widgets/apikeysdialog.cpp" line="-10"/>
        <location filename="../desktop/prompts/widgets/groupsview.cpp" line="+265"/>
        <location filename="../desktop/scheduler/widgets/clientsdialog.cpp" line="+172"/>
        <location filename="../desktop/widgets/formatactions.cpp" line="+34"/>
        <location filename="../desktop/widgets/rejecteddialog.cpp" line="+14"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/formatactions.cpp" line="+0"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../desktop/widgets/rejecteddialog.cpp" line="+4"/>
        <source>(a deletion of %1)</source>
        <translation>(ein Löschen von %1)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The server has accepted every change sent from here.</source>
        <translation>Der Server hat jede von hier gesendete Änderung angenommen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server refused this change: %1</source>
        <translation>Der Server hat diese Änderung abgelehnt: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/widgets/syncindicator.cpp" line="+34"/>
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n Änderung zu senden</numerusform>
            <numerusform>%n Änderungen zu senden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n refused</source>
        <translation>
            <numerusform>%n abgelehnt</numerusform>
            <numerusform>%n abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last synced %1</source>
        <translation>Zuletzt abgeglichen %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not synced yet</source>
        <translation>Noch nicht abgeglichen</translation>
    </message>
    <message>
        <location filename="../desktop/articles/widgets/articleeditor.cpp" line="+85"/>
        <location line="+9"/>
        <location filename="../desktop/prompts/widgets/prompteditor.cpp" line="-30"/>
        <location line="+1"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>address-on-the-web</source>
        <translation>adresse-im-web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One or two sentences for lists and search engines</source>
        <translation>Ein oder zwei Sätze für Listen und Suchmaschinen</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/widgets/prompteditor.cpp" line="-34"/>
        <source>Templat&amp;e with {{variables}}</source>
        <translation>&amp;Vorlage mit {{Variablen}}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Require approval for production</source>
        <translation>Freigabe für production verlangen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save Version</source>
        <translation>Version speichern</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>name-for-programs (made from the title when empty)</source>
        <translation>name-fuer-programme (leer: aus dem Titel gebildet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What it is for</source>
        <translation>Wofür er gedacht ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Writing</source>
        <translation>z. B. Schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tags, separated by commas</source>
        <translation>Schlagwörter, durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../desktop/widgets/bodyeditor.cpp" line="+66"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the prompt; {{variable}} marks what is filled in when it is used.</source>
        <translation>Schreiben Sie den Prompt; {{variable}} markiert, was bei der Verwendung eingesetzt wird.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>T&amp;ags:</source>
        <translation>Schlag&amp;wörter:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cate&amp;gory:</source>
        <translation>Kate&amp;gorie:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Temperat&amp;ure:</source>
        <translation>Te&amp;mperatur:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ma&amp;x tokens:</source>
        <translation>Ma&amp;x. Tokens:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>M&amp;odel:</source>
        <translation>M&amp;odell:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fill In</source>
        <translation>Ausfüllen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../desktop/prompts/widgets/promptversionspanel.cpp" line="-4"/>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <location line="+191"/>
        <source>When on, moving the production label waits for an editor&apos;s or admin&apos;s approval.</source>
        <translation>Wenn an, wartet das Verschieben des Labels production auf die Freigabe durch eine Redaktion oder Administration.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the prompt&apos;s owner turns this on or off.</source>
        <translation>Nur der Eigentümer des Prompts schaltet das ein oder aus.</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/bodyeditor.cpp" line="+1"/>
        <source>Markdown source</source>
        <translation>Markdown-Quelltext</translation>
    </message>
    <message>
        <location filename="../desktop/scheduler/widgets/destinationeditor.cpp" line="+27"/>
        <source>Use the Post&apos;s Text</source>
        <translation>Text des Beitrags verwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text for this platform</source>
        <translation>Text für diese Plattform</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove Platform</source>
        <translation>Plattform entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the server to publish to this platform again</source>
        <translation>Den Server bitten, erneut auf dieser Plattform zu veröffentlichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Post to:</source>
        <translation>Veröffentlichen auf:</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>⚠ The server found this before publishing; mend it in time:
%1</source>
        <translation>⚠ Der Server hat vor dem Veröffentlichen Folgendes gefunden; beheben Sie es rechtzeitig:
%1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location filename="../desktop/widgets/bodyeditor.cpp" line="+370"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n Zeichen</numerusform>
            <numerusform>%n Zeichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n character(s) over this network&apos;s limit</source>
        <translation>
            <numerusform>%n Zeichen über dem Limit dieses Netzwerks</numerusform>
            <numerusform>%n Zeichen über dem Limit dieses Netzwerks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/widgets/bodyeditor.cpp" line="+1"/>
        <source>%n min read</source>
        <translation>
            <numerusform>%n Min. Lesezeit</numerusform>
            <numerusform>%n Min. Lesezeit</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop/articles/widgets/articleeditor.cpp" line="+2"/>
        <source>Write here; format with the toolbar or in Markdown: # heading, **bold**, - list…</source>
        <translation>Hier schreiben; formatieren mit der Werkzeugleiste oder in Markdown: # Überschrift, **fett**, - Liste…</translation>
    </message>
    <message>
        <location filename="../desktop/articles/widgets/publishactions.cpp" line="+33"/>
        <source>Submit for Review</source>
        <translation>Zur Prüfung einreichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unpublish</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule…</source>
        <translation>Planen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>View on Site</source>
        <translation>Auf der Website ansehen</translation>
    </message>
    <message>
        <location filename="../desktop/articles/widgets/articleeditor.cpp" line="+16"/>
        <location filename="../desktop/prompts/widgets/prompteditor.cpp" line="-231"/>
        <location filename="../desktop/scheduler/widgets/postcomposer.cpp" line="+123"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../desktop/prompts/widgets/prompteditor.cpp" line="+21"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../desktop/widgets/linkdialog.cpp" line="+22"/>
        <source>&amp;Address:</source>
        <translation>A&amp;dresse:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ummary:</source>
        <translation>&amp;Zusammenfassung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+14"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Show or hide the categories, tags, cover image and history</source>
        <translation>Kategorien, Schlagwörter, Titelbild und Verlauf ein- oder ausblenden</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../desktop/prompts/widgets/prompteditor.cpp" line="+18"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Readers cannot see this article: it has no address. Give it one.</source>
        <translation>Leser sehen diesen Artikel nicht: Er hat keine Adresse. Geben Sie ihm eine.</translation>
    </message>
    <message>
        <location line="+202"/>
        <source>Give the article an address before publishing it: readers find it there.</source>
        <translation>Geben Sie dem Artikel vor dem Veröffentlichen eine Adresse: Dort finden ihn die Leser.</translation>
    </message>
    <message>
        <location filename="../desktop/articles/widgets/publishactions.cpp" line="+54"/>
        <source>Schedule Publication</source>
        <translation>Veröffentlichung planen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Schedule</source>
        <translation>Planen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Publish on:</source>
        <translation>&amp;Veröffentlichen am:</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Status: %1%2</source>
        <translation>Status: %1%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · saving…</source>
        <translation> · speichert…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an article or make a new one.</source>
        <translation>Wählen Sie einen Artikel oder legen Sie einen neuen an.</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/widgets/bodyeditor.cpp" line="-2"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n Wort</numerusform>
            <numerusform>%n Wörter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop/articles/widgets/articlesview.cpp" line="-2"/>
        <location filename="../desktop/prompts/widgets/promptsview.cpp" line="+79"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../desktop/prompts/widgets/promptsview.cpp" line="+1"/>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../desktop/prompts/widgets/promptsview.cpp" line="+2"/>
        <source>Sort by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../desktop/prompts/widgets/promptsview.cpp" line="+2"/>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../desktop/prompts/widgets/promptsview.cpp" line="+2"/>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../desktop/prompts/widgets/promptsview.cpp" line="+1"/>
        <source>By title</source>
        <translation>Nach Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../desktop/prompts/widgets/promptsview.cpp" line="+2"/>
        <source>Best match</source>
        <translation>Beste Treffer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search titles and text</source>
        <translation>Titel und Text durchsuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../desktop/prompts/widgets/promptsview.cpp" line="-11"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../desktop/scheduler/widgets/postsview.cpp" line="+1"/>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Filter by status, category, tag and author, and choose the order</source>
        <translation>Nach Status, Kategorie, Schlagwort und Autor filtern und die Reihenfolge wählen</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../desktop/prompts/widgets/promptsview.cpp" line="+38"/>
        <source>Write the first one: it is kept on this computer and reaches the server when you are online.</source>
        <translation>Schreiben Sie den ersten: Er wird auf diesem Computer gespeichert und erreicht den Server, sobald Sie online sind.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nothing open</source>
        <translation>Nichts geöffnet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose one from the list, or write a new one.</source>
        <translation>Wählen Sie einen aus der Liste oder schreiben Sie einen neuen.</translation>
    </message>
    <message>
        <location line="+83"/>
        <location filename="../desktop/prompts/widgets/promptsview.cpp" line="+169"/>
        <source>Any category</source>
        <translation>Jede Kategorie</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/listsection.cpp" line="+75"/>
        <source>Any tag</source>
        <translation>Jedes Schlagwort</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Filters (%n)</source>
        <translation>
            <numerusform>Filter (%n)</numerusform>
            <numerusform>Filter (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop/articles/widgets/articlesview.cpp" line="+42"/>
        <source>Sign in once so new articles have an owner.</source>
        <translation>Melden Sie sich einmal an, damit neue Artikel einen Eigentümer haben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/findreplacebar.cpp" line="+23"/>
        <source>Match &amp;case</source>
        <translation>&amp;Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Whole words</source>
        <translation>&amp;Ganze Wörter</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+1"/>
        <location filename="../desktop/widgets/formatactions.cpp" line="-74"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Previous</source>
        <translation>&amp;Vorheriger</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next</source>
        <translation>&amp;Nächster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replace this match</source>
        <translation>Diesen Treffer ersetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace &amp;All</source>
        <translation>&amp;Alle ersetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replace every match (one undo step)</source>
        <translation>Alle Treffer ersetzen (ein Rückgängig-Schritt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close find bar</source>
        <translation>Suchleiste schließen</translation>
    </message>
    <message numerus="yes">
        <location line="+175"/>
        <source>Replaced %n</source>
        <translation>
            <numerusform>%n ersetzt</numerusform>
            <numerusform>%n ersetzt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+21"/>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/linkdialog.cpp" line="-12"/>
        <source>&amp;Remove Link</source>
        <translation>Link &amp;entfernen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit Link</source>
        <translation>Link bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Insert Link</source>
        <translation>Link einfügen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enter the address the link goes to.</source>
        <translation>Geben Sie die Adresse ein, zu der der Link führt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Links can go to web pages (http, https), e-mail addresses (mailto) or pages of this site (starting with /). Other kinds, such as javascript: or data:, are removed from published pages and are not allowed.</source>
        <translation>Links können auf Webseiten (http, https), E-Mail-Adressen (mailto) oder Seiten dieser Website (beginnend mit /) zeigen. Andere Arten wie javascript: oder data: werden aus veröffentlichten Seiten entfernt und sind nicht erlaubt.</translation>
    </message>
    <message>
        <location filename="../desktop/articles/widgets/metadatapanel.cpp" line="+32"/>
        <source>&amp;New Category…</source>
        <translation>&amp;Neue Kategorie…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hoose…</source>
        <translation>A&amp;uswählen…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>coffee, brewing, beginners</source>
        <translation>Kaffee, Zubereitung, Einsteiger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>/media/… or https://…</source>
        <translation>/media/… oder https://…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The title if left empty</source>
        <translation>Der Titel, wenn leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The summary if left empty</source>
        <translation>Die Zusammenfassung, wenn leer</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Categ&amp;ories:</source>
        <translation>&amp;Kategorien:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ta&amp;gs:</source>
        <translation>Schlag&amp;wörter:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Co&amp;ver image:</source>
        <translation>Titel&amp;bild:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SEO t&amp;itle:</source>
        <translation>SEO-T&amp;itel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SEO d&amp;escription:</source>
        <translation>SEO-B&amp;eschreibung:</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>(not synced yet)</source>
        <translation>(noch nicht abgeglichen)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No categories yet. Click New Category… to add the first; every article can use it.</source>
        <translation>Noch keine Kategorien. Klicken Sie auf „Neue Kategorie…“, um die erste anzulegen; jeder Artikel kann sie verwenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No categories yet. Editors and administrators create them: ask one for the categories you need.</source>
        <translation>Noch keine Kategorien. Redaktion und Administration legen sie an: Bitten Sie dort um die Kategorien, die Sie brauchen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+28"/>
        <source>New Category</source>
        <translation>Neue Kategorie</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Name of the new category (every article can use it):</source>
        <translation>Name der neuen Kategorie (alle Artikel können sie nutzen):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+7"/>
        <source>Cover Image</source>
        <translation>Titelbild</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.gif)</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/revisionpanel.cpp" line="+41"/>
        <source>&amp;Show</source>
        <translation>&amp;Zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;Version</source>
        <translation>&amp;Version speichern</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Keep the text as it is now as a version of its own; the next edit starts a new one.</source>
        <translation>Den Text, wie er jetzt ist, als eigene Version behalten; die nächste Änderung beginnt eine neue.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revisions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select two revisions, or one to compare it with the latest.</source>
        <translation>Wählen Sie zwei Versionen, oder eine, um sie mit der neuesten zu vergleichen.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Choose an article to see its revisions.</source>
        <translation>Wählen Sie einen Artikel, um seine Versionen zu sehen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading the history…</source>
        <translation>Verlauf wird geladen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No revisions yet.</source>
        <translation>Noch keine Versionen.</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>The text could not be saved, so no version was kept.</source>
        <translation>Der Text konnte nicht gespeichert werden, daher wurde keine Version behalten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saving the version…</source>
        <translation>Version wird gespeichert…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The server could not be reached; no version was kept.</source>
        <translation>Der Server ist nicht erreichbar; es wurde keine Version behalten.</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+%1 −%2 words</source>
        <comment>words added and removed in a session</comment>
        <translation>+%1 −%2 Wörter</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n save(s)</source>
        <translation>
            <numerusform>%n Speicherung</numerusform>
            <numerusform>%n Speicherungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>published</source>
        <translation>veröffentlicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>saved version</source>
        <translation>gespeicherte Version</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1
Started %2; %n word(s) at the end.</source>
        <translation>
            <numerusform>%1
Begonnen %2; am Ende %n Wort.</numerusform>
            <numerusform>%1
Begonnen %2; am Ende %n Wörter.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Restore Revision</source>
        <translation>Version wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring back the text of this revision? The current text stays in the history.</source>
        <translation>Den Text dieser Version zurückholen? Der jetzige Text bleibt im Verlauf.</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/richtextedit.cpp" line="+175"/>
        <source>Images cannot be added here.</source>
        <translation>Hier lassen sich keine Bilder einfügen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Insert Image</source>
        <translation>Bild einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Describe the Image</source>
        <translation>Bild beschreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the image shows, for readers who cannot see it (leave empty if it is decoration):</source>
        <translation>Was das Bild zeigt, für Leser, die es nicht sehen können (leer lassen, wenn es nur Schmuck ist):</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The pasted image could not be read.</source>
        <translation>Das eingefügte Bild ließ sich nicht lesen.</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>%1 could not be read.</source>
        <translation>%1 ließ sich nicht lesen.</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/tabledialog.cpp" line="+18"/>
        <source>Insert Table</source>
        <translation>Tabelle einfügen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Including the header row</source>
        <translation>Einschließlich der Kopfzeile</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Rows (with the header):</source>
        <translation>&amp;Zeilen (mit Kopfzeile):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Columns:</source>
        <translation>&amp;Spalten:</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/apptheme.cpp" line="+108"/>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Theme</source>
        <translation>&amp;Erscheinungsbild</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;System</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/widgets/variablecompleter.cpp" line="+148"/>
        <source>Prompts to include</source>
        <translation>Einzubindende Prompts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <location filename="../desktop/accounts/widgets/apikeysdialog.cpp" line="-48"/>
        <source>Read prompts</source>
        <translation>Prompts lesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record usage</source>
        <translation>Verwendung erfassen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Create Key</source>
        <translation>Schlüssel &amp;erstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revoke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>API Keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your programs use an API key to fetch your prompts by name and to record their use. A key can do only what its scopes allow and never opens the rest of your account.</source>
        <translation>Ihre Programme verwenden einen API-Schlüssel, um Ihre Prompts über ihren Namen abzurufen und ihre Verwendung zu erfassen. Ein Schlüssel kann nur, was seine Bereiche erlauben, und öffnet nie den Rest Ihres Kontos.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scopes</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New key</source>
        <translation>Neuer Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What uses it, e.g. “support bot”</source>
        <translation>Wofür er dient, z. B. „Support-Bot“</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Scopes:</source>
        <translation>Bereiche:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Co&amp;py</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the key now: it is shown only this once and cannot be shown again.</source>
        <translation>Kopieren Sie den Schlüssel jetzt: Er wird nur dieses eine Mal angezeigt und kann nicht erneut angezeigt werden.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The key is on the clipboard.</source>
        <translation>Der Schlüssel ist in der Zwischenablage.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not load your API keys: %1</source>
        <translation>Ihre API-Schlüssel ließen sich nicht laden: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revoked %1</source>
        <translation>widerrufen %1</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Created the key “%1”.</source>
        <translation>Der Schlüssel „%1“ ist erstellt.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Revoke API Key</source>
        <translation>API-Schlüssel widerrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke the key “%1”?</source>
        <translation>Den Schlüssel „%1“ widerrufen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Programs using it are refused from their next request on. This cannot be undone.</source>
        <translation>Programme, die ihn verwenden, werden ab ihrer nächsten Anfrage abgewiesen. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revoke Key</source>
        <translation>Schlüssel &amp;widerrufen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not revoke the key: %1</source>
        <translation>Der Schlüssel ließ sich nicht widerrufen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key is revoked.</source>
        <translation>Der Schlüssel ist widerrufen.</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/widgets/chatmessageseditor.cpp" line="-40"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add &amp;Message</source>
        <translation>Nachricht hin&amp;zufügen</translation>
    </message>
    <message>
        <location line="+29"/>
        <location filename="../desktop/prompts/widgets/promptversionspanel.cpp" line="+4"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message; {{variables}} are filled in when used</source>
        <translation>Die Nachricht; {{Variablen}} werden bei der Verwendung eingesetzt</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../desktop/prompts/widgets/groupsview.cpp" line="-225"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this message</source>
        <translation>Diese Nachricht entfernen</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/widgets/promptfillpanel.cpp" line="+73"/>
        <source>This prompt has no {{variables}}: it is used as it is.</source>
        <translation>Dieser Prompt hat keine {{Variablen}}: Er wird so verwendet, wie er ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Render</source>
        <translation>&amp;Rendern</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+315"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location line="-314"/>
        <source>Pro&amp;vider…</source>
        <translation>Anbi&amp;eter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer:</source>
        <translation>Antwort:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the values in my usage history</source>
        <translation>Die Werte in meinem Verwendungsverlauf behalten</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The prompt with the values filled in appears here.</source>
        <translation>Hier erscheint der Prompt mit den eingesetzten Werten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the result to the clipboard and note the use in the usage history</source>
        <translation>Das Ergebnis in die Zwischenablage kopieren und die Verwendung im Verlauf vermerken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note this result in the usage history</source>
        <translation>Dieses Ergebnis im Verwendungsverlauf vermerken</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send the result to the model and show its answer; the run is noted in the usage history</source>
        <translation>Das Ergebnis an das Modell senden und seine Antwort zeigen; die Ausführung wird im Verwendungsverlauf vermerkt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set up the model provider this profile runs prompts with</source>
        <translation>Den Modellanbieter einrichten, mit dem dieses Profil Prompts ausführt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Off: the history notes only which version was used, when and how.</source>
        <translation>Aus: Der Verlauf vermerkt nur, welche Version wann und wie verwendet wurde.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Result:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>The prompt could not be saved, so its use was not recorded.</source>
        <translation>Der Prompt konnte nicht gespeichert werden, daher wurde die Verwendung nicht vermerkt.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rendered and noted in the usage history.</source>
        <translation>Gerendert und im Verwendungsverlauf vermerkt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Running…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The prompt could not be saved, so it was not run.</source>
        <translation>Der Prompt konnte nicht gespeichert werden, daher wurde er nicht ausgeführt.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Run failed: %1</source>
        <translation>Ausführen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/widgets/promptsview.cpp" line="-225"/>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>★ Favourites</source>
        <translation>★ Favoriten</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Search titles, descriptions and prompts</source>
        <translation>Titel, Beschreibungen und Prompts durchsuchen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Whose</source>
        <translation>Von wem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everyone&apos;s</source>
        <translation>Von allen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared with me</source>
        <translation>Mit mir geteilt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>By name</source>
        <translation>Nach Name</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New &amp;Prompt</source>
        <translation>Neuer &amp;Prompt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Filter by category, tag, templates, favourites and whose, and choose the order</source>
        <translation>Nach Kategorie, Schlagwort, Vorlagen, Favoriten und Eigentümer filtern und die Reihenfolge wählen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No prompts yet</source>
        <translation>Noch keine Prompts</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+70"/>
        <source>New Prompt</source>
        <translation>Neuer Prompt</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>No prompt matches</source>
        <translation>Kein Prompt passt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try other words, or clear the search and the filters.</source>
        <translation>Versuchen Sie andere Wörter oder leeren Sie Suche und Filter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear Search and Filters</source>
        <translation>Suche und Filter leeren</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Librar&amp;y</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group&amp;s</source>
        <translation>Gr&amp;uppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All prompts you can read, searched and filtered</source>
        <translation>Alle Prompts, die Sie lesen dürfen, durchsucht und gefiltert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your groups and those shared with you, in their order</source>
        <translation>Ihre Gruppen und die für Sie freigegebenen, in ihrer Reihenfolge</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No prompt open</source>
        <translation>Kein Prompt geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose one from the library, or write a new one.</source>
        <translation>Wählen Sie einen aus der Bibliothek oder schreiben Sie einen neuen.</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Sign in once so your favourites are yours.</source>
        <translation>Melden Sie sich einmal an, damit Ihre Favoriten Ihnen gehören.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Sign in once so new prompts have an owner.</source>
        <translation>Melden Sie sich einmal an, damit neue Prompts einen Eigentümer haben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Untitled prompt</source>
        <translation>Unbenannter Prompt</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/widgets/groupsview.cpp" line="-8"/>
        <source>No groups yet. A group keeps prompts in an order you choose, pinned to the versions you trust, and can be shared. Start with New Group…</source>
        <translation>Noch keine Gruppen. Eine Gruppe hält Prompts in der Reihenfolge, die Sie wählen, angeheftet an die Versionen, denen Sie vertrauen, und lässt sich freigeben. Beginnen Sie mit Neue Gruppe…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+187"/>
        <source>No prompts in this group yet: Add Prompt… picks one from your library.</source>
        <translation>Noch keine Prompts in dieser Gruppe: Prompt hinzufügen… wählt einen aus Ihrer Bibliothek.</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>Add Prompt…</source>
        <translation>Prompt hinzufügen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share…</source>
        <translation>Freigeben…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New Group…</source>
        <translation>Neue Gruppe…</translation>
    </message>
    <message>
        <location line="+82"/>
        <source> (shared with you)</source>
        <translation> (für Sie freigegeben)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Shared with you: you can change its prompts and their order.</source>
        <translation>Für Sie freigegeben: Sie können die Prompts und ihre Reihenfolge ändern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shared with you to read: only its owner or an editor can change it.</source>
        <translation>Für Sie zum Lesen freigegeben: nur der Eigentümer oder ein Bearbeiter kann sie ändern.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No prompts in this group yet.</source>
        <translation>Noch keine Prompts in dieser Gruppe.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New Group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Your library has no prompts yet: write one in Prompts first.</source>
        <translation>Ihre Bibliothek hat noch keine Prompts: Schreiben Sie zuerst einen unter Prompts.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add Prompt</source>
        <translation>Prompt hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Latest Version</source>
        <translation>Neueste Version</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No labels yet</source>
        <translation>Noch keine Labels</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version not yet numbered (%1)</source>
        <translation>Noch nicht nummerierte Version (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../desktop/prompts/widgets/promptversionspanel.cpp" line="-41"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No versions yet</source>
        <translation>Noch keine Versionen</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/widgets/promptversionspanel.cpp" line="+0"/>
        <location line="+148"/>
        <source>unnumbered</source>
        <translation>ohne Nummer</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Save &amp;Version</source>
        <comment>prompt versions</comment>
        <translation>Version &amp;speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Compare</source>
        <comment>prompt versions</comment>
        <translation>Vergleic&amp;hen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore…</source>
        <comment>prompt versions</comment>
        <translation>Wi&amp;ederherstellen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set &amp;Label</source>
        <translation>&amp;Label setzen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>What changed (optional)</source>
        <translation>Was sich geändert hat (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version message</source>
        <translation>Versionsnachricht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the prompt as it is now as a version (Ctrl+S). Leaving a changed prompt keeps one too.</source>
        <translation>Den Prompt so, wie er jetzt ist, als Version behalten (Strg+S). Auch beim Verlassen eines geänderten Prompts wird eine behalten.</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/widgets/groupsview.cpp" line="-8"/>
        <location filename="../desktop/prompts/widgets/prompthistorypanel.cpp" line="+53"/>
        <location filename="../desktop/prompts/widgets/promptversionspanel.cpp" line="+7"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/widgets/promptversionspanel.cpp" line="+0"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select two versions, or one to compare it with the prompt as it is now.</source>
        <translation>Wählen Sie zwei Versionen aus, oder eine, um sie mit dem jetzigen Prompt zu vergleichen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring back this version&apos;s content and settings as a new version.</source>
        <translation>Inhalt und Einstellungen dieser Version als neue Version zurückholen.</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/widgets/groupsview.cpp" line="-13"/>
        <location filename="../desktop/prompts/widgets/promptversionspanel.cpp" line="+3"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/widgets/promptversionspanel.cpp" line="+1"/>
        <source>production, staging or a name of your own (lower-case letters, digits, hyphens)</source>
        <translation>production, staging oder ein eigener Name (Kleinbuchstaben, Ziffern, Bindestriche)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Point this label at the selected version; it stays there until moved.</source>
        <translation>Dieses Label auf die gewählte Version setzen; es bleibt dort, bis es verschoben wird.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Choose a prompt to see its versions.</source>
        <translation>Wählen Sie einen Prompt, um seine Versionen zu sehen.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No versions yet: Save Version keeps one, and leaving a changed prompt keeps one by itself.</source>
        <translation>Noch keine Versionen: „Version speichern“ behält eine, und beim Verlassen eines geänderten Prompts entsteht von selbst eine.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server numbers a version when it arrives there.</source>
        <translation>Der Server nummeriert eine Version, wenn sie dort ankommt.</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+18"/>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move the label to the version asked for, as an editor or admin</source>
        <translation>Das Label auf die erbetene Version verschieben, als Redaktion oder Administration</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>you, not synced yet</source>
        <translation>Sie, noch nicht abgeglichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 → %2 waiting for approval (requested by %3)</source>
        <translation>%1 → %2 wartet auf Genehmigung (angefragt von %3)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The prompt could not be saved, so no version was kept.</source>
        <translation>Der Prompt konnte nicht gespeichert werden, daher wurde keine Version behalten.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>These versions are not in this replica any more.</source>
        <translation>Diese Versionen sind nicht mehr in dieser Replik.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Restore Version</source>
        <translation>Version wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring back the content and settings of this version? The prompt as it is now stays in the versions.</source>
        <translation>Inhalt und Einstellungen dieser Version zurückholen? Der Prompt, wie er jetzt ist, bleibt in den Versionen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The prompt could not be saved, so nothing was restored.</source>
        <translation>Der Prompt konnte nicht gespeichert werden, daher wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>“latest” is always the newest version; choose another name.</source>
        <translation>„latest“ ist immer die neueste Version; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Asked for approval: “%1” moves to this version once an editor or admin approves.</source>
        <translation>Genehmigung angefragt: „%1“ wechselt auf diese Version, sobald eine Redaktion oder Administration genehmigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” now points at this version.</source>
        <translation>„%1“ zeigt jetzt auf diese Version.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Approved: the label points at the version asked for once the server agrees.</source>
        <translation>Genehmigt: Das Label zeigt auf die erbetene Version, sobald der Server zustimmt.</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/widgets/sharedialog.cpp" line="+28"/>
        <source>Can view</source>
        <translation>Darf lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Can edit</source>
        <translation>Darf bearbeiten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not shared with anyone yet. Type a colleague&apos;s email address below.</source>
        <translation>Noch für niemanden freigegeben. Geben Sie unten die E-Mail-Adresse einer Kollegin oder eines Kollegen ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke…</source>
        <translation>Entziehen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share Group</source>
        <translation>Gruppe freigeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared with</source>
        <translation>Freigegeben für</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Permission</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Share with (needs a connection to the server):</source>
        <translation>Freigeben für (braucht eine Verbindung zum Server):</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>User %1</source>
        <translation>Person %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Revoke Share</source>
        <translation>Freigabe entziehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop sharing this group with %1? It leaves their library at the next sync.</source>
        <translation>Diese Gruppe nicht mehr für %1 freigeben? Sie verschwindet beim nächsten Abgleich aus deren Bibliothek.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Type the email address of the person to share with.</source>
        <translation>Geben Sie die E-Mail-Adresse der Person ein, für die Sie freigeben möchten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sharing…</source>
        <translation>Wird freigegeben…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Shared with %1; it appears in their library at their next sync.</source>
        <translation>Für %1 freigegeben; die Gruppe erscheint beim nächsten Abgleich in deren Bibliothek.</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/widgets/branchactions.cpp" line="+28"/>
        <source>&amp;Branch…</source>
        <translation>Verzwe&amp;igen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge Back…</source>
        <translation>Zurück&amp;führen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Make your own copy of this prompt to edit, and merge it back later</source>
        <translation>Eine eigene Kopie dieses Prompts zum Bearbeiten anlegen und später zurückführen</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>a prompt not on this computer</source>
        <translation>einem Prompt, der nicht auf diesem Computer ist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Branch of %1 (from version %2)</source>
        <translation>Zweig von %1 (ab Version %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch of %1</source>
        <translation>Zweig von %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge this branch&apos;s changes into “%1”</source>
        <translation>Die Änderungen dieses Zweigs in „%1“ zusammenführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the owner of “%1” can merge into it.</source>
        <translation>Nur der Eigentümer von „%1“ kann hinein zusammenführen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+14"/>
        <source>Branch</source>
        <translation>Verzweigen</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Title of the branch (empty: “&lt;title&gt; (branch)”):</source>
        <translation>Titel des Zweigs (leer: „&lt;Titel&gt; (Zweig)“):</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+8"/>
        <location line="+12"/>
        <location filename="../desktop/prompts/widgets/mergedialog.cpp" line="+27"/>
        <source>Merge Back</source>
        <translation>Zurückführen</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Merge this branch&apos;s changes into “%1”? It gets a new version.</source>
        <translation>Die Änderungen dieses Zweigs in „%1“ zusammenführen? Der Prompt erhält eine neue Version.</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/widgets/mergedialog.cpp" line="+1"/>
        <source>“%1” and its branch “%2” both changed the fields below. Choose a text for each; nothing is merged until you do.</source>
        <translation>„%1“ und sein Zweig „%2“ haben beide die Felder unten geändert. Wählen Sie für jedes einen Text; bis dahin wird nichts zusammengeführt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+3"/>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Prompt (%1)</source>
        <translation>Prompt (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Branch (%1)</source>
        <translation>Zweig (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep the &amp;prompt&apos;s text</source>
        <translation>Text des &amp;Prompts behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the &amp;branch&apos;s text</source>
        <translation>Text des Z&amp;weigs übernehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Combine (edit below)</source>
        <translation>&amp;Kombinieren (unten bearbeiten)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Combined text</source>
        <translation>Kombinierter Text</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
        <location filename="../desktop/prompts/widgets/prompthistorypanel.cpp" line="-27"/>
        <source>copied</source>
        <translation>kopiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rendered</source>
        <translation>gerendert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run</source>
        <translation>ausgeführt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fetched by a program</source>
        <translation>von einem Programm abgerufen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fetched by %1</source>
        <translation>abgerufen von %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> ×%1</source>
        <translation> ×%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Usage history</source>
        <translation>Verwendungsverlauf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not used yet. Copy, Render and Run in Fill In note each use here, and so do programs that fetch this prompt with an API key.</source>
        <translation>Noch nicht verwendet. Kopieren, Rendern und Ausführen unter „Ausfüllen“ vermerken hier jede Verwendung, ebenso Programme, die diesen Prompt mit einem API-Schlüssel abrufen.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>not numbered yet</source>
        <translation>noch ohne Nummer</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../desktop/prompts/widgets/promptversionspanel.cpp" line="-181"/>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The answer of this run</source>
        <translation>Die Antwort dieser Ausführung</translation>
    </message>
    <message>
        <location filename="../desktop/scheduler/widgets/clientdialog.cpp" line="-10"/>
        <source>New Client</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit Client</source>
        <translation>Kunde bearbeiten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Who you post for</source>
        <translation>Für wen Sie Beiträge veröffentlichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>@name, optional</source>
        <translation>@name, optional</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Handle:</source>
        <translation>&amp;Handle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
    <message>
        <location filename="../desktop/scheduler/widgets/clientsdialog.cpp" line="-105"/>
        <source>Clients and Platforms</source>
        <translation>Kunden und Plattformen</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+14"/>
        <source>Clients</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Platforms</source>
        <translation>Plattformen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add Client…</source>
        <translation>Kunden &amp;hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;Platform…</source>
        <translation>&amp;Plattform hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ed&amp;it…</source>
        <translation>Bearbei&amp;ten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;lete</source>
        <translation>Lö&amp;schen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;Credential…</source>
        <translation>&amp;Zugangsdaten festlegen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove Credential</source>
        <translation>Zugangsdaten &amp;entfernen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The client&apos;s platforms</source>
        <translation>Plattformen des Kunden</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Credentials go straight to the server: sign in to send one.</source>
        <translation>Zugangsdaten gehen direkt an den Server: Melden Sie sich an, um welche zu senden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add the networks this client posts to.</source>
        <translation>Fügen Sie die Netzwerke hinzu, auf denen für diesen Kunden veröffentlicht wird.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a client first, then the networks they post to.</source>
        <translation>Legen Sie zuerst einen Kunden an, dann die Netzwerke, auf denen für ihn veröffentlicht wird.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credential set on %1.</source>
        <translation>Zugangsdaten festgelegt am %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No credential set: posts to this platform cannot go out yet.</source>
        <translation>Keine Zugangsdaten festgelegt: Beiträge auf dieser Plattform können noch nicht veröffentlicht werden.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Delete %1 with their platforms and posts?</source>
        <translation>%1 mit allen Plattformen und Beiträgen löschen?</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Delete %1? Posts keep their other platforms.</source>
        <translation>%1 löschen? Beiträge behalten ihre anderen Plattformen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sending the credential…</source>
        <translation>Zugangsdaten werden gesendet…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The credential was not sent: the platform has not reached the server yet. Try again when the sync succeeds.</source>
        <translation>Die Zugangsdaten wurden nicht gesendet: Die Plattform ist noch nicht beim Server angekommen. Versuchen Sie es erneut, wenn die Synchronisierung gelingt.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The credential was not stored: %1</source>
        <translation>Die Zugangsdaten wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Credential stored on the server on %1.</source>
        <translation>Zugangsdaten am %1 auf dem Server gespeichert.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The server forgot the credential.</source>
        <translation>Der Server hat die Zugangsdaten verworfen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The credential was not removed: %1</source>
        <translation>Die Zugangsdaten wurden nicht entfernt: %1</translation>
    </message>
    <message>
        <location filename="../desktop/scheduler/widgets/credentialdialog.cpp" line="+22"/>
        <source>Set Credential</source>
        <translation>Zugangsdaten festlegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The credential for %1 goes to the server once, encrypted on the way, and is kept only there, encrypted. This computer does not keep it.</source>
        <translation>Die Zugangsdaten für %1 werden einmalig verschlüsselt an den Server übertragen und nur dort verschlüsselt aufbewahrt. Dieser Computer speichert sie nicht.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../desktop/scheduler/widgets/platformdialog.cpp" line="+31"/>
        <source>New Platform</source>
        <translation>Neue Plattform</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit Platform</source>
        <translation>Plattform bearbeiten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>How you call it, e.g. Mastodon (work)</source>
        <translation>Wie Sie sie nennen, z. B. Mastodon (Arbeit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>@name@instance, name.bsky.social</source>
        <translation>@name@instanz, name.bsky.social</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://mastodon.social, https://bsky.social, or the webhook&apos;s address</source>
        <translation>https://mastodon.social, https://bsky.social oder die Adresse des Webhooks</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A JSON object; a webhook may name its receiver&apos;s max_length.</source>
        <translation>Ein JSON-Objekt; ein Webhook kann die max_length seines Empfängers angeben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Network:</source>
        <translation>&amp;Netzwerk:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add&amp;ress:</source>
        <translation>Ad&amp;resse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings:</source>
        <translation>&amp;Einstellungen:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Give the platform a name.</source>
        <translation>Geben Sie der Plattform einen Namen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use an https:// address.</source>
        <translation>Verwenden Sie eine https://-Adresse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The settings are a JSON object, like {&quot;max_length&quot;: 1000}.</source>
        <translation>Die Einstellungen sind ein JSON-Objekt, etwa {&quot;max_length&quot;: 1000}.</translation>
    </message>
    <message>
        <location filename="../desktop/scheduler/widgets/postcomposer.cpp" line="-65"/>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;At:</source>
        <translation>&amp;Zeitpunkt:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save as &amp;Draft</source>
        <translation>Als &amp;Entwurf speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+285"/>
        <source>S&amp;chedule</source>
        <translation>&amp;Planen</translation>
    </message>
    <message>
        <location line="-284"/>
        <source>Cancel Post</source>
        <translation>Veröffentlichung abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../desktop/scheduler/widgets/postsview.cpp" line="-2"/>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For you only: the networks see the text</source>
        <translation>Nur für Sie: Die Netzwerke sehen nur den Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the post says</source>
        <translation>Was im Beitrag stehen soll</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A draft may wait without a time; a scheduled post needs one.</source>
        <translation>Ein Entwurf kann ohne Zeitpunkt warten; ein geplanter Beitrag braucht einen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>+ Platform</source>
        <translation>+ Plattform</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post this to another of the client&apos;s platforms</source>
        <translation>Diesen Beitrag auf einer weiteren Plattform des Kunden veröffentlichen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>C&amp;lient:</source>
        <translation>K&amp;unde:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When:</source>
        <translation>Wann:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Where it goes, each with its own text:</source>
        <translation>Ziele, jedes mit eigenem Text:</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Delete Post</source>
        <translation>Beitrag löschen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete this post and its platforms&apos; texts?</source>
        <translation>Diesen Beitrag und seine Texte für die Plattformen löschen?</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>This post is no longer here.</source>
        <translation>Dieser Beitrag ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>A post stays with its client; make a new one for another.</source>
        <translation>Ein Beitrag bleibt bei seinem Kunden; legen Sie für einen anderen Kunden einen neuen an.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Asking the server to try again…</source>
        <translation>Der Server wird um einen neuen Versuch gebeten…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server tries again now.</source>
        <translation>Der Server versucht es jetzt erneut.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This client has no platforms yet: add one under Clients and Platforms.</source>
        <translation>Dieser Kunde hat noch keine Plattformen: Fügen Sie unter „Kunden und Plattformen“ eine hinzu.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 (too long)</source>
        <translation>%1 (zu lang)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New, not saved yet</source>
        <translation>Neu, noch nicht gespeichert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;schedule</source>
        <translation>Neu &amp;planen</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+48"/>
        <source>Add a client first: a post is made for one.</source>
        <translation>Legen Sie zuerst einen Kunden an: Jeder Beitrag gehört zu einem Kunden.</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Back to draft: %1</source>
        <translation>Zurück zum Entwurf: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Not scheduled yet:
%1</source>
        <translation>Noch nicht geplant:
%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not scheduled: %1</source>
        <translation>Nicht geplant: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scheduled for %1.</source>
        <translation>Geplant für %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cancelled: it will not go out. Schedule it again to send it after all.</source>
        <translation>Abgebrochen: Der Beitrag wird nicht veröffentlicht. Planen Sie ihn erneut, um ihn doch noch zu senden.</translation>
    </message>
    <message>
        <location filename="../desktop/scheduler/widgets/postsview.cpp" line="+23"/>
        <source>New &amp;Post</source>
        <translation>Neuer &amp;Beitrag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clients and P&amp;latforms…</source>
        <translation>Kunden und P&amp;lattformen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No clients yet</source>
        <translation>Noch keine Kunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the creator you post for and the networks they use; then compose their first post. It is kept on this computer and reaches the server when you are online.</source>
        <translation>Legen Sie die Person an, für die Sie Beiträge veröffentlichen, und die Netzwerke, die sie nutzt; verfassen Sie dann ihren ersten Beitrag. Er wird auf diesem Computer gespeichert und erreicht den Server, sobald Sie online sind.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a Client…</source>
        <translation>Kunden hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No posts yet</source>
        <translation>Noch keine Beiträge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compose the first one: choose the platforms, write a text for each and schedule it. The server publishes it on time, even with this app closed.</source>
        <translation>Verfassen Sie den ersten: Wählen Sie die Plattformen, schreiben Sie für jede einen Text und planen Sie den Beitrag. Der Server veröffentlicht ihn pünktlich, auch wenn diese App geschlossen ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+34"/>
        <source>New Post</source>
        <translation>Neuer Beitrag</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>No post matches</source>
        <translation>Kein Beitrag passt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose another client or status.</source>
        <translation>Wählen Sie einen anderen Kunden oder Status.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show All Posts</source>
        <translation>Alle Beiträge anzeigen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calen&amp;dar</source>
        <translation>Kalen&amp;der</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No post open</source>
        <translation>Kein Beitrag geöffnet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose one from the queue, or compose a new one.</source>
        <translation>Wählen Sie einen aus der Warteschlange oder verfassen Sie einen neuen.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>All clients</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <location filename="../desktop/scheduler/widgets/postcalendar.cpp" line="+79"/>
        <location line="+313"/>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <location line="-310"/>
        <source>⚠ %1 %2</source>
        <translation>⚠ %1 %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+339"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="-332"/>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ %1: %2</source>
        <translation>⚠ %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot be moved: %1</source>
        <translation>Nicht verschiebbar: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous month or week</source>
        <translation>Vorheriger Monat bzw. vorherige Woche</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next month or week</source>
        <translation>Nächster Monat bzw. nächste Woche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The posts could not be read: %1</source>
        <translation>Die Beiträge konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The post is no longer in the calendar.</source>
        <translation>Der Beitrag ist nicht mehr im Kalender.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+10"/>
        <source>Not moved: %1</source>
        <translation>Nicht verschoben: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Moved “%1” to %2.</source>
        <translation>„%1“ auf %2 verschoben.</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n more</source>
        <translation>
            <numerusform>%n weiterer</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Quire::Shared</name>
    <message>
        <location filename="../shared/database.cpp" line="+88"/>
        <source>The database file is damaged or is not a Quire database: %1</source>
        <translation>Die Datenbankdatei ist beschädigt oder keine Quire-Datenbank: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The PostgreSQL driver for Qt is not installed (package libqt6sql6-psql).</source>
        <translation>Der PostgreSQL-Treiber für Qt ist nicht installiert (Paket libqt6sql6-psql).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 is not supported on PostgreSQL.</source>
        <translation>%1 wird unter PostgreSQL nicht unterstützt.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The SQLite driver for Qt is not installed (package libqt6sql6-sqlite).</source>
        <translation>Der SQLite-Treiber für Qt ist nicht installiert (Paket libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+50"/>
        <location line="+373"/>
        <source>Cannot open the database %1: %2</source>
        <translation>Die Datenbank %1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <location line="-348"/>
        <source>The database %1 cannot use write-ahead logging.</source>
        <translation>Die Datenbank %1 kann kein Write-Ahead-Logging verwenden.</translation>
    </message>
    <message>
        <location line="+77"/>
        <location line="+30"/>
        <source>Preparing a query</source>
        <translation>Das Vorbereiten einer Abfrage</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+13"/>
        <location line="+68"/>
        <source>A database query</source>
        <translation>Eine Datenbankabfrage</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>A backup by quire-server</source>
        <translation>Eine Sicherung durch quire-server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup file %1 already exists.</source>
        <translation>Die Sicherungsdatei %1 existiert bereits.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Attaching a database file</source>
        <translation>Das Anhängen einer Datenbankdatei</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Detaching a database file</source>
        <translation>Das Abhängen einer Datenbankdatei</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>The database file %1 was removed or replaced while in use.</source>
        <translation>Die Datenbankdatei %1 wurde während der Benutzung entfernt oder ersetzt.</translation>
    </message>
    <message>
        <location filename="../shared/fielderrors.cpp" line="+18"/>
        <location filename="../shared/jsonreader.cpp" line="+96"/>
        <source>Must be a UUIDv7.</source>
        <translation>Muss eine UUIDv7 sein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../shared/jsonreader.cpp" line="-61"/>
        <location filename="../shared/syncprotocol.cpp" line="+348"/>
        <location line="+2"/>
        <location filename="../shared/synctable.cpp" line="+137"/>
        <location line="+60"/>
        <source>This field is required.</source>
        <translation>Dieses Feld ist erforderlich.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location filename="../shared/synctable.cpp" line="-58"/>
        <location line="+43"/>
        <location line="+7"/>
        <location filename="../shared/user.cpp" line="+60"/>
        <source>Must be at most %n characters.</source>
        <translation>
            <numerusform>Darf höchstens %n Zeichen lang sein.</numerusform>
            <numerusform>Darf höchstens %n Zeichen lang sein.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Some fields are not valid.</source>
        <translation>Einige Felder sind ungültig.</translation>
    </message>
    <message>
        <location filename="../shared/synctable.cpp" line="-42"/>
        <location filename="../shared/user.cpp" line="-19"/>
        <source>Must be one of: %1.</source>
        <translation>Muss eines der folgenden sein: %1.</translation>
    </message>
    <message>
        <location filename="../shared/syncprotocol.cpp" line="-219"/>
        <location line="+121"/>
        <source>Must not be negative.</source>
        <translation>Darf nicht negativ sein.</translation>
    </message>
    <message>
        <location filename="../shared/jsonreader.cpp" line="-17"/>
        <location filename="../shared/syncprotocol.cpp" line="+85"/>
        <source>The request body must be a JSON object.</source>
        <translation>Der Inhalt der Anfrage muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Must be text.</source>
        <translation>Muss Text sein.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../shared/syncprotocol.cpp" line="+15"/>
        <source>Must be a whole number.</source>
        <translation>Muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Must be true or false.</source>
        <translation>Muss true oder false sein.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Must be a time like 2026-01-31T12:00:00.000Z.</source>
        <translation>Muss eine Zeitangabe wie 2026-01-31T12:00:00.000Z sein.</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../shared/synctable.cpp" line="-32"/>
        <source>Must be an object.</source>
        <translation>Muss ein Objekt sein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../shared/syncprotocol.cpp" line="-306"/>
        <source>Must be an array.</source>
        <translation>Muss ein Array sein.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This field is not known here.</source>
        <translation>Dieses Feld ist hier nicht bekannt.</translation>
    </message>
    <message>
        <location filename="../shared/migrator.cpp" line="+35"/>
        <source>The file %1 is a database, but not a Quire database.</source>
        <translation>Die Datei %1 ist eine Datenbank, aber keine Quire-Datenbank.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The database %1 has schema version %2, but this Quire only knows versions up to %3. It was written by a newer Quire; install that version or newer.</source>
        <translation>Die Datenbank %1 hat die Schemaversion %2, dieses Quire kennt aber nur Versionen bis %3. Sie wurde von einem neueren Quire geschrieben; installieren Sie diese oder eine neuere Version.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Schema migration %1 (%2) failed: %3</source>
        <translation>Die Schemamigration %1 (%2) ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location filename="../shared/protocol.cpp" line="+24"/>
        <location filename="../shared/syncprotocol.cpp" line="+83"/>
        <source>Must be a positive number.</source>
        <translation>Muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Must be a version like 1.2.3.</source>
        <translation>Muss eine Version wie 1.2.3 sein.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>This version of Quire is too old for the server (schema %1, the server needs %2 or newer). Please update Quire.</source>
        <translation>Diese Quire-Version ist zu alt für den Server (Schema %1, der Server braucht %2 oder neuer). Bitte aktualisieren Sie Quire.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server is older than this version of Quire (schema %1, the server knows up to %2). Ask the administrator to update the server.</source>
        <translation>Der Server ist älter als diese Quire-Version (Schema %1, der Server kennt bis %2). Bitten Sie die Administration, den Server zu aktualisieren.</translation>
    </message>
    <message>
        <location filename="../shared/user.cpp" line="+21"/>
        <source>Must be an email address like name@example.com.</source>
        <translation>Muss eine E-Mail-Adresse wie name@example.com sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Must be an https:// address.</source>
        <translation>Muss eine https://-Adresse sein.</translation>
    </message>
    <message>
        <location filename="../shared/syncprotocol.cpp" line="-7"/>
        <source>Must be one of: upsert, delete.</source>
        <translation>Muss upsert oder delete sein.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Not a known outcome.</source>
        <translation>Kein bekanntes Ergebnis.</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>At most %n mutations per request.</source>
        <translation>
            <numerusform>Höchstens %n Änderung pro Anfrage.</numerusform>
            <numerusform>Höchstens %n Änderungen pro Anfrage.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mutation ids must be consecutive within a request.</source>
        <translation>Die Änderungsnummern einer Anfrage müssen lückenlos aufeinander folgen.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Not a known change.</source>
        <translation>Keine bekannte Änderung.</translation>
    </message>
    <message>
        <location filename="../shared/synctable.cpp" line="+7"/>
        <source>Not a known field.</source>
        <translation>Kein bekanntes Feld.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This field is set by the server.</source>
        <translation>Dieses Feld setzt der Server.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Must be a string.</source>
        <translation>Muss Text sein.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Must be at most %1 MiB.</source>
        <translation>Darf höchstens %1 MiB groß sein.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Must be an ISO-8601 UTC timestamp.</source>
        <translation>Muss ein ISO-8601-Zeitstempel in UTC sein.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Must be a list of at most %1 different, non-empty entries of up to %2 characters.</source>
        <translation>Muss eine Liste von höchstens %1 verschiedenen, nicht leeren Einträgen mit bis zu %2 Zeichen sein.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Use an uploaded image or an https:// address.</source>
        <translation>Verwenden Sie ein hochgeladenes Bild oder eine https://-Adresse.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use lower-case letters, digits and single hyphens, like my-first-guide.</source>
        <translation>Verwenden Sie Kleinbuchstaben, Ziffern und einzelne Bindestriche, etwa meine-erste-anleitung.</translation>
    </message>
    <message>
        <location filename="../shared/imagetype.cpp" line="+37"/>
        <source>The file looks like a %1 image but is damaged or cut short.</source>
        <translation>Die Datei sieht aus wie ein %1-Bild, ist aber beschädigt oder abgeschnitten.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only PNG, JPEG, WebP and GIF images can be uploaded.</source>
        <translation>Nur PNG-, JPEG-, WebP- und GIF-Bilder können hochgeladen werden.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>SVG and other markup files are not accepted: they can carry scripts. Export the image as PNG or WebP.</source>
        <translation>SVG- und andere Markup-Dateien werden nicht angenommen: Sie können Skripte enthalten. Exportieren Sie das Bild als PNG oder WebP.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Images must be between 1 and %1 pixels on each side.</source>
        <translation>Bilder müssen auf jeder Seite zwischen 1 und %1 Pixel groß sein.</translation>
    </message>
    <message>
        <location filename="../shared/markdownrenderer.cpp" line="+111"/>
        <source>Task</source>
        <extracomment>What screen readers call the checkbox of an item in a task list.</extracomment>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../shared/strictjson.cpp" line="+98"/>
        <source>binary values are not JSON</source>
        <translation>Binärwerte sind kein JSON</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the key &quot;%1&quot; appears twice in one object</source>
        <translation>der Schlüssel „%1“ kommt in einem Objekt zweimal vor</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>values are nested deeper than %1 levels</source>
        <translation>Werte sind tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the number %1 is out of range</source>
        <translation>die Zahl %1 liegt außerhalb des darstellbaren Bereichs</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The JSON is not valid: %1 (line %2, column %3).</source>
        <translation>Das JSON ist ungültig: %1 (Zeile %2, Spalte %3).</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The JSON could not be read: %1</source>
        <translation>Das JSON konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../shared/utf8.cpp" line="+67"/>
        <source>%1 is not UTF-8 text: the byte at offset %2 (0x%3) does not belong to a valid UTF-8 sequence.</source>
        <translation>%1 ist kein UTF-8-Text: Das Byte an Position %2 (0x%3) gehört zu keiner gültigen UTF-8-Folge.</translation>
    </message>
    <message>
        <location filename="../shared/articlekind.cpp" line="+26"/>
        <source>Guide</source>
        <translation>Anleitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guides</source>
        <translation>Anleitungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New Guide</source>
        <translation>Neue Anleitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No guides yet</source>
        <translation>Noch keine Anleitungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case study</source>
        <translation>Fallstudie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case studies</source>
        <translation>Fallstudien</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New Case Study</source>
        <translation>Neue Fallstudie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No case studies yet</source>
        <translation>Noch keine Fallstudien</translation>
    </message>
    <message>
        <location filename="../shared/declaredtables.cpp" line="+128"/>
        <location line="+50"/>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+30"/>
        <location filename="../shared/prompttables.cpp" line="+125"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="-50"/>
        <location line="+51"/>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <location line="-144"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../shared/schedulertables.cpp" line="+138"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+26"/>
        <location filename="../shared/schedulertables.cpp" line="+5"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../shared/schedulertables.cpp" line="+12"/>
        <location line="+42"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../shared/prompttables.cpp" line="-39"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+53"/>
        <location filename="../shared/schedulertables.cpp" line="-88"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Publish on</source>
        <translation>Veröffentlichen am</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Cover image</source>
        <translation>Titelbild</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SEO title</source>
        <translation>SEO-Titel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SEO description</source>
        <translation>SEO-Beschreibung</translation>
    </message>
    <message>
        <location line="+20"/>
        <location filename="../shared/prompttables.cpp" line="+33"/>
        <location line="+102"/>
        <location filename="../shared/schedulertables.cpp" line="-52"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parent category</source>
        <translation>Übergeordnete Kategorie</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../shared/prompttables.cpp" line="-170"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Kind of item</source>
        <translation>Art des Eintrags</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved item</source>
        <translation>Gespeicherter Eintrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved items</source>
        <translation>Gespeicherte Einträge</translation>
    </message>
    <message>
        <location filename="../shared/prompttables.cpp" line="-31"/>
        <location line="+261"/>
        <source>Shared with</source>
        <translation>Geteilt mit</translation>
    </message>
    <message>
        <location line="-210"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approval for production</source>
        <translation>Freigabe für Produktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Branch of</source>
        <translation>Zweig von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Branched from version</source>
        <translation>Abgezweigt von Version</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+110"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+33"/>
        <location line="+134"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prompt version</source>
        <translation>Prompt-Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt versions</source>
        <translation>Prompt-Versionen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting for approval</source>
        <translation>Wartet auf Freigabe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requested by</source>
        <translation>Angefragt von</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approved by</source>
        <translation>Freigegeben von</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prompt label</source>
        <translation>Prompt-Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt labels</source>
        <translation>Prompt-Labels</translation>
    </message>
    <message>
        <location line="-169"/>
        <location line="+193"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pinned version</source>
        <translation>Feste Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pinned label</source>
        <translation>Festes Label</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Group member</source>
        <translation>Gruppenmitglied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group members</source>
        <translation>Gruppenmitglieder</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Permission</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Group share</source>
        <translation>Gruppenfreigabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group shares</source>
        <translation>Gruppenfreigaben</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Used as</source>
        <translation>Verwendet als</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Times</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use</source>
        <translation>Verwendung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usage history</source>
        <translation>Verwendungsverlauf</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Default view</source>
        <translation>Standardansicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sort</source>
        <translation>Sortierung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep variable values in the history</source>
        <translation>Variablenwerte im Verlauf behalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../shared/promptrenderer.cpp" line="+80"/>
        <source>%1 has no value and no default.</source>
        <translation>%1 hat keinen Wert und keinen Standardwert.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The includes go round in a circle: %1.</source>
        <translation>Die Einbindungen bilden einen Kreis: %1.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>There is no prompt %1 to include.</source>
        <translation>Es gibt keinen Prompt %1 zum Einbinden.</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Includes nest deeper than %n level(s): %1.</source>
        <translation>
            <numerusform>Einbindungen sind tiefer als %n Ebene verschachtelt: %1.</numerusform>
            <numerusform>Einbindungen sind tiefer als %n Ebenen verschachtelt: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>The rendered prompt would be longer than %n character(s).</source>
        <translation>
            <numerusform>Der ausgefüllte Prompt wäre länger als %n Zeichen.</numerusform>
            <numerusform>Der ausgefüllte Prompt wäre länger als %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+112"/>
        <location line="+1"/>
        <source>A chat is a list of messages with a role and content.</source>
        <translation>Ein Chat ist eine Liste von Nachrichten mit Rolle und Inhalt.</translation>
    </message>
    <message>
        <location filename="../shared/prompttemplate.cpp" line="+78"/>
        <source>Unexpected %1 in a tag.</source>
        <translation>Unerwartetes %1 in einem Tag.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An include names a prompt: {{&gt; name}}.</source>
        <translation>Eine Einbindung nennt einen Prompt: {{&gt; name}}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>After @ comes a label or a version number.</source>
        <translation>Nach @ folgt ein Label oder eine Versionsnummer.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unknown type %1; the types are %2.</source>
        <translation>Unbekannter Typ %1; die Typen sind %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only a choice has a list of values.</source>
        <translation>Nur eine Auswahl (choice) hat eine Liste von Werten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A choice lists its values: choice(a, b).</source>
        <translation>Eine Auswahl nennt ihre Werte: choice(a, b).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The list of values has no closing parenthesis.</source>
        <translation>Der Liste der Werte fehlt die schließende Klammer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A choice&apos;s value is empty.</source>
        <translation>Ein Wert der Auswahl ist leer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The value %1 is listed twice.</source>
        <translation>Der Wert %1 steht zweimal in der Liste.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>An empty tag: write a variable&apos;s name between the braces.</source>
        <translation>Ein leeres Tag: Schreiben Sie den Namen einer Variablen zwischen die Klammern.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A variable&apos;s name is letters, digits, _, - and .</source>
        <translation>Der Name einer Variablen besteht aus Buchstaben, Ziffern, _, - und .</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>This {{ is not closed by }} on the same line (write \{{ for the braces themselves).</source>
        <translation>Dieses {{ wird nicht in derselben Zeile mit }} geschlossen (für die Klammern selbst schreiben Sie \{{).</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>The variable %1 is declared twice, differently: %2 and %3.</source>
        <translation>Die Variable %1 ist zweimal verschieden deklariert: %2 und %3.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 must be a number, not %2.</source>
        <translation>%1 muss eine Zahl sein, nicht %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 must be one of %2, not %3.</source>
        <translation>%1 muss eines von %2 sein, nicht %3.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Message %1: </source>
        <translation>Nachricht %1: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In %1: </source>
        <translation>In %1: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Line %1, column %2: </source>
        <translation>Zeile %1, Spalte %2: </translation>
    </message>
    <message>
        <location filename="../shared/fractionalposition.cpp" line="+166"/>
        <source>No position is left before %1.</source>
        <translation>Vor %1 ist keine Position mehr frei.</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a position.</source>
        <translation>„%1“ ist keine Position.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Position %1 is not before %2.</source>
        <translation>Position %1 liegt nicht vor %2.</translation>
    </message>
    <message>
        <location filename="../shared/chatprovider.cpp" line="+70"/>
        <source>The provider at %1 did not answer within %2 s.</source>
        <translation>Der Anbieter unter %1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider&apos;s answer is larger than %1 bytes.</source>
        <translation>Die Antwort des Anbieters ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The provider at %1 could not be reached: %2</source>
        <translation>Der Anbieter unter %1 war nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The provider answered HTTP %1.</source>
        <translation>Der Anbieter antwortete mit HTTP %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The provider answered HTTP %1: %2</source>
        <translation>Der Anbieter antwortete mit HTTP %1: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+9"/>
        <source>`%1` is not an http(s) URL</source>
        <translation>„%1“ ist keine http(s)-URL</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>the URL must not carry a user or password (the key is given on its own)</source>
        <translation>die URL darf keinen Benutzer und kein Passwort enthalten (der Schlüssel wird eigens angegeben)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>plain http is allowed for loopback addresses only; use https</source>
        <translation>unverschlüsseltes http ist nur für Loopback-Adressen erlaubt; verwenden Sie https</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The provider&apos;s answer is not JSON: %1</source>
        <translation>Die Antwort des Anbieters ist kein JSON: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The provider&apos;s answer has no choices.</source>
        <translation>Die Antwort des Anbieters enthält keine Auswahl (choices).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider&apos;s first choice has no message.</source>
        <translation>Die erste Auswahl des Anbieters enthält keine Nachricht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider&apos;s message has no text content.</source>
        <translation>Die Nachricht des Anbieters enthält keinen Text.</translation>
    </message>
    <message>
        <location filename="../shared/postgresurl.cpp" line="+20"/>
        <source>The database URL is not postgresql://user@host/database: %1</source>
        <translation>Die Datenbank-URL hat nicht die Form postgresql://benutzer@host/datenbank: %1</translation>
    </message>
    <message>
        <location filename="../shared/schedulertables.cpp" line="-39"/>
        <location line="+55"/>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clients</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credential stored</source>
        <translation>Zugangsdaten gespeichert</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+65"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Platforms</source>
        <translation>Plattformen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Scheduled for</source>
        <translation>Geplant für</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+18"/>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Text for this platform</source>
        <translation>Text für diese Plattform</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Media</source>
        <translation>Medien</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Published at</source>
        <translation>Veröffentlicht unter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checked at</source>
        <translation>Geprüft am</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-flight problems</source>
        <translation>Probleme der Vorabprüfung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destinations</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <location filename="../shared/csvtext.cpp" line="+49"/>
        <source>This line is not UTF-8 text.</source>
        <translation>Diese Zeile ist kein UTF-8-Text.</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+24"/>
        <source>A field on this line is too long.</source>
        <translation>Ein Feld in dieser Zeile ist zu lang.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>A quoted field here is never closed.</source>
        <translation>Ein Feld in Anführungszeichen wird hier nicht geschlossen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only a comma or the line&apos;s end may follow a closing quote.</source>
        <translation>Auf ein schließendes Anführungszeichen darf nur ein Komma oder das Zeilenende folgen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A quote inside a field that does not start with one.</source>
        <translation>Ein Anführungszeichen in einem Feld, das nicht mit einem beginnt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A carriage return that does not end the line.</source>
        <translation>Ein Wagenrücklauf, der nicht die Zeile beendet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This line has too many fields.</source>
        <translation>Diese Zeile hat zu viele Felder.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The file has too many lines.</source>
        <translation>Die Datei hat zu viele Zeilen.</translation>
    </message>
</context>
<context>
    <name>quire::desktop::PromptRunner</name>
    <message>
        <location filename="../desktop/prompts/core/promptrunner.cpp" line="+101"/>
        <source>Name the model to use, e.g. gpt-4o-mini.</source>
        <translation>Geben Sie das Modell an, z. B. gpt-4o-mini.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Running prompts is not available: set up a provider or use a server that runs them.</source>
        <translation>Prompts ausführen ist nicht verfügbar: Richten Sie einen Anbieter ein oder verwenden Sie einen Server, der Prompts ausführt.</translation>
    </message>
</context>
<context>
    <name>quire::desktop::ProviderDialog</name>
    <message>
        <location filename="../desktop/prompts/widgets/providerdialog.cpp" line="+19"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run sends a rendered prompt to an OpenAI-compatible chat-completions API. Without a provider of your own, Run uses the server&apos;s, if it has one.</source>
        <translation>„Ausführen“ sendet einen ausgefüllten Prompt an eine OpenAI-kompatible Chat-Completions-API. Ohne eigenen Anbieter wird der des Servers verwendet, sofern er einen hat.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Kept; type to replace</source>
        <translation>Gespeichert; zum Ersetzen eintippen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove Provider</source>
        <translation>Anbieter entfernen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Base URL: %1</source>
        <translation>Basis-URL: %1</translation>
    </message>
</context>
</TS>
