<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttendanceProofDialog</name>
    <message numerus="yes">
        <source>%1 attended %n meeting(s) in this period.</source>
        <translation>
            <numerusform>%1 attended %n meeting in this period.</numerusform>
            <numerusform>%1 attended %n meetings in this period.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CombineDialog</name>
    <message numerus="yes">
        <source>%n shown as a range because a part was a small count.</source>
        <translation>
            <numerusform>%n shown as a range because a part was a small count.</numerusform>
            <numerusform>%n shown as a range because a part was a small count.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attendances: %1. %n figure(s) hidden because a part was hidden;</source>
        <translation>
            <numerusform>Attendances: %1. %n figure hidden because a part was hidden;</numerusform>
            <numerusform>Attendances: %1. %n figures hidden because a part was hidden;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready to combine %n export(s) for %1: %2.</source>
        <translation>
            <numerusform>Ready to combine %n export for %1: %2.</numerusform>
            <numerusform>Ready to combine %n exports for %1: %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message numerus="yes">
        <source>%n member(s) ready to import:</source>
        <translation>
            <numerusform>%n member ready to import:</numerusform>
            <numerusform>%n members ready to import:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will be skipped:</source>
        <translation>
            <numerusform>%n row will be skipped:</numerusform>
            <numerusform>%n rows will be skipped:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n member(s)</source>
        <translation>
            <numerusform>&amp;Import %n member</numerusform>
            <numerusform>&amp;Import %n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiscardMeeting</name>
    <message numerus="yes">
        <source>%n apology(ies)</source>
        <translation>
            <numerusform>%n apology</numerusform>
            <numerusform>%n apologies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal review(s) (those goals become open again)</source>
        <translation>
            <numerusform>%n goal review (that goal becomes open again)</numerusform>
            <numerusform>%n goal reviews (those goals become open again)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) set</source>
        <translation>
            <numerusform>%n goal set</numerusform>
            <numerusform>%n goals set</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mood answer(s)</source>
        <translation>
            <numerusform>%n mood answer</numerusform>
            <numerusform>%n mood answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) checked in</source>
        <translation>
            <numerusform>%n person checked in</numerusform>
            <numerusform>%n people checked in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n private safety note(s)</source>
        <translation>
            <numerusform>%n private safety note</numerusform>
            <numerusform>%n private safety notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n safety concern(s) counted</source>
        <translation>
            <numerusform>%n safety concern counted</numerusform>
            <numerusform>%n safety concerns counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skill(s) shared</source>
        <translation>
            <numerusform>%n skill shared</numerusform>
            <numerusform>%n skills shared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n walk-in(s)</source>
        <translation>
            <numerusform>%n walk-in</numerusform>
            <numerusform>%n walk-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wellbeing answer(s)</source>
        <translation>
            <numerusform>%n wellbeing answer</numerusform>
            <numerusform>%n wellbeing answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of them %n new here</source>
        <translation>
            <numerusform>of them %n new here</numerusform>
            <numerusform>of them %n new here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupCard</name>
    <message numerus="yes">
        <source>%n active member(s)</source>
        <translation>
            <numerusform>%n active member</numerusform>
            <numerusform>%n active members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message numerus="yes">
        <source>Shared with %n other laptop(s). Home shows its laptops, changes and conflicts.</source>
        <translation>
            <numerusform>Shared with %n other laptop. Home shows its laptops, changes and conflicts.</numerusform>
            <numerusform>Shared with %n other laptops. Home shows its laptops, changes and conflicts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message numerus="yes">
        <source>%n apology(ies)</source>
        <translation type="vanished">
            <numerusform>%n apology</numerusform>
            <numerusform>%n apologies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal review(s) (those goals become open again)</source>
        <translation type="vanished">
            <numerusform>%n goal review (that goal becomes open again)</numerusform>
            <numerusform>%n goal reviews (those goals become open again)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) set</source>
        <translation type="vanished">
            <numerusform>%n goal set</numerusform>
            <numerusform>%n goals set</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mood answer(s)</source>
        <translation type="vanished">
            <numerusform>%n mood answer</numerusform>
            <numerusform>%n mood answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) checked in</source>
        <translation type="vanished">
            <numerusform>%n person checked in</numerusform>
            <numerusform>%n people checked in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n private safety note(s)</source>
        <translation type="vanished">
            <numerusform>%n private safety note</numerusform>
            <numerusform>%n private safety notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n safety concern(s) counted</source>
        <translation type="vanished">
            <numerusform>%n safety concern counted</numerusform>
            <numerusform>%n safety concerns counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skill(s) shared</source>
        <translation type="vanished">
            <numerusform>%n skill shared</numerusform>
            <numerusform>%n skills shared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n walk-in(s)</source>
        <translation type="vanished">
            <numerusform>%n walk-in</numerusform>
            <numerusform>%n walk-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wellbeing answer(s)</source>
        <translation type="vanished">
            <numerusform>%n wellbeing answer</numerusform>
            <numerusform>%n wellbeing answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last backup: %n day(s) ago.</source>
        <translation>
            <numerusform>Last backup: %n day ago.</numerusform>
            <numerusform>Last backup: %n days ago.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of them %n new here</source>
        <translation type="vanished">
            <numerusform>of them %n new here</numerusform>
            <numerusform>of them %n new here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JoinGroupDialog</name>
    <message numerus="yes">
        <source>%n more digit(s) to type.</source>
        <translation>
            <numerusform>%n more digit to type.</numerusform>
            <numerusform>%n more digits to type.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The code has 20 digits; %n are missing.</source>
        <translation>
            <numerusform>The code has 20 digits; %n is missing.</numerusform>
            <numerusform>The code has 20 digits; %n are missing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingRunner</name>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n answer</numerusform>
            <numerusform>%n answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) so far</source>
        <translation>
            <numerusform>%n answer so far</numerusform>
            <numerusform>%n answers so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n checked in</source>
        <translation>
            <numerusform>%n checked in</numerusform>
            <numerusform>%n checked in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n goal</numerusform>
            <numerusform>%n goals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) from before</source>
        <translation>
            <numerusform>%n goal from before</numerusform>
            <numerusform>%n goals from before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) set</source>
        <translation>
            <numerusform>%n goal set</numerusform>
            <numerusform>%n goals set</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n here</source>
        <translation>
            <numerusform>%n here</numerusform>
            <numerusform>%n here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n here in total</source>
        <translation>
            <numerusform>%n here in total</numerusform>
            <numerusform>%n here in total</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min left</source>
        <translation>
            <numerusform>%n min left</numerusform>
            <numerusform>%n min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mood(s) recorded</source>
        <translation>
            <numerusform>%n mood recorded</numerusform>
            <numerusform>%n moods recorded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pass(es)</source>
        <translation>
            <numerusform>%n pass</numerusform>
            <numerusform>%n passes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reviewed</source>
        <translation>
            <numerusform>%n reviewed</numerusform>
            <numerusform>%n reviewed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n safety concern(s) counted</source>
        <translation>
            <numerusform>%n safety concern counted</numerusform>
            <numerusform>%n safety concerns counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent apologies</source>
        <translation>
            <numerusform>%n sent apologies</numerusform>
            <numerusform>%n sent apologies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shared</source>
        <translation>
            <numerusform>%n shared</numerusform>
            <numerusform>%n shared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skill(s) shared</source>
        <translation>
            <numerusform>%n skill shared</numerusform>
            <numerusform>%n skills shared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n so far</source>
        <translation>
            <numerusform>%n so far</numerusform>
            <numerusform>%n so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n walk-in(s)</source>
        <translation>
            <numerusform>%n walk-in</numerusform>
            <numerusform>%n walk-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked in: %n</source>
        <translation>
            <numerusform>Checked in: %n</numerusform>
            <numerusform>Checked in: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Over by %n min</source>
        <translation>
            <numerusform>Over by %n min</numerusform>
            <numerusform>Over by %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Safety concerns counted tonight: %n</source>
        <translation>
            <numerusform>Safety concerns counted tonight: %n</numerusform>
            <numerusform>Safety concerns counted tonight: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved notes (only in the vault): %n</source>
        <translation>
            <numerusform>Saved note (only in the vault): %n</numerusform>
            <numerusform>Saved notes (only in the vault): %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shared tonight: %n</source>
        <translation>
            <numerusform>Shared tonight: %n</numerusform>
            <numerusform>Shared tonight: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Walk-ins (anonymous): %n</source>
        <translation>
            <numerusform>Walk-ins (anonymous): %n</numerusform>
            <numerusform>Walk-ins (anonymous): %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>meeting over by %n min</source>
        <translation>
            <numerusform>meeting over by %n min</numerusform>
            <numerusform>meeting over by %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberHistory</name>
    <message numerus="yes">
        <source>Came to %n meeting(s).</source>
        <translation>
            <numerusform>Came to %n meeting.</numerusform>
            <numerusform>Came to %n meetings.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message numerus="yes">
        <source>%1, %2. In exports %n figure(s) are hidden (threshold %3).</source>
        <translation>
            <numerusform>%1, %2. In exports %n figure is hidden (threshold %3).</numerusform>
            <numerusform>%1, %2. In exports %n figures are hidden (threshold %3).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterScreen</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) added.</source>
        <translation>
            <numerusform>%n member added.</numerusform>
            <numerusform>%n members added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) have not come for {months} months or more. You may want to forget them.</source>
        <translation>
            <numerusform>%n member has not come for {months} months or more. You may want to forget them.</numerusform>
            <numerusform>%n members have not come for {months} months or more. You may want to forget them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n</source>
        <translation>
            <numerusform>of %n</numerusform>
            <numerusform>of %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SharedGroupBox</name>
    <message numerus="yes">
        <source>%1: shared with %n other laptop(s)</source>
        <translation>
            <numerusform>%1: shared with %n other laptop</numerusform>
            <numerusform>%1: shared with %n other laptops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) made on two laptops at once need you to choose which to keep.</source>
        <translation>
            <numerusform>%n edit made on two laptops at once needs you to choose which to keep.</numerusform>
            <numerusform>%n edits made on two laptops at once need you to choose which to keep.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your change(s) not yet seen by the others</source>
        <translation>
            <numerusform>%n of your changes not yet seen by the others</numerusform>
            <numerusform>%n of your changes not yet seen by the others</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockForm</name>
    <message numerus="yes">
        <source>Other accounts on this computer could read %n of the vault&apos;s files. They are now readable by you only.</source>
        <translation>
            <numerusform>Other accounts on this computer could read %n of the vault&apos;s files. It is now readable by you only.</numerusform>
            <numerusform>Other accounts on this computer could read %n of the vault&apos;s files. They are now readable by you only.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The next try will wait %n second(s).</source>
        <translation>
            <numerusform>The next try will wait %n second.</numerusform>
            <numerusform>The next try will wait %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message numerus="yes">
        <source>A sum with a &quot;fewer than&quot; part is shown as the range its parts allow, each such part counting as 1 to %1 (%n figure(s)).</source>
        <translation>
            <numerusform>A sum with a &quot;fewer than&quot; part is shown as the range its parts allow, each such part counting as 1 to %1 (%n figure).</numerusform>
            <numerusform>A sum with a &quot;fewer than&quot; part is shown as the range its parts allow, each such part counting as 1 to %1 (%n figures).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A sum with a hidden part is hidden (%n figure(s)); nothing hidden was guessed.</source>
        <translation>
            <numerusform>A sum with a hidden part is hidden (%n figure); nothing hidden was guessed.</numerusform>
            <numerusform>A sum with a hidden part is hidden (%n figures); nothing hidden was guessed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Averages, medians, percentages and trends based on fewer than %1 people, or that would reveal a hidden count, are withheld (%n figure(s)).</source>
        <translation>
            <numerusform>Averages, medians, percentages and trends based on fewer than %1 people, or that would reveal a hidden count, are withheld (%n figure).</numerusform>
            <numerusform>Averages, medians, percentages and trends based on fewer than %1 people, or that would reveal a hidden count, are withheld (%n figures).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Complementary suppression: %n further figure(s) hidden, after a check with an integer-programming solver of every way the shown figures, and those of earlier exports from this vault, could be combined: no hidden count can be worked out exactly, and no &quot;fewer than&quot; figure narrowed.</source>
        <translation>
            <numerusform>Complementary suppression: %n further figure hidden, after a check with an integer-programming solver of every way the shown figures, and those of earlier exports from this vault, could be combined: no hidden count can be worked out exactly, and no &quot;fewer than&quot; figure narrowed.</numerusform>
            <numerusform>Complementary suppression: %n further figures hidden, after a check with an integer-programming solver of every way the shown figures, and those of earlier exports from this vault, could be combined: no hidden count can be worked out exactly, and no &quot;fewer than&quot; figure narrowed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Small counts: a sum from 1 to %1 is shown as &quot;fewer than %2&quot; (%n figure(s)).</source>
        <translation>
            <numerusform>Small counts: a sum from 1 to %1 is shown as &quot;fewer than %2&quot; (%n figure).</numerusform>
            <numerusform>Small counts: a sum from 1 to %1 is shown as &quot;fewer than %2&quot; (%n figures).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Small counts: every count from 1 to %1 is shown as &quot;fewer than %2&quot; (%n figure(s) in this report).</source>
        <translation>
            <numerusform>Small counts: every count from 1 to %1 is shown as &quot;fewer than %2&quot; (%n figure in this report).</numerusform>
            <numerusform>Small counts: every count from 1 to %1 is shown as &quot;fewer than %2&quot; (%n figures in this report).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This report adds up %n exports. It was worked out from the exported figures alone, without any vault: it holds aggregate figures only and tells nothing that the exports did not already tell.</source>
        <translation>
            <numerusform>This report adds up %n export. It was worked out from the exported figures alone, without any vault: it holds aggregate figures only and tells nothing that the exports did not already tell.</numerusform>
            <numerusform>This report adds up %n exports. It was worked out from the exported figures alone, without any vault: it holds aggregate figures only and tells nothing that the exports did not already tell.</numerusform>
        </translation>
    </message>
</context>
</TS>
