"""Corruption fuzz: 200 mutations of a real small vault, each a clear error or a correct open.

A small vault (a group, members, a meeting with check-ins, moods, a goal and a safety note)
is made once; a second snapshot is taken while it is still open, so its ``vault.db-wal``
holds uncheckpointed commits. Each case copies a snapshot and damages it (fixed seed):
flipped bytes anywhere (page 1 and the salt included), truncations, zeroed pages, a key
header from another vault, the header's slots swapped, bytes flipped in the header,
garbage header JSON, garbage or flipped WAL, a missing database. Then ``Vault.unlock``
must either raise a ``KnownError`` - and leave every file byte-for-byte as it was - or
open, in which case ``Vault.check()`` answers (``[]`` or problem codes) without raising.
Never another exception; never a hang (a watchdog ends the run after ``CASE_TIMEOUT``).

``test_vault_bad_input`` holds the hand-picked versions of these cases with exact errors.
"""

from __future__ import annotations

import faulthandler
import hashlib
import json
import random
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from groupkeeper.model import Group, Member, MoodCheck, MoodRound
from groupkeeper.storage import keyheader
from groupkeeper.storage import vault as vault_module
from groupkeeper.storage.errors import KnownError
from groupkeeper.storage.repos import Store
from groupkeeper.storage.vault import KEY_HEADER, VAULT_DB, Vault

pytestmark = pytest.mark.slow

PASS = "corruption fuzz passphrase"
CASES = 200
SEED = 20261125
PAGE = 4096  # SQLCipher 4's page size
CASE_TIMEOUT = 60  # seconds; generous for a slow CI box, a hang is far longer
WAL = VAULT_DB + "-wal"


