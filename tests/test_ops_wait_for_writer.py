"""An operation on the GUI's connection waits for a background writer instead of failing.

With shared groups, a sync writes in the background every time a change arrives; an
operation that reads before it writes (starting a meeting looks at the day's meetings
first) used to fail at once with "database is locked" when the background writer held
the lock, because its transaction began deferred. Found by the two-window sharing test.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from groupkeeper import ops
from groupkeeper.agenda import fill_from_template
from groupkeeper.model import Group
from groupkeeper.ops import perform
from groupkeeper.storage.repos import Store
from groupkeeper.storage.vault import Vault


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    opened, _ = Vault.create(tmp_path / "vault", "kettle river purple bicycle")
    yield opened
    opened.lock()


def test_an_operation_waits_for_a_background_writer(vault: Vault) -> None:
    store = Store(lambda: vault.db, vault.folder)
    group = store.groups.add(fill_from_template(Group(name="Tuesday", crisis_resources="x")))
    holding, release = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def background_writer() -> None:
        try:
            with vault.thread_connection(write=True):
                other = Store(lambda: vault.db, vault.folder)
                with other.transaction():
                    other.settings.set("backup_reminder_days", 9)  # holds the write lock
                    holding.set()
                    release.wait(5)
        except BaseException as exc:  # noqa: BLE001 - checked below
            failures.append(exc)
            holding.set()

    thread = threading.Thread(target=background_writer)
    thread.start()
    assert holding.wait(5)
    timer = threading.Timer(0.3, release.set)
    timer.start()
    try:
        result = perform(
            store,
            ops.meetings.start(
                group_id=group.id, date="2026-11-24", crisis_resources="", remind_later=False
            ),
        )
    finally:
        release.set()
        thread.join(10)
        timer.cancel()
    assert failures == []
    assert store.meetings.get(result.value.id).group_id == group.id
    assert store.settings.get("backup_reminder_days") == 9  # both writes are there
