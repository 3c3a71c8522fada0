<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Quire::Cli</name>
    <message>
        <location filename="../desktop/cli/clicommands.cpp" line="+28"/>
        <source>Usage: quire-cli [--profile DIR] COMMAND [options]

Commands:
  connect URL [--trust-fingerprint SHA256 | --trust-on-first-use]
                 Check the server at URL and remember it. A certificate that no
                 CA vouches for is accepted only with its fingerprint or with
                 --trust-on-first-use.
  status [--json]  Show the profile, its server and its replica (works offline).

Options:
  --profile DIR  Use the profile in DIR instead of the default one.
  --help         Show this help.   --version  Show the version.

Exit codes: 0 success, 1 error, 2 usage error, 3 server unreachable,
4 certificate not trusted, 5 server and client versions incompatible.
</source>
        <translation>Aufruf: quire-cli [--profile VERZ] BEFEHL [Optionen]

Befehle:
  connect URL [--trust-fingerprint SHA256 | --trust-on-first-use]
                 Den Server unter URL prüfen und merken. Ein Zertifikat, für das
                 keine Zertifizierungsstelle bürgt, wird nur mit seinem
                 Fingerabdruck oder mit --trust-on-first-use akzeptiert.
  status [--json]  Profil, Server und Replik anzeigen (funktioniert offline).

Optionen:
  --profile VERZ Das Profil in VERZ statt des Standardprofils verwenden.
  --help         Diese Hilfe anzeigen.   --version  Die Version anzeigen.

Exit-Codes: 0 Erfolg, 1 Fehler, 2 Aufruffehler, 3 Server nicht erreichbar,
4 Zertifikat nicht vertraut, 5 Server- und Client-Version unverträglich.
</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>quire-cli: %1</source>
        <translation>quire-cli: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Try quire-cli --help.</source>
        <translation>Versuchen Sie quire-cli --help.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>unknown option %1</source>
        <translation>unbekannte Option %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a command is missing</source>
        <translation>ein Befehl fehlt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown command %1</source>
        <translation>unbekannter Befehl %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is not a SHA-256 fingerprint</source>
        <translation>%1 ist kein SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+62"/>
        <source>unexpected argument %1</source>
        <translation>unerwartetes Argument %1</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Trusting the certificate with fingerprint %1 on first use.</source>
        <translation>Dem Zertifikat mit dem Fingerabdruck %1 wird bei der ersten Verbindung vertraut.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fingerprint: %1</source>
        <translation>Fingerabdruck: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass --trust-fingerprint with this value if it is the one your administrator gave you.</source>
        <translation>Geben Sie --trust-fingerprint mit diesem Wert an, wenn es der ist, den Ihre Administration Ihnen genannt hat.</translation>
    </message>
    <message>
        <location line="+40"/>
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
</context>
<context>
    <name>Quire::Core</name>
    <message>
        <location filename="../desktop/core/apiclient.cpp" line="+46"/>
        <source>Enter the server address, for example https://quire.example.org.</source>
        <translation>Geben Sie die Serveradresse ein, zum Beispiel https://quire.example.org.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>“%1” is not a server address.</source>
        <translation>„%1“ ist keine Serveradresse.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Quire only talks to servers over https://, except on this computer.</source>
        <translation>Quire verbindet sich nur über https:// mit Servern, außer auf diesem Computer.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The server&apos;s certificate is not known yet. Compare its fingerprint with the one your administrator gave you.</source>
        <translation>Das Zertifikat des Servers ist noch nicht bekannt. Vergleichen Sie seinen Fingerabdruck mit dem, den Ihre Administration Ihnen genannt hat.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server shows a different certificate than the one you trusted. This can mean someone is intercepting the connection; ask your administrator before you trust it.</source>
        <translation>Der Server zeigt ein anderes Zertifikat als das, dem Sie vertraut haben. Das kann bedeuten, dass jemand die Verbindung abfängt; fragen Sie Ihre Administration, bevor Sie ihm vertrauen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot reach the server: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The server answered with status %1.</source>
        <translation>Der Server antwortete mit Status %1.</translation>
    </message>
    <message>
        <location filename="../desktop/core/connectionmonitor.cpp" line="+28"/>
        <source>No server</source>
        <translation>Kein Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../desktop/core/profile.cpp" line="+34"/>
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
        <location line="+11"/>
        <source>The server&apos;s answer was not understood.</source>
        <translation>Die Antwort des Servers war unverständlich.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connected to Quire server %1.</source>
        <translation>Mit Quire-Server %1 verbunden.</translation>
    </message>
