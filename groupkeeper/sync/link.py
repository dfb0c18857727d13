"""The link between a vault's tables and the replica of a shared group (no Qt, no SQL).

Two steps, run together inside one write transaction by ``service.SyncService``:

``capture``
    Compares what the vault's tables hold for the group (members of the group, the
    group's settings, its meetings, their attendance, counts, moods, goals, skill shares
    and wellbeing answers) with the replica's merged state and records every difference
    as a replica entry, keyed by stable ids: members and records by their UUID (the
    pseudonym travels once, as a field), meetings by ``"<date>#<slot>"`` (the group's
    n-th meeting that day; the link keeps which local meeting has which key, so
    discarding one meeting of a day does not renumber the others), people in
    attendance by pseudonym. A meeting that is gone from the tables was discarded here:
    the discard travels. A goal's text travels sealed under its member's key; a goal of
    a person who is not a shared member of the group stays on this laptop. Whatever changed the
    tables (an operation, a CSV import, a correction) is captured the same way. Because
    the tables equal the replica's state after every sync, a difference is a change made
    on this laptop.
``materialise``
    Writes the replica's merged state (this laptop's changes and everyone else's) back
    into the tables: members added, edited, moved out of the group; forgotten members
    erased with ``MemberRepo.forget`` (secure delete); the group's settings; meetings
    created by group, date and slot, or discarded with everything in them; attendance,
    the summed counts, moods, goals (texts of forgotten members stay erased), skill
    shares and wellbeing answers written, removed records deleted.

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

from groupkeeper.storage.sync import MEMBER_COLUMNS, RECORD_TABLES, SharedMeeting, SyncRepo
from groupkeeper.sync.merge import (
    COUNTERS,
    GROUP_FIELDS,
    MEMBER_FIELDS,
    STATUS_RANK,
    TALLY,
    check_mood_value,
    check_record_value,
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
    meetings_discarded: int = 0
    meetings_closed: int = 0
    records_changed: int = 0
    group_changed: int = 0

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
            + self.meetings_discarded
            + self.meetings_closed
            + self.records_changed
            + self.group_changed
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


def meeting_map(meetings: list[SharedMeeting], local: dict[str, Any]) -> dict[str, str]:
    """``{meeting uuid: key}`` of the group's meetings in the tables: the keys the link
    gave them before (``local["meetings"]``), and for a meeting new here the first slot
    of its date no other meeting here has. A vault that shared before the link kept
    keys gets the keys ``meeting_keys`` gives (what it used then)."""
    saved = local.get("meetings")
    if not isinstance(saved, dict):
        return {m.uuid: key for m, key in zip_keys(meetings)}
    result = {m.uuid: str(saved[m.uuid]) for m in meetings if m.uuid in saved}
    used = set(result.values())
    for meeting in meetings:
        if meeting.uuid in result:
            continue
        slot = 1
        while f"{meeting.date}#{slot}" in used:
            slot += 1
        result[meeting.uuid] = f"{meeting.date}#{slot}"
        used.add(result[meeting.uuid])
    return result


def zip_keys(meetings: list[SharedMeeting]) -> list[tuple[SharedMeeting, str]]:
    """Each meeting with its ``meeting_keys`` key."""
    keys = meeting_keys(meetings)
    return [(m, keys[m.id]) for m in meetings]


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


def group_values(store: Store, group_id: int) -> dict[str, Any]:
    """The group's shared settings as plain data (what ``group.field`` entries hold)."""
    group = store.groups.get(group_id)
    values = {name: getattr(group, name) for name in sorted(GROUP_FIELDS)}
    values["mood_scale"] = str(getattr(group.mood_scale, "value", group.mood_scale))
    values["tally_only_moods"] = bool(group.tally_only_moods)
    return values


