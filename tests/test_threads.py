"""One connection per thread: background work beside the GUI's writes, and lock stopping it.

Real vault, real threads (the app's worker pool). The GUI thread owns the vault's writer;
reports, backups and the CSV import each open their own connection on the same key.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QPlainTextEdit

from groupkeeper import csv_import, ops, reports_export
from groupkeeper.agenda import fill_from_template
from groupkeeper.metrics import Period
from groupkeeper.model import Group, Member
from groupkeeper.settings import Settings
from groupkeeper.storage.errors import KnownError, VaultLocked
from groupkeeper.storage.vault import Vault, WrongThread
from groupkeeper.ui import messages, worker
from groupkeeper.ui.main_window import MainWindow
from groupkeeper.ui.services import Services

PASS = "kettle river purple bicycle"
SECRET = "Zebedee Quillfeather"


@pytest.fixture(autouse=True)
def _responder():  # type: ignore[no-untyped-def]
    messages.set_test_responder(lambda kind, title, text: True)
    yield
    messages.set_test_responder(None)


@pytest.fixture
def services(tmp_path: Path):  # type: ignore[no-untyped-def]
    svc = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault")
    svc.create_vault(svc.vault_dir, PASS)
    yield svc
    worker.wait_idle()
    svc.lock()


def _open_vault_files(folder: Path) -> list[str]:
    """Files of ``folder`` this process holds open (every SQLite connection holds some)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder.resolve())):
            found.append(target)
    return found


def _people(prefix: str, n: int, group_id: int) -> list[Member]:
    return [Member(display_name=f"{prefix} {i:05d}", group_ids=[group_id]) for i in range(n)]


def test_background_report_and_imports_while_the_gui_checks_in(qtbot, services) -> None:
    store = services.store
    group = store.groups.add(fill_from_template(Group(name="Circle", crisis_resources="x")))
    assert group.id is not None
    regulars = store.members.add_many(_people("Regular", 300, group.id))
    meeting = store.meetings.start(group.id, "2026-11-24")
    assert meeting.id is not None
    vault = services.vault
    stop_reports = threading.Event()
    importing = threading.Event()
    reports_run: list[int] = []

    def report_until_stopped() -> int:
        period = Period((2026, 1), (2026, 12))
        while not stop_reports.is_set():
            reports_export.build_report(
                vault.db, None, period, threshold=5, scope_label="All", today=dt.date(2026, 12, 1)
            )
            reports_run.append(1)
        return len(reports_run)

    def import_marked(members: list[Member]) -> int:
        importing.set()
        try:
            return csv_import.import_members(services.store, members, [group.id])
        finally:
            importing.clear()

    # 2,000 rows keep the writer busy long enough for the GUI thread's check-ins to fall
    # inside an import, and short enough that a waiting check-in stays far inside the 5 s
    # busy timeout (5,000 rows exceeded it on a heavily loaded machine).
    good = _people("Imported good", 2000, group.id)
    # The last row names a group that does not exist: the transaction fails at its end.
    bad = _people("Imported bad", 2000, group.id)
    bad[-1].group_ids = [987654]
    outcomes: dict[str, Any] = {}
    worker.run_on_vault(
        vault,
        report_until_stopped,
        on_done=lambda n: outcomes.update(report=n),
        on_error=lambda e: outcomes.update(report=e),
    )
    worker.run_on_vault(
        vault,
        import_marked,
        good,
        write=True,
        on_done=lambda n: outcomes.update(good=n),
        on_error=lambda e: outcomes.update(good=e),
    )
    worker.run_on_vault(
        vault,
        import_marked,
        bad,
        write=True,
        on_done=lambda n: outcomes.update(bad=n),
        on_error=lambda e: outcomes.update(bad=e),
    )
    acknowledged: list[str] = []
    during_import = 0
    deadline = time.monotonic() + 60
    for person in regulars:  # the GUI thread records check-ins while the tasks run
        busy = importing.is_set()
        store.meetings.check_in(meeting.id, person.pseudonym)
        acknowledged.append(person.pseudonym)
        during_import += busy
        qtbot.wait(2)
        if "good" in outcomes and "bad" in outcomes:
            break
        assert time.monotonic() < deadline
    stop_reports.set()
    assert worker.wait_idle()

    assert outcomes["good"] == 2000
    assert isinstance(outcomes["bad"], Exception)  # the foreign key failed: a bug-type error
    assert isinstance(outcomes["report"], int) and outcomes["report"] >= 1
    assert during_import > 0, "no check-in was made while an import was writing"
    present = set(store.meetings.present(meeting.id))
    assert set(acknowledged) <= present, "a check-in was lost"
    names = {m.display_name for m in store.members.all()}
    assert sum(n.startswith("Imported good") for n in names) == 2000
    assert not any(n.startswith("Imported bad") for n in names), "the failed import left rows"
    assert vault.open_connections() == 1  # only the GUI thread's writer


