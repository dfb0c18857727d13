"""Cell-key perturbation of exported counts (the ABS TableBuilder / ONS Census 2021 method).

Why: the same people are counted in many exports (each group and all groups; each month,
its quarter and its year). Exact counts in overlapping tables can be subtracted from each
other to work out a small count. Adjusting every count by a small amount that depends on
*which records are in the cell* stops that: the same records always get the same
adjustment (asking again tells nothing new), and a different set of records gets its own.

The method, step by step:

1. **Record keys.** Every contributor has a random key stored in the vault and never
   exported (``storage.disclosure``): one per pseudonym and one per meeting. A record is
   one thing a count counts, and its key is mixed from those keys (``mix``):

   - a person (unique attendees, new or returning members, session buckets): the
     pseudonym's key;
   - an attendance: the person's key with the meeting's key (a first-ever attendance is
     the new member: the person's key, as in "new members");
   - a walk-in, a safety concern, a pass in a mood round, a skill share: the meeting's key
     with the record's kind and number (walk-ins are anonymous, so the n-th walk-in of a
     meeting is the record);
   - a meeting: the meeting's key; a goal set or reviewed: the person's key with the goal.

2. **Cell key** = the sum of the keys of the records in the cell, modulo 256
   (``cell_records``). The sum does not depend on the order of the records, and a cell
   with one more or one fewer record gets an unrelated key.

3. **Perturbation table** (``adjustment``): the published value is ``value + a`` where
   ``a`` comes from the cell key: 0 for keys 0-127, +1 for 128-175, -1 for 176-223, +2
   for 224-239 and -2 for 240-255 (so half of the counts are unchanged and no count moves
   by more than ``MAX_ADJUST`` = 2; on average the change is 0). Counts below the
   threshold are never published (they are "fewer than N"), zero stays zero (no records,
   nothing to protect), and an adjustment that would publish a number below the threshold
   is turned around (``value + |a|``), so a published count is never 1..N-1.

4. **Totals are cells of their own**: a total's records are the union of its parts', so it
   gets its own key and adjustment, and a table need not add up. Reports say so: "figures
   are slightly adjusted to protect privacy; totals may not add exactly".

What a reader can know: the method, ``MAX_ADJUST`` and the table above (they are in this
file); not the keys. From a published count ``p`` of at least N they learn that the exact
count lies in ``max(N, p - 2)`` .. ``p + 2``, which is what the audit
(``disclosure_audit``) assumes of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from groupkeeper.metrics import OTHER_CATEGORY
from groupkeeper.storage.disclosure import KeyFacts
from groupkeeper.storage.reporting import ReportFacts

KEY_RANGE = 256
MAX_ADJUST = 2
_MASK = (1 << 64) - 1

# Record kinds mixed into meeting-derived keys (never change: published values depend on them).
_WALK_IN, _SAFETY, _PASS, _SHARE, _GOAL_SET, _GOAL_REVIEW = 1, 2, 3, 4, 5, 6

Ref = tuple[str, str]


def mix(*parts: int) -> int:
    """A 64-bit mixing of integers (splitmix64 steps): the key of a record made of parts."""
    h = _SEED
    for part in parts:
        h = _step(h, part)
    return h


def base_adjustment(cell_key: int) -> int:
    """The table's adjustment for ``cell_key`` (0..255), before the threshold rule."""
    k = cell_key % KEY_RANGE
    if k < 128:
        return 0
    if k < 176:
        return 1
    if k < 224:
        return -1
    if k < 240:
        return 2
    return -2


def adjustment(value: int, cell_key: int, threshold: int) -> int:
    """The change applied to a count of ``value`` whose cell key is ``cell_key``.

    0 for counts below ``threshold`` (they are hidden, or zero); otherwise the table's
    adjustment, turned around when it would publish a number below the threshold.
    """
    if value < threshold:
        return 0
    a = base_adjustment(cell_key)
    if value + a < threshold:
        a = -a
    return a


def published(value: int, cell_key: int, threshold: int) -> int:
    """``value`` as an export shows it (see ``adjustment``)."""
    return value + adjustment(value, cell_key, threshold)


def _step(h: int, part: int) -> int:
    """One step of ``mix``: the same arithmetic, for the hot loops below."""
    h = (h ^ (part & _MASK)) * 0xBF58476D1CE4E5B9 & _MASK
    h ^= h >> 31
    h = h * 0x94D049BB133111EB & _MASK
    return h ^ (h >> 29)


_SEED = 0x9E3779B97F4A7C15


class _Cells:
    """Record count and key sum per cell. A cell key is the sum of its records' keys mod
    256, so each record's key is reduced to its low byte once and summed as is."""

    def __init__(self) -> None:
        self.count: dict[Ref, int] = {}
        self.keys: dict[Ref, int] = {}

    def add(self, ref: Ref, key: int) -> None:
        self.add_sums(ref, 1, key & (KEY_RANGE - 1))

    def add_all(self, refs: Iterable[Ref], key: int) -> None:
        low = key & (KEY_RANGE - 1)
        count, keys = self.count, self.keys
        for ref in refs:
            count[ref] = count.get(ref, 0) + 1
            keys[ref] = keys.get(ref, 0) + low

    def add_sums(self, ref: Ref, records: int, low_keys: int) -> None:
        """``records`` records whose keys' low bytes add up to ``low_keys``."""
        self.count[ref] = self.count.get(ref, 0) + records
        self.keys[ref] = self.keys.get(ref, 0) + low_keys


