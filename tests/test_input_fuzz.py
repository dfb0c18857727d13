"""Bad input fuzz (hypothesis): whatever is typed or imported is stored and read back exactly,
or refused with a ``KnownError`` the UI words for the user - never another exception.

Covers member fields, CSV imports (``parse_csv`` then ``import_members``), goal text, skill
and category names, feeling words, safety notes, vault settings (``store.settings``) and the
app's settings file (``groupkeeper.settings``). ``max_examples`` is modest so the module
runs in seconds; the text strategies include control characters, NULs, combining marks,
right-to-left text and astral characters (hypothesis' default alphabet, which excludes lone
surrogates - Qt never hands those to Python; a separate test pins what happens then).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from groupkeeper import csv_import
from groupkeeper.model import Group, Member, MoodCheck, MoodRound
from groupkeeper.settings import DEFAULTS, Settings
from groupkeeper.storage import _sqlcipher, schema
from groupkeeper.storage.errors import InvalidInput, KnownError
from groupkeeper.storage.repos import VAULT_SETTING_DEFAULTS, Store

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
TEXT = st.text(max_size=300)
SHORT = st.text(max_size=40)
MEMBER_TEXT_FIELDS = (
    "display_name",
    "full_name",
    "pronouns",
    "phone",
    "email",
    "emergency_contact",
    "notes",
)


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One migrated vault database for the whole module (a raw key: no KDF needed)."""
    folder = tmp_path_factory.mktemp("fuzz-store")
    conn = _sqlcipher.connect(str(folder / "t.db"))
    conn.execute("PRAGMA key = \"x'" + "22" * 32 + "'\"")
    conn.execute("PRAGMA foreign_keys = ON")
    db = _sqlcipher.Database(conn)
    schema.migrate(db)
    yield Store(db, folder)
    db.close()


@pytest.fixture(scope="module")
def meeting_ids(fuzz_store: Store) -> tuple[int, int]:
    group = fuzz_store.groups.add(Group(name="Fuzz group"))
    assert group.id is not None
    meeting = fuzz_store.meetings.start(group.id, "2026-11-24")
    assert meeting.id is not None
    return group.id, meeting.id


@FUZZ
@given(fields=st.fixed_dictionaries({f: TEXT for f in MEMBER_TEXT_FIELDS}), consent=st.booleans())
def test_member_fields_round_trip_or_are_refused(
    fuzz_store: Store, fields: dict[str, str], consent: bool
) -> None:
    member = Member(**fields, contact_consent=consent)
    try:
        added = fuzz_store.members.add(member)
    except InvalidInput:
        assert not fields["display_name"].strip()
        return
    assert added.id is not None
    back = fuzz_store.members.get(added.id)
    for name in MEMBER_TEXT_FIELDS:
        assert getattr(back, name) == fields[name], name
    assert back.contact_consent is consent
    # An edit with other fuzzed text round-trips too (and keeps the same person).
    back.notes, back.phone = fields["full_name"], fields["notes"]
    fuzz_store.members.update(back)
    again = fuzz_store.members.get(added.id)
    assert (again.notes, again.phone, again.pseudonym) == (
        fields["full_name"],
        fields["notes"],
        added.pseudonym,
    )


