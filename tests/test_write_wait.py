"""The GUI's writes beside long background writes: never lost, never stuck behind a queue.

Real vault, real threads. A background write is made long on purpose by a hook that
waits, while it holds the write lock, until the test lets it go: what is checked is the
order in which writes happen and what the user is told, never how long anything took.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from groupkeeper import csv_import, ops
from groupkeeper.agenda import fill_from_template
from groupkeeper.model import Group, Member
from groupkeeper.settings import Settings
from groupkeeper.storage import _sqlcipher
from groupkeeper.storage import vault as vault_module
from groupkeeper.storage.errors import VaultBusy
from groupkeeper.storage.repos import Store
from groupkeeper.storage.repos.members import MemberRepo
from groupkeeper.storage.vault import Vault
from groupkeeper.ui import messages
from groupkeeper.ui.services import Services

PASS = "kettle river purple bicycle"
NEW_PASS = "a brand new passphrase"
WAIT = 20  # seconds: only a bound against hanging forever, never a timing assertion


@pytest.fixture
def said() -> Any:
    boxes: list[tuple[str, str]] = []
    messages.set_test_responder(lambda kind, title, text: boxes.append((kind, text)) or True)
    yield boxes
    messages.set_test_responder(None)


@pytest.fixture
def services(tmp_path: Path, said: Any):  # type: ignore[no-untyped-def]
    svc = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault")
    svc.create_vault(svc.vault_dir, PASS)
    yield svc
    if svc.is_unlocked:
        svc.lock()


def _until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, "the other thread never got there"
        time.sleep(0.005)


def _in_background(vault: Vault, name: str, work: Callable[[Store], Any]) -> tuple[Any, dict]:
    """Run ``work`` in a thread of its own with its own writer connection (as
    ``worker.run_on_vault(write=True)`` does); the outcome lands in the dict."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            with vault.thread_connection(write=True):
                outcome["value"] = work(Store(lambda: vault.db, vault.folder))
        except BaseException as exc:  # noqa: BLE001 - inspected by the test
            outcome["error"] = exc

    thread = threading.Thread(target=run, name=name)
    thread.start()
    return thread, outcome


def _group_with(services: Services, *names: str) -> tuple[Group, list[Member], int]:
    store = services.store
    group = store.groups.add(fill_from_template(Group(name="Circle", crisis_resources="x")))
    assert group.id is not None
    people = store.members.add_many([Member(display_name=n, group_ids=[group.id]) for n in names])
    meeting = store.meetings.start(group.id, "2026-11-24")
    assert meeting.id is not None
    return group, people, meeting.id