def _clean_group_value(name: str, value: Any) -> Any:
    """A group setting from another laptop as the group takes it, or None if unusable."""
    from groupkeeper import agenda, wellbeing

    if name == "agenda":
        try:
            ok = isinstance(value, list) and not agenda.validate(agenda.from_dicts(value))
        except (KeyError, TypeError, ValueError, AttributeError):
            ok = False
        return value if ok else None
    if name == "mood_scale":
        return value if value in ("1-5", "0-10") else None
    if name == "tally_only_moods":
        return value if isinstance(value, bool) else None
    if name == "wellbeing_every_weeks":
        ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 52
        return value if ok else None
    if name == "wellbeing_scale":
        return value if value == "" or value in wellbeing.SCALE_IDS else None
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return None
    if name == "name" and not value.strip():
        return None
    return value


def _answers_fit(scale: str, answers: list[int]) -> bool:
    from groupkeeper import wellbeing

    try:
        wellbeing.validate_answers(scale, answers)
    except (KeyError, ValueError):
        return False
    return True


def _goal_review(row: dict[str, Any], key_of: dict[int, str]) -> dict[str, Any] | None:
    if not row["outcome"]:
        return None
    return {"outcome": row["outcome"], "meeting": key_of.get(row["reviewed_meeting_id"] or 0)}


def _record_base(row: dict[str, Any], member: str | None) -> dict[str, Any]:
    kind = row["kind"]
    if kind == "goal":
        return {"pseudonym": row["pseudonym"], "member": member}
    if kind == "skill_share":
        return {"skill": row["skill"], "category": row["category"], "pseudonym": row["pseudonym"]}
    return {"scale": row["scale"], "answers": row["answers"], "pseudonym": row["pseudonym"]}


#: Members compared or written between two safe points of a background sync: where it
#: rolls back for a check-in waiting (``Store.give_way``), before anything is written to
#: the shared folder.
_GIVE_WAY_EVERY = 200


def capture(
    store: Store,
    repo: SyncRepo,
    replica: Replica,
    group_id: int,
    group_uuid: str,
    local: dict[str, Any],
) -> int:
    """Record in ``replica`` every difference between the tables and its state.

    ``local["members"]`` lists the shared members the tables held after the last sync;
    a listed member whose row is gone was forgotten here. ``local["meetings"]`` and
    ``local["records"]`` do the same for meetings (gone: discarded here) and records
    (gone: removed here); ``local["group"]`` holds the group's settings as they were
    after the last sync (a difference is a change made here). Returns the entries
    recorded.
    """
    state = replica.state
    before = len(replica.pending)
    known = set(local.get("members", []))
    rows = repo.members_by_uuid(group_id, also=known)
    for n, (uuid, row) in enumerate(sorted(rows.items())):
        if n % _GIVE_WAY_EVERY == 0:
            store.give_way()
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

    values = group_values(store, group_id)
    baseline = local.get("group")
    if isinstance(baseline, dict):
        for name, value in sorted(values.items()):
            if name not in baseline or baseline[name] != value:
                replica.set_group_field(name, value)
    local["group"] = values  # (a group shared before settings travelled: from now on)

    meetings = repo.meetings_of(group_id)
    mapping = meeting_map(meetings, local)
    saved = local.get("meetings")
    if isinstance(saved, dict):
        live = set(state.meetings())
        present = {m.uuid for m in meetings}
        for uuid, key in sorted(saved.items()):
            if uuid not in present and key in live and key not in mapping.values():
                replica.discard_meeting(str(key))
    live, closed = set(state.meetings()), state.closed()
    for key in sorted(set(mapping.values()) - live):
        replica.open_meeting(key)
    for meeting in meetings:
        if meeting.closed and mapping[meeting.uuid] not in closed:
            replica.close_meeting(mapping[meeting.uuid])
    local["meetings"] = mapping
    keys = {m.id: mapping[m.uuid] for m in meetings}
    store.give_way()  # between steps (see ``Store.give_way``): a check-in may go first
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

    store.give_way()
    _capture_records(repo, replica, group_id, keys, rows, local)
    return len(replica.pending) - before