def _csv_bytes(rows: list[list[str]], encoding: str, delimiter: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(["Name", "Full name", "Phone", "Notes", "Joined", "Contact OK"])
    writer.writerows(rows)
    return out.getvalue().encode(encoding, errors="replace")


@FUZZ
@given(
    rows=st.lists(st.lists(SHORT, min_size=0, max_size=7), max_size=8),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_csv_import_is_previewed_and_imported_exactly_or_refused(
    fuzz_store: Store, rows: list[list[str]], encoding: str, delimiter: str
) -> None:
    raw = _csv_bytes(rows, encoding, delimiter)
    try:
        preview = csv_import.parse_csv(raw, fuzz_store.members.all())
    except KnownError:  # CsvFileRejected: refused as a whole, with a reason code
        return
    assert {b.reason for b in preview.bad} <= set(csv_import.BadReason)
    accepted = preview.members
    expected = [(m.display_name, m.full_name, m.phone, m.notes) for m in accepted]
    count = csv_import.import_members(fuzz_store, accepted)
    assert count == len(expected)
    for member, fields in zip(accepted, expected, strict=True):
        assert member.id is not None
        back = fuzz_store.members.get(member.id)
        assert (back.display_name, back.full_name, back.phone, back.notes) == fields


@FUZZ
@given(raw=st.binary(max_size=2000))
def test_csv_parse_of_arbitrary_bytes_never_raises_anything_else(raw: bytes) -> None:
    try:
        preview = csv_import.parse_csv(raw)
    except KnownError:
        return
    assert all(m.display_name.strip() for m in preview.members)


@FUZZ
@given(goal=TEXT, edited=TEXT, word=SHORT, note=TEXT)
def test_goal_feeling_word_and_safety_note_round_trip_or_are_refused(
    fuzz_store: Store, meeting_ids: tuple[int, int], goal: str, edited: str, word: str, note: str
) -> None:
    _, meeting_id = meeting_ids
    person = fuzz_store.members.add(Member("Goal setter"))
    try:
        set_goal = fuzz_store.goals.set(person.pseudonym, goal, meeting_id)
    except InvalidInput:
        assert not goal.strip()
    else:
        assert set_goal.id is not None
        assert fuzz_store.goals.get(set_goal.id).text == goal
        try:
            fuzz_store.goals.update_text(set_goal.id, edited)
        except InvalidInput:
            assert not edited.strip()
        else:
            assert fuzz_store.goals.get(set_goal.id).text == edited
    group = fuzz_store.groups.get(meeting_ids[0])
    mood = fuzz_store.moods.record(
        MoodCheck(
            meeting_id,
            MoodRound.OPENING,
            group.mood_scale,
            3,
            pseudonym=person.pseudonym,
            feeling_word=word,
        )
    )
    recorded = {m.id: m for m in fuzz_store.moods.for_meeting(meeting_id, MoodRound.OPENING)}
    assert recorded[mood.id].feeling_word == word
    try:
        fuzz_store.safety.add_note(meeting_id, note)
    except InvalidInput:
        assert not note.strip()
    else:
        assert note in [n.text for n in fuzz_store.safety.notes(meeting_id)]


@FUZZ
@given(skill=TEXT, category=SHORT)
def test_skill_and_category_names_round_trip_or_are_refused(
    fuzz_store: Store, skill: str, category: str
) -> None:
    try:
        cat = fuzz_store.skills.add_category(category)
    except InvalidInput:
        assert not category.strip()
        cat = fuzz_store.skills.categories()[0]
    else:
        assert cat.name == category.strip()
        assert cat.name in [c.name for c in fuzz_store.skills.categories()]
    assert cat.id is not None
    try:
        added = fuzz_store.skills.add_skill(skill, cat.id)
    except InvalidInput:
        assert not skill.strip()
        return
    assert added.name == skill.strip()
    assert (added.id, skill.strip()) in [(s.id, s.name) for s in fuzz_store.skills.skills()]


_ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    SHORT,
    st.lists(st.integers(), max_size=3),
)


@FUZZ
@given(key=st.sampled_from(sorted(VAULT_SETTING_DEFAULTS)), value=_ANY_VALUE)
def test_vault_settings_stored_exactly_or_refused(fuzz_store: Store, key: str, value: Any) -> None:
    before = fuzz_store.settings.get(key)
    try:
        fuzz_store.settings.set(key, value)
    except InvalidInput:
        assert fuzz_store.settings.get(key) == before  # a refused value changes nothing
        return
    back = fuzz_store.settings.get(key)
    assert back == value and type(back) is type(value)
    assert fuzz_store.settings.all()[key] == value


@FUZZ
@given(key=st.sampled_from(sorted(DEFAULTS)), value=_ANY_VALUE)
def test_app_settings_stored_exactly_or_refused(tmp_path: Path, key: str, value: Any) -> None:
    path = tmp_path / "fuzz-settings.json"
    path.unlink(missing_ok=True)
    app_settings = Settings(path)
    try:
        app_settings.set(key, value)
    except TypeError:
        # The settings module's documented refusal of a value of the wrong type (the
        # dialogs only offer typed widgets); the file is not touched.
        assert not path.exists()
        return
    assert Settings(path).get(key) == value  # read back from the file, exactly
    assert type(Settings(path).get(key)) is type(DEFAULTS[key])


@pytest.mark.parametrize("value", [2**53 + 1, -(2**60), True, float("nan"), float("inf")])
def test_text_size_refuses_numbers_it_could_not_store_exactly(tmp_path: Path, value: Any) -> None:
    # Found by the fuzz test above: 2**53 + 1 was saved as 9007199254740992.0.
    app_settings = Settings(tmp_path / "settings.json")
    with pytest.raises(TypeError):
        app_settings.set("text_scale", value)
    assert not (tmp_path / "settings.json").exists()


def test_a_lone_surrogate_is_a_known_refusal_or_round_trips(fuzz_store: Store) -> None:
    # Not producible by Qt's text widgets, but a pasted broken UTF-16 string must still
    # not crash storage with an encoding error.
    text = "Ali\ud800ce"
    try:
        member = fuzz_store.members.add(Member(text))
    except KnownError:
        return
    assert member.id is not None
    assert fuzz_store.members.get(member.id).display_name == text