</context>
<context>
    <name>Quire::Gui</name>
    <message>
        <location filename="../desktop/widgets/connectdialog.cpp" line="+27"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+85"/>
        <source>&amp;Trust this certificate</source>
        <translation>Diesem Zertifikat &amp;vertrauen</translation>
    </message>
    <message>
        <location line="-83"/>
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
        <location line="+39"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Trust the new certificate</source>
        <translation>Dem neuen Zertifikat &amp;vertrauen</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/connectionindicator.cpp" line="+32"/>
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
        <location filename="../desktop/widgets/desktopapp.cpp" line="+32"/>
        <source>Quire: write, manage and publish, offline first.</source>
        <translation>Quire: schreiben, verwalten und veröffentlichen – zuerst offline.</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+0"/>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust the server certificate with this SHA-256 &lt;fingerprint&gt;.</source>
        <translation>Dem Serverzertifikat mit diesem SHA-256-&lt;fingerabdruck&gt; vertrauen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fingerprint</source>
        <translation>fingerabdruck</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>Quire cannot start</source>
        <translation>Quire kann nicht starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The fingerprint is not a SHA-256 fingerprint.</source>
        <translation>Der Fingerabdruck ist kein SHA-256-Fingerabdruck.</translation>
    </message>
    <message>
        <location filename="../desktop/widgets/mainwindow.cpp" line="+32"/>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Guides</source>
        <translation>Anleitungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Writing and publishing guides is not built yet. It arrives with the content work.</source>
        <translation>Das Schreiben und Veröffentlichen von Anleitungen ist noch nicht gebaut. Es kommt mit der Arbeit an den Inhalten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case studies</source>
        <translation>Fallstudien</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case studies are not built yet. They arrive with the content work.</source>
        <translation>Fallstudien sind noch nicht gebaut. Sie kommen mit der Arbeit an den Inhalten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The prompt library is not built yet.</source>
        <translation>Die Prompt-Bibliothek ist noch nicht gebaut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Courses</source>
        <translation>Kurse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Courses and learning progress are not built yet.</source>
        <translation>Kurse und Lernfortschritt sind noch nicht gebaut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scheduling social posts is not built yet.</source>
        <translation>Das Planen von Social-Media-Beiträgen ist noch nicht gebaut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Engagement and financial metrics are not built yet.</source>
        <translation>Engagement- und Finanzkennzahlen sind noch nicht gebaut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User administration is not built yet. It arrives with accounts.</source>
        <translation>Die Benutzerverwaltung ist noch nicht gebaut. Sie kommt mit den Konten.</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Quire</source>
        <translation>Ü&amp;ber Quire</translation>
    </message>
    <message>
        <location line="+1"/>
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
</context>
<context>
    <name>Quire::Shared</name>
    <message>
        <location filename="../shared/database.cpp" line="+35"/>
        <source>The database file is damaged or is not a Quire database: %1</source>
        <translation>Die Datenbankdatei ist beschädigt oder keine Quire-Datenbank: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The SQLite driver for Qt is not installed (package libqt6sql6-sqlite).</source>
        <translation>Der SQLite-Treiber für Qt ist nicht installiert (Paket libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot open the database %1: %2</source>
        <translation>Die Datenbank %1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The database %1 cannot use write-ahead logging.</source>
        <translation>Die Datenbank %1 kann kein Write-Ahead-Logging verwenden.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Preparing a query</source>
        <translation>Das Vorbereiten einer Abfrage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A database query</source>
        <translation>Eine Datenbankabfrage</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The backup file %1 already exists.</source>
        <translation>Die Sicherungsdatei %1 existiert bereits.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The database file %1 was removed or replaced while in use.</source>
        <translation>Die Datenbankdatei %1 wurde während der Benutzung entfernt oder ersetzt.</translation>
    </message>
    <message>
        <location filename="../shared/fielderrors.cpp" line="+18"/>
        <location filename="../shared/jsonreader.cpp" line="+92"/>
        <source>Must be a UUIDv7.</source>
        <translation>Muss eine UUIDv7 sein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../shared/jsonreader.cpp" line="-60"/>
        <source>This field is required.</source>
        <translation>Dieses Feld ist erforderlich.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location filename="../shared/user.cpp" line="+59"/>
        <source>Must be at most %n characters.</source>
        <translation>
            <numerusform>Darf höchstens %n Zeichen lang sein.</numerusform>
            <numerusform>Darf höchstens %n Zeichen lang sein.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Some fields are not valid.</source>
        <translation>Einige Felder sind ungültig.</translation>
    </message>
    <message>
        <location filename="../shared/guide.cpp" line="+37"/>
        <location filename="../shared/user.cpp" line="-19"/>
        <source>Must be one of: %1.</source>
        <translation>Muss eines der folgenden sein: %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Must not be negative.</source>
        <translation>Darf nicht negativ sein.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Must be at most 5 MiB.</source>
        <translation>Darf höchstens 5 MiB groß sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Must not be before created_at.</source>
        <translation>Darf nicht vor created_at liegen.</translation>
    </message>
    <message>
        <location filename="../shared/jsonreader.cpp" line="-17"/>
        <source>The request body must be a JSON object.</source>
        <translation>Der Inhalt der Anfrage muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Must be text.</source>
        <translation>Muss Text sein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Must be a whole number.</source>
        <translation>Muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Must be true or false.</source>
        <translation>Muss true oder false sein.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Must be a time like 2026-01-31T12:00:00.000Z.</source>
        <translation>Muss eine Zeitangabe wie 2026-01-31T12:00:00.000Z sein.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This field is not known here.</source>
        <translation>Dieses Feld ist hier nicht bekannt.</translation>
    </message>
    <message>
        <location filename="../shared/migrator.cpp" line="+40"/>
        <source>The file %1 is a database, but not a Quire database.</source>
        <translation>Die Datei %1 ist eine Datenbank, aber keine Quire-Datenbank.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The database %1 has schema version %2, but this Quire only knows versions up to %3. It was written by a newer Quire; install that version or newer.</source>
        <translation>Die Datenbank %1 hat die Schemaversion %2, dieses Quire kennt aber nur Versionen bis %3. Sie wurde von einem neueren Quire geschrieben; installieren Sie diese oder eine neuere Version.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Schema migration %1 (%2) failed: %3</source>
        <translation>Die Schemamigration %1 (%2) ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location filename="../shared/protocol.cpp" line="+24"/>
        <source>Must be a positive number.</source>
        <translation>Muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Must be a version like 1.2.3.</source>
        <translation>Muss eine Version wie 1.2.3 sein.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>This version of Quire is too old for the server (schema %1, the server needs %2 or newer). Please update Quire.</source>
        <translation>Diese Quire-Version ist zu alt für den Server (Schema %1, der Server braucht %2 oder neuer). Bitte aktualisieren Sie Quire.</translation>
    </message>
    <message>
        <location line="+6"/>
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
</context>
</TS>
