// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/profile.h"
#include "desktop/core/workspace.h"
#include "shared/uuid.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace quire::desktop;

namespace {
struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    nlohmann::json json() const { return nlohmann::json::parse(out.toStdString(), nullptr, false); }
};
} // namespace

// `quire-cli prompts` as scripts use it, with no server: every command on a
// replica offline, --json that parses, and errors with their exit codes.
class TestPromptCommands : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_merges = 0;

    CliResult cli(const QStringList &args)
    {
        QProcess p;
        p.start(
            qEnvironmentVariable("QUIRE_CLI_BINARY", QStringLiteral("quire-cli")),
            QStringList { QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("p")), QStringLiteral("prompts") }
                + args);
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished(5000);
            return {};
        }
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                 p.readAllStandardError() };
    }

    QString created(const QStringList &args)
    {
        const CliResult r
            = cli(QStringList { QStringLiteral("create") } + args + QStringList { QStringLiteral("--json") });
        const nlohmann::json j = r.json();
        return r.exitCode == 0 && j.is_object() ? QString::fromStdString(j.value("id", std::string())) : QString();
    }

    QStringList names(const QStringList &args)
    {
        const nlohmann::json j = cli(args + QStringList { QStringLiteral("--json") }).json();
        QStringList out;
        if (j.is_array()) {
            for (const auto &p : j)
                out << QString::fromStdString(p.value("name", std::string()));
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // A profile that was signed in once: offline it still knows its account.
        auto ws = Workspace::open(m_dir.filePath(QStringLiteral("p")));
        QVERIFY(ws);
        (*ws)->profile().setAccount(
            { quire::shared::Uuid::createV7(), QStringLiteral("me@example.org"), QStringLiteral("Me") });
    }

    void createShowEditOffline()
    {
        QFile file(m_dir.filePath(QStringLiteral("summary.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Summarise {{text}} in {{n}} words.");
        file.close();
        const QString id
            = created({ QStringLiteral("--title"), QStringLiteral("Summary"), QStringLiteral("--name"),
                        QStringLiteral("summary"), QStringLiteral("--content-file"), file.fileName(),
                        QStringLiteral("--template"), QStringLiteral("--tags"), QStringLiteral("work,short") });
        QVERIFY(!id.isEmpty());
        QVERIFY(!created({ QStringLiteral("--title"), QStringLiteral("Greeting"), QStringLiteral("--name"),
                           QStringLiteral("greeting"), QStringLiteral("--content"), QStringLiteral("Hello") })
                     .isEmpty());
        const nlohmann::json shown
            = cli({ QStringLiteral("show"), QStringLiteral("summary"), QStringLiteral("--json") }).json();
        QVERIFY(shown.is_object());
        QCOMPARE(QString::fromStdString(shown.value("id", std::string())), id);
        QCOMPARE(shown.value("content", std::string()), std::string("Summarise {{text}} in {{n}} words."));
        QCOMPARE(shown.value("favorite", true), false);
        QCOMPARE(cli({ QStringLiteral("edit"), id, QStringLiteral("--content"), QStringLiteral("Summarise {{text}}.") })
                     .exitCode,
                 0);
        const nlohmann::json versions
            = cli({ QStringLiteral("versions"), QStringLiteral("summary"), QStringLiteral("--json") }).json();
        QVERIFY(versions.is_array());
        QCOMPARE(versions.size(), std::size_t(2));
        QVERIFY(cli({ QStringLiteral("show"), QStringLiteral("summary") }).out.contains("Summarise {{text}}."));
    }

    void listFilters_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("all, by title") << QStringList {}
                                       << QStringList { QStringLiteral("greeting"), QStringLiteral("summary") };
        QTest::newRow("search") << QStringList { QStringLiteral("--search"), QStringLiteral("summar") }
                                << QStringList { QStringLiteral("summary") };
        QTest::newRow("tag") << QStringList { QStringLiteral("--tag"), QStringLiteral("WORK") }
                             << QStringList { QStringLiteral("summary") };
        QTest::newRow("templates") << QStringList { QStringLiteral("--template") }
                                   << QStringList { QStringLiteral("summary") };
        QTest::newRow("favourites") << QStringList { QStringLiteral("--favorites") }
                                    << QStringList { QStringLiteral("greeting") };
    }

    void listFilters()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, expected);
        QCOMPARE(cli({ QStringLiteral("favourite"), QStringLiteral("greeting") }).exitCode, 0);
        QCOMPARE(names(QStringList { QStringLiteral("list") } + args), expected);
    }

    void unfavourite()
    {
        QCOMPARE(cli({ QStringLiteral("unfavourite"), QStringLiteral("greeting") }).exitCode, 0);
        QCOMPARE(names({ QStringLiteral("list"), QStringLiteral("--favorites") }), QStringList {});
    }

    void groups()
    {
        const CliResult made = cli({ QStringLiteral("groups"), QStringLiteral("create"), QStringLiteral("--name"),
                                     QStringLiteral("Writing"), QStringLiteral("--json") });
        QCOMPARE(made.exitCode, 0);
        QVERIFY(made.json().contains("id"));
        for (const char *p : { "summary", "greeting" })
            QCOMPARE(
                cli({ QStringLiteral("groups"), QStringLiteral("add"), QStringLiteral("Writing"), QLatin1String(p) })
                    .exitCode,
                0);
        QCOMPARE(cli({ QStringLiteral("groups"), QStringLiteral("move"), QStringLiteral("Writing"),
                       QStringLiteral("greeting"), QStringLiteral("--to"), QStringLiteral("1") })
                     .exitCode,
                 0);
        QCOMPARE(cli({ QStringLiteral("groups"), QStringLiteral("pin"), QStringLiteral("Writing"),
                       QStringLiteral("summary"), QStringLiteral("--label"), QStringLiteral("production") })
                     .exitCode,
                 0);
        const nlohmann::json shown = cli({ QStringLiteral("groups"), QStringLiteral("show"), QStringLiteral("Writing"),
                                           QStringLiteral("--json") })
                                         .json();
        QVERIFY(shown.is_object());
        QCOMPARE(shown["prompts"].size(), std::size_t(2));
        QCOMPARE(shown["prompts"][0].value("name", std::string()), std::string("greeting"));
        QCOMPARE(shown["prompts"][1].value("pinned_label", std::string()), std::string("production"));
        const nlohmann::json listed
            = cli({ QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--json") }).json();
        QVERIFY(listed.is_array());
        QCOMPARE(listed[0].value("members", 0), 2);
        QCOMPARE(listed[0].value("access", std::string()), std::string("owner"));
        QCOMPARE(cli({ QStringLiteral("groups"), QStringLiteral("remove"), QStringLiteral("Writing"),
                       QStringLiteral("summary") })
                     .exitCode,
                 0);
        QCOMPARE(cli({ QStringLiteral("groups"), QStringLiteral("show"), QStringLiteral("Writing"),
                       QStringLiteral("--json") })
                     .json()["prompts"]
                     .size(),
                 std::size_t(1));
    }

    void render_data()
    {
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("text"); // the output, or a word of the problem
        QTest::newRow("all given") << QStringList { QStringLiteral("--var"), QStringLiteral("who=Ann"),
                                                    QStringLiteral("--var"), QStringLiteral("topic=tea=hot") }
                                   << 0 << QStringLiteral("Dear Ann, about tea=hot. Regards");
        QTest::newRow("missing named") << QStringList { QStringLiteral("--var"), QStringLiteral("who=Ann") } << 1
                                       << QStringLiteral("topic");
    }

    void render()
    {
        QFETCH(QStringList, vars);
        QFETCH(int, exitCode);
        QFETCH(QString, text);
        if (cli({ QStringLiteral("show"), QStringLiteral("sign-off") }).exitCode != 0) {
            QVERIFY(!created({ QStringLiteral("--title"), QStringLiteral("Sign-off"), QStringLiteral("--name"),
                               QStringLiteral("sign-off"), QStringLiteral("--content"), QStringLiteral("Regards") })
                         .isEmpty());
            QVERIFY(!created({ QStringLiteral("--title"), QStringLiteral("Letter"), QStringLiteral("--name"),
                               QStringLiteral("letter"), QStringLiteral("--content"),
                               QStringLiteral("Dear {{who}}, about {{topic}}. {{> sign-off}}") })
                         .isEmpty());
        }
        const CliResult r
            = cli(QStringList { QStringLiteral("render"), QStringLiteral("letter"), QStringLiteral("--json") } + vars);
        QCOMPARE(r.exitCode, exitCode);
        const nlohmann::json j = r.json();
        QVERIFY2(j.is_object(), r.out.constData());
        if (exitCode == 0) {
            QCOMPARE(QString::fromStdString(j.value("text", std::string())), text);
            QVERIFY(!j.value("usage_id", std::string()).empty());
        } else {
            QVERIFY(j["problems"].is_array());
            QCOMPARE(QString::fromStdString(j["problems"][0].value("subject", std::string())), text);
            QVERIFY(r.err.contains(text.toUtf8()));
        }
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        const auto l = [](const char *spaced) { return QString::fromLatin1(spaced).split(QLatin1Char(' ')); };
        QTest::newRow("no command") << QStringList {} << 2;
        QTest::newRow("unknown command") << l("frobnicate") << 2;
        QTest::newRow("create without title") << l("create --content x") << 2;
        QTest::newRow("content twice") << l("create --title T --content x --content-file y") << 2;
        QTest::newRow("unreadable file") << l("create --title T --content-file /nonexistent/f") << 1;
        QTest::newRow("show nothing") << l("show nosuch") << 8;
        QTest::newRow("show two") << l("show a b") << 2;
        QTest::newRow("edit without fields") << l("edit summary") << 2;
        QTest::newRow("edit unknown") << l("edit nosuch --title T") << 8;
        QTest::newRow("favourite unknown") << l("favourite nosuch") << 8;
        QTest::newRow("versions unknown") << l("versions nosuch") << 8;
        QTest::newRow("option without value") << l("list --tag") << 2;
        QTest::newRow("render without =") << l("render summary --var text") << 2;
        QTest::newRow("render unknown") << l("render nosuch") << 8;
        QTest::newRow("render missing variable") << l("render summary") << 1;
        QTest::newRow("groups nothing") << l("groups") << 2;
        QTest::newRow("groups unknown") << l("groups frob") << 2;
        QTest::newRow("group unknown") << l("groups show Nosuch") << 8;
        QTest::newRow("group create without name") << l("groups create") << 2;
        QTest::newRow("add unknown prompt") << l("groups add Writing nosuch") << 8;
        QTest::newRow("add twice") << l("groups add Writing greeting") << 1;
        QTest::newRow("move without --to") << l("groups move Writing greeting") << 2;
        QTest::newRow("move to zero") << l("groups move Writing greeting --to 0") << 2;
        QTest::newRow("remove a non-member") << l("groups remove Writing summary") << 8;
        QTest::newRow("pin two ways") << l("groups pin Writing greeting --latest --label x") << 2;
        QTest::newRow("pin a missing version") << l("groups pin Writing greeting --version 99") << 8;
        QTest::newRow("branch nothing") << l("branch") << 2;
        QTest::newRow("branch unknown") << l("branch nosuch") << 8;
        QTest::newRow("branch title without value") << l("branch summary --title") << 2;
        QTest::newRow("merge unknown") << l("merge nosuch") << 8;
        QTest::newRow("merge both ways") << l("merge summary --take-branch --take-parent") << 2;
        QTest::newRow("merge not a branch") << l("merge summary") << 1;
    }

    // Branch, edit both (offline), merge: clean, or clashes that exit 1
    // listing each field and write nothing until a side is taken.
    void branchAndMerge_data()
    {
        QTest::addColumn<QString>("parentEdit");
        QTest::addColumn<QString>("branchEdit");
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("merged"); // the parent's content afterwards
        QTest::newRow("clean") << QStringLiteral("Intro, parent.\n\nEnd.\n")
                               << QStringLiteral("Intro.\n\nEnd, branch.\n") << QStringList {} << 0
                               << QStringLiteral("Intro, parent.\n\nEnd, branch.\n");
        QTest::newRow("clash") << QStringLiteral("Parent.\n") << QStringLiteral("Branch.\n") << QStringList {} << 1
                               << QStringLiteral("Parent.\n");
        QTest::newRow("clash, take the branch")
            << QStringLiteral("Parent.\n") << QStringLiteral("Branch.\n")
            << QStringList { QStringLiteral("--take-branch") } << 0 << QStringLiteral("Branch.\n");
        QTest::newRow("clash, take the parent")
            << QStringLiteral("Parent.\n") << QStringLiteral("Branch.\n")
            << QStringList { QStringLiteral("--take-parent") } << 0 << QStringLiteral("Parent.\n");
    }

    void branchAndMerge()
    {
        QFETCH(QString, parentEdit);
        QFETCH(QString, branchEdit);
        QFETCH(QStringList, flags);
        QFETCH(int, exitCode);
        QFETCH(QString, merged);
        const QString name = QStringLiteral("merge-") + QString::number(++m_merges);
        const QString parent
            = created({ QStringLiteral("--title"), QStringLiteral("Merge me"), QStringLiteral("--name"), name,
                        QStringLiteral("--content"), QStringLiteral("Intro.\n\nEnd.\n") });
        QVERIFY(!parent.isEmpty());
        // By name, as scripts do; the branch is named after its parent.
        const CliResult b = cli({ QStringLiteral("branch"), name, QStringLiteral("--title"), QStringLiteral("Mine"),
                                  QStringLiteral("--json") });
        QCOMPARE(b.exitCode, 0);
        const QString branch = QString::fromStdString(b.json().value("id", std::string()));
        QCOMPARE(QString::fromStdString(b.json().value("branch_of", std::string())), parent);
        QCOMPARE(cli({ QStringLiteral("edit"), parent, QStringLiteral("--content"), parentEdit }).exitCode, 0);
        QCOMPARE(cli({ QStringLiteral("edit"), branch, QStringLiteral("--content"), branchEdit }).exitCode, 0);
        const int versionsBefore
            = int(cli({ QStringLiteral("versions"), parent, QStringLiteral("--json") }).json().size());

        const CliResult m = cli(QStringList { QStringLiteral("merge"), branch, QStringLiteral("--json") } + flags);
        QCOMPARE(m.exitCode, exitCode);
        const nlohmann::json j = m.json();
        QVERIFY(j.is_object());
        QCOMPARE(j.value("merged", false), exitCode == 0);
        if (exitCode != 0) {
            QVERIFY(j["clashes"].is_array() && j["clashes"].size() == 1);
            QCOMPARE(j["clashes"][0].value("field", std::string()), std::string("content"));
            QCOMPARE(QString::fromStdString(j["clashes"][0].value("ours", std::string())), parentEdit);
            QCOMPARE(QString::fromStdString(j["clashes"][0].value("theirs", std::string())), branchEdit);
            // Without --json each clashed field is printed.
            const CliResult plain = cli({ QStringLiteral("merge"), branch });
            QCOMPARE(plain.exitCode, 1);
            QVERIFY(plain.out.contains("content"));
            QVERIFY(plain.out.contains(branchEdit.trimmed().toUtf8()));
        }
        const nlohmann::json shown = cli({ QStringLiteral("show"), parent, QStringLiteral("--json") }).json();
        QCOMPARE(QString::fromStdString(shown.value("content", std::string())), merged);
        const int versionsAfter
            = int(cli({ QStringLiteral("versions"), parent, QStringLiteral("--json") }).json().size());
        QCOMPARE(versionsAfter, versionsBefore + (exitCode == 0 ? 1 : 0));
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const CliResult r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_MAIN(TestPromptCommands)
#include "tst_promptcommands.moc"
