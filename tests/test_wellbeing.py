"""Wellbeing scales: published wording, scoring, languages, bundle loading, change since first."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from groupkeeper import wellbeing
from groupkeeper.storage.reporting import WellbeingFact


def test_who5_wording_and_scoring() -> None:
    scale = wellbeing.load_scale("who5")
    text = scale.text("en")
    assert text.items[0] == "I have felt cheerful and in good spirits"
    assert text.items[4] == "My daily life has been filled with things that interest me"
    assert text.responses[0] == (5, "All of the time")
    assert text.responses[-1] == (0, "At no time")
    assert any("Topp CW" in c for c in scale.citation)
    assert wellbeing.who5_raw([5, 4, 3, 2, 1]) == 15
    assert wellbeing.who5_percent([5, 4, 3, 2, 1]) == 60
    assert wellbeing.who5_percent([5, 5, 5, 5, 5]) == 100
    with pytest.raises(ValueError):
        wellbeing.who5_raw([6, 0, 0, 0, 0])
    with pytest.raises(ValueError):
        wellbeing.who5_raw([1, 2, 3])


def test_ons4_items_separate() -> None:
    text = wellbeing.load_scale("ons4").text("en")
    assert text.items[0] == "Overall, how satisfied are you with your life nowadays?"
    assert text.items[3].startswith("On a scale where 0 is 'not at all anxious'")
    assert wellbeing.measures("ons4", [6, 7, 5, 3]) == {
        "ons4_life_satisfaction": 6.0,
        "ons4_worthwhile": 7.0,
        "ons4_happiness": 5.0,
        "ons4_anxiety": 3.0,
    }
    with pytest.raises(ValueError):
        wellbeing.ons4_items([11, 0, 0, 0])


def test_scales_hidden_without_published_translation() -> None:
    assert [s.id for s in wellbeing.scales_for_language("en")] == ["who5", "ons4"]
    assert wellbeing.scales_for_language("es") == ()


def test_loader_finds_resources_in_a_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(wellbeing.resources_dir() / "scales", tmp_path / "resources" / "scales")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert wellbeing.resources_dir() == tmp_path / "resources"
    wellbeing.load_scale.cache_clear()
    try:
        assert wellbeing.load_scale("who5").item_count == 5
    finally:
        wellbeing.load_scale.cache_clear()


def _r(
    mid: int, date: str, p: str | None, answers: tuple[int, ...], scale: str = "who5"
) -> WellbeingFact:
    return WellbeingFact(mid, date, p, scale, answers)


def test_change_since_first_measure() -> None:
    responses = [
        _r(1, "2024-11-01", "A", (1, 1, 1, 1, 1)),  # 20, before the period
        _r(2, "2025-01-10", "A", (2, 2, 2, 2, 2)),  # 40
        _r(3, "2025-02-10", "A", (3, 3, 3, 2, 2)),  # 52 (latest in period)
        _r(2, "2025-01-10", "B", (4, 4, 4, 4, 4)),  # 80 first
        _r(3, "2025-02-10", "B", (3, 3, 3, 3, 3)),  # 60 -> -20
        _r(3, "2025-02-10", "C", (5, 5, 5, 5, 5)),  # only one measure: no change
        _r(3, "2025-02-10", None, (0, 0, 0, 0, 0)),  # anonymous: no change
        _r(4, "2025-05-01", "C", (0, 0, 0, 0, 0)),  # after the period
    ]
    result = wellbeing.change_since_first(responses, "2025-01-01", "2025-03-31")
    # A: 52 - 20 = 32; B: 60 - 80 = -20 -> mean 6 over 2 people.
    assert result == {"who5": wellbeing.Aggregate(6.0, 2)}
    means = wellbeing.period_means(responses, "2025-01-01", "2025-03-31")
    # In period: 40, 52, 80, 60, 100, 0 -> 332 / 6; people: A, B, C (+ anonymous at m3: 4).
    assert means["who5"].value == pytest.approx(332 / 6)
    assert means["who5"].n == 4
