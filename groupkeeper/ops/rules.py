"""The group's rules that screens used to decide for themselves (plain Python, no Qt).

Who counts as "here" and when a meeting may start without crisis resources (what agenda a
new group gets is ``agenda.fill_from_template``). Operations enforce them; screens ask
them to decide what to show.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from groupkeeper.model import Attendance, AttendanceStatus, Group


@dataclass(frozen=True)
class Headcount:
    """Who is in the room: checked-in members (``new`` of them new) and walk-ins."""

    present: int
    new: int
    apologies: int
    walk_ins: int

    @property
    def here(self) -> int:
        """Everyone in the room: members checked in as present plus anonymous walk-ins.

        Members who sent apologies are not here; nor is anyone whose check-in was undone.
        """
        return self.present + self.walk_ins


def headcount(attendance: Iterable[Attendance], walk_ins: int) -> Headcount:
    """Count a meeting's attendance records and walk-ins into a ``Headcount``."""
    present = [a for a in attendance if a.status is AttendanceStatus.PRESENT]
    apologies = [a for a in attendance if a.status is AttendanceStatus.APOLOGIES]
    return Headcount(
        present=len(present),
        new=sum(1 for a in present if a.is_new),
        apologies=len(apologies),
        walk_ins=max(0, walk_ins),
    )


def needs_crisis_resources(group: Group) -> bool:
    """True when a meeting may not start before the facilitator is asked for resources.

    A group without crisis resources is asked every time; "Remind me later" lets the
    meeting start once (``may_remind_later``), after that the resources are required.
    """
    return not group.crisis_resources.strip()


def may_remind_later(group: Group) -> bool:
    """True while "Remind me later" has not been used for this group."""
    return not group.crisis_reminder_used
