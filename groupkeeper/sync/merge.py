"""Merge rules: the shared state as a function of the set of changes received.

Whatever order change files arrive in, and however often, every laptop that has received
the same changes holds the same state (each rule below is commutative, associative and
idempotent). The entries, as found in change files:

``member.field``  ``{member, field, stamp, seen, value | sealed}``
    One field of one member. Per field the newest stamp wins; ``seen`` names the versions
    the writer had in front of it, so two edits made without seeing each other both stay
    as *heads* and the losers are listed as conflicts for the facilitator to settle (an
    edit that saw both settles it). Personal fields travel ``sealed`` under the member's
    own key (``changefile.seal_field``).
``member.forget``  ``{member, stamp}``
    Wins over everything: the member's fields are dropped, and any change to them that
    arrives later is dropped too.
``attendance.mark``  ``{meeting, member, status, correction, stamp}``
    ``present`` wins over ``apologies``, which wins over ``absent``, which wins over
    ``none`` (not recorded); an explicit correction (undo, a fix) resets the record to its
    status, and only marks stamped after the latest correction count on top of it.
``counter.set``  ``{meeting, counter, device, value, stamp}``
    Each laptop publishes its own count (walk-ins, safety concerns, and anonymous mood
    tallies: ``mood:<round>:<scale>:<score|pass>``); the newest value per laptop counts,
    and the shared count is the sum over laptops (never below zero). A laptop that takes
    back a count made elsewhere publishes a count below zero.
``mood.set``  ``{meeting, round, member, value, stamp}``
    One person's mood answer in one round (``value``: ``{scale, score, passed, word}``,
    or None once it was taken back: a tombstone). The newest stamp wins.
``meeting.open``  ``{meeting, stamp}``
    A meeting was opened (so a meeting with nothing recorded yet exists everywhere).
``meeting.close``  ``{meeting, stamp}``
    A meeting was ended: once ended on one laptop it is ended on all.
``meeting.discard``  ``{meeting, stamp, seen}``
    A meeting was discarded. ``seen`` is, per laptop, the newest stamp the discarding
    laptop had applied from it: every entry of that meeting it had in front of it (marks,
    counts, moods, openings, goals, skill shares, wellbeing answers) is dropped
    everywhere, whatever order files arrive in. What another laptop recorded into the
    meeting *without having seen the discard* is not covered and survives: the meeting
    comes back with only those records (nothing recorded in good faith is silently
    lost; the facilitator can discard it again). Opening the same date and slot after
    the discard starts the meeting afresh.
``record.set``  ``{kind, record, field, meeting, stamp, value | sealed + member}``
    One field of an add-only record (``goal``, ``skill_share``, ``wellbeing``) with a
    random id; ``meeting`` is the meeting the entry belongs to (what discarding it
    covers). Per field the newest stamp wins. A goal's text travels ``sealed`` under its
    member's key, so forgetting the member makes it unreadable in every change file.
``record.remove``  ``{kind, record, stamp}``
    A tombstone: the record is gone everywhere, whatever arrives later.
``group.field``  ``{field, stamp, value}``
    One of the group's settings (name, agenda, crisis resources...); the newest stamp
    wins.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from groupkeeper.sync.hlc import Stamp

#: The member fields that are personal: they travel sealed under the member's key.
PERSONAL_FIELDS = frozenset(
    {"display_name", "full_name", "pronouns", "phone", "email", "emergency_contact", "notes"}
)
#: The member fields that are not personal (still encrypted under the group key).
PLAIN_FIELDS = frozenset({"pseudonym", "contact_consent", "joined_on", "active", "groups"})
MEMBER_FIELDS = PERSONAL_FIELDS | PLAIN_FIELDS

STATUS_RANK = {"none": 0, "absent": 1, "apologies": 2, "present": 3}
COUNTERS = frozenset({"walk_ins", "safety_concerns"})

FIELD, FORGET, MARK, COUNTER = "member.field", "member.forget", "attendance.mark", "counter.set"
MOOD = "mood.set"
OPEN, CLOSE, DISCARD = "meeting.open", "meeting.close", "meeting.discard"
RECORD, REMOVE = "record.set", "record.remove"
GROUP_FIELD = "group.field"
#: Entries that belong to one meeting (what a discard of that meeting covers).
MEETING_OPS = frozenset({MARK, COUNTER, MOOD, OPEN, CLOSE})
#: The fields of each kind of add-only record. ``base`` is set once when the record is
#: made; goals also have a text (sealed under the member's key) and a review.
RECORD_FIELDS = {
    "goal": frozenset({"base", "text", "review"}),
    "skill_share": frozenset({"base"}),
    "wellbeing": frozenset({"base"}),
}
GOAL_OUTCOMES = frozenset({"done", "partly", "not_yet", "dropped"})
#: The group settings that travel (per field, the newest stamp wins).
GROUP_FIELDS = frozenset(
    {
        "name",
        "meeting_day",
        "meeting_time",
        "place",
        "agenda",
        "agreements",
        "crisis_resources",
        "escalation_steps",
        "mood_scale",
        "tally_only_moods",
        "wellbeing_scale",
        "wellbeing_every_weeks",
    }
)
ROUNDS = frozenset({"opening", "closing"})
SCALES = {"1-5": (1, 5), "0-10": (0, 10)}
#: Anonymous mood tallies are counters named ``mood:<round>:<scale>:<score|pass>``.
TALLY = re.compile(r"^mood:(opening|closing):(1-5|0-10):(\d{1,2}|pass)$")


def tally_name(round_: str, scale: str, score: int | None) -> str:
    """The counter name of an anonymous mood tally (``score`` None: a pass)."""
    return f"mood:{round_}:{scale}:{'pass' if score is None else score}"


def check_mood_value(value: Any) -> bool:
    """True if ``value`` is a mood answer (or None: taken back)."""
    if value is None:
        return True
    if not isinstance(value, dict) or set(value) != {"scale", "score", "passed", "word"}:
        return False
    scale, score, passed, word = value["scale"], value["score"], value["passed"], value["word"]
    if scale not in SCALES or not isinstance(passed, bool) or not isinstance(word, str):
        return False
    if len(word) > 100:
        return False
    if passed:
        return score is None
    low, high = SCALES[scale]
    return isinstance(score, int) and not isinstance(score, bool) and low <= score <= high


def sealed_name(record: str) -> str:
    """The field name a goal's text is sealed under (binds it to its record)."""
    return f"goal.text:{record}"


