"""Storage side of reports: fact loading (pseudonymous, all-history first-seen) and follow-up list.

``build_report_vault`` makes the small hand-built vault that ``test_metrics`` also uses;
every expected number in these tests is worked out by hand in comments.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from groupkeeper.storage import _sqlcipher, reporting, schema

TS = "2024-01-01T00:00:00Z"


def _open(path: Path) -> _sqlcipher.Database:
    c = _sqlcipher.connect(str(path))
    c.execute("PRAGMA key = \"x'" + "11" * 32 + "'\"")
    db = _sqlcipher.Database(c)
    schema.migrate(db)
    return db


def _skill_id(db: _sqlcipher.Database, name: str) -> int:
    return int(db.execute("SELECT id FROM skills WHERE name = ?", [name]).fetchone()[0])


def build_report_vault(db: _sqlcipher.Database) -> None:
    """Group 1, period 2025-01..2025-03. See test_metrics for the hand-worked figures."""
    db["groups"].insert({"id": 1, "name": "Tuesday Circle", "created_at": TS})
    db["groups"].insert({"id": 2, "name": "Other", "created_at": TS})
    meetings = [
        # id, group, date, state, walk_ins, safety
        (10, 1, "2024-12-10", "closed", 0, 0),
        (1, 1, "2025-01-07", "closed", 2, 1),
        (2, 1, "2025-01-14", "closed", 0, 0),
        (3, 1, "2025-02-04", "closed", 1, 2),
        (4, 1, "2025-03-25", "closed", 0, 0),
        (5, 1, "2025-03-31", "open", 5, 4),  # still open: ignored by metrics
        (6, 1, "2025-04-01", "closed", 0, 0),  # after the period
        (20, 2, "2025-01-08", "closed", 9, 9),  # another group
    ]
    for mid, gid, date, state, walk, safety in meetings:
        db["meetings"].insert(
            {
                "id": mid,
                "group_id": gid,
                "date": date,
                "state": state,
                "walk_ins": walk,
                "safety_concerns": safety,
            }
        )
    for p in "ABCDEFGHIJKLZ":
        db["pseudonyms"].insert({"pseudonym": p})
    attendance = {
        10: "A",
        1: "ABC",
        2: "BC",
        3: "ABE",
        4: "BCD",
        5: "E",
        6: "E",
        20: "Z",
    }
    for mid, people in attendance.items():
        for p in people:
            db["attendance"].insert(
                {"meeting_id": mid, "pseudonym": p, "status": "present", "recorded_at": TS}
            )
    for mid, p in ((1, "D"), (3, "H")):
        db["attendance"].insert(
            {"meeting_id": mid, "pseudonym": p, "status": "apologies", "recorded_at": TS}
        )
    moods = [
        # meeting, round, scale, score, pseudonym
        (1, "opening", "1-5", 4, "A"),
        (1, "opening", "1-5", 2, "B"),
        (1, "opening", "1-5", None, "C"),  # pass
        (1, "closing", "1-5", 5, "A"),
        (1, "closing", "1-5", 2, "B"),
        (2, "opening", "1-5", 3, "B"),
        (2, "opening", "1-5", 5, "C"),
        (3, "opening", "0-10", 7, "A"),
        (3, "opening", "0-10", 5, "B"),
        (4, "opening", "1-5", 4, "B"),
        (4, "opening", "1-5", 4, "C"),
        (4, "opening", "1-5", 2, "D"),
        (4, "closing", "1-5", 5, "B"),
        (4, "closing", "1-5", 3, "C"),
        (4, "closing", "1-5", None, "D"),  # pass
        (5, "opening", "1-5", 1, "E"),  # open meeting: ignored
    ]
    for mid, rnd, scale, score, p in moods:
        db["mood_checks"].insert(
            {
                "meeting_id": mid,
                "round": rnd,
                "scale": scale,
                "score": score,
                "pseudonym": p,
                "passed": int(score is None),
                "recorded_at": TS,
            }
        )
    crafts = db["skill_categories"].insert({"name": "Crafts", "builtin": 0}).last_pk
    body = int(
        db.execute("SELECT id FROM skill_categories WHERE name = 'Body and breath'").fetchone()[0]
    )
    knitting = db["skills"].insert({"name": "Knitting", "category_id": crafts}).last_pk
    humming = db["skills"].insert({"name": "Humming", "category_id": body}).last_pk
    box = _skill_id(db, "Box breathing")
    walk = _skill_id(db, "A short walk")
    for mid, sid in ((1, box), (1, box), (2, walk), (3, knitting), (4, humming), (5, box)):
        db["skill_shares"].insert({"meeting_id": mid, "skill_id": sid, "recorded_at": TS})
    goals = [
        # pseudonym, set, reviewed, outcome
        ("A", 1, 2, "done"),
        ("B", 1, 3, "partly"),
        ("C", 2, 4, "not_yet"),
        ("B", 3, 4, "dropped"),
        ("C", 4, None, None),
        ("A", 10, 1, "done"),
        ("E", 3, 6, "done"),
    ]
    for p, set_m, rev_m, outcome in goals:
        db["goals"].insert(
            {
                "pseudonym": p,
                "text": "PLANTED goal text",
                "set_meeting_id": set_m,
                "reviewed_meeting_id": rev_m,
                "outcome": outcome,
                "created_at": TS,
            }
        )
    wellbeing = [
        (10, "who5", [2, 2, 2, 2, 2], "A"),
        (3, "who5", [3, 3, 3, 3, 3], "A"),
        (4, "who5", [4, 3, 3, 3, 3], "A"),
        (1, "who5", [1, 1, 1, 1, 1], "B"),
        (4, "who5", [2, 2, 2, 2, 2], "B"),
        (4, "who5", [5, 5, 5, 5, 5], "C"),
        (4, "ons4", [6, 7, 5, 3], "D"),
        (6, "who5", [0, 0, 0, 0, 0], "A"),  # after the period
    ]
    for mid, scale, answers, p in wellbeing:
        db["wellbeing_responses"].insert(
            {
                "meeting_id": mid,
                "scale": scale,
                "answers": json.dumps(answers),
                "pseudonym": p,
                "recorded_at": TS,
            }
        )


@pytest.fixture
def report_db(tmp_path: Path) -> Iterator[_sqlcipher.Database]:
    db = _open(tmp_path / "t.db")
    build_report_vault(db)
    yield db
    db.close()


def test_facts_cover_period_and_chosen_groups_only(report_db: _sqlcipher.Database) -> None:
    facts = reporting.load_facts(report_db, [1], "2025-01-01", "2025-03-31")
    # Meetings 1..5 are dated in the period (5 is open; metrics drop it later).
    assert [m.id for m in facts.meetings] == [1, 2, 3, 4, 5]
    assert facts.group_ids == (1,)
    assert all(a.meeting_id in {1, 2, 3, 4, 5} for a in facts.attendance)
    # 3 + 2 + 3 + 3 + 1 present, plus 2 apologies.
    assert len(facts.attendance) == 14
    # A's first attendance was in December: from all history, not the period.
    assert facts.first_seen == {
        "A": "2024-12-10",
        "B": "2025-01-07",
        "C": "2025-01-07",
        "D": "2025-03-25",
        "E": "2025-02-04",
    }
    assert "Z" not in facts.first_seen  # group 2 only
    box = [s for s in facts.skill_shares if s.skill_name == "Box breathing"]
    assert len(box) == 3 and all(s.builtin and s.category_builtin for s in box)
    knit = next(s for s in facts.skill_shares if s.skill_name == "Knitting")
    assert (knit.builtin, knit.category_builtin, knit.category_name) == (False, False, "Crafts")
    # Goals set or reviewed at a period meeting: all but none (g6 reviewed at m1, g7 set at m3).
    assert len(facts.goals) == 7
    # Wellbeing from all history up to the period end (December's, not April's).
    assert sorted(w.meeting_id for w in facts.wellbeing) == [1, 3, 4, 4, 4, 4, 10]


def test_facts_for_all_groups(report_db: _sqlcipher.Database) -> None:
    facts = reporting.load_facts(report_db, None, "2025-01-01", "2025-01-31")
    assert [m.id for m in facts.meetings] == [1, 20, 2]  # by date
    assert facts.group_ids == (1, 2)
    assert facts.first_seen["Z"] == "2025-01-08"


def test_facts_hold_no_names_or_free_text(report_db: _sqlcipher.Database) -> None:
    facts = reporting.load_facts(report_db, [1], "2025-01-01", "2025-03-31")
    assert "PLANTED" not in repr(facts)  # goal texts are never loaded for reports


def _member(
    db: _sqlcipher.Database,
    p: str,
    name: str,
    consent: int,
    group: int = 1,
    active: int = 1,
    joined: str = "",
) -> None:
    mid = (
        db["members"]
        .insert(
            {
                "pseudonym": p,
                "display_name": name,
                "contact_consent": consent,
                "active": active,
                "joined_on": joined,
                "created_at": TS,
                "updated_at": TS,
            }
        )
        .last_pk
    )
    db["group_members"].insert({"group_id": group, "member_id": mid})


def test_follow_up_list(report_db: _sqlcipher.Database) -> None:
    for p in "ABCDE":
        _member(report_db, p, f"Present {p}", 1)
    _member(report_db, "F", "Fran", 1)  # never came: listed
    _member(report_db, "G", "Gil", 0)  # no contact consent: not listed
    _member(report_db, "H", "Hana", 1)  # apologies at meeting 3: listed separately
    _member(report_db, "I", "Ivo", 1, active=0)  # inactive: not listed
    _member(report_db, "J", "Jo", 1, group=2)  # other group: not listed
    _member(report_db, "K", "Kit", 1, joined="2025-03-01")  # joined after meeting 2
    # Last three closed meetings on or before 31 March: 4, 3, 2 (5 is open).
    result = reporting.follow_up_list(report_db, 1, "2025-03-31")
    assert [p.display_name for p in result.missed] == ["Fran"]
    assert [p.display_name for p in result.sent_apologies] == ["Hana"]
    # On 10 January only two closed meetings exist (10 and 1): nobody is listed yet.
    early = reporting.follow_up_list(report_db, 1, "2025-01-10")
    assert early.missed == () and early.sent_apologies == ()


def test_storage_module_imports_no_qt() -> None:
    code = (
        "import sys, groupkeeper.storage.reporting, groupkeeper.metrics,"
        " groupkeeper.suppression, groupkeeper.export_csv, groupkeeper.wellbeing;"
        " assert 'PySide6' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
