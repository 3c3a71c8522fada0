<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Quire::Cli</name>
    <message numerus="yes">
        <location filename="../desktop/prompts/cli/promptgroupcommands.cpp" line="+120"/>
        <source>%n prompt(s)</source>
        <translation>
            <numerusform>%n prompt</numerusform>
            <numerusform>%n prompts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/scheduler/cli/postcommands.cpp" line="+259"/>
        <source>  %n character(s)</source>
        <translation>
            <numerusform>  %n character</numerusform>
            <numerusform>  %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Quire::Core</name>
    <message numerus="yes">
        <location filename="../desktop/scheduler/core/poststore.cpp" line="+276"/>
        <source>The text for %1 is %n character(s) too long.</source>
        <translation>
            <numerusform>The text for %1 is %n character too long.</numerusform>
            <numerusform>The text for %1 is %n characters too long.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/scheduler/core/schedulerstore.cpp" line="+146"/>
        <source>%n client(s) are named %1; name the one you mean by its id.</source>
        <translation>
            <numerusform>%n client is named %1; name the one you mean by its id.</numerusform>
            <numerusform>%n clients are named %1; name the one you mean by its id.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+77"/>
        <source>%n platform(s) fit %1; name the one you mean by its id or display name.</source>
        <translation>
            <numerusform>%n platform fits %1; name the one you mean by its id or display name.</numerusform>
            <numerusform>%n platforms fit %1; name the one you mean by its id or display name.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Quire::Gui</name>
    <message numerus="yes">
        <location filename="../desktop/accounts/widgets/adminview.cpp" line="+359"/>
        <source>%n user(s) found.</source>
        <translation>
            <numerusform>%n user found.</numerusform>
            <numerusform>%n users found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/widgets/bodyeditor.cpp" line="+436"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/scheduler/widgets/destinationeditor.cpp" line="+172"/>
        <location filename="../desktop/widgets/bodyeditor.cpp" line="+1"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n character(s) over this network&apos;s limit</source>
        <translation>
            <numerusform>%n character over this network&apos;s limit</numerusform>
            <numerusform>%n characters over this network&apos;s limit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/widgets/bodyeditor.cpp" line="+1"/>
        <source>%n min read</source>
        <translation>
            <numerusform>%n min read</numerusform>
            <numerusform>%n min read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/widgets/findreplacebar.cpp" line="+232"/>
        <source>Replaced %n</source>
        <translation>
            <numerusform>Replaced %n</numerusform>
            <numerusform>Replaced %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/widgets/syncindicator.cpp" line="+34"/>
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n change to send</numerusform>
            <numerusform>%n changes to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/widgets/revisionpanel.cpp" line="+129"/>
        <source>%n save(s)</source>
        <translation>
            <numerusform>%n save</numerusform>
            <numerusform>%n saves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1
Started %2; %n word(s) at the end.</source>
        <translation>
            <numerusform>%1
Started %2; %n word at the end.</numerusform>
            <numerusform>%1
Started %2; %n words at the end.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/widgets/listsection.cpp" line="+46"/>
        <source>Filters (%n)</source>
        <translation>
            <numerusform>Filters (%n)</numerusform>
            <numerusform>Filters (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/scheduler/widgets/postcalendar.cpp" line="+425"/>
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Quire::Shared</name>
    <message numerus="yes">
        <location filename="../shared/fielderrors.cpp" line="+28"/>
        <location filename="../shared/synctable.cpp" line="+139"/>
        <location line="+43"/>
        <location line="+7"/>
        <location filename="../shared/user.cpp" line="+60"/>
        <source>Must be at most %n characters.</source>
        <translation>
            <numerusform>Must be at most %n character.</numerusform>
            <numerusform>Must be at most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../shared/syncprotocol.cpp" line="+255"/>
        <source>At most %n mutations per request.</source>
        <translation>
            <numerusform>At most %n mutation per request.</numerusform>
            <numerusform>At most %n mutations per request.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../shared/promptrenderer.cpp" line="+211"/>
        <source>Includes nest deeper than %n level(s): %1.</source>
        <translation>
            <numerusform>Includes nest deeper than %n level: %1.</numerusform>
            <numerusform>Includes nest deeper than %n levels: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>The rendered prompt would be longer than %n character(s).</source>
        <translation>
            <numerusform>The rendered prompt would be longer than %n character.</numerusform>
            <numerusform>The rendered prompt would be longer than %n characters.</numerusform>
        </translation>
    </message>
</context>
</TS>
