"""Storage for disclosure control: record keys (cell-key perturbation) and the export log.

Record keys
    Every contributor to an exported count gets a random *record key*, kept in the vault and
    never exported (``groupkeeper.perturbation`` explains the method). Two tables hold them:
    ``record_keys`` (one per pseudonym: a member, or a forgotten member's pseudonym) and
    ``meeting_keys`` (one per meeting; the meeting's walk-ins, safety concerns, passes and
    skill shares take keys derived from it and the record's own number, see
    ``perturbation``). Triggers give every new pseudonym and meeting its key inside the
    same transaction that adds it, from SQLite's ``randomblob`` (the operating system's
    random source seeds it); migration 5 gives existing rows theirs. A meeting id that
    SQLite reuses after a deletion gets a fresh key (``INSERT OR REPLACE``).

Export log
    ``export_log`` records each export: when, what (format, scope, groups, period,
    threshold), a fingerprint of the exact figures it was made from, and every published
    cell (state and published value). No file name or folder is kept (a name a user types
    could say more than the figures). The Reports screen lists it (``export_history``:
    when, which group and period, which format, how many figures were hidden); the audit
    (``groupkeeper.disclosure_audit``) reads the published cells of earlier exports so a
    new export cannot be combined with them to work out a hidden count. Published values
    are what left the laptop anyway; the exact figures are never stored here.

    Each row also keeps which meetings of its groups and period had been entered late or
    corrected when it was made (``MeetingChange``: meeting id, group, date and when it
    changed; ``meeting_changes``), so the audit knows which earlier exports were made
    from the figures as they are now and which from an earlier state of them, without
    trusting clocks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from groupkeeper.storage._sqlcipher import Database, write_transaction

# A 31-bit random key: enough for ``key mod 256`` cell keys, and sums of many keys stay far
# inside SQLite's 64-bit integers.
_RANDOM_KEY = "(abs(random()) % 2147483648)"


def create_tables(db: Database) -> None:
    """Migration 5: record keys for every pseudonym and meeting, and the export log."""
    db.execute("CREATE TABLE record_keys (pseudonym TEXT PRIMARY KEY, rkey INTEGER NOT NULL)")
    db.execute("CREATE TABLE meeting_keys (meeting_id INTEGER PRIMARY KEY, rkey INTEGER NOT NULL)")
    db.execute(
        f"INSERT INTO record_keys (pseudonym, rkey) SELECT pseudonym, {_RANDOM_KEY} FROM pseudonyms"
    )
    db.execute(
        f"INSERT INTO meeting_keys (meeting_id, rkey) SELECT id, {_RANDOM_KEY} FROM meetings"
    )
    db.execute(
        "CREATE TRIGGER record_key_new AFTER INSERT ON pseudonyms BEGIN"
        " INSERT OR REPLACE INTO record_keys (pseudonym, rkey)"
        f" VALUES (NEW.pseudonym, {_RANDOM_KEY}); END"
    )
    db.execute(
        "CREATE TRIGGER meeting_key_new AFTER INSERT ON meetings BEGIN"
        " INSERT OR REPLACE INTO meeting_keys (meeting_id, rkey)"
        f" VALUES (NEW.id, {_RANDOM_KEY}); END"
    )
    db.execute(
        """
        CREATE TABLE export_log (
            id INTEGER PRIMARY KEY,
            exported_at TEXT NOT NULL,
            format TEXT NOT NULL,
            scope TEXT NOT NULL,
            group_ids TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            threshold INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            cells TEXT NOT NULL
        )"""
    )


@dataclass(frozen=True)
class KeyFacts:
    """What the cell keys of one report are computed from (closed meetings of the period).

    Attributes:
        person_keys: Record key per pseudonym present in the period.
        meeting_keys: Record key per closed meeting of the period.
        present: ``(meeting_id, pseudonym)`` for every member present.
        shares: ``(share_id, meeting_id, category, category_builtin)`` per skill share.
        goals: ``(goal_id, pseudonym, set_meeting_id, reviewed_meeting_id, outcome)`` for
            goals set or reviewed at those meetings.
    """

    person_keys: dict[str, int]
    meeting_keys: dict[int, int]
    present: tuple[tuple[int, str], ...]
    shares: tuple[tuple[int, int, str, bool], ...]
    goals: tuple[tuple[int, str, int | None, int | None, str | None], ...]


def load_key_facts(db: Database, group_ids: Iterable[int] | None, start: str, end: str) -> KeyFacts:
    """Record keys and row-level records of the closed meetings of ``group_ids`` (None:
    all groups) dated ``start``..``end`` (the meetings a report counts).

    A key missing for an old row (it cannot be, after migration 5, but a hand-edited vault
    might) is created here, so every record always has one.
    """
    if group_ids is None:
        gsql, params = "1 = 1", []
    else:
        ids = sorted({int(g) for g in group_ids})
        gsql = f"m.group_id IN ({', '.join('?' for _ in ids) or 'NULL'})"
        params = list(ids)
    closed = (
        f"SELECT m.id FROM meetings m WHERE {gsql} AND m.state = 'closed'"
        " AND m.date BETWEEN ? AND ?"
    )
    args: list[Any] = [*params, start, end]
    # Rows come back as (int, str) tuples already (INTEGER and TEXT columns): no copying
    # per row, which cost 35 ms of a five-year report's 90,000 attendances.
    present: tuple[tuple[int, str], ...] = tuple(
        db.execute(
            "SELECT a.meeting_id, a.pseudonym FROM attendance a"
            f" WHERE a.status = 'present' AND a.meeting_id IN ({closed})",
            args,
        ).fetchall()
    )
    shares = tuple(
        (int(r[0]), int(r[1]), str(r[2]), bool(r[3]))
        for r in db.execute(
            "SELECT s.id, s.meeting_id, c.name, c.builtin FROM skill_shares s"
            " JOIN skills sk ON sk.id = s.skill_id"
            " JOIN skill_categories c ON c.id = sk.category_id"
            f" WHERE s.meeting_id IN ({closed})",
            args,
        ).fetchall()
    )
    goals: tuple[tuple[int, str, int | None, int | None, str | None], ...] = tuple(
        db.execute(
            "SELECT g.id, g.pseudonym, g.set_meeting_id, g.reviewed_meeting_id, g.outcome"
            f" FROM goals g WHERE g.set_meeting_id IN ({closed})"
            f" OR g.reviewed_meeting_id IN ({closed})",
            args + args,
        ).fetchall()
    )
    meeting_ids = [int(r[0]) for r in db.execute(closed, args).fetchall()]
    meeting_keys = {
        int(r[0]): int(r[1])
        for r in db.execute(
            f"SELECT mk.meeting_id, mk.rkey FROM meeting_keys mk WHERE mk.meeting_id IN ({closed})",
            args,
        ).fetchall()
    }
    missing = [m for m in meeting_ids if m not in meeting_keys]
    if missing:
        meeting_keys.update(_create_keys(db, "meeting_keys", "meeting_id", missing))
    people = {p for _m, p in present} | {g[1] for g in goals}
    return KeyFacts(_person_keys(db, people), meeting_keys, present, shares, goals)


def _person_keys(db: Database, pseudonyms: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    names = sorted(pseudonyms)
    for i in range(0, len(names), 500):
        chunk = names[i : i + 500]
        marks = ", ".join("?" for _ in chunk)
        for r in db.execute(
            f"SELECT pseudonym, rkey FROM record_keys WHERE pseudonym IN ({marks})", chunk
        ).fetchall():
            found[str(r[0])] = int(r[1])
    missing = [p for p in names if p not in found]
    if missing:
        found.update(_create_keys(db, "record_keys", "pseudonym", missing))
    return found


def _create_keys(db: Database, table: str, column: str, refs: list[Any]) -> dict[Any, int]:
    with write_transaction(db):  # takes its turn: the GUI's check-ins go first
        for ref in refs:
            db.execute(
                f"INSERT OR IGNORE INTO {table} ({column}, rkey) VALUES (?, {_RANDOM_KEY})", [ref]
            )
    out: dict[Any, int] = {}
    for ref in refs:
        row = db.execute(f"SELECT rkey FROM {table} WHERE {column} = ?", [ref]).fetchone()
        out[ref] = int(row[0])
    return out


# --- The export log ---------------------------------------------------------------------


@dataclass(frozen=True)
class LoggedCell:
    """One published cell: ``state`` as in ``suppression.CellState``; ``value`` as published
    (None when hidden)."""

    metric: str
    key: str
    state: str
    value: float | None
    note: str = ""


@dataclass(frozen=True)
class MeetingChange:
    """A closed meeting that changed a period after the fact: entered late ("Enter a past
    meeting") or corrected after it was closed.

    Attributes:
        meeting_id: The meeting.
        group_id: Its group.
        day: Its date, ``YYYY-MM-DD``.
        stamp: When it was closed or last corrected (a new correction gives a new stamp).
        added: Entered late and never corrected: it can only add to counts.
    """

    meeting_id: int
    group_id: int
    day: str
    stamp: str
    added: bool


def meeting_changes(db: Database) -> tuple[MeetingChange, ...]:
    """Every closed meeting entered late or corrected, as it stands now (by stamp, then id).

    Only these two can change a period that has ended (exports cover ended periods); a
    meeting run on its day is never one, whatever its stored times say."""
    rows = db.execute(
        "SELECT id, group_id, date, max(ended_at, corrected_at), corrected_at = ''"
        " FROM meetings WHERE state = 'closed' AND (entered_after = 1 OR corrected_at != '')"
        " ORDER BY 4, 1"
    ).fetchall()
    return tuple(
        MeetingChange(int(r[0]), int(r[1]), str(r[2]), str(r[3]), bool(r[4])) for r in rows
    )


@dataclass(frozen=True)
class ExportRecord:
    """One row of the export log.

    ``seen``: the meetings of its groups, dated up to the end of its period, that had been
    entered late or corrected when it was made (None for a row logged before rows kept
    them)."""

    id: int
    exported_at: str
    format: str
    scope: str
    group_ids: tuple[int, ...]
    period_start: str
    period_end: str
    threshold: int
    fingerprint: str
    cells: tuple[LoggedCell, ...]
    seen: tuple[MeetingChange, ...] | None = None


def log_export(
    db: Database,
    *,
    exported_at: str,
    format: str,
    scope: str,
    group_ids: tuple[int, ...],
    period_start: str,
    period_end: str,
    threshold: int,
    fingerprint: str,
    cells: Iterable[LoggedCell],
) -> int:
    """Append one export to the log (one transaction); returns its id.

    The meetings of ``group_ids`` dated up to ``period_end`` that were entered late or
    corrected so far are kept with it (``ExportRecord.seen``)."""
    groups = set(group_ids)
    seen = [
        [c.meeting_id, c.group_id, c.day, c.stamp, int(c.added)]
        for c in meeting_changes(db)
        if c.group_id in groups and c.day <= period_end
    ]
    data = json.dumps(
        {"cells": [[c.metric, c.key, c.state, c.value, c.note] for c in cells], "seen": seen},
        separators=(",", ":"),
    )
    with write_transaction(db):  # takes its turn: the GUI's check-ins go first
        cur = db.execute(
            "INSERT INTO export_log (exported_at, format, scope, group_ids, period_start,"
            " period_end, threshold, fingerprint, cells) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                exported_at,
                format,
                scope,
                json.dumps(list(group_ids)),
                period_start,
                period_end,
                int(threshold),
                fingerprint,
                data,
            ],
        )
    return int(cur.lastrowid or 0)


_COLUMNS = (
    "id, exported_at, format, scope, group_ids, period_start, period_end, threshold,"
    " fingerprint, cells"
)


def _record(r: Any) -> ExportRecord:
    """One ``export_log`` row (``_COLUMNS``) decoded. The cells column holds
    ``{"cells": [...], "seen": [...]}``, or only the list of cells in rows logged before
    rows kept ``seen``."""
    data = json.loads(r[9])
    raw_cells, raw_seen = (data, None) if isinstance(data, list) else (data["cells"], data["seen"])
    cells = tuple(
        LoggedCell(str(m), str(k), str(s), None if v is None else _number(v), str(n))
        for m, k, s, v, n in raw_cells
    )
    seen = (
        None
        if raw_seen is None
        else tuple(
            MeetingChange(int(m), int(g), str(d), str(at), bool(a)) for m, g, d, at, a in raw_seen
        )
    )
    return ExportRecord(
        int(r[0]),
        str(r[1]),
        str(r[2]),
        str(r[3]),
        tuple(int(g) for g in json.loads(r[4])),
        str(r[5]),
        str(r[6]),
        int(r[7]),
        str(r[8]),
        cells,
        seen,
    )


def export_log(db: Database) -> list[ExportRecord]:
    """Every logged export, oldest first."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM export_log ORDER BY id").fetchall()
    return [_record(r) for r in rows]