def _capture_records(
    repo: SyncRepo,
    replica: Replica,
    group_id: int,
    keys: dict[int, str],
    members: dict[str, dict[str, Any]],
    local: dict[str, Any],
) -> None:
    state = replica.state
    records, removed = state.records(), state.removed()
    member_of = {str(row["pseudonym"]): uuid for uuid, row in members.items()}
    rows = repo.records_of(group_id)
    known = set(local.get("records", []))
    for uuid, row in sorted(rows.items()):
        key = keys.get(row["meeting_id"])
        if key is None or uuid in removed:
            continue
        kind = row["kind"]
        member = member_of.get(row["pseudonym"]) if kind == "goal" else None
        if kind == "goal":
            if member is not None and member in state.forgotten:
                member = None
            if member is None and row["text"] is not None:
                continue  # not a shared member's goal: it stays on this laptop
            if member is not None and member not in replica.member_keys:
                continue  # the member's key has not arrived yet: next time
        base = _record_base(row, member)
        fields = records[uuid][1] if uuid in records else {}
        if "base" not in fields:
            replica.set_record(kind, uuid, "base", key, base)
        known.add(uuid)
        if kind != "goal":
            continue
        text = fields.get("text")
        try:
            there = None if text is None else state.record_value(text, replica.open_sealed)
        except (LookupError, ValueError):
            continue
        if member is not None and row["text"] != there:
            replica.set_record(kind, uuid, "text", key, row["text"], member=member)
        review = _goal_review(row, keys)
        shared_review = fields["review"]["value"] if "review" in fields else None
        if review != shared_review:
            scope = (review or {}).get("meeting") or key
            replica.set_record(kind, uuid, "review", scope, review)
    for uuid in sorted(known - rows.keys()):
        if uuid in records:
            replica.remove_record(records[uuid][0], uuid)
        known.discard(uuid)
    local["records"] = sorted(known)