def _opt_str(value: Any, limit: int = 200) -> bool:
    return value is None or (isinstance(value, str) and 0 < len(value) <= limit)


def check_record_value(kind: str, name: str, value: Any) -> bool:
    """True if ``value`` is a well-formed value of field ``name`` of a ``kind`` record
    (the sealed goal text is checked when opened)."""
    if name == "review":
        return value is None or (
            isinstance(value, dict)
            and set(value) == {"outcome", "meeting"}
            and value["outcome"] in GOAL_OUTCOMES
            and _opt_str(value["meeting"])
        )
    if not isinstance(value, dict):
        return False
    if kind == "goal":
        return (
            set(value) == {"pseudonym", "member"}
            and _opt_str(value["pseudonym"])
            and value["pseudonym"] is not None
            and _opt_str(value["member"])
        )
    if kind == "skill_share":
        return (
            set(value) == {"skill", "category", "pseudonym"}
            and isinstance(value["skill"], str)
            and 0 < len(value["skill"]) <= 200
            and isinstance(value["category"], str)
            and 0 < len(value["category"]) <= 200
            and _opt_str(value["pseudonym"])
        )
    answers = value.get("answers")
    return (
        set(value) == {"scale", "answers", "pseudonym"}
        and isinstance(value["scale"], str)
        and 0 < len(value["scale"]) <= 20
        and isinstance(answers, list)
        and 0 < len(answers) <= 50
        and all(isinstance(a, int) and not isinstance(a, bool) and 0 <= a <= 100 for a in answers)
        and _opt_str(value["pseudonym"])
    )


