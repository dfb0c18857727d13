"""Exporting one member's data for an access request: readable text and JSON, UTF-8."""

from __future__ import annotations

import json
from pathlib import Path

from groupkeeper.member_export import WORDS, format_text, write_export
from groupkeeper.model import Group, Member, MoodCheck, MoodRound, MoodScale
from groupkeeper.storage.repos import Store


def _member_with_history(store: Store) -> Member:
    g = store.groups.add(Group(name="Tuesday Circle"))
    m = store.members.add(
        Member(
            display_name="Zoë",
            full_name="Zoë Ó Súilleabháin",
            phone="0123 456",
            contact_consent=True,
            notes="first line\nsecond line",
            group_ids=[g.id or 0],
        )
    )
    other = store.members.add(Member(display_name="Other Person", group_ids=[g.id or 0]))
    mt = store.meetings.start(g.id or 0, "2026-11-24")
    for p in (m.pseudonym, other.pseudonym):
        store.meetings.check_in(mt.id or 0, p)
    store.moods.record(
        MoodCheck(
            mt.id or 0, MoodRound.OPENING, MoodScale.FIVE, 4, m.pseudonym, feeling_word="calm"
        )
    )
    store.moods.record(
        MoodCheck(mt.id or 0, MoodRound.CLOSING, MoodScale.FIVE, None, m.pseudonym, passed=True)
    )
    store.goals.set(m.pseudonym, "Walk to the park 🌳", mt.id)
    store.goals.set(other.pseudonym, "Someone else's goal", mt.id)
    skill = store.skills.skills()[0]
    store.skills.share(mt.id or 0, skill.id or 0, m.pseudonym)
    return m


def test_text_export_is_readable_and_complete(store: Store, tmp_path: Path) -> None:
    m = _member_with_history(store)
    out = write_export(store, m.id or 0, tmp_path / "zoe.txt", exported_on="2026-11-30")
    text = out.read_text(encoding="utf-8")
    assert "Exported on 2026-11-30" in text
    assert "Full name: Zoë Ó Súilleabháin" in text
    assert "Agreed to be contacted: yes" in text
    assert "    first line\n    second line" in text  # multi-line notes indented
    assert "2026-11-24  Tuesday Circle  present" in text
    assert "opening: 4 (1-5)  calm" in text
    assert "closing: passed" in text
    assert "Walk to the park 🌳" in text
    assert store.skills.skills()[0].name in text
    assert "== Consent records (2) ==" in text  # roster + contact
    # Nothing about anyone else.
    assert "Other Person" not in text and "Someone else" not in text


def test_json_export_round_trips(store: Store, tmp_path: Path) -> None:
    m = _member_with_history(store)
    out = write_export(
        store, m.id or 0, tmp_path / "zoe.json", exported_on="2026-11-30", as_json=True
    )
    raw = out.read_bytes()
    assert "Zoë".encode() in raw  # readable UTF-8, not \u escapes
    assert json.loads(raw) == store.members.export(m.id or 0)


def test_labels_are_translated() -> None:
    data = {
        "profile": {"display_name": "A", "contact_consent": False},
        "consents": [],
        "attendance": [],
        "moods": [],
        "goals": [],
        "skills_shared": [],
    }
    text = format_text(data, "2026-01-01", say=lambda s: s.upper())
    assert "NAME USED IN THE GROUP: A" in text
    assert "AGREED TO BE CONTACTED: NO" in text
    assert "== ATTENDANCE (0) ==\n-" in text


def test_every_word_the_export_translates_is_marked_for_translation(store: Store) -> None:
    """Each text handed to the translator is in WORDS (which tools/i18n.py gives lupdate),
    so a Spanish export has no English label left (a goal outcome and a proof included)."""
    from groupkeeper.model import GoalOutcome

    m = _member_with_history(store)
    goal = store.goals.for_pseudonym(m.pseudonym)[0]
    store.goals.review(goal.id or 0, GoalOutcome.NOT_YET, None)
    asked: list[str] = []
    data = store.members.export(m.id or 0)
    data["disclosures"] = [
        {"what": "attendance_proof", "period_start": "a", "period_end": "b", "made_at": "c"}
    ]
    format_text(data, "2026-11-30", say=lambda s: asked.append(s) or s)
    assert {"not_yet", "attendance_proof", "opening", "present", "roster"} <= set(asked)
    assert set(asked) <= set(WORDS), set(asked) - set(WORDS)


def test_spanish_export_words_are_translated(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QTranslator

    from groupkeeper.ui import resources

    path = resources.translation_file("es")
    translator = QTranslator()
    assert path is not None and translator.load(str(path))
    QCoreApplication.installTranslator(translator)
    try:
        words = {w: QCoreApplication.translate("MemberExport", w) for w in WORDS}
    finally:
        QCoreApplication.removeTranslator(translator)
    assert words["Personal data held by GroupKeeper"] == "Datos personales que guarda GroupKeeper"
    assert words["not_yet"] == "todavía no"
    assert all(words[w] != w for w in WORDS if w != "no")


def test_export_of_forgotten_member_text_is_not_possible(store: Store, tmp_path: Path) -> None:
    import pytest

    m = _member_with_history(store)
    store.members.forget(m.id or 0)
    with pytest.raises(KeyError):
        write_export(store, m.id or 0, tmp_path / "x.txt", exported_on="2026-11-30")
    assert not (tmp_path / "x.txt").exists()