def test_background_connections_are_read_only_unless_asked(services) -> None:
    vault = services.vault
    errors: list[BaseException] = []

    def try_write() -> None:
        try:
            with vault.thread_connection():
                services.store.groups.add(Group(name="From a reader"))
        except BaseException as exc:  # noqa: BLE001 - inspected below
            errors.append(exc)

    thread = threading.Thread(target=try_write)
    thread.start()
    thread.join()
    assert len(errors) == 1 and isinstance(errors[0], KnownError)
    assert services.store.groups.by_name("From a reader") is None
    assert vault.open_connections() == 1


def test_a_thread_without_its_own_connection_is_refused(services) -> None:
    errors: list[BaseException] = []

    def sneak() -> None:
        try:
            services.store.members.all()
        except BaseException as exc:  # noqa: BLE001 - inspected below
            errors.append(exc)

    thread = threading.Thread(target=sneak)
    thread.start()
    thread.join()
    assert len(errors) == 1 and isinstance(errors[0], WrongThread)


def test_unlock_in_a_worker_then_the_gui_thread_owns_a_fresh_writer(tmp_path: Path) -> None:
    Vault.create(tmp_path / "v", PASS)[0].lock()
    box: list[Vault] = []

    def unlock() -> None:
        vault = Vault.unlock(tmp_path / "v", PASS)
        vault.hand_off()
        box.append(vault)

    thread = threading.Thread(target=unlock)
    thread.start()
    thread.join()
    vault = box[0]
    assert vault.open_connections() == 0
    assert vault.db.execute("SELECT count(*) FROM groups").fetchone() == (0,)
    assert vault.open_connections() == 1
    vault.lock()
    assert vault.open_connections() == 0


def _model_text(model: QAbstractItemModel, parent: QModelIndex | None = None) -> str:
    parent = parent or QModelIndex()
    parts = []
    for row in range(model.rowCount(parent)):
        for col in range(model.columnCount(parent)):
            value = model.data(model.index(row, col, parent), Qt.ItemDataRole.DisplayRole)
            parts.append(str(value))
    return " ".join(parts)


