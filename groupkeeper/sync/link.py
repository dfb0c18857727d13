"""The link between a vault's tables and the replica of a shared group (no Qt, no SQL).

Two steps, run together inside one write transaction by ``service.SyncService``:

``capture``
    Compares what the vault's tables hold for the group (members of the group, its
    meetings' attendance and counts) with the replica's merged state and records every
    difference as a replica entry, keyed by stable ids: members by their UUID (the
    pseudonym travels once, as a field), meetings by ``"<date>#<slot>"`` (the group's
    n-th meeting that day), people in attendance by pseudonym. Whatever changed the
    tables (an operation, a CSV import, a correction) is captured the same way. Because
    the tables equal the replica's state after every sync, a difference is a change made
    on this laptop.
``materialise``
    Writes the replica's merged state (this laptop's changes and everyone else's) back
    into the tables: members added, edited, moved out of the group; forgotten members
    erased with ``MemberRepo.forget`` (secure delete); meetings created by group, date
    and slot; attendance and the summed counts set.

The replica's merge rules (``merge``) decide every outcome: present wins over apologies
unless a later correction says otherwise, the newest edit of a field wins (concurrent
edits are kept as conflicts), forgetting wins over everything.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from groupkeeper.storage.sync import MEMBER_COLUMNS, SharedMeeting, SyncRepo
from groupkeeper.sync.merge import (
    COUNTERS,
    MEMBER_FIELDS,
    STATUS_RANK,
    TALLY,
    check_mood_value,
    tally_name,
)

if TYPE_CHECKING:
    from groupkeeper.storage.repos import Store
    from groupkeeper.sync.replica import Replica

log = logging.getLogger(__name__)

#: Longest text a shared field may hold (as the member form allows).
MAX_TEXT = 10_000
_TEXT_FIELDS = frozenset(
    {"display_name", "full_name", "pronouns", "phone", "email", "emergency_contact", "notes"}
)
#: Statuses the vault's attendance table holds (anything else: not recorded).
_TABLE_STATUSES = frozenset({"present", "apologies"})


@dataclass
class Materialised:
    """What ``materialise`` changed in the tables (counts only: safe to log and show)."""

    members_added: int = 0
    members_changed: int = 0
    members_forgotten: int = 0
    meetings_added: int = 0
    attendance_changed: int = 0
    counts_changed: int = 0
    moods_changed: int = 0

    @property
    def total(self) -> int:
        """Every change counted above."""
        return (
            self.members_added
            + self.members_changed
            + self.members_forgotten
            + self.meetings_added
            + self.attendance_changed
            + self.counts_changed
            + self.moods_changed
        )


def meeting_keys(meetings: list[SharedMeeting]) -> dict[int, str]:
    """``{meeting id: "<date>#<slot>"}``: the slot is 1 for a group's first meeting on a
    date, 2 for a second one that day (meetings in date, then id order)."""
    seen: Counter[str] = Counter()
    keys = {}
    for meeting in sorted(meetings, key=lambda m: (m.date, m.id)):
        seen[meeting.date] += 1
        keys[meeting.id] = f"{meeting.date}#{seen[meeting.date]}"
    return keys


def _parse_key(key: str) -> tuple[str, int] | None:
    day, _, slot = key.partition("#")
    try:
        date.fromisoformat(day)
        number = int(slot)
    except ValueError:
        return None
    return (day, number) if 1 <= number <= 20 and len(day) == 10 else None


def _vault_value(row: dict[str, Any], name: str, group_uuid: str) -> Any:
    if name == "groups":
        return [group_uuid] if row["in_group"] else []
    return row[name]


def _clean(name: str, value: Any) -> Any:
    """A field's value from another laptop as the tables take it, or None if unusable."""
    if name in _TEXT_FIELDS or name == "joined_on":
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            return None
        return value
    if name in ("contact_consent", "active"):
        return value if isinstance(value, bool) else None
    return value


def _status(status: str | None) -> str:
    return status if status in _TABLE_STATUSES else "none"


