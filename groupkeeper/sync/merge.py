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

    # --- applying ---------------------------------------------------------------------

    def apply(self, entry: dict[str, Any]) -> None:
        """Merge one checked entry (``check_entry``) into the state."""
        stamp = Stamp.from_json(entry["stamp"])
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
        elif op == MARK:
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
            return opener(entry["member"], entry["field"], entry["stamp"], entry["sealed"])
        return entry["value"]

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
        """Every meeting with any attendance, count or mood recorded."""
        return sorted(
            {m for m, _ in self._attendance}
            | {m for m, _ in self._counters}
            | {m for m, _, _ in self._moods}
        )

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
        return state

    def dump(self, opener: Opener) -> str:
        """A canonical text of the shared data (equal on laptops that agree)."""
        meetings = sorted({m for m, _ in self._attendance} | {m for m, _ in self._counters})
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
                for meeting in meetings
            },
        }
        return json.dumps(data, sort_keys=True, indent=1)
