"""Demo data: plausible, fictional, repeatable, and written only through storage."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from groupkeeper import demo
from groupkeeper.model import AttendanceStatus, GoalOutcome, MoodRound
from groupkeeper.storage import _sqlcipher, schema
from groupkeeper.storage.repos import Store

TODAY = date(2026, 11, 20)


def _fresh_store(folder: Path) -> Store:
    folder.mkdir()
    conn = _sqlcipher.connect(str(folder / "t.db"))
    conn.execute("PRAGMA key = \"x'" + "22" * 32 + "'\"")
    db = _sqlcipher.Database(conn)
    schema.migrate(db)
    return Store(db, folder)


def _fingerprint(store: Store) -> list[object]:
    rows: list[object] = []
    for m in store.members.all():
        rows.append((m.pseudonym, m.display_name, m.full_name, m.phone, m.email, m.joined_on))
    for meeting in store.meetings.recent():
        assert meeting.id is not None
        rows.append((meeting.date, meeting.walk_ins, meeting.safety_concerns))
        rows.extend((a.pseudonym, a.status.value) for a in store.meetings.attendance(meeting.id))
        rows.extend(
            (c.pseudonym, c.score, c.round.value) for c in store.moods.for_meeting(meeting.id)
        )
    return rows


def test_small_demo_is_plausible(store: Store) -> None:
    summary = demo.generate(store, today=TODAY)
    groups = store.groups.all()
    assert len(groups) == summary.groups == 2
    assert {g.template for g in groups} == {"weekly", "check_in_work_check_out"}
    for group in groups:
        assert "(demo)" in group.agreements and "(demo)" in group.crisis_resources
        assert "(demo)" in group.escalation_steps and "(demo)" in group.name
        meetings = store.meetings.recent(group.id)
        # A year of weekly meetings, minus a holiday week or two; all closed, all in the past.
        assert 45 <= len(meetings) <= 52
        assert all(m.state.value == "closed" and m.date < TODAY.isoformat() for m in meetings)
        assert store.meetings.open_meeting(group.id) is None
    assert len(store.members.all()) == 40

    attendance = [
        a
        for m in store.meetings.recent()
        if m.id is not None
        for a in store.meetings.attendance(m.id)
    ]
    present = [a for a in attendance if a.status is AttendanceStatus.PRESENT]
    assert len(present) == summary.attendances
    per_meeting = len(present) / summary.meetings
    assert 5 <= per_meeting <= 20
    # Churn: newcomers through the year, and people who stop coming.
    first_seen = {}
    last_seen = {}
    for m in sorted(store.meetings.recent(), key=lambda m: m.date):
        assert m.id is not None
        for p in store.meetings.present(m.id):
            first_seen.setdefault(p, m.date)
            last_seen[p] = m.date
    assert len(set(first_seen.values())) > 3
    assert any(d < "2026-08-01" for d in last_seen.values())
    assert any(a.status is AttendanceStatus.APOLOGIES for a in attendance)
    assert sum(1 for a in present if a.is_new) == len(first_seen)

    moods = [c for m in store.meetings.recent() if m.id for c in store.moods.for_meeting(m.id)]
    assert any(c.passed for c in moods)
    assert {c.round for c in moods} == {MoodRound.OPENING, MoodRound.CLOSING}
    assert {c.scale.value for c in moods} == {"1-5", "0-10"}
    assert all(c.passed or c.scale.low <= (c.score or 0) <= c.scale.high for c in moods)

    outcomes = Counter(
        g.outcome for p in first_seen for g in store.goals.for_pseudonym(p) if g.outcome
    )
    assert set(outcomes) == set(GoalOutcome)
    assert outcomes[GoalOutcome.DONE] > outcomes[GoalOutcome.DROPPED]
    own = [s for s in store.skills.skills() if not s.builtin]
    assert {s.name for s in own} == {name for name, _ in demo.GROUP_ADDED_SKILLS}
    assert summary.skill_shares > 0 and summary.safety_concerns >= 0


def test_only_fictional_contact_details(store: Store) -> None:
    demo.generate(store, members=300, groups=3, years=1, today=TODAY)
    members = store.members.all()
    assert any(m.phone for m in members)
    for m in members:
        assert m.phone == "" or re.fullmatch(r"01632 960\d{3}", m.phone)
        assert m.email == "" or m.email.endswith("@example.org")
        assert m.notes in ("", "(demo note)")
        assert m.emergency_contact == "" or "(demo)" in m.emergency_contact
    notes = store.safety.notes()
    assert all(n.text == "(demo note)" for n in notes)


def test_same_seed_same_data(tmp_path: Path) -> None:
    a, b, c = (_fresh_store(tmp_path / name) for name in "abc")
    try:
        demo.generate(a, members=60, groups=3, seed=7, today=TODAY)
        demo.generate(b, members=60, groups=3, seed=7, today=TODAY)
        demo.generate(c, members=60, groups=3, seed=8, today=TODAY)
        assert _fingerprint(a) == _fingerprint(b)
        assert _fingerprint(a) != _fingerprint(c)
    finally:
        for s in (a, b, c):
            s.db.close()


def test_tally_only_group_has_no_pseudonyms_in_moods(store: Store) -> None:
    demo.generate(store, members=120, groups=6, today=TODAY)
    tally = [g for g in store.groups.all() if g.tally_only_moods]
    assert len(tally) == 1
    moods = [
        c for m in store.meetings.recent(tally[0].id) if m.id for c in store.moods.for_meeting(m.id)
    ]
    assert moods and all(c.pseudonym is None and c.feeling_word == "" for c in moods)


@pytest.mark.parametrize(
    ("members", "groups", "years"), [(0, 1, 1), (10_001, 2, 1), (40, 21, 1), (40, 2, 6), (3, 4, 1)]
)
def test_sizes_out_of_range_are_refused(
    store: Store, members: int, groups: int, years: int
) -> None:
    with pytest.raises(ValueError):
        demo.generate(store, members=members, groups=groups, years=years)
    assert store.members.all() == []


def test_failure_midway_writes_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(demo, "_mood_value", broken)
    with pytest.raises(RuntimeError):
        demo.generate(store, today=TODAY)
    assert store.members.all() == [] and store.groups.all() == []


def test_make_demo_vault_opens_with_the_demo_passphrase(tmp_path: Path) -> None:
    from groupkeeper.storage.vault import Vault

    folder = demo.make_demo_vault(tmp_path / "v", members=30, groups=2, years=1)
    with Vault.unlock(folder, demo.DEMO_PASSPHRASE) as vault:
        assert vault.check() == []
        assert len(Store(vault.db, folder).members.all()) == 30


def test_demo_module_holds_no_sql() -> None:
    source = Path(demo.__file__).read_text(encoding="utf-8")
    assert not re.search(r"\b(SELECT|INSERT|UPDATE|DELETE)\b", source)
    assert "execute(" not in source and ".db." not in source
