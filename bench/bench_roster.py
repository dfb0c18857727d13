"""Roster type-ahead: time per keystroke at 1,000 and 10,000 fictional members.

A name is typed letter by letter into one ``RosterIndex`` (so it narrows from the previous
result, as in the app); each keystroke is one sample. The baseline, measured in the same
run over the same members, is a plain Python scan: ``query.lower() in name.lower()`` over
display name, full name and phone, with no ranking, accents or digits handling. The target
is absolute: under 5 ms per keystroke.
"""

from __future__ import annotations

import random
import time

from bench.common import Row, median_of
from groupkeeper.model import Member
from groupkeeper.roster import RosterIndex

TARGET_MS = 5.0
_FIRST = [
    "Maya",
    "Zoë",
    "José",
    "Ana",
    "Li",
    "Sam",
    "Chloé",
    "Oliver",
    "Priya",
    "Ahmed",
    "Łukasz",
    "Siobhán",
    "Noah",
    "Emma",
    "Yusuf",
    "Kwame",
    "Aroha",
    "Mette",
    "Ömer",
]
_LAST = [
    "García",
    "O'Brien",
    "Nguyen",
    "Smith",
    "Müller",
    "Kowalski",
    "Haddad",
    "Okafor",
    "Larsen",
    "Dubois",
    "Yılmaz",
    "Tanaka",
    "Silva",
    "Novak",
    "Mensah",
]
_TYPED = ["maya ga", "siob", "o'bri", "0123 4", "kowalsk", "zzz"]


def fictional_members(n: int, seed: int = 1) -> list[Member]:
    rng = random.Random(seed)
    return [
        Member(
            display_name=f"{rng.choice(_FIRST)}{'' if i % 3 else ' ' + str(i % 97)}",
            full_name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
            phone=f"0{rng.randint(100, 999)} {rng.randint(0, 999999):06d}",
        )
        for i in range(n)
    ]


def _keystrokes(fn, rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(rounds):
        for word in _TYPED:
            fn("")  # the search box is cleared between names
            for end in range(1, len(word) + 1):
                start = time.perf_counter()
                fn(word[:end])
                samples.append((time.perf_counter() - start) * 1000)
    return samples


def _baseline(members: list[Member]):  # type: ignore[no-untyped-def]
    hay = [(m.display_name, m.full_name, m.phone) for m in members]

    def scan(query: str) -> list[int]:
        q = query.lower()
        return [i for i, (a, b, c) in enumerate(hay) if q in a.lower() or q in b.lower() or q in c]

    return scan


def run(quick: bool) -> list[Row]:
    rounds = 2 if quick else 10
    rows: list[Row] = []
    for n in (1_000, 10_000):
        members = fictional_members(n)
        index = RosterIndex(members)
        ours = median_of(_keystrokes(index.filter, rounds))
        worst = max(_keystrokes(index.filter, 1))
        base = median_of(_keystrokes(_baseline(members), rounds))
        rows.append(
            Row(
                f"plain substring scan, {n:,} members (baseline)",
                base,
                None,
                float("inf"),
                unit="ms",
            )
        )
        rows.append(
            Row(
                f"type-ahead keystroke, {n:,} members",
                ours,
                None,
                TARGET_MS,
                unit="ms",
                note=f"{ours / base:.2f}x the plain scan; slowest keystroke {worst:.1f} ms",
            )
        )
    return rows


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)
