"""Proof of attendance for one member, on their request (no Qt).

The member asks (for a court, an employer, a benefits office...) for the dates they
attended in a period. ``attendance_proof`` gathers exactly that; the UI lays it out as a PDF
signed off by the facilitator and writes it only where the facilitator chooses. The app
keeps no copy: ``record_proof_given`` notes in the member's record that a proof was given,
for which period and when (a disclosure), and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from groupkeeper.model import AttendanceStatus, Disclosure
from groupkeeper.storage.errors import InvalidInput

if TYPE_CHECKING:
    from groupkeeper.storage.repos import Store

ATTENDANCE_PROOF = "attendance_proof"


@dataclass(frozen=True)
class AttendanceProof:
    """What a proof of attendance states."""

    member_id: int
    display_name: str
    full_name: str
    period_start: date
    period_end: date
    attended: list[tuple[str, str]]  # (ISO date, group name), oldest first

    @property
    def name(self) -> str:
        """The name to print: the full name when there is one."""
        return self.full_name or self.display_name

    @property
    def groups(self) -> list[str]:
        """The groups attended in the period, in order of first attendance."""
        return list(dict.fromkeys(group for _day, group in self.attended))


def attendance_proof(store: Store, member_id: int, start: date, end: date) -> AttendanceProof:
    """The meetings a member was present at from ``start`` to ``end`` (both included).

    Apologies are not attendance and are left out.

    Raises:
        InvalidInput: the period ends before it starts.
        KeyError: no such member.
    """
    if end < start:
        raise InvalidInput("The period ends before it starts.")
    member = store.members.get(member_id)
    history = store.members.history(member_id)
    first, last = start.isoformat(), end.isoformat()
    attended = sorted(
        (day, group)
        for day, group, status in history.attendance
        if status == AttendanceStatus.PRESENT.value and first <= day <= last
    )
    return AttendanceProof(
        member_id=member_id,
        display_name=member.display_name,
        full_name=member.full_name,
        period_start=start,
        period_end=end,
        attended=attended,
    )


def record_proof_given(store: Store, proof: AttendanceProof) -> Disclosure:
    """Note in the member's record that this proof was handed out (not the document)."""
    return store.disclosures.add(
        Disclosure(
            member_id=proof.member_id,
            what=ATTENDANCE_PROOF,
            period_start=proof.period_start.isoformat(),
            period_end=proof.period_end.isoformat(),
        )
    )
