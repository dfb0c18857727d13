"""Every report metric against the hand-built vault of ``test_reporting_storage``.

Fixture, group 1, period 2025-01..2025-03 (closed meetings 1-4; 5 is open, 6 is April):
  m1 07 Jan: A B C present, D apologies, 2 walk-ins, 1 safety concern
  m2 14 Jan: B C
  m3 04 Feb: A B E, 1 walk-in, 2 safety concerns
  m4 25 Mar: B C D
  A first came on 10 Dec 2024 (returning); B, C, D, E are new in the period.
All expected values below are worked out by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_reporting_storage import _open, build_report_vault

from groupkeeper import metrics
from groupkeeper.metrics import Period
from groupkeeper.storage import _sqlcipher, reporting


@pytest.fixture
def report(tmp_path: Path) -> Iterator[metrics.Report]:
    db: _sqlcipher.Database = _open(tmp_path / "t.db")
    build_report_vault(db)
    facts = reporting.load_facts(db, [1], "2025-01-01", "2025-03-31")
    db.close()
    yield metrics.compute(facts)


def v(report: metrics.Report, metric: str, key: str = "") -> float | None:
    return report.get(metric, key).value


def test_period_helpers() -> None:
    p = Period.months("2024-11", "2025-02")
    assert (p.first_day, p.last_day, p.label) == ("2024-11-01", "2025-02-28", "2024-11..2025-02")
    assert p.month_keys() == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert Period.quarter(2024, 1).last_day == "2024-03-31"
    assert Period.year(2024).last_day == "2024-12-31"
    assert Period.last_full_quarter(dt.date(2025, 2, 10)) == Period.quarter(2024, 4)
    assert Period.last_full_quarter(dt.date(2025, 7, 1)) == Period.quarter(2025, 2)
    with pytest.raises(ValueError):
        Period.months("2025-03", "2025-01")


def test_meetings_and_attendance(report: metrics.Report) -> None:
    assert v(report, "meetings_held") == 4
    # Present 3 + 2 + 3 + 3 = 11, walk-ins 2 + 1 = 3.
    assert v(report, "attendances") == 14
    assert v(report, "walk_ins") == 3
    assert v(report, "attendances_new") == 4  # B, C, D, E first time
    assert v(report, "attendances_returning") == 7
    # Meeting sizes 5, 2, 4, 3: mean 14 / 4, median (3 + 4) / 2.
    assert v(report, "mean_attendance") == 3.5
    assert v(report, "median_attendance") == 3.5
    # People behind it: 5 members + at most 2 walk-ins at one meeting.
    assert report.get("mean_attendance").n == 7


def test_members_and_sessions(report: metrics.Report) -> None:
    assert v(report, "unique_attendees") == 5
    assert v(report, "new_members") == 4
    assert v(report, "returning_members") == 1
    # Sessions: A 2, B 4, C 3, D 1, E 1.
    assert v(report, "sessions_mean") == pytest.approx(2.2)
    assert v(report, "sessions_median") == 2
    assert [v(report, "sessions_bucket", b) for b in ("1", "2-3", "4-7", "8+")] == [2, 2, 1, 0]


def test_retention(report: metrics.Report) -> None:
    # 4 weeks: B (to 4 Feb) and C came back on 14 Jan; E (to 4 Mar) did not. D too recent.
    assert v(report, "retention", "4") == pytest.approx(200 / 3)
    assert report.get("retention", "4").n == 3
    # 8 weeks: only B and C have a window ending by 31 March; both came back.
    assert v(report, "retention", "8") == 100.0
    assert report.get("retention", "8").n == 2
    # 12 weeks: B's and C's windows end 1 April, after the period: nobody eligible.
    assert v(report, "retention", "12") is None
    assert report.get("retention", "12").n == 0


def test_retention_respects_today(tmp_path: Path) -> None:
    db = _open(tmp_path / "t.db")
    build_report_vault(db)
    facts = reporting.load_facts(db, [1], "2025-01-01", "2025-03-31")
    db.close()
    early = metrics.compute(facts, today="2025-02-20")
    # Only B and C (windows end 4 Feb) are eligible by 20 Feb; both returned.
    assert early.get("retention", "4").n == 2
    assert early.get("retention", "4").value == 100.0


def test_mood(report: metrics.Report) -> None:
    # 1-5 meeting means: m1 (4+2)/2 = 3, m2 (3+5)/2 = 4, m4 (4+4+2)/3 = 10/3.
    assert v(report, "mood_opening_mean", "1-5") == pytest.approx((3 + 4 + 10 / 3) / 3)
    assert report.get("mood_opening_mean", "1-5").n == 4  # A, B, C, D
    assert v(report, "mood_opening_month", "1-5|2025-01") == 3.5
    assert v(report, "mood_opening_month", "1-5|2025-03") == pytest.approx(10 / 3)
    # Least squares through (0, 3.5) and (2, 10/3): (10/3 - 3.5) / 2 = -1/12 per month.
    assert v(report, "mood_opening_slope", "1-5") == pytest.approx(-1 / 12)
    # Closing - opening: A +1, B 0 (m1); B +1, C -1 (m4) -> 1/4; people A, B, C.
    assert v(report, "mood_change_mean", "1-5") == 0.25
    assert report.get("mood_change_mean", "1-5").n == 3
    # 0-10 kept apart: m3 (7+5)/2 = 6, a single month gives no slope, no closing round.
    assert v(report, "mood_opening_mean", "0-10") == 6
    assert v(report, "mood_opening_month", "0-10|2025-02") == 6
    assert v(report, "mood_opening_slope", "0-10") is None
    assert v(report, "mood_change_mean", "0-10") is None
    assert v(report, "mood_passes") == 2  # C at m1 opening, D at m4 closing
    assert "note_mood_check_not_validated" in report.notes


def test_skills(report: metrics.Report) -> None:
    # Box breathing x2 + Humming (group-added skill, starter category) = 3; A short walk 1;
    # Knitting in the group-added category "Crafts" = 1. The open meeting's share is ignored.
    assert v(report, "skills_shared") == 5
    assert v(report, "skills_by_category", "Body and breath") == 3
    assert v(report, "skills_by_category", "Movement and body care") == 1
    assert v(report, "skills_by_category", metrics.OTHER_CATEGORY) == 1
    assert not [x for x in report.find("skills_by_category") if x.key == "Crafts"]
    top = report.find("top_skill")
    assert [(t.key, t.value, t.private_key) for t in top] == [
        ("Box breathing", 2, False),
        ("A short walk", 1, False),
        ("Humming", 1, True),
        ("Knitting", 1, True),
    ]


def test_goals_and_safety(report: metrics.Report) -> None:
    # Set at m1, m1, m2, m3, m4, m3 (the one reviewed in April) = 6.
    assert v(report, "goals_set") == 6
    # Reviewed at m1 (done, set in December), m2 done, m3 partly, m4 not yet + dropped.
    assert v(report, "goals_reviewed") == 5
    outcomes = [v(report, "goals_outcome", o) for o in ("done", "partly", "not_yet", "dropped")]
    assert outcomes == [2, 1, 1, 1]
    assert v(report, "safety_concerns") == 3  # 1 + 2; the open meeting's 4 are not counted


def test_wellbeing(report: metrics.Report) -> None:
    # In-period WHO-5: A 60, 64; B 20, 40; C 100 -> 284 / 5; people A, B, C.
    assert v(report, "wellbeing_mean", "who5") == pytest.approx(56.8)
    assert report.get("wellbeing_mean", "who5").n == 3
    # Change since first: A 64 - 40 (December) = 24, B 40 - 20 = 20 -> 22 over 2 people.
    assert v(report, "wellbeing_change", "who5") == 22
    assert report.get("wellbeing_change", "who5").n == 2
    # ONS4: one response from D, items reported separately, never summed.
    assert v(report, "wellbeing_mean", "ons4_life_satisfaction") == 6
    assert v(report, "wellbeing_mean", "ons4_anxiety") == 3
    assert not report.find("wellbeing_change") or all(
        x.key == "who5" for x in report.find("wellbeing_change")
    )


def test_every_metric_is_defined(report: metrics.Report) -> None:
    assert {x.metric for x in report.values} <= set(metrics.DEFINITIONS)
    for rel in report.relations:
        total = v(report, *rel.total)
        assert total == sum(v(report, *p) or 0 for p in rel.parts)


def test_empty_period(tmp_path: Path) -> None:
    db = _open(tmp_path / "t.db")
    build_report_vault(db)
    facts = reporting.load_facts(db, [1], "2023-01-01", "2023-12-31")
    db.close()
    r = metrics.compute(facts)
    assert v(r, "meetings_held") == 0
    assert v(r, "mean_attendance") is None
    assert v(r, "sessions_mean") is None
    assert r.find("mood_opening_mean") == ()
