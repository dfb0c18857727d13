"""Cell-key perturbation and the bounds audit, on hand-worked small tables."""

from __future__ import annotations

import datetime as dt

import pytest

from groupkeeper import disclosure_audit as da
from groupkeeper import perturbation as pt
from groupkeeper import reports_export
from groupkeeper.metrics import Period
from groupkeeper.model import Group, Member
from groupkeeper.storage import disclosure
from groupkeeper.storage.repos import Store
from groupkeeper.suppression import CellState


def test_perturbation_table_by_hand() -> None:
    # Key ranges of the table: 0-127 -> 0, 128-175 -> +1, 176-223 -> -1, 224-239 -> +2,
    # 240-255 -> -2.
    assert [pt.base_adjustment(k) for k in (0, 127, 128, 175, 176, 223, 224, 239, 240, 255)] == [
        0, 0, 1, 1, -1, -1, 2, 2, -2, -2,
    ]  # fmt: skip
    assert pt.published(20, 130, 5) == 21
    assert pt.published(20, 250, 5) == 18
    # Never below the threshold: 5 - 1 would be 4, so it goes up instead; 6 - 2 likewise.
    assert pt.published(5, 180, 5) == 6
    assert pt.published(6, 245, 5) == 8
    assert pt.published(7, 245, 5) == 5
    # Zero and small counts are never adjusted (small ones are hidden anyway).
    assert pt.published(0, 250, 5) == 0 and pt.published(3, 250, 5) == 3
    # Mean adjustment is 0 over all keys for a large count.
    assert sum(pt.base_adjustment(k) for k in range(256)) == 0


def _people_group(store: Store, n: int) -> tuple[int, list[Member]]:
    g = store.groups.add(Group(name="Circle"))
    assert g.id is not None
    return g.id, store.members.add_many([Member(f"P{i}", group_ids=[g.id]) for i in range(n)])


def _meet(store: Store, gid: int, day: str, people: list[Member]) -> int:
    m = store.meetings.start(gid, day)
    assert m.id is not None
    for p in people:
        store.meetings.check_in(m.id, p.pseudonym)
    store.meetings.end(m.id)
    return m.id


def _keys(store: Store, gid: int, period: Period) -> dict[tuple[str, str], tuple[int, int]]:
    from groupkeeper.storage.reporting import load_facts

    facts = load_facts(store.db, (gid,), period.first_day, period.last_day)
    kf = disclosure.load_key_facts(store.db, (gid,), period.first_day, period.last_day)
    return pt.cell_records(facts, kf)


def test_cell_key_is_the_sum_of_the_record_keys(store: Store) -> None:
    gid, people = _people_group(store, 6)
    jan = Period.months("2026-01", "2026-01")
    _meet(store, gid, "2026-01-06", people[:6])
    pk = {
        r[0]: r[1] for r in store.db.execute("SELECT pseudonym, rkey FROM record_keys").fetchall()
    }
    assert len(pk) == 6  # every member got a random key when they were added
    records = _keys(store, gid, jan)
    # Six different people: the cell key of "different people" is the sum of their keys.
    expected = sum(pt.mix(pk[p.pseudonym]) for p in people) % 256
    assert records[("unique_attendees", "")] == (6, expected)
    # Same records -> same key: asking again, or in another table, gives the same.
    assert _keys(store, gid, jan)[("unique_attendees", "")] == (6, expected)
    q1 = _keys(store, gid, Period.quarter(2026, 1))
    assert q1[("unique_attendees", "")] == (6, expected)
    # A different set of records (one more person in February) -> its own key.
    _meet(store, gid, "2026-02-03", people[:1])
    extra = store.members.add(Member("P6", group_ids=[gid]))
    _meet(store, gid, "2026-02-10", [extra])
    q1_after = _keys(store, gid, Period.quarter(2026, 1))
    pk7 = store.db.execute(
        "SELECT rkey FROM record_keys WHERE pseudonym = ?", [extra.pseudonym]
    ).fetchone()[0]
    assert q1_after[("unique_attendees", "")] == (7, (expected + pt.mix(pk7)) % 256)
    # January alone is unchanged.
    assert _keys(store, gid, jan)[("unique_attendees", "")] == (6, expected)


