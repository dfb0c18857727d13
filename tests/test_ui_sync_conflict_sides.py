"""The Conflicts list's read (``sync_link.read_conflicts``): each side of a conflict with
the laptop that made it and when, read without writing (no Qt: plain pytest on two
vaults sharing a folder).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from groupkeeper.model import Group, Member
from groupkeeper.storage import _sqlcipher, schema
from groupkeeper.storage.repos import Store
from groupkeeper.sync.service import NotShared, SyncService
from groupkeeper.ui.sync_link import read_conflicts

TODAY = date(2026, 11, 30)
A_TIME = datetime(2026, 11, 24, 17, 2, tzinfo=UTC)
B_TIME = datetime(2026, 11, 24, 17, 5, tzinfo=UTC)


def _store(folder: Path) -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    conn = _sqlcipher.connect(str(folder / "t.db"))
    conn.execute("PRAGMA key = \"x'" + "33" * 32 + "'\"")
    conn.execute("PRAGMA foreign_keys = ON")
    db = _sqlcipher.Database(conn)
    schema.migrate(db)
    return Store(db, folder)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    a, b = _store(tmp_path / "a"), _store(tmp_path / "b")
    yield a, b
    a.db.close()
    b.db.close()


def _service(store: Store, when: datetime) -> SyncService:
    ms = int(when.timestamp() * 1000)
    return SyncService(store, now_ms=lambda: ms, today=lambda: TODAY)


def test_each_side_has_its_laptop_and_time(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = pair
    shared = tmp_path / "shared"
    group = a.groups.add(Group(name="Tuesday circle"))
    gid_a = group.id or 0
    made = _service(a, A_TIME).share_group(gid_a, shared, tmp_path / "i.gkinvite")
    _service(a, A_TIME).set_laptop_name("Maria's laptop")
    gid_b = _service(b, B_TIME).join(tmp_path / "i.gkinvite", made.code, shared)
    # Sam's laptop has no name: it is shown by a short device id.
    ana = a.members.add(Member(display_name="Ana", group_ids=[gid_a]))
    _service(a, A_TIME).sync_once()
    _service(b, B_TIME).sync_once()
    (ana_b,) = b.members.all(gid_b)
    a.members.update(Member(**{**ana.__dict__, "phone": "111"}))
    b.members.update(Member(**{**ana_b.__dict__, "phone": "222"}))
    _service(a, A_TIME).sync_once()
    _service(b, B_TIME).sync_once()
    _service(a, A_TIME).sync_once()

    before = a.db.conn.total_changes
    (on_a,) = read_conflicts(a, gid_a)
    assert a.db.conn.total_changes == before  # a read: nothing written
    assert (on_a.member_name, on_a.field) == ("Ana", "phone")
    in_use, other = on_a.sides
    # The newest edit is in force (B's, made later); then A's own.
    assert (in_use.value, in_use.this_laptop, in_use.laptop_name) == ("222", False, "")
    assert in_use.when is not None and in_use.when >= B_TIME
    assert (other.value, other.this_laptop) == ("111", True)
    assert other.when is not None and A_TIME <= other.when < B_TIME
    assert a.members.get(ana.id or 0).phone == in_use.value

    (on_b,) = read_conflicts(b, gid_b)
    mine, marias = on_b.sides
    assert (mine.value, mine.this_laptop) == ("222", True)
    assert (marias.value, marias.laptop_name, marias.this_laptop) == (
        "111",
        "Maria's laptop",
        False,
    )
    # The same two laptops seen from either side.
    assert in_use.device == mine.device and other.device == marias.device != mine.device


def test_a_group_not_shared_is_a_known_error(pair) -> None:  # type: ignore[no-untyped-def]
    a, _ = pair
    group = a.groups.add(Group(name="Not shared"))
    with pytest.raises(NotShared):
        read_conflicts(a, group.id or 0)
