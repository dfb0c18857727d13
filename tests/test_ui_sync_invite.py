"""The ``sync.invite`` operation the app runs for "Invite another laptop...": a group
shared by A and B gets a new invitation; a third laptop joins with it and receives the
group's members (no Qt: plain pytest on three vaults sharing a folder)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from groupkeeper import ops
from groupkeeper.model import Group, Member
from groupkeeper.ops import Kind, perform
from groupkeeper.storage import _sqlcipher, schema
from groupkeeper.storage.repos import Store
from groupkeeper.sync import invitation as invitation_mod
from groupkeeper.sync.service import NotShared


def _store(folder: Path) -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    conn = _sqlcipher.connect(str(folder / "t.db"))
    conn.execute("PRAGMA key = \"x'" + "44" * 32 + "'\"")
    conn.execute("PRAGMA foreign_keys = ON")
    db = _sqlcipher.Database(conn)
    schema.migrate(db)
    return Store(db, folder)


@pytest.fixture
def three(tmp_path: Path) -> Iterator[tuple[Store, Store, Store]]:
    stores = tuple(_store(tmp_path / name) for name in "abc")
    yield stores  # type: ignore[misc]
    for store in stores:
        store.db.close()


def test_a_third_laptop_joins_with_a_new_invitation(three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, c = three
    shared = tmp_path / "shared"
    group = a.groups.add(Group(name="Tuesday circle"))
    a.members.add(Member(display_name="Ana", group_ids=[group.id or 0]))
    first = tmp_path / "first.gkinvite"
    code = perform(
        a, ops.sync.share(group_id=group.id, folder=str(shared), invitation=str(first))
    ).value.code
    perform(b, ops.sync.join(invitation=str(first), code=code, folder=str(shared)))
    # The first invitation is used: the third laptop needs a new one, from B here.
    gid_b = b.groups.all()[0].id
    second = tmp_path / "second.gkinvite"
    result = perform(b, ops.sync.invite(group_id=gid_b, invitation=str(second)))
    assert Kind.GROUPS in result.changes and second.is_file()
    assert result.value.code != code
    with pytest.raises(invitation_mod.WrongCode):  # the old code does not open it
        perform(c, ops.sync.join(invitation=str(second), code=code, folder=str(shared)))
    gid_c = perform(
        c, ops.sync.join(invitation=str(second), code=result.value.code, folder=str(shared))
    ).value
    assert [m.display_name for m in c.members.all(gid_c)] == ["Ana"]


def test_inviting_into_a_group_not_shared_is_refused(three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, _, _ = three
    group = a.groups.add(Group(name="Not shared"))
    with pytest.raises(NotShared):
        perform(a, ops.sync.invite(group_id=group.id, invitation=str(tmp_path / "x.gkinvite")))
    assert not (tmp_path / "x.gkinvite").exists()