def test_attendance_and_goal_keys_follow_their_definition(store: Store) -> None:
    """The record keys of attendances and goals, as the module docstring defines them
    (published values depend on them, so a faster ``cell_records`` must not change any):
    a first-ever attendance is mix(person), a returning one mix(person, meeting), a goal
    set mix(person, 5, goal), a goal reviewed mix(person, 6, goal); a cell's key is the
    sum mod 256."""
    from groupkeeper.model import GoalOutcome

    gid, (p0, p1, p2, p3) = _people_group(store, 4)
    m1 = store.meetings.start(gid, "2026-01-06")
    assert m1.id is not None
    for p in (p0, p1, p2):
        store.meetings.check_in(m1.id, p.pseudonym)
    goal = store.goals.set(p0.pseudonym, "Walk twice", m1.id)
    store.meetings.end(m1.id)
    m2 = store.meetings.start(gid, "2026-02-03")
    assert m2.id is not None
    for p in (p0, p1, p3):
        store.meetings.check_in(m2.id, p.pseudonym)
    store.goals.review(goal.id or 0, GoalOutcome.DONE, m2.id)
    store.meetings.end(m2.id)
    pk = dict(store.db.execute("SELECT pseudonym, rkey FROM record_keys").fetchall())
    mk = dict(store.db.execute("SELECT meeting_id, rkey FROM meeting_keys").fetchall())
    first = {p.pseudonym: pt.mix(pk[p.pseudonym]) for p in (p0, p1, p2, p3)}
    back = {p.pseudonym: pt.mix(pk[p.pseudonym], mk[m2.id]) for p in (p0, p1)}

    records = _keys(store, gid, Period.quarter(2026, 1))

    assert records[("attendances_new", "")] == (4, sum(first.values()) % 256)
    assert records[("attendances_returning", "")] == (2, sum(back.values()) % 256)
    everyone = sum(first.values()) + sum(back.values())
    assert records[("attendances", "")] == (6, everyone % 256)
    january = sum(first[p.pseudonym] for p in (p0, p1, p2))
    february = first[p3.pseudonym] + sum(back.values())
    assert records[("attendance_month", "2026-01")] == (3, january % 256)
    assert records[("attendance_month", "2026-02")] == (3, february % 256)
    assert records[("goals_set", "")] == (1, pt.mix(pk[p0.pseudonym], 5, goal.id or 0) % 256)
    reviewed = pt.mix(pk[p0.pseudonym], 6, goal.id or 0) % 256
    assert records[("goals_reviewed", "")] == (1, reviewed)
    assert records[("goals_outcome", "done")] == (1, reviewed)


def _table(cells: dict[tuple[str, str], tuple[str, float | None]]) -> da.Published:
    return da.Published((1,), "2026-01", "2026-01", 5, cells)


def test_audit_sees_what_totals_pin_down() -> None:
    # The example: attendances 15 = new (<5) + returning 13 + walk-ins (<5), with
    # exact counts: new + walk-ins = 2, so both are 1.
    exact = _table(
        {
            ("attendances", ""): ("shown", 15),
            ("attendances_new", ""): ("fewer_than", None),
            ("attendances_returning", ""): ("shown", 13),
            ("walk_ins", ""): ("fewer_than", None),
        }
    )
    exact = da.Published(exact.scope, exact.start, exact.end, 5, exact.cells, adjust=0)
    exposed = {e.var[3]: (e.low, e.high) for e in da.audit([exact])}
    assert exposed["attendances_new"] == (1, 1) and exposed["walk_ins"] == (1, 1)
    extra, _rounds = da.protect(exact)
    assert extra == {("attendances_returning", "")}  # the cheapest further suppression
    fixed = dict(exact.cells)
    fixed[("attendances_returning", "")] = ("suppressed", None)
    assert da.audit([da.Published((1,), "2026-01", "2026-01", 5, fixed, adjust=0)]) == []
    # With perturbation (each shown count +-2) the same figures pin nothing down.
    assert da.audit([da.Published((1,), "2026-01", "2026-01", 5, exact.cells)]) == []


def test_audit_across_exports_of_months_and_quarter() -> None:
    # Exact counts: the quarter's safety concerns 12 (shown), January 12 (shown) and
    # February 0 (shown): March is 0 ... and a hidden March "<5" would be impossible;
    # with January 9, February 0, March "<5" and the quarter 12, March is 3.
    months = [
        da.Published((1,), m, m, 5, {("safety_concerns", ""): s}, adjust=0)
        for m, s in (
            ("2026-01", ("shown", 9)),
            ("2026-02", ("shown", 0)),
            ("2026-03", ("fewer_than", None)),
        )
    ]
    quarter = da.Published(
        (1,), "2026-01", "2026-03", 5, {("safety_concerns", ""): ("shown", 12)}, adjust=0
    )
    (e,) = da.audit([*months, quarter])
    assert e.var[1:4] == ("2026-03", "2026-03", "safety_concerns") and (e.low, e.high) == (3, 3)
    # The quarter exported after the months must hide its total.
    extra, _ = da.protect(quarter, months)
    assert extra == {("safety_concerns", "")}