def test_a_check_in_mid_import_goes_before_a_background_write_queued_earlier(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While an import holds the lock, a second import queues, then the GUI checks
    someone in: the check-in is written as soon as the first import commits, before the
    second begins (first come first served made it wait through both imports). The second
    import fails and rolls back only itself; every acknowledged check-in is there."""
    group, (regular,), meeting_id = _group_with(services, "Regular")
    vault = services.vault
    assert vault is not None
    turns = vault._turns
    holding, release = threading.Event(), threading.Event()
    check_in_seen_by_second: list[int] = []
    real = MemberRepo._insert_pseudonyms

    def hooked(db: Any, rows: Any) -> None:
        real(db, rows)
        if threading.current_thread().name == "first import":
            holding.set()
            release.wait(WAIT)  # a long import: holds the lock until the test says so
        elif threading.current_thread().name == "second import":
            row = db.execute(
                "SELECT count(*) FROM attendance WHERE pseudonym = ?", [regular.pseudonym]
            ).fetchone()
            check_in_seen_by_second.append(int(row[0]))

    monkeypatch.setattr(MemberRepo, "_insert_pseudonyms", staticmethod(hooked))
    good = [Member(display_name=f"Imported {i}") for i in range(300)]
    bad = [Member(display_name=f"Broken {i}") for i in range(300)]
    bad[-1].group_ids = [987654]  # no such group: the second import fails at its end
    first, first_outcome = _in_background(
        vault, "first import", lambda s: ops.perform(s, csv_import.import_op(good, [group.id]))
    )
    assert holding.wait(WAIT)
    second, second_outcome = _in_background(
        vault, "second import", lambda s: ops.perform(s, csv_import.import_op(bad, [group.id]))
    )
    _until(lambda: turns.queued() == (0, 1))  # the second import waits for its turn

    def release_once_the_gui_waits() -> None:
        _until(lambda: sum(turns.queued()) == 2)  # the GUI's check-in waits too
        release.set()

    releaser = threading.Thread(target=release_once_the_gui_waits)
    releaser.start()
    # The GUI thread checks in while the first import holds the lock: it waits its turn.
    ops.perform(
        services.store, ops.attendance.check_in(meeting_id=meeting_id, pseudonym=regular.pseudonym)
    )
    acknowledged = [regular.pseudonym]
    # ... and, once saved, checks in someone imported by the first import.
    imported = next(m for m in services.store.members.all() if m.display_name == "Imported 0")
    ops.perform(
        services.store, ops.attendance.check_in(meeting_id=meeting_id, pseudonym=imported.pseudonym)
    )
    acknowledged.append(imported.pseudonym)
    for thread in (releaser, first, second):
        thread.join(WAIT)
    release.set()

    assert "error" not in first_outcome and len(first_outcome["value"].value) == 300
    assert isinstance(second_outcome.get("error"), Exception)  # a bug-type failure
    assert check_in_seen_by_second == [1], "the check-in waited behind the second import"
    present = set(services.store.meetings.present(meeting_id))
    assert set(acknowledged) <= present, "an acknowledged check-in was lost"
    names = {m.display_name for m in services.store.members.all()}
    assert sum(n.startswith("Imported") for n in names) == 300
    assert not any(n.startswith("Broken") for n in names), "the failed import left rows"
    assert vault.open_connections() == 1


def _note_check_in_then_wait_for_the_gui(
    db: Any, member: Member, saved: list[int], holding: threading.Event
) -> None:
    """In a background write, with its lock held: note whether ``member``'s check-in is
    saved; on its first attempt, also wait until a GUI write waits for its turn."""
    row = db.execute(
        "SELECT count(*) FROM attendance WHERE pseudonym = ?", [member.pseudonym]
    ).fetchone()
    saved.append(int(row[0]))
    if len(saved) == 1:
        holding.set()
        turns = db.write_turns
        _until(lambda: turns.queued()[0] == 1)  # the GUI's check-in is waiting now


def test_a_long_import_gives_way_to_a_check_in_and_starts_again(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check-in asked for while an import writes waits for one chunk of it, not all of
    it: the import rolls back at its next safe point, the check-in is saved, then the
    import starts again and writes every row (all or nothing, as before)."""
    group, (regular,), meeting_id = _group_with(services, "Regular")
    vault = services.vault
    assert vault is not None
    holding = threading.Event()
    check_in_saved_at_start: list[int] = []  # one per attempt of the import
    real = MemberRepo._insert_pseudonyms

    def hooked(db: Any, rows: Any) -> None:
        real(db, rows)
        if threading.current_thread().name != "import" or rows[0][1] != 0:
            return  # only the first chunk of each attempt
        _note_check_in_then_wait_for_the_gui(db, regular, check_in_saved_at_start, holding)

    monkeypatch.setattr(MemberRepo, "_insert_pseudonyms", staticmethod(hooked))
    rows = [Member(display_name=f"Imported {i}") for i in range(1200)]  # three chunks
    thread, outcome = _in_background(
        vault, "import", lambda s: ops.perform(s, csv_import.import_op(rows, [group.id]))
    )
    assert holding.wait(WAIT)
    ops.perform(
        services.store, ops.attendance.check_in(meeting_id=meeting_id, pseudonym=regular.pseudonym)
    )
    thread.join(WAIT)
    assert "error" not in outcome and len(outcome["value"].value) == 1200
    assert check_in_saved_at_start == [0, 1], "the check-in waited for the whole import"
    assert regular.pseudonym in services.store.meetings.present(meeting_id)
    assert len(services.store.members.all(group.id)) == 1201


def _check_in_during_capture(
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    member: Member,
    meeting_id: int,
    op: ops.Op,
) -> tuple[list[int], dict[str, Any]]:
    """Perform ``op`` (a sharing operation) in the background; while it captures this
    laptop's changes, the GUI thread checks ``member`` in. Returns, per capture, whether
    the check-in was saved when it began, and the operation's outcome."""
    from groupkeeper.sync import link

    vault = services.vault
    assert vault is not None
    holding = threading.Event()
    saved: list[int] = []
    real_capture = link.capture

    def capture(store: Store, *args: Any) -> Any:
        if threading.current_thread().name == "sharing":
            _note_check_in_then_wait_for_the_gui(store.db, member, saved, holding)
        return real_capture(store, *args)

    monkeypatch.setattr(link, "capture", capture)
    thread, outcome = _in_background(vault, "sharing", lambda s: ops.perform(s, op))
    assert holding.wait(WAIT)
    ops.perform(
        services.store, ops.attendance.check_in(meeting_id=meeting_id, pseudonym=member.pseudonym)
    )
    thread.join(WAIT)
    return saved, outcome


def test_a_background_sync_gives_way_to_a_check_in_and_starts_again(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same for a sync (auto-sync runs one whenever another laptop wrote): a check-in
    asked for while it captures this laptop's changes goes first; the sync rolls back and
    runs again, and sends the check-in with the rest."""
    import groupkeeper.ops.sync as sync_ops
    from groupkeeper.sync.service import SyncService

    group, (regular,), meeting_id = _group_with(services, "Regular")
    vault = services.vault
    assert vault is not None
    SyncService(services.store).share_group(
        group.id or 0, tmp_path / "shared", tmp_path / "invitation"
    )
    check_in_saved_at_capture, outcome = _check_in_during_capture(
        services, monkeypatch, regular, meeting_id, sync_ops.sync_now()
    )
    assert "error" not in outcome, outcome
    assert check_in_saved_at_capture == [0, 1], "the check-in waited for the whole sync"
    assert outcome["value"].value.changes_sent >= 1  # the check-in went out with the sync
    assert regular.pseudonym in services.store.meetings.present(meeting_id)


def test_sharing_a_group_never_gives_way_once_it_wrote_files(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sharing writes the invitation (and its code) before its first sync: started again
    it would leave the first invitation behind with another code. So it runs to its end
    even with a check-in waiting; the check-in goes right after it."""
    import groupkeeper.ops.sync as sync_ops

    group, (regular,), meeting_id = _group_with(services, "Regular")
    vault = services.vault
    assert vault is not None
    share = sync_ops.share(
        group_id=group.id, folder=str(tmp_path / "shared"), invitation=str(tmp_path / "invite")
    )
    check_in_saved_at_capture, outcome = _check_in_during_capture(
        services, monkeypatch, regular, meeting_id, share
    )
    assert "error" not in outcome, outcome
    assert check_in_saved_at_capture == [0], "sharing started again after writing files"
    assert regular.pseudonym in services.store.meetings.present(meeting_id)


def test_an_import_checks_its_rows_and_draws_pseudonyms_before_it_takes_the_lock(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The slow Python part of an import (checking each row, drawing pseudonyms) runs
    before its transaction begins, so the GUI's writes never wait for it."""
    import groupkeeper.ops.members as member_ops
    import groupkeeper.storage.repos.members as member_repo

    group, _people, _meeting = _group_with(services)
    vault = services.vault
    assert vault is not None
    in_transaction: dict[str, list[bool]] = {"check": [], "pseudonym": []}
    real_check, real_draw = member_ops._apply_fields, member_repo.new_pseudonym

    def check(*args: Any, **kwargs: Any) -> Any:
        in_transaction["check"].append(vault.db.conn.in_transaction)
        return real_check(*args, **kwargs)

    def draw() -> str:
        in_transaction["pseudonym"].append(vault.db.conn.in_transaction)
        return real_draw()

    monkeypatch.setattr(member_ops, "_apply_fields", check)
    monkeypatch.setattr(member_repo, "new_pseudonym", draw)
    rows = [Member(display_name=f"Imported {i}") for i in range(50)]
    thread, outcome = _in_background(
        vault, "import", lambda s: ops.perform(s, csv_import.import_op(rows, [group.id]))
    )
    thread.join(WAIT)
    assert "error" not in outcome and len(outcome["value"].value) == 50
    assert in_transaction["check"] == [False] * 50
    assert in_transaction["pseudonym"] == [False] * 50
    assert len(services.store.members.all(group.id)) == 50


def test_a_check_in_that_cannot_get_the_lock_says_so_and_shows_nothing_saved(
    qtbot: Any, services: Services, said: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past its bound, a check-in gives up with a clear, translated message: the screen
    keeps what it showed (the name still typed, nobody listed as here) and nothing is
    saved; once the background write is over, the same Enter checks the person in."""
    from PySide6.QtCore import Qt

    from groupkeeper.ui.meeting.runner import MeetingRunner

    _group, _people, meeting_id = _group_with(services, "Maya", "Ali")
    vault = services.vault
    assert vault is not None
    # The GUI's bound, shortened so the test does not sit through 5 s: the background
    # write holds the lock until the test lets it go, after the refusal, whatever the
    # machine's speed.
    monkeypatch.setattr(_sqlcipher, "TURN_WAIT_SECONDS", 0.2)
    holding, release = threading.Event(), threading.Event()

    def long_write(store: Store) -> None:
        with store.transaction():
            store.settings.set("backup_reminder_days", 9)
            holding.set()
            release.wait(WAIT)

    runner = MeetingRunner(services, meeting_id)
    qtbot.addWidget(runner)
    runner.show()
    seg = runner.segment_widget
    search = seg.panel.search
    thread, outcome = _in_background(vault, "long write", long_write)
    try:
        assert holding.wait(WAIT)
        qtbot.keyClicks(search, "may")
        qtbot.keyClick(search, Qt.Key.Key_Return)
        assert said == [("error", messages.describe_error(VaultBusy()))]
        assert "not saved" in said[0][1]
        assert runner.session.present() == []
        assert services.store.meetings.attendance(meeting_id) == []
        assert search.text() == "may"  # what was typed is still there to try again
        assert seg.here.count() == 0
        assert "is here" not in seg.panel.status.text()
    finally:
        release.set()
        thread.join(WAIT)
    assert "error" not in outcome
    qtbot.keyClick(search, Qt.Key.Key_Return)  # the same Enter again, now that it is over
    assert [p.name for p in runner.session.present()] == ["Maya"]
    assert len(said) == 1
    assert services.store.settings.get("backup_reminder_days") == 9  # both writes are there


def test_the_busy_message_is_translated(qtbot: Any) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from groupkeeper.ui import resources

    english = messages.describe_error(VaultBusy())
    path = resources.translation_file("es")
    assert path is not None
    translator = QTranslator()
    assert translator.load(str(path))
    QCoreApplication.installTranslator(translator)
    try:
        spanish = messages.describe_error(VaultBusy())
    finally:
        QCoreApplication.removeTranslator(translator)
    assert spanish and spanish != english


def test_a_gui_write_that_waited_for_a_rekey_is_written_with_the_new_key(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Revoke access" rekeys the file on a background connection while holding the
    write turn: a GUI write that asked meanwhile waits, then goes through the GUI's
    connection reopened on the new key (not the old one, which can no longer read the
    file), and the vault opens with the new passphrase holding it."""
    vault = services.vault
    assert vault is not None
    turns = vault._turns
    rekeyed, go = threading.Event(), threading.Event()
    real_rekey = vault_module._rekey_connection

    def rekey_then_wait(*args: Any) -> None:
        real_rekey(*args)
        rekeyed.set()
        go.wait(WAIT)  # the rekey is committed; the revoke has not finished yet

    monkeypatch.setattr(vault_module, "_rekey_connection", rekey_then_wait)
    services.store.groups.add(Group(name="Before"))  # the GUI's writer is open
    thread, outcome = _in_background(vault, "revoke", lambda _s: vault.revoke_access(NEW_PASS))
    assert rekeyed.wait(WAIT)

    def release_once_the_gui_waits() -> None:
        _until(lambda: sum(turns.queued()) == 1)
        go.set()

    releaser = threading.Thread(target=release_once_the_gui_waits)
    releaser.start()
    try:
        services.store.groups.add(Group(name="During the rekey"))
    finally:
        go.set()
        releaser.join(WAIT)
        thread.join(WAIT)
    assert "error" not in outcome
    assert services.store.groups.by_name("During the rekey") is not None
    services.lock()
    reopened = Vault.unlock(services.vault_dir, NEW_PASS)
    try:
        names = {g.name for g in Store(reopened.db, reopened.folder).groups.all()}
        assert {"Before", "During the rekey"} <= names
        assert reopened.check() == []
    finally:
        reopened.lock()


def test_lock_ends_the_wait_of_a_background_write_for_its_turn(services: Services) -> None:
    """A background write still waiting for its turn when the vault locks gives up at
    once (its result is dropped anyway) instead of waiting out its bound: it has ended
    while the write ahead of it still holds the turn."""
    vault = services.vault
    assert vault is not None
    turns = vault._turns
    assert turns.take(1.0, priority=True)  # a write of the GUI's under way
    try:
        thread, outcome = _in_background(
            vault, "waiting write", lambda s: s.groups.add(Group(name="Never"))
        )
        _until(lambda: turns.queued() == (0, 1))
        vault.lock()
        thread.join(WAIT)
        assert not thread.is_alive()
    finally:
        turns.give_back()
    assert type(outcome.get("error")).__name__ == "VaultLocked"


def test_an_operation_inside_a_transaction_leaves_giving_way_to_whoever_began_it(
    services: Services,
) -> None:
    """An operation performed inside an outer transaction is a savepoint of it: when it
    gives way, the whole outer transaction rolls back and is started again by whoever
    began it (here a background import inside a background transaction that may give
    way), never half of it."""
    group, _people, _meeting = _group_with(services)
    vault = services.vault
    assert vault is not None
    turns = vault._turns
    attempts: list[int] = []

    def outer(store: Store) -> int:
        from groupkeeper.storage._sqlcipher import GaveWay

        for attempt in range(3):
            try:
                with store.transaction(may_give_way=attempt < 2):
                    attempts.append(attempt)
                    store.groups.add(Group(name=f"Outer {attempt}"))
                    if attempt == 0:
                        _until(lambda: turns.queued()[0] == 1)  # a GUI write waits now
                    rows = [Member(display_name=f"Imported {i}") for i in range(600)]
                    return len(ops.perform(store, csv_import.import_op(rows, [group.id])).value)
            except GaveWay:
                continue
        raise AssertionError("never finished")

    def gui_waits() -> None:  # a GUI write that waits for its turn, then gives it back
        if turns.take(WAIT, priority=True):
            turns.give_back()

    thread, outcome = _in_background(vault, "outer", outer)
    gui = threading.Thread(target=gui_waits)
    _until(lambda: bool(attempts))
    gui.start()
    gui.join(WAIT)
    thread.join(WAIT)
    assert "error" not in outcome and outcome["value"] == 600
    names = {g.name for g in services.store.groups.all()}
    assert "Outer 0" not in names, "half of the outer transaction was kept"
    assert len(services.store.members.all(group.id)) == 600


def test_the_runner_checks_in_through_a_background_import_of_the_app(
    qtbot: Any, services: Services, said: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the facilitator meets it: the CSV import's operation runs in the app's worker
    (``services.ops.run_in_background``, as the import dialog starts it) while the
    meeting runner is open; Enter on a typed name checks the person in and shows them
    as here while the import is still under way (it gives way), then the import ends
    with every row and every open screen hears of it. No message box."""
    from PySide6.QtCore import Qt

    from groupkeeper.ui import worker
    from groupkeeper.ui.meeting.runner import MeetingRunner

    group, _people, meeting_id = _group_with(services, "Maya", "Ali")
    vault = services.vault
    assert vault is not None
    turns = vault._turns
    importing, resume = threading.Event(), threading.Event()
    real = MemberRepo._insert_pseudonyms

    def hooked(db: Any, rows: Any) -> None:
        real(db, rows)
        if threading.current_thread() is threading.main_thread() or rows[0][1] != 0:
            return  # only the first chunk of each attempt of the import
        if not importing.is_set():
            importing.set()
            _until(lambda: turns.queued()[0] == 1)  # until the facilitator presses Enter
        else:
            resume.wait(WAIT)  # its second attempt: until the test has looked

    monkeypatch.setattr(MemberRepo, "_insert_pseudonyms", staticmethod(hooked))
    runner = MeetingRunner(services, meeting_id)
    qtbot.addWidget(runner)
    runner.show()
    seg = runner.segment_widget
    search = seg.panel.search
    changed: list[Any] = []
    services.ops.changed.connect(changed.append)
    done: list[Any] = []
    rows = [Member(display_name=f"Imported {i}") for i in range(1500)]
    services.ops.run_in_background(
        lambda: csv_import.import_op(rows, [group.id]), done.append, done.append
    )
    assert importing.wait(WAIT)  # the import holds the lock now
    qtbot.keyClicks(search, "may")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert [p.name for p in runner.session.present()] == ["Maya"]
    assert seg.here.count() == 1 and "Maya is here." in seg.panel.status.text()
    # The import is still under way (it gave way to the check-in): none of it is there.
    assert len(services.store.members.all(group.id)) == 2
    resume.set()
    assert worker.wait_idle(WAIT * 1000)
    assert len(done) == 1 and len(done[0].value) == 1500
    assert any(c.op.name == "member.import" for c in changed)
    assert len(services.store.members.all(group.id)) == 1502
    assert said == []
