"""Attendance operations: check in, apologies, undo, and "new here"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from groupkeeper.model import Attendance, AttendanceStatus, Member
from groupkeeper.ops.base import Kind, operation
from groupkeeper.storage.errors import InvalidInput

if TYPE_CHECKING:
    from groupkeeper.storage.repos import Store


@operation("attendance.check_in", Kind.ATTENDANCE)
def check_in(store: Store, *, meeting_id: int, pseudonym: str) -> Attendance:
    """Mark a member present (also turns "sent apologies" into present)."""
    return store.meetings.check_in(meeting_id, pseudonym)


@operation("attendance.send_apologies", Kind.ATTENDANCE)
def send_apologies(store: Store, *, meeting_id: int, pseudonym: str) -> Attendance:
    """Record that a member sent apologies: not here, and not drifting away."""
    return store.meetings.check_in(meeting_id, pseudonym, status=AttendanceStatus.APOLOGIES)


@operation("attendance.undo", Kind.ATTENDANCE)
def undo(store: Store, *, meeting_id: int, pseudonym: str) -> None:
    """Take back a check-in (or apologies) recorded by mistake."""
    store.meetings.undo_check_in(meeting_id, pseudonym)


@operation("attendance.add_newcomer", Kind.ATTENDANCE, Kind.MEMBERS, Kind.CONSENTS)
def add_newcomer(store: Store, *, meeting_id: int, display_name: str) -> Member:
    """Someone new: a member with just a name, in the meeting's group, checked in as new.

    Both records are written in the one transaction: never a member without the check-in.
    """
    name = display_name.strip()
    if not name:
        raise InvalidInput("A member needs a display name.")
    meeting = store.meetings.get(meeting_id)
    member = store.members.add(
        Member(display_name=name, joined_on=meeting.date, group_ids=[meeting.group_id])
    )
    store.meetings.check_in(meeting_id, member.pseudonym, is_new=True)
    return member