# A meeting entered late into January 2026, after the first quarter was exported.
_LATE_JAN = disclosure.MeetingChange(99, 1, "2026-01-20", "2026-04-10T10:00:00+00:00", True)


def _walk_ins(month: str, end: str, cell: tuple[str, float | None], **kw: object) -> da.Published:
    return da.Published((1,), month, end, 5, {("walk_ins", ""): cell}, adjust=0, **kw)  # type: ignore[arg-type]


def test_audit_ties_the_earlier_versions_among_themselves() -> None:
    # Before the late meeting: January "<5", February "<5", the quarter 9 (March was
    # never exported). So January + February + March = 9: every cell stays wide (March
    # 1..7). Then a meeting is entered late into January. March did not change (walk-ins
    # count only the month's own meetings), so March exported now is the same March: if
    # it showed 5, January + February = 4 in the old files, and each is narrowed to 1..3.
    before = frozenset[disclosure.MeetingChange]()
    old = [
        _walk_ins("2026-01", "2026-01", ("fewer_than", None), seen=before),
        _walk_ins("2026-02", "2026-02", ("fewer_than", None), seen=before),
        _walk_ins("2026-01", "2026-03", ("shown", 9), seen=before),
    ]
    march = _walk_ins("2026-03", "2026-03", ("shown", 5))
    history = da.History((_LATE_JAN,))
    model = da.build_model([*old, march], history)
    exposed = {(e.var[1], e.var[3]): (e.low, e.high) for e in da.audit([*old, march], model=model)}
    assert exposed == {("2026-01", "walk_ins@1"): (1, 3), ("2026-02", "walk_ins"): (1, 3)}
    # January's old count is a variable of its own (the late meeting changed it);
    # February's and March's are today's.
    assert model.v(old[0], ("walk_ins", "")) == ((1,), "2026-01", "2026-01", "walk_ins@1", "")
    assert model.v(old[1], ("walk_ins", "")) == ((1,), "2026-02", "2026-02", "walk_ins", "")
    extra, _ = da.protect(march, old, history=history)
    assert extra == {("walk_ins", "")}
    # Had the meeting been entered late into March instead, March today is another count
    # than the March inside the old quarter, and showing it pins nothing.
    late_march = disclosure.MeetingChange(99, 1, "2026-03-20", _LATE_JAN.stamp, True)
    assert da.protect(march, old, history=da.History((late_march,)))[0] == set()


def test_audit_knows_late_meetings_only_add() -> None:
    # February "<5" before a meeting was entered late into it; after it, February shows
    # 0 walk-ins... impossible (a late meeting only adds), so the figures contradict the
    # log of changes; with a correction instead (it may lower any count) they do not.
    late_feb = disclosure.MeetingChange(99, 1, "2026-02-20", _LATE_JAN.stamp, True)
    old = _walk_ins("2026-02", "2026-02", ("fewer_than", None), seen=frozenset())
    now = _walk_ins("2026-02", "2026-02", ("shown", 0))
    with pytest.raises(da.Infeasible):
        da.protect(now, [old], history=da.History((late_feb,)))
    corrected = disclosure.MeetingChange(99, 1, "2026-02-20", _LATE_JAN.stamp, False)
    assert da.protect(now, [old], history=da.History((corrected,)))[0] == set()
    # Shown 5 now, "<5" before: the old count is still anything in 1..4.
    now5 = _walk_ins("2026-02", "2026-02", ("shown", 5))
    assert da.audit([old, now5], model=da.build_model([old, now5], da.History((late_feb,)))) == []


