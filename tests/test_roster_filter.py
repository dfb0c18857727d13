"""RosterIndex: accents, case, phone digits, ranking, and narrowing from the last result."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from groupkeeper.model import Member
from groupkeeper.roster import RosterIndex, digits
from groupkeeper.textfold import fold


def _m(display: str, full: str = "", phone: str = "") -> Member:
    return Member(display_name=display, full_name=full, phone=phone)


@pytest.fixture
def people() -> list[Member]:
    return [
        _m("Anna", "Anna Kowalska", "0123 456 789"),
        _m("Zoë", "Zoë Ó Súilleabháin", "+44 7700 900123"),
        _m("Joanna", "Joanna Ng", "555-0100"),
        _m("Maya", "Maya García", ""),
        _m("Sam", "Samuel O'Brien", "(020) 7946 0958"),
        _m("Straße", "", ""),
        _m("Ömer", "Ömer Yılmaz", ""),
    ]


def names(result: list[Member]) -> list[str]:
    return [m.display_name for m in result]


def test_fold_strips_case_and_accents() -> None:
    assert fold("ZOË") == fold("zoe") == "zoe"
    assert fold("Straße") == "strasse"
    assert fold("ÉÇÃ") == "eca"


def test_digits_keeps_only_digits_any_script() -> None:
    assert digits("+44 (0)7700-900") == "4407700900"
    assert digits("٠١٢") == "012"


def test_empty_query_returns_everyone_in_order(people: list[Member]) -> None:
    idx = RosterIndex(people)
    assert names(idx.filter("")) == names(people)
    assert names(idx.filter("   ")) == names(people)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zoe", ["Zoë"]),
        ("ZOË", ["Zoë"]),
        ("suilleabhain", ["Zoë"]),
        ("garcia", ["Maya"]),
        ("GARCÍA", ["Maya"]),
        ("strasse", ["Straße"]),
        ("omer yil", ["Ömer"]),
        ("yılmaz", ["Ömer"]),
        ("o'brien", ["Sam"]),
        ("obrien", []),  # no match across the apostrophe: it separates words
        ("kowalska anna", ["Anna"]),  # word order does not matter
    ],
)
def test_case_and_accent_insensitive(people: list[Member], query: str, expected: list[str]) -> None:
    assert names(RosterIndex(people).filter(query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("0123456", ["Anna"]),
        ("0123 456", ["Anna"]),
        ("0123-456-789", ["Anna"]),
        ("7700900", ["Zoë"]),
        ("+44 7700", ["Zoë"]),
        ("020 7946", ["Sam"]),
        ("5550100", ["Joanna"]),
    ],
)
def test_phone_matches_on_digits_only(
    people: list[Member], query: str, expected: list[str]
) -> None:
    assert names(RosterIndex(people).filter(query)) == expected


def test_phone_does_not_match_on_letters(people: list[Member]) -> None:
    assert RosterIndex(people).filter("kowalsk 999") == []


def test_ranking_prefix_before_word_start_before_substring() -> None:
    people = [
        _m("Joanna"),  # substring "anna"
        _m("Bob", "Anna Smith"),  # word start in the full name
        _m("Annabel"),  # display name starts with it
        _m("Hannah"),  # substring "anna"
        _m("Anna"),  # display name starts with it
    ]
    index = RosterIndex(people)
    # the exact display name first, then the others that start with it
    assert names(index.filter("anna")) == ["Anna", "Annabel", "Bob", "Joanna", "Hannah"]
    assert [rank for _m, rank in index.filter_ranked("anna")] == [0, 1, 2, 3, 3]
    assert [rank for _m, rank in index.filter_ranked("ann")] == [1, 1, 2, 3, 3]


def test_ranking_phone_prefix_before_phone_substring() -> None:
    people = [_m("A", phone="99 0123"), _m("B", phone="0123 99")]
    assert names(RosterIndex(people).filter("0123")) == ["B", "A"]


def test_narrowing_gives_same_result_as_fresh_index() -> None:
    rng = random.Random(7)
    syllables = ["an", "na", "ma", "ya", "zo", "ë", "jo", "sé", "li", "o'b", "ri", "en"]
    people = [
        _m(
            "".join(rng.choice(syllables) for _ in range(2)).title(),
            " ".join("".join(rng.choice(syllables) for _ in range(3)) for _ in range(2)),
            "".join(rng.choice("0123456789 ") for _ in range(9)),
        )
        for _ in range(400)
    ]
    typed = RosterIndex(people)
    for query in ["a", "an", "ann", "ann ", "ann m", "ann ma", "0", "01", "01 2", "zoé", "zo"]:
        # Letter by letter on one index (narrowing), versus a brand-new index each time.
        assert names(typed.filter(query)) == names(RosterIndex(people).filter(query)), query


def test_narrowing_reuses_previous_matches(people: list[Member]) -> None:
    idx = RosterIndex(people)
    idx.filter("an")
    # Sabotage: if "ann" did not narrow from "an"'s matches, Maya would not be dropped ...
    idx._last_matches = [0]
    assert names(idx.filter("ann")) == ["Anna"]
    # ... and a query that does not extend the last one starts afresh.
    assert names(idx.filter("jo")) == ["Joanna"]


def test_deleting_a_letter_widens_again(people: list[Member]) -> None:
    idx = RosterIndex(people)
    assert names(idx.filter("joa")) == ["Joanna"]
    assert set(names(idx.filter("jo"))) == {"Joanna"}
    assert set(names(idx.filter("a"))) >= {"Anna", "Joanna", "Maya", "Sam"}


def test_absurd_text_is_searchable() -> None:
    people = [_m("سارة", "سارة علي"), _m("🌈 Rain"), _m("Robert'); DROP TABLE members;--")]
    idx = RosterIndex(people)
    assert names(idx.filter("سارة")) == ["سارة"]
    assert names(idx.filter("rain")) == ["🌈 Rain"]
    assert names(idx.filter("drop table")) == ["Robert'); DROP TABLE members;--"]


def test_core_module_does_not_import_qt() -> None:
    code = "import sys, groupkeeper.roster; assert 'PySide6' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