def cell_records(facts: ReportFacts, keys: KeyFacts) -> dict[Ref, tuple[int, int]]:
    """``(number of records, cell key)`` for every count cell of a report.

    The number of records equals the exact count (a test checks it against
    ``metrics.compute`` on the demo vault); the key is the sum of their keys mod 256.
    Cells with no records are absent (their count is 0 and is never adjusted).
    """
    start, end = facts.start, facts.end
    meetings = {m.id: m for m in facts.meetings if m.state == "closed" and start <= m.date <= end}
    mk = keys.meeting_keys
    pk = keys.person_keys
    cells = _Cells()
    for m in meetings.values():
        key = mix(mk[m.id])
        cells.add(("meetings_held", ""), key)
        month = ("attendance_month", m.date[:7])
        for i in range(m.walk_ins):
            key = mix(mk[m.id], _WALK_IN, i)
            cells.add_all((("attendances", ""), ("walk_ins", ""), month), key)
        for i in range(m.safety_concerns):
            cells.add(("safety_concerns", ""), mix(mk[m.id], _SAFETY, i))
    for mm in facts.mood_meetings:
        if mm.meeting_id not in meetings:
            continue
        tag = (0 if mm.round == "opening" else 1) * 2 + (0 if mm.scale == "1-5" else 1)
        for i in range(mm.passes):
            cells.add(("mood_passes", ""), mix(mk[mm.meeting_id], _PASS, tag, i))

    # People and attendances.
    new_people = {
        p.pseudonym for p in facts.people if facts.first_seen.get(p.pseudonym) == p.first_date
    }
    sessions = {p.pseudonym: p.sessions for p in facts.people}
    first_date = {p.pseudonym: p.first_date for p in facts.people}
    # mix(pk[who]) for everyone once: a person's own record key, and the first step of
    # every key mixed from them (a returning visit, a goal).
    person_key = {who: _step(_SEED, key) for who, key in pk.items()}
    by_person: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for meeting_id, who in keys.present:
        if meeting_id in meetings:
            by_person[who].append((meetings[meeting_id].date, meeting_id))
    # The hot loop (one pass per attendance: about 90,000 for five years of 20 groups):
    # each record's key is mix(person) for a first-ever attendance, else
    # mix(person, meeting); counts and key bytes are summed per (kind, month) first and
    # spread over the three cells each record counts in afterwards.
    low = KEY_RANGE - 1
    sums: dict[tuple[str, str], list[int]] = {}
    for who, visits in by_person.items():
        visits.sort()
        first_event = (
            visits[0] if who in new_people and visits[0][0] == first_date.get(who) else None
        )
        person = person_key[who]
        for visit in visits:
            date, meeting_id = visit
            # A first-ever attendance is the new member themself: the same record (and
            # key) as in "new members", so the two equal counts are published equal.
            if visit == first_event:
                slot, key = ("attendances_new", date[:7]), person
            else:
                slot, key = ("attendances_returning", date[:7]), _step(person, mk[meeting_id])
            total = sums.get(slot)
            if total is None:
                sums[slot] = [1, key & low]
            else:
                total[0] += 1
                total[1] += key & low
    for (visit_kind, visit_month), (records, low_keys) in sums.items():
        for ref in (("attendances", ""), (visit_kind, ""), ("attendance_month", visit_month)):
            cells.add_sums(ref, records, low_keys)
    for who in sessions:
        key = person_key[who]  # mix(pk[who])
        s = sessions[who]
        bucket = "1" if s == 1 else "2-3" if s <= 3 else "4-7" if s <= 7 else "8+"
        kind = "new_members" if who in new_people else "returning_members"
        cells.add_all((("unique_attendees", ""), (kind, ""), ("sessions_bucket", bucket)), key)

    # Skills and goals.
    for share_id, meeting_id, category, builtin in keys.shares:
        if meeting_id not in meetings:
            continue
        key = mix(mk[meeting_id], _SHARE, share_id)
        cat = category if builtin else OTHER_CATEGORY
        cells.add_all((("skills_shared", ""), ("skills_by_category", cat)), key)
    for goal_id, who, set_mid, rev_mid, outcome in keys.goals:
        reviewed = rev_mid in meetings and outcome
        if set_mid not in meetings and not reviewed:
            continue
        first = person_key[who]
        if set_mid in meetings:
            # mix(pk[who], _GOAL_SET, goal_id)
            cells.add(("goals_set", ""), _step(_step(first, _GOAL_SET), goal_id))
        if reviewed:
            key = _step(_step(first, _GOAL_REVIEW), goal_id)  # mix(pk[who], _GOAL_REVIEW, goal_id)
            cells.add_all((("goals_reviewed", ""), ("goals_outcome", str(outcome))), key)
    return {ref: (n, cells.keys[ref] % KEY_RANGE) for ref, n in cells.count.items()}