class BadEntry(ValueError):
    """An entry in a change file that is not well formed (the whole file is refused)."""


def _str(entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value or len(value) > 200:
        raise BadEntry(key)
    return value


def check_entry(entry: Any, device: str) -> Stamp:
    """Check one entry written by ``device``; returns its stamp.

    Raises:
        BadEntry: the entry is not a well-formed entry of this device.
    """
    if not isinstance(entry, dict):
        raise BadEntry("entry")
    try:
        stamp = Stamp.from_json(entry.get("stamp"))
    except ValueError as exc:
        raise BadEntry("stamp") from exc
    if stamp.device != device:
        raise BadEntry("stamp from another device")
    op = entry.get("op")
    if op == FIELD:
        _str(entry, "member")
        name = _str(entry, "field")
        if name not in MEMBER_FIELDS:
            raise BadEntry("field")
        if name in PERSONAL_FIELDS:
            if not isinstance(entry.get("sealed"), str) or "value" in entry:
                raise BadEntry("personal field not sealed")
        elif "value" not in entry or "sealed" in entry:
            raise BadEntry("value")
        seen = entry.get("seen")
        if not isinstance(seen, list):
            raise BadEntry("seen")
        try:
            for s in seen:
                Stamp.from_json(s)
        except ValueError as exc:
            raise BadEntry("seen") from exc
    elif op == FORGET:
        _str(entry, "member")
    elif op == MARK:
        _str(entry, "meeting")
        _str(entry, "member")
        if entry.get("status") not in STATUS_RANK or not isinstance(entry.get("correction"), bool):
            raise BadEntry("status")
    elif op == COUNTER:
        _str(entry, "meeting")
        counter = entry.get("counter")
        known = counter in COUNTERS or (isinstance(counter, str) and TALLY.match(counter))
        if not known or entry.get("device") != device:
            raise BadEntry("counter")
        value = entry.get("value")
        if (
            not isinstance(value, int)
            or isinstance(value, bool)
            or not -1_000_000 < value < 1_000_000
        ):
            raise BadEntry("value")
    elif op == MOOD:
        _str(entry, "meeting")
        _str(entry, "member")
        if entry.get("round") not in ROUNDS or not check_mood_value(entry.get("value", 0)):
            raise BadEntry("mood")
    elif op in (OPEN, CLOSE):
        _str(entry, "meeting")
    elif op == DISCARD:
        _str(entry, "meeting")
        seen = entry.get("seen")
        if not isinstance(seen, dict) or len(seen) > 1000:
            raise BadEntry("seen")
        try:
            for d, s in seen.items():
                if Stamp.from_json(s).device != d:
                    raise BadEntry("seen")
        except ValueError as exc:
            raise BadEntry("seen") from exc
    elif op == RECORD:
        kind, part = entry.get("kind"), entry.get("field")
        if kind not in RECORD_FIELDS or part not in RECORD_FIELDS[kind]:
            raise BadEntry("record field")
        _str(entry, "record")
        _str(entry, "meeting")
        if kind == "goal" and part == "text":
            if not isinstance(entry.get("sealed"), str) or "value" in entry:
                raise BadEntry("goal text not sealed")
            _str(entry, "member")
        elif "sealed" in entry or not check_record_value(kind, part, entry.get("value")):
            raise BadEntry("record value")
    elif op == REMOVE:
        if entry.get("kind") not in RECORD_FIELDS:
            raise BadEntry("record kind")
        _str(entry, "record")
    elif op == GROUP_FIELD:
        if entry.get("field") not in GROUP_FIELDS or "value" not in entry:
            raise BadEntry("group field")
        if len(json.dumps(entry["value"])) > 200_000:
            raise BadEntry("group field too large")
    else:
        raise BadEntry("op")
    return stamp


@dataclass
class _Register:
    heads: dict[Stamp, dict[str, Any]] = field(default_factory=dict)
    superseded: set[Stamp] = field(default_factory=set)

    def add(self, stamp: Stamp, entry: dict[str, Any]) -> None:
        self.superseded.update(Stamp.from_json(s) for s in entry["seen"])
        if stamp not in self.superseded:
            self.heads[stamp] = entry
        for old in [s for s in self.heads if s in self.superseded]:
            del self.heads[old]

    def winner(self) -> dict[str, Any]:
        return self.heads[max(self.heads)]


@dataclass
class _Attendance:
    correction: dict[str, Any] | None = None
    marks: dict[Stamp, str] = field(default_factory=dict)

    def add(self, stamp: Stamp, entry: dict[str, Any]) -> None:
        current = Stamp.from_json(self.correction["stamp"]) if self.correction else None
        if entry["correction"]:
            if current is None or stamp > current:
                self.correction = entry
                self.marks = {s: st for s, st in self.marks.items() if s > stamp}
        elif current is None or stamp > current:
            self.marks[stamp] = entry["status"]

    def status(self) -> str:
        statuses = list(self.marks.values())
        if self.correction is not None:
            statuses.append(self.correction["status"])
        return max(statuses, key=STATUS_RANK.__getitem__, default="none")


#: Opens a sealed personal value: ``(member, field, stamp, sealed) -> value``; raises
#: ``LookupError`` when the member's key is not known here.
Opener = Callable[[str, str, list[object], str], Any]


@dataclass
class _Record:
    """One add-only record: every entry of each field not covered by a discard (the
    newest wins; older ones stay so a discard that drops the newest leaves the one
    before, whatever order the entries arrived in)."""

    kind: str
    fields: dict[str, dict[Stamp, dict[str, Any]]] = field(default_factory=dict)

    def winner(self, name: str) -> dict[str, Any] | None:
        entries = self.fields.get(name)
        return entries[max(entries)] if entries else None


def _seen_map(entry: dict[str, Any]) -> dict[str, Stamp]:
    return {d: Stamp.from_json(s) for d, s in entry["seen"].items()}


def _covered_by(seen: dict[str, Stamp], stamp: Stamp) -> bool:
    last = seen.get(stamp.device)
    return last is not None and stamp <= last


class MergeState:
    """The shared data of one group on one laptop, built from the entries received."""

    def __init__(self) -> None:
        self.forgotten: set[str] = set()
        self._registers: dict[tuple[str, str], _Register] = {}
        #: The fields each member has a register for (an index over ``_registers``).
        self._fields: dict[str, set[str]] = {}
        self._attendance: dict[tuple[str, str], _Attendance] = {}
        self._counters: dict[tuple[str, str], dict[str, tuple[Stamp, int]]] = {}
        self._moods: dict[tuple[str, str, str], tuple[Stamp, dict[str, Any] | None]] = {}
        #: Every entry of each meeting not covered by a discard (``MEETING_OPS``): the
        #: meeting's marks, counts and moods are rebuilt from it when a discard arrives.
        self._log: dict[str, list[dict[str, Any]]] = {}
        self._discards: dict[str, list[dict[str, Any]]] = {}
        self._records: dict[str, _Record] = {}
        self._removed: set[str] = set()
        self._group: dict[str, tuple[Stamp, Any]] = {}
        #: Per device, the newest stamp applied here (what a discard made here has seen).
        self._latest: dict[str, Stamp] = {}

    # --- applying ---------------------------------------------------------------------

    def _covered(self, meeting: str, stamp: Stamp) -> bool:
        return any(_covered_by(_seen_map(d), stamp) for d in self._discards.get(meeting, ()))

    def apply(self, entry: dict[str, Any], stamp: Stamp | None = None) -> None:
        """Merge one checked entry (``check_entry``, which gives its ``stamp``) into the
        state."""
        if stamp is None:
            stamp = Stamp.from_json(entry["stamp"])
        latest = self._latest.get(stamp.device)
        if latest is None or stamp > latest:
            self._latest[stamp.device] = stamp
        op = entry["op"]
        if op == FIELD:
            if entry["member"] in self.forgotten:
                return
            key = (entry["member"], entry["field"])
            self._registers.setdefault(key, _Register()).add(stamp, entry)
            self._fields.setdefault(key[0], set()).add(key[1])
        elif op == FORGET:
            member = entry["member"]
            self.forgotten.add(member)
            for name in self._fields.pop(member, set()):
                del self._registers[(member, name)]
            for record in self._records.values():
                for entries in record.fields.values():
                    for s in [s for s, e in entries.items() if e.get("member") == member]:
                        del entries[s]
        elif op in MEETING_OPS:
            meeting = entry["meeting"]
            if meeting in self._discards and self._covered(meeting, stamp):
                return
            self._log.setdefault(meeting, []).append(entry)
            self._apply_to_meeting(stamp, entry)
        elif op == DISCARD:
            self._discard(entry)
        elif op == RECORD:
            rid = entry["record"]
            if rid in self._removed or entry.get("member") in self.forgotten:
                return
            if entry["meeting"] in self._discards and self._covered(entry["meeting"], stamp):
                return
            record = self._records.setdefault(rid, _Record(entry["kind"]))
            if record.kind == entry["kind"]:
                record.fields.setdefault(entry["field"], {})[stamp] = entry
        elif op == REMOVE:
            self._removed.add(entry["record"])
            self._records.pop(entry["record"], None)
        elif op == GROUP_FIELD:
            current = self._group.get(entry["field"])
            if current is None or stamp > current[0]:
                self._group[entry["field"]] = (stamp, entry["value"])

    def _apply_to_meeting(self, stamp: Stamp, entry: dict[str, Any]) -> None:
        op = entry["op"]
        if op == MARK:
            key = (entry["meeting"], entry["member"])
            self._attendance.setdefault(key, _Attendance()).add(stamp, entry)
        elif op == COUNTER:
            per_device = self._counters.setdefault((entry["meeting"], entry["counter"]), {})
            old = per_device.get(entry["device"])
            if old is None or stamp > old[0]:
                per_device[entry["device"]] = (stamp, entry["value"])
        elif op == MOOD:
            key3 = (entry["meeting"], entry["round"], entry["member"])
            current = self._moods.get(key3)
            if current is None or stamp > current[0]:
                self._moods[key3] = (stamp, entry["value"])

    def _discard(self, entry: dict[str, Any]) -> None:
        meeting = entry["meeting"]
        self._discards.setdefault(meeting, []).append(entry)
        seen = _seen_map(entry)
        log = self._log.get(meeting, [])
        kept = [e for e in log if not _covered_by(seen, Stamp.from_json(e["stamp"]))]
        if len(kept) != len(log):
            # Rebuild the meeting's marks, counts and moods from what is left.
            for key in [k for k in self._attendance if k[0] == meeting]:
                del self._attendance[key]
            for key in [k for k in self._counters if k[0] == meeting]:
                del self._counters[key]
            for key3 in [k for k in self._moods if k[0] == meeting]:
                del self._moods[key3]
            self._log[meeting] = kept
            for e in kept:
                self._apply_to_meeting(Stamp.from_json(e["stamp"]), e)
        if not kept:
            self._log.pop(meeting, None)
        for rid, record in list(self._records.items()):
            for name, entries in list(record.fields.items()):
                for s in [s for s, e in entries.items() if e["meeting"] == meeting]:
                    if _covered_by(seen, s):
                        del entries[s]
                if not entries:
                    del record.fields[name]
            if not record.fields:
                del self._records[rid]

    def apply_all(self, entries: Iterable[dict[str, Any]]) -> None:
        """Merge several checked entries."""
        for entry in entries:
            self.apply(entry)

    # --- reading ----------------------------------------------------------------------

    def heads(self, member: str, name: str) -> list[Stamp]:
        """The stamps of the current versions of a field (more than one: a conflict)."""
        register = self._registers.get((member, name))
        return sorted(register.heads) if register else []

    def members(self) -> list[str]:
        """The ids of the members not forgotten that have any field."""
        return sorted(self._fields)

    def member_stamps(self, member: str) -> dict[str, list[Stamp]]:
        """Every field of a member with the stamps of its current versions."""
        return {
            n: sorted(self._registers[(member, n)].heads)
            for n in sorted(self._fields.get(member, ()))
        }

    def _value(self, entry: dict[str, Any], opener: Opener) -> Any:
        if "sealed" in entry:
            name = sealed_name(entry["record"]) if entry["op"] == RECORD else entry["field"]
            return opener(entry["member"], name, entry["stamp"], entry["sealed"])
        return entry["value"]

    def record_value(self, entry: dict[str, Any], opener: Opener) -> Any:
        """The value of a record's field entry (a goal's text opened with ``opener``:
        ``LookupError`` while its member's key is unknown here)."""
        return self._value(entry, opener)

    def member(self, member: str, opener: Opener) -> dict[str, Any]:
        """A member's fields (the winning versions), personal ones opened with ``opener``."""
        return {
            n: self._value(self._registers[(member, n)].winner(), opener)
            for n in sorted(self._fields.get(member, ()))
        }

    def conflicts(self, opener: Opener) -> dict[tuple[str, str], list[Any]]:
        """Per ``(member, field)``, the values that lost to an edit made without seeing
        them (and differ from the winner): for the facilitator to settle."""
        result: dict[tuple[str, str], list[Any]] = {}
        for key, register in sorted(self._registers.items()):
            if len(register.heads) < 2:
                continue
            win = register.winner()
            won = self._value(win, opener)
            lost = []
            for stamp in sorted(register.heads):
                value = self._value(register.heads[stamp], opener)
                if register.heads[stamp] is not win and value != won:
                    lost.append(value)
            if lost:
                result[key] = lost
        return result

    def attendance(self, meeting: str) -> dict[str, str]:
        """``{member pseudonym: status}`` of one meeting (statuses other than none)."""
        result = {}
        for (m, member), record in sorted(self._attendance.items()):
            status = record.status()
            if m == meeting and status != "none":
                result[member] = status
        return result

    def attendance_by_meeting(self) -> dict[str, dict[str, str]]:
        """``{meeting: {member pseudonym: status}}`` of every meeting (statuses other than
        none), in one pass (``attendance`` per meeting would read everything each time)."""
        result: dict[str, dict[str, str]] = {}
        for (meeting, member), record in self._attendance.items():
            status = record.status()
            if status != "none":
                result.setdefault(meeting, {})[member] = status
        return result

    def meetings(self) -> list[str]:
        """Every meeting that exists: opened, or with anything recorded in it (a discarded
        meeting exists again only through what was recorded without seeing the discard)."""
        found = {m for m, entries in self._log.items() if entries}
        for record in self._records.values():
            base = record.winner("base")
            if base is not None:
                found.add(base["meeting"])
        return sorted(found)

    def closed(self) -> set[str]:
        """The meetings ended on some laptop."""
        return {m for m, entries in self._log.items() if any(e["op"] == CLOSE for e in entries)}

    def discarded(self) -> set[str]:
        """The meetings discarded and not recorded into since (see ``meeting.discard``)."""
        return set(self._discards) - set(self.meetings())

    def latest_seen(self) -> dict[str, list[object]]:
        """Per device, the newest stamp applied here (a discard's ``seen``)."""
        return {d: s.to_json() for d, s in sorted(self._latest.items())}

    def records(self) -> dict[str, tuple[str, dict[str, dict[str, Any]]]]:
        """Every live record: ``{record id: (kind, {field: winning entry})}`` (records
        without their ``base`` yet, or removed, left out)."""
        result = {}
        for rid, record in self._records.items():
            if record.winner("base") is None:
                continue
            fields = {}
            for name in record.fields:
                win = record.winner(name)
                if win is not None:
                    fields[name] = win
            result[rid] = (record.kind, fields)
        return result

    def removed(self) -> set[str]:
        """The ids of removed records (tombstones)."""
        return set(self._removed)

    def group_fields(self) -> dict[str, Any]:
        """The group's shared settings (newest values)."""
        return {name: value for name, (_, value) in sorted(self._group.items())}

    def moods_by_meeting(self) -> dict[str, dict[tuple[str, str], dict[str, Any]]]:
        """``{meeting: {(round, member pseudonym): answer}}`` (answers taken back left out)."""
        result: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}
        for (meeting, round_, member), (_, value) in self._moods.items():
            if value is not None:
                result.setdefault(meeting, {})[(round_, member)] = value
        return result

    def tallies_by_meeting(self) -> dict[str, dict[str, int]]:
        """``{meeting: {tally counter name: shared count}}`` of the anonymous mood tallies."""
        result: dict[str, dict[str, int]] = {}
        for (meeting, name), per_device in self._counters.items():
            if name.startswith("mood:"):
                total = max(0, sum(v for _, v in per_device.values()))
                result.setdefault(meeting, {})[name] = total
        return result

    def counter(self, meeting: str, name: str) -> int:
        """A meeting's shared count: the sum of every laptop's own count (a laptop's
        count is below zero when it took back counts made elsewhere; two laptops taking
        back the same count at once leave the sum at zero, never below)."""
        return max(0, sum(value for _, value in self._counters.get((meeting, name), {}).values()))

    def own_count(self, meeting: str, name: str, device: str) -> int:
        """The count ``device`` has published for a meeting."""
        found = self._counters.get((meeting, name), {}).get(device)
        return found[1] if found else 0

    # --- saving ----------------------------------------------------------------------

    def to_data(self) -> dict[str, Any]:
        """The state as plain JSON data (personal values stay sealed), for the vault."""
        return {
            "forgotten": sorted(self.forgotten),
            "registers": [
                {
                    "heads": [r.heads[s] for s in sorted(r.heads)],
                    "superseded": [s.to_json() for s in sorted(r.superseded)],
                }
                for _, r in sorted(self._registers.items())
            ],
            "attendance": [
                {
                    "key": list(key),
                    "correction": a.correction,
                    "marks": [[s.to_json(), st] for s, st in sorted(a.marks.items())],
                }
                for key, a in sorted(self._attendance.items())
            ],
            "counters": [
                {
                    "key": list(key),
                    "devices": [[d, s.to_json(), v] for d, (s, v) in sorted(per.items())],
                }
                for key, per in sorted(self._counters.items())
            ],
            "moods": [
                [list(key), stamp.to_json(), value]
                for key, (stamp, value) in sorted(self._moods.items())
            ],
            "log": self._log,
            "discards": self._discards,
            "records": {
                rid: [e for entries in r.fields.values() for e in entries.values()]
                for rid, r in sorted(self._records.items())
            },
            "removed": sorted(self._removed),
            "group": {n: [s.to_json(), v] for n, (s, v) in sorted(self._group.items())},
            "latest": self.latest_seen(),
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> MergeState:
        """A state saved by ``to_data``."""
        state = cls()
        state.forgotten = set(data["forgotten"])
        for item in data["registers"]:
            heads = {Stamp.from_json(e["stamp"]): e for e in item["heads"]}
            first = item["heads"][0]
            state._registers[(first["member"], first["field"])] = _Register(
                heads, {Stamp.from_json(s) for s in item["superseded"]}
            )
            state._fields.setdefault(first["member"], set()).add(first["field"])
        for item in data["attendance"]:
            marks = {Stamp.from_json(s): st for s, st in item["marks"]}
            state._attendance[(item["key"][0], item["key"][1])] = _Attendance(
                item["correction"], marks
            )
        for item in data["counters"]:
            state._counters[(item["key"][0], item["key"][1])] = {
                d: (Stamp.from_json(s), v) for d, s, v in item["devices"]
            }
        for key, stamp, value in data.get("moods", []):
            state._moods[(key[0], key[1], key[2])] = (Stamp.from_json(stamp), value)
        if "log" in data:
            state._log = {m: list(entries) for m, entries in data["log"].items()}
        else:  # saved before meetings could be discarded: the entries that count
            state._log = state._entries_in_force()
        state._discards = {m: list(e) for m, e in data.get("discards", {}).items()}
        for rid, entries in data.get("records", {}).items():
            record = _Record(entries[0]["kind"])
            for e in entries:
                record.fields.setdefault(e["field"], {})[Stamp.from_json(e["stamp"])] = e
            state._records[rid] = record
        state._removed = set(data.get("removed", []))
        state._group = {n: (Stamp.from_json(s), v) for n, (s, v) in data.get("group", {}).items()}
        state._latest = {d: Stamp.from_json(s) for d, s in data.get("latest", {}).items()}
        return state

    def _entries_in_force(self) -> dict[str, list[dict[str, Any]]]:
        """Entries equivalent to the marks, counts and moods held (for a state saved
        before the per-meeting log existed)."""
        log: dict[str, list[dict[str, Any]]] = {}
        for (meeting, member), a in self._attendance.items():
            if a.correction is not None:
                log.setdefault(meeting, []).append(a.correction)
            for s, status in a.marks.items():
                log.setdefault(meeting, []).append(
                    {
                        "op": MARK,
                        "meeting": meeting,
                        "member": member,
                        "status": status,
                        "correction": False,
                        "stamp": s.to_json(),
                    }
                )
        for (meeting, counter), per in self._counters.items():
            for device, (s, v) in per.items():
                log.setdefault(meeting, []).append(
                    {
                        "op": COUNTER,
                        "meeting": meeting,
                        "counter": counter,
                        "device": device,
                        "value": v,
                        "stamp": s.to_json(),
                    }
                )
        for (meeting, round_, member), (s, value) in self._moods.items():
            log.setdefault(meeting, []).append(
                {
                    "op": MOOD,
                    "meeting": meeting,
                    "round": round_,
                    "member": member,
                    "value": value,
                    "stamp": s.to_json(),
                }
            )
        return log

    def dump(self, opener: Opener) -> str:
        """A canonical text of the shared data (equal on laptops that agree)."""

        def safe(entry: dict[str, Any]) -> Any:
            try:
                return self._value(entry, opener)
            except (LookupError, ValueError):
                return "<sealed>"

        data = {
            "forgotten": sorted(self.forgotten),
            "members": {m: self.member(m, opener) for m in self.members()},
            "conflicts": [
                [m, n, sorted(json.dumps(v, sort_keys=True) for v in values)]
                for (m, n), values in self.conflicts(opener).items()
            ],
            "meetings": {
                meeting: {
                    "attendance": self.attendance(meeting),
                    "counters": {c: self.counter(meeting, c) for c in sorted(COUNTERS)},
                    "tallies": self.tallies_by_meeting().get(meeting, {}),
                    "moods": sorted(
                        [r, m, v] for (r, m), v in self.moods_by_meeting().get(meeting, {}).items()
                    ),
                }
                for meeting in self.meetings()
            },
            "discarded": sorted(self.discarded()),
            "closed": sorted(self.closed()),
            "records": {
                rid: [kind, {n: [e["meeting"], safe(e)] for n, e in sorted(fields.items())}]
                for rid, (kind, fields) in sorted(self.records().items())
            },
            "removed": sorted(self._removed),
            "group": self.group_fields(),
        }
        return json.dumps(data, sort_keys=True, indent=1)