def materialise(
    store: Store,
    repo: SyncRepo,
    replica: Replica,
    group_id: int,
    group_uuid: str,
    local: dict[str, Any],
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
    for n, uuid in enumerate(shared_members):
        if n % _GIVE_WAY_EVERY == 0:
            store.give_way()
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

    store.give_way()
    _materialise_group(store, state.group_fields(), group_id, local, done)

    meetings = repo.meetings_of(group_id)
    mapping = meeting_map(meetings, local)
    discarded = state.discarded()
    for meeting in meetings:
        if mapping[meeting.uuid] in discarded:
            store.meetings.discard(meeting.id)
            del mapping[meeting.uuid]
            done.meetings_discarded += 1
    created: set[str] = set()
    have = set(mapping.values())
    ended = state.closed()
    for key in state.meetings():
        parsed = _parse_key(key)
        if parsed is None or key in have:
            continue
        # Open unless some laptop ended it (a meeting its laptop left open stays open).
        new_id = repo.add_meeting(group_id, parsed[0], open_=key not in ended)
        mapping[repo.uuid_of("meetings", new_id)] = key
        have.add(key)
        created.add(key)
        done.meetings_added += 1
    local["meetings"] = mapping
    meetings = repo.meetings_of(group_id)
    by_key = {mapping[m.uuid]: m.id for m in meetings if m.uuid in mapping}
    by_id = {m.id: m for m in meetings}
    for meeting in meetings:
        if not meeting.closed and mapping.get(meeting.uuid) in ended:
            repo.close_meeting(meeting.id)
            done.meetings_closed += 1
    store.give_way()  # between steps (see ``Store.give_way``): a check-in may go first
    tables = repo.attendance_of(group_id)
    shared = state.attendance_by_meeting()
    moods = repo.moods_of(group_id)
    shared_moods, tallies = state.moods_by_meeting(), state.tallies_by_meeting()
    for key in state.meetings():
        meeting_id = by_key.get(key)
        if meeting_id is None:
            continue
        is_new = key in created
        want = {p: s for p, s in shared.get(key, {}).items() if s in _TABLE_STATUSES}
        have_marks = tables.get(meeting_id, {})
        changes: dict[str, str | None] = {
            p: want.get(p)
            for p in want.keys() | have_marks.keys()
            if want.get(p) != have_marks.get(p)
        }
        if changes:
            repo.set_attendance(meeting_id, changes, correction=not is_new)
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
            repo.set_moods(meeting_id, named_changes, tally_changes, correction=not is_new)
            done.moods_changed += len(named_changes) + len(tally_changes)
        meeting = by_id[meeting_id]
        walk_ins, concerns = state.counter(key, "walk_ins"), state.counter(key, "safety_concerns")
        if (walk_ins, concerns) != (meeting.walk_ins, meeting.safety_concerns):
            repo.set_counts(meeting_id, walk_ins, concerns)
            done.counts_changed += 1
    store.give_way()
    _materialise_records(repo, replica, group_id, by_key, created, local, done)
    return done


def _materialise_group(
    store: Store, shared: dict[str, Any], group_id: int, local: dict[str, Any], done: Materialised
) -> None:
    from groupkeeper.model import MoodScale
    from groupkeeper.storage.errors import InvalidInput

    values = group_values(store, group_id)
    changed = {}
    for name, value in shared.items():
        clean = _clean_group_value(name, value)
        if clean is not None and values.get(name) != clean:
            changed[name] = clean
    if changed:
        group = store.groups.get(group_id)
        for name, value in changed.items():
            setattr(group, name, MoodScale(value) if name == "mood_scale" else value)
        try:
            store.groups.update(group)
        except InvalidInput:
            log.warning("A shared group's settings were refused here")
        else:
            done.group_changed += 1
    if shared or "group" in local:
        # From now on a difference from these is a change made here (before anything
        # arrived, a joining laptop publishes none: its template must not win).
        local["group"] = group_values(store, group_id)


def _materialise_records(
    repo: SyncRepo,
    replica: Replica,
    group_id: int,
    by_key: dict[str, int],
    created: set[str],
    local: dict[str, Any],
    done: Materialised,
) -> None:
    state = replica.state
    known = set(local.get("records", []))
    rows = repo.records_of(group_id)
    live = state.records()
    gone: dict[str, list[str]] = {}
    for uuid, row in rows.items():
        if uuid in state.removed() or (uuid in known and uuid not in live):
            gone.setdefault(row["kind"], []).append(uuid)
            known.discard(uuid)
    for kind, uuids in sorted(gone.items()):
        done.records_changed += repo.delete_records(kind, sorted(uuids))
    for uuid, (kind, fields) in sorted(live.items()):
        base = fields["base"]
        meeting_id = by_key.get(base["meeting"])
        if meeting_id is None or not check_record_value(kind, "base", base["value"]):
            continue
        values = dict(base["value"])
        if kind == "wellbeing" and not _answers_fit(values["scale"], values["answers"]):
            continue
        if kind == "goal":
            text: Any = None
            if "text" in fields:
                try:
                    text = state.record_value(fields["text"], replica.open_sealed)
                except (LookupError, ValueError):
                    continue  # the member's key has not arrived yet: next time
                if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
                    continue
            review = fields["review"]["value"] if "review" in fields else None
            values = {
                "pseudonym": values["pseudonym"],
                "text": text,
                "outcome": review["outcome"] if review else None,
                "reviewed_meeting_id": by_key.get(review["meeting"] or "") if review else None,
            }
        existing = rows.get(uuid)
        if existing is None:
            if repo.id_of(RECORD_TABLES[kind], uuid) is not None:
                continue  # a record of another group's meeting here: leave it
            repo.add_record(
                kind, uuid, meeting_id, values, correction=base["meeting"] not in created
            )
            done.records_changed += 1
        elif kind == "goal":
            changes = {
                n: values[n]
                for n in ("text", "outcome", "reviewed_meeting_id")
                if existing[n] != values[n]
            }
            if changes:
                repo.update_goal(uuid, changes)
                done.records_changed += 1
        known.add(uuid)
    local["records"] = sorted(known)