def test_export_log_and_reexport(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    gid, people = _people_group(store, 9)
    for day in ("2026-01-06", "2026-01-13", "2026-02-03"):
        _meet(store, gid, day, people[:7])
    today = dt.date(2026, 5, 1)
    jan = Period.months("2026-01", "2026-01")
    b1 = reports_export.build_report(
        store.db, (gid,), jan, threshold=5, scope_label="Circle", today=today
    )
    reports_export.export_csv(b1, tmp_path / "a.csv", store.db)
    (record,) = disclosure.export_log(store.db)
    assert record.scope == "Circle" and record.period_start == "2026-01-01"
    logged = {(c.metric, c.key): (c.state, c.value) for c in record.cells}
    assert logged[("attendances", "")] == ("shown", b1.table.cell("attendances").value)
    # Asking again gives the same table from the log, byte for byte.
    b2 = reports_export.build_report(
        store.db, (gid,), jan, threshold=5, scope_label="Circle", today=today
    )
    reports_export.export_csv(b2, tmp_path / "b.csv", store.db)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert len(disclosure.export_log(store.db)) == 2
    assert all(c.state is not CellState.SHOWN or c.value is not None for c in b2.table.cells)


def test_export_log_keeps_the_late_meetings_each_export_saw(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    gid, people = _people_group(store, 9)
    other = store.groups.add(Group(name="Other"))
    assert other.id is not None
    for day in ("2026-01-06", "2026-01-13", "2026-02-03"):
        _meet(store, gid, day, people[:7])
    today = dt.date(2026, 5, 1)
    q1 = Period.quarter(2026, 1)

    def export(name: str) -> disclosure.ExportRecord:
        bundle = reports_export.build_report(
            store.db, (gid,), q1, threshold=5, scope_label="Circle", today=today
        )
        reports_export.export_csv(bundle, tmp_path / name, store.db)
        return disclosure.export_log(store.db)[-1]

    assert export("a.csv").seen == ()
    late = store.meetings.start(gid, "2026-02-17", entered_after=True)
    assert late.id is not None
    store.meetings.end(late.id)
    # Another group's late meeting, and one after the period, are not this export's.
    for gid_, day in ((other.id, "2026-02-18"), (gid, "2026-04-07")):
        m = store.meetings.start(gid_, day, entered_after=True)
        assert m.id is not None
        store.meetings.end(m.id)
    (seen,) = export("b.csv").seen or ()
    assert (seen.meeting_id, seen.group_id, seen.day, seen.added) == (
        late.id, gid, "2026-02-17", True,
    )  # fmt: skip
    assert {c.meeting_id for c in disclosure.meeting_changes(store.db)} >= {late.id}


def test_export_log_reads_rows_logged_before_it_kept_late_meetings(store: Store) -> None:
    # A row as the log wrote it before: the cells column is the list of cells alone.
    with store.db.atomic():
        store.db.execute(
            "INSERT INTO export_log (exported_at, format, scope, group_ids, period_start,"
            " period_end, threshold, fingerprint, cells) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                "2026-04-01T10:00:00+00:00", "csv", "Circle", "[1]", "2026-01-01",
                "2026-03-31", 5, "f", '[["walk_ins","","fewer_than",null,""],'
                '["attendances","","shown",12,"adjusted"]]',
            ],
        )  # fmt: skip
    (record,) = disclosure.export_log(store.db)
    assert record.seen is None
    assert [(c.metric, c.state, c.value) for c in record.cells] == [
        ("walk_ins", "fewer_than", None),
        ("attendances", "shown", 12),
    ]
    (summary,) = disclosure.export_history(store.db)
    assert (summary.figures, summary.hidden, summary.scope) == (2, 1, "Circle")


def test_figures_changed_without_a_record_are_never_exported(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.storage.errors import InvalidInput

    gid, people = _people_group(store, 9)
    jan = [_meet(store, gid, d, people[:7]) for d in ("2026-01-06", "2026-01-13")]
    started = store.meetings.start(gid, "2026-02-03")
    assert started.id is not None
    feb = started.id
    for person in people[:7]:
        store.meetings.check_in(feb, person.pseudonym)
    store.meetings.change_safety_concerns(feb, 2)  # "fewer than 5" in every file
    store.meetings.end(feb)
    _meet(store, gid, "2026-03-03", people[:7])
    today = dt.date(2026, 5, 1)

    def build(period: Period) -> reports_export.ReportBundle:
        return reports_export.build_report(
            store.db, (gid,), period, threshold=5, scope_label="Circle", today=today
        )

    months = [Period.months(m, m) for m in ("2026-01", "2026-02", "2026-03")]
    for i, period in enumerate([*months, Period.quarter(2026, 1)]):
        reports_export.export_csv(build(period), tmp_path / f"{i}.csv", store.db)
    # A correction the vault records (walk-ins added to a closed January meeting): the
    # new January is checked against the old files, which saw January before it.
    store.meetings.change_walk_ins(jan[0], 25)
    fresh = build(months[0])
    assert not fresh.uncheckable and fresh.table.cell("walk_ins").state is CellState.SHOWN
    reports_export.export_csv(fresh, tmp_path / "jan.csv", store.db)
    # A change with no record of it (as figures arriving by sync could be): February's
    # safety concerns were "fewer than 5" in the old files and are 0 now, and nothing
    # explains it. (A change that contradicts no hidden figure is checked as if the old
    # files were today's: that can only hide more.)
    store.db.execute("UPDATE meetings SET safety_concerns = 0 WHERE id = ?", [feb])
    refused = build(months[1])  # the screen still gets its report
    assert refused.uncheckable
    logged = len(disclosure.export_log(store.db))
    with pytest.raises(InvalidInput, match="cannot be exported"):
        reports_export.export_csv(refused, tmp_path / "feb.csv", store.db)
    assert not (tmp_path / "feb.csv").exists()
    assert len(disclosure.export_log(store.db)) == logged