def capture(
    repo: SyncRepo, replica: Replica, group_id: int, group_uuid: str, local: dict[str, Any]
) -> int:
    """Record in ``replica`` every difference between the tables and its state.

    ``local["members"]`` lists the shared members the tables held after the last sync;
    a listed member whose row is gone was forgotten here. Returns the entries recorded.
    """
    state = replica.state
    before = len(replica.pending)
    known = set(local.get("members", []))
    rows = repo.members_by_uuid(group_id, also=known)
    for uuid, row in sorted(rows.items()):
        if uuid in state.forgotten or (not row["in_group"] and uuid not in known):
            continue
        if uuid not in replica.member_keys:
            if state.member_stamps(uuid):
                continue  # shared before, its key has not arrived yet: nothing to compare
            replica.ensure_member(uuid)
        try:
            current = state.member(uuid, replica.open_sealed)
        except (LookupError, ValueError):
            continue
        for name in sorted(MEMBER_FIELDS):
            want = _vault_value(row, name, group_uuid)
            if name not in current or current[name] != want:
                replica.set_field(uuid, name, want)
        known.add(uuid)
    for uuid in sorted(known - rows.keys()):
        if uuid not in state.forgotten:
            replica.forget_member(uuid)
        known.discard(uuid)
    local["members"] = sorted(known)

    meetings = repo.meetings_of(group_id)
    keys = meeting_keys(meetings)
    tables = repo.attendance_of(group_id)
    shared = state.attendance_by_meeting()
    moods = repo.moods_of(group_id)
    shared_moods, tallies = state.moods_by_meeting(), state.tallies_by_meeting()
    for meeting in meetings:
        key = keys[meeting.id]
        mine, theirs = tables.get(meeting.id, {}), shared.get(key, {})
        for pseudonym in sorted(mine.keys() | theirs.keys()):
            here, there = _status(mine.get(pseudonym)), _status(theirs.get(pseudonym))
            if here != there:
                correction = STATUS_RANK[here] < STATUS_RANK[there]
                replica.mark(key, pseudonym, here, correction=correction)
        for counter in sorted(COUNTERS):
            value = getattr(meeting, counter)
            total = state.counter(key, counter)
            if value != total:
                replica.count(key, counter, value - total)
        named, tally = moods.get(meeting.id, ({}, {}))
        shared_named = shared_moods.get(key, {})
        for round_, pseudonym in sorted(named.keys() | shared_named.keys()):
            here_value = named.get((round_, pseudonym))
            if here_value != shared_named.get((round_, pseudonym)):
                replica.set_mood(key, round_, pseudonym, here_value)
        here_tally = {tally_name(r, sc, score): n for (r, sc, score), n in tally.items()}
        shared_tally = tallies.get(key, {})
        for name in sorted(here_tally.keys() | shared_tally.keys()):
            count = here_tally.get(name, 0)
            if count != shared_tally.get(name, 0):
                replica.count(key, name, count - shared_tally.get(name, 0))
    return len(replica.pending) - before