def _fill(store: Store) -> None:
    group = store.groups.add(Group(name="Fuzz group", crisis_resources="x"))
    assert group.id is not None
    members = store.members.add_many(
        [Member(f"Person {i}", phone=f"0770 {i:04}", group_ids=[group.id]) for i in range(30)]
    )
    meeting = store.meetings.start(group.id, "2026-11-24")
    assert meeting.id is not None
    for i, member in enumerate(members[:12]):
        store.meetings.check_in(meeting.id, member.pseudonym)
        store.moods.record(
            MoodCheck(meeting.id, MoodRound.OPENING, group.mood_scale, 1 + i % 5, member.pseudonym)
        )
    store.goals.set(members[0].pseudonym, "Walk twice", meeting.id)
    store.safety.add_note(meeting.id, "A private note")


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``closed``: a locked vault; ``wal``: copied while open (a live WAL); ``other``."""
    root = tmp_path_factory.mktemp("fuzz-snapshots")
    with keyheader.lowered_floor_for_tests():
        closed = root / "closed"
        vault, _ = Vault.create(closed, PASS)
        with vault:
            _fill(Store(vault.db, closed))
            store = Store(vault.db, closed)
            group = store.groups.all()[0]
            assert group.id is not None
            meeting = store.meetings.start(group.id, "2026-12-01")
            assert meeting.id is not None
            store.meetings.change_walk_ins(meeting.id, 2)
            live = root / "wal"
            shutil.copytree(closed, live)  # no write is under way: a consistent copy
        other = root / "other"
        Vault.create(other, PASS)[0].lock()
    assert (live / WAL).stat().st_size > 0, "the live snapshot should carry a WAL"
    return {"closed": closed, "wal": live, "other": other}


# ---------------------------------------------------------------------------- mutations

Mutation = Callable[[Path, random.Random, dict[str, Path]], str]


def _flip_in(path: Path, rng: random.Random, low: int = 0, high: int | None = None) -> str:
    data = bytearray(path.read_bytes())
    at = rng.randrange(low, min(high or len(data), len(data)))
    data[at] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))
    return f"{path.name}@{at}"


def flip_page1(folder: Path, rng: random.Random, _: dict[str, Path]) -> str:
    return _flip_in(folder / VAULT_DB, rng, 0, PAGE)


def flip_anywhere(folder: Path, rng: random.Random, _: dict[str, Path]) -> str:
    return _flip_in(folder / VAULT_DB, rng)


def flip_many(folder: Path, rng: random.Random, _: dict[str, Path]) -> str:
    return ",".join(_flip_in(folder / VAULT_DB, rng) for _ in range(rng.randint(2, 20)))


def truncate(folder: Path, rng: random.Random, _: dict[str, Path]) -> str:
    path = folder / VAULT_DB
    data = path.read_bytes()
    cut = rng.choice([0, 1, 15, 16, 100, PAGE - 1, PAGE, rng.randrange(len(data))])
    path.write_bytes(data[:cut])
    return f"truncate@{cut}"


def zero_page(folder: Path, rng: random.Random, _: dict[str, Path]) -> str:
    path = folder / VAULT_DB
    data = bytearray(path.read_bytes())
    page = rng.choice([0, rng.randrange(len(data) // PAGE)])
    data[page * PAGE : (page + 1) * PAGE] = bytes(PAGE)
    path.write_bytes(bytes(data))
    return f"zero page {page}"


def header_from_other_vault(folder: Path, rng: random.Random, snaps: dict[str, Path]) -> str:
    shutil.copyfile(snaps["other"] / KEY_HEADER, folder / KEY_HEADER)
    return "other vault's header"


def swap_header_slots(folder: Path, rng: random.Random, _: dict[str, Path]) -> str:
    path = folder / KEY_HEADER
    doc = json.loads(path.read_bytes())
    slots = doc["slots"]
    if rng.random() < 0.5:
        slots["passphrase"], slots["recovery"] = slots["recovery"], slots["passphrase"]
        what = "slots swapped"
    else:
        field = rng.choice(["salt", "nonce", "wrapped_key"])
        slots["passphrase"][field], slots["recovery"][field] = (
            slots["recovery"][field],
            slots["passphrase"][field],
        )
        what = f"{field} swapped"
    path.write_text(json.dumps(doc))
    return what


def flip_header(folder: Path, rng: random.Random, _: dict[str, Path]) -> str:
    return _flip_in(folder / KEY_HEADER, rng)


def garbage_header(folder: Path, rng: random.Random, _: dict[str, Path]) -> str:
    path = folder / KEY_HEADER
    doc = json.loads(path.read_bytes())
    choices: list[Callable[[], bytes]] = [
        lambda: rng.randbytes(rng.randint(0, 600)),
        lambda: path.read_bytes()[: rng.randrange(len(path.read_bytes()))],
        lambda: json.dumps(rng.choice([None, 0, "x", [], {}, [doc], {"format": 1}])).encode(),
        lambda: json.dumps(
            {**doc, rng.choice(list(doc)): rng.choice([None, -1, "", [], {}])}
        ).encode(),
        lambda: json.dumps({k: v for k, v in doc.items() if k != rng.choice(list(doc))}).encode(),
        lambda: json.dumps(
            {**doc, "slots": {**doc["slots"], "passphrase": {"kdf": {"name": "argon2id"}}}}
        ).encode(),
        lambda: json.dumps(
            {
                **doc,
                "slots": {
                    **doc["slots"],
                    "recovery": {
                        **doc["slots"]["recovery"],
                        "kdf": {
                            **doc["slots"]["recovery"]["kdf"],
                            rng.choice(["time_cost", "memory_kib", "parallelism"]): rng.choice(
                                [0, -5, 1.5, True, "3", None, 2**62]
                            ),
                        },
                    },
                },
            }
        ).encode(),
    ]
    data = rng.choice(choices)()
    path.write_bytes(data)
    return f"garbage header ({len(data)} bytes)"


def garbage_wal(folder: Path, rng: random.Random, _: dict[str, Path]) -> str:
    path = folder / WAL
    if path.exists() and rng.random() < 0.5:
        return _flip_in(path, rng)
    if path.exists() and rng.random() < 0.5:
        data = path.read_bytes()
        path.write_bytes(data[: rng.randrange(len(data))])
        return "truncated WAL"
    path.write_bytes(rng.randbytes(rng.choice([32, 100, PAGE + 24, 3 * (PAGE + 24) + 32])))
    return "garbage WAL"


def missing_database(folder: Path, rng: random.Random, _: dict[str, Path]) -> str:
    (folder / VAULT_DB).unlink()
    return "no vault.db"


MUTATIONS: list[tuple[Mutation, int]] = [  # (mutation, weight)
    (flip_page1, 30),
    (flip_anywhere, 35),
    (flip_many, 10),
    (truncate, 20),
    (zero_page, 20),
    (header_from_other_vault, 5),
    (swap_header_slots, 10),
    (flip_header, 20),
    (garbage_header, 25),
    (garbage_wal, 23),
    (missing_database, 2),
]
assert sum(weight for _, weight in MUTATIONS) == CASES


def _cases() -> Iterator[tuple[str, Mutation, int, str]]:
    rng = random.Random(SEED)
    n = 0
    for mutation, weight in MUTATIONS:
        for _ in range(weight):
            snapshot = "wal" if rng.random() < 0.4 else "closed"
            yield f"{n:03}-{mutation.__name__}-{snapshot}", mutation, rng.randrange(2**32), snapshot
            n += 1


def _hashes(folder: Path) -> dict[str, str]:
    # ``vault.db-shm`` is SQLite's shared-memory WAL index, rebuilt from the WAL by any
    # reader; it holds no data, so a reader may rewrite it.
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith("-shm")
    }


# A failed open must leave every file but SQLite's -shm index alone, WAL included
# (storage/vault.py probes through a read-only connection before opening read-write).


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault_module, "_sleep", lambda seconds: None)


CASE_LIST = list(_cases())


@pytest.mark.parametrize(
    ("mutation", "seed", "snapshot"),
    [pytest.param(m, s, snap, id=name) for name, m, s, snap in CASE_LIST],
)
def test_mutated_vault_gives_a_clear_error_or_a_correct_open(
    snapshots: dict[str, Path], tmp_path: Path, mutation: Mutation, seed: int, snapshot: str
) -> None:
    folder = tmp_path / "vault"
    shutil.copytree(snapshots[snapshot], folder)
    what = mutation(folder, random.Random(seed), snapshots)
    before = _hashes(folder)
    # A hang in C code cannot be interrupted from Python: the watchdog dumps every
    # thread's stack and ends the run, so CI fails loudly instead of hanging.
    faulthandler.dump_traceback_later(CASE_TIMEOUT, exit=True)
    try:
        try:
            vault = Vault.unlock(folder, PASS)
        except KnownError:
            after = _hashes(folder)
            assert after == before, f"a failed open changed the files ({what})"
            return
        with vault:
            problems = vault.check()
            assert isinstance(problems, list), what
            if not problems:  # a correct open: the data reads back
                store = Store(vault.db, folder)
                groups = [g.name for g in store.groups.all()]
                if mutation is not garbage_wal:
                    assert groups == ["Fuzz group"], what
                    assert len(store.members.all()) == 30, what
                else:  # the WAL was damaged: the last good state, whole
                    assert groups in ([], ["Fuzz group"]), what
    finally:
        faulthandler.cancel_dump_traceback_later()


def test_the_fuzz_covers_page_one_and_both_outcomes(snapshots: dict[str, Path]) -> None:
    names = [name for name, *_ in CASE_LIST]
    assert len(names) == CASES == len(set(names))
    assert sum("flip_page1" in n for n in names) >= 20
    assert {snap for *_, snap in CASE_LIST} == {"closed", "wal"}
