"""Member operations: add, edit, deactivate or reactivate, forget."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from groupkeeper.model import Disclosure, Member
from groupkeeper.ops.base import Kind, operation
from groupkeeper.storage.errors import InvalidInput

if TYPE_CHECKING:
    from groupkeeper.storage.repos import ForgetResult, Store

#: The fields a facilitator edits (the pseudonym and local id are storage's).
FIELDS = (
    "display_name",
    "full_name",
    "pronouns",
    "phone",
    "email",
    "emergency_contact",
    "contact_consent",
    "notes",
    "joined_on",
    "active",
    "group_ids",
)

#: Longest text a field may hold (the CSV import and the member form use the same).
MAX_TEXT = 10_000


def member_fields(member: Member) -> dict[str, Any]:
    """A member's editable fields as plain data, for ``add``/``update``."""
    return {name: getattr(member, name) for name in FIELDS}


def _apply_fields(member: Member, fields: dict[str, Any], *, strip: bool = True) -> Member:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown member fields: {sorted(unknown)}")
    for name, value in fields.items():
        if isinstance(value, str):
            value = value.strip() if strip and name != "notes" else value
            if len(value) > MAX_TEXT:
                raise InvalidInput("A field is longer than {limit} characters.", limit=MAX_TEXT)
        setattr(member, name, value)
    member.group_ids = sorted({int(g) for g in member.group_ids})
    if not member.display_name.strip():
        raise InvalidInput("A member needs a display name.")
    return member


@operation("member.add", Kind.MEMBERS, Kind.CONSENTS)
def add(store: Store, *, fields: dict[str, Any]) -> Member:
    """Add a member (a random pseudonym and a roster consent record come with it)."""
    return store.members.add(_apply_fields(Member(display_name=""), fields))


@operation("member.update", Kind.MEMBERS, Kind.CONSENTS)
def update(store: Store, *, member_id: int, fields: dict[str, Any]) -> Member:
    """Change some of a member's fields; a change of contact consent is recorded."""
    return store.members.update(_apply_fields(store.members.get(member_id), fields))


@operation("member.set_active", Kind.MEMBERS)
def set_active(store: Store, *, member_id: int, active: bool) -> Member:
    """Deactivate (no longer offered at check-in) or reactivate a member."""
    store.members.get(member_id)  # KeyError for an unknown member
    store.members.set_active(member_id, active)
    return store.members.get(member_id)


@operation("member.forget", Kind.MEMBERS, Kind.CONSENTS, Kind.GOALS)
def forget(store: Store, *, member_id: int) -> ForgetResult:
    """Erase a person: profile, notes, consents, goal texts. Pseudonymous records stay."""
    return store.members.forget(member_id)


@operation("member.record_attendance_proof", Kind.MEMBERS)
def record_attendance_proof(
    store: Store, *, member_id: int, period_start: str, period_end: str
) -> Disclosure:
    """Note in the member's record that a proof of attendance for the period was given
    (on their request). Only the fact is kept, never the document."""
    from datetime import date

    from groupkeeper import attendance_proof

    try:
        start, end = date.fromisoformat(period_start), date.fromisoformat(period_end)
    except ValueError as exc:
        raise InvalidInput("That is not a date.") from exc
    proof = attendance_proof.attendance_proof(store, member_id, start, end)
    return attendance_proof.record_proof_given(store, proof)


def _prepare_import(
    store: Store, *, members: list[dict[str, Any]], group_ids: list[int]
) -> Callable[[Store], list[Member]]:
    """``member.import``'s checking and pseudonym drawing, done before the write lock."""
    checked = []
    for done, fields in enumerate(members):
        store.stop_if_locking(done)
        # Kept exactly as the preview showed them (the CSV reader already tidied them).
        member = _apply_fields(Member(display_name=""), fields, strip=False)
        member.group_ids = sorted({*member.group_ids, *(int(g) for g in group_ids)})
        checked.append(member)
    ready = store.members.prepare_many(checked)
    return lambda writer: writer.members.insert_prepared(ready)


@operation("member.import", Kind.MEMBERS, Kind.CONSENTS, prepare=_prepare_import, may_give_way=True)
def import_members(
    store: Store, *, members: list[dict[str, Any]], group_ids: list[int]
) -> list[Member]:
    """Add members read from a CSV file, all in one transaction (all or nothing).

    Every row is checked and given its pseudonym before the write lock is taken
    (``_prepare_import``): the transaction only writes, so a check-in on the GUI thread
    waits at most for the writing.

    Args:
        members: each member's fields (``member_fields``), as the facilitator accepted them.
        group_ids: groups every imported member joins (e.g. the group being set up).

    Returns:
        The members added (with their ids and pseudonyms).
    """
    return _prepare_import(store, members=members, group_ids=group_ids)(store)