def materialise(
    store: Store,
    repo: SyncRepo,
    replica: Replica,
    group_id: int,
    group_uuid: str,
    local: dict[str, Any],
    today: date,
) -> Materialised:
    """Write the replica's merged state into the tables (see the module docstring)."""
    from groupkeeper.storage.errors import InvalidInput

    done = Materialised()
    state = replica.state
    known = set(local.get("members", []))
    for uuid in sorted(state.forgotten):
        member_id = repo.id_of("members", uuid)
        if member_id is not None:
            store.members.forget(member_id)
            done.members_forgotten += 1
        known.discard(uuid)

    shared_members = state.members()
    rows = repo.members_by_uuid(group_id, also=shared_members)
    new_members: list[tuple[str, str, dict[str, Any]]] = []
    for uuid in shared_members:
        try:
            fields = state.member(uuid, replica.open_sealed)
        except (LookupError, ValueError):
            continue  # its key has not arrived yet: next time
        values = {}
        for name in MEMBER_COLUMNS:
            if name in fields:
                value = _clean(name, fields[name])
                if value is not None:
                    values[name] = value
        groups = fields.get("groups")
        in_group = isinstance(groups, list) and group_uuid in groups
        row = rows.get(uuid)
        if row is None:
            pseudonym = fields.get("pseudonym")
            if not in_group or not values.get("display_name") or not isinstance(pseudonym, str):
                continue
            new_members.append((uuid, pseudonym, values))
            continue
        changed = {n: v for n, v in values.items() if row[n] != v}
        if changed.get("display_name", "x").strip() == "":
            changed.pop("display_name")
        if changed:
            member = store.members.get(int(row["id"]))
            for name, value in changed.items():
                setattr(member, name, value)
            try:
                store.members.update(member)
            except InvalidInput:
                log.warning("A shared member's fields were refused here")
            else:
                done.members_changed += 1
        if row["in_group"] != in_group:
            repo.set_membership(int(row["id"]), group_id, in_group)
            done.members_changed += 0 if changed else 1
        if in_group:
            known.add(uuid)
        else:
            known.discard(uuid)
    taken = repo.taken_pseudonyms(p for _, p, _ in new_members)
    if taken:
        log.warning("%d shared members' pseudonyms are taken here; not added", len(taken))
    new_members = [m for m in new_members if m[1] not in taken]
    repo.add_members(new_members, group_id)
    done.members_added += len(new_members)
    known.update(uuid for uuid, _, _ in new_members)
    local["members"] = sorted(known)

    meetings = repo.meetings_of(group_id)
    by_key = {key: meeting_id for meeting_id, key in meeting_keys(meetings).items()}
    by_id = {m.id: m for m in meetings}
    tables = repo.attendance_of(group_id)
    shared = state.attendance_by_meeting()
    moods = repo.moods_of(group_id)
    shared_moods, tallies = state.moods_by_meeting(), state.tallies_by_meeting()
    for key in state.meetings():
        parsed = _parse_key(key)
        if parsed is None:
            continue
        day, slot = parsed
        created = False
        while key not in by_key:
            new_id = repo.add_meeting(group_id, day, open_=day >= today.isoformat())
            done.meetings_added += 1
            created = True
            meetings = repo.meetings_of(group_id)
            by_key = {k: i for i, k in meeting_keys(meetings).items()}
            by_id = {m.id: m for m in meetings}
            if new_id not in by_key.values():  # pragma: no cover - defensive
                break
        meeting_id = by_key.get(key)
        if meeting_id is None:  # pragma: no cover - defensive
            continue
        want = {p: s for p, s in shared.get(key, {}).items() if s in _TABLE_STATUSES}
        have = tables.get(meeting_id, {})
        changes: dict[str, str | None] = {
            p: want.get(p) for p in want.keys() | have.keys() if want.get(p) != have.get(p)
        }
        if changes:
            repo.set_attendance(meeting_id, changes, correction=not created)
            done.attendance_changed += len(changes)
        named, tally = moods.get(meeting_id, ({}, {}))
        want_named = {k: v for k, v in shared_moods.get(key, {}).items() if check_mood_value(v)}
        named_changes: dict[tuple[str, str], dict[str, Any] | None] = {
            k: want_named.get(k)
            for k in want_named.keys() | named.keys()
            if want_named.get(k) != named.get(k)
        }
        want_tally: dict[tuple[str, str, int | None], int] = {}
        for name, count in tallies.get(key, {}).items():
            match = TALLY.match(name)
            if match:
                round_, scale, score = match.groups()
                want_tally[(round_, scale, None if score == "pass" else int(score))] = count
        tally_changes = {
            k: want_tally.get(k, 0)
            for k in want_tally.keys() | tally.keys()
            if want_tally.get(k, 0) != tally.get(k, 0)
        }
        if named_changes or tally_changes:
            repo.set_moods(meeting_id, named_changes, tally_changes, correction=not created)
            done.moods_changed += len(named_changes) + len(tally_changes)
        meeting = by_id[meeting_id]
        walk_ins, concerns = state.counter(key, "walk_ins"), state.counter(key, "safety_concerns")
        if (walk_ins, concerns) != (meeting.walk_ins, meeting.safety_concerns):
            repo.set_counts(meeting_id, walk_ins, concerns)
            done.counts_changed += 1
    return done
