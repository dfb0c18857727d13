"""Names are listed as a reader expects, whatever their letters' case and accents.

SQLite's ``NOCASE`` folds ASCII only: the roster listed "Álvaro", "Élodie", "Íñigo",
"Óscar", "Úrsula" and "Łukasz" after "Zoë" (seen in the Spanish bundle's screenshot).
The roster, check-in's search order, the member list and the follow-up list now sort
with ``textfold.name_key``.
"""

from __future__ import annotations

from groupkeeper.model import Group, Member
from groupkeeper.textfold import fold, name_key

NAMES = ["Zoë", "Úrsula", "ana", "Álvaro", "Łukasz", "Élodie", "Bea", "Ángela", "Óscar", "zara"]
EXPECTED = ["Álvaro", "ana", "Ángela", "Bea", "Élodie", "Łukasz", "Óscar", "Úrsula", "zara", "Zoë"]


def _add_all(store, names=NAMES, **fields):  # type: ignore[no-untyped-def]
    group = store.groups.add(Group(name="Tuesday"))
    added = {}
    for name in names:
        member = store.members.add(Member(display_name=name, group_ids=[group.id], **fields))
        added[member.id] = name
    return group, added


def test_name_key_ignores_case_and_accents_then_breaks_ties() -> None:
    assert sorted(NAMES, key=name_key) == EXPECTED
    assert fold("Íñigo") == "inigo" and fold("ŁUKASZ") == "lukasz"
    assert sorted(["b", "B", "á", "A"], key=name_key) == ["A", "á", "B", "b"]
    assert name_key("Ana", 2) > name_key("Ana", 1)


def test_roster_lists_accented_names_among_the_others(store) -> None:  # type: ignore[no-untyped-def]
    group, added = _add_all(store)
    ids = store.members.roster_ids(group.id)
    assert [added[i] for i in ids] == EXPECTED
    ids = store.members.roster_ids(group.id, descending=True)
    assert [added[i] for i in ids] == EXPECTED[::-1]
    assert [m.display_name for m in store.members.all(group.id)] == EXPECTED
    assert [r.display_name for r in store.members.search_rows(group.id)] == EXPECTED


def test_other_columns_sort_as_before_with_name_ties(store) -> None:  # type: ignore[no-untyped-def]
    group, added = _add_all(store)
    by_name = {name: i for i, name in added.items()}
    store.members.set_active(by_name["ana"], False)
    store.members.set_active(by_name["Zoë"], False)
    ids = store.members.roster_ids(group.id, include_inactive=True, sort="active")
    names = [added[i] for i in ids]
    # Active first when ascending, each part by name.
    assert names == [n for n in EXPECTED if n not in ("ana", "Zoë")] + ["ana", "Zoë"]
    ids = store.members.roster_ids(group.id, True, sort="active", descending=True)
    assert [added[i] for i in ids] == ["Zoë", "ana"] + [
        n for n in EXPECTED[::-1] if n not in ("ana", "Zoë")
    ]
    # Full names compare as names too; members without one come first, by name.
    member = store.members.get(by_name["Bea"])
    member.full_name = "Éva Ruiz"
    store.members.update(member)
    member = store.members.get(by_name["Óscar"])
    member.full_name = "alba Soto"
    store.members.update(member)
    ids = store.members.roster_ids(group.id, True, sort="full_name")
    names = [added[i] for i in ids]
    assert names[-2:] == ["Óscar", "Bea"]
    assert names[:-2] == [n for n in EXPECTED if n not in ("Óscar", "Bea")]