def _all_text(root: Any) -> str:
    parts: list[str] = []
    for widget in [root, *root.findChildren(object)]:
        if isinstance(widget, QLabel | QLineEdit):
            parts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            parts.append(widget.toPlainText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            parts.append(_model_text(widget.model()))
    return "\n".join(parts)


def test_lock_during_long_background_work_is_quick_and_closes_everything(qtbot, services) -> None:
    group = services.store.groups.add(fill_from_template(Group(name="Circle")))
    assert group.id is not None
    services.store.members.add(Member(display_name=SECRET, group_ids=[group.id]))
    folder = Path(services.vault_dir)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    # Baseline in the same run: the same lock with nothing running in the background.
    window.show_roster()
    t0 = time.monotonic()
    window.lock()
    baseline = time.monotonic() - t0
    services.unlock(PASS)
    window.show_home()
    window.show_roster()
    assert SECRET in _all_text(window)
    vault = services.vault
    started = threading.Barrier(3, timeout=10)
    outcomes: list[Any] = []

    def long_report() -> int:
        started.wait()
        # Stands in for a report over years of meetings: far longer than a second.
        row = vault.db.execute(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c"
            " WHERE x < 2000000000) SELECT count(*) FROM c"
        ).fetchone()
        return int(row[0])

    many = _people("Never kept", 200_000, group.id or 0)  # read and checked beforehand
    # The member.import operation, built before the work starts as the import dialog
    # builds it from its preview; the worker performs it on its own writer connection.
    import_op = csv_import.import_op(many, [])

    def long_import() -> int:
        started.wait()
        return len(ops.perform(services.store, import_op).value)

    for fn, write in ((long_report, False), (long_import, True)):
        worker.run_on_vault(
            vault, fn, write=write, on_done=outcomes.append, on_error=outcomes.append
        )
    started.wait()
    time.sleep(0.2)  # both are inside their work now
    assert vault.open_connections() == 3

    t0 = time.monotonic()
    window.lock()
    elapsed = time.monotonic() - t0
    assert window.stack.currentWidget() is window.unlock_screen
    # The background work may add at most the vault's grace for a write plus its wait
    # for cancelled work (0.5 s); on a quiet machine the whole lock takes 0.3-0.4 s. The
    # work itself would run for minutes, so a generous bound still proves lock does not
    # wait for it, without failing on a busy CI machine (timings belong in bench/).
    extra = elapsed - baseline
    assert extra < 2.5, f"locking took {elapsed:.2f} s against {baseline:.2f} s with no work"
    assert not services.is_unlocked
    assert worker.wait_idle(5000)
    assert outcomes == []  # the vault locked: the screens that asked are gone
    assert vault.open_connections() == 0
    assert _open_vault_files(folder) == [], "a connection to the vault is still open"
    assert vault._key is None
    assert SECRET not in _all_text(window)

    # The interrupted import rolled back as a whole; nothing of it is in the vault.
    services.unlock(PASS)
    names = {m.display_name for m in services.store.members.all()}
    assert names == {SECRET}


def test_work_asked_for_after_lock_does_not_open_a_connection(services) -> None:
    vault = services.vault
    services.lock()
    with pytest.raises(VaultLocked), vault.thread_connection():
        pass
    assert vault.open_connections() == 0


def test_lock_while_a_worker_is_closing_its_connection(services) -> None:
    """A worker closes its connection a moment before it leaves the vault's list; a lock
    in that moment must not trip over the closed connection (CI once failed a teardown
    with 'Cannot operate on a closed database' from ``interrupt``)."""
    vault = services.vault
    closed, release = threading.Event(), threading.Event()

    def work() -> None:
        with vault.thread_connection() as db:
            db.conn.close()  # the worker's own close, before it leaves the list
            closed.set()
            release.wait(10)

    thread = threading.Thread(target=work)
    thread.start()
    assert closed.wait(10)
    services.lock()  # raised ProgrammingError before
    release.set()
    thread.join(10)
    assert vault.open_connections() == 0
    assert vault._key is None


def test_a_task_holding_the_last_reference_to_a_widget_releases_it_in_the_gui_thread(
    qtbot,
) -> None:  # type: ignore[no-untyped-def]
    """A closure given to the pool can hold the last reference to a widget (a screen
    closed meanwhile); dropping it in the pool thread deleted the widget there, and CI
    hung in that deletion. The worker hands it back to the GUI thread instead."""
    from PySide6.QtWidgets import QWidget

    destroyed_in: list[int] = []

    class Screen(QWidget):
        def __del__(self) -> None:
            destroyed_in.append(threading.get_ident())

    release = threading.Event()

    def slow(screen: QWidget) -> int:
        release.wait(5)
        return 1 if screen is not None else 0

    worker.run_in_background(slow, Screen(), on_done=lambda _v: None)  # the only reference
    release.set()
    assert worker.wait_idle(5000)
    qtbot.waitUntil(lambda: bool(destroyed_in), timeout=5000)
    assert destroyed_in == [threading.get_ident()]


def _fails_with_a_widget_in_its_frame(widget: QLabel) -> int:
    raise ValueError("expected by the test")


def test_the_pool_thread_never_drops_the_last_reference_to_a_relay(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A task's signal can reach the GUI thread before the pool thread has finished its
    task. Had the GUI thread let go of the relay (a QObject) first, the pool thread freed
    it: PySide6 queued its deletion for the main thread while deleteLater deleted it too,
    and a later event crashed in Shiboken's runDeletionInMainThread (test_ui_reports,
    about one run in two). Every relay, and every widget a failed task's frames hold, is
    freed in the GUI thread."""
    from PySide6.QtCore import QCoreApplication, QEvent

    freed_in: list[int] = []

    class CountedRelay(worker._Relay):
        def __del__(self) -> None:
            freed_in.append(threading.get_ident())

    class CountedLabel(QLabel):
        def __del__(self) -> None:
            freed_in.append(threading.get_ident())

    monkeypatch.setattr(worker, "_Relay", CountedRelay)
    answers: list[object] = []
    for i in range(200):
        worker.run_in_background(lambda n=i: n, on_done=answers.append)
        if i % 4 == 0:
            worker.run_in_background(
                _fails_with_a_widget_in_its_frame,
                CountedLabel(),
                on_error=lambda exc: answers.append(type(exc)),  # not its frames
            )
    qtbot.waitUntil(lambda: len(answers) == 250, timeout=30000)
    assert worker.wait_idle(5000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    import gc

    gc.collect()
    qtbot.waitUntil(lambda: len(freed_in) == 300, timeout=10000)
    assert set(freed_in) == {threading.get_ident()}


def test_writers_wait_in_the_order_they_asked(services) -> None:
    """Background writes that wait behind a long background write go in the order they
    asked (the GUI's writes go before them all: test_write_wait): one that asked early
    goes next, before one that asked later (SQLite alone lets whichever retries at the
    right moment win: a write waiting through one import could lose to a second import
    queued behind it and wait through both, past the busy timeout)."""
    from groupkeeper.storage.repos import Store

    vault = services.vault
    group = services.store.groups.add(Group(name="Turns"))
    holding, release = threading.Event(), threading.Event()
    committed: list[str] = []

    def write(name: str, hold: bool = False) -> None:
        with vault.thread_connection(write=True):
            store = Store(lambda: vault.db, vault.folder)
            with store.transaction():
                store.members.add(Member(display_name=name, group_ids=[group.id]))
                if hold:
                    holding.set()
                    release.wait(10)
            committed.append(name)

    long_import = threading.Thread(target=write, args=("first", True))
    long_import.start()
    assert holding.wait(10)
    early = threading.Thread(target=write, args=("asked early",))
    early.start()
    time.sleep(0.4)  # the early writer is waiting by now
    late = threading.Thread(target=write, args=("asked late",))
    late.start()
    time.sleep(0.05)  # the late one is in SQLite's quick first retries by now
    release.set()
    for thread in (long_import, early, late):
        thread.join(20)
    assert committed == ["first", "asked early", "asked late"]
