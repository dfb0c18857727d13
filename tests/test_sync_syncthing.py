"""Two vaults sharing a group through two real Syncthing instances on loopback (issue 14).

Each laptop's vault syncs with its own copy of the shared folder; Syncthing carries the
change files between the copies. Waits are bounded generously (the machine running the
suite may be busy); both instances are stopped at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from groupkeeper import ops
from groupkeeper.ops import perform
from groupkeeper.sync.service import SyncService
from tests import syncthing_pair
from tests.syncthing_pair import SyncthingPair, wait_for
from tests.test_sync_service import _store

pytestmark = pytest.mark.skipif(not syncthing_pair.available(), reason="syncthing not installed")

WAIT = 90.0  # seconds: generous, the suite may share the machine with other work
PLANTED = ("Ysolde Quartermain", "Barnaby Ninefold")


@pytest.fixture
def engines(tmp_path: Path) -> Iterator[SyncthingPair]:
    with SyncthingPair(tmp_path / "st") as pair:
        yield pair


def _synced_until(service: SyncService, condition: object) -> None:
    assert callable(condition)

    def step() -> bool:
        service.sync_once()
        return bool(condition())

    wait_for(step, WAIT, interval=0.2)


def test_check_ins_and_a_forget_travel_through_syncthing(
    engines: SyncthingPair, tmp_path: Path
) -> None:
    a, b = _store(tmp_path / "vault-a"), _store(tmp_path / "vault-b")
    today = date.today().isoformat()
    sa = SyncService(a)
    sb = SyncService(b)
    group = perform(a, ops.groups.add(fields={"name": "Tuesday circle"})).value
    ysolde = perform(
        a,
        ops.members.add(
            fields={"display_name": PLANTED[0], "phone": "0711 555", "group_ids": [group.id]}
        ),
    ).value
    barnaby = perform(
        a, ops.members.add(fields={"display_name": PLANTED[1], "group_ids": [group.id]})
    ).value
    invite = tmp_path / "usb-stick" / "invite.gkinvite"
    code = sa.share_group(group.id, engines.folder_a, invite).code
    gid_b = sb.join(invite, code, engines.folder_b)

    # The members reach B.
    _synced_until(sb, lambda: len(b.members.all(gid_b)) == 2)

    # A check-in on A appears on B.
    meeting_a = perform(a, ops.meetings.enter_past(group_id=group.id, date=today)).value
    perform(a, ops.attendance.check_in(meeting_id=meeting_a.id, pseudonym=ysolde.pseudonym))
    sa.sync_once()
    _synced_until(
        sb,
        lambda: (
            [m for m in b.meetings.recent(gid_b) if b.meetings.present(m.id or 0)]
            and b.meetings.present(b.meetings.recent(gid_b)[0].id or 0) == [ysolde.pseudonym]
        ),
    )
    (meeting_b,) = b.meetings.recent(gid_b)

    # Concurrent check-ins on both laptops converge: both present on both.
    perform(b, ops.attendance.check_in(meeting_id=meeting_b.id, pseudonym=barnaby.pseudonym))
    perform(a, ops.meetings.change_walk_ins(meeting_id=meeting_a.id, delta=1))
    perform(b, ops.meetings.change_walk_ins(meeting_id=meeting_b.id, delta=2))
    sa.sync_once()
    sb.sync_once()
    both = sorted([ysolde.pseudonym, barnaby.pseudonym])

    def converged() -> bool:
        sa.sync_once()
        sb.sync_once()
        return (
            sorted(a.meetings.present(meeting_a.id)) == both
            and sorted(b.meetings.present(meeting_b.id or 0)) == both
            and a.meetings.get(meeting_a.id).walk_ins == 3
            and b.meetings.get(meeting_b.id or 0).walk_ins == 3
        )

    wait_for(converged, WAIT, interval=0.2)

    # A forget on B reaches A: the person's fields are gone there too.
    ysolde_b = b.members.by_pseudonym(ysolde.pseudonym)
    assert ysolde_b is not None
    perform(b, ops.members.forget(member_id=ysolde_b.id))
    sb.sync_once()
    _synced_until(sa, lambda: a.members.by_pseudonym(ysolde.pseudonym) is None)
    assert [m.display_name for m in a.members.all()] == [PLANTED[1]]
    assert sorted(a.meetings.present(meeting_a.id)) == both  # pseudonymous records stay

    # Privacy sweep over both copies of the shared folder; no sync conflicts either.
    for folder in (engines.folder_a, engines.folder_b):
        for path in folder.rglob("*"):
            assert "sync-conflict" not in path.name
            if path.is_file():
                data = path.read_bytes()
                for planted in (*PLANTED, "0711 555"):
                    assert planted.encode() not in data, path.name
    assert sa.status()[0].warnings == () and sb.status()[0].warnings == ()
    a.db.close()
    b.db.close()
