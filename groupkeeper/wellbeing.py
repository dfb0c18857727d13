"""Periodic wellbeing measures (WHO-5, ONS4): scale texts, scoring, change since first measure.

Scale wording, response labels, scoring rules and citations are *data*
(``resources/scales/<id>.json``), shown exactly as published and never run through the
``.ts`` translation pipeline. A scale is offered in a language only when its file holds a
published translation for that language (``available_in``); both shipped scales are
English-only for now.

Scores here are validated outcome measures. The weekly 1-5 / 0-10 mood rating is *not*:
reports attach the note ``MOOD_CHECK_NOTE_ID`` wherever mood figures appear.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from groupkeeper import paths

SCALE_IDS = ("who5", "ons4")

# Text id the UI translates: "The weekly mood rating is a check-in, not a validated outcome."
MOOD_CHECK_NOTE_ID = "note_mood_check_not_validated"


def resources_dir() -> Path:
    """The ``resources`` folder, from a source checkout or a PyInstaller bundle."""
    return paths.resources_root()


@dataclass(frozen=True)
class ScaleText:
    title: str
    instructions: str
    stem: str
    items: tuple[str, ...]
    responses: tuple[tuple[int, str], ...]  # (value, label) exactly as published


@dataclass(frozen=True)
class Scale:
    id: str
    name: str
    item_min: int
    item_max: int
    method: str  # "sum_times" (WHO-5) | "separate_items" (ONS4)
    multiplier: int
    texts: dict[str, ScaleText]  # language code -> published wording
    citation: tuple[str, ...]
    licence: str

    @property
    def item_count(self) -> int:
        return len(next(iter(self.texts.values())).items)

    def available_in(self, language: str) -> bool:
        """True when a published translation exists for ``language`` ("es", "en"...)."""
        return language in self.texts

    def text(self, language: str) -> ScaleText:
        """The published wording in ``language``; ``KeyError`` if none was published."""
        return self.texts[language]


@cache
def load_scale(scale_id: str) -> Scale:
    """Load a scale definition from ``resources/scales``.

    Raises:
        KeyError: ``scale_id`` is not a shipped scale.
    """
    if scale_id not in SCALE_IDS:
        raise KeyError(scale_id)
    path = resources_dir() / "scales" / f"{scale_id}.json"
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    texts = {
        lang: ScaleText(
            title=str(t["title"]),
            instructions=str(t["instructions"]),
            stem=str(t.get("stem", "")),
            items=tuple(str(i) for i in t["items"]),
            responses=tuple((int(r["value"]), str(r["label"])) for r in t["responses"]),
        )
        for lang, t in raw["languages"].items()
    }
    scoring = raw["scoring"]
    return Scale(
        id=str(raw["id"]),
        name=str(raw["name"]),
        item_min=int(raw["item_min"]),
        item_max=int(raw["item_max"]),
        method=str(scoring["method"]),
        multiplier=int(scoring.get("multiplier", 1)),
        texts=texts,
        citation=tuple(str(c) for c in raw["citation"]),
        licence=str(raw["licence"]),
    )


def scales_for_language(language: str) -> tuple[Scale, ...]:
    """Scales that may be offered in ``language`` (those with a published translation)."""
    return tuple(s for s in map(load_scale, SCALE_IDS) if s.available_in(language))


def validate_answers(scale_id: str, answers: Sequence[int]) -> None:
    """Raise ``ValueError`` unless ``answers`` is a complete, in-range response."""
    scale = load_scale(scale_id)
    if len(answers) != scale.item_count:
        raise ValueError(f"{scale_id} needs {scale.item_count} answers")
    for a in answers:
        if not isinstance(a, int) or not scale.item_min <= a <= scale.item_max:
            raise ValueError(f"{scale_id} answers must be {scale.item_min}..{scale.item_max}")


def who5_raw(answers: Sequence[int]) -> int:
    """WHO-5 raw score: the sum of the five items (0-25)."""
    validate_answers("who5", answers)
    return sum(answers)


def who5_percent(answers: Sequence[int]) -> int:
    """WHO-5 percentage score: raw score x 4 (0-100; higher is better)."""
    return who5_raw(answers) * 4


def ons4_items(answers: Sequence[int]) -> tuple[int, int, int, int]:
    """ONS4: the four answers, reported separately and never summed.

    Order: life satisfaction, worthwhile, happiness, anxiety (lower anxiety is better).
    """
    validate_answers("ons4", answers)
    return (answers[0], answers[1], answers[2], answers[3])


def measures(scale_id: str, answers: Sequence[int]) -> dict[str, float]:
    """The reported measures of one response, keyed by measure id.

    WHO-5 gives ``{"who5": percent}``; ONS4 gives one entry per question
    (``ons4_life_satisfaction``, ``ons4_worthwhile``, ``ons4_happiness``, ``ons4_anxiety``).
    """
    if scale_id == "who5":
        return {"who5": float(who5_percent(answers))}
    if scale_id == "ons4":
        items = ons4_items(answers)
        return {f"ons4_{name}": float(v) for name, v in zip(ONS4_ITEM_IDS, items, strict=True)}
    raise KeyError(scale_id)


ONS4_ITEM_IDS = ("life_satisfaction", "worthwhile", "happiness", "anxiety")
MEASURE_IDS = ("who5",) + tuple(f"ons4_{i}" for i in ONS4_ITEM_IDS)


class _Response(Protocol):
    @property
    def date(self) -> str: ...
    @property
    def pseudonym(self) -> str | None: ...
    @property
    def scale(self) -> str: ...
    @property
    def answers(self) -> tuple[int, ...]: ...
    @property
    def meeting_id(self) -> int: ...


@dataclass(frozen=True)
class Aggregate:
    """A mean over ``n`` contributors (``value`` None when ``n`` is 0)."""

    value: float | None
    n: int


def change_since_first(
    responses: Iterable[_Response], start: str, end: str
) -> dict[str, Aggregate]:
    """Mean change since first measure, per measure id.

    For each pseudonym and measure: the *first* response ever (responses may reach back
    before the period) and the *latest* response dated within ``start``..``end``; when the
    latest is later than the first, its change is latest minus first. The result is the
    mean of those per-person changes and ``n`` the number of people. Anonymous (tally-only)
    responses have no person and are left out: they give distributions only.
    """
    firsts: dict[tuple[str, str], tuple[str, float]] = {}
    lasts: dict[tuple[str, str], tuple[str, float]] = {}
    for r in sorted(responses, key=lambda r: (r.date, r.meeting_id)):
        if r.pseudonym is None or r.scale not in SCALE_IDS:
            continue
        for mid, value in measures(r.scale, r.answers).items():
            key = (mid, r.pseudonym)
            firsts.setdefault(key, (r.date, value))
            if start <= r.date <= end:
                lasts[key] = (r.date, value)
    changes: dict[str, list[float]] = {}
    for key, (last_date, last_value) in lasts.items():
        first_date, first_value = firsts[key]
        if last_date > first_date:
            changes.setdefault(key[0], []).append(last_value - first_value)
    return {mid: Aggregate(statistics.fmean(vals), len(vals)) for mid, vals in changes.items()}


def period_means(responses: Iterable[_Response], start: str, end: str) -> dict[str, Aggregate]:
    """Mean of every response within ``start``..``end``, per measure id.

    ``n`` is a lower bound on distinct people: the larger of the number of distinct
    pseudonyms and the most responses at a single meeting (anonymous responses cannot be
    told apart across meetings).
    """
    values: dict[str, list[float]] = {}
    people: dict[str, set[str]] = {}
    per_meeting: dict[tuple[str, int], int] = {}
    for r in responses:
        if not start <= r.date <= end or r.scale not in SCALE_IDS:
            continue
        for mid, value in measures(r.scale, r.answers).items():
            values.setdefault(mid, []).append(value)
            if r.pseudonym is not None:
                people.setdefault(mid, set()).add(r.pseudonym)
            per_meeting[(mid, r.meeting_id)] = per_meeting.get((mid, r.meeting_id), 0) + 1
    result: dict[str, Aggregate] = {}
    for mid, vals in values.items():
        busiest = max(c for (m, _), c in per_meeting.items() if m == mid)
        result[mid] = Aggregate(statistics.fmean(vals), max(len(people.get(mid, ())), busiest))
    return result
