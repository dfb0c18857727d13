"""A re-export whose audit finds more exposed cells in one round than it has counts left
to pick from (seen on about one key draw in 15 of the late-meeting test: "disclosure
audit: nothing left to hide", and the export failed). The figures are those of that
draw (an all-groups month after a late meeting, beside the two groups' earlier exports
of that month; counts of fictional demo people only; the cells keep the order the
export listed them in, which the greedy choice depends on). ``protect`` now hides what it
picked and audits again, and the result leaves nothing exposed."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from groupkeeper import disclosure_audit as audit
from groupkeeper.storage.disclosure import MeetingChange

CASE = Path(__file__).parent / "fixtures" / "audit_many_exposures_one_round.json"


def _change(row: list[Any]) -> MeetingChange:
    return MeetingChange(int(row[0]), int(row[1]), str(row[2]), str(row[3]), bool(row[4]))


def _published(data: dict[str, Any]) -> audit.Published:
    return audit.Published(
        tuple(data["scope"]),
        data["start"],
        data["end"],
        data["threshold"],
        {(m, k): (state, value) for m, k, state, value in data["cells"]},
        adjust=data["adjust"],
        seen=None if data["seen"] is None else frozenset(_change(r) for r in data["seen"]),
    )


def test_protect_hides_enough_when_one_round_runs_out_of_counts() -> None:
    case = json.loads(CASE.read_text(encoding="utf-8"))
    current = _published(case["current"])
    earlier = [_published(e) for e in case["earlier"]]
    history = audit.History(
        tuple(_change(r) for r in case["history"]["now"]), case["history"]["growing"]
    )
    hide, rounds = audit.protect(current, earlier, history=history)
    assert hide and rounds > 1
    cells = {
        ref: ((audit.SUPPRESSED, None) if ref in hide else cell)
        for ref, cell in current.cells.items()
    }
    tables = [*earlier, audit.Published(**{**vars(current), "cells": cells})]
    model = audit.build_model(tables, history)
    assert audit.audit(tables, touching=tables[-1], model=model) == []


def test_a_cell_given_away_by_earlier_exports_without_late_meetings_refuses(
    monkeypatch: Any,
) -> None:
    """With no meeting entered late or corrected, every earlier export was audited against
    the ones before it, so "given away by earlier exports" can only mean the audit missed
    something (the attacker test leaked on one random draw of keys exactly when this path
    fired). ``protect`` then refuses (``Infeasible``: the export says it cannot be made)
    instead of publishing beside the leak; with late meetings the path stays as it was."""
    case = json.loads(CASE.read_text(encoding="utf-8"))
    current = _published(case["current"])
    earlier = [_published(e) for e in case["earlier"]]
    late = audit.History(tuple(_change(r) for r in case["history"]["now"]), True)

    def everything_given_away(_earlier, _current, _history, cells):  # type: ignore[no-untyped-def]
        return set(cells)

    monkeypatch.setattr(audit, "_given_away", everything_given_away)
    same_figures = [replace(e, seen=None) for e in earlier]  # no late meeting anywhere
    with pytest.raises(audit.Infeasible):
        audit.protect(current, same_figures, history=audit.History())
    hide, _rounds = audit.protect(current, earlier, history=late)
    assert hide == set()  # the late-meeting path: nothing to chase


GIVEN_AWAY = Path(__file__).parent / "fixtures" / "audit_given_away_without_late_meetings.json"


def test_the_draw_where_earlier_exports_gave_a_cell_away_is_refused() -> None:
    """A real draw (random keys, the attacker test's 27 exports, no late meeting) where
    the all-groups quarter's audit found a cell the 13 earlier exports already expose.
    Known gap (README): one of those earlier audits let it through. Until that is found,
    this export is refused rather than written."""
    case = json.loads(GIVEN_AWAY.read_text(encoding="utf-8"))
    current = _published(case["current"])
    earlier = [_published(e) for e in case["earlier"]]
    assert case["history"]["now"] == []
    with pytest.raises(audit.Infeasible, match="already expose"):
        audit.protect(current, earlier, history=audit.History())