def _number(v: Any) -> float:
    # Whole numbers come back as int from JSON; keep them so a re-export prints "12".
    return v if isinstance(v, int) else float(v)


#: Cell states that an export did not show as a number.
_HIDDEN_STATES = ("fewer_than", "suppressed", "withheld")


@dataclass(frozen=True)
class ExportSummary:
    """One logged export as the Reports screen lists it: nothing personal (a group's name
    or "All groups", the period, the format, how many figures it hid).

    Attributes:
        id: Row id (newer exports have larger ids).
        exported_at: ISO time in UTC, to the second.
        format: "csv" or "pdf".
        scope: The group's name or "All groups", as the export named it.
        group_ids: The groups it covered.
        period_start: First day, ``YYYY-MM-DD``.
        period_end: Last day, ``YYYY-MM-DD``.
        threshold: Suppression threshold in force.
        figures: Figures the export held.
        hidden: Of them, shown as "fewer than", hidden or withheld.
    """

    id: int
    exported_at: str
    format: str
    scope: str
    group_ids: tuple[int, ...]
    period_start: str
    period_end: str
    threshold: int
    figures: int
    hidden: int


def export_history(db: Database, limit: int = 200) -> list[ExportSummary]:
    """The newest ``limit`` logged exports, newest first (for the Reports screen)."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM export_log ORDER BY id DESC LIMIT ?", [int(limit)]
    ).fetchall()
    out = []
    for r in rows:
        record = _record(r)
        out.append(
            ExportSummary(
                record.id,
                record.exported_at,
                record.format,
                record.scope,
                record.group_ids,
                record.period_start,
                record.period_end,
                record.threshold,
                len(record.cells),
                sum(1 for c in record.cells if c.state in _HIDDEN_STATES),
            )
        )
    return out
