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
def undo(store: Store, *, meeting_id: int, pseudonym: str = "") -> Attendance | None:
    """Take back a check-in (or apologies) recorded by mistake: ``pseudonym``'s, or with
    no pseudonym the latest arrival (what "Undo check-in" does with nothing selected).

    Returns:
        The record taken back (so the screen can say whose), or None when there was none.
    """
    recorded = store.meetings.attendance(meeting_id)
    if pseudonym:
        target = next((a for a in recorded if a.pseudonym == pseudonym), None)
    else:
        target = recorded[-1] if recorded else None
    if target is not None:
        store.meetings.undo_check_in(meeting_id, target.pseudonym)
    return target


@operation("attendance.check_in_visitor", Kind.ATTENDANCE, Kind.MEMBERS)
def check_in_visitor(store: Store, *, meeting_id: int, pseudonym: str) -> Attendance:
    """A member of another group arrives: they join this meeting's group and are marked
    present, in one transaction (never one without the other)."""
    member = store.members.by_pseudonym(pseudonym)
    if member is None:
        raise InvalidInput("That member is no longer in the vault.")
    group_id = store.meetings.get(meeting_id).group_id
    if group_id not in member.group_ids:
        member.group_ids = sorted({*member.group_ids, group_id})
        store.members.update(member)
    return store.meetings.check_in(meeting_id, pseudonym)


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
