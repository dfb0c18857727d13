"""Export privacy promises, played as an attacker: completed periods only, and the same
export asked twice gives the same bytes (so asking again tells nothing new)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from groupkeeper import reports_export
from groupkeeper.metrics import Period
from groupkeeper.model import Group, Member
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.repos import Store


def _group_with_meetings(store: Store, days: list[str], present: int = 9) -> int:
    g = store.groups.add(Group(name="Circle"))
    assert g.id is not None
    people = store.members.add_many([Member(f"P{i}", group_ids=[g.id]) for i in range(12)])
    for day in days:
        _meeting(store, g.id, day, people[:present])
    return g.id


def _meeting(store: Store, group_id: int, day: str, people: list[Member], safety: int = 0) -> None:
    m = store.meetings.start(group_id, day)
    assert m.id is not None
    for p in people:
        store.meetings.check_in(m.id, p.pseudonym)
    if safety:
        store.meetings.change_safety_concerns(m.id, safety)
    store.meetings.end(m.id)


def test_running_month_is_refused_before_and_after_another_meeting(
    store: Store, tmp_path: Path
) -> None:
    """The issue's attack: export the running month, add one meeting, export again; the
    difference (safety concerns "0" -> "<5") gave that meeting away. Both are refused."""
    today = dt.date(2026, 3, 20)
    gid = _group_with_meetings(store, ["2026-03-03", "2026-03-10"])
    march = Period.months("2026-03", "2026-03")
    q1 = Period.quarter(2026, 1)
    for attempt in range(2):
        for period in (march, q1, Period.year(2026)):
            bundle = reports_export.build_report(
                store.db, (gid,), period, threshold=5, scope_label="Circle", today=today
            )
            target = tmp_path / f"{attempt}-{period.label}.csv"
            with pytest.raises(InvalidInput, match="has ended"):
                reports_export.export_csv(bundle, target)
            assert not target.exists()
            with pytest.raises(InvalidInput, match="has ended"):
                reports_export.period_from_args(period.first_day[:7], period.last_day[:7], today)
        # One more meeting, with a safety concern, in the running month.
        people = store.members.all()
        _meeting(store, gid, "2026-03-17", list(people[:9]), safety=1)
    # The last day of the period is not enough: the day after it is.
    assert not march.completed(dt.date(2026, 3, 31))
    assert march.completed(dt.date(2026, 4, 1))
    # The default period of `groupkeeper export` is the last full quarter: always ended.
    assert reports_export.period_from_args(None, None, today) == Period.quarter(2025, 4)


def test_same_export_twice_is_byte_identical(store: Store, tmp_path: Path) -> None:
    gid = _group_with_meetings(store, ["2026-01-06", "2026-01-13", "2026-02-03"], present=7)
    today = dt.date(2026, 5, 10)
    files = []
    for attempt in range(2):
        for period in (Period.months("2026-01", "2026-01"), Period.quarter(2026, 1)):
            bundle = reports_export.build_report(
                store.db, (gid,), period, threshold=5, scope_label="Circle", today=today
            )
            target = tmp_path / f"{attempt}-{period.label}.csv"
            reports_export.export_csv(bundle, target)
            files.append(target.read_bytes())
    assert files[0] == files[2] and files[1] == files[3]
    assert files[0] != files[1]
